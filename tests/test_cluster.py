"""Builds on a real Dask cluster: ``LocalCluster(processes=True, n_workers=2, threads_per_worker=1)``
whose workers run in a folder and temp dir of their own and cannot open the books (see
cluster_preload.py), with the sample book's real default voices."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import Client, LocalCluster

from audiobook.build import BuildOptions, build, prepare
from audiobook.build.catalog import schedule
from audiobook.voice import cluster
from audiobook.voice.cache import LineCache

from conftest import REPO, TEST_PROFILE, make_book, run_cli

ENV = ("XDG_CACHE_HOME", "HIBARI_HOME")


@pytest.fixture(scope="module")
def places(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return {name: tmp_path_factory.mktemp(name) for name in ("books", "worker", "user")}


@pytest.fixture(scope="module")
def dask(places: dict[str, Path]) -> Iterator[tuple[LocalCluster, Client]]:
    env = {"TMPDIR": str(places["worker"]), "AUDIOBOOK_TEST_WORKDIR": str(places["worker"]),
           "AUDIOBOOK_TEST_NO_ACCESS": str(places["books"]), "AUDIOBOOK_SERVER": "0",
           **{k: str(places["user"] / k) for k in ENV}}      # the workers' own user cache
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)           # what the spawned workers start with
    try:
        lc = LocalCluster(processes=True, n_workers=2, threads_per_worker=1, dashboard_address=":0",
                          preload=[str(Path(__file__).with_name("cluster_preload.py"))], env=env)
    finally:
        for k, v in saved.items():
            os.environ.pop(k) if v is None else os.environ.__setitem__(k, v)
    client = Client(lc)
    yield lc, client
    client.close()
    lc.close()


def sample(places: dict[str, Path], name: str) -> Path:
    dst = places["books"] / name
    dst.mkdir()
    shutil.copytree(REPO / "manuscript", dst / "manuscript")
    shutil.copytree(REPO / "voices", dst / "voices")
    return dst


def outputs(book: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((book / "output").iterdir())}


@pytest.fixture(scope="module")
def local_sample(places: dict[str, Path]) -> dict[str, bytes]:
    """The sample book's output from a local build (two worker processes)."""
    book = sample(places, "local")
    build(book, BuildOptions(jobs=2))
    return outputs(book)


def test_workers_cannot_open_the_books(dask: tuple[LocalCluster, Client], places: dict[str, Path]) -> None:
    _, client = dask
    book = make_book(places["books"] / "probe")

    def probe(path: str) -> str:
        try:
            open(path, "rb").close()
        except PermissionError:
            return f"refused in {os.getcwd()}"
        return "read"

    cwd = {str(places["worker"])}
    assert set(client.run(probe, str(book / "manuscript" / "book.yaml")).values()) == {f"refused in {c}" for c in cwd}


def test_sample_book_on_the_cluster_is_byte_identical_to_a_local_build(
        dask: tuple[LocalCluster, Client], places: dict[str, Path], local_sample: dict[str, bytes],
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    lc, _ = dask
    book = sample(places, "cluster")
    monkeypatch.setenv("AUDIOBOOK_CLUSTER", lc.scheduler_address)
    code, out, err = run_cli(["build", "--book", str(book), "--report", str(places["user"] / "r.json")],
                             capsys, monkeypatch)
    assert code == 0, err
    report = json.loads((places["user"] / "r.json").read_text())
    assert report["lines_synthesized"] > 30 and report["server"] is False
    assert outputs(book) == local_sample

    def loaded() -> list[str]:
        from audiobook.voice import render
        return sorted(str(k[:2]) for k in render._LOADED)

    # each worker keeps the engines it loaded (one per model, whichever voices it said), for later lines
    kept = dask[1].run(loaded).values()
    assert all(k and set(k) <= {"('hibari', 'heart')", "('piper', 'joe')"} for k in kept), kept


def test_a_worker_killed_mid_build_loses_nothing_and_the_book_is_byte_identical(
        dask: tuple[LocalCluster, Client], places: dict[str, Path], local_sample: dict[str, bytes]) -> None:
    lc, client = dask
    book = sample(places, "killed")
    prep = prepare(book, BuildOptions())
    before = client.run(os.getpid)
    victim = sorted(before)[0]
    killed = threading.Event()
    cache = LineCache(book / ".audiobook" / "cache")
    finished: dict[str, int] = {}

    def progress(stage: str, done: int, total: int) -> None:
        if stage == "synthesize" and done == 6 and not killed.is_set():
            os.kill(before[victim], signal.SIGKILL)        # mid-line: both workers are busy
            finished.update({k: cache.path(k).stat().st_mtime_ns for k in cache.keys()})
            killed.set()

    with cluster.connect(lc.scheduler_address, prep.profile.voices.values()) as ex:
        report = build(book, BuildOptions(executor=ex), progress)
    assert killed.is_set()
    client.wait_for_workers(2, timeout=60)
    assert before[victim] not in client.run(os.getpid).values()        # that process is gone (its nanny made another)
    assert report.lines_synthesized == sum(c.lines for c in report.chapters) - report.lines_cached
    assert len(list((book / ".audiobook" / "cache").rglob("*.wav"))) == len(prep.plan.jobs)
    assert len(finished) >= 6 and {k: cache.path(k).stat().st_mtime_ns for k in finished} == finished
    assert outputs(book) == local_sample


def test_a_worker_with_another_audiobook_version_is_refused_in_one_line(
        dask: tuple[LocalCluster, Client], places: dict[str, Path],
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    lc, client = dask
    book = make_book(places["books"] / "versions")
    import audiobook

    def set_version(version: str) -> None:
        audiobook.__version__ = version

    client.run(set_version, "0.0.9", workers=[sorted(client.scheduler_info()["workers"])[0]])
    try:
        code, out, err = run_cli(["build", "--book", str(book), "--cluster", lc.scheduler_address], capsys, monkeypatch)
    finally:
        client.run(set_version, audiobook.__version__)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith(f"error: cluster {lc.scheduler_address}: worker tcp://")
    assert f"audiobook 0.0.9 (code {cluster.code_digest()}) there, {audiobook.__version__} " \
           f"(code {cluster.code_digest()}) here" in err
    assert not (book / "output").exists() and not (book / ".audiobook" / "cache").exists()


def test_a_worker_with_another_model_is_refused(dask: tuple[LocalCluster, Client], places: dict[str, Path]) -> None:
    lc, _ = dask
    here = cluster.worker_facts([])
    there = {"install": dict(here["install"]), "voices": {"v": {"engine": "piper", "model": "b" * 64}}}
    mine = {"install": here["install"], "voices": {"v": {"engine": "piper", "model": "a" * 64}}}
    assert cluster.difference(mine, there) == f"voice v (piper): model {'b' * 12} there, {'a' * 12} here"
    assert cluster.difference(mine, mine) == ""


def test_no_scheduler_is_one_line(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                  book: Path) -> None:
    code, out, err = run_cli(["build", "--book", str(book), "--cluster", "tcp://127.0.0.1:9"], capsys, monkeypatch)
    assert code == 2 and err.count("\n") == 1
    assert err.startswith("error: cluster tcp://127.0.0.1:9: no Dask scheduler answered")


SMALL = {  # three short books, each with chapters of different lengths
    "one": {"01-a.md": "# A\n\nDaniel came home. “Hello,” he said.\n\nThe end came.\n",
            "02-b.md": "# B\n\nA very much longer chapter, with many more words in it, and a quote. "
                       "“Coffee?” asked Liana. “Please,” said Daniel, and they sat down together.\n"},
    "two": {"01-x.md": "# X\n\nShort.\n", "02-y.md": "# Y\n\n“Who is there?” asked Liana.\n"},
}


def test_schedule_says_the_longest_chapters_first_across_books(tmp_path: Path) -> None:
    preps = [(i, prepare(make_book(tmp_path / name, chapters), BuildOptions()))
             for i, (name, chapters) in enumerate(SMALL.items())]
    order = schedule(preps)
    texts = [job.text for _, job in order]
    assert len(order) == sum(len(p.plan.jobs) for _, p in preps)
    first = [j for _, j in order[:3]]
    assert all(j.key in preps[0][1].plan.jobs for j in first)      # book one's long chapter B leads ...
    assert texts[0] == max(texts[:3], key=len)                     # ... its longest line first
    assert "Short." in texts[-6:]                                   # book two's one-word chapter near the end


def test_three_books_on_the_cluster_one_bad_the_others_finish_exit_2(
        dask: tuple[LocalCluster, Client], places: dict[str, Path], tmp_path: Path,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    lc, _ = dask
    root = places["books"] / "catalog"
    good = [make_book(root / name, chapters) for name, chapters in SMALL.items()]
    bad = make_book(root / "bad", profile=TEST_PROFILE.replace("engine: test, model: daniel", "engine: tset"))
    for name, chapters in SMALL.items():          # the same books built alone, locally
        build(make_book(tmp_path / name, chapters), BuildOptions(jobs=1))
    (root / "catalog.txt").write_text("one\n# a comment\nbad\n\ntwo   # the last\n")
    code, out, err = run_cli(["build", "--catalog", str(root / "catalog.txt"), "--cluster", lc.scheduler_address,
                              "--report", str(root / "all.json")], capsys, monkeypatch)
    assert code == 2
    assert f"error: {bad}: voices/default.yaml: voices.dan.engine: 'tset' is not supported" in err
    assert "1 of 3 books not built" in err
    assert not list((bad / "output").iterdir())
    books = json.loads((root / "all.json").read_text())["books"]
    assert [b["book"] for b in books] == [str(good[0]), str(bad), str(good[1])]
    for book, entry in zip(good, [books[0], books[2]], strict=True):
        alone = tmp_path / book.name
        assert outputs(book) == outputs(alone)
        report = json.loads((book / ".audiobook" / "report.json").read_text())
        assert report == entry["report"]
        assert report["lines_synthesized"] == report["lines_total"] > 0
        assert [c["file"] for c in report["chapters"]] == [p.name and f"output/{p.name}"
                                                           for p in sorted((alone / "output").glob("0*.mp3"))]
        assert f"{book}: {len(report['chapters'])} chapter(s), {report['lines_total']} lines" in out
    # built again: nothing to say, every line reused
    code, out, err = run_cli(["build", "--book", str(good[0]), "--book", str(good[1]), "--cluster",
                              lc.scheduler_address], capsys, monkeypatch)
    assert code == 0, err
    assert out.count("0 synthesized") == 2


SLOW = TEST_PROFILE.replace("{engine: test, model: narrator}", "{engine: test, model: narrator, options: {delay: 0.3}}")


def test_a_killed_client_resumes_like_a_local_build(dask: tuple[LocalCluster, Client], places: dict[str, Path],
                                                    tmp_path: Path) -> None:
    lc, _ = dask
    chapters = {f"0{i}-c.md": f"# C{i}\n\n" + "".join(f"Line {i}.{j} was here, and then it went. " * 2 + "\n\n"
                                                        for j in range(8)) for i in range(1, 4)}
    reference = make_book(tmp_path / "ref", chapters, SLOW)
    build(reference, BuildOptions(jobs=2))
    book = make_book(places["books"] / "resumed", chapters, SLOW)
    cache = LineCache(book / ".audiobook" / "cache")
    proc = subprocess.Popen([sys.executable, "-m", "audiobook", "build", "--book", str(book), "--quiet",
                             "--cluster", lc.scheduler_address], start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while proc.poll() is None and len(list(cache.keys())) < 4:
        assert time.monotonic() < deadline, "no line came back"
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    finished = {k: cache.path(k).stat().st_mtime_ns for k in cache.keys()}
    total = len(prepare(reference, BuildOptions()).plan.keys)
    assert 4 <= len(finished) < total and not (book / "output" / "Test Book.mp3").exists()
    with cluster.connect(lc.scheduler_address) as ex:
        report = build(book, BuildOptions(executor=ex))
    assert {k: cache.path(k).stat().st_mtime_ns for k in finished} == finished     # not said again
    assert report.lines_cached >= len(finished) and report.lines_synthesized > 0
    assert outputs(book) == outputs(reference)


def test_several_books_on_the_local_pool(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Without --cluster, several books share one local pool (its workers write the caches; a
    line two books share is said once and copied)."""
    good = [make_book(tmp_path / "many" / name, chapters) for name, chapters in SMALL.items()]
    for name, chapters in SMALL.items():
        build(make_book(tmp_path / "alone" / name, chapters), BuildOptions(jobs=1))
    code, out, err = run_cli(["build", "--book", str(good[0]), "--book", str(good[1]), "--jobs", "2"],
                             capsys, monkeypatch)
    assert code == 0, err
    for book in good:
        assert outputs(book) == outputs(tmp_path / "alone" / book.name)
        report = json.loads((book / ".audiobook" / "report.json").read_text())
        assert report["lines_synthesized"] == report["lines_total"]


def test_a_line_that_kills_every_worker_it_runs_on_is_one_line(
        dask: tuple[LocalCluster, Client], places: dict[str, Path],
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Dask gives up on a line after it killed three workers (KilledWorker): the build stops with
    one line, the lines that came back are kept. (Last: it restarts the cluster's workers.)"""
    lc, client = dask
    crash = TEST_PROFILE.replace("{engine: test, model: narrator}", "{engine: test, model: narrator, "
                                 "options: {crash_on: quiet}}")
    book = make_book(places["books"] / "crashing", profile=crash)
    code, out, err = run_cli(["build", "--book", str(book), "--cluster", lc.scheduler_address], capsys, monkeypatch)
    assert code == 2 and err.count("\n") == 1, err
    assert err.startswith(f"error: cluster {lc.scheduler_address}: a line failed (KilledWorker: ")
    assert err.rstrip().endswith("finished lines are kept: build again")
    assert len(list(LineCache(book / ".audiobook" / "cache").keys())) > 0
    client.wait_for_workers(2, timeout=120)
