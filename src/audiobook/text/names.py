"""How English refers to a person: titles, pronouns, name forms and the words that are never names.

Shared by character discovery (characters.py), the cast's mention finder (cast.py) and attribution:
``norm`` is how two name forms compare, ``clean_name`` turns a capitalised run into a name ("Oh Rosa"
-> "Rosa"), ``vocatives`` finds the names a quote addresses, ``first_name_gender`` is the usual sex of
a given name (a prior when the text gives no pronoun).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from audiobook.text.descriptions import PERSON_NOUNS
from audiobook.text.tokens import POSSESSIVE_S

# with the titles as dialogue spells them in dialect ("Mistah Vale", "Marse Tom", "Mis' Vale")
MALE_TITLES = frozenset("mr m mister sir lord uncle father brother king prince master captain colonel "
                        "general major count duke baron monsieur signor herr don mistah mista marse massa".split())
FEMALE_TITLES = frozenset("mrs ms miss madam madame lady aunt mother sister queen princess mademoiselle "
                          "mme mlle signora frau dame mistress grandma granny missus mis' countess duchess baroness "
                          "marchioness".split())
OTHER_TITLES = frozenset("dr doctor professor rev reverend judge nurse".split())
TITLES = MALE_TITLES | FEMALE_TITLES | OTHER_TITLES
# the titles written short with a full stop ("Mrs. Hale"), and how each is said: the stop ends no
# sentence (attribution's sentence split) and no clause (Piper's phonemizer, voice/engines/titles.py)
ABBREVIATED_TITLES = {"Mr": "Mr", "Mrs": "Mrs", "Ms": "Miz", "Dr": "Dr", "St": "St", "Mme": "Madame",
                      "Mlle": "Mademoiselle", "Messrs": "Messers", "Rev": "Reverend", "Col": "Colonel",
                      "Capt": "Captain", "Gen": "General", "Lt": "Lieutenant", "Sgt": "Sergeant",
                      "Prof": "Professor", "Hon": "Honourable"}
ROLE_OF_TITLE = {t: t for t in """doctor captain colonel major general professor judge nurse uncle aunt king queen
    prince princess count countess duke duchess baron baroness sergeant lieutenant inspector parson rector
    vicar squire governor grandma grandpa granny""".split()}
ROLE_OF_TITLE.update({"dr": "doctor", "capt": "captain", "col": "colonel", "prof": "professor", "rev": "parson"})
MALE_PRONOUNS = frozenset("he him his himself".split())
FEMALE_PRONOUNS = frozenset("she her hers herself".split())
FIRST_PERSON = frozenset("i me my myself".split())
# The days and months: capitalised, never a name ("In June Rosa came" names Rosa alone).
DATE_WORDS = frozenset("""Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December""".split())
# Capitalised words that are not names even in the middle of a sentence.
NOT_NAMES = DATE_WORDS | frozenset(
    """I I'm I'll I've I'd O Oh Ah Yes No Well God Lord Heaven Heavens Sir Madam Mr Mrs Ms Miss Dr The A An
    Christmas English French German British American London
    Paris England France Germany Italy Europe America Street Road House Hall Park Chapter Mamma Papa Mama
    Spanish Italian Russian Irish Scotch Scottish Welsh Dutch Swiss Greek Latin Chinese Japanese Portuguese
    Danish Swedish Norwegian Turkish Polish Austrian Hungarian Belgian Indian Egyptian Arabic Hebrew Yiddish
    Ma Pa Mother Father Aunt Uncle Captain Colonel Doctor Professor Bible Church Christ Jesus Yeah
    Indeed Perhaps But And Then Now What Why How Who Where When If It He She They We You Thank Good Dear
    This That There Here Do Don't Let Come Go Look Tell Mademoiselle Monsieur Madame Lady Lord Master
    Thanks Thank Dearest Hello Hullo Halloa Hallo Goodbye Good-bye Good-night Good-morning Good-evening Please Sorry
    Hush Alas Hurrah Bravo Nonsense Listen Quick Stop Wait Silence Hey Hi Ha Hm Pshaw Bah Aye Nay
    Yes-yes Ay Eh Ahem Humph Gad Egad Damn Hang Bless Mercy Goodness Gracious Sure Right Fine Never Ever
    St Mt Ft No-one Nobody Everybody Somebody Anybody Someone Everyone Anyone
    Pooh Tut Fie Hark Lo Alack Alas Zounds Heigh Ho Whew Ugh Aha Oho Amen Hurray Huzza Boo
    Me My Mine Myself Us Our Ours Your Yours Him His Her Hers Its Their Them Theirs Himself Herself""".split()
)
# never a name, however often a tag seems to name it ("“Stop!” She laughed.", "I said No!")
NEVER_NAMES = frozenset("I He She It We You They Me My Him Her His Us Our Your Their Them Yes No Ay Aye Nay".split())
FUNCTION_WORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have
    having her here hers his how if in into is it its just more most no nor not now of off on once only
    or other our out over own same shall should so some such than that the their them then there these
    they this those through to too under until up upon very was we were what when where which while who
    whom why will with would yes yet you your still even never ever always once perhaps suddenly""".split())
_NAME = r"[A-Z][\w’'-]*[a-z][\w’'-]*"
_TITLE_RE = "|".join(sorted((t.capitalize() for t in TITLES - {"m"}), key=len, reverse=True))
# only a short title takes a period ("Mr. Hale"); "the General. Then Rosa" is two sentences
_ABBREVIATED = "Mrs|Mr|Ms|Dr|Rev|St|M(?=\\.)"     # "M. Vire": Monsieur
# the small words inside a surname ("Mr. van der Hoek", "Anna de Vere")
_PARTICLES = r"(?:(?:van|von|der|den|de|du|da|di|del|della)[ \t]+){0,2}"
NAME_RE = re.compile(rf"\b(?:(?:(?:{_ABBREVIATED})\.?|(?:{_TITLE_RE}))\s+{_PARTICLES})?{_NAME}"
                     rf"(?:[ \t]+{_PARTICLES}{_NAME}){{0,2}}")
_DETERMINERS = ("the ", "a ", "an ")


@lru_cache(maxsize=65536)
def norm(name: str) -> str:
    """A name as compared: case-folded, periods dropped, whitespace collapsed, no leading article."""
    s = " ".join(name.replace(".", "").split()).casefold()
    for d in _DETERMINERS:
        if s.startswith(d):
            return s[len(d):]
    return s


def is_narrator_name(name: str) -> bool:
    """A cast entry standing for the first-person narrator: "I", "I (the narrator)", "we (...)"."""
    return norm(name).split(" ", 1)[0] in ("i", "we", "me")


def without_article(name: str) -> str:
    """A name as written, without a leading article ("The doctor" -> "doctor")."""
    for d in ("the ", "a ", "an "):
        if name[:len(d)].lower() == d:
            return name[len(d):]
    return name


_PRONOUN_WORDS = frozenset("i me he him she it we us they whose".split())


@lru_cache(maxsize=65536)
def name_parts(form: str) -> tuple[str, ...]:
    """Single words of a proper name that can stand for it ("Mr. Hale" -> "hale"), lower-cased."""
    if not form[:1].isupper() or is_narrator_name(form) or "(" in form:
        return ()
    ws = tuple(w for w in norm(form).split() if w not in TITLES and w not in FUNCTION_WORDS
               and w not in _PRONOUN_WORDS)
    if re.match(r"(?:The|A|An) [a-z]", form):     # "The young doctor": "young" is anyone's ("the young man")
        ws = tuple(w for w in ws if w.capitalize() not in EPITHETS)
    return ws if len(ws) > 1 or len(norm(form).split()) > 1 else ()


@cache
def _first_names() -> dict[str, str]:
    from audiobook.text.first_names import FEMALE, MALE

    return {**{n.casefold(): "female" for n in FEMALE.split()}, **{n.casefold(): "male" for n in MALE.split()}}


def first_name_gender(form: str) -> str | None:
    """The sex most people with this name form's first name are ("Charlotte Temple" -> female), a prior to
    use when the text gives no pronoun; None for a titled form, a description or an unlisted name."""
    words = form.split()
    if len(words) > 1 and words[0] in EPITHETS:     # "Little Linus", "Poor Greta": the name after the epithet
        words = words[1:]
    if not words or not words[0][:1].isupper() or norm(words[0]) in TITLES:
        return None
    return _first_names().get(words[0].rstrip(".").casefold())


# words a narrator writes before a given name as part of it ("Little Linus", "Old Linus", "Poor Greta")
EPITHETS = frozenset("Little Old Young Poor Big".split())


def is_title(name: str) -> bool:
    return norm(name).split()[0] in TITLES


def clean_name(name: str, allow: frozenset[str] = frozenset()) -> str:
    """A capitalised run as a name: leading interjections, function words and adverbs dropped ("Oh Rosa",
    "Then Rosa", "Presently Rosa"; not a given name ending in -ly, "Nelly"), trailing common words too
    ("Rosa Yes"); ``allow``: words that are names in this book."""
    ws = name.split("--")[0].rstrip("-").split()     # "Emma--quite" (a broken-off sentence) is Emma
    if len(ws) > 1 and ws[0][-2:] in ("'s", "’s") and ws[0][:-2].lower() in FUNCTION_WORDS | {"let", "it", "that"}:
        ws = ws[1:]      # "Where's Quill?", "Here's Rosa": the name is Quill, Rosa
    while ws and ws[0] not in allow and ((ws[0].rstrip(".") in NOT_NAMES and ws[0].rstrip(".").lower() not in TITLES)
                                         or ws[0].lower() in FUNCTION_WORDS
                                         or (ws[0].endswith("ly") and first_name_gender(ws[0]) is None)):
        ws = ws[1:]
    while len(ws) > 1 and ws[-1] in NOT_NAMES and ws[-1] not in allow and ws[-2].rstrip(".").lower() not in TITLES:
        ws = ws[:-1]
    while ws and ws[-1] in NOT_NAMES and ws[-1] not in allow and len(ws) == 1:
        ws = ws[:-1]
    while ws and ws[0][:1].islower():       # "The van der Hoeks": not "van der Hoeks"
        ws = ws[1:]
    if not ws or (len(ws) == 1 and ws[0].rstrip(".").lower() in TITLES):
        return ""
    if ws[-1].endswith(("’s", "'s")):
        ws[-1] = ws[-1][:-2]
    return " ".join(ws)


_VOCATIVE_RE = re.compile(
    rf"(?:^|[,;!?.—]\s*|\b(?:oh|o|dear|my dear)\s+)({NAME_RE.pattern})(?=\s*(?:[,!?.—]|--)|\s*$)"
)


# ", I suppose, is ...": an aside between the name and its verb
_ASIDE_THEN_VERB_RE = re.compile(r",\s*(?:I|you|we)\s+[a-z]+(?:\s+[a-z]+)?,\s+(?:is|was|has|had|will|would|must|can|"
                                 r"could|should|may|might|did|does|are|were|have)\b")
# "his wife,", "our cousin,", "my sister's son,": a person noun after a third person's (or our) possessive; not "your"
# or "my", whose noun is often the call itself ("your aunt, Lena", "my dear friend, Ivo")
_THIRD_PERSONS_NOUN_RE = re.compile(rf"(?:\b(?:his|her|their|our)|\w{POSSESSIVE_S})\s+(?:[a-z]+\s+)?"
                                    rf"(?:{'|'.join(sorted(PERSON_NOUNS))}),$", re.IGNORECASE)
_TITLE_STOP_RE = re.compile(rf"(?<![\w'’])(?:{'|'.join(ABBREVIATED_TITLES)}|M)\.$")
# a quotation inside the quote ("He said to me, 'Good day, Quenby,'"): the opening mark after a space or a dash and
# before a capital, the closing one after a word or a stop and before a space or a stop ("'em", "o' the" are neither)
_INNER_QUOTE_RE = re.compile(r"“[^”]*”|‘(?!T(?:is|was)\b)[^’]*’|(?:(?<=^)|(?<=[\s(—-]))['\"](?=[A-Z])(?!T(?:is|was)\b)"
                             r"(?:[^'\"]*?[\w,.!?])?['\"](?=[\s,.;:!?)—-]|$)")
# a capitalised run opening on a preposition ("About Rosa?", "For Tomas!"): the name is a topic, not the listener
_PREPOSITIONS = frozenset("""about above across after against along among around at before behind below beside besides
    between beyond by concerning despite except for from in inside into like near of off on onto over past regarding
    since than through to toward towards under unlike until upon with within without""".split())


def vocatives(quote: str, allow: frozenset[str] = frozenset(), asked: bool = True) -> list[str]:
    """Names a quote addresses ("Rosa, did you know?", "..., Mr. Hale."): the listener, not the speaker;
    ``allow``: common words that are names in this book ("Shut up, Good!"); ``asked``: with a name that is a
    question of its own ("Rosa? She left.": asked after or echoed, as often as called; a name all the same)."""
    return list(_vocatives(quote, allow, asked))


@lru_cache(maxsize=65536)       # each quote is asked several times per reading, and read three times (sieve.readings)
def _vocatives(quote: str, allow: frozenset[str], asked: bool) -> tuple[str, ...]:
    out = []
    inner = [(q.start(), q.end()) for q in _INNER_QUOTE_RE.finditer(quote)] if any(c in quote for c in "'\"‘“") else []
    for m in _VOCATIVE_RE.finditer(quote):
        start = m.start(1)
        if any(s < start < e for s, e in inner):
            continue        # "She said 'Rosa, go!'": the words of someone else, to someone else
        before = quote[:start].rstrip()
        after = quote[m.end(1):].lstrip()
        if before and not before.endswith((",", "!", "?", ".", "—")) \
                and not before.lower().endswith(("oh", "dear", "o")):
            continue
        if _TITLE_STOP_RE.search(before):      # "... of Mrs. Vale,": the stop is the title's, not a sentence's
            continue
        if not before and not after.startswith((",", "!", "?")):
            continue
        if m.group(1).split()[0] in ("A", "An"):
            continue        # "A Zorvath!": one is never called "a" somebody; he is talked about
        if m.group(1).split()[0].lower() in _PREPOSITIONS:
            continue        # "About Rosa?", "With Tomas, of course.": she is talked about
        if not asked and after.startswith("?") and (not before or before.endswith((".", "!", "?", "—", "-"))):
            continue        # "Rosa? Why, she left.", "The boat? Tomas?"
        if m.group(1).split()[0][-2:] in ("'s", "’s"):
            continue        # "Where's Rosa?", "Here's Rosa!": she is talked about, not spoken to
        if _ASIDE_THEN_VERB_RE.match(after):
            continue        # "Rosa, I suppose, is gone": the subject of the sentence, not the listener
        if after.startswith(",") and _THIRD_PERSONS_NOUN_RE.search(before):
            continue        # "my sister's son, Tomas, cut his arm": the son named in apposition, not called
        name = clean_name(m.group(1), allow)
        if name:
            out.append(name)
    return tuple(out)
