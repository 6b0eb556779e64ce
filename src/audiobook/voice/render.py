"""Script + cast + engines + cache -> line audio in the cache, synthesized in parallel.

``plan`` gives every line its cache key (cheap: no engine is loaded). ``synthesize`` renders the
keys that are missing, on any ``concurrent.futures.Executor`` (a process pool by default, one
worker per core, each loading its engines once), and reports progress through a callback.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import BrokenExecutor, Executor, Future, ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from audiobook.book import Book
from audiobook.errors import AudiobookError, Problems, SynthesisError, WorkersLost, did_you_mean
from audiobook.lexicon import Lexicon, check_engines, mark
from audiobook.model import NARRATOR, SAMPLE_RATE, Line, Script, Voice, to_int16
from audiobook.text.speech import Speech, pieces, speech, too_long
from audiobook.voice.cache import LineCache, line_key
from audiobook.voice.engines import ENGINES, Engine, engine_class
from audiobook.voice.engines.base import load_digest_memo, save_digest_memo
from audiobook.voice.profiles import Profile


@dataclass(frozen=True)
class Job:
    """One unit of synthesis: a text in a voice, stored under ``key``."""

    key: str
    text: str
    voice: Voice
    sentence_pause: float
    max_chars: int = 0    # sentences longer than this are cut into pieces (0: as the engine says)
    engine_id: str = ""   # the engine's identity (version, model digest): a worker that loaded another reloads
    lexicon: Lexicon = Lexicon()   # the pronunciation entries whose words the text holds


@dataclass(frozen=True)
class Done:
    key: str
    samples: int          # length of the stored audio
    seconds: float        # time the engine spent (worker-side)
    warning: str = ""     # audio that still looked wrong after one retry
    pcm: np.ndarray | None = None   # the audio itself, from a worker without the book's disk (a cluster)


@dataclass
class Plan:
    keys: dict[tuple[int, int], str]          # (chapter, index) -> cache key
    voices: dict[tuple[int, int], Voice]
    jobs: dict[str, Job] = field(default_factory=dict)   # the missing keys only
    warnings: list[str] = field(default_factory=list)    # text changed or skipped, speakers not cast
    doubtful: set[str] = field(default_factory=set)     # cached keys whose audio is far too short
    said: dict[tuple[int, int], Speech] = field(default_factory=dict)   # (chapter, index) -> what is said
    specs: dict[str, Job] = field(default_factory=dict)  # every key's job, cached or not (for retakes)
    done: set[str] = field(default_factory=set)         # keys synthesized before the build's synthesis (proofing)
    firsts: dict[str, str] = field(default_factory=dict)  # a retake's key -> its line's first take's key

    def key(self, line: Line) -> str:
        return self.keys[(line.chapter, line.index)]


def engine_id(identity: dict[str, Any]) -> str:
    """A short name for an engine's identity (``Engine.identity``: its version, the model's digest)."""
    return line_key("", identity)


def check_voices(profile: Profile, voices: Iterable[Voice]) -> None:
    """Every engine and model the cast needs is available: all problems at once, before work."""
    problems: list[str] = []
    for v in {v.name: v for v in voices}.values():
        problems += [f"{profile.label}: {p}" for p in engine_class(v.engine).problems(v)]
    if problems:
        raise Problems(problems)


def plan(script: Script, profile: Profile, book: Book, cache: LineCache,
         chapters: set[int] | None = None) -> Plan:
    identities: dict[str, dict[str, Any]] = {}
    engine_ids: dict[str, str] = {}
    p = Plan(keys={}, voices={})
    lines = [ln for ch in script.chapters if not chapters or ch.number in chapters for ln in ch.lines]
    check_voices(profile, (profile.voice_for(ln.speaker, ln.gender) for ln in lines))
    remembered = load_digest_memo()
    sentence_pause = book.pauses(profile.pauses).sentence
    uncast: set[str] = set()
    seen: set[str] = set()
    lexicon = book.lexicon.over(profile.lexicon)
    if bad := check_engines(lexicon, sorted(ENGINES)):
        raise Problems(bad)
    for ln in lines:
        voice = profile.voice_for(ln.speaker, ln.gender)
        if voice.name not in identities:
            identity = dict(engine_class(voice.engine).identity(voice))
            engine_ids[voice.name] = engine_id(identity)
            identity.update(voice.settings())
            identities[voice.name] = identity
        said = p.said[(ln.chapter, ln.index)] = speech(ln.text)
        text = said.text
        if said.changed:
            p.warnings.append(f"{ln.location}: {said.describe()}")
        extra: dict[str, Any] = {"sentence_pause": sentence_pause}
        limit = engine_class(voice.engine).MAX_CHARS
        if too_long(text, limit):
            extra["pieces"] = limit        # cut differently, sounds different: its own key
            longest = max(map(len, text.split(" ")))
            if longest > limit:            # cut inside the word too (before: sent whole)
                extra["words_cut"] = True
                p.warnings.append(f"{ln.location}: a word of {longest:,} characters without a space; read in "
                                  f"pieces of {limit} characters")
            else:
                cut = pieces(text, limit)
                at_marks = sum(1 for c in cut[:-1] if c[-1:] in ",;:—–)")
                how = ("at commas and other clause marks" if at_marks == len(cut) - 1 else
                       "between words" if not at_marks else "at clause marks and between words")
                p.warnings.append(f"{ln.location}: a sentence of more than {limit} characters without a full stop; "
                                  f"read in {len(cut)} pieces, cut {how}")
        if ln.reason == "tag" and ln.speaker not in profile.cast and ln.speaker != NARRATOR \
                and ln.speaker not in uncast:
            uncast.add(ln.speaker)
            g = ln.gender
            p.warnings.append(
                f"{ln.location}: speaker [{ln.speaker}]{did_you_mean(ln.speaker, list(profile.cast))} is not cast "
                f"in {profile.label}; read by voice {voice.name}, the {profile.how_cast(ln.speaker, g)}; "
                f"add {ln.speaker} under cast: to choose a voice")
        named = lexicon.find(text, voice.option("language") or book.language)
        if named:              # how this engine says the lexicon's words: in this line's key only
            cls = engine_class(voice.engine)
            extra["say"] = [[s.text, cls.pronounce(voice, s)] for s in named]
        key = line_key(text, identities[voice.name], extra)
        p.keys[(ln.chapter, ln.index)] = key
        p.voices[(ln.chapter, ln.index)] = voice
        if key in p.jobs or key in seen or not text:
            continue
        seen.add(key)
        p.specs[key] = Job(key, text, voice, sentence_pause, limit, engine_ids[voice.name], lexicon.only(named))
        samples = cache.samples(key)
        if samples is None:
            p.jobs[key] = p.specs[key]
        elif problem := too_short(text, samples):          # reported when made; and at every build since
            p.doubtful.add(key)
            p.warnings.append(f"{ln.location}: voice {voice.name}: {problem}, kept from an earlier build: "
                              f"{text[:80]!r}")
    save_digest_memo(remembered)
    return p


def take_job(job: Job, k: int) -> Job | None:
    """``job``'s line in take ``k`` (the engine's k-th other noise, ``Engine.take``), under its own
    key; None when the engine has one take."""
    cls = engine_class(job.voice.engine)
    voice = cls.take(job.voice, k)
    if voice is None:
        return None
    if k == 0:
        return job
    identity = dict(cls.identity(voice))
    eid = engine_id(identity)
    identity.update(voice.settings())
    # the first take's key hashes the text and everything else that makes its audio; a take adds its voice
    return replace(job, key=line_key(job.text, identity, {"take_of": job.key}), voice=voice, engine_id=eid)


# ------------------------------------------------------------------------------ worker side
# A worker process's state, and the only module globals of the voice side: the engines it has
# loaded (by Engine.load_key, with the identity they were loaded for, so a changed model file is
# loaded again), and the engine threads it was started with (_init_worker).
_LOADED: dict[tuple[Any, ...], tuple[str, Engine]] = {}
_THREADS = 1


def _init_worker(threads: int, warm: tuple[Voice, ...] = (), parent: int = 0) -> None:
    global _THREADS
    _THREADS = threads
    os.environ.setdefault("OMP_NUM_THREADS", str(threads))
    if parent:
        threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()
        signal.signal(signal.SIGINT, _quiet_exit)   # Ctrl-C: the build says it once; no traceback here
    load_digest_memo()            # the models' digests (identities, the Piper noise model) without hashing again
    for voice in warm:            # load and run each voice once now, not on the first line of an edit
        try:                      # (model, G2P, the first inference's allocations, pitch and resampling)
            _speak(Job("", "Ready.", voice, 0.0, engine_id=engine_id(engine_class(voice.engine).identity(voice))))
        except Exception:         # reported on the first line that voice speaks
            pass


def _quiet_exit(signum: int, frame: object) -> None:
    os._exit(128 + signum)


def _forkserver_deaf_to_ctrl_c() -> None:
    """Start the fork server (the parent of every worker) with Ctrl-C ignored and its stderr on
    /dev/null: it and each worker it forks ignore Ctrl-C until the worker's initializer makes it a
    quiet exit, and a worker still starting when an interrupted build has gone fails without a
    traceback. A worker's errors reach the build through its futures; ``--jobs 1`` shows an
    engine's own output."""
    from multiprocessing import forkserver

    if threading.current_thread() is not threading.main_thread():
        forkserver.ensure_running()
        return
    before = signal.signal(signal.SIGINT, signal.SIG_IGN)      # inherited through exec
    err = os.dup(2)
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, 2)
        forkserver.ensure_running()
    finally:
        os.dup2(err, 2)
        os.close(err)
        os.close(null)
        signal.signal(signal.SIGINT, before)


@contextmanager
def _ctrl_c_held(hold: bool) -> Iterator[None]:
    """Ctrl-C held back (delivered at the end) while a pool starts its workers: a KeyboardInterrupt
    inside ``submit`` leaves a worker started but not yet the pool's, which the build then does not
    wait for, and which fails with a traceback once the build has gone."""
    if not hold or threading.current_thread() is not threading.main_thread():
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _exit_with(parent: int) -> None:
    """A worker whose build was killed (kill -9, SIGTERM) exits within a second instead of
    waiting for work forever, holding its engines' memory."""
    while True:
        time.sleep(1.0)
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:   # the pid was reused by someone else's process: ours is gone
            os._exit(1)


def _ready() -> None:
    """A task that only makes a pool start a worker (which runs the initializer)."""


def _engine(voice: Voice, engine_id: str = "") -> Engine:
    """The loaded engine for ``voice``, loaded again if the model it was loaded from has changed
    since (a worker kept between builds: ``--watch``, the synthesis server)."""
    cls = engine_class(voice.engine)
    k = cls.load_key(voice)
    if k in _LOADED and _LOADED[k][0] != engine_id:
        del _LOADED[k]
    if k not in _LOADED:
        _LOADED[k] = (engine_id, cls(voice, threads=_THREADS))
    return _LOADED[k][1]


MIN_SECONDS_PER_LETTER = 0.02   # 3x faster than any narrator: shorter audio means words were skipped


def render_job(job: Job, cache_root: str) -> Done:
    """Synthesize one job into the cache (runs in a worker process, or inline for --jobs 1); with
    no ``cache_root`` (a worker that cannot reach the book's disk), the audio comes back in the
    result instead. Audio far too short for its text, or silent, is synthesized once more in
    the next take (the same take again would say it alike), then reported."""
    t0 = time.perf_counter()
    audio = _speak(job)
    problem = suspicious(job.text, audio)
    retry = engine_class(job.voice.engine).take(job.voice, 1) if problem else None
    if problem and retry is not None:
        audio = _speak(replace(job, voice=retry))
        problem = suspicious(job.text, audio)
    seconds = time.perf_counter() - t0
    pcm = to_int16(audio)
    warning = f"voice {job.voice.name}: {problem}: {job.text[:80]!r}" if problem else ""
    if not cache_root:
        return Done(job.key, len(pcm), seconds, warning, pcm)
    LineCache(Path(cache_root)).write(job.key, pcm)
    return Done(job.key, len(pcm), seconds, warning)


def too_short(text: str, samples: int) -> str:
    letters = sum(ch.isalnum() for ch in text)
    seconds = samples / SAMPLE_RATE
    if letters and seconds < letters * MIN_SECONDS_PER_LETTER:
        return f"only {seconds:.2f} s of audio for {letters} letters (words may be missing)"
    return ""


def suspicious(text: str, audio: np.ndarray) -> str:
    letters = sum(ch.isalnum() for ch in text)
    if short := too_short(text, len(audio)):
        return short
    if letters and (audio.size == 0 or float(np.max(np.abs(audio))) < 0.01):
        return "the engine returned silence"
    return ""


def _speak(job: Job) -> np.ndarray:
    from audiobook.voice.engines.base import trim_silence

    engine = _engine(job.voice, job.engine_id)
    chunks: list[np.ndarray] = []
    try:
        for piece in pieces(job.text, job.max_chars or engine.MAX_CHARS):
            if job.lexicon:
                piece = mark(piece, job.lexicon.find(piece), functools.partial(engine.pronounce, job.voice))
            for chunk in engine.synthesize(piece, job.voice):
                audio = trim_silence(np.asarray(chunk.samples, dtype=np.float32), chunk.sample_rate)
                if audio.size:
                    chunks.append(to_pipeline(audio, chunk.sample_rate, job.voice.pitch, job.voice.timbre))
    except AudiobookError:
        raise
    except Exception as e:  # an engine failing on one line is reported with the line, not a traceback
        raise SynthesisError(f"voice {job.voice.name} ({job.voice.engine}) failed on {job.text[:60]!r}: "
                             f"{type(e).__name__}: {e}") from None
    gap = np.zeros(int(round(job.sentence_pause * SAMPLE_RATE)), dtype=np.float32)
    joined: list[np.ndarray] = []
    for i, samples in enumerate(chunks):
        if i:
            joined.append(gap)
        joined.append(samples)
    return np.concatenate(joined) if joined else np.zeros(0, np.float32)


def to_pipeline(samples: np.ndarray, rate: int, pitch: float, timbre: float = 0.0) -> np.ndarray:
    """Pitch-shift (semitones) at the engine's rate, then resample to the pipeline's rate. ``pitch``
    moves the formants with the pitch (as a tape played faster); ``timbre`` moves the formants that
    many semitones more, the pitch staying where ``pitch`` put it (``timbre.shift``)."""
    if timbre:
        from audiobook.voice.timbre import shift

        samples = shift(samples, rate, pitch=pitch, formants=pitch + timbre)
    elif pitch:
        from pedalboard import PitchShift

        samples = PitchShift(semitones=pitch)(samples[np.newaxis, :], rate)[0]
    if rate != SAMPLE_RATE:
        import soxr

        samples = soxr.resample(samples, rate, SAMPLE_RATE, quality="HQ")
    return np.asarray(samples, dtype=np.float32)


# ------------------------------------------------------------------------------ parent side
class InlineExecutor(Executor):
    """Runs each job at submit time in this process (``--jobs 1``: no pool, no pickling)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        fut: Future[Any] = Future()
        try:
            fut.set_result(fn(*args, **kwargs))
        except BaseException as e:  # delivered through the future, like a pool would
            if isinstance(e, KeyboardInterrupt):
                raise
            fut.set_exception(e)
        return fut


def default_executor(jobs: int, threads: int, warm: tuple[Voice, ...] = ()) -> Executor:
    """``jobs`` worker processes (1: this process) of ``threads`` engine threads each. With ``warm``
    voices, each worker loads those voices' engines when it starts, before its first line (a pool
    kept for several builds: see ``warm_up``)."""
    if jobs <= 1:
        _init_worker(threads)                # this process is the worker (see warm_up)
        return InlineExecutor()
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)
    if method == "forkserver":
        ctx.set_forkserver_preload(["audiobook.voice.render"])
        _forkserver_deaf_to_ctrl_c()
    return ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker,
                               initargs=(threads, warm, os.getpid()))


def warm_up(executor: Executor, jobs: int, warm: tuple[Voice, ...]) -> None:
    """Have ``executor``'s ``jobs`` workers load ``warm``'s voices now, in the background (a pool
    made with those voices starts its workers on demand: demand them), or in this process."""
    if isinstance(executor, InlineExecutor):
        _init_worker(_THREADS, warm)
    elif isinstance(executor, ProcessPoolExecutor):
        for _ in range(jobs):
            executor.submit(_ready)


def shares_disk(executor: Executor) -> bool:
    """Whether ``executor``'s workers write the line cache themselves (a local pool, the synthesis
    server), or send the audio back for this process to write (``shares_disk = False``: a cluster)."""
    return bool(getattr(executor, "shares_disk", True))


def keep(cache: LineCache, done: Done) -> Done:
    """Store the audio a worker sent back (see ``render_job``); ``done`` without it."""
    if done.pcm is None:
        return done
    cache.write(done.key, done.pcm)
    return replace(done, pcm=None)


def synthesize(jobs: list[Job], cache: LineCache, executor: Executor,
               on_done: Callable[[Done], None] | None = None) -> list[Done]:
    """Render ``jobs`` on ``executor`` in the order given; ``on_done`` is called in this thread as
    each finishes (with an executor that runs jobs at submit time, right after each one)."""
    futures: list[Future[Done]] = []
    reported: set[int] = set()
    results: list[Done] = []
    root = os.path.abspath(cache.root) if shares_disk(executor) else ""   # a server runs elsewhere

    def report(fut: Future[Done]) -> None:
        reported.add(id(fut))
        done = keep(cache, fut.result())
        results.append(done)
        if on_done:
            on_done(done)

    try:
        with _ctrl_c_held(isinstance(executor, ProcessPoolExecutor)):
            for j in jobs:
                fut = executor.submit(render_job, j, root)
                futures.append(fut)
                if fut.done():
                    report(fut)
        for fut in as_completed(futures):
            if id(fut) not in reported:
                report(fut)
    except BrokenExecutor:
        for f in futures:
            f.cancel()
        raise WorkersLost("a synthesis worker process died (out of memory, or the engine crashed); "
                             "finished lines are kept: build again, with --jobs 1 to see the engine's own "
                             "error") from None
    except BaseException:
        for f in futures:
            f.cancel()
        raise
    return results


def worker_pool(jobs: int = 0, warm: tuple[Voice, ...] = ()) -> Executor:
    """Synthesis workers to keep for several builds (``BuildOptions.executor``; ``--watch``; the
    synthesis server): ``jobs`` processes (0: one per core; 1: this process), each loading an
    engine once for all of them, the engines of ``warm`` as soon as they start."""
    cores = os.cpu_count() or 1
    n = jobs or cores
    return default_executor(n, max(1, cores // n), warm)
