"""Coqui TTS voices (``coqui-tts``, installed with ``pip install 'audiobook[coqui]'``): any model of
Coqui's zoo or a local checkpoint, a speaker of a multi-speaker model, XTTS voice cloning.

    engine: coqui
    model: tts_models/en/vctk/vits          # a zoo name: the model must be in Coqui's cache
    options: {speaker: p226}

    engine: coqui
    model: models/my-vits/best_model.pth    # a local checkpoint (.pth), or a folder (XTTS)
    options: {config_path: models/my-vits/config.json, speaker: anna}   # default: config.json beside it

    engine: coqui
    model: tts_models/multilingual/multi-dataset/xtts_v2
    options: {speaker_wav: refs/liana.wav, language: en, device: cuda}  # or a list of recordings

``model`` holds either a zoo name (``type/language/dataset/model``, loaded by name through Coqui's
own model manager from its cache: ``$TTS_HOME/tts`` or ``~/.local/share/tts``; XTTS lives in the
Hugging Face cache) or the path of a local checkpoint. Options:

- ``speaker``: a speaker name of a multi-speaker model (``audiobook voices`` lists them).
- ``language``: for multilingual models (XTTS: ``en``, ``de``, ...).
- ``speaker_wav``: one reference recording or a list, relative to the profile, for cloning models.
- ``config_path``: the config.json of a local checkpoint.
- ``device``: ``auto`` (default: cuda when torch sees a GPU), ``cpu``, ``cuda`` or ``cuda:N``.
- ``seed``: fixes the model's noise so a line always renders identically (default 1234).

Nothing is downloaded during a build: a zoo model that is not on disk is reported by ``problems``
with the command that fetches it. torch and TTS are imported only when a model is loaded; the
checks read config.json and speaker files.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from audiobook.errors import EngineError, SynthesisError, did_you_mean
from audiobook.model import Voice
from audiobook.voice.engines.base import Audio, Engine, file_digest, package_version
from audiobook.voice.engines.coqui_models import (
    _DEVICE,
    DEFAULT_SEED,
    INSTALL,
    SPEED_MODELS,
    ModelFiles,
    ModelInfo,
    _listing,
    locate,
    read_info,
    references,
    xtts_speakers,
    zoo_name,
)


class CoquiEngine(Engine):
    NAME = "coqui"
    DEFAULT_SEED = DEFAULT_SEED
    OPTIONS = {"speaker": str, "language": str, "speaker_wav": (str, list), "config_path": str,
               "device": str, "seed": int}
    PATH_OPTIONS = ("speaker_wav", "config_path")
    INSTALL = INSTALL
    MAX_CHARS = 240       # XTTS refuses sentences over 250 characters (English)

    @classmethod
    def load_key(cls, voice: Voice) -> tuple[Any, ...]:
        return (cls.NAME, voice.model, voice.option("config_path"), voice.option("device", "auto"))

    @classmethod
    def problems(cls, voice: Voice) -> list[str]:
        if not package_version("coqui-tts"):
            return [f"voice {voice.name}: the Coqui engine is not installed; run: {cls.INSTALL}"]
        try:
            files = locate(voice)
            info = read_info(files)
        except EngineError as e:
            return [str(e)]
        except (ValueError, OSError) as e:
            return [f"voice {voice.name}: cannot read the Coqui model's config or speaker files ({e})"]
        return cls._option_problems(voice, files, info)

    @classmethod
    def _option_problems(cls, voice: Voice, files: ModelFiles, info: ModelInfo) -> list[str]:
        out: list[str] = []
        where, name = f"voice {voice.name}", files.label
        speaker, language, refs = voice.option("speaker"), voice.option("language"), references(voice)
        if info.kind == "xtts" and speaker is not None:
            valid = xtts_speakers(files)
            if speaker not in valid:
                out.append(f"{where}: speaker {speaker!r} is not a built-in speaker of {name}"
                           f"{did_you_mean(speaker, valid)}; valid: {_listing(valid) or 'none'}; "
                           f"or clone a voice with options.speaker_wav")
        elif info.speakers and speaker is None and not refs:
            out.append(f"{where}: {name} has {len(info.speakers)} speakers; set options.speaker to one of: "
                       f"{_listing(info.speakers)}")
        elif info.speakers and speaker is not None and speaker not in info.speakers:
            out.append(f"{where}: speaker {speaker!r} is not in {name}{did_you_mean(speaker, info.speakers)}; "
                       f"valid: {_listing(info.speakers)}")
        elif not info.speakers and speaker is not None and info.kind != "xtts":
            out.append(f"{where}: {name} has one speaker; remove options.speaker")
        if info.kind == "xtts" and speaker is None and not refs:
            out.append(f"{where}: {name} clones a voice: set options.speaker_wav to a reference recording "
                       f"(6-30 s of clean speech, kept in voices/)")
        if refs and not info.clones:
            out.append(f"{where}: {name} cannot clone a voice; remove options.speaker_wav "
                       f"(XTTS, tts_models/multilingual/multi-dataset/xtts_v2, can)")
        for ref in refs:
            out.extend(_reference_problems(where, ref))
        if info.languages and language is None:
            out.append(f"{where}: {name} speaks several languages; set options.language to one of: "
                       f"{_listing(info.languages)}")
        elif info.languages and language not in info.languages:
            out.append(f"{where}: language {language!r} is not in {name}{did_you_mean(language, info.languages)}; "
                       f"valid: {_listing(info.languages)}")
        elif not info.languages and language is not None:
            out.append(f"{where}: {name} speaks one language; remove options.language")
        device = voice.option("device", "auto")
        if not _DEVICE.fullmatch(device):
            out.append(f"{where}: options.device {device!r}: use auto, cpu, cuda or cuda:N")
        if voice.speed != 1.0 and info.kind not in SPEED_MODELS:
            out.append(f"{where}: speed {voice.speed}: the engine sets the pace of {', '.join(SPEED_MODELS)} "
                       f"models only, and {name} is {info.kind or 'another kind'}; remove speed")
        if info.phonemes and not (shutil.which("espeak-ng") or shutil.which("espeak")):
            out.append(f"{where}: {name} reads phonemes made by espeak-ng, which is not installed; "
                       f"install it (apt install espeak-ng, brew install espeak-ng)")
        return out

    @classmethod
    def identity(cls, voice: Voice) -> dict[str, Any]:
        files = locate(voice)
        return {"engine": "coqui", "version": package_version("coqui-tts"),
                "model": file_digest(files.checkpoint), "config": file_digest(files.config),
                "references": [file_digest(r) for r in references(voice)]}

    @classmethod
    def describe(cls, voice: Voice) -> str:
        refs = references(voice)
        who = (f"speaker {voice.option('speaker')}" if voice.option("speaker") else
               f"cloned from {', '.join(Path(r).name for r in refs)}" if refs else "its default speaker")
        try:
            files = locate(voice)
            info = read_info(files)
        except (EngineError, ValueError, OSError):
            label = zoo_name(voice.model or "") or voice.model or "(no model)"
            return f"{label}, {who} (model not on disk)"
        facts = ["on disk"]
        if info.speakers:
            facts.append(f"{len(info.speakers)} speakers: {_listing(info.speakers, 6)}")
        if info.clones:
            facts.append("clones from speaker_wav")
        facts.append(f"languages: {_listing(info.languages, 6)}" if info.languages else "one language")
        return f"{files.label}, {who} ({'; '.join(facts)})"

    def __init__(self, voice: Voice, threads: int = 1) -> None:
        super().__init__(voice, threads)
        files = locate(voice)
        self._info = read_info(files)
        try:
            import torch
            from huggingface_hub.errors import LocalEntryNotFoundError
            from requests.exceptions import RequestException
            from TTS.api import TTS
        except ImportError as e:
            raise EngineError(f"the Coqui engine is not installed ({e}); run: {self.INSTALL}") from None
        # One model per worker process: each worker gets its share of the cores (a torch using every
        # core in every worker is many times slower on a busy machine).
        torch.set_num_threads(max(1, threads))
        device = _device(voice, torch)
        # XTTS asks on stdin to accept its license (CPML) unless this is set; the profile chose it.
        os.environ["COQUI_TOS_AGREED"] = "1"
        try:
            if files.zoo:
                tts = TTS(files.zoo, progress_bar=False)
            else:
                tts = TTS(model_path=str(files.load_path), config_path=str(files.config), progress_bar=False)
            tts.to(device)
        except (RequestException, LocalEntryNotFoundError) as e:
            raise EngineError(f"voice {voice.name}: Coqui model {files.label} is not complete on disk and cannot "
                              f"be downloaded ({type(e).__name__}: {e}); get it once with internet: python -c "
                              f"\"from TTS.api import TTS; TTS('{files.label}')\"") from None
        except Exception as e:  # torch/Coqui raise RuntimeError, KeyError, pickle errors on a bad file
            raise EngineError(f"voice {voice.name}: cannot load Coqui model {files.label}: {e}; the file may be "
                              f"damaged or not match its config {files.config}") from None
        if self._info.kind == "xtts":
            _read_references_with_soundfile()
        assert tts.synthesizer is not None
        self._tts = tts
        self._torch = torch
        self._rate = int(tts.synthesizer.output_sample_rate)
        self._model = tts.synthesizer.tts_model
        self._length_scale = getattr(self._model, "length_scale", None)
        self._voices_dir = tempfile.TemporaryDirectory(prefix="audiobook-coqui-") if self._info.clones else None
        self._cloned: set[str] = set()
        self.device = device

    def synthesize(self, text: str, voice: Voice) -> Iterator[Audio]:
        from TTS.utils.synthesizer import PAD_SILENCE_SAMPLES

        if not text.strip():            # Coqui raises on empty or blank text
            return
        speaker, language = voice.option("speaker"), voice.option("language")
        seed = int(voice.option("seed", DEFAULT_SEED))
        synth = self._tts.synthesizer
        assert synth is not None
        for sentence in synth.split_into_sentences(text, language):
            if not any(ch.isalnum() for ch in sentence):   # nothing to say ("—", "..."): no audio
                continue
            self._torch.manual_seed(seed)
            kwargs = {"speaker": speaker, **self._voice_kwargs(voice)}
            try:
                wav = self._tts.tts(sentence, language=language, split_sentences=False, **kwargs)
            except (KeyError, ValueError, AssertionError) as e:    # speaker / language / references
                raise EngineError(f"voice {voice.name}: {e}; check `audiobook voices`") from None
            except Exception as e:
                raise SynthesisError(f"voice {voice.name}: Coqui failed on {sentence[:60]!r}: {e}") from None
            if "speaker_wav" in kwargs and "voice_dir" in kwargs:
                self._cloned.add(kwargs["speaker"])    # Coqui saved the cloned voice: reuse it
            samples = np.asarray(wav, dtype=np.float32)
            # Coqui's synthesizer appends PAD_SILENCE_SAMPLES of silence after every sentence; our
            # pipeline adds its own pauses, so each chunk ends where the speech ends.
            yield Audio(samples[: max(0, len(samples) - PAD_SILENCE_SAMPLES)], self._rate)

    def _voice_kwargs(self, voice: Voice) -> dict[str, Any]:
        """Per-voice settings on a model shared by several voices: pace, cloned voice."""
        kwargs: dict[str, Any] = {}
        if self._info.kind == "xtts":
            kwargs["speed"] = voice.speed
        elif self._length_scale is not None:
            self._model.length_scale = self._length_scale / voice.speed
        refs = references(voice)
        if not refs:
            return kwargs
        if self._voices_dir is None or getattr(self._model, "speaker_manager", None) is None:
            kwargs["speaker_wav"] = list(refs)        # cloned again for every sentence
            return kwargs
        # Clone once per voice: given a speaker name and a voice_dir, Coqui saves the cloned voice
        # there and loads it when asked for that name without references.
        key = "ref-" + hashlib.sha256("\n".join(f"{r}:{file_digest(r)}" for r in refs).encode()).hexdigest()[:16]
        kwargs.update(speaker=key, voice_dir=self._voices_dir.name)
        if key not in self._cloned:
            kwargs["speaker_wav"] = list(refs)
        return kwargs


def _device(voice: Voice, torch: Any) -> str:
    device = str(voice.option("device", "auto"))
    if device == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if device.startswith("cuda") and not torch.cuda.is_available():
        build = f"CUDA {torch.version.cuda}" if torch.version.cuda else "a CPU-only build"
        raise EngineError(f"voice {voice.name}: options.device {device}: torch {torch.__version__} ({build}) sees no "
                          f"GPU; install a CUDA build of torch (see README, Coqui TTS) or use device: cpu")
    return device


def _read_references_with_soundfile() -> None:
    """XTTS reads reference recordings with ``torchaudio.load``, which needs torchaudio's compiled
    backend (missing beside a CPU torch, see scripts/install-extras.sh, and absent in newer
    torchaudio releases). Replace that one function, in the xtts module only, with a soundfile read
    that returns what it returned: a [1, samples] float tensor at ``sampling_rate``, clipped to [-1, 1]."""
    import soundfile
    import torch
    import torchaudio
    from TTS.tts.models import xtts

    def load_audio(audiopath: str, sampling_rate: int) -> Any:
        data, rate = soundfile.read(str(audiopath), dtype="float32", always_2d=True)
        audio = torch.from_numpy(np.ascontiguousarray(data.mean(axis=1)))[None, :]
        if rate != sampling_rate:
            audio = torchaudio.functional.resample(audio, rate, sampling_rate)
        return audio.clip_(-1, 1)

    xtts.load_audio = load_audio


def _reference_problems(where: str, ref: str) -> list[str]:
    import soundfile

    if not Path(ref).is_file():
        return [f"{where}: reference recording {ref} not found (speaker_wav paths are relative to the profile)"]
    try:
        soundfile.info(ref)
    except Exception as e:  # soundfile raises LibsndfileError / RuntimeError
        return [f"{where}: reference recording {ref} cannot be read ({e}); use a WAV or FLAC file"]
    return []
