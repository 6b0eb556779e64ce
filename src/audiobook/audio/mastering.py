"""Mastering a chapter to a retailer's audio rules (ACX by default), once per chapter.

``master(samples, rate, settings)`` takes one chapter of mono float32 audio and returns it
mastered, in this order:

1. an 80 Hz high-pass (rumble and DC off; speech has nothing useful below it);
2. one gain for the whole chapter, to the target level measured by the chosen meter (so voices
   keep their levels relative to each other);
3. a look-ahead, true-peak-aware limiter to the ceiling (the gain never clips);
4. a second measurement and a small correction if the limiter took the level off target (every
   gain a multiple of 0.25 dB, so the level lands within 0.125 dB of the target);
5. room tone (quiet noise from a fixed seed, so output is deterministic) under everything, so
   the silences the assembler puts between lines and at the ends of the chapter are room tone,
   not digital zero.

Meters, both blockwise (a 60-minute chapter is 635 MB of float32; no full-length copies are made):

- ``rms``: plain RMS of the whole file in dBFS, what ACX measures (target -20, window -23..-18);
- ``lufs``: ITU-R BS.1770-4 integrated loudness (K-weighting, 400 ms blocks, -70 LUFS absolute
  and -10 LU relative gates), checked against pyloudnorm in the tests. For podcasts (-16 LUFS).

The input array is processed IN PLACE when it is contiguous float32 (and returned): a copy of a
long chapter would double the pipeline's peak memory.

A voice profile chooses the settings under ``mastering:`` (see ``Mastering.from_mapping``)::

    mastering: {preset: podcast}                  # -16 LUFS, ceiling -1.5 dBTP
    mastering: {target: -19, room_tone: -75}      # ACX, a little louder, quieter room tone
    mastering: {enabled: false}
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, replace
from typing import Any

import numpy as np

from audiobook.audio.dsp import LoudnessMeter, RmsMeter, add_room_tone, blocks, db, highpass, limit, scale, sum_squares
from audiobook.config import Section
from audiobook.errors import ConfigError
from audiobook.safeyaml import excerpt

METERS = ("rms", "lufs")


SILENT_DB = -70.0               # a chapter quieter than this is left at its level (no +60 dB gain)


MAX_GAIN_DB = 40.0


PRESETS: dict[str, dict[str, Any]] = {
    "acx": {},
    "podcast": {"meter": "lufs", "target": -16.0, "ceiling": -1.5},
}


@dataclass(frozen=True)
class Mastering:
    """How a chapter is mastered. The defaults are ACX's requirements with a safety margin."""

    enabled: bool = True
    meter: str = "rms"             # "rms" (ACX: RMS of the whole file) or "lufs" (ITU-R BS.1770)
    target: float = -20.0          # dBFS RMS or LUFS, depending on the meter
    ceiling: float = -3.5          # dBFS true peak; ACX allows -3, the decoded MP3 overshoots a little
    room_tone: float | None = -72.0  # dBFS RMS of the room tone; None: add none
    highpass: float = 80.0         # Hz; 0: none
    encoder_loss: float = 0.25     # dB that LAME takes off at 192 kbps; the gain adds it back

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any] | None, label: str, path: str = "mastering") -> Mastering:
        """Settings from a profile's ``mastering:`` mapping; unknown keys are errors with a hint."""
        if data is None:
            return cls()
        sec = Section(data, label, path)
        base = cls()
        preset = sec.text("preset")
        if preset is not None:
            if preset not in PRESETS:
                raise ConfigError(f"{sec.where('preset')}: {excerpt(preset)} is not a preset; choose one of: "
                                  f"{', '.join(PRESETS)}")
            base = replace(base, **PRESETS[preset])
        meter = sec.text("meter", base.meter) or base.meter
        if meter not in METERS:
            raise ConfigError(f"{sec.where('meter')}: {excerpt(meter)} is not a meter; "
                              f"choose one of: {', '.join(METERS)}")
        room_tone = base.room_tone
        if sec.has("room_tone"):
            room = sec.raw("room_tone")
            room_tone = None if room is False or room is None else sec.number("room_tone", low=-120.0, high=-40.0)
        settings = cls(
            enabled=sec.boolean("enabled", base.enabled),
            meter=meter,
            target=_num(sec, "target", base.target, -40.0, -6.0),
            ceiling=_num(sec, "ceiling", base.ceiling, -20.0, 0.0),
            room_tone=room_tone,
            highpass=_num(sec, "highpass", base.highpass, 0.0, 300.0),
            encoder_loss=_num(sec, "encoder_loss", base.encoder_loss, 0.0, 3.0),
        )
        sec.done()
        if settings.meter == "rms" and settings.target > settings.ceiling - 3.0:
            raise ConfigError(f"{sec.where('target')}: {settings.target} dB RMS leaves no headroom below "
                              f"the ceiling ({settings.ceiling} dB)")
        return settings

    def settings(self) -> dict[str, Any]:
        """Everything that changes the mastered audio (for a cache key)."""
        return asdict(self)


def _num(sec: Section, key: str, default: float, low: float, high: float) -> float:
    value = sec.number(key, default, low=low, high=high)
    return default if value is None else value


GAIN_STEP_DB = 0.25     # every gain step is a multiple of this: an edit that moves the chapter's
                        # level by less leaves the steps, so its other segments master the same


def master(samples: np.ndarray, rate: int, settings: Mastering | None = None) -> np.ndarray:
    """One chapter mastered (see the module docstring); contiguous float32 input is changed in place."""
    settings = settings or Mastering()
    x = np.ascontiguousarray(samples, dtype=np.float32)
    if x.ndim != 1:
        raise ValueError(f"master() takes mono samples, got shape {x.shape}")
    master_parts([x], rate, settings)
    return x


Levels = dict[str, float]   # a part's sum of squares after each run of gain steps ("" after the high-pass)


def master_parts(parts: list[np.ndarray], rate: int, settings: Mastering,
                 known: Sequence[Mapping[str, float]] | None = None,
                 wanted: Callable[[tuple[float, ...]], Iterable[int]] | None = None,
                 load: Callable[[int], None] | None = None) -> tuple[tuple[float, ...], list[Levels]]:
    """A chapter given as consecutive parts that start and end in silence, mastered in place: the
    gain steps applied (dB; the limiter follows the first and every positive one), and each part's
    levels along the way (its ``known`` for the next build).

    Every step works on each part alone (no filter or limiter state crosses from one part to the
    next), and every gain is a multiple of ``GAIN_STEP_DB``: a part masters to the same samples
    wherever it stands in whichever chapter, given the same steps. So after an edit
    elsewhere in the chapter, an unchanged part need not be encoded again; nor, with the RMS
    meter (the chapter's level is the sum of its parts' sums of squares), measured again: a part
    whose sum after the same steps is ``known`` is not processed to measure it, and only the parts
    ``wanted(steps)`` names (default: all) are mastered. After a one-paragraph edit that is the
    one paragraph; the other parts are left as they were, or part-processed: not audio to use.
    ``load(i)``, if given, is called before part ``i`` is first looked at (to read its audio in)."""
    n = len(parts)
    levels: list[Levels] = [{} for _ in parts]
    if not settings.enabled or not any(len(p) for p in parts):
        for i in sorted(set(range(n) if wanted is None else wanted(()))):
            if load:
                load(i)
        return (), levels
    rms = settings.meter == "rms"
    memo: Sequence[Mapping[str, float]] = known if rms and known is not None and len(known) == n else [{}] * n
    done: list[tuple[float, ...] | None] = [None] * n     # the steps each part went through (None: untouched)
    total = sum(len(p) for p in parts)

    def bring(indexes: Iterable[int], steps: tuple[float, ...]) -> None:
        todo = list(indexes)
        fresh = [i for i in todo if done[i] is None]
        if load:
            for i in fresh:
                load(i)
        if settings.highpass > 0 and fresh:      # on every core: numpy's FFTs let go of the GIL
            with ThreadPoolExecutor(max(1, min(len(fresh), os.cpu_count() or 1))) as pool:
                list(pool.map(lambda i: highpass(parts[i], rate, settings.highpass), fresh))
        for i in todo:
            for k in range(len(done[i] or ()), len(steps)):
                scale(parts[i], steps[k])
                if k == 0 or steps[k] > 0:
                    limit(parts[i], rate, settings.ceiling)
            done[i] = steps

    def level(steps: tuple[float, ...]) -> float:
        if not rms:
            bring(range(n), steps)
            return _level(parts, rate, settings.meter)
        tag = ",".join(f"{g:g}" for g in steps)
        measure = [i for i in range(n) if done[i] is not None or tag not in memo[i]]
        bring(measure, steps)
        squares = 0.0
        for i in range(n):
            levels[i][tag] = memo[i][tag] if done[i] is None else _sum_squares(parts[i])
            squares += levels[i][tag]
        return db(squares / total)

    final = gain_steps(level, settings.target + settings.encoder_loss)
    chosen = sorted(set(range(n) if wanted is None else wanted(final)))
    bring(chosen, final)
    if settings.room_tone is not None:
        for i in chosen:
            add_room_tone(parts[i], settings.room_tone)
    return final, levels


def gain_steps(level: Callable[[tuple[float, ...]], float], target: float) -> tuple[float, ...]:
    """The gain steps (dB, each a multiple of GAIN_STEP_DB) that bring the audio to ``target``,
    ``level(steps)`` measuring it after those steps (each step scaled, then limited). The limiter
    takes level off (a lot, if the input is peaky): correct, re-limit, re-measure, each step scaled
    by how much of the previous one survived. The first guess (half survives; speech keeps
    60-70%) overshoots a little, and turning down is exact and needs no limiter pass."""
    steps: list[float] = []
    first_level = level(())
    if first_level <= SILENT_DB:
        return ()
    steps.append(_snap(min(target - first_level, MAX_GAIN_DB)))
    error, kept = target - level(tuple(steps)), 0.5
    for _ in range(5):
        step = _snap(min(error / kept, 6.0) if error > 0 else error)
        if abs(error) <= GAIN_STEP_DB / 2 or not step:
            break
        steps.append(step)
        new_error = target - level(tuple(steps))
        if step > 0:
            kept = min(1.0, max(0.2, (error - new_error) / step))
        error = new_error
    return tuple(steps)


def _sum_squares(x: np.ndarray) -> float:
    """A part's sum of squares, blockwise (float64), as the RMS meter adds them up."""
    return sum((sum_squares(x[s]) for s in blocks(len(x))), 0.0)


def _snap(gain_db: float) -> float:
    return round(gain_db / GAIN_STEP_DB) * GAIN_STEP_DB


def _level(parts: list[np.ndarray], rate: int, meter: str) -> float:
    """The chapter's level (its parts in order, as one signal) by ``meter``."""
    m: RmsMeter | LoudnessMeter = RmsMeter() if meter == "rms" else LoudnessMeter(rate)
    for part in parts:
        for s in blocks(len(part)):
            m.feed(part[s])
    return m.result()
