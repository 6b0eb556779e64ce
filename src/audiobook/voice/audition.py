"""Hear a voice without building (``audiobook say``): a text said by one voice of a profile, the
book's pronunciation lexicon applied, through the same path a build's lines take (speech(), the
engine, pitch and timbre, the pipeline's rate), into a WAV file."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np

from audiobook.book import Book
from audiobook.errors import ConfigError, OutputError, did_you_mean
from audiobook.model import SAMPLE_RATE, Voice, to_int16
from audiobook.voice.profiles import Profile

PLAYERS = (["ffplay", "-nodisp", "-autoexit", "-loglevel", "quiet"], ["afplay"], ["paplay"], ["aplay", "-q"])


def pick_voice(profile: Profile, name: str) -> Voice:
    """A voice of the profile by its name, or by the speaker cast to it ("Daniel")."""
    if name in profile.voices:
        return profile.voices[name]
    if name in profile.cast:
        return profile.voices[profile.cast[name]]
    known = [*profile.voices, *profile.cast]
    raise ConfigError(f"--voice {name}: {profile.label} has no voice or cast speaker {name!r}"
                      f"{did_you_mean(name, known)}; voices: {', '.join(profile.voices)}")


def audition(book: Book, profile: Profile, voice: Voice, text: str) -> np.ndarray:
    """``text`` said by ``voice``: int16 samples at the pipeline's rate."""
    from audiobook.text.speech import speech
    from audiobook.voice import planning, render
    from audiobook.voice.engines import engine_class

    said = speech(text).text
    if not any(c.isalnum() for c in said):
        raise ConfigError("say: give a text with words in it")
    planning.check_voices(profile, [voice])
    lexicon = book.lexicon.over(profile.lexicon)
    found = lexicon.find(said, voice.option("language") or book.language)
    for s in found:                                  # a bad entry: its one-line error, before loading
        engine_class(voice.engine).pronounce(voice, s)
    ident = planning.engine_id(engine_class(voice.engine).identity(voice))
    job = planning.Job("", said, voice, profile.pauses.sentence, 0, ident, lexicon.only(found))
    return to_int16(render._speak(job))


def write_wav(path: Path, pcm: np.ndarray) -> None:
    import soundfile

    try:
        soundfile.write(str(path), pcm, SAMPLE_RATE, subtype="PCM_16")
    except (OSError, RuntimeError) as e:
        raise OutputError(f"{path}: cannot write ({e})") from None


def player() -> list[str] | None:
    """The first audio player found on PATH, as a command to which a file name is appended."""
    for cmd in PLAYERS:
        if shutil.which(cmd[0]):
            return cmd
    return None


def play(cmd: list[str], path: Path) -> None:
    subprocess.run([*cmd, str(path)], check=False)
