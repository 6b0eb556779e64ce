"""Dask preload for the test cluster's workers (``LocalCluster(preload=[this file])``), run in every
worker process, restarted ones too: a working directory and temp dir of their own, and no access to
the books (an audit hook refuses to open or list anything under AUDIOBOOK_TEST_NO_ACCESS), as on a
machine that does not share the build's disk."""

from __future__ import annotations

import os
import sys
import tempfile
from typing import Any


def dask_setup(worker: Any) -> None:
    os.chdir(os.environ["AUDIOBOOK_TEST_WORKDIR"])
    tempfile.tempdir = None                  # taken again from TMPDIR (the worker's own)
    forbidden = os.path.realpath(os.environ["AUDIOBOOK_TEST_NO_ACCESS"])

    def guard(event: str, args: tuple[Any, ...]) -> None:
        if event in ("open", "os.listdir", "os.scandir", "os.mkdir", "os.rename", "os.remove") and args:
            path = args[0]
            if isinstance(path, (str, bytes, os.PathLike)):
                real = os.path.realpath(os.fsdecode(path))
                if real == forbidden or real.startswith(forbidden + os.sep):
                    raise PermissionError(13, "the books are not on this worker's disk", real)

    sys.addaudithook(guard)
