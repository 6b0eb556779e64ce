"""Where a Coqui voice's model is and what it offers, read from disk without importing torch or
TTS: a zoo name in Coqui's data folder or a local checkpoint with its config.json, the model's
speakers and languages, XTTS reference recordings."""

from __future__ import annotations

import functools
import importlib.util
import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from audiobook.errors import EngineError, did_you_mean
from audiobook.model import Voice

INSTALL = "pip install 'audiobook[coqui]'"
DEFAULT_SEED = 1234
ZOO_TYPES = ("tts_models", "vocoder_models", "voice_conversion_models")
CHECKPOINT_NAMES = ("model_file.pth", "model_file.pth.tar", "model.pth", "checkpoint.pth")
SPEED_MODELS = ("vits", "xtts")        # models whose pace the engine can set
_DEVICE = re.compile(r"auto|cpu|cuda(:\d+)?")


@dataclass(frozen=True)
class ModelFiles:
    """Where a voice's model lies on disk."""

    label: str                # the zoo name or the path, for messages
    zoo: str | None           # zoo name (loaded by name), None for a local checkpoint
    checkpoint: Path          # the weights file (hashed for the cache key)
    config: Path
    load_path: Path           # what Coqui loads by path: the checkpoint, or its folder (XTTS)


@dataclass(frozen=True)
class ModelInfo:
    """Facts of a model read from its config and speaker files, without loading it."""

    kind: str                          # config "model": vits, xtts, glow_tts, ...
    speakers: tuple[str, ...]          # () for a single-speaker model (or one that only clones)
    languages: tuple[str, ...]         # () for a model with one language
    clones: bool                       # takes speaker_wav reference recordings
    phonemes: bool                     # needs espeak-ng to turn text into phonemes


# --- finding the model -------------------------------------------------------------------------

def coqui_data_dir() -> Path:
    """Coqui's model cache, as ``trainer.io.get_user_data_dir("tts")`` computes it (without torch)."""
    if os.environ.get("TTS_HOME"):
        base = Path(os.environ["TTS_HOME"]).expanduser()
    elif os.environ.get("XDG_DATA_HOME"):
        base = Path(os.environ["XDG_DATA_HOME"]).expanduser()
    elif sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", "~/AppData/Local")).expanduser()
    elif sys.platform == "darwin":
        base = Path("~/Library/Application Support").expanduser()
    else:
        base = Path.home() / ".local" / "share"
    return base / "tts"


@functools.lru_cache(maxsize=1)
def _zoo() -> dict[str, Any]:
    """Coqui's model list (TTS/.models.json), read without importing TTS (which imports torch)."""
    spec = importlib.util.find_spec("TTS")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / ".models.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def _zoo_names() -> list[str]:
    return [f"{t}/{lang}/{ds}/{m}" for t, langs in _zoo().items() for lang, dss in langs.items()
            for ds, models in dss.items() for m in models]


def zoo_name(model: str) -> str | None:
    """The zoo name in ``model``, or None for a local path. voices.py resolves every model
    containing "/" against the profile folder, so ``tts_models/en/vctk/vits`` may reach us as
    ``/book/voices/tts_models/en/vctk/vits``: a zoo name is its last four parts when they start with
    a zoo model type and no such file exists."""
    parts = Path(model).parts
    if len(parts) >= 4 and parts[-4] in ZOO_TYPES and not Path(model).exists():
        return "/".join(parts[-4:])
    return None


def _first_existing(paths: list[Path]) -> Path | None:
    return next((p for p in paths if p.is_file()), None)


def locate(voice: Voice) -> ModelFiles:
    """The model files of a voice; EngineError saying how to get them when they are not on disk."""
    if not voice.model:
        raise EngineError(f"voice {voice.name}: set model: to a Coqui zoo name (e.g. tts_models/en/vctk/vits) "
                          f"or a local checkpoint (.pth) with options.config_path")
    name = zoo_name(voice.model)
    return _locate_zoo(voice, name) if name else _locate_local(voice, Path(voice.model))


def _locate_zoo(voice: Voice, name: str) -> ModelFiles:
    mtype, lang, dataset, model = name.split("/")
    item = _zoo().get(mtype, {}).get(lang, {}).get(dataset, {}).get(model)
    if item is None:
        if not _zoo():
            raise EngineError(f"voice {voice.name}: the Coqui engine is not installed; run: {INSTALL}")
        raise EngineError(f"voice {voice.name}: {name} is not a model of Coqui's zoo"
                          f"{did_you_mean(name, _zoo_names())}; list them with: tts --list_models")
    get = f"python -c \"from TTS.api import TTS; TTS('{name}')\""
    if item.get("tos_required"):
        get = f"COQUI_TOS_AGREED=1 {get}   (this accepts the model's license, {item.get('license', '')})"
    if "repo_id" in item:                       # kept in the Hugging Face cache (XTTS, bark)
        from huggingface_hub import constants, try_to_load_from_cache

        found = try_to_load_from_cache(item["repo_id"], "config.json")
        where = Path(constants.HF_HUB_CACHE) / f"models--{item['repo_id'].replace('/', '--')}"
        root = Path(found).parent if isinstance(found, str) else None
    else:
        where = coqui_data_dir() / f"{mtype}--{lang}--{dataset}--{model}"
        root = where if where.is_dir() else None
    if root is None:
        raise EngineError(
            f"voice {voice.name}: Coqui model {name} is not on disk; Coqui keeps it in {where} "
            f"(TTS_HOME / HF_HOME move that folder) and nothing is downloaded during a build. "
            f"Get it once with internet: {get}; or set model: to a local checkpoint with options.config_path")
    checkpoint = _first_existing([root / n for n in CHECKPOINT_NAMES]) or _first_existing(sorted(root.glob("*.pt*")))
    config = root / "config.json"
    if checkpoint is None or not config.is_file():
        missing = "config.json" if checkpoint else "the model .pth"
        raise EngineError(f"voice {voice.name}: Coqui model {name} in {root} is incomplete ({missing} missing); "
                          f"delete that folder and get it again: {get}")
    return ModelFiles(label=name, zoo=name, checkpoint=checkpoint, config=config, load_path=checkpoint)


def _locate_local(voice: Voice, path: Path) -> ModelFiles:
    root = path if path.is_dir() else path.parent
    checkpoint = _first_existing([root / n for n in CHECKPOINT_NAMES]) if path.is_dir() else path
    if checkpoint is None or not checkpoint.is_file():
        raise EngineError(f"voice {voice.name}: Coqui model file {checkpoint or path} not found; point model: at a "
                          f"checkpoint (.pth) or a Coqui zoo name such as tts_models/en/vctk/vits")
    config = Path(voice.option("config_path") or root / "config.json")
    if not config.is_file():
        raise EngineError(f"voice {voice.name}: Coqui config {config} not found; set options.config_path "
                          f"to the config.json that came with {checkpoint.name}")
    return ModelFiles(label=str(path), zoo=None, checkpoint=checkpoint, config=config, load_path=path)


# --- reading the model's facts -----------------------------------------------------------------

def read_info(files: ModelFiles) -> ModelInfo:
    st = files.config.stat()
    return _read_info(str(files.config), st.st_mtime_ns)


@functools.lru_cache(maxsize=32)
def _read_info(config_path: str, _mtime_ns: int) -> ModelInfo:
    cfg = json.loads(Path(config_path).read_text(encoding="utf-8"))
    root = Path(config_path).parent
    args = cfg.get("model_args") or {}

    def get(key: str) -> Any:          # Coqui's get_from_config_or_model_args: model_args first
        return args[key] if key in args else cfg.get(key)

    kind = str(cfg.get("model", ""))
    speakers: list[str] = []
    if kind != "xtts" and get("use_speaker_embedding"):
        speakers = [str(s) for s in cfg.get("speakers") or []]
        if not speakers and (f := get("speaker_file") or get("speakers_file")):
            speakers = list(_load_mapping(_beside(f, root)))
    elif kind != "xtts" and get("use_d_vector_file") and (f := get("d_vector_file")):
        f = f[0] if isinstance(f, list) else f
        speakers = sorted({str(v.get("name")) for v in _load_mapping(_beside(f, root)).values()})
    languages: list[str] = []
    if kind == "xtts":
        languages = [str(x) for x in cfg.get("languages") or []]
    elif get("use_language_embedding") and (f := get("language_ids_file")):
        languages = list(_load_mapping(_beside(f, root)))
    elif len(cfg.get("languages") or []) > 1:
        languages = [str(x) for x in cfg["languages"]]
    clones = kind == "xtts" or bool(args.get("speaker_encoder_model_path"))
    phonemes = bool(cfg.get("use_phonemes")) and cfg.get("phonemizer") in (None, "espeak", "espeak-ng")
    return ModelInfo(kind=kind, speakers=tuple(speakers) if len(speakers) > 1 else (),
                     languages=tuple(languages), clones=clones, phonemes=phonemes)


def _beside(path: str, root: Path) -> Path:
    """A file named in a config: as written, or (config written on another machine) beside it."""
    p = Path(path)
    return p if p.is_file() else root / p.name


def _load_mapping(path: Path) -> dict[str, Any]:
    if path.suffix == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
    else:                                   # a torch pickle (speakers.pth): needs torch, rarely
        import torch

        data = torch.load(path, map_location="cpu", weights_only=True)
    return dict(data)


def xtts_speakers(files: ModelFiles) -> tuple[str, ...]:
    """XTTS's built-in speakers (speakers_xtts.pth, a torch file: only read when one is asked for)."""
    path = files.load_path / "speakers_xtts.pth" if files.load_path.is_dir() else \
        files.checkpoint.parent / "speakers_xtts.pth"
    return tuple(_load_mapping(path)) if path.is_file() else ()


def references(voice: Voice) -> tuple[str, ...]:
    refs = voice.option("speaker_wav")
    if refs is None:
        return ()
    return (refs,) if isinstance(refs, str) else tuple(refs)


def _listing(items: tuple[str, ...], limit: int = 40) -> str:
    more = f", ... ({len(items)} in all)" if len(items) > limit else ""
    return ", ".join(items[:limit]) + more


# --- the engine --------------------------------------------------------------------------------
