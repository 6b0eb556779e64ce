"""Synthesis on a Dask cluster (``audiobook build --cluster tcp://HOST:8786``): a build's line jobs
run on the workers of a ``dask.distributed`` scheduler, through ``Client.get_executor()``.

No shared disk is assumed: a worker sends each line's audio back with its result and the build
writes its own line cache (``render.render_job`` without a cache folder), so a worker lost mid-build
loses only the line it was saying (Dask runs it again elsewhere). Each worker process loads an
engine once and keeps it (``render._engine``, keyed as in the synthesis server), one engine thread
per worker. Workers must run the same audiobook and models as the build: at connect time each
worker's audiobook (version and code), the packages that shape the audio and the digests of the
cast's models are compared with this install's, and a worker that differs is refused in one line
naming what differs; a worker that joins later is checked on its first line.
"""

from __future__ import annotations

import functools
import hashlib
import platform
from collections.abc import Callable, Iterable
from concurrent.futures import Executor, Future, InvalidStateError
from pathlib import Path
from typing import Any

from audiobook.errors import AudiobookError, SynthesisError
from audiobook.model import Voice

INSTALL = "pip install 'audiobook[cluster]'"
CONNECT_TIMEOUT = 20.0          # seconds for the scheduler to answer and a first worker to be there
AUDIO_PACKAGES = ("numpy", "soxr", "pedalboard")    # shape every line's audio after the engine


#: Dask settings for a synthesis cluster's scheduler and workers (the README gives them as
#: environment variables): Dask's event-loop health check, system and memory monitors and
#: profiler wake every 10-500 ms, which costs each idle process about 3% of a core; once a second
#: is plenty for jobs that last a second (bench/CLUSTER.md).
QUIET = {"distributed.admin.tick.interval": "1s", "distributed.admin.system-monitor.interval": "2s",
         "distributed.worker.memory.monitor-interval": "1s", "distributed.worker.profile.enabled": False}


class ClusterError(AudiobookError):
    """The cluster cannot be used: not reachable, no workers, or workers unlike this install."""


@functools.cache
def code_digest() -> str:
    """A digest of audiobook's own source files (same version, edited code: another digest)."""
    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        h.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()[:12]


def install_facts() -> dict[str, Any]:
    """What a worker must share with the build, apart from the models: audiobook's version and
    code, Python's version, the versions of the packages that shape the audio."""
    import audiobook
    from audiobook.voice.engines.base import package_version

    return {"audiobook": f"{audiobook.__version__} (code {code_digest()})",
            "python": platform.python_version(),
            **{name: package_version(name) for name in AUDIO_PACKAGES}}


def voice_facts(voices: Iterable[Voice]) -> dict[str, dict[str, Any]]:
    """Each voice's engine identity (engine version, model digests) on this machine, or the
    problems that stop it from working here."""
    from audiobook.voice.engines import engine_class

    out: dict[str, dict[str, Any]] = {}
    for v in voices:
        cls = engine_class(v.engine)
        problems = cls.problems(v)
        out[v.name] = {"problems": problems} if problems else dict(cls.identity(v))
    return out


def worker_facts(voices: list[Voice]) -> dict[str, Any]:
    """Runs on every worker at connect time (``Client.run``), and here to compare."""
    from audiobook.voice.engines.base import load_digest_memo

    load_digest_memo()
    return {"install": install_facts(), "voices": voice_facts(voices)}


def difference(here: dict[str, Any], there: dict[str, Any]) -> str:
    """The first way ``there`` (a worker's facts) differs from ``here``, in a few words; '' if none."""
    for key, mine in here["install"].items():
        theirs = there["install"].get(key)
        if theirs != mine:
            return f"{key} {theirs or 'not installed'} there, {mine or 'not installed'} here"
    for name, mine in here["voices"].items():
        theirs = there["voices"].get(name, {})
        if theirs.get("problems"):
            return f"voice {name}: {theirs['problems'][0]}"
        for key in sorted(set(mine) | set(theirs)):
            if mine.get(key) != theirs.get(key):
                return f"voice {name} ({mine.get('engine', '?')}): {key} {_short(theirs.get(key))} there, " \
                       f"{_short(mine.get(key))} here"
    return ""


def _short(value: Any) -> str:
    text = str(value)
    return text[:12] if len(text) == 64 else text     # a sha256: its first 12 digits name it


class ClusterExecutor(Executor):
    """The cluster's ``concurrent.futures`` executor (``Client.get_executor``) for a build: its
    workers send the audio back (``shares_disk``), each job checked on a worker's first line."""

    shares_disk = False

    def __init__(self, client: Any, address: str, facts: dict[str, Any]) -> None:
        self.client = client
        self.address = address
        self.facts = facts
        self._inner = client.get_executor(pure=False)

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        """The job's future, whose failures are one line: Dask's own (a line that killed the workers
        it ran on, a lost scheduler) become ``SynthesisError``; cancelling it cancels the job."""
        inner: Future[Any] = self._inner.submit(checked, self.facts["install"], fn, *args, **kwargs)
        outer: Future[Any] = Future()
        outer.add_done_callback(lambda f: inner.cancel() if f.cancelled() else None)
        inner.add_done_callback(functools.partial(_relay, outer, self.address))
        return outer

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self._inner.shutdown(wait=wait and not cancel_futures)
        self.client.close()


def _relay(outer: Future[Any], address: str, inner: Future[Any]) -> None:
    try:
        if inner.cancelled():
            outer.set_exception(SynthesisError(
                f"cluster {address}: the connection to the scheduler was lost; finished lines are kept: "
                f"build again"))
        elif (error := inner.exception()) is None:
            outer.set_result(inner.result())
        elif isinstance(error, AudiobookError):
            outer.set_exception(error)
        else:
            outer.set_exception(SynthesisError(
                f"cluster {address}: a line failed ({type(error).__name__}: {error}); finished lines are "
                f"kept: build again"))
    except InvalidStateError:       # cancelled here meanwhile
        pass


_CHECKED: set[str] = set()       # worker side: the engine identities found equal to a build's


def checked(install: dict[str, Any], fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``fn(*args)`` on a worker, once it is known to run the build's audiobook, packages and
    models (a worker that joined after the connect-time check)."""
    from audiobook.voice.planning import Job, engine_id

    if "install" not in _CHECKED:
        if (mine := install_facts()) != install:
            differ = difference({"install": install, "voices": {}}, {"install": mine, "voices": {}})
            raise ClusterError(f"a cluster worker differs from this build: {differ}; "
                               f"install the same audiobook and models on every worker")
        _CHECKED.add("install")
    for job in args:
        if isinstance(job, Job) and job.engine_id not in _CHECKED:
            from audiobook.voice.engines import engine_class

            if engine_id(engine_class(job.voice.engine).identity(job.voice)) != job.engine_id:
                raise ClusterError(f"a cluster worker has another model for voice {job.voice.name} "
                                   f"({job.voice.engine} {job.voice.model or ''}) than this build; "
                                   f"install the same models on every worker")
            _CHECKED.add(job.engine_id)
    return fn(*args, **kwargs)


def connect(address: str, voices: Iterable[Voice] = (), timeout: float = CONNECT_TIMEOUT) -> ClusterExecutor:
    """An executor on the cluster at ``address`` whose every worker runs this install and has the
    models of ``voices``; ``ClusterError`` (one line) if it cannot be reached or a worker differs."""
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError(f"--cluster needs Dask's distributed scheduler: {INSTALL}") from None
    try:
        client = Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as e:
        raise ClusterError(f"cluster {address}: no Dask scheduler answered ({type(e).__name__}: {e}); "
                           f"check the address, or start one with `dask scheduler`") from None
    try:
        return _checked_executor(client, address, list({v.name: v for v in voices}.values()), timeout)
    except BaseException:
        client.close()
        raise


def _checked_executor(client: Any, address: str, voices: list[Voice], timeout: float) -> ClusterExecutor:
    try:
        client.wait_for_workers(1, timeout=timeout)
    except TimeoutError:
        raise ClusterError(f"cluster {address}: no worker joined within {timeout:g} s; start some with "
                           f"`dask worker {address} --nthreads 1`") from None
    for where, w in client.scheduler_info(n_workers=-1)["workers"].items():
        if w.get("nthreads", 1) != 1:
            raise ClusterError(f"cluster {address}: worker {where} runs {w['nthreads']} threads; start "
                               f"workers with --nthreads 1 (one engine each; --nworkers N for N cores)")
    here = worker_facts(voices)
    try:
        facts = client.run(worker_facts, voices)
    except Exception as e:         # a worker without audiobook (it cannot unpickle the call), or broken
        raise ClusterError(f"cluster {address}: a worker cannot run audiobook ({type(e).__name__}: {e}); "
                           f"install the same audiobook and models on every worker") from None
    for where, there in sorted(facts.items()):
        if differ := difference(here, there):
            raise ClusterError(f"cluster {address}: worker {where} differs from this build: {differ}; "
                               f"install the same audiobook and models on every worker")
    return ClusterExecutor(client, address, here)
