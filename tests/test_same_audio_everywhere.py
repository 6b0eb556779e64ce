"""The same line gives the same audio whatever else is installed (issue 16, item 15): the sample
book built in an environment with only audiobook's own dependencies (what ``make audiobook``
installs) and in this one (with the test and Coqui extras) is the same, byte for byte.

The plain environment is made the way ``pip install -e .`` would make it, without the download:
a virtual environment holding only the distributions audiobook's requirements name (with theirs),
linked from this one."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
import sysconfig
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from conftest import REPO


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def needed(dist: str, extras: tuple[str, ...] = ()) -> set[str]:
    """``dist`` and every distribution it requires, with ``extras``, transitively (this platform)."""
    found: set[str] = set()
    todo = [(dist, extras)]
    while todo:
        name, want = todo.pop()
        if _norm(name) in found:
            continue
        try:
            d = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        found.add(_norm(name))
        for spec in d.requires or []:
            req = Requirement(spec)
            if req.marker is None or any(req.marker.evaluate({"extra": e}) for e in ("", *want)):
                todo.append((req.name, tuple(req.extras)))
    return found


def plain_env(root: Path) -> Path:
    """A venv with audiobook (this checkout) and only what its requirements bring; its python."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(root)], check=True)
    site = Path(subprocess.run([str(root / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()"
                                "['purelib'])"], capture_output=True, text=True, check=True).stdout.strip())
    here = Path(sysconfig.get_paths()["purelib"])
    keep = needed("audiobook") - {"audiobook"}
    for d in metadata.distributions():
        if _norm(d.metadata["Name"]) not in keep:
            continue
        tops = {Path(str(f)).parts[0] for f in d.files or [] if not str(f).startswith("..")}
        for top in tops:
            if (here / top).exists() and not (site / top).exists():
                (site / top).symlink_to(here / top)
    (site / "audiobook-src.pth").write_text(str(REPO / "src") + "\n")
    return root / "bin" / "python"


def build(python: Path, book: Path) -> dict[str, str]:
    subprocess.run([str(python), "-m", "audiobook", "build", "--book", str(book), "--quiet"], check=True,
                   capture_output=True, text=True)
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((book / "output").iterdir())}


def test_the_sample_book_is_the_same_with_and_without_the_test_extras(tmp_path: Path) -> None:
    python = plain_env(tmp_path / "venv")
    extras = needed("audiobook", ("test", "coqui")) - needed("audiobook")
    shown = subprocess.run([str(python), "-c", "import importlib.util as u, sys; print(sorted(n for n in sys.argv[1:]"
                            " if u.find_spec(n)))", "pytest", "hypothesis", "pyloudnorm", "TTS", "torch"],
                           capture_output=True, text=True, check=True).stdout
    assert shown.strip() == "[]", f"the plain environment has test extras: {shown}"
    assert extras, "the test extras add nothing here: nothing to compare"
    books = []
    for name in ("plain", "full"):
        book = tmp_path / name
        book.mkdir()
        for part in ("manuscript", "voices"):
            shutil.copytree(REPO / part, book / part)
        books.append(book)
    plain = build(python, books[0])
    full = build(Path(sys.executable), books[1])
    assert plain and plain == full


@pytest.mark.parametrize("scipy", [True, False])
def test_hibaris_fft_is_part_of_its_identity(tmp_path: Path, scipy: bool) -> None:
    """What cannot be pinned is keyed: a line made with numpy's FFT is never reused where scipy's
    is used (an install without scipy, however made)."""
    python = plain_env(tmp_path / "venv")
    if not scipy:
        site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                   capture_output=True, text=True, check=True).stdout.strip())
        for p in site.glob("scipy*"):
            p.unlink()
    said = subprocess.run([str(python), "-c", "from audiobook.voice.engines.hibari import fft_backend; "
                           "print(fft_backend())"], capture_output=True, text=True, check=True).stdout
    assert said.startswith("scipy " if scipy else "numpy ")
