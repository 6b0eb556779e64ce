"""Ctrl-C at any moment of a build's start (the workers importing their engines, the pool
starting them) is one line and exit code 130: no worker's KeyboardInterrupt traceback, no
traceback of a worker that was still starting when the build had gone (issue 16, item 12)."""

from __future__ import annotations

import importlib
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from audiobook.cli.main import _interrupt_again, _late_report

from conftest import interruptible, make_book

main_module = importlib.import_module("audiobook.cli.main")     # the package's name "main" is the function


def test_ctrl_c_early_in_a_build_is_one_line(tmp_path: Path) -> None:
    book = make_book(tmp_path / "book")
    seen = []
    for moment in (0.3, 0.6, 0.9, 1.2, 1.5, 1.8, 2.1, 2.4):
        shutil.rmtree(book / ".audiobook", ignore_errors=True)
        shutil.rmtree(book / "output", ignore_errors=True)
        proc = subprocess.Popen([sys.executable, "-m", "audiobook", "build", "--book", str(book), "--quiet"],
                                stderr=subprocess.PIPE, text=True, start_new_session=True, preexec_fn=interruptible)
        time.sleep(moment)
        os.killpg(proc.pid, signal.SIGINT)        # as a terminal's Ctrl-C: the whole process group
        err = proc.communicate(timeout=60)[1]
        time.sleep(0.3)                           # a worker still starting writes after the build ends
        seen.append((moment, proc.returncode, err))
    for moment, code, err in seen:
        assert code in (0, 130, -signal.SIGINT), (moment, err)    # -SIGINT: ended by the signal, as a shell expects
        assert "Traceback" not in err and "KeyboardInterrupt" not in err, (moment, err)
        said = [ln for ln in err.splitlines() if ln.strip() and not ln.startswith("warning: ")]   # (no cover)
        assert said in ([], ["interrupted; finished lines are kept in the cache"]), (moment, err)
    assert any(code in (130, -signal.SIGINT) for _, code, _ in seen)


def test_a_ctrl_c_a_finalizer_swallows_still_stops_the_command(monkeypatch: pytest.MonkeyPatch) -> None:
    # Python prints a KeyboardInterrupt raised in a finalizer and goes on: the build went on to the end
    class Freed:
        def __del__(self) -> None:
            raise KeyboardInterrupt      # as a Ctrl-C landing while a pool's semaphore is freed

    monkeypatch.setattr(sys, "unraisablehook", _interrupt_again)
    # a Ctrl-C raises here even when the tests run as a background job, whose shell ignores SIGINT
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    started = time.monotonic()
    try:
        with pytest.raises(KeyboardInterrupt):
            Freed()
            time.sleep(10)
    finally:
        signal.signal(signal.SIGINT, previous)
    assert time.monotonic() - started < 5


def test_a_pool_reporting_to_a_cancelled_future_prints_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    # Python 3.11's pool fails every job it holds when a Ctrl-C also ended a worker, cancelled ones too
    from concurrent.futures import Future

    cancelled: Future[int] = Future()
    cancelled.cancel()

    def pool_thread() -> None:
        cancelled.set_exception(RuntimeError("a process in the pool ended"))

    def other_thread() -> None:
        raise ValueError("a real error in a thread")

    before = threading.excepthook
    threading.excepthook = _late_report
    try:
        for target in (pool_thread, other_thread):
            t = threading.Thread(target=target)
            t.start()
            t.join()
    finally:
        threading.excepthook = before
    err = capsys.readouterr().err
    assert "InvalidStateError" not in err and "ValueError: a real error in a thread" in err


def test_a_ctrl_c_python_wraps_in_another_error_is_still_one_line(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # a Ctrl-C landing in a dataclass being defined during an import comes out as a RuntimeError
    def interrupted_import(**_kw: object) -> None:
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt as e:
            raise RuntimeError("Error calling __set_name__ on 'Field' instance") from e

    def broken(**_kw: object) -> None:
        raise RuntimeError("not an interrupt")

    monkeypatch.setattr(main_module.cli, "main", interrupted_import)
    with pytest.raises(SystemExit) as stop:
        main_module.main()
    assert stop.value.code == 130
    assert capsys.readouterr().err == "interrupted; finished lines are kept in the cache\n"
    monkeypatch.setattr(main_module.cli, "main", broken)
    with pytest.raises(RuntimeError, match="not an interrupt"):
        main_module.main()
