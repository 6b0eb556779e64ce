"""A Piper line's phonemes with the lexicon's ``[[ ]]`` blocks read in context.

Piper reads ``[[ phonemes ]]`` by phonemizing the text between blocks piece by piece: the words next
to a block lose their context (espeak-ng stresses a piece's last word: "lived ˈɪn [[wˈʊstɚ]]",
"tea ˈɪn [[lˈʌfbɹə]]") and a block that starts a sentence is joined to the sentence before it
("Mrs. [[fˈænʃɔː]]" is read as one sentence, "Missus" then the name without a break). So the whole
line is read by espeak-ng once, with each block replaced by a stand-in name it reads the same way
anywhere, and the stand-in's phonemes are then replaced by the block's: the words around a lexicon
word, and the sentences, are as espeak-ng reads the line, the word as the entry says.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from audiobook.phonemes import STRESS, VOWELS

BLOCK = re.compile(r"\[\[(.*?)\]\]", re.DOTALL)
# names no dictionary holds, read by espeak-ng as one stressed word in every context tried
# (sentence start and end, after "the", "at", "Mr.", before commas, quotes, dashes); the second
# for a word starting with a vowel, so that the word before it is read as before a vowel ("the"
# as ðɪ, "at" as æɾ), as it is without the lexicon
STAND_INS = ("Zobnik", "Obnik")

Phonemize = Callable[[str], list[list[str]]]


def stand_in(ipa: str) -> str:
    return STAND_INS[ipa.lstrip(STRESS)[:1] in VOWELS]


def in_context(text: str, phonemize: Phonemize) -> list[list[str]] | None:
    """The phonemes of each sentence of ``text`` (Piper's form: a list of symbols per sentence),
    each ``[[ ]]`` block in it said as written there and everything else as espeak-ng reads the
    line; ``phonemize`` is Piper's espeak-ng reading of plain text. None if ``text`` has no block,
    or if a stand-in did not come back whole from espeak-ng (then Piper's own reading is used)."""
    blocks = [" ".join(m.group(1).split()) for m in BLOCK.finditer(text)]
    if not blocks or any(name.lower() in BLOCK.sub(" ", text).lower() for name in STAND_INS):
        return None
    plain = BLOCK.sub(lambda m: stand_in(" ".join(m.group(1).split())), text)
    said = {name: [p for sentence in phonemize(name) for p in sentence] for name in STAND_INS}
    queue = list(blocks)
    out: list[list[str]] = []
    for sentence in phonemize(plain):
        new: list[str] = []
        i = 0
        while i < len(sentence):
            mark = said[stand_in(queue[0])] if queue else []
            if mark and sentence[i:i + len(mark)] == mark:
                i += len(mark)
                new.extend(linked(unicodedata.normalize("NFD", queue.pop(0)), sentence[i:i + 4]))
            else:
                new.append(sentence[i])
                i += 1
        out.append(new)
    if queue or any(_contains(s, said[name]) for s in out for name in STAND_INS):
        return None
    return out


def linked(ipa: str, after: list[str]) -> str:
    """``ipa`` as espeak-ng ends a word before one starting with a vowel in the same clause
    ("Worcester all": wˈʊstɚɹ ˈɔːl, "Hermione is": hɜːmˈaɪəniʲ ɪz), which the stand-in cannot show."""
    nxt = "".join(after).lstrip(" " + STRESS)
    if not ("".join(after).startswith(" ") and nxt[:1] in VOWELS):
        return ipa
    if ipa.endswith(("ɚ", "ɜː")):
        return ipa + "ɹ"
    if ipa.endswith(("i", "iː")):
        return ipa + "ʲ"
    return ipa


def _contains(seq: list[str], part: list[str]) -> bool:
    return any(seq[i:i + len(part)] == part for i in range(len(seq) - len(part) + 1))
