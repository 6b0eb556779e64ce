"""The Coqui engine, run for real on a tiny multi-speaker VITS model built once per session
(tests/coqui_fixtures.py): Coqui's own loading, speaker selection and synthesis code, our checks,
the cache key, and the CLI with the repository's voices/coqui-vctk.yaml."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
import soundfile

from audiobook.book import load_book
from audiobook.errors import EngineError
from audiobook.model import Voice
from audiobook.voice.profiles import load_profile
from coqui_fixtures import VCTK_SPEAKERS, VCTK_ZOO, build_tiny_vits, place_as_zoo_model

from conftest import REPO

if os.environ.get("CI"):
    import TTS  # noqa: F401  (CI installs the extra: a missing one is a failure, not a skip)
else:
    pytest.importorskip("TTS", reason="the coqui extra is not installed: bash scripts/install-extras.sh")

from audiobook.voice.engines.coqui import CoquiEngine  # noqa: E402
from audiobook.voice.engines.coqui_models import coqui_data_dir, zoo_name  # noqa: E402

XTTS_ZOO = "tts_models/multilingual/multi-dataset/xtts_v2"


@pytest.fixture(scope="session")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(model.pth, config.json) of the tiny model, speakers named like VCTK's."""
    return build_tiny_vits(tmp_path_factory.mktemp("tiny"))


@pytest.fixture(scope="session")
def zoo_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A TTS_HOME whose cache holds the tiny model as the zoo's tts_models/en/vctk/vits."""
    home = tmp_path_factory.mktemp("tts_home")
    place_as_zoo_model(home)
    return home


@pytest.fixture(autouse=True)
def _coqui_home(zoo_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TTS_HOME", str(zoo_home))
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hf" / "hub"))
    import huggingface_hub.constants

    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(tmp_path / "hf" / "hub"))


def profile_book(root: Path, voices: str, tiny: tuple[Path, Path] | None = None) -> Path:
    """A book whose voices/coqui.yaml holds ``voices`` (and the tiny model in models/)."""
    (root / "manuscript").mkdir(parents=True)
    (root / "manuscript" / "01.md").write_text("# One\n\nHello there.\n", encoding="utf-8")
    (root / "voices").mkdir()
    if tiny:
        (root / "models").mkdir()
        for f in tiny:
            shutil.copy(f, root / "models" / f.name)
    (root / "voices" / "coqui.yaml").write_text(
        "voices:\n" + textwrap.indent(textwrap.dedent(voices), "  ") + "cast: {Narrator: a}\n", encoding="utf-8")
    return root


def voices_of(root: Path) -> dict[str, Voice]:
    return load_profile(load_book(root), "voices/coqui.yaml").voices


def test_importing_the_engines_does_not_import_torch(zoo_home: Path) -> None:
    code = ("import sys; from audiobook.book import load_book; from audiobook.voice.profiles import load_profile\n"
            "from audiobook.voice.engines.coqui import CoquiEngine\n"
            f"prof = load_profile(load_book({str(REPO)!r}), 'voices/coqui-vctk.yaml')\n"
            "v = prof.voices['daniel']\n"
            "assert CoquiEngine.problems(v) == [], CoquiEngine.problems(v)\n"
            "print(CoquiEngine.describe(v)); CoquiEngine.identity(v)\n"
            "assert 'torch' not in sys.modules and 'TTS.api' not in sys.modules\n")
    env = {**os.environ, "TTS_HOME": str(zoo_home)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "speaker p226" in out.stdout


def test_local_model_speaks_one_chunk_per_sentence_without_coquis_padding(tmp_path: Path,
                                                                          tiny: tuple[Path, Path]) -> None:
    from TTS.api import TTS
    from TTS.utils.synthesizer import PAD_SILENCE_SAMPLES

    root = profile_book(tmp_path / "b", "a: {engine: coqui, model: ../models/model.pth, options: {speaker: p226}}\n",
                        tiny)
    voice = voices_of(root)["a"]
    assert voice.option("config_path") is None and Path(voice.model or "").is_file()
    assert CoquiEngine.problems(voice) == []
    engine = CoquiEngine(voice, threads=1)
    chunks = list(engine.synthesize("Hello there. How are you today?", voice))
    assert len(chunks) == 2
    assert all(c.sample_rate == 22050 and c.samples.dtype == np.float32 for c in chunks)
    # the same sentence through Coqui's own API, padding and all, with the same seed
    import torch

    raw = TTS(model_path=str(tiny[0]), config_path=str(tiny[1]), progress_bar=False)
    torch.manual_seed(1234)
    wav = np.asarray(raw.tts("Hello there.", speaker="p226", split_sentences=False), dtype=np.float32)
    assert len(chunks[0].samples) == len(wav) - PAD_SILENCE_SAMPLES
    np.testing.assert_allclose(chunks[0].samples, wav[:-PAD_SILENCE_SAMPLES], atol=1e-6)
    # deterministic: the seed fixes the model's noise
    again = list(engine.synthesize("Hello there. How are you today?", voice))
    assert all(np.array_equal(a.samples, b.samples) for a, b in zip(chunks, again, strict=True))


def test_text_without_words_gives_no_audio_instead_of_coquis_errors(tmp_path: Path,
                                                                    tiny: tuple[Path, Path]) -> None:
    root = profile_book(tmp_path / "b", "a: {engine: coqui, model: ../models/model.pth, options: {speaker: p225}}\n",
                        tiny)
    voice = voices_of(root)["a"]
    engine = CoquiEngine(voice)
    for text in ("", "   ", "—", "…"):
        assert list(engine.synthesize(text, voice)) == []
    assert len(list(engine.synthesize("Wait — what?", voice))) == 1


def test_speakers_sound_different_and_speed_sets_the_pace(tmp_path: Path, tiny: tuple[Path, Path]) -> None:
    root = profile_book(tmp_path / "b", """\
        a: {engine: coqui, model: ../models/model.pth, options: {speaker: p225}}
        b: {engine: coqui, model: ../models/model.pth, options: {speaker: p243}}
        fast: {engine: coqui, model: ../models/model.pth, speed: 2.0, options: {speaker: p225}}
        """, tiny)
    v = voices_of(root)
    engine = CoquiEngine(v["a"])          # voices on one model share one loaded engine
    assert CoquiEngine.load_key(v["a"]) == CoquiEngine.load_key(v["b"]) == CoquiEngine.load_key(v["fast"])
    text = "A sentence long enough to hear the speaker."
    a, b, fast = (next(iter(engine.synthesize(text, v[n]))).samples for n in ("a", "b", "fast"))
    assert not np.allclose(a[: min(len(a), len(b))], b[: min(len(a), len(b))])
    assert 0.35 < len(fast) / len(a) < 0.65
    assert np.array_equal(next(iter(engine.synthesize(text, v["a"]))).samples, a)   # speed was restored


def test_unknown_speaker_lists_the_valid_ones(tmp_path: Path, tiny: tuple[Path, Path]) -> None:
    root = profile_book(tmp_path / "b", """\
        a: {engine: coqui, model: ../models/model.pth, options: {speaker: p999}}
        none: {engine: coqui, model: ../models/model.pth}
        """, tiny)
    v = voices_of(root)
    (problem,) = CoquiEngine.problems(v["a"])
    assert "speaker 'p999' is not in" in problem and ", ".join(VCTK_SPEAKERS) in problem
    (problem,) = CoquiEngine.problems(v["none"])
    assert "has 6 speakers; set options.speaker to one of: p225" in problem
    with pytest.raises(EngineError, match="p999"):
        list(CoquiEngine(v["a"]).synthesize("Hello.", v["a"]))


def test_options_that_do_not_fit_the_model(tmp_path: Path, tiny: tuple[Path, Path]) -> None:
    root = profile_book(tmp_path / "b", """\
        a: {engine: coqui, model: ../models/model.pth,
            options: {speaker: p225, language: fr, device: tpu, speaker_wav: refs/x.wav}}
        """, tiny)
    problems = " | ".join(CoquiEngine.problems(voices_of(root)["a"]))
    assert "speaks one language; remove options.language" in problems
    assert "options.device 'tpu'" in problems
    assert "cannot clone a voice; remove options.speaker_wav" in problems
    assert "refs/x.wav not found" in problems


def test_missing_local_files_are_named(tmp_path: Path, tiny: tuple[Path, Path]) -> None:
    root = profile_book(tmp_path / "b", """\
        a: {engine: coqui, model: ../models/nope.pth, options: {speaker: p225}}
        b: {engine: coqui, model: ../models/model.pth, options: {speaker: p225, config_path: ../models/c.json}}
        """, tiny)
    v = voices_of(root)
    assert "nope.pth not found" in CoquiEngine.problems(v["a"])[0]
    assert "c.json not found; set options.config_path" in CoquiEngine.problems(v["b"])[0]
    with pytest.raises(EngineError, match="nope.pth not found"):
        CoquiEngine(v["a"])


def test_zoo_model_by_name_loads_from_coquis_cache(tmp_path: Path, zoo_home: Path) -> None:
    root = profile_book(tmp_path / "b", f"a: {{engine: coqui, model: {VCTK_ZOO}, options: {{speaker: p243}}}}\n")
    voice = voices_of(root)["a"]
    assert zoo_name(voice.model or "") == VCTK_ZOO      # whatever voices.py made of the name
    assert coqui_data_dir() == zoo_home / "tts"
    assert CoquiEngine.problems(voice) == []
    assert CoquiEngine.describe(voice) == (f"{VCTK_ZOO}, speaker p243 (on disk; 6 speakers: "
                                           f"{', '.join(VCTK_SPEAKERS)}; one language)")
    chunks = list(CoquiEngine(voice).synthesize("Loaded by name. From the cache.", voice))
    assert len(chunks) == 2 and all(c.seconds > 0 for c in chunks)


def test_zoo_model_not_on_disk_says_where_and_how(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TTS_HOME", str(tmp_path / "empty"))
    root = profile_book(tmp_path / "b", f"""\
        a: {{engine: coqui, model: {VCTK_ZOO}, options: {{speaker: p225}}}}
        x: {{engine: coqui, model: {XTTS_ZOO}, options: {{speaker_wav: ../ref.wav, language: en}}}}
        typo: {{engine: coqui, model: tts_models/en/vctk/vitz}}
        """)
    v = voices_of(root)
    (problem,) = CoquiEngine.problems(v["a"])
    folder = tmp_path / "empty" / "tts" / "tts_models--en--vctk--vits"
    assert f"Coqui model {VCTK_ZOO} is not on disk; Coqui keeps it in {folder}" in problem
    assert f"TTS('{VCTK_ZOO}')" in problem
    assert "(model not on disk)" in CoquiEngine.describe(v["a"])
    with pytest.raises(EngineError, match="is not on disk"):
        CoquiEngine(v["a"])
    (problem,) = CoquiEngine.problems(v["x"])
    assert "models--tts-hub--XTTS-v2" in problem and "COQUI_TOS_AGREED=1" in problem
    (problem,) = CoquiEngine.problems(v["typo"])
    assert 'is not a model of Coqui\'s zoo (did you mean "tts_models/en/vctk/vits"?)' in problem


def test_cache_key_follows_the_model_file(tmp_path: Path, tiny: tuple[Path, Path]) -> None:
    root = profile_book(tmp_path / "b", "a: {engine: coqui, model: ../models/model.pth, options: {speaker: p225}}\n",
                        tiny)
    voice = voices_of(root)["a"]
    before = CoquiEngine.identity(voice)
    assert before["engine"] == "coqui" and before["version"]
    assert CoquiEngine.identity(voice) == before
    build_tiny_vits(tmp_path / "other", seed=1)        # same architecture, other weights
    shutil.copy(tmp_path / "other" / "model.pth", root / "models" / "model.pth")
    after = CoquiEngine.identity(voice)
    assert after["model"] != before["model"] and after["config"] == before["config"]


def test_xtts_profile_and_its_reference_recordings() -> None:
    prof = load_profile(load_book(REPO), "voices/coqui-xtts.yaml")
    for name in ("Narrator", "Daniel", "Liana", "Oliver"):
        voice = prof.voice_for(name)
        refs = voice.option("speaker_wav")
        refs = [refs] if isinstance(refs, str) else list(refs)
        assert voice.engine == "coqui" and zoo_name(voice.model or "") == XTTS_ZOO
        for ref in refs:
            info = soundfile.info(ref)
            assert info.channels == 1 and info.samplerate in (22050, 24000) and info.subtype == "PCM_16"
            assert 6.0 <= info.duration <= 10.0, (ref, info.duration)
    assert len({str(prof.voice_for(n).options) for n in ("Narrator", "Daniel", "Liana", "Oliver")}) == 4


def test_xtts_reads_reference_recordings_with_soundfile() -> None:
    from TTS.tts.models import xtts

    from audiobook.voice.engines.coqui import _read_references_with_soundfile

    original = xtts.load_audio
    try:
        _read_references_with_soundfile()
        ref = REPO / "voices" / "refs" / "liana.wav"
        data, rate = soundfile.read(ref, dtype="float32")
        audio = xtts.load_audio(str(ref), rate)
        assert tuple(audio.shape) == (1, len(data))
        np.testing.assert_allclose(audio[0].numpy(), data, atol=1e-6)
        audio = xtts.load_audio(str(ref), 16000)            # resampled, as XTTS asks for
        assert abs(audio.shape[1] - len(data) * 16000 / rate) <= 1 and float(audio.abs().max()) <= 1.0
    finally:
        xtts.load_audio = original


# --- through the CLI, with the repository's VCTK profile ----------------------------------------

def test_cli_voices_shows_model_speakers_and_availability(sample_book: Path) -> None:
    from click.testing import CliRunner

    from audiobook.cli.main import cli

    result = CliRunner().invoke(cli, ["voices", "--book", str(sample_book), "--voices", "voices/coqui-vctk.yaml"])
    assert result.exit_code == 0, result.output
    assert "daniel" in result.output and "speaker p226 (on disk; 6 speakers" in result.output
    assert result.output.count("[available]") == 6


def test_cli_builds_a_chapter_with_one_vctk_speaker_per_character(sample_book: Path) -> None:
    from click.testing import CliRunner

    from audiobook.cli.main import cli

    prof = load_profile(load_book(sample_book), "voices/coqui-vctk.yaml")
    cast = {name: prof.voice_for(name).option("speaker") for name in ("Narrator", "Daniel", "Liana", "Oliver")}
    assert len(set(cast.values())) == 4 and set(cast.values()) <= set(VCTK_SPEAKERS)
    report = sample_book / "report.json"
    result = CliRunner().invoke(cli, ["build", "--book", str(sample_book), "--voices", "voices/coqui-vctk.yaml",
                                      "--chapter", "1", "--jobs", "1", "--quiet", "--report", str(report)])
    assert result.exit_code == 0, result.output
    tracks = {c["index"]: c for c in json.loads(report.read_text())["chapters"]}
    assert set(tracks) == {0, 1, 4}            # chapter 1, and the opening/closing credits book.yaml enables
    chapter = tracks[1]
    assert chapter["lines_synthesized"] == chapter["lines"] > 0 and chapter["duration_s"] > 5
    assert (sample_book / chapter["file"]).stat().st_size > 10_000


def test_cloned_voice_is_made_once_per_voice_and_reused(tmp_path: Path, tiny: tuple[Path, Path]) -> None:
    """The XTTS calls our engine makes, recorded on a stand-in for Coqui's tts() (no XTTS model
    can be built here): the references go in once, later sentences ask for the saved voice."""
    import dataclasses
    import tempfile

    from TTS.utils.synthesizer import PAD_SILENCE_SAMPLES

    ref = REPO / "voices" / "refs" / "oliver.wav"
    root = profile_book(tmp_path / "b", "a: {engine: coqui, model: ../models/model.pth, options: {speaker: p225}}\n",
                        tiny)
    voice = dataclasses.replace(voices_of(root)["a"], speed=1.25,
                                options=(("language", "en"), ("speaker_wav", (str(ref),))))
    engine = CoquiEngine(voices_of(root)["a"])
    engine._info = dataclasses.replace(engine._info, kind="xtts", clones=True)
    engine._voices_dir = tempfile.TemporaryDirectory()
    calls: list[dict[str, object]] = []

    def tts(text: str, **kwargs: object) -> list[float]:
        calls.append(kwargs)
        if len(calls) == 1:
            raise RuntimeError("out of memory")
        return [0.5] * 100 + [0.0] * PAD_SILENCE_SAMPLES

    engine._tts.tts = tts  # type: ignore[method-assign]
    with pytest.raises(EngineError, match="out of memory"):
        list(engine.synthesize("First try.", voice))
    chunks = list(engine.synthesize("One. Two.", voice))
    assert [len(c.samples) for c in chunks] == [100, 100]
    first, second, third = calls
    assert first["speaker_wav"] == second["speaker_wav"] == [str(ref)]   # a failed clone is made again
    assert "speaker_wav" not in third and third["speaker"] == second["speaker"]
    assert str(second["speaker"]).startswith("ref-") and second["voice_dir"] == engine._voices_dir.name
    assert second["language"] == "en" and second["speed"] == 1.25
