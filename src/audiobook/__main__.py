from audiobook.cli.main import run

run()
