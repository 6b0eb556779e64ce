"""The synthesis server (voice/server/): a build leaves one behind, the next build hands it its lines,
the audio is the same as a build's own workers make, and it goes away when told, when idle, when
its install changes or when it dies, without a build ever waiting on it or failing for it."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from audiobook.build import BuildOptions, BuildReport, prepare
from audiobook.build import build as library_build
from audiobook.cli.main import served_build
from audiobook.errors import WorkersLost
from audiobook.model import Voice
from audiobook.voice import render, server
from audiobook.voice.cache import LineCache

from conftest import interruptible, make_book, run_cli


@pytest.fixture
def runtime(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The server turned on, with its files in a private folder (short: a socket's path is at
    most 107 bytes); every server stopped afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="ab-", dir="/tmp"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    monkeypatch.setenv("AUDIOBOOK_SERVER", "1")
    monkeypatch.setenv("AUDIOBOOK_SERVER_IDLE", "120")
    try:
        yield folder / "audiobook"
    finally:
        server.stop(every=True)
        shutil.rmtree(folder, ignore_errors=True)


def build(book: Path, options: BuildOptions | None = None) -> BuildReport:
    """A build as ``audiobook build`` runs it: with the synthesis server."""
    return served_build(book, options or BuildOptions())


def test_the_library_build_never_starts_a_server(runtime: Path, tmp_path: Path) -> None:
    """Starting a daemon is the command line's choice, not the library's."""
    book = make_book(tmp_path / "book")
    assert not library_build(book).server
    time.sleep(0.5)
    assert server.servers() == [] and not server.running()


def wait_for_server(timeout: float = 60.0) -> dict[str, object]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [s for s in server.servers() if s["current"]]
        if found:
            return found[0]
        time.sleep(0.1)
    raise AssertionError("no synthesis server came up")


def gone(pid: int, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not server.alive(pid):
            return True
        time.sleep(0.05)
    return False


def edit(book: Path, old: str, new: str) -> None:
    f = book / "manuscript" / "01-first.md"
    f.write_text(f.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_a_build_leaves_a_server_that_the_next_build_hands_its_lines_to(
        runtime: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    book = make_book(tmp_path / "book")
    first = build(book)
    assert not first.server                        # none was running: this build's own workers
    info = wait_for_server()
    assert info["voices"] == ["narr", "dan", "li"]   # the profile's voices, loaded as it starts
    edit(book, "Later that night", "Much later that night")
    monkeypatch.chdir(book)                        # --book . : not where the server runs
    again = build(Path("."))
    assert again.server and again.lines_synthesized == 1
    assert again.chapters[1].lines_synthesized == 0
    assert wait_for_server()["lines"] == 1
    nothing = build(Path("."))                     # nothing to say: the server is not even asked
    assert not nothing.server and nothing.lines_synthesized == 0

    # the same audio as a build without the server: line for line, and the chapter files
    alone = make_book(tmp_path / "alone")
    edit(alone, "Later that night", "Much later that night")
    os.environ["AUDIOBOOK_SERVER"] = "0"
    try:
        build(alone)
    finally:
        os.environ["AUDIOBOOK_SERVER"] = "1"
    ours, theirs = LineCache(book / ".audiobook" / "cache"), LineCache(alone / ".audiobook" / "cache")
    for key in theirs.keys():
        assert ours.path(key).read_bytes() == theirs.path(key).read_bytes()
    for name in ("01 - The First.mp3", "02 - The Second.mp3"):
        assert (book / "output" / name).read_bytes() == (alone / "output" / name).read_bytes()


def test_explicit_jobs_and_the_switch_leave_the_server_alone(runtime: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    book = make_book(tmp_path / "book")
    assert not build(book, BuildOptions(jobs=2)).server
    time.sleep(0.5)
    assert server.servers() == [] and not server.running()   # --jobs N: its own workers, no server started
    monkeypatch.setenv("AUDIOBOOK_SERVER", "0")
    edit(book, "Later that night", "Much later that night")
    assert not build(book).server
    assert server.servers() == []
    monkeypatch.setenv("AUDIOBOOK_SERVER", "")
    monkeypatch.setenv("CI", "1")                 # off in CI unless asked for
    assert not server.enabled()


def test_status_and_stop_from_the_command_line(runtime: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run_cli(["server", "status"], capsys, monkeypatch)
    assert code == 0 and "no synthesis server is running" in out
    assert server.start([])
    pid = int(wait_for_server()["pid"])
    code, out, _ = run_cli(["server", "status"], capsys, monkeypatch)
    assert code == 0 and f"synthesis server {pid}:" in out and "0 lines synthesized" in out
    code, out, _ = run_cli(["server", "stop"], capsys, monkeypatch)
    assert code == 0 and f"stopped the synthesis server ({pid})" in out
    assert gone(pid)
    assert not list(runtime.glob("*.sock"))       # the socket goes with it
    code, out, _ = run_cli(["server", "stop"], capsys, monkeypatch)
    assert "no synthesis server was running" in out


def test_a_stale_socket_is_not_a_server(runtime: Path, tmp_path: Path) -> None:
    """A server killed with -9 leaves its socket: builds do not wait on it, and the next server
    takes its place."""
    runtime.mkdir(mode=0o700)
    s = socket.socket(socket.AF_UNIX)
    s.bind(str(runtime / f"{server.identity()}.sock"))
    s.close()                                      # bound, never listening: connections are refused
    book = make_book(tmp_path / "book")
    t0 = time.monotonic()
    assert server.connect() is None
    assert time.monotonic() - t0 < server.CONNECT_TIMEOUT
    assert not build(book).server
    wait_for_server()
    edit(book, "Later that night", "Much later that night")
    assert build(book).server


def test_an_idle_server_exits(runtime: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AUDIOBOOK_SERVER_IDLE", "1")
    assert server.start([])
    pid = int(wait_for_server()["pid"])
    assert gone(pid, 20)


def test_a_server_that_dies_fails_the_calls_waiting_on_it_then_a_build_starts_another(
        runtime: Path, tmp_path: Path) -> None:
    assert server.start([])
    pid = int(wait_for_server()["pid"])
    pool = server.connect()
    assert pool is not None
    assert pool.submit(pow, 2, 10).result(30) == 1024
    slow = pool.submit(time.sleep, 30)
    time.sleep(0.5)
    os.kill(pid, signal.SIGKILL)
    with pytest.raises(WorkersLost, match="the synthesis server stopped during the build"):
        slow.result(30)
    pool.shutdown()
    book = make_book(tmp_path / "book")
    r = build(book)                                # its lock is free: no server; a new one starts
    assert not r.server and r.lines_synthesized == r.lines_total
    assert int(wait_for_server()["pid"]) != pid


def test_a_worker_loads_the_model_again_when_its_identity_changes() -> None:
    """A worker kept between builds (the server, --watch) whose voice's model file was replaced
    gets a job naming the new file's digest: it loads the model again, not the one it holds."""
    voice = Voice(name="narr", engine="test", model="narrator")
    first = render._engine(voice, "digest-a")
    assert render._engine(voice, "digest-a") is first
    assert render._engine(voice, "digest-b") is not first


def slow_build_under_way(tmp_path: Path) -> tuple[Path, subprocess.Popen[str]]:
    """A build command of a book whose narrator takes 0.2 s a sentence, on a running server,
    once its first line is in the cache."""
    from test_crash import SLOW, chapters

    book = make_book(tmp_path / "book", chapters(3, 6), SLOW.replace("delay: 0.02", "delay: 0.2"))
    assert server.start([])
    wait_for_server()
    cache = book / ".audiobook" / "cache"
    proc = subprocess.Popen([sys.executable, "-m", "audiobook", "build", "--book", str(book), "--quiet"],
                            stderr=subprocess.PIPE, text=True, preexec_fn=interruptible)
    deadline = time.monotonic() + 60
    while not (cache.is_dir() and any(p.is_file() for p in cache.rglob("*"))):
        assert time.monotonic() < deadline and proc.poll() is None, "no line was finished"
        time.sleep(0.02)
    return book, proc


def test_a_server_stopped_during_a_build_stops_it_with_one_line(runtime: Path, tmp_path: Path) -> None:
    book, proc = slow_build_under_way(tmp_path)
    assert server.stop()
    err = proc.communicate(timeout=30)[1]
    assert proc.returncode == 2 and err.startswith("error: the synthesis server stopped during the build")
    assert len(err.splitlines()) == 1
    r = build(book)                               # no server now: the build's own workers finish it
    assert not r.server and 0 < r.lines_synthesized < r.lines_total


def test_ctrl_c_stops_a_build_the_server_speaks_for_and_keeps_what_it_finished(runtime: Path, tmp_path: Path) -> None:
    book, proc = slow_build_under_way(tmp_path)
    cache = book / ".audiobook" / "cache"
    proc.send_signal(signal.SIGINT)
    err = proc.communicate(timeout=30)[1]
    assert proc.returncode == 130 and "interrupted; finished lines are kept in the cache" in err
    time.sleep(1.0)                                # what the server's workers had started lands too
    kept = set(LineCache(cache).keys())
    left = prepare(book, BuildOptions()).plan.jobs
    assert kept and left and not kept & left.keys()   # stopped part way; nothing finished is said again
    r = build(book)
    assert r.server and 0 < r.lines_synthesized < r.lines_total


def test_the_folder_a_build_runs_in_cannot_shadow_the_servers_modules(
        runtime: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "json.py").write_text("raise SystemExit('the book folder shadowed json')\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert server.start([])
    wait_for_server(30)
