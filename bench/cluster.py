"""Cluster benchmarks (issue 20), in one run:

1. bench/alice with its real default cast, cold, on a 2-worker ``LocalCluster`` (set up as the README
   says, ``cluster.QUIET``: Dask's monitors once a second) (``audiobook build
   --cluster``) beside the local process pool (``--jobs 2``), ``--rounds`` times each, in turns (each
   goes first in every other round; the cluster's workers restarted before each of its builds, so
   no engine is kept from the last one);
   the cluster's overhead = its wall time over the pool's, minus 1;
2. the per-line cost of scheduling, on the test engine (``--lines`` short lines): the same jobs run
   in this process (no scheduling), on a 2-process local pool, and on the 2-worker cluster; the
   scheduler's and this client's CPU per line;
3. what the catalog estimate in bench/CLUSTER.md rests on: worker-seconds per audio hour, client
   CPU per audio hour (assembling, mastering, encoding), lines and audio bytes per audio hour;
4. the estimate: worker and client cores for ``--books`` books of ``--hours-per-book`` in ``--days``,
   and the ceilings (one client's mastering and encoding, 1 Gb/s into it, the scheduler);
5. what an idle cluster's own timers cost, with Dask's defaults and with ``cluster.QUIET``
   (``--idle-only``: this section alone).

    .venv/bin/python bench/cluster.py [--rounds 2] [--lines 2000] [--books 1000 --hours-per-book 10 --days 7]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import dask
import psutil
from distributed import Client, LocalCluster

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(REPO / "src"))

from audiobook.model import SAMPLE_RATE, Voice  # noqa: E402
from audiobook.voice import cluster as cluster_mod  # noqa: E402
from audiobook.voice import planning, workers  # noqa: E402
from audiobook.voice.cache import LineCache  # noqa: E402


def children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def self_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def workers_cpu(client: Client) -> float:
    total = 0.0
    for pid in client.run(os.getpid).values():
        t = psutil.Process(pid).cpu_times()
        total += t.user + t.system
    return total


def cold_build(book: Path, args: list[str]) -> dict[str, float]:
    """One ``audiobook build`` of a fresh copy: wall, the command's own CPU, and its report."""
    if (book / ".audiobook").exists():
        shutil.rmtree(book / ".audiobook")
        shutil.rmtree(book / "output")
    rep = book / "report.json"
    env = {**os.environ, "AUDIOBOOK_SERVER": "0"}
    cpu0, t0 = children_cpu(), time.perf_counter()
    proc = subprocess.Popen([str(BIN / "audiobook"), "build", "--book", str(book), "--quiet", "--report", str(rep),
                             *args], env=env)
    seen: dict[int, float] = {}      # the command's pool workers (children of its forkserver, never reaped by it)
    while proc.poll() is None:
        try:
            for child in psutil.Process(proc.pid).children(recursive=True):
                with contextlib.suppress(psutil.Error):
                    t = child.cpu_times()
                    seen[child.pid] = t.user + t.system
        except psutil.Error:
            pass
        time.sleep(0.1)
    assert proc.returncode == 0
    wall, cpu = time.perf_counter() - t0, children_cpu() - cpu0 + sum(seen.values())
    report = json.loads(rep.read_text())
    wav = list((book / ".audiobook" / "cache").rglob("*.wav"))
    return {"wall": wall, "client_cpu": cpu, "synthesis": report["synthesis_seconds"],
            "audio": report["audio_seconds"], "lines": report["lines_synthesized"],
            "wav_bytes": sum(p.stat().st_size for p in wav), "entries": len(wav)}


def section_alice(tmp: Path, lc: LocalCluster, client: Client, rounds: int) -> dict[str, float]:
    print("== 1. bench/alice, cold, default cast: 2-worker LocalCluster vs local process pool (--jobs 2)")
    book = tmp / "alice"
    shutil.copytree(REPO / "bench" / "alice" / "manuscript", book / "manuscript")
    shutil.copytree(REPO / "bench" / "alice" / "voices", book / "voices")
    local, remote = [], []
    for i in range(rounds):
        for which in ("pool", "cluster") if i % 2 == 0 else ("cluster", "pool"):     # neither always first
            if which == "pool":
                local.append(cold_build(book, ["--jobs", "2"]))
                continue
            client.restart()                                  # fresh worker processes: no engine loaded
            client.wait_for_workers(2)
            w0, s0 = workers_cpu(client), self_cpu()
            remote.append(cold_build(book, ["--cluster", lc.scheduler_address]))
            remote[-1]["worker_cpu"] = workers_cpu(client) - w0
            remote[-1]["scheduler_cpu"] = self_cpu() - s0     # the LocalCluster's scheduler and nannies run here
        print(f"   round {i + 1}: pool {local[-1]['wall']:.2f} s, cluster {remote[-1]['wall']:.2f} s "
              f"({remote[-1]['wall'] / local[-1]['wall'] - 1:+.1%})")
    pool_wall = statistics.median(r["wall"] for r in local)
    cl_wall = statistics.median(r["wall"] for r in remote)
    pool_cpu = statistics.median(r["client_cpu"] for r in local)           # the command and its pool's workers
    cl_cpu = statistics.median(r["client_cpu"] + r["worker_cpu"] + r["scheduler_cpu"] for r in remote)
    r = remote[-1]
    print(f"   median wall: pool {pool_wall:.2f} s, cluster {cl_wall:.2f} s: cluster overhead "
          f"{cl_wall / pool_wall - 1:+.1%} of the pool's wall (goal <= 15%)")
    print(f"   median CPU, every process: pool {pool_cpu:.2f} s, cluster {cl_cpu:.2f} s (client, workers, "
          f"scheduler): {cl_cpu / pool_cpu - 1:+.1%}")
    print(f"   {r['lines']:.0f} lines, {r['audio']:.0f} s of audio; cluster client CPU {r['client_cpu']:.2f} s, "
          f"workers' CPU {r['worker_cpu']:.2f} s, engines' own time {r['synthesis']:.2f} s")
    return {**r, "pool_wall": pool_wall, "cluster_wall": cl_wall}


def jobs_for(n: int) -> list[planning.Job]:
    voice = Voice("t", "test", "narrator", (("seconds_per_char", 0.01),))
    eid = planning.engine_id({"engine": "test", "version": 1})
    return [planning.Job(f"{i:040x}", f"Line number {i} of the scheduling test, said once.", voice, 0.35, 400, eid)
            for i in range(n)]


def timed(jobs: list[planning.Job], cache: LineCache, executor: object) -> tuple[float, float]:
    shutil.rmtree(cache.root, ignore_errors=True)
    cpu0, t0 = self_cpu(), time.perf_counter()
    workers.synthesize(jobs, cache, executor)  # type: ignore[arg-type]
    return time.perf_counter() - t0, self_cpu() - cpu0


def section_per_line(tmp: Path, lc: LocalCluster, client: Client, n: int) -> dict[str, float]:
    print(f"== 2. per-line scheduling cost: {n} test-engine lines (0.5 s of audio each), 2 workers")
    jobs = jobs_for(n)
    cache = LineCache(tmp / "lines")
    inline = workers.default_executor(1, 1)
    workers.synthesize(jobs[:20], cache, inline)                 # the engine loaded, numpy warm
    t_inline, _ = timed(jobs, cache, inline)
    pool = workers.default_executor(2, 1)
    workers.synthesize(jobs[:20], cache, pool)
    t_pool, cpu_pool = timed(jobs, cache, pool)
    pool.shutdown()
    with cluster_mod.connect(lc.scheduler_address, [jobs[0].voice]) as ex:
        workers.synthesize(jobs[:20], cache, ex)
        w0 = workers_cpu(client)
        t_cl, cpu_cl = timed(jobs, cache, ex)
        w_cl = workers_cpu(client) - w0
    base = t_inline / n
    per = {"inline": base, "pool": t_pool * 2 / n - base, "cluster": t_cl * 2 / n - base}
    print(f"   in this process: {t_inline:.2f} s ({base * 1e3:.2f} ms a line: the engine and post-processing)")
    print(f"   local pool:  wall {t_pool:.2f} s; per line {per['pool'] * 1e3:.2f} ms of worker time beyond the "
          f"line's own; this process's CPU {cpu_pool / n * 1e3:.2f} ms a line")
    print(f"   cluster:     wall {t_cl:.2f} s; per line {per['cluster'] * 1e3:.2f} ms of worker time beyond the "
          f"line's own; this process's CPU (client + scheduler: a LocalCluster's scheduler runs here) "
          f"{cpu_cl / n * 1e3:.2f} ms a line; workers' CPU {w_cl / n * 1e3:.2f} ms a line")
    return {"inline_ms": base * 1e3, "pool_ms": per["pool"] * 1e3, "cluster_ms": per["cluster"] * 1e3,
            "client_sched_cpu_ms": cpu_cl / n * 1e3, "worker_cpu_ms": w_cl / n * 1e3}


def section_idle(seconds: float) -> None:
    """What Dask's own timers cost while nothing runs: 2 workers, the scheduler and the nannies,
    with Dask's defaults and with ``cluster.QUIET``."""
    print(f"== 5. an idle 2-worker LocalCluster for {seconds:g} s: CPU of its processes")
    for label, settings in (("Dask's defaults", {}), ("cluster.QUIET", cluster_mod.QUIET)):
        with dask.config.set(settings), LocalCluster(processes=True, n_workers=2, threads_per_worker=1,
                                                     dashboard_address=":0", silence_logs=50) as lc, \
                Client(lc) as client:
            time.sleep(3)
            w0, s0 = workers_cpu(client), self_cpu()
            time.sleep(seconds)
            w, sch = workers_cpu(client) - w0, self_cpu() - s0
        print(f"   {label}: each worker {w / 2 / seconds:.1%} of a core; scheduler and nannies {sch / seconds:.1%}")


def section_inputs(alice: dict[str, float], line: dict[str, float]) -> None:
    hours = alice["audio"] / 3600
    print("== 3. what the catalog estimate rests on (bench/CLUSTER.md), per hour of finished audio")
    print(f"   worker CPU: {alice['worker_cpu'] / hours:.0f} s (engines' own time {alice['synthesis'] / hours:.0f} s)")
    print(f"   client CPU (cluster build: receive, cache, assemble, master, encode): "
          f"{alice['client_cpu'] / hours:.0f} s")
    print(f"   lines: {alice['lines'] / hours:.0f}; audio bytes sent back: {alice['wav_bytes'] / hours / 1e6:.0f} MB "
          f"({alice['wav_bytes'] / alice['entries'] / 1e3:.0f} kB a line; {2 * SAMPLE_RATE * 3600 / 1e6:.0f} MB "
          f"of 16-bit PCM an hour)")
    print(f"   scheduling: {line['cluster_ms']:.2f} ms of worker time and {line['client_sched_cpu_ms']:.2f} ms of "
          f"client + scheduler CPU a line")


def section_catalog(alice: dict[str, float], line: dict[str, float], books: int, hours: float, days: float) -> None:
    """Workers for a catalog in ``days``, and where adding more stops helping, from the costs above."""
    audio_h = alice["audio"] / 3600
    lines_h = alice["lines"] / audio_h                                   # lines per audio hour
    worker_s = alice["worker_cpu"] / audio_h + lines_h * line["cluster_ms"] / 1e3   # worker-seconds per audio hour
    client_s = alice["client_cpu"] / audio_h                              # client CPU seconds per audio hour
    bytes_h = alice["wav_bytes"] / audio_h
    sched_s = line["client_sched_cpu_ms"] / 1e3                           # per task (client's share included)
    rate = books * hours / (days * 24)                                    # audio hours per wall hour
    print(f"== 4. a catalog of {books} books of {hours:g} h ({books * hours:,.0f} h of audio) in {days:g} days: "
          f"{rate:.0f} audio hours an hour")
    print(f"   worker cores: {rate * worker_s / 3600:.1f} (at {worker_s:.0f} worker-seconds an audio hour, "
          f"scheduling included)")
    print(f"   client cores (receive, cache, master, encode): {rate * client_s / 3600:.2f}")
    print(f"   into the client: {rate * bytes_h / 3600 / 1e6:.1f} MB/s; scheduler: "
          f"{rate * lines_h / 3600:.1f} tasks/s, {rate * lines_h / 3600 * sched_s:.3f} of a core")
    per_client = 3600 / client_s
    net = 125e6 * 3600 / bytes_h
    sched = 3600 / sched_s / lines_h
    print(f"   ceilings: one client core masters and encodes {per_client:.0f} audio hours an hour (it feeds "
          f"{per_client * worker_s / 3600:.0f} worker cores); 1 Gb/s into one client: {net:,.0f} audio h/h; "
          f"the scheduler at {sched_s * 1e3:.2f} ms a task: {sched:,.0f} audio h/h")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--lines", type=int, default=2000)
    ap.add_argument("--books", type=int, default=1000)
    ap.add_argument("--hours-per-book", type=float, default=10.0)
    ap.add_argument("--days", type=float, default=7.0)
    ap.add_argument("--idle-only", action="store_true", help="only section 5")
    args = ap.parse_args()
    os.environ["AUDIOBOOK_SERVER"] = "0"
    if args.idle_only:
        section_idle(15)
        return
    with tempfile.TemporaryDirectory() as t, dask.config.set(cluster_mod.QUIET), \
            LocalCluster(processes=True, n_workers=2, threads_per_worker=1, dashboard_address=":0",
                         silence_logs=50) as lc, Client(lc) as client:
        tmp = Path(t)
        alice = section_alice(tmp, lc, client, args.rounds)
        line = section_per_line(tmp, lc, client, args.lines)
    section_inputs(alice, line)
    section_catalog(alice, line, args.books, args.hours_per_book, args.days)
    section_idle(15)


if __name__ == "__main__":
    main()
