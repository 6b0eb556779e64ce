"""Phoneme strings for the pronunciation lexicon (pure, but for espeak-ng reading respellings).

The lexicon's one alphabet is espeak-ng's IPA, the alphabet Piper voices are trained on
(``/ˈtɪlni/``). From it each engine gets its own form:

- Piper: the IPA as is (``[[ tˈɪlni ]]`` in the text);
- hibari: misaki's symbols (``[Tilney](/tˈɪlni/)``), by ``to_misaki``, which follows the table
  misaki's own espeak fallback uses (``oʊ`` -> ``O``, ``dʒ`` -> ``ʤ``, American length marks dropped);
- engines that take only text (Coqui): a respelling, the one the user wrote or ``to_respelling``.

A respelling (``TIL-nee``: syllables joined by hyphens, the stressed one in capitals) becomes IPA
through espeak-ng (bundled with Piper), syllable by syllable, with the stress put where the
capitals say (``respelling_ipa``).
"""

from __future__ import annotations

import functools
import re
import unicodedata

#: espeak-ng's IPA symbols: the letters of a Piper (espeak) voice's phoneme map, stress and length
#: marks and the combining marks espeak writes; a space separates the words of a phrase
IPA_SYMBOLS = frozenset(
    "abcdefhijklmnopqrstuvwxyzæçðøħŋœɐɑɒɓɔɕɖɗɘəɚɛɜɞɟɠɡɢɣɤɥɦɧɨɪɫɬɭɮɯɰɱɲɳɴɵɶɸɹɺɻɽɾʀʁʂʃʄʈʉʊʋʌʍʎʏʐʑʒʔʕ"
    "ʘʙʛʜʝʟʡʢʰʲˈˌːˑ˞ˤβθχᵻⱱ"
    "\u0303\u0327\u0329\u032a\u032f "
)
VOWELS = frozenset("aeiouæøœɐɑɒɔɘəɚɛɜɞɤɨɪɯɵɶʉʊʌʏᵻ" "AIOWYQᵊ")   # then misaki's diphthongs, small schwa
STRESS = "ˈˌ"
# what people type for espeak's symbols
_TYPED = {"g": "ɡ", "'": "ˈ", "’": "ˈ", ":": "ː", ",": "ˌ"}

# espeak-ng IPA -> misaki (hibari's alphabet), longest first; after misaki/espeak.py's E2M table
_E2M = sorted({
    "ʔn̩": "tᵊn", "ʔn": "tᵊn", "ʔ": "t",
    "aɪ": "I", "aʊ": "W", "dʒ": "ʤ", "tʃ": "ʧ", "eɪ": "A", "ɔɪ": "Y",
    "r": "ɹ", "x": "k", "ç": "k", "ɐ": "ə", "əl": "ᵊl", "ɚ": "əɹ", "ɬ": "l", "ɫ": "l", "ʲ": "",
    "\u0303": "", "ɾ": "T",
}.items(), key=lambda kv: -len(kv[0]))
_E2M_US = [("oʊ", "O"), ("əʊ", "O"), ("ɜːɹ", "ɜɹ"), ("ɜː", "ɜɹ"), ("ɪə", "iə"), ("e", "A"), ("ː", ""), ("o", "ɔ")]
_E2M_GB = [("əʊ", "Q"), ("oʊ", "Q"), ("eə", "ɛː"), ("iə", "ɪə"), ("e", "A"), ("o", "ɔ")]

# espeak-ng IPA -> English letters, for engines that take only text; longest first
_RESPELL = sorted({
    "tʃ": "ch", "dʒ": "j", "ʃ": "sh", "ʒ": "zh", "θ": "th", "ð": "th", "ŋ": "ng", "ɹ": "r", "ɾ": "t",
    "ʔ": "t", "ɡ": "g", "j": "y", "x": "kh", "ʍ": "wh", "ɫ": "l", "ɬ": "l",
    "eɪ": "ay", "aɪ": "eye", "ɔɪ": "oy", "aʊ": "ow", "oʊ": "oh", "əʊ": "oh", "ɪə": "eer", "eə": "air",
    "ʊə": "oor", "ɑːɹ": "ar", "ɔːɹ": "or", "ɜːɹ": "ur", "ɜː": "ur", "ɚ": "er", "iː": "ee", "i": "ee",
    "uː": "oo", "u": "oo", "ʊ": "uu", "ɪ": "i", "ᵻ": "i", "ɛ": "e", "æ": "a", "ɑː": "ah", "ɑ": "ah",
    "ɒ": "o", "ɔː": "aw", "ɔ": "aw", "ʌ": "u", "ə": "uh", "ɐ": "uh", "e": "e", "o": "oh", "a": "a",
    "n̩": "un", "l̩": "ul",
}.items(), key=lambda kv: -len(kv[0]))

_SIBILANT_ENDS = ("s", "z", "ʃ", "ʒ", "tʃ", "dʒ", "ʧ", "ʤ")
_VOICELESS_ENDS = ("p", "t", "k", "f", "θ")
RESPELLING = re.compile(r"^[A-Za-z]+(?:['’]?[A-Za-z]+)*(?:[- ][A-Za-z]+(?:['’][A-Za-z]+)*)*$")


class PhonemeError(ValueError):
    """A phoneme string that cannot be used; ``str()`` says why in a few words."""


def normalize_ipa(text: str, english: bool = True) -> str:
    """``/ˈtɪlni/`` as espeak writes it: slashes and brackets off, NFD (Piper reads code points),
    typed stand-ins replaced (``g`` -> ``ɡ``, ``'`` -> ``ˈ``, ``:`` -> ``ː``; in English ``r`` -> ``ɹ``,
    espeak's English r)."""
    body = text.strip().strip("/[]").strip()
    body = unicodedata.normalize("NFD", " ".join(body.split()))
    typed = {**_TYPED, "r": "ɹ"} if english else _TYPED
    return stress_on_vowels(stress_one_syllable("".join(typed.get(c, c) for c in body)))


def stress_one_syllable(ipa: str) -> str:
    """In phonemes written without any stress mark (IPA leaves it off words of one syllable:
    /niːv/), each one-syllable word stressed, as espeak-ng and misaki write every content word
    (``nˈiːv``); unstressed, a voice says it as a weak form, quick and reduced."""
    if any(c in STRESS for c in ipa):
        return ipa
    words = []
    for word in ipa.split(" "):
        starts = nuclei(word)
        words.append(word[:starts[0]] + "ˈ" + word[starts[0]:] if len(starts) == 1 else word)
    return " ".join(words)


def stress_on_vowels(ipa: str) -> str:
    """Stress marks moved from the start of the syllable, where IPA writes them (``ˈtɪlni``), to
    just before its vowel, where espeak-ng and misaki write them and the voices learnt them
    (``tˈɪlni``); before a consonant, a voice reads the mark as a vowel of its own."""
    out: list[str] = []
    pending = ""
    for c in ipa:
        if c in STRESS:
            pending = c
        elif pending and (c in VOWELS or c == " "):
            out += [pending, c] if c != " " else [c]
            pending = ""
        else:
            out.append(c)
    return "".join(out) + pending


def check_ipa(ipa: str) -> None:
    """PhonemeError unless ``ipa`` (normalized) is a string of espeak-ng IPA with a vowel in each word."""
    if not ipa:
        raise PhonemeError("no phonemes between the slashes")
    bad = [c for c in dict.fromkeys(ipa) if c not in IPA_SYMBOLS]
    if bad:
        shown = ", ".join(f"{c!r}" if c.isprintable() and not unicodedata.combining(c) else f"U+{ord(c):04X}"
                          for c in bad)
        verb = "is not an espeak-ng IPA symbol" if len(bad) == 1 else "are not espeak-ng IPA symbols"
        raise PhonemeError(f"{shown} {verb}")
    for word in ipa.split(" "):
        if not any(c in VOWELS for c in word) and "\u0329" not in word:
            raise PhonemeError(f"{word!r} has no vowel")
    if re.search(f"[{STRESS}]{{2}}|[{STRESS}]$", ipa):
        raise PhonemeError("a stress mark must stand before a syllable")


def with_suffix(ipa: str, suffix: str) -> str:
    """The IPA of a word with its plural or possessive ending (``'s``, ``s``, ``es``, ``s'``):
    /ɪz/ after a hissing sound, /s/ after another voiceless one, /z/ otherwise."""
    if not suffix.strip("'’"):
        return ipa
    bare = ipa.rstrip("ː")
    if bare.endswith(_SIBILANT_ENDS):
        return ipa + "ɪz"
    if bare.endswith(_VOICELESS_ENDS):
        return ipa + "s"
    return ipa + "z"


def to_misaki(ipa: str, british: bool = False) -> str:
    """espeak-ng IPA -> the misaki symbols hibari reads (``dʒˈɔɪ`` -> ``ʤˈY``)."""
    out = ipa
    for old, new in _E2M:
        out = out.replace(old, new)
    out = re.sub(r"(\S)\u0329", r"ᵊ\1", out).replace("\u0329", "")
    for old, new in _E2M_GB if british else _E2M_US:
        out = out.replace(old, new)
    return out


def to_respelling(ipa: str) -> str:
    """espeak-ng IPA -> English letters an engine reading text says about right (``tˈɪlni`` -> ``tilnee``)."""
    out, i = [], 0
    body = ipa.replace("ˈ", "").replace("ˌ", "").replace("ˑ", "")
    while i < len(body):
        for old, new in _RESPELL:
            if body.startswith(old, i):
                out.append(new)
                i += len(old)
                break
        else:
            c = body[i]
            out.append(c if c.isascii() or c == " " else "")
            i += 1
    return "".join(out)


def check_respelling(text: str) -> None:
    if not RESPELLING.match(text.strip()):
        raise PhonemeError("a respelling is letters, with syllables joined by hyphens (TIL-nee); "
                           "write IPA between slashes (/ˈtɪlni/)")


def respelling_text(text: str) -> str:
    """A respelling as an engine that reads text is given it: ``TIL-nee`` -> ``tilnee``."""
    return " ".join(w.replace("-", "").lower() for w in text.split())


@functools.cache
def _espeak(voice: str) -> None:
    from piper import espeakbridge
    from piper.phonemize_espeak import ESPEAK_DATA_DIR

    espeakbridge.initialize(str(ESPEAK_DATA_DIR))


def espeak_ipa(text: str, voice: str = "en-us") -> str:
    """espeak-ng's own IPA for ``text`` (the phonemes Piper would use)."""
    from piper import espeakbridge

    _espeak(voice)
    espeakbridge.set_voice(voice)
    clauses = espeakbridge.get_phonemes(text)
    ipa = " ".join(re.sub(r"\([^)]+\)", "", p) for p, _, _ in clauses)
    return unicodedata.normalize("NFD", " ".join(ipa.split()))


def nuclei(ipa: str) -> list[int]:
    """Where each syllable's vowel (a run of vowel symbols and length marks) starts in ``ipa``."""
    return [i for i, c in enumerate(ipa) if c in VOWELS and (i == 0 or ipa[i - 1] not in VOWELS | {"ː"})]


def respelling_ipa(text: str, voice: str = "en-us") -> str:
    """The IPA of a respelling. Each word is read whole by espeak-ng (``tilnee``: unstressed
    syllables come out reduced, as in speech), and the stress moved to the syllable in capitals
    (``TIL-nee`` -> ``tˈɪlniː``); where espeak hears another number of syllables than the hyphens
    say, the syllables are read one by one instead. A word without capitals keeps espeak's stress."""
    words = []
    for word in text.split():
        parts = word.split("-")
        stressed = [p.isupper() and len(p) > 1 or (p.isupper() and len(parts) > 1) for p in parts]
        whole = espeak_ipa(word.replace("-", "").lower(), voice)
        if len(parts) == 1 or not any(stressed):
            words.append(whole)
            continue
        bare = whole.replace("ˈ", "").replace("ˌ", "").replace(" ", "")
        starts = nuclei(bare)
        if len(starts) == len(parts):
            at = starts[stressed.index(True)]
            words.append(bare[:at] + "ˈ" + bare[at:])
            continue
        syllables = []
        for part, stress in zip(parts, stressed, strict=True):
            ipa = espeak_ipa(part.lower(), voice).replace("ˈ", "").replace("ˌ", "").replace(" ", "")
            if stress:
                at = next((i for i, c in enumerate(ipa) if c in VOWELS), 0)
                ipa = ipa[:at] + "ˈ" + ipa[at:]
            syllables.append(ipa)
        words.append("".join(syllables))
    return " ".join(words)
