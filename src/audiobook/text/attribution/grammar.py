"""The bit of English grammar the attribution passes share: sentences, subjects and possessives in a
piece of narration, and descriptions ("the old man") standing in for a speaker's name.
"""

from __future__ import annotations

import re

from audiobook.text.cast import Mention
from audiobook.text.names import ABBREVIATED_TITLES
from audiobook.text.speech_verbs import SPEECH_VERBS
from audiobook.text.tokens import LONE_S, POSSESSIVE_S

SUBJECT_PRONOUNS = frozenset({"he", "she", "i"})
# a full stop after a title ("said Mrs. Hale") ends no sentence
_TITLE_STOP = "".join(rf"(?<!\b{t}\.)" for t in ABBREVIATED_TITLES)
SENTENCE_RE = re.compile(rf"(?<=[.!?]){_TITLE_STOP}['’\"”]?\s+(?=[A-Z“‘\"'])|[;]\s+")
# "turned to Rosa and said", "said the maid to Tomas", "She turned to Tom.": a name after a preposition
# is not the speaker of a tag or a beat ("on" is left out: "went on Rosa"; ", for Tomas cried" is a conjunction)
OBJECT_RE = re.compile(r"\b(?:to|at|towards|toward|with|from|upon|(?<![,;] )for|by)\s+$", re.IGNORECASE)
# a place by someone: "said a voice behind Rosa" is not Rosa (tags and beats only: elsewhere "sat beside
# Rosa" still makes Rosa one of the scene)
PLACE_RE = re.compile(r"\b(?:behind|beside|near|across|beyond|among|amongst|against|beneath|under)\s+$",
                      re.IGNORECASE)
_FOR_RE = re.compile(r"\bfor\s+$", re.IGNORECASE)
_TO_VERB_RE = re.compile(r"\s+to\s+[a-z]")
_FINITE_RE = re.compile(r"\s+(?:had|has|was|were|is|did|could|would|[a-z]+ed)\b")    # "for Rosa was replying"
POSSESSIVE_S_RE = re.compile(POSSESSIVE_S)
_WORD_AFTER_RE = re.compile(r"\s+([a-z]+)")
_VOICE_RE = re.compile(r"\s+(?:\w+\s+){0,2}?(?:voice|tones?)\b")
NARRATION_WORD_RE = re.compile(r"[\w’']+(?:-[\w’']+)*")     # "said--" is the verb, "well-bred" one word


def is_subject(m: Mention) -> bool:
    """A name, an alias or he/she/I: a mention that can be a sentence's subject ("him" cannot)."""
    return m.kind in ("name", "alias") or m.word.lower() in SUBJECT_PRONOUNS


def is_object(text: str, lo: int, m: Mention) -> bool:
    """A name after a preposition ("turned to Rosa"): not the subject of a tag; but "for Tomas to say" makes
    Tomas the subject of the infinitive, "for Tomas had gone out, calling" (a conjunction) the subject of its
    clause, and "by Tomas's suddenly saying" the one who speaks."""
    return bool(OBJECT_RE.search(text, lo, m.start)) and not _speaking(text, m) \
        and not (_FOR_RE.search(text, lo, m.start) and (_TO_VERB_RE.match(text, m.end)
                                                         or _FINITE_RE.match(text, m.end)))


def possessive(text: str, m: Mention) -> bool:
    """"Stephen's upper pocket" (Stephen is not the subject); "Buck Mulligan's voice went on" and "broken by
    Stephen's saying" (the one who speaks) are. Also "Stephen s pocket": a text that lost its apostrophes
    (a lone "s" is no English word)."""
    return bool(POSSESSIVE_S_RE.match(text, m.end)) and not _VOICE_RE.match(text, m.end + 2) \
        and not _speaking(text, m)


# words after which a name opens its clause (its subject), and words a name may follow and still open it
_CLAUSE_WORDS = frozenset("and but then when while as so that where till until because if though although "
                          "whereupon who which".split())
_BEFORE_NAME = frozenset("the a an his her their my our young old little poor dear".split())
_LAST_WORD_RE = re.compile(r"[A-Za-z']+$")


def opens_clause(text: str, m: Mention) -> bool:
    """The name ``m`` opens its sentence or clause (after punctuation or a conjunction, a determiner or an
    adjective aside: "Rosa sat down, and the old Tomas walked out"): its subject, not a possessive ("Tomas's
    hat", "the Hales' house") nor the object of a verb or preposition ("Rosa kissed Tomas")."""
    if possessive(text, m) or text[m.end:m.end + 1] in ("'", "’") and text[m.end - 1:m.end] == "s":
        return False
    before = text[:m.start].rstrip()
    while before and before[-1] not in ".,;:!?—–-“”\"(":
        word = _LAST_WORD_RE.search(before)
        if word is None or word.group(0).lower() not in _CLAUSE_WORDS | _BEFORE_NAME:
            return False
        if word.group(0).lower() in _CLAUSE_WORDS:
            return True
        before = before[:word.start()].rstrip()
    return True


def _speaking(text: str, m: Mention) -> bool:
    """"Stephen's saying", "Rosa's suddenly crying out": the owner of a speech verb's -ing form speaks."""
    if not POSSESSIVE_S_RE.match(text, m.end):
        return False
    after = _WORD_AFTER_RE.match(text, m.end + 2)
    if after and after.group(1).endswith("ly"):     # "Rosa's suddenly saying"
        after = _WORD_AFTER_RE.match(text, after.end())
    word = after.group(1).lower() if after else ""
    return word.endswith("ing") and bool({word, word[:-3], word[:-3] + "e"} & SPEECH_VERBS)


def owns_speech(text: str, m: Mention) -> bool:
    """"His answer was short:", "to which her reply was," ending the narration before a quote: the he or she
    who owns the word for speech says the quote (not "Her answer pleased him.", which leads into nothing)."""
    return m.kind == "pronoun" and m.word.lower() in ("his", "her") and bool(_OWNS_SPEECH_RE.match(text, m.end))


_OWNS_SPEECH_RE = re.compile(r"\s+(?:[a-z]+\s+){0,2}?(?:reply|answer|remark|rejoinder|response|retort|exclamation"
                             r"|comment|observation|words|greeting)\s+(?:was|were|would\s+be|had\s+been)"
                             r"(?:,?\s+[a-z]+(?:\s+[a-z]+)?)?\s*[,:—-]*\s*$")


def apostrophes(text: str) -> str:
    """"Rosa s mother" -> "Rosa's mother": the apostrophe a text lost put back, the length kept (offsets hold)."""
    return _LOST_RE.sub("'", text)


_LOST_RE = re.compile(rf"(?<=[A-Za-z]){LONE_S}")


def is_description(name: str) -> bool:
    """"The girl", "His mother": a speaker named by a description, not a name."""
    ws = name.split()
    return len(ws) > 1 and ws[0].lower() in ("the", "a", "an", "his", "her", "my", "their", "our") \
        and ws[1][:1].islower()


def speaker_name(desc: str) -> str:
    """'the old man' -> 'The old man' (a description standing in for a name)."""
    return desc[:1].upper() + desc[1:]


def short(text: str, n: int = 40) -> str:
    """The text cut to ``n`` characters, as a reason quotes it."""
    text = text.strip()
    return text if len(text) <= n else text[: n - 1] + "…"


_HEARD_RE = re.compile(r"\b(?:hear|hears|heard|hearing|overhear|overheard)\s+", re.IGNORECASE)
_FINITE = frozenset("said spoke broke went began told".split())
_HEARD_WORDS = 8
_STOP_RE = re.compile(r"[,;:.!?]")


def heard_speaker(text: str, mentions: list[Mention], lo: int, verb: int) -> Mention | None:
    """"Rosa heard him say", "he heard her murmur:", "Rosa heard him, a moment later, say": the one heard
    speaks, not the hearer; only an object pronoun, as a name there is already the verb's nearest subject
    ("heard Rosa say")."""
    h = _hearing(text, lo, verb)
    near = [m for m in mentions if h is not None and m.start == h.end() and not _VOICE_RE.match(text, m.end)]
    if near and near[0].kind == "pronoun" and near[0].word.lower() in ("him", "her"):     # not "her voice saying"
        return near[0]
    return None


def heard_unnamed(text: str, mentions: list[Mention], lo: int, verb: int) -> bool:
    """"Rosa heard it say", "to hear her friend exclaim": the one heard is no one the cast names, so the
    hearer before them is not the speaker either."""
    h = _hearing(text, lo, verb)
    return h is not None and not any(m.start == h.end() and (is_subject(m) or m.kind == "pronoun") for m in mentions)


def _hearing(text: str, lo: int, verb: int) -> re.Match[str] | None:
    """The "heard" whose object speaks with the verb at ``verb`` ("heard him say", "hear it exclaim"): a bare
    or -ing verb at most a few words on, with no stop or comma between."""
    word = _WORD_AFTER_RE.match(" " + text[verb:verb + 20])
    w = word.group(1).lower() if word else ""
    if w in _FINITE or w.endswith(("ed", "s")) and not w.endswith("ss"):
        return None
    h = next(reversed(list(_HEARD_RE.finditer(text, lo, verb))), None)
    if h is None or _STOP_RE.search(text, h.end(), verb) or len(text[h.end():verb].split()) > _HEARD_WORDS:
        return None
    return h
