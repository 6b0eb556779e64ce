"""What the attribution passes share: one ``State`` each pass receives and updates, and its values.

The first pass (sieve.py) reads the book paragraph by paragraph and fills the state: an ``Item`` per
paragraph with dialogue, the mentions resolved so far, the people seen, what descriptions were found
to name; the later passes (narrator.py, conversation.py, naming.py, echo.py) read it and decide the
rest of ``out``, the ``Attribution`` of every quote. Nothing else is kept between passes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from audiobook.model import UNNAMED_NARRATOR
from audiobook.text.cast import Cast

FIRST = "I"   # the first-person narrator, until we know their name

# The kind of rule an Attribution comes from, as the passes tell them apart (its reason is worded for people).
TAG = "tag"                    # an inline tag ("[Rosa]"): a fact
BESIDE_TAG = "beside a tag"    # an untagged quote of a paragraph with a tagged one
EXPLICIT = "explicit"          # a speech tag that names or describes the speaker ("said Rosa", "said the girl")
FIRST_PERSON = "first person"  # a speech tag in the first person ("I said"): the narrator
PRONOUN = "pronoun"            # a speech tag on a pronoun ("she said")
BEAT = "beat"                  # a sentence of action beside the quote ("Rosa nodded.")
CONTINUES = "continues"        # a quote that goes on from the paragraph before
COLON = "colon"                # the paragraph before ends on a tag and a colon ("... and then Rosa said:")
NAMED_AFTER = "named after the tag"      # the narration names the voice of a tag ("said a voice. It was Rosa.")
INTRODUCES = "introduces themselves"     # the quote gives its speaker's name ("I am Rosa")
ANSWERS_NAME = "answers to its name"     # the line after one that calls a name answers to it
PREVIOUS = "previous sentence"  # the subject of the narration sentence before the quote
UNSPOKEN = "not spoken"        # a thought, verse or title: read by the narrator
TURNS = "turns"                # turn-taking: counted turns from a decided paragraph
ANSWERS = "answers"            # turn-taking: answers the line before (or across a short pause)
ADDRESSED = "was addressed"    # turn-taking: the one the line before spoke to
FITS_BOTH = "fits both"        # turn-taking where a pronoun tag fits both speakers
ECHO = "echo"                  # a line repeating the words of one whose speaker is known
RECENT = "recent"              # nothing decides: someone named or heard lately
GUESS = "guess"                # nothing decides: the character who speaks most, or nobody known


@dataclass(frozen=True)
class Attribution:
    speaker: str
    confidence: float
    reason: str
    described_as: str = ""     # the description the speaker was named from ("The painter"), if any
    margin: float | None = None  # how much worse the conversation decodes without this speaker (turns.margins)
    pronoun: str = ""          # the he/she the decision rests on ("he said", "He nodded."): the turns weigh it softly
    reacts: bool = False       # a beat after the paragraph's opening quote: its subject may react to the line before
    rule: str = ""             # TAG, EXPLICIT, ... above
    said: str = ""             # an EXPLICIT speech tag as its reason quotes it ("said the fat innkeeper")

    @property
    def speech_tagged(self) -> bool:
        """A line a speech tag gave under its own words ("said Felix", "said the lad"), not renamed from a
        description."""
        return self.rule in (EXPLICIT, FIRST_PERSON) and not self.described_as


def outspeaks(renamed: int, own: int) -> bool:
    """A description joined to a name speaks over three times as often as the tags name that person ("the
    croupier" named once as the servant): a role of its own, not that person (the starter list and the
    attribution's naming both ask)."""
    return renamed > 3 * own


@dataclass
class Item:
    """A paragraph with dialogue, as the first pass saw it."""

    gpar: int                          # book-wide paragraph number (chapters apart by a gap)
    quote_ids: list[int]
    found: dict[int, Attribution]      # quote_id -> attribution from the paragraph itself (may be empty)
    excluded: set[str]                 # people the quotes name
    listener: str | None               # named by a vocative in the last quote
    previous: Attribution | None       # the subject of the sentence before, if narration came before
    recent: list[str]                  # characters mentioned lately, most recent first
    called: str | None = None          # a name the last quote addresses that is nobody in the cast ("Jane")
    mentioned: frozenset[str] = frozenset()   # people its narration names or refers to: present in the scene
    pause: bool = False                # it opens with narration: someone acts before its first quote
    rests: bool = False                # it ends with narration beyond a speech tag: someone acts after its last quote
    silent: str | None = None          # "Rosa said nothing." just before it, the line before that nobody's yet: Rosa


class Ref(NamedTuple):
    """A mention resolved to a person, in the order read."""

    person: str
    kind: str          # as Mention.kind
    sentence: int
    subject: bool      # opens its sentence ("Rosa", "Then the doctor"): the likelier antecedent
    word: str = ""     # the words the text names them by ("Tom Hale"), for a name read
    aside: bool = False     # named as the subject of a clause of reason or condition ("..., because Will was late")
    bound: bool = False     # after a preposition in the clause of a he/she of that sex ("He ran to Will"): not them


class Seen(NamedTuple):
    gender: str
    sentence: int


@dataclass
class State:
    """The book's attribution so far, passed through every pass."""

    cast: Cast
    out: dict[int, Attribution] = field(default_factory=dict)   # quote_id -> the speaker decided
    items: list[Item] = field(default_factory=list)             # paragraphs with dialogue, in order
    texts: dict[int, str] = field(default_factory=dict)         # quote_id -> its words, compared by echo
    raw: dict[int, str] = field(default_factory=dict)           # quote_id -> the quote's text
    # mentions
    history: list[Ref] = field(default_factory=list)   # resolved mentions of the chapter so far
    sentence: int = 0                                  # number of the sentence being read
    gpar: int = 0                      # the paragraph being read (Item.gpar) and the number of its first sentence
    par_sentence: int = 0
    scene: int = 0                     # the sentence the scene being read starts at (a chapter's start, a scene break)
    tail: str = ""                     # the narration after the last quote of the paragraph before it
    narrated: list[str] = field(default_factory=list)      # the narration of the few paragraphs before it
    seen: dict[str, Seen] = field(default_factory=dict)     # everyone mentioned so far in the book
    # the narrator
    intro_votes: Counter[str] = field(default_factory=Counter)     # "my name was Pip" in the narration
    named_in_narration: set[str] = field(default_factory=set)
    named_in_quotes: set[str] = field(default_factory=set)
    narration_words: int = 0
    first_person: int = 0                              # I/me/my in the narration
    narrator_name: str = UNNAMED_NARRATOR
    talkers: Counter[str] = field(default_factory=Counter)     # speakers of explicit tags, for a last guess
    tagged: list[tuple[int, str]] = field(default_factory=list)   # (gpar, speaker) of those tags, in order
    # (gpar, people named) of the narration paragraphs with no quote: who they bring into a conversation
    quiet: list[tuple[int, frozenset[str]]] = field(default_factory=list)
    # descriptions and the names they stand for
    described: dict[str, str] = field(default_factory=dict)    # "the artist" -> "Felix", learned from a conversation
    noun_names: dict[str, str] = field(default_factory=dict)   # "son" -> "George" ("my son; his name's George")
    called: set[str] = field(default_factory=set)       # those of ``described`` a vocative named ("the artist")
    family: dict[str, set[str]] = field(default_factory=dict)  # "Anna" -> {"brandt"}: "Anna Brandt" in the text
    elders: set[str] = field(default_factory=set)      # people the narration calls old ("old Mrs. Brandt")
    last_desc: dict[str, str] = field(default_factory=dict)    # gender -> the last person description read
    desc_order: dict[str, int] = field(default_factory=dict)   # gender -> when (count of descriptions read)
    desc_count: int = 0
    # descriptions a tag corrected in this chapter (tags.py): whom the passes read it as, its words, the tag's speaker
    taught: list[tuple[str, frozenset[str], str]] = field(default_factory=list)
    thinkers: dict[int, Attribution] = field(default_factory=dict)   # quote_id -> whose thought it is (a tag's reading)

    @property
    def third_person(self) -> bool:
        """The narration so far is told in the third person: fewer than one word in a hundred is I, me or
        my, and the cast list names no narrator."""
        return self.first_person * 100 < self.narration_words and not self.cast.narrator
