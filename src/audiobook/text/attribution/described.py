"""Who of the cast a speech tag's words stand for where the tag names no one outright: a description
("said the stout porter", "the old lady said", "said her mother", "answered Frau", a list's entry written
small: "said the ferryman") found among the cast, the scene and the families, and a name word several
people share ("said Tom"). Kept apart from explicit.py, which reads where a tag's subject stands, so that
each module holds one concern: reading the tag there, resolving its words to a person here.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from audiobook.text.attribution.grammar import (
    NARRATION_WORD_RE,
    OBJECT_RE,
    is_description,
    speaker_name,
)
from audiobook.text.attribution.mentions import (
    ELDER_TITLES,
    NEAR_KIN,
    answerer,
    antecedent,
    by_noun,
    family_names,
    family_of,
    just_named,
    kin,
    name_forms,
    one_of_the_titled,
    owners,
    titled,
)
from audiobook.text.attribution.state import State
from audiobook.text.cast import Mention
from audiobook.text.descriptions import (
    GENERIC_NOUNS,
    anyone,
    description,
    noun_gender,
    small_determiner,
    someone_of_the_scene,
)
from audiobook.text.names import ROLE_OF_TITLE, TITLES, norm, without_article


def described(st: State, text: str, lo: int, vs: int, ve: int, hi: int, verb: str, spoke: str | None,
              called: set[str] | frozenset[str], spoken_to: set[str]) -> tuple[str, str, str] | None:
    """The one a tag whose subject is no name nor he/she describes ("said the old man", "the porter
    said"), its verb ``verb`` at vs..ve in the clause lo..hi; ``spoke``: who the paragraph before was
    tagged to, ``called``: whom the quote calls by name, ``spoken_to``: whom the tag speaks to ("said her
    brother to Tomas"). Who, the tag's words for them, and the he/she the turns weigh them as ("" unless
    found by the description's sex alone); None: no one it fits."""
    desc = description(text[ve:hi]) or description(small_determiner(text[lo:vs]), last=True)
    if desc is None and st.cast.from_book:      # "asked one of the men": an entry of three words or more
        listed = _listed(st, text, ve, hi) or _listed(st, text, lo, vs, last=True) or _titled(st, text, ve, hi) \
            or _longer_form(st, text, ve + len(text[ve:hi]) - len(text[ve:hi].lstrip()), hi)
        if listed is not None:      # "said the ferryman": a cast entry the nouns lack
            return listed[0], listed[1], ""
        opening = _opening_entry(st, text, lo, vs)
        if opening is not None:
            return opening, opening, ""
    if desc is None:
        return None
    desc = _VOICE_OF_RE.sub("", desc)      # "said his mother's voice": his mother
    who = st.cast.describe(desc)
    if who is not None and _generic_word_of_a_name(st, desc, who):
        who = None      # "said the man" is not the one whose name ends in "Man" ("the Silent Man")
    absent = who if st.cast.from_book and who is not None and _absent_bystander(st, desc, who) else None
    if absent is not None:      # "said the girl" far from the list's "The Girl": the girl of this scene
        who = None
    longer = _longer_form(st, text, text.find(desc, ve), hi) if st.cast.from_book else None
    if longer is not None:      # "said the man with the grey coat": that entry, not "A Man"
        who, desc = longer
    guessed = ""    # found by the description's sex alone: the turns weigh it as they weigh a he/she
    if not st.cast.from_book and (who is None or is_description(who)):
        # "said her father": the man of her surname, where there is one, before the man named last; "said her
        # mother" when the woman named last is the family's Mrs. and her daughter spoke lately: that Mrs.; "“...,
        # Anton,” said his mother": Anton's (all three as with a list)
        near = (_parent_or_child(st, desc) or _kin_of_the_called(st, desc, called) or kin(st, desc)) \
            if desc.split()[-1].lower() in NEAR_KIN else None
        # "said the second gentleman" is not the gentleman named last: someone besides him
        latest = just_named(st, desc, who) if not _ANOTHER & set(desc.lower().split()) else None
        named = _elder(st, desc, spoke if verb not in _GOES_ON_VERBS else None) or near or latest
        who, guessed = (named, _sex_word(st, named)) if named else (who, "")
    if who is None and not st.cast.from_book and (anyone(desc) or _relation(desc) and kin(st, desc) is None):
        return None   # "said the voice", "said the other", "said her companion": someone of the scene
    if who is None and st.cast.from_book:
        who = _headed(st, desc) or _one_of_the_titled(st, desc) or _with_form(st, desc)
        if who is None:
            who = _by_noun(st, desc, verb, spoke, called)
            if who in spoken_to:    # "said her brother to Tomas": not Tomas
                who = by_noun(st, desc, skip=spoken_to)
            guessed = _sex_word(st, who)
    elif who is None:   # without a cast list the description itself names the speaker
        who = kin(st, desc)
        guessed = _sex_word(st, who)
        who = who or speaker_name(_with_the(st, text, desc, ve, hi))
    who = who or absent     # no one of the scene fits: the list's entry after all
    if who is None:
        return None
    if not st.cast.from_book:      # with a list, by_noun's family and titles do this
        who = _parent_named(st, desc, who)
    return who, desc, guessed


def shared_name(st: State, text: str, toks: list[tuple[int, int, str]], v: int, lo: int,
                hi: int, at: tuple[int, ...] | None = None) -> Mention | None:
    """"Quenby asked", "said Robert": a capitalised word next to the speech verb that several people's names
    share stands for the one of them mentioned last (else seen last in the book); a first name two people
    bear ("said Tom" of Tom Hale and Tom Wren) for the one named lately (by a name, not in full: "Tom Wren"
    is how a text tells him from its bare Tom), else the one the narration seldom names any other way
    (``Cast.lean``). Not a word a longer name goes on from ("said Tom Wren"). ``at``: the tokens to look at
    instead of those next to the verb."""
    for k in (v - 1, v + 1) if at is None else at:
        if not 0 <= k < len(toks):
            continue
        start, end, word = toks[k]
        key = word.replace(".", "")
        owners = st.cast.shared.get(key)
        if owners is None or not text[start:start + 1].isupper() or not lo <= start < hi \
                or OBJECT_RE.search(text, lo, start) or text[end:end + 2] in ("'s", "’s") \
                or _NAME_GOES_ON_RE.match(text, end):       # "said Tom Hale": the whole name says who
            continue
        lean = st.cast.lean.get(key)    # a first name settle() leaves shared: the scene, else its usual owner
        hist = st.history[-_LATELY:] if lean else st.history
        if lean:    # only a name the text gives ("Hale", "Mr. Hale"): not a he/she, not "Tom Hale" in full,
            hist = [r for r in hist if r.kind in ("name", "alias")      # which tells him from the bare Tom
                    and not norm(r.word).startswith(key + " ")]
        if key in st.cast.surnames:     # the paragraph's own bare "Quenby" reads as the man's: look before it
            hist = [r for r in hist if r.sentence < st.par_sentence]
        named = next((r.person for r in reversed(hist) if r.person in owners), None) or lean
        seen = [p for p in owners if p in st.seen]
        who = named or (max(seen, key=lambda p: st.seen[p].sentence) if seen else None)
        if who is not None:
            return Mention(who, start, end, "name", text[start:end], st.cast.gender(who))
    return None


def _parent_named(st: State, desc: str, who: str) -> str:
    """Without a cast list, "said her mother" found to no one with a mother's title ("Marta", or the words
    themselves): the woman with one ("Mrs. Brandt", "Lady Lind") named latest in the last paragraphs, not the
    one "her" stands for; so for a father ("Mr. Brandt")."""
    ws = desc.lower().split()
    parent = _PARENT_NOUN.get(ws[-1]) if len(ws) == 2 and ws[0] in ("his", "her", "their") else None
    if parent is None or titled(st.cast, who, ELDER_TITLES[parent]):
        return who
    gender = "female" if parent == "mother" else "male"
    owner = antecedent(st, "male" if ws[0] == "his" else "female", owners(st)) if ws[0] != "their" else None
    return next((r.person for r in reversed(st.history[-_PARENT_LATELY:]) if r.person and r.person != owner
                 and st.cast.gender(r.person) != _OTHER_SEX[gender]
                 and titled(st.cast, r.person, ELDER_TITLES[parent])), who)


def _with_the(st: State, text: str, desc: str, ve: int, hi: int) -> str:
    """Without a cast list, "said the man with the grey hat," names him by the whole phrase: a "with the"
    phrase that ends the clause is something he has, which tells him from the scene's other men (not
    "with the air of ...", which goes on); "the man with the hat" later is the one such speaker whose
    name holds its words ("The man with the grey hat")."""
    at = text.find(desc, ve, hi)
    m = _WITH_THE_RE.match(text, at + len(desc), hi) if at >= 0 else None
    if m is None:
        return desc
    phrase = " ".join((desc + m.group(0)).split())
    ws = without_article(phrase).lower().split()
    fuller = {a.speaker for it in st.items for a in it.found.values()
              if _holds(without_article(a.speaker).lower().split(), ws)}
    return fuller.pop() if len(fuller) == 1 else phrase


def _relation(desc: str) -> bool:
    """"her companion", "his friend", "their visitor": someone named by a relation to another person and by
    no sex, not a character of its own (whoever of the scene stands so to the owner)."""
    ws = desc.lower().split()
    return len(ws) >= 2 and ws[0] in ("his", "her", "their") and noun_gender(desc) is None


def _generic_word_of_a_name(st: State, desc: str, who: str) -> bool:
    """A bare "the man", "the voice" that the cast finds as ``who`` only by the last word of a name ("Silent
    Man", "A Low Voice"), not as a name or alias of its own: whoever of the scene it is, not that one."""
    ws, person = desc.split(), st.cast.people.get(who)
    return len(ws) == 2 and ws[-1].lower() in GENERIC_NOUNS and person is not None \
        and all(norm(form) != norm(desc) for form in (person.name, *person.aliases))


def _sex_word(st: State, who: str | None) -> str:
    """The he/she a person found by a description's sex alone stands for ("" for none)."""
    return _SEX_WORD.get(st.cast.gender(who), "") if who else ""


def _absent_bystander(st: State, desc: str, who: str) -> bool:
    """A cast entry a tag's "the girl", "the man" finds by the list's description of it, while nothing lately
    names it nor did the narration of the last few paragraphs bring in "a man" ("a man and his wife": then "said
    his wife" is the list's "The Wife"): the list's "The Girl" is someone of one scene,
    and elsewhere the words mean whoever is the girl of the scene at hand (``someone_of_the_scene``); not a
    role ("the porter"), not the name the text uses."""
    if not _of_the_scene(desc) or not is_description(desc):
        return False
    noun = re.escape(desc.split()[-1])
    brought_in = re.compile(rf"\b(?:an?|his|her|their)\s+(?:\w+\s+){{0,2}}?{noun}\b", re.IGNORECASE)
    return who not in {r.person for r in st.history[-_LATELY:]} \
        and not re.search(rf"\b{noun}\b", st.tail, re.IGNORECASE) \
        and not any(brought_in.search(text) for text in st.narrated)


def _by_noun(st: State, desc: str, verb: str, spoke: str | None, called: set[str] | frozenset[str]) -> str | None:
    """With a cast list, the person a gendered description in a tag stands for, not ``spoke``, the one a
    tag gave the paragraph just before ("“...,” Tomas said. / “...,” asked the old man": another man),
    unless the verb says the same voice goes on ("continued the old man"); ``called``: whom the quote calls
    by name."""
    elder = _elder(st, desc, spoke if verb not in _GOES_ON_VERBS else None)
    if elder is not None:
        return elder
    who = _parent_or_child(st, desc) or _kin_of_the_called(st, desc, called) or by_noun(st, desc)
    if who is not None and desc.split()[0].lower() == "the":    # “Well, Tomas?” / “...,” said the man: Tomas
        who = answerer(st, st.cast.gender(who), who, set()) or who
    elif who is not None and desc.lower().split()[-1] in NEAR_KIN and verb not in _GOES_ON_VERBS:
        who = _kin_answering(st, desc, who)
    if who is None or who != spoke or verb in _GOES_ON_VERBS:
        return who
    return by_noun(st, desc, skip={who}) or who


def _elder(st: State, desc: str, spoke: str | None) -> str | None:
    """"said the old lady" in a scene of a woman the narration calls old ("old Mrs. Brandt", ``State.elders``)
    or the list writes so ("Grandfather Lind", "Old Tomas"), and younger ones: the latest such woman (or man, for
    "the old man") named lately, not the one who spoke just before, rather than the latest of that sex."""
    gender = noun_gender(desc)
    if gender is None or "old" not in desc.lower().split():
        return None
    # latest first over the scene: one named in the last paragraph or two comes first, else one a few more back
    return next((p for p in (r.person for r in reversed(st.history[-_ELDER_LATELY:]))
                 if (p in st.elders or _ELDER_FORM_RE.search(" ".join(name_forms(st.cast, p))))
                 and p != spoke and st.cast.gender(p) == gender), None)


def _parent_or_child(st: State, desc: str) -> str | None:
    """"said her mother" when the woman named last is herself a mother, of a woman named lately (the one
    "her" stands for): she speaks, not the mother of her. A parent is told by a married or elder title the
    child lacks ("Mrs. Brandt" and "Anna Brandt"); so for "her daughter", "his son", "his father"."""
    ws = desc.lower().split()
    noun = ws[-1] if len(ws) == 2 and ws[0] in ("his", "her") else ""
    parent = _PARENT_OF.get(noun)
    gender = "male" if ws[0] == "his" else "female"
    if parent is None or noun_gender(desc) != gender:
        return None
    titles = ELDER_TITLES[parent]
    latest = antecedent(st, gender, st.history)
    if latest is None or titled(st.cast, latest, titles) != (noun == parent):
        return None
    family = family_names(st, latest)
    lately = {r.person for r in st.history[-_LATELY:]}
    kin = [p for p in lately if p != latest and st.cast.gender(p) == gender
           and titled(st.cast, p, titles) != (noun == parent) and family_names(st, p) & family]
    return latest if kin else None


def _kin_answering(st: State, desc: str, who: str) -> str:
    """“Oh, Anna, it is too late!” / “Perhaps,” replied her sister: Anna, the one the paragraph before spoke
    to, answers (as for "the man"), when she can be that relative: a mother or father by an elder title."""
    noun = desc.lower().split()[-1]
    other = answerer(st, st.cast.gender(who), who, set())
    if other is None or noun in ("mother", "father") and not titled(st.cast, other, ELDER_TITLES[noun]):
        return who
    return other


def _kin_of_the_called(st: State, desc: str, called: set[str] | frozenset[str]) -> str | None:
    """“Come home, Anna,” said her mother: "her" is Anna, whom the quote calls, not the woman named last;
    her mother is the one of Anna's family the noun fits (``family_of``)."""
    ws = desc.lower().split()
    gender = noun_gender(desc)
    if len(ws) != 2 or ws[0] not in ("his", "her") or ws[1] not in NEAR_KIN or gender is None:
        return None
    owners = [p for p in called if st.cast.gender(p) == ("male" if ws[0] == "his" else "female")]
    return family_of(st, owners[0], gender, ws[1]) if len(owners) == 1 else None


def _longer_form(st: State, text: str, start: int, hi: int) -> tuple[str, str] | None:
    """The longest cast entry a description in a tag spells with the words after it ("the man with the
    grey coat"), when it is longer than the description: who, and the words."""
    if start < 0:
        return None
    words = list(NARRATION_WORD_RE.finditer(text, start, hi))[:8]
    # an entry spelled exactly, longest first, else one holding "the man with the cap" ("The Man With The Red Cap")
    for fits, least in ((_exact, 3), (_spelled_within, 4)):
        for n in range(len(words), least - 1, -1):
            phrase = text[start:words[n - 1].end()]
            if (found := fits(st, phrase)) is not None:
                return found, phrase
    return None


def _spelled_within(st: State, phrase: str) -> str | None:
    """The one cast entry whose words hold a "<noun> with <noun>" phrase's words in order, first and last
    alike, with only adjectives left out ("the man with the cap" of "The Man With The Red Cap")."""
    ws = without_article(" ".join(phrase.split())).lower().split()
    if "with" not in ws[1:-1]:
        return None
    return _one_entry(st, lambda f: _holds(without_article(f).lower().split(), ws))


def _holds(form: list[str], ws: list[str]) -> bool:
    """``ws`` a subsequence of ``form`` with the same first and last word."""
    if len(form) <= len(ws) or form[0] != ws[0] or form[-1] != ws[-1]:
        return False
    it = iter(form)
    return all(w in it for w in ws)


def _exact(st: State, phrase: str) -> str | None:
    """The cast entry that lists exactly this name or description (articles aside), if any."""
    words = without_article(" ".join(phrase.split())).lower()
    person = st.cast.people.get(st.cast.resolve(words) or "")
    if person is None or words not in {without_article(f).lower() for f in (person.name, *person.aliases)}:
        return None
    return person.name


def _headed(st: State, desc: str) -> str | None:
    """"said the stout porter" for the one entry the list writes as a description ending in that noun
    ("The Porter", "A Tall Porter"): an adjective the list lacks does not make the speaker someone else.
    Not for "the old lady", "the child": nouns for whoever the scene holds, not roles of their own."""
    if _of_the_scene(desc) or _ANOTHER & set(desc.lower().split()):
        return None     # "the other porter", "the new guard": not the one the list has
    head = desc.split()[-1].lower()
    return _one_entry(st, lambda f: (len(f.split()) > 1 and f.split()[0].lower() in _DESCRIBING or "-" in f)
                      and f.split()[-1].lower().rsplit("-", 1)[-1] == head)     # "The Tall Porter", "Kitchen-Maid"


def _of_the_scene(desc: str) -> bool:
    """``someone_of_the_scene``, less "the maid": in a tag she is a servant, a role, not whichever woman the
    scene holds."""
    return someone_of_the_scene(desc) and desc.split()[-1].lower() != "maid"


def _opening_entry(st: State, text: str, lo: int, vs: int) -> str | None:
    """"Then a tall thin man, with a pen in his hand, got up and said" for the list's "A Tall Thin Man": a
    description opening the tag's clause that spells an entry, where nothing next to the verb describes."""
    m = _OPENING_ARTICLE_RE.match(text, lo, vs)
    found = _longer_form(st, text, m.start(1), vs) if m else None
    return found[0] if found else None


def _with_form(st: State, desc: str) -> str | None:
    """"said the cloaked woman" for the one entry that spells it "The Woman With The Grey Cloak": an -ed adjective
    made of a noun is the "with" phrase of the list's form."""
    ws = without_article(desc).lower().split()
    if len(ws) != 2 or not ws[0].endswith("ed") or len(ws[0]) < 5:
        return None
    stem = ws[0][:-2]

    def spells(f: str) -> bool:
        fw = without_article(f).lower().split()
        return len(fw) > 2 and fw[0] == ws[1] and "with" in fw and fw[-1] in (stem, stem + "e")
    return _one_entry(st, spells)


def _one_of_the_titled(st: State, desc: str) -> str | None:
    """"said the duchess" when several entries bear that title: ``one_of_the_titled``."""
    ws = desc.lower().replace(".", "").split()
    if len(ws) < 2 or ws[0] != "the" or ws[-1] not in ROLE_OF_TITLE:
        return None
    return one_of_the_titled(st, ROLE_OF_TITLE[ws[-1]], [r.person for r in st.history])


_DESCRIBING = ("the", "a", "an", "his", "her", "their")
_ANOTHER = frozenset("other new second third fourth next".split())


def _titled(st: State, text: str, lo: int, hi: int) -> tuple[str, str] | None:
    """"answered Frau": a title alone after the verb is the one cast member whose name has it."""
    m = _TITLE_ALONE_RE.match(text, lo, hi)
    title = m.group(1).lower() if m else ""
    if title not in TITLES:
        return None
    owners = [p.name for p in st.cast.people.values() if (norm(p.name).split() or [""])[0] == title]
    return (owners[0], m.group(1)) if len(owners) == 1 and m else None


def _listed(st: State, text: str, lo: int, hi: int, last: bool = False) -> tuple[str, str] | None:
    """A cast entry written small in a tag, right after the verb ("said the ferryman"; a role used as a
    name needs no article: "said nanny" of the list's "Nanny", the whole entry) or, with ``last``,
    opening the clause before it ("The ferryman bowed and said"): who, and the words."""
    m = _SMALL_BEFORE_RE.match(text[lo:hi].strip()) if last else _SMALL_AFTER_RE.match(text, lo, hi)
    who = (_exact(st, m.group(1)) or _owned(st, m.group(1))) if m else None   # "laughed a little": not "A Little Boy"
    return (who, m.group(1)) if who and m else None


def _owned(st: State, phrase: str) -> str | None:
    """"said the valet" for the one entry the list writes "His Valet" (or "Her Maid"): the tag's article
    for the list's possessive."""
    words = without_article(" ".join(phrase.split())).lower()
    return _one_entry(st, lambda f: f.lower() in (f"his {words}", f"her {words}", f"their {words}"))


def _one_entry(st: State, fits: Callable[[str], bool]) -> str | None:
    """The one cast entry with a name or alias that ``fits`` (None when no entry or several do)."""
    owners = {p.name for p in st.cast.people.values() for f in (p.name, *p.aliases) if fits(f)}
    return owners.pop() if len(owners) == 1 else None


_OPENING_ARTICLE_RE = re.compile(r"\s*(?:(?:[Tt]hen|[Aa]nd|[Bb]ut|[Nn]ow|[Ss]o)\s+)?((?:[Tt]he|[Aa]n?)\s)")
_ELDER_FORM_RE = re.compile(r"\b(?:[Oo]ld|[Gg]rand(?:mother|father|mamma|papa|ma|pa)|[Gg]ranny)\b")
_PARENT_NOUN = {"mother": "mother", "mamma": "mother", "mama": "mother", "father": "father", "papa": "father"}
_OTHER_SEX = {"female": "male", "male": "female"}
_PARENT_LATELY = 40     # mentions: the last few paragraphs
_PARENT_OF = {"mother": "mother", "father": "father", "daughter": "mother", "son": "father"}
_LATELY = 20        # mentions: about the last paragraph or two
_ELDER_LATELY = 80  # mentions: the scene, for "the old lady" when no elder was named lately
# a description ("said the old man") found by its sex alone: the turns weigh it as a he/she
_SEX_WORD = {"male": "he", "female": "she"}
_GOES_ON_VERBS = frozenset("continued continues resumed added pursued persisted went repeated concluded".split())
_NAME_GOES_ON_RE = re.compile(r"\s+[A-Z][a-z]")
_TITLE_ALONE_RE = re.compile(r"\s*([A-Z][a-z]+)(?=\s*[,.;!?—]|\s+[a-z])")
_SMALL_AFTER_RE = re.compile(r"\s*((?:(?:the|a|an)\s+)?[a-z][a-z-]+)"
                             r"(?=\s*(?:[,.;!?—]|$)|\s+(?:[a-z]+ly|in|to|with|as|and)\b)")
_SMALL_BEFORE_RE = re.compile(r"((?:[Tt]he|[Aa]n?)\s+[a-z][a-z-]+)(?=\s+[a-z]|\s*$)")
_WITH_THE_RE = re.compile(r"\s+with\s+the(?:\s+[a-z]+){1,3}(?=\s*(?:[,.;!?—]|--|$))")
_VOICE_OF_RE = re.compile(r"['’]s (?:\w+ )?(?:voice|tones?)$")
