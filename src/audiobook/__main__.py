from audiobook.cli import run

run()
