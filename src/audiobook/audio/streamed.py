"""Mastering a long chapter in passes over its parts (paragraphs), never holding it whole.

``master_parts`` (mastering.py) keeps every part in memory between its passes: a chapter's float32
samples, 635 MB an hour at 44.1 kHz. ``master_streamed`` makes the same decisions from the same
arithmetic, but each pass makes each part afresh from its lines (``make``), processes it with
every gain step so far and keeps only its level; the last pass hands each mastered part, in order,
to the caller (to encode it), a few parts ahead on the other cores. Memory: a few paragraphs.
The samples are those ``master_parts`` makes, operation for operation (tested)."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor

import numpy as np

from audiobook.audio.mastering import (
    LoudnessMeter,
    Mastering,
    _sum_squares,
    add_room_tone,
    blocks,
    db,
    gain_steps,
    highpass,
    limit,
    scale,
)

Levels = dict[str, float]


def master_streamed(sizes: Sequence[int], make: Callable[[int], np.ndarray], rate: int, settings: Mastering,
                    known: Sequence[Mapping[str, float]] | None = None,
                    wanted: Callable[[tuple[float, ...]], Iterable[int]] | None = None,
                    ) -> tuple[tuple[float, ...], list[Levels], Iterator[tuple[int, np.ndarray]]]:
    """(gain steps, each part's levels, the mastered parts ``wanted(steps)`` names, in order, as
    (index, samples)) for a chapter of parts of ``sizes`` samples; ``make(i)`` returns part
    ``i``'s unmastered float32 audio, a new array each call."""
    n = len(sizes)
    levels: list[Levels] = [{} for _ in sizes]
    workers = max(1, os.cpu_count() or 1)
    if not settings.enabled or not any(sizes):
        return (), levels, _ahead(sorted(set(range(n) if wanted is None else wanted(()))), make, workers)
    rms = settings.meter == "rms"
    memo: Sequence[Mapping[str, float]] = known if rms and known is not None and len(known) == n else [{}] * n
    touched: set[int] = set()          # parts measured by processing (the others' levels are known)
    total = sum(sizes)

    def processed(i: int, steps: tuple[float, ...]) -> np.ndarray:
        x = make(i)
        if settings.highpass > 0:
            highpass(x, rate, settings.highpass)
        for k, step in enumerate(steps):
            scale(x, step)
            if k == 0 or step > 0:
                limit(x, rate, settings.ceiling)
        return x

    def level(steps: tuple[float, ...]) -> float:
        if not rms:
            meter = LoudnessMeter(rate)
            for _, x in _ahead(list(range(n)), lambda i: processed(i, steps), workers):
                for s in blocks(len(x)):
                    meter.feed(x[s])
            return meter.result()
        tag = ",".join(f"{g:g}" for g in steps)
        measure = [i for i in range(n) if i in touched or tag not in memo[i]]
        touched.update(measure)
        with ThreadPoolExecutor(workers) as pool:
            found = dict(zip(measure, pool.map(lambda i: _sum_squares(processed(i, steps)), measure), strict=True))
        squares = 0.0
        for i in range(n):
            levels[i][tag] = found[i] if i in found else memo[i][tag]
            squares += levels[i][tag]
        return db(squares / total)

    final = gain_steps(level, settings.target + settings.encoder_loss)   # as mastering.master_parts
    chosen = sorted(set(range(n) if wanted is None else wanted(final)))

    def mastered(i: int) -> np.ndarray:
        x = processed(i, final)
        if settings.room_tone is not None:
            add_room_tone(x, settings.room_tone)
        return x
    return final, levels, _ahead(chosen, mastered, workers)


def _ahead(order: list[int], make: Callable[[int], np.ndarray], workers: int) -> Iterator[tuple[int, np.ndarray]]:
    """``(i, make(i))`` for ``i`` in ``order``, made up to ``workers`` ahead on a thread pool."""
    with ThreadPoolExecutor(workers) as pool:
        queue: deque[tuple[int, Future[np.ndarray]]] = deque()
        it = iter(order)
        for i in it:
            queue.append((i, pool.submit(make, i)))
            if len(queue) >= workers:
                break
        while queue:
            i, fut = queue.popleft()
            nxt = next(it, None)
            if nxt is not None:
                queue.append((nxt, pool.submit(make, nxt)))
            yield i, fut.result()
