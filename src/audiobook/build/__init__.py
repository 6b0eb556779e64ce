"""The build: prepare (load and check everything), render the lines, make each chapter that
changed, then the full-book files; remembers what it made in ``.audiobook/state.json``.

    prepare.py    book, cast, script, output names and the plan of lines, checked before any work
    state.py      what the last builds made, typed, read and written in one place
    chapter.py    one track: placed, mastered, encoded paragraph by paragraph
    book_file.py  the full-book MP3 and M4B
    report.py     what a build tells its caller
    pipeline.py   build(): the stages in order, synthesis and chapters side by side
    watch.py      build again on every save, the workers kept warm (``build --watch``, the studio)
"""

from audiobook.build.pipeline import build
from audiobook.build.prepare import BuildOptions, Prepared, prepare
from audiobook.build.report import BuildReport, ChapterReport, Progress

__all__ = ["BuildOptions", "BuildReport", "ChapterReport", "Prepared", "Progress", "build", "prepare"]
