"""Commands for voices: ``voices`` (the profile's voices and cast; ``--list`` and ``add``: Piper's
catalogue), ``words`` (how the cast will say the book's names) and ``say`` (audition a voice).
Registered on the main group when the cli package is imported; they only translate."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import click

from audiobook.cli.main import book_option, cli
from audiobook.errors import AudiobookError


@cli.group(invoke_without_command=True)
@book_option
@click.option("--voices", "profile", default=None, help="Voice profile (default: voices/default.yaml).")
@click.option("--list", "listing", is_flag=True, help="List Piper's voice catalogue (`voices add` downloads one).")
@click.pass_context
def voices(ctx: click.Context, book_dir: Path, profile: str | None, listing: bool) -> None:
    """List the profile's voices, the cast, and whether each engine and model is available."""
    if ctx.invoked_subcommand is not None:
        return
    if listing:
        return list_catalogue()
    from audiobook.book import load_book
    from audiobook.voice.engines import engine_class
    from audiobook.voice.profiles import load_profile

    book = load_book(book_dir)
    prof = load_profile(book, profile)
    click.echo(f"Profile {prof.label}")
    click.echo("\nVoices:")
    for v in prof.voices.values():
        cls = engine_class(v.engine)
        problems = cls.problems(v)
        status = "available" if not problems else "NOT AVAILABLE: " + "; ".join(problems)
        extra = f", speed {v.speed:g}" + (f", pitch {v.pitch:+g}" if v.pitch else "") + \
            (f", timbre {v.timbre:+g}" if v.timbre else "")
        click.echo(f"  {v.name:<14} {v.engine:<7} {cls.describe(v)}{extra}  [{status}]")
    click.echo("\nCast:")
    genders = {c.name: c.gender for c in book.characters or ()}
    speakers = list(dict.fromkeys(["Narrator", *prof.cast, *genders]))
    for spk in speakers:
        g = genders.get(spk, "unknown")
        click.echo(f"  {spk:<14} -> {prof.voice_for(spk, g).name:<14} {prof.how_cast(spk, g)}")
    click.echo("\nFallbacks: " + ", ".join(f"{k} -> {v}" for k, v in prof.fallback.items()))


@cli.command()
@book_option
@click.option("--voices", "profile", default=None, help="Voice profile (default: voices/default.yaml).")
@click.option("--missing", is_flag=True, help="Only the words without a pronunciations: entry.")
def words(book_dir: Path, profile: str | None, missing: bool) -> None:
    """The book's names and rare words: count, where each first stands, and the phonemes each engine
    of the cast will say (the pronunciation lexicon applied)."""
    from audiobook.book import load_book
    from audiobook.voice.profiles import load_profile
    from audiobook.voice.words import book_words

    book = load_book(book_dir)
    prof = load_profile(book, profile)
    found = [w for w in book_words(book, prof) if not (missing and w.in_lexicon)]
    if not found:
        click.echo("no names or rare words" + (" without a pronunciations: entry" if missing else ""))
        return
    engines = list(found[0].said)
    rows = [["word", "count", "first", "kind", "lexicon", *engines]]
    for w in found:
        rows.append([w.word, str(w.count), w.first, ",".join(sorted(w.kinds)), "yes" if w.in_lexicon else "",
                     *(w.said[e] or "-" for e in engines)])
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        click.echo("  ".join(c.ljust(n) for c, n in zip(r, widths, strict=True)).rstrip())


@cli.command()
@click.argument("text")
@click.option("--voice", "voice_name", required=True, help="A voice of the profile, or a speaker cast to one.")
@book_option
@click.option("--voices", "profile", default=None, help="Voice profile (default: voices/default.yaml).")
@click.option("--output", "-o", "output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write a WAV file here instead of playing it.")
def say(text: str, voice_name: str, book_dir: Path, profile: str | None, output: Path | None) -> None:
    """Hear TEXT in one voice, the book's pronunciations applied, without building: played when an
    audio player is found (ffplay, afplay, paplay, aplay), else written to say.wav."""
    from audiobook.book import load_book
    from audiobook.voice.audition import audition, pick_voice, play, player, write_wav
    from audiobook.voice.profiles import load_profile

    book = load_book(book_dir)
    prof = load_profile(book, profile)
    voice = pick_voice(prof, voice_name)
    pcm = audition(book, prof, voice, text)
    cmd = player() if output is None else None
    if cmd is None:
        path = output or Path("say.wav")
        if output is None and path.exists():
            raise AudiobookError(f"{path} exists and no audio player was found; pass -o FILE to write another")
        write_wav(path, pcm)
        click.echo(f"{path}: {len(pcm) / 44100:.2f} s, voice {voice.name}")
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "say.wav"
        write_wav(path, pcm)
        play(cmd, path)


def list_catalogue() -> None:
    from audiobook.voice.catalogue import installed_piper, load_catalogue

    voices = load_catalogue()
    rows = [["name", "language", "quality", "speakers", ""]]
    for name in sorted(voices):
        v = voices[name]
        rows.append([f"piper:{name}", f"{v.language} {v.language_name}", v.quality, str(v.speakers),
                     "installed" if installed_piper(name) else ""])
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        click.echo("  ".join(c.ljust(n) for c, n in zip(r, widths, strict=True)).rstrip())


@voices.command("add")
@click.argument("spec")
def voices_add(spec: str) -> None:
    """Download a voice from Piper's catalogue (SPEC: piper:NAME, e.g. piper:en_GB-alan-medium) into
    the user data directory; profiles then name it by NAME. Resumes a cut-off download."""
    from audiobook.voice.catalogue import add

    shown: dict[str, int] = {}

    def progress(name: str, done: int, total: int) -> None:
        step = done * 10 // total if total else 0
        if sys.stderr.isatty() and shown.get(name) != step:
            shown[name] = step
            click.echo(f"\r{name}: {done / 1e6:.1f} of {total / 1e6:.1f} MB", err=True, nl=False)

    model = add(spec, progress)
    if shown:
        click.echo("", err=True)
    click.echo(f"{spec}: {model} (use it as model: {model.stem} with engine: piper)")
