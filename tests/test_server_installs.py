"""One synthesis server per install, several side by side, never stopped under a build it serves;
a server that cannot be reached or cannot work exits; the key is never empty; a silent client
blocks nobody (issue 16, items 8-11)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from audiobook.voice import server
from test_server import build, gone, runtime, wait_for_server  # noqa: F401  (runtime: a fixture)

from conftest import make_book, run_cli

SRC = Path(__file__).resolve().parents[1] / "src"
SLOW = """\
voices:
  narr: {engine: test, model: narrator, options: {delay: 0.25}}
cast:
  Narrator: narr
"""


def install(root: Path) -> dict[str, str]:
    """A second install of audiobook: the same code at another location (as a second checkout
    is); the environment that runs it."""
    shutil.copytree(SRC / "audiobook", root / "audiobook", ignore=shutil.ignore_patterns("__pycache__"))
    return os.environ | {"PYTHONPATH": str(root)}


def run_build(book: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "audiobook", "build", "--book", str(book)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def servers_of(env: dict[str, str]) -> list[dict[str, object]]:
    code = "import json; from audiobook.voice import server; print(json.dumps(server.servers()))"
    import json

    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    return [s for s in json.loads(out) if s["current"]]


def wait_for(env: dict[str, str], timeout: float = 90.0) -> dict[str, object]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if found := servers_of(env):
            return found[0]
        time.sleep(0.3)
    raise AssertionError("no synthesis server came up")


def test_two_checkouts_building_at_once_both_finish_each_with_its_own_server(
        runtime: Path, tmp_path: Path) -> None:  # noqa: F811
    first, second = install(tmp_path / "a"), install(tmp_path / "b")
    paragraphs = "".join(f"Line {n} is here. It goes on. And on. Then ends.\n\n" for n in range(14))
    long_book = make_book(tmp_path / "long", {f"0{i}-c.md": f"# Part {i}\n\n{paragraphs}" for i in range(1, 4)},
                          SLOW, characters=False)          # 42 lines of 1 s: 20 s on two workers
    short_book = make_book(tmp_path / "short", None, SLOW, characters=False)
    assert run_build(make_book(tmp_path / "warm", None, SLOW, characters=False), first).wait(120) == 0
    a = wait_for(first)                              # the first checkout's server is up
    building = run_build(long_book, first)          # a build it serves, for several seconds
    assert run_build(short_book, second).wait(120) == 0   # the second checkout: no server yet; starts one
    b = wait_for(second)
    assert building.poll() is None, building.communicate()   # still building (before: killed, exit 2)
    assert server.alive(int(a["pid"]))              # not stopped under the build it serves
    out, err = building.communicate(timeout=180)
    assert building.returncode == 0, err
    assert "synthesized by the synthesis server" in out
    assert a["pid"] != b["pid"] and a["install"] != b["install"]
    assert server.alive(int(a["pid"])) and server.alive(int(b["pid"]))   # side by side
    edit = short_book / "manuscript" / "01-first.md"
    edit.write_text(edit.read_text(encoding="utf-8").replace("Later that", "Much later that"), encoding="utf-8")
    again = run_build(short_book, second)
    assert again.wait(120) == 0 and "synthesized by the synthesis server" in again.communicate()[0]

    # server stop: this install's only; --all: every one
    subprocess.run([sys.executable, "-m", "audiobook", "server", "stop"], env=second, check=True,
                   capture_output=True)
    assert gone(int(b["pid"]), 20) and server.alive(int(a["pid"]))
    subprocess.run([sys.executable, "-m", "audiobook", "server", "stop", "--all"], env=second, check=True,
                   capture_output=True)
    assert gone(int(a["pid"]), 20)


def test_a_server_whose_socket_is_removed_exits(runtime: Path) -> None:  # noqa: F811
    assert server.start([])
    info = wait_for_server()
    Path(str(info["socket"])).unlink()
    assert gone(int(info["pid"]), 15)


def descendants(pid: int) -> list[int]:
    """Every process below ``pid``, read from /proc; a thread or process that ends while we read is skipped."""
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        try:
            tasks = list(Path(f"/proc/{p}/task").iterdir())
        except FileNotFoundError:
            continue
        for task in tasks:
            try:
                kids = [int(k) for k in (task / "children").read_text().split()]
            except FileNotFoundError:
                continue
            found += kids
            todo += kids
    return found


def test_a_server_whose_pool_breaks_exits(runtime: Path) -> None:  # noqa: F811
    voices = [__import__("audiobook.model", fromlist=["Voice"]).Voice(name="n", engine="test", model="n")]
    assert server.start(voices)
    info = wait_for_server()
    pid = int(info["pid"])
    deadline = time.monotonic() + 60
    while len(descendants(pid)) < 2 and time.monotonic() < deadline:    # the forkserver and a worker
        time.sleep(0.1)
    worker = descendants(pid)[-1]
    os.kill(worker, signal.SIGKILL)
    pool = server.connect()           # a build that comes now: its line fails, and the server goes
    if pool is not None:
        with pytest.raises(Exception):  # noqa: B017  (a broken pool or a stopped server: either is said)
            pool.submit(pow, 2, 3).result(30)
        pool.shutdown(wait=False)
    assert gone(pid, 30)


@pytest.mark.parametrize("bad", [b"", b"short", b"x" * 33])
def test_a_key_of_the_wrong_length_is_replaced_never_used(runtime: Path, bad: bytes) -> None:  # noqa: F811
    runtime.mkdir(mode=0o700)
    (runtime / "key").write_bytes(bad)
    assert server.start([])
    info = wait_for_server()
    key = (runtime / "key").read_bytes()
    assert len(key) == 32 and key != bad
    from multiprocessing.connection import AuthenticationError, Client

    for wrong in (b"", bad or b"x"):       # no key, or the old one, is refused
        with pytest.raises((AuthenticationError, OSError, EOFError)):
            Client(str(info["socket"]), family="AF_UNIX", authkey=wrong).send(("hello", 0, None))


def test_a_silent_connection_does_not_block_the_next_build(runtime: Path, tmp_path: Path) -> None:  # noqa: F811
    assert server.start([])
    info = wait_for_server()
    silent = [socket.socket(socket.AF_UNIX) for _ in range(3)]
    for s in silent:
        s.connect(str(info["socket"]))     # and never answers the challenge
    t0 = time.monotonic()
    pool = server.connect()
    assert pool is not None and time.monotonic() - t0 < server.CONNECT_TIMEOUT
    assert pool.submit(pow, 2, 5).result(30) == 32
    pool.shutdown()
    time.sleep(server.HANDSHAKE_SECONDS + 1)
    for s in silent:                       # hung up on after the time limit
        s.settimeout(1)
        assert s.recv(4096) is not None
        assert s.recv(4096) == b""
        s.close()


def test_server_status_names_the_install(runtime: Path, capsys: pytest.CaptureFixture[str],  # noqa: F811
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    assert server.start([])
    wait_for_server()
    code, out, _ = run_cli(["server", "status"], capsys, monkeypatch)
    assert code == 0 and out.startswith("synthesis server ")
