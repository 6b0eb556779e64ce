"""More voices: Piper's public voice catalogue (``voices.json``, the format of piper's
``download_voices.py``), listed and downloaded into the user's data directory.

    audiobook voices --list                      # name, language, quality, speakers
    audiobook voices add piper:en_GB-alan-medium

A voice is its ``.onnx`` and ``.onnx.json``, checked against the catalogue's size and MD5 digest.
A download goes to ``NAME.part`` first and resumes from there (an HTTP Range request) when it was
cut off; only a whole, checked file gets its real name. Profiles then name the voice by its short
name (``model: en_GB-alan-medium``). Where: ``$AUDIOBOOK_DATA``, else ``$XDG_DATA_HOME/audiobook``,
else ``~/.local/share/audiobook``, under ``voices/piper/``. The catalogue's address can be changed
with ``AUDIOBOOK_PIPER_VOICES`` (a URL of a voices.json; files are fetched beside it).
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import re
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from audiobook.errors import AudiobookError, ConfigError, did_you_mean

CATALOGUE = "https://huggingface.co/rhasspy/piper-voices/resolve/main/voices.json?download=true"
ENGINES = ("piper",)
CHUNK = 1 << 16


class DownloadError(AudiobookError):
    """A catalogue or voice file that could not be fetched or did not check out."""


@dataclass(frozen=True)
class CatalogueVoice:
    name: str                     # en_GB-alan-medium
    language: str                 # en_GB
    language_name: str            # English (Great Britain)
    quality: str
    speakers: int
    files: dict[str, dict[str, Any]]   # path in the repository -> {size_bytes, md5_digest}


def data_dir() -> Path:
    """Where downloaded voices live: ``$AUDIOBOOK_DATA``, ``$XDG_DATA_HOME/audiobook`` or
    ``~/.local/share/audiobook``."""
    if os.environ.get("AUDIOBOOK_DATA"):
        return Path(os.path.expanduser(os.environ["AUDIOBOOK_DATA"]))
    return Path(os.path.expanduser(os.environ.get("XDG_DATA_HOME") or "~/.local/share")) / "audiobook"


def piper_dir() -> Path:
    return data_dir() / "voices" / "piper"


def installed_piper(name: str) -> Path | None:
    """The downloaded model of a Piper voice by its short name, if it is whole (both files there)."""
    model = piper_dir() / f"{name}.onnx"
    return model if model.is_file() and Path(f"{model}.json").is_file() else None


def catalogue_url() -> str:
    return os.environ.get("AUDIOBOOK_PIPER_VOICES") or CATALOGUE


def load_catalogue(opener: Callable[..., Any] = urllib.request.urlopen) -> dict[str, CatalogueVoice]:
    """Piper's voice catalogue, fetched now (it changes as voices are added)."""
    url = catalogue_url()
    try:
        with opener(urllib.request.Request(url, headers={"User-Agent": "audiobook"}), timeout=30) as response:
            data = json.loads(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError, http.client.HTTPException) as e:
        raise DownloadError(f"cannot fetch Piper's voice catalogue from {_host(url)} ({_why(e)}); "
                            f"check the internet connection and run again") from None
    except ValueError:
        raise DownloadError(f"Piper's voice catalogue at {url} is not valid JSON; try again later") from None
    if not isinstance(data, dict):
        raise DownloadError(f"Piper's voice catalogue at {url} is not a mapping of voices")
    out = {}
    for name, v in data.items():
        try:
            lang = v.get("language") or {}
            out[name] = CatalogueVoice(
                name=name, language=str(lang.get("code", "")),
                language_name=f"{lang.get('name_english', '')} ({lang.get('country_english', '')})".replace(" ()", ""),
                quality=str(v.get("quality", "")), speakers=int(v.get("num_speakers", 1)),
                files={str(k): dict(f) for k, f in (v.get("files") or {}).items()})
        except (AttributeError, TypeError, ValueError):
            continue                         # one malformed entry does not hide the others
    return out


def add(spec: str, progress: Callable[[str, int, int], None] | None = None,
        opener: Callable[..., Any] = urllib.request.urlopen) -> Path:
    """Download ``piper:NAME`` (its .onnx and .onnx.json) into the data directory; returns the model."""
    engine, _, name = spec.partition(":")
    if engine not in ENGINES or not name:
        raise ConfigError(f"{spec}: name a voice as ENGINE:NAME, e.g. piper:en_GB-alan-medium "
                          f"(engines with a catalogue: {', '.join(ENGINES)})")
    if (done := installed_piper(name)) is not None:
        return done
    voices = load_catalogue(opener)
    if name not in voices:
        raise ConfigError(f"{spec}: not in Piper's voice catalogue{did_you_mean(name, list(voices))}; "
                          f"`audiobook voices --list` shows them")
    voice = voices[name]
    wanted = [(p, f) for p, f in voice.files.items() if p.endswith((".onnx", ".onnx.json"))]
    if len(wanted) != 2:
        raise DownloadError(f"{spec}: the catalogue lists no .onnx and .onnx.json for it")
    folder = piper_dir()
    folder.mkdir(parents=True, exist_ok=True)
    base = catalogue_url().split("?", 1)[0].rsplit("/", 1)[0]
    for path, meta in sorted(wanted, key=lambda pf: pf[0].endswith(".onnx")):    # the small config first
        target = folder / (f"{name}.onnx.json" if path.endswith(".json") else f"{name}.onnx")
        if not target.is_file():
            _fetch(f"{base}/{path}?download=true", target, int(meta.get("size_bytes", 0)),
                   str(meta.get("md5_digest", "")), progress, opener)
    return folder / f"{name}.onnx"


def _fetch(url: str, target: Path, size: int, md5: str, progress: Callable[[str, int, int], None] | None,
           opener: Callable[..., Any]) -> None:
    """``url`` into ``target``, through ``target.part``, resuming it; checked by size and MD5."""
    part = target.with_name(target.name + ".part")
    have = part.stat().st_size if part.is_file() else 0
    if size and have > size:                 # not the file we were fetching: start again
        part.unlink()
        have = 0
    headers = {"User-Agent": "audiobook"}
    if have and (not size or have < size):
        headers["Range"] = f"bytes={have}-"
    if not size or have < size:
        try:
            with opener(urllib.request.Request(url, headers=headers), timeout=60) as response:
                status = getattr(response, "status", 200)
                mode = "ab" if have and status == 206 else "wb"   # a server that ignores Range sends it all
                have = have if mode == "ab" else 0
                with open(part, mode) as f:
                    while block := response.read(CHUNK):
                        f.write(block)
                        have += len(block)
                        if progress:
                            progress(target.name, have, size)
        except (urllib.error.URLError, OSError, http.client.HTTPException) as e:
            have = part.stat().st_size if part.is_file() else 0
            kept = f"; {have} bytes kept, the next run resumes" if have else ""
            raise DownloadError(f"cannot download {target.name} from {_host(url)} ({_why(e)}){kept}") from None
    if size and part.stat().st_size != size:
        got = part.stat().st_size
        raise DownloadError(f"{target.name}: {got} of {size} bytes arrived; run again to resume")
    if md5 and _md5(part) != md5:
        part.unlink()
        raise DownloadError(f"{target.name}: checksum mismatch (MD5 is not the catalogue's {md5}); "
                            f"the file was deleted, run again to download it afresh")
    os.replace(part, target)


def _md5(path: Path) -> str:
    h = hashlib.md5()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _host(url: str) -> str:
    m = re.match(r"^[a-z]+://([^/?#]+)", url)
    return m.group(1) if m else url


def _why(e: BaseException) -> str:
    if isinstance(e, urllib.error.HTTPError):
        return f"HTTP {e.code}"
    if isinstance(e, http.client.IncompleteRead):
        return "the connection was cut off"
    reason = getattr(e, "reason", None) or getattr(e, "strerror", None) or e
    return " ".join(str(reason).split())
