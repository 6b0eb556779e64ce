"""Each rule of the attribution sieve, pinned with small examples (attribution.py, characters.py),
and the `audiobook script --review` and `audiobook cast` commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from audiobook.book import Character, load_book
from audiobook.cli.main import cli
from audiobook.text.attribution.sieve import _backwards, attribute
from audiobook.text.attribution.state import (
    ANSWERS,
    BEAT,
    ECHO,
    EXPLICIT,
    PREVIOUS,
    PRONOUN,
    TAG,
    TURNS,
    UNNAMED_NARRATOR,
    Attribution,
)
from audiobook.text.cast import Cast
from audiobook.text.characters import discover
from audiobook.text.descriptions import description
from audiobook.text.manuscript import parse_text
from audiobook.text.names import vocatives
from audiobook.text.script import _named_descriptions, build_script, cast_of, characters_yaml, review, script_of
from audiobook.voice.profiles import load_profile
from audiobook.voice.starter import voices_yaml

ROSA_TOMAS = [("Rosa", "female", ()), ("Tomas", "male", ())]


CastSpec = list[tuple[str, str, tuple[str, ...]]]


def attributions(text: str, cast: CastSpec | None = None) -> list[tuple[str, Attribution]]:
    """(quote, attribution) for every quote of ``text``; without ``cast`` the characters are discovered."""
    ms = parse_text(text)
    c = Cast.from_characters([Character(n, a, g) for n, g, a in cast]) if cast is not None else discover(ms)
    found = attribute(ms, c)
    return [(s.text, found[s.quote_id]) for _, _, s in ms.quotes()]


def run(text: str, cast: list[tuple[str, str, tuple[str, ...]]] | None = None) -> list[tuple[str, str, str]]:
    """(quote, speaker, reason) for every quote of ``text``; without ``cast`` the characters are discovered."""
    return [(q, a.speaker, a.reason) for q, a in attributions(text, cast)]


def who(text: str, cast: list[tuple[str, str, tuple[str, ...]]] | None = ROSA_TOMAS) -> list[str]:
    return [spk for _, spk, _ in run(text, cast)]


# ------------------------------------------------------------------------------------------- explicit tags
@pytest.mark.parametrize("text", [
    "“The river is high,” said Rosa.",
    "“The river is high,” Rosa said.",
    "Rosa said, “The river is high.”",
    "Tomas looked up. “The river is high,” she said.",
    "“The river is high,” she said quietly, looking at Tomas.",
])
def test_explicit_tag_names_the_speaker(text: str) -> None:
    assert who(text) == ["Rosa"]


@pytest.mark.parametrize("text", [
    "Rosa said, “Is the ferry running?” Tomas said, “Not since the flood.”",
    "Now and then Rosa would say, “Is the ferry running?”, and Tomas would answer, “Not since the flood.”",
    "Rosa asked him: “Is the ferry running?” He shook his head, and said: “Not since the flood.”",
])
def test_a_quote_with_its_own_tag_before_it_leaves_the_tag_after_it_to_the_next_quote(text: str) -> None:
    assert who(text) == ["Rosa", "Tomas"]


@pytest.mark.parametrize("text", [
    "Tomas said, “I have thought of a riddle,” and Rosa asked him questions until she had guessed it.",
    "Tomas laughed and said, “The ferry is late again.” Rosa smiled and laughed too.",
    "“The ferry,” cried Tomas, “is late again.” Rosa remonstrated, but he would not listen.",
])
def test_a_subject_first_tag_after_a_quote_with_its_own_lead_in_is_not_its_tag(text: str) -> None:
    assert who(text)[-1] == "Tomas"


def test_a_subject_first_tag_left_by_the_quote_before_tags_the_next_quote() -> None:
    text = "“The ferry,” cried Tomas, “is late--” Rosa interrupted him. “It is never late.”"
    assert who(text) == ["Tomas", "Tomas", "Rosa"]


@pytest.mark.parametrize("tag", ["Rosa was beginning angrily, but Tomas went",
                                 "Rosa stamped her foot, and Tomas cried,"])
def test_a_tag_after_another_subjects_clause_is_the_next_quotes_lead_in(tag: str) -> None:
    # the narration between two quotes: the first clause is the first quote's, the verb after ", but Tomas"
    # introduces the second
    text = f"Tomas and Rosa sat by the fire. Rosa stood up.\n\n“There is no such thing!” {tag} “Hush!”"
    assert who(text) == ["Rosa", "Tomas"]


def test_a_named_subject_after_the_quote_befores_tag_leads_in_the_next_quote() -> None:
    # "cried Tomas" is the first quote's tag; ", and Rosa howled," brings in the second quote
    text = ("Tomas and Rosa sat by the fire. Rosa stood up.\n\n“Down!” cried Tomas, jumping back, for he was "
            "afraid of dogs, and Rosa howled, “Lie down!” and snatched the stick.")
    assert who(text) == ["Tomas", "Rosa"]
    assert who("“Down!” cried Tomas, and he jumped back, “lie down!”") == ["Tomas", "Tomas"]


def test_a_speech_noun_before_a_quote_is_no_lead_in() -> None:
    text = ("“Are you a ferryman?” asked Rosa. And then, on Tomas's cheerful reply--“Ferrymen are the best,” "
            "she declared.")
    assert who(text)[-1] == "Rosa"


@pytest.mark.parametrize(("text", "speaker"), [
    ("Rosa saw what he was doing, and at the first pause turned to him and said, “You are late.”", "Rosa"),
    ("Rosa stood on the jetty. When she had paid him, the ferryman smiled, and said, “You are late.”", "The Ferryman"),
    ("Tomas came in. Her voice broke as she said: “You are late.”", "Rosa"),
    ("Tomas came in. When he had sat down, he said: “You are late.”", "Tomas"),
])
def test_a_he_or_she_in_a_clause_of_its_own_is_not_the_lead_in_subject(text: str, speaker: str) -> None:
    assert who(text, ROSA_TOMAS + [("The Ferryman", "male", ())])[0] == speaker


@pytest.mark.parametrize("text", [
    "Tomas ran ahead. “Is the ferry running?” Rosa panted as she ran.",
    "Tomas sat down. “The ferry is never late,” Rosa opined.",
    "Tomas sat down. “Patience is a virtue,” quoted Rosa.",
    "Tomas sat down. “Because,” Rosa intervened, “it is never late.”",
])
def test_rarer_speech_verbs_tag_their_quote(text: str) -> None:
    assert who(text)[0] == "Rosa"


@pytest.mark.parametrize("verb", ["quavered", "argued", "reported", "interjected", "chanted"])
def test_a_verb_the_list_lacked_tags_its_quote_not_the_fill(verb: str) -> None:
    # the first quote's own tag, not the paragraph's other quote's "said Rosa"
    assert who(f"Rosa and Tomas sat by the fire.\n\n“It is late,” Tomas {verb}. “Not at all,” said Rosa.") \
        == ["Tomas", "Rosa"]


@pytest.mark.parametrize("verb", ["stated", "complained", "bawled", "pronounced", "speculated", "questioned",
                                  "squeaked"])
def test_more_verbs_the_list_lacked_tag_their_quote_not_the_fill(verb: str) -> None:
    # as above: past forms only ("a question", "the state of things" stay nouns for the quote finder)
    assert who(f"Rosa and Tomas sat by the fire.\n\n“It is late,” Tomas {verb}. “Not at all,” said Rosa.") \
        == ["Tomas", "Rosa"]


VARGAS = [*ROSA_TOMAS, ("Mrs. Anna Varga", "female", ("Anna",)), ("Mr. Piet Varga", "male", ("Piet",))]


def test_a_speech_noun_owned_by_a_name_of_several_words_tags_the_quote() -> None:
    text = ("Rosa and Tomas sat by the fire.\n\n“Are you well?” was Mrs. Anna Varga's parting question. "
            "“Quite,” said Rosa.")
    assert who(text, VARGAS) == ["Mrs. Anna Varga", "Rosa"]


@pytest.mark.parametrize(("lead_in", "speaker"), [
    ("Mr. Piet Varga heard Rosa out; and taking her arm, said in reply,", "Mr. Piet Varga"),
    ("Rosa offered her a chair; but Mrs. Anna Varga would not stay; and then buttoning her coat, said to Rosa,",
     "Mrs. Anna Varga"),
])
def test_a_lead_in_after_a_semicolon_and_shares_the_subject_before_it(lead_in: str, speaker: str) -> None:
    text = f"Rosa looked at Tomas.\n\n“Go home,” said Rosa.\n\n“I will,” said Tomas.\n\n{lead_in}\n\n“Do not worry.”"
    assert who(text, VARGAS)[-1] == speaker


@pytest.mark.parametrize("lead_in", ["Rosa said, with a little bow:", "Rosa smiled, and replied,",
                                     "After a short pause, Rosa presumed to say--"])
def test_a_lead_in_paragraph_names_its_speaker_though_the_quote_names_her_too(lead_in: str) -> None:
    text = (f"Tomas came into the garden.\n\n“Good morning,” said Tomas.\n\n{lead_in}\n\n"
            "“You will not remember us, sir: Rosa Lind and her aunt, who met you at the ferry.”")
    assert who(text)[-1] == "Rosa"


@pytest.mark.parametrize("lead_in", ["Rosa, crossing to the window, where Tomas sat reading, said gently:",
                                     "Rosa, when Tomas had gone out, said gently:"])
def test_a_name_in_a_when_or_where_clause_of_a_lead_in_is_not_its_subject(lead_in: str) -> None:
    text = f"The lamps were lit.\n\n{lead_in}\n\n“Will you have some tea?”"
    assert who(text)[-1] == "Rosa"


def test_the_name_whose_voice_says_a_lead_in_is_the_speaker() -> None:
    text = "The lamps were lit.\n\nRosa looked at Tomas, whose low voice said\n\n“It is late.”"
    assert who(text)[-1] == "Tomas"


@pytest.mark.parametrize(("text", "speakers"), [
    ("Tomas asked where the bags were. Rosa's reply, “I have lost them,” did not help him at all. "
     "“Lost them?” he repeated.", ["Rosa", "Tomas"]),
    ("“Where is everyone?” said Tomas. Rosa heard the doors open, and after a while Anna's voice: “Dinner is "
     "ready.”", ["Tomas", "Mrs. Anna Varga"]),
])
def test_a_speech_noun_a_name_owns_right_before_the_quote_tags_it(text: str, speakers: list[str]) -> None:
    assert who(text, VARGAS) == speakers


def test_said_she_between_two_quotes_still_tags_the_first() -> None:
    assert who("Rosa turned to him: “Is the ferry running?” said she, “or must we walk?”") == ["Rosa", "Rosa"]


@pytest.mark.parametrize("text", [
    "Tomas, drawing near Rosa, said:\n\n“The ferry has stopped.”",
    "Tomas, who had watched Rosa all evening, ventured to say:\n\n“The ferry has stopped.”",
    "“Come in,” called Rosa, while Tomas, shaking the rain off, said: “The ferry has stopped.”",
])
def test_a_name_inside_an_insertion_before_the_verb_is_not_its_subject(text: str) -> None:
    assert who(text)[-1] == "Tomas"


def test_explicit_reason_quotes_the_tag() -> None:
    (_, spk, reason), = run("“The river is high,” said Rosa.", ROSA_TOMAS)
    assert spk == "Rosa" and reason == 'explicit: "said Rosa"'


def test_pronoun_reason_names_the_antecedent() -> None:
    (_, spk, reason), = run("Rosa came in. “Cold,” she said.", ROSA_TOMAS)
    assert (spk, reason) == ("Rosa", "pronoun: she → Rosa")


def test_description_tag_resolves_through_the_aliases() -> None:
    cast = [("Rosa", "female", ()), ("Pedro", "male", ("her father",)), ("Ivy", "female", ("Grandma Ivy",))]
    assert who("“Come home,” her father said.", cast) == ["Pedro"]
    assert who("“Come home,” said her father.", cast) == ["Pedro"]
    assert who("“Tea?” Grandma Ivy asked.", cast) == ["Ivy"]


def test_title_description_is_the_one_cast_member_with_that_title() -> None:
    cast = [("Dr. Archie", "male", ()), ("Thea", "female", ()), ("Kronborg", "male", ())]
    text = "Kronborg opened the door. The doctor went in.\n\n“Feel sick, Thea?” the doctor asked."
    assert who(text, cast) == ["Dr. Archie"]


def test_tag_inside_an_interrupted_quote_covers_both_halves() -> None:
    assert who("“I am going,” said Tomas, “whatever the river does.”") == ["Tomas", "Tomas"]


def test_tag_before_a_colon() -> None:
    assert who("Tomas turned to the window and said:\n\n“It has stopped raining.”") == ["Tomas"]


# ------------------------------------------------------------------------------------------- beats, vocatives
def test_action_beat_in_the_same_paragraph() -> None:
    assert who("Rosa waited by the boat.\n\nTomas tied off a knot. “That will hold.”") == ["Tomas"]


def test_beat_before_a_quote_is_the_sentence_next_to_it() -> None:
    # a paragraph of narration leading into its quote: the subject nearest the quote speaks, not the first
    text = ("Rosa had lived by the river all her life. The winters were long there. "
            "Tomas came in from the yard. “The ice is breaking.”")
    assert who(text) == ["Tomas"]


@pytest.mark.parametrize("verb, reason", [("answered", "pronoun: he → Pedro"), ("replied", "pronoun: he → Pedro"),
                                          ("said", "turn-taking: 1 turn from Tomas (he fits both)")])
def test_he_answered_is_not_the_one_a_tag_just_named(verb: str, reason: str) -> None:
    # "he answered" right after "said Tomas": the one who answers is the other man; a plain "he said" fits
    # both men, and the turn decides it, with a cast list or without one
    text = ("Pedro had painted all day, and he was tired. Tomas came in.\n\n“Good evening, Pedro,” said Tomas.\n\n"
            "“Good evening,” said Pedro.\n\n“You must show it in the spring,” said Tomas.\n\n"
            f"“I shall not show it anywhere,” he {verb}, shaking his head.")
    for cast in (None, [("Tomas", "male", ()), ("Pedro", "male", ())]):
        assert run(text, cast)[-1][1:] == ("Pedro", reason)


def test_without_a_cast_list_a_conversation_is_decided_at_once() -> None:
    # discovered names, as a cast list's: the untagged lines are counted from the nearest anchor on
    # either side ("Perhaps." from Vera's line after it, not two turns from Nora's), and the decoder's
    # margin says how much worse another speaker would read
    text = ("Vera and Nora sat by the window. Vera was sewing and Nora was reading.\n\n"
            "“Is it raining?” asked Vera.\n\n“Not yet,” said Nora.\n\n“Then we can walk to the mill?”\n\n"
            "“Perhaps.”\n\n“We must go before noon,” said Vera.")
    got = [a for _, a in attributions(text)]
    assert [a.speaker for a in got] == ["Vera", "Nora", "Vera", "Nora", "Vera"]
    assert [a.reason for a in got[2:4]] == ["turn-taking: 1 turn from Nora", "turn-taking: 1 turn from Vera"]
    assert all(a.margin is not None and a.margin > 0 for a in got)


def test_said_the_voice_is_someone_of_the_scene_without_a_cast_list() -> None:
    # "said the other", "said the voice" say nothing of who speaks: the turns find them (not "The other")
    for desc in ("the other", "the voice"):
        text = ("Vera and Nora walked to the mill.\n\n“Is it far?” asked Vera.\n\n“Not far,” said Nora.\n\n"
                f"“Shall we rest?” asked Vera.\n\n“Not yet,” said {desc}.")
        assert run(text)[-1][1:] == ("Nora", "turn-taking: 1 turn from Vera")


def test_said_her_companion_is_someone_of_the_scene_without_a_cast_list() -> None:
    # "said her companion", "his friend answered": a relation to someone, no sex, no character of its own;
    # the turns find the speaker (not a new "Her companion")
    for tag in ("said her companion", "replied her friend", "said their visitor"):
        text = ("Vera and Nora walked to the mill.\n\n“Is it far?” asked Vera.\n\n“Not far,” said Nora.\n\n"
                f"“Shall we rest?” asked Vera.\n\n“Not yet,” {tag}.")
        assert run(text)[-1][1:] == ("Nora", "turn-taking: 1 turn from Vera")


def test_she_who_handed_the_letter_is_the_she_who_speaks_with_or_without_a_cast_list() -> None:
    # "She handed Vera the letter. ... she said": the "she" is the subject before Vera, even when that subject
    # is itself a pronoun (without a cast list it was the last woman named, Vera)
    text = ("“Is it done?” asked Vera.\n\n“Nearly,” said Nora.\n\nAnn went back to her sewing. Nora sealed the "
            "letter and rose.\n\nShe handed Vera the letter. “Read it,” she said.")
    for cast in (None, [("Nora", "female", ()), ("Vera", "female", ())]):
        assert run(text, cast)[-1][1:] == ("Nora", "pronoun: she → Nora")


def test_she_said_between_two_women_is_decided_by_the_turn_without_a_cast_list() -> None:
    # "she said" right after Nora's line fits both women: the turn gives it to Vera
    text = ("Vera and Nora sat by the window. Vera was sewing and Nora was reading.\n\n"
            "“Is it raining?” asked Vera.\n\n“Not yet,” said Nora.\n\n“Then we can walk to the mill,” she said.")
    assert who(text, None) == ["Vera", "Nora", "Vera"]


def test_a_name_owned_by_her_is_not_her() -> None:
    # "her Ana" is someone the woman "her" stands for has: not the "she" of the next tag; "his Ana" may be
    cast = [("Rosa", "female", ()), ("Ana", "female", ()), ("Tomas", "male", ())]
    tag = "\n\n“Why did you come?” she said to the woman."
    assert who("Rosa woke up cross. The woman by the bed was not her Ana." + tag, cast) == ["Rosa"]
    assert who("Rosa woke up cross. The woman by the bed was not Ana." + tag, cast) == ["Ana"]
    assert who("Tomas woke up cross. The man by the bed was not his Ana." + tag, cast) == ["Ana"]
    # ... and so is a name set beside "her maid": "and Ana, her young maid, had been scolded, she ..."
    text = "Rosa lit the fire. As soon as the soup was on, and Ana, {} young maid, had been scolded, she set the table."
    assert who(text.format("her") + tag, cast) == ["Rosa"]
    assert who(text.format("a") + tag, cast) == ["Ana"]


def test_said_that_is_reported_speech_not_a_tag() -> None:
    # "I answered that ..." after a quote reports the answer: the quote is the other one's question
    text = "I sat by the fire when Rosa came in.\n\n“Do you know what day it is?” I answered{}. She shook her head."
    assert who(text.format(" that it was Monday")) == ["Rosa"]
    assert run(text.format(""))[0][2] == 'explicit: "I answered" (the narrator)'


def test_she_of_a_sentence_whose_subject_is_she() -> None:
    # "She left him alone and went to get Ana a toffee.": the next "she" is the subject "she" (Rosa), not Ana;
    # with a cast list only (discovery's "she" is less sure: the mother it knows only as "the mother")
    cast = [("Rosa", "female", ()), ("Ana", "female", ()), ("Tomas", "male", ())]
    text = "Rosa took Tomas to the fair. She left him alone and went to get Ana a toffee.\n\n“Hm!” she said, pleased."
    assert who(text, cast) == ["Rosa"]


def test_vocative_names_the_listener_not_the_speaker() -> None:
    assert vocatives("Rosa, did you know that?") == ["Rosa"]
    assert vocatives("Did you know that, Rosa?") == ["Rosa"]
    # a name after "where's", "here's" is talked about, not spoken to
    assert vocatives("Where's Rosa?") == []
    assert vocatives("Here’s Rosa!") == []
    # a plain-text book writes the dash as "--": "Rosa--" is "Rosa—"
    assert vocatives("Look, Rosa—come and see.") == ["Rosa"]
    assert vocatives("Look, Rosa--come and see.") == ["Rosa"]
    text = ("Tomas and Rosa sat by the fire.\n\n“Rosa, did you know the river froze?”\n\n"
            "“I did. Everybody knows.”")
    assert who(text) == ["Tomas", "Rosa"]


def test_a_name_in_a_quotation_within_the_quote_is_not_its_listener() -> None:
    # words the speaker reports were said to someone else
    assert vocatives("He said to me, 'Good day, Quenby,' and walked on.") == []
    assert vocatives("She always calls me ‘Mr. Quenby,’ you know.") == []
    assert vocatives("He shouted 'Rosa, go!' at her, Tomas.") == ["Tomas"]


def test_a_name_after_a_preposition_is_not_the_listener() -> None:
    # "About Rosa?", "With Tomas, of course": she is a topic; clean_name would drop the preposition and keep her
    assert vocatives("About Rosa?") == []
    assert vocatives("With Tomas, of course.") == []
    assert vocatives("Well, Rosa?") == ["Rosa"]


def test_a_name_asked_after_is_not_the_listener() -> None:
    # "Rosa?" as a sentence of its own echoes a name or asks after her; "Well, Rosa?" calls her
    assert vocatives("Rosa? Why, she left an hour ago.", asked=False) == []
    assert vocatives("The boat? Tomas?", asked=False) == []
    assert vocatives("Well, Rosa?", asked=False) == ["Rosa"]
    assert vocatives("The boat? Tomas?") == ["Tomas"]       # still a name (discovery counts it)
    text = ("Rosa and Tomas sat by the fire.\n\n“Has Anna come home?”\n\n“Anna? She went to the mill.”\n\n"
            "“Then I will fetch her.”")
    assert who(text, ROSA_TOMAS + [("Anna", "female", ())]) == ["Rosa", "Tomas", "Rosa"]

def test_self_introduction() -> None:
    cast = [("Rosa", "female", ()), ("Tomas", "male", ()), ("Hale", "male", ())]
    text = "Tomas opened the door to a tall stranger.\n\n“Good evening. My name is Hale.”"
    assert who(text, cast) == ["Hale"]


def test_one_who_rings_up_and_says_who_is_speaking_opens_the_exchange() -> None:
    # no narration says who rang: "This is Anton speaking" (or "I m Anton", in a text that lost its
    # apostrophes) is the caller's own line, and the turns of the whole call count from it
    cast = [("Marta", "female", ()), ("Anton", "male", ()), ("Piet", "male", ())]
    call = ("“{hello} Is Piet there?”\n\n“He went out. Shall I say you rang?”\n\n"
            "“Please. Tell him I shall come at six.”\n\n“I will.”")
    for hello in ("This is Anton speaking.", "I m Anton speaking."):
        text = "Marta sat alone in the hall. The telephone rang and Marta answered it.\n\n" + call.format(hello=hello)
        assert who(text, cast) == ["Anton", "Marta", "Anton", "Marta"]


# ------------------------------------------------------------------------------------------- pronouns
def test_pronoun_by_gender() -> None:
    text = "Rosa and Tomas walked home. He was tired.\n\n“Let us rest,” she said."
    assert who(text) == ["Rosa"]


def test_pronoun_by_recency() -> None:
    cast = [("Ann", "female", ()), ("Mary", "female", ())]
    assert who("Ann went out. Mary stayed by the fire.\n\n“It is cold,” she said.", cast) == ["Mary"]


def test_a_she_inside_a_clause_keeps_the_subject_over_a_woman_named_after_it() -> None:
    # "that she thought of Mary": the "she" is a subject even mid-sentence, so the "her" after Mary and the
    # "said she" go on with Ann, not with the woman only talked about
    cast = [("Ann", "female", ()), ("Mary", "female", ()), ("Tomas", "male", ())]
    text = ("Ann walked with Tomas to the gate. He talked so long of the harvest that she thought of Mary, who "
            "had written to her. Her letter had been short.\n\n“I must answer it,” said she.")
    assert who(text, cast) == ["Ann"]


def test_pronoun_is_never_the_person_addressed() -> None:
    cast = [("Jo", "female", ()), ("Amy", "female", ())]
    assert who("Amy looked at Jo.\n\n“Jo, come here,” she said.", cast) == ["Amy"]


def test_his_wife_is_the_woman_with_his_surname() -> None:
    cast = [("Mr. Quenby", "male", ()), ("Mrs. Quenby", "female", ()), ("Nell", "female", ())]
    text = "Nell coughed. Mr. Quenby looked up from his book.\n\n“My dear, you are late,” replied his wife."
    assert who(text, cast) == ["Mrs. Quenby"]


def test_without_a_list_her_father_is_the_man_of_her_surname_not_the_man_named_last() -> None:
    # discovered people only: "her father" is the titled man who shares her surname, not the titled guest
    text = ("“Is it raining?” asked Mr. Brandt.\n\n“Not yet,” said Marta Brandt.\n\n“Good,” said Mr. Brandt.\n\n"
            "“Good evening,” said Mr. Lind at the door.\n\n"
            "“I am glad you came,” said Marta. Mr. Lind sat down by the fire, and he took the cup she gave him.\n\n"
            "“The tea is cold,” said her father.")
    assert who(text, None)[-1] == "Mr. Brandt"


def test_without_a_list_a_with_the_phrase_ending_the_tag_names_the_described_man() -> None:
    # "with the grey hat," is something he has and tells him from the scene's other man; "with a laugh" is how
    text = ("Tomas and Will sat at the bar. Two men came in from the rain.\n\n"
            "“Shut the door,” said the man with the grey hat.\n\n"
            "“It is shut,” said the man with a laugh.\n\n"
            "“Then lock it,” said the man with the grey hat.")
    assert who(text, None) == ["The man with the grey hat", "The man", "The man with the grey hat"]


def test_without_a_list_a_shorter_with_the_phrase_is_the_speaker_whose_name_holds_its_words() -> None:
    # "the man with the hat" after "the man with the grey hat": the same man, an adjective left out
    text = ("Tomas and Will sat at the bar. Two men came in from the rain.\n\n"
            "“Shut the door,” said the man with the grey hat.\n\n"
            "“It is shut,” said the man with a laugh.\n\n"
            "“Where is the key?” asked the man with the hat.")
    assert who(text, None)[-1] == "The man with the grey hat"


def test_without_a_list_the_second_gentleman_is_not_the_man_named_last() -> None:
    # "second" (like "other", "new") says someone besides the man just named
    text = ("“Is it late?” asked Mr. Lind.\n\n“Not yet,” said Marta.\n\n“Good,” said Mr. Lind.\n\n"
            "“Yes,” said Marta.\n\nMr. Lind nodded to two gentlemen at the next table.\n\n"
            "“You are welcome here,” said the second gentleman.")
    assert who(text, None)[-1] == "The second gentleman"


def test_her_mother_is_not_the_woman_her_stands_for() -> None:
    cast = [("Ann", "female", ()), ("Mrs. Price", "female", ()), ("Tom", "male", ())]
    text = ("Mrs. Price sat by the fire. Ann came in and took off her coat.\n\n"
            "“Where have you been?” asked her mother.")
    assert who(text, cast) == ["Mrs. Price"]


def test_possessor_is_not_the_subject() -> None:
    cast = [("Buck", "male", ()), ("Stephen", "male", ())]
    text = "Buck came over and, thrusting a hand into Stephen’s pocket, said:\n\n“Lend us your noserag.”"
    assert who(text, cast) == ["Buck"]
    text = "Stephen looked at the sea. Buck’s gay voice went on.\n\n“My name is absurd too.”"
    assert who(text, cast) == ["Buck"]


# ------------------------------------------------------------------------------------------- conversations
def test_turn_taking_alternates_between_two_people() -> None:
    text = ("Rosa looked at Tomas. “Are you coming?” she asked.\n\n“No.”\n\n“Why not?”\n\n“I am tired.”")
    got = run(text, ROSA_TOMAS)
    assert [s for _, s, _ in got] == ["Rosa", "Tomas", "Rosa", "Tomas"]
    assert all(r.startswith("turn-taking") for _, _, r in got[1:])


def test_the_main_talkers_a_conversation_weighs_are_those_of_its_part_of_the_book() -> None:
    # Tomas and Will talk most in the book, but only in its first pages; a hundred paragraphs later Marta's
    # "sir" is answered by the man who talks in this part of it, Anton, not by one of the first pages' pair
    cast = [("Tomas", "male", ()), ("Will", "male", ()), ("Marta", "female", ()), ("Anton", "male", ()),
            ("Greta", "female", ()), ("Lena", "female", ())]
    early = "".join(f"“That is story {k} of the old days,” said {'Tomas' if k % 2 else 'Will'}.\n\n" for k in range(10))
    later = ("The days went by, and the snow came and went.\n\n" * 120
             + "“The nets are torn,” said Anton.\n\n“Then mend them,” said Marta.\n\n“I mended them last week,” "
             "said Anton.\n\n“Mend them again,” said Marta.\n\n" + "The rain fell on the roofs.\n\n" * 15
             + "Greta and Lena went down to the quay.\n\n“Is the ferry in, sir?” asked Marta.\n\n“Not yet.”\n\n"
             "“Then we wait.”")
    assert who(early + later, cast)[-3:] == ["Marta", "Anton", "Marta"]


def test_who_answers_whom_is_learned_mostly_near_the_conversation() -> None:
    # Marta talks with Tomas all through the first pages, but hundreds of paragraphs later with Anton; with both
    # men at the door, her untagged question is answered by her partner of this part of the book
    cast = [("Tomas", "male", ()), ("Will", "male", ()), ("Marta", "female", ()), ("Anton", "male", ()),
            ("Greta", "female", ())]
    early = "".join(f"“That is story {k} of the old days,” said Marta.\n\n“Tell it again,” said Tomas.\n\n"
                    "The fire burned low.\n\n" for k in range(8))
    later = ("The days went by, and the snow came and went.\n\n" * 320
             + "“The nets are torn,” said Anton.\n\n“Then mend them,” said Marta.\n\n" + "The rain fell.\n\n" * 3
             + "“The boat leaks,” said Tomas.\n\nNobody answered him.\n\n“The wind is up,” said Tomas.\n\n"
             "The rain fell.\n\n“I mended them last week,” said Anton.\n\n“Mend them again,” said Marta.\n\n"
             + "".join(f"The rain fell.\n\n“Sail {k}?” said Anton.\n\n“Yes,” said Marta.\n\n" for k in range(4))
             + "The rain fell on the roofs.\n\n" * 8
             + "Tomas and Anton sat by the door.\n\n“Is the ferry in?” asked Marta.\n\n“Not yet.”\n\n“Then we wait.”")
    assert who(early + later, cast)[-3:] == ["Marta", "Anton", "Marta"]


def test_two_speakers_of_the_same_gender() -> None:
    cast = [("Ann", "female", ()), ("Mary", "female", ())]
    text = ("Ann and Mary sat down.\n\n“Tea?” asked Ann.\n\n“Please,” said Mary.\n\n“Milk?”\n\n“No, thank you.”"
            "\n\n“Sugar?” she asked.")
    assert who(text, cast) == ["Ann", "Mary", "Ann", "Mary", "Ann"]


def test_addressed_by_a_title_written_small() -> None:
    cast = [("Florence", "female", ()), ("Uncle", "male", ("Uncle John",)), ("Curtis", "male", ())]
    text = ("Florence sat by her uncle's chair.\n\n“You are not looking well to-night, uncle,” said Florence."
            "\n\n“I am not well, Florence.”")
    assert who(text, cast) == ["Florence", "Uncle"]


def test_a_reply_is_not_the_man_who_just_spoke() -> None:
    cast = [("Lord Martin", "male", ()), ("Felix", "male", ())]
    text = ("Felix stood by the easel.\n\n“It is your best work, Felix,” said Lord Martin languidly.\n\n"
            "“I don't think I shall send it anywhere,” he answered.")
    assert who(text, cast) == ["Lord Martin", "Felix"]


def test_previous_sentence_without_a_subject_is_its_one_person() -> None:
    # "Older now, worry all over her face." has no subject: the quote after it is hers
    text = "Tomas sat by the fire. Later, snow at the window. Older now, worry all over her face.\n\n“I came back.”"
    assert run(text, ROSA_TOMAS) == [
        ("I came back.", "Rosa", 'previous sentence: "Older now, worry all over her face."')]
    # a sentence that opens with its verb has the subject of the one before: Tomas looked
    assert who("Rosa looked up. Tomas stood there. Looked into her eyes.\n\n“Go.”") == ["Tomas"]


def test_previous_sentence_a_later_subject_who_speaks_takes_the_floor() -> None:
    # "He began to answer, but Rosa went on": the one who goes on speaking, not the sentence's first subject
    text = "Tomas sat by the fire. He began to answer, but Rosa went on quickly.\n\n“You must go.”"
    assert who(text, ROSA_TOMAS) == ["Rosa"]
    text = "Tomas sat by the fire. Rosa looked at the snow, and Tomas, without turning, continued.\n\n“It is late.”"
    assert who(text, ROSA_TOMAS) == ["Tomas"]
    # one who reports what was said ("answered that") does not lead into the quote
    text = "Rosa sat by the fire. Tomas asked about the mill, and she answered that it was shut.\n\n“Is the farm sold?”"
    assert who(text, ROSA_TOMAS) == ["Tomas"]


def test_previous_sentence_of_one_who_listens_is_the_other_going_on() -> None:
    # "Tomas listened.": he has not taken the floor; the quote after it is Rosa's, going on
    text = "“The mill is shut,” said Rosa.\n\nTomas listened quietly.\n\n“The farm is sold too.”"
    assert who(text, ROSA_TOMAS) == ["Rosa", "Rosa"]
    text = "“The mill is shut,” said Rosa.\n\nTomas gladly agreed.\n\n“The farm is sold too.”"
    assert who(text, ROSA_TOMAS) == ["Rosa", "Rosa"]
    # ... but one silent only until something happens speaks next
    text = "“The mill is shut,” said Rosa.\n\nTomas said nothing until the tea came.\n\n“Is the farm sold?”"
    assert who(text, ROSA_TOMAS) == ["Rosa", "Tomas"]


def test_one_who_listens_after_a_line_the_turns_gave_lets_its_speaker_go_on() -> None:
    # the line before "Marta listened quietly." has no tag: the turns give it to Tomas, who goes on after it
    cast = [("Marta", "female", ()), ("Tomas", "male", ())]
    text = ("Tomas came into the kitchen where Marta sat mending a net.\n\n“Is the boat back?” asked Tomas.\n\n"
            "“Not yet.”\n\n“Then we must wait for it.”\n\nMarta listened quietly.\n\n"
            "“We could walk down to the harbour.”\n\n“If you like.”\n\n“Then come.”")
    assert who(text, cast) == ["Tomas", "Marta", "Tomas", "Tomas", "Marta", "Tomas"]


def test_a_narrator_who_only_nods_lets_the_one_who_spoke_go_on() -> None:
    # told in the first person: "I nodded." / "I said nothing." is the narrator's silent answer, and the one who
    # asked goes on; where the narrator acts otherwise, the turns decide as before
    cast = [("Marta", "female", ()), ("Nils", "male", ())]
    intro = ("I came up from the station in the rain, and I was glad of the fire in my aunt's kitchen. I sat by it "
             "and I warmed my hands while my aunt cut the bread.\n\n“Are you cold, Nils?” asked Marta.\n\n"
             "“A little,” I said.\n\n“You will stay the week?” asked Marta.\n\n")
    for reaction in ("I nodded.", "I shook my head slowly.", "I said nothing."):
        assert who(intro + reaction + "\n\n“Then you can help me with the orchard.”", cast)[-1] == "Marta"
    assert who(intro + "I put down my cup.\n\n“I cannot stay so long.”", cast)[-1] == "Nils"
    # the line before the nod had no tag: the turns give it to Marta, and she goes on after it all the same
    text = intro.replace("“You will stay the week?” asked Marta.", "“You will stay the week?”")
    got = attributions(text + "I nodded.\n\n“Then you can help me with the orchard.”", cast)
    assert [a.speaker for _q, a in got][-2:] == ["Marta", "Marta"] and "Nils listens" in got[-1][1].reason


def test_a_scene_break_ends_the_scene() -> None:
    # the sentence before a scene break does not lead into the first quote after it ...
    text = "“The mill is shut,” said Rosa.\n\nTomas went to bed.\n\n* * *\n\n“Is anyone awake?”"
    got = attributions(text, ROSA_TOMAS)
    assert got[1][1].rule != PREVIOUS
    # ... nor does a conversation run across it: the line after it is no turn counted from the one before
    text = "“The mill is shut,” said Rosa.\n\n* * *\n\n“Is anyone awake?”"
    got = attributions(text, ROSA_TOMAS)
    assert "turn" not in got[1][1].reason and got[1][1].rule not in (TURNS, ANSWERS)


def test_a_quote_that_continues_one_nobody_is_given_takes_its_own_tag() -> None:
    # the paragraph before ends without a closing mark, so the next quote continues it; no tag gives the
    # first its speaker before the turns do, and the continuation's own "said Tomas" does: it is Tomas's, not
    # nobody's ("")
    text = ("“The mill is shut,” said Rosa.\n\n“I would have sent word to the farm, but the road was--\n\n"
            "“You forget the miller,” said Tomas, “he has a boat.”")
    assert who(text)[2:] == ["Tomas", "Tomas"]
    # where the quote it continues has a speaker by then, that speaker goes on
    text = ("“The mill is shut,” said Rosa. “I would have sent word to the farm, but the road was flooded.\n\n"
            "“The miller has a boat.”")
    assert who(text) == ["Rosa", "Rosa", "Rosa"]


def test_read_backwards_a_scene_break_stays_between_its_paragraphs() -> None:
    ms = parse_text("# One\n\n# Two\n\nRosa sat.\n\n* * *\n\nTomas stood.\n\nRosa left.")
    back = _backwards(ms)       # the confidence's other reading; a chapter with no paragraph is no trouble
    assert [[(p.raw, p.brk) for p in ch.paragraphs] for ch in back.chapters] == [
        [], [("Rosa left.", "paragraph"), ("Tomas stood.", "paragraph"), ("Rosa sat.", "scene")]]


def test_a_short_stock_phrase_is_no_echo() -> None:
    # "Of course not." is said by anyone: Tomas's tagged one does not decide the line nothing else decides; a
    # longer line repeated word for word is an echo
    pause = "\n\nThe snow fell all night. It was cold in the house.\n\n"
    text = f"“Of course not,” said Tomas.{pause}“Of course not.”"
    assert attributions(text, ROSA_TOMAS)[-1][1].rule != ECHO
    text = f"“The river is high tonight,” said Tomas.{pause}“The river is high tonight.”"
    assert [(a.speaker, a.rule) for _, a in attributions(text, ROSA_TOMAS)][-1] == ("Tomas", ECHO)


def test_quote_running_over_paragraphs_keeps_one_speaker() -> None:
    text = ("“It began long ago,” said Rosa. “We were young.\n\n“Then the war came, and we left.”\n\n"
            "Tomas nodded.")
    assert who(text) == ["Rosa", "Rosa", "Rosa"]


def test_nested_quote_stays_in_the_outer_line() -> None:
    got = run("“He told me ‘go home’ and walked off,” said Rosa.", ROSA_TOMAS)
    assert got == [("He told me ‘go home’ and walked off,", "Rosa", 'explicit: "said Rosa"')]


def test_name_that_first_appears_after_its_owner_spoke() -> None:
    text = ("Tomas was alone in the kitchen.\n\n“Good morning,” said a voice. It was Rosa, who had come in unheard."
            "\n\nTomas gave Rosa a cup. He liked Rosa, and Rosa knew it.")
    assert who(text) == ["Rosa"]
    assert who(text, None) == ["Rosa"]


def test_the_old_lady_without_a_cast_list_is_the_one_the_narration_calls_old() -> None:
    text = ("Old Mrs. Brandt sat by the window. Mrs. Brandt had sat there all her life.\n\n"
            "“Is it late?” asked Mrs. Brandt.\n\n“Not yet,” said Nelly.\n\n"
            "“Here are the letters,” said Tomas, and he gave them to Nelly.\n\n"
            "“Put them on the table,” said the old lady.")
    assert who(text, None)[-1] == "Mrs. Brandt"


def test_first_person_narrator_from_the_cast_list() -> None:
    # the narrator says "I said"; the first listed character no tag names is the narrator
    cast = [("Allan", "male", ()), ("Good", "male", ()), ("Henry", "male", ())]
    text = ("I lit the lamp, and Good and Henry sat by me. I was glad of it, and I said so.\n\n"
            "“Old friends,” I said, “how long is it?”\n\n“Three years,” said Good.")
    assert who(text, cast) == ["Allan", "Allan", "Good"]
    listed = cast + [("I (the narrator)", "male", ())]
    assert who(text, listed)[:2] == ["I (the narrator)"] * 2


@pytest.mark.parametrize("text", [
    "“Kitty has no discretion,” said her father; “she times them ill.”",
    "“Hold still,” said the man, licking his lips, “or I bite.”",
])
def test_second_half_of_an_interrupted_quote_is_speech(text: str) -> None:
    got = run(text, [("Kitty", "female", ()), ("Mr. Price", "male", ("her father", "the man"))])
    assert len(got) == 2 and got[0][1] == got[1][1] == "Mr. Price"


def test_short_lines_one_after_another_are_dialogue() -> None:
    text = "“Beating people down?”\n“O no.”\n“What, then?”\n"
    assert len(run(text, ROSA_TOMAS)) == 3


def test_scare_quotes_stay_narration() -> None:
    assert run("Mary said they were “full of lace.” They looked fuller of lace than ever.", ROSA_TOMAS) == []


def test_inline_tag_wins_with_full_confidence() -> None:
    ms = parse_text("[Tomas]“The river is high,” said Rosa.")
    found = attribute(ms, Cast.from_characters([Character("Rosa"), Character("Tomas")]))
    assert (found[0].speaker, found[0].confidence, found[0].reason) == ("Tomas", 1.0, "tag")


def test_the_rule_kind_is_a_field_beside_the_reason() -> None:
    """The passes read what kind of rule decided a line from ``Attribution.rule`` (the pronoun from ``pronoun``,
    a speech tag's words from ``said``), not from the reason's wording."""
    text = ("[Tomas]“The river is high.”\n\n“It is,” said Rosa.\n\n“Too high,” he said.\n\n"
            "Rosa frowned. “We wait, then.”")
    got = [(a.rule, a.pronoun, a.said) for _, a in attributions(text, ROSA_TOMAS)]
    assert got == [(TAG, "", ""), (EXPLICIT, "", "said Rosa"), (PRONOUN, "he", ""), (BEAT, "", "")]


def test_first_person_narrator() -> None:
    text = ("I walked to the station with Tomas.\n\n“Is it far?” I asked.\n\n“Not far,” said Tomas.")
    assert who(text, [("Tomas", "male", ())]) == [UNNAMED_NARRATOR, "Tomas"]
    assert who(text, None) == [UNNAMED_NARRATOR, "Tomas"]
    named = "I walked to the station with Tomas. My name is Pip, by the way.\n\n“Is it far?” I asked."
    assert who(named, [("Pip", "male", ()), ("Tomas", "male", ())]) == ["Pip"]


def test_first_person_narrator_is_the_name_someone_called_them() -> None:
    text = "I lived with Tomas on the farm, and Tomas called me Pim.\n\n“Is it far?” I asked."
    assert who(text, [("Tomas", "male", ()), ("Pim", "male", ())]) == ["Pim"]


def test_first_person_narrator_is_the_one_addressed_a_paragraph_before() -> None:
    # "..., Marlow?" then a paragraph of narration, then "I said": Marlow is the narrator; Tomas, addressed
    # as often but named by a tag in the third person ("said Tomas"), is not
    text = ("I sat with Tomas and Rosa by the fire. I had not slept.\n\n"
            "“Where shall we go, Marlow?” said Tomas.\n\nI lit my pipe and thought for a while.\n\n"
            "“To the sea,” I said.\n\n“Tomas, you hear?” said Rosa.\n\n“I hear,” said Tomas.\n\n"
            "“Sit down, Tomas,” said Rosa.\n\n“Then it is settled,” I said.\n\n“Good night, Marlow,” said Rosa."
            "\n\n“Tomas, come,” said Rosa.")
    assert who(text, None) == ["Tomas", "Marlow", "Rosa", "Tomas", "Rosa", "Marlow", "Rosa", "Rosa"]


def test_first_person_narrator_named_by_a_name_discovery_does_not_know() -> None:
    # "Jane" is addressed once only (no character), but a known first name: the narrator is Jane;
    # "Boh" is no first name and names nobody
    text = ("I sat by the window with my book. I was cold, and I was alone.\n\n"
            "“Come away from the window, {}!” said Mrs. Quenby.\n\n“Yes, ma'am,” I said.")
    assert who(text.format("Jane"), None) == ["Mrs. Quenby", "Jane"]
    assert who(text.format("Boh"), None) == ["Mrs. Quenby", UNNAMED_NARRATOR]
    # a name alone that the narrator answers with: "Jonathan Vale."
    text = ("I knocked at the door and I waited. My hands were cold.\n\n“Who is there?” asked a voice.\n\n"
            "“Yes,” I said, “Jonathan Vale.”")
    assert who(text, None)[1:] == ["Jonathan Vale", "Jonathan Vale"]


def test_without_a_cast_list_she_said_is_not_handed_to_the_other_woman_by_the_turn() -> None:
    # with a cast list "she" in a two-woman conversation follows the turn; without one only when the other
    # woman speaks in it: the one discovery knows may be a cat Rosa talks to
    text = ("Rosa sat alone in the cellar and thought of Dinah, her cat.\n\n"
            "“Dinah, you would like it here,” said Rosa.\n\n“It is very dark,” she said.\n\n"
            "“Dinah, I wish you were here,” said Rosa.")
    assert who(text, None) == ["Rosa", "Rosa", "Rosa"]


# ------------------------------------------------------------------------------------------- discovery
def test_discovery_merges_title_and_surname_and_finds_gender() -> None:
    text = ("Mr. Hale came into the room and sat down. He looked tired.\n\n“Good evening,” said Hale.\n\n"
            "Margaret smiled at him. She was glad to see him.\n\n“You are late,” said Margaret.\n\n"
            "“The train was slow,” Mr. Hale said.\n\n“It always is,” Margaret said.")
    cast = discover(parse_text(text))
    people = {p.name: p for p in cast.people.values()}
    assert set(people) == {"Mr. Hale", "Margaret"}
    assert "Hale" in people["Mr. Hale"].aliases
    assert people["Mr. Hale"].gender == "male" and people["Margaret"].gender == "female"
    assert who(text, None) == ["Mr. Hale", "Margaret", "Mr. Hale", "Margaret"]


def test_discovery_finds_gender_when_a_paragraph_has_two_people() -> None:
    # he/she after the one name of its sentence (or of the sentence before), "his" after the one name
    # of its sentence: weaker votes, used when no paragraph has the person alone
    # (Vanstone and Quill are in no first-name list: their gender can only come from the text)
    text = ("Vanstone and Holmes sat by the fire. Holmes leaned back in his chair.\n\n"
            "“Good,” said Holmes.\n\n“Quite,” said Vanstone.\n\n"
            "Quill and Beatrice walked in. Beatrice laughed. She was happy.\n\n"
            "“Hello,” said Beatrice.\n\n“Hi,” said Quill.\n\n"
            "Quill and Ann sat down. Ann smoothed her skirt.\n\n“Well?” said Ann.")
    people = {p.name: p for p in discover(parse_text(text)).people.values()}
    assert people["Holmes"].gender == "male" and people["Beatrice"].gender == "female"
    assert people["Ann"].gender == "female"     # "her" after the one name of its sentence, a weaker vote
    assert people["Vanstone"].gender == "unknown" and people["Quill"].gender == "unknown"


def test_discovery_falls_back_on_the_first_name_when_no_pronoun_says() -> None:
    # no he/she settles Harriet or Kit: the name list says Harriet is a woman, so "Mr. Quenby" is not her
    text = ("Harriet Quenby and Kit Quill stood at the gate.\n\n“Late again,” said Harriet Quenby.\n\n"
            "“The train,” said Kit Quill.\n\n“Nonsense,” said Mr. Quenby.\n\n“Hush,” said Harriet.")
    people = {p.name: p for p in discover(parse_text(text)).people.values()}
    assert people["Harriet Quenby"].gender == "female" and "Mr. Quenby" not in people["Harriet Quenby"].aliases
    assert people["Mr. Quenby"].gender == "male"
    assert people["Kit Quill"].gender == "unknown"        # Kit is given to boys and girls alike
    # many pronouns come first: Evelyn is mostly a girl's name, but this Evelyn is "he" again and again
    text = "Evelyn came in. He took off his hat.\n\n" * 10 + "“Cold,” said Evelyn.\n\n“Sit down,” said Mr. Quenby."
    assert {p.name: p for p in discover(parse_text(text)).people.values()}["Evelyn"].gender == "male"


def test_discovered_description_takes_its_gender_from_pronouns() -> None:
    # "porter" carries no gender; "The porter rubbed his eyes. He was tired." gives it one
    text = ("“Who goes there?” asked the porter.\n\nThe porter rubbed his eyes. He was tired.\n\n"
            "“Only me,” said Tom.\n\n“Come in,” said the porter.")
    people = {p.name: p for p in discover(parse_text(text)).people.values()}
    assert people["The porter"].gender == "male"


def test_discovery_drops_places_and_kinds() -> None:
    # a capital mostly after "in", "at", "from", "a", "the" and never spoken to is a place or a kind
    text = ("Anna lived in Bestwood. She walked from Bestwood to the mill each day, and Bestwood slept.\n\n"
            "“Morning,” said Anna. Anna was a Catholic, like a Catholic of the old days.\n\n"
            "“Morning,” said Tom.\n\n“Late again,” said Anna to Tom at the Bestwood gate.")
    people = {p.name for p in discover(parse_text(text)).people.values()}
    assert "Bestwood" not in people and "Catholic" not in people
    assert {"Anna", "Tom"} <= people


def test_discovery_merges_title_and_first_name_into_the_full_name() -> None:
    text = ("Sir Henry Curtis came in and sat down.\n\n“Well,” said Sir Henry Curtis.\n\n"
            "“Sit down,” said Sir Henry.\n\n“Thank you,” said Anna.\n\n“Tea?” said Sir Henry.")
    people = {p.name: p for p in discover(parse_text(text)).people.values()}
    assert "Sir Henry" not in people and "Sir Henry" in people["Sir Henry Curtis"].aliases


def test_discovery_takes_interjections_for_no_one() -> None:
    text = "“Pooh!” said the girl.\n\n“Pooh, Tomas!” said the girl.\n\n“Fie, Tomas!” said the girl. Pooh, indeed."
    assert "Pooh" not in discover(parse_text(text)).people


def test_discovery_takes_a_common_word_for_a_name_when_tags_name_it() -> None:
    # "Good" is mostly "Good morning", but "said Good" twice makes it someone's name; then "Shut up,
    # Good!" addresses him, and Good answers
    text = ("“We should start,” said Good.\n\n“Not yet,” said Tomas.\n\n“Why not?” said Good.\n\n"
            "“Shut up, Good!” said Tomas.\n\n“I only asked.”")
    cast = discover(parse_text(text))
    assert "Good" in cast.people and cast.addressed("Shut up, Good!") == ["Good"]
    assert who(text, None) == ["Good", "Tomas", "Good", "Tomas", "Good"]
    assert "Good" not in discover(parse_text("“Good morning,” said Tomas. “Good,” said Rosa.")).people


def test_discovery_a_description_is_the_one_name_in_apposition_with_its_noun() -> None:
    # "Pim, a boy of seven": "the boy" who keeps speaking is Pim (no other name is called a boy)
    text = ("Rosa was sewing when Pim, a boy of seven, ran in.\n\n“Can I go?” asked the boy.\n\n"
            "“No,” said Rosa.\n\n“Please,” said the boy.\n\n“Later,” said Rosa.\n\n“Now!” cried the boy.")
    assert who(text, None) == ["Pim", "Rosa", "Pim", "Rosa", "Pim"]
    two = text.replace("ran in.", "ran in with Tam, a boy of nine.")
    assert who(two, None)[0] == "The boy"


def test_a_description_that_introduces_itself_is_that_person() -> None:
    # "I am Ida Vale," the little girl said: from then on the little girl is Ida Vale
    text = ("“Who are you?” asked the man.\n\n“I am Ida Vale,” said the little girl.\n\n"
            "“Where is your mother?”\n\n“Gone away,” said the little girl.")
    assert who(text, None) == ["The man", "Ida Vale", "The man", "Ida Vale"]


def test_without_a_cast_list_the_girl_is_the_girl_just_named() -> None:
    text = ("Mr. Quenby had not seen Lucy for years, and Lucy knew it; so Lucy sat down by him.\n\n"
            "“I am so glad to see you,” said the girl.\n\n“And I you,” said Mr. Quenby, and Lucy smiled.")
    assert who(text, None) == ["Lucy", "Mr. Quenby"]
    text2 = ("Mrs. Quenby sat down, and Mrs. Quenby sighed, and at last Mrs. Quenby spoke.\n\n"
             "“It will rain,” said the {}.")
    assert who(text2.format("worthy woman"), None) == ["Mrs. Quenby"]
    assert who(text2.format("woman"), None) == ["The woman"]
    # "the man" is mostly someone new; a name read long before is not "the girl"
    assert who("Tomas sat by the door. He waited.\n\n“Who are you?” said the man.", None) == ["The man"]
    long_ago = text.replace("by him.\n\n", "by him. " + "The rain fell. " * 6 + "\n\n", 1)
    assert who(long_ago, None)[0] == "The girl"


def test_without_a_cast_list_the_boy_is_not_the_man_he_answers() -> None:
    # the line before the boy's was untagged ("Mark nodded." / "Yes. Sit down."): the boy answers Mark
    text = ("Mark came home late. Tom ran to the door.\n\n“Where were you?” Tom asked.\n\n“Working,” said Mark."
            "\n\nTom looked at his father. Mark nodded.\n\n“Yes. Sit down.”\n\nThe boy frowned and said softly:"
            "\n\n“No.”")
    assert who(text, None) == ["Tom", "Mark", "Mark", "Tom"]


def test_without_a_cast_list_her_mother_is_the_other_woman_just_named() -> None:
    text = ("“Sit down,” said Mrs. Quenby to Lucy.\n\n“I would rather stand,” said Lucy.\n\n"
            "Mrs. Quenby looked at Lucy. Lucy sighed.\n\n“Sit up straight,” cried her mother.")
    assert who(text, None) == ["Mrs. Quenby", "Lucy", "Mrs. Quenby"]


def test_without_a_cast_list_her_mother_is_the_woman_with_a_mothers_title_named_lately() -> None:
    # "said her mother" where Mrs. Brandt was named a few sentences back and Greta since: Mrs. Brandt, not the
    # words themselves as a character of their own; so "his father" of Mr. Lind
    text = ("“Is the kettle on?” asked Mrs. Brandt.\n\n“Not yet,” said Marta.\n\nMrs. Brandt went back to her "
            "letters. Marta stood at the window and watched the rain. Greta ran past with a basket, and Marta waved "
            "to her. The lane was full of puddles. A cart went by. The rain did not stop.\n\n“May I go out?” said "
            "Marta.\n\n“Not in this weather,” said her mother.")
    assert who(text, None) == ["Mrs. Brandt", "Marta", "Marta", "Mrs. Brandt"]
    text = ("“Where is the boat?” asked Mr. Lind.\n\n“On the beach,” said Anton.\n\nMr. Lind went back to his "
            "nets. Anton sat on the step and watched the sea. Piet came up the path with the oars, and Anton nodded "
            "to him. The tide was out. A gull cried. The wind dropped.\n\n“Can I take her out?” said Anton.\n\n"
            "“Not today,” said his father.")
    assert who(text, None) == ["Mr. Lind", "Anton", "Anton", "Mr. Lind"]


def test_without_a_cast_list_her_mother_is_the_mrs_just_named_when_her_daughter_spoke() -> None:
    # the woman named last is herself the family's "Mrs.", and a "Miss" of her surname spoke lately: "her" is the
    # daughter, and the mother is the Mrs. (as with a list), not the daughter nor "her mother" as a new character
    text = ("“Is the soup ready?” asked Miss Brandt.\n\n“Nearly,” said Mrs. Brandt, and tasted it.\n\n"
            "“May I have some?” Miss Brandt asked. Mrs. Brandt only laughed.\n\n"
            "“Wait for your father,” said her mother.")
    assert who(text, None) == ["Miss Brandt", "Mrs. Brandt", "Miss Brandt", "Mrs. Brandt"]


def test_without_a_cast_list_his_mother_is_of_the_family_of_the_one_the_quote_calls() -> None:
    # “..., Anton,” said his mother: "his" is Anton, whom the quote calls, not Mr. Brandt, the man named last
    text = ("“Is the boat ready?” asked Anton Lind.\n\n“Almost,” said Mrs. Lind.\n\n“I can carry the oars,” said "
            "Mr. Brandt.\n\n“And I the basket,” said Mrs. Brandt.\n\nMrs. Lind went down to the water first. Mr. "
            "Brandt and his wife came after her.\n\n“Come back before dark, Anton,” said his mother.")
    assert who(text, None) == ["Anton Lind", "Mrs. Lind", "Mr. Brandt", "Mrs. Brandt", "Mrs. Lind"]


def test_discovery_takes_a_pet_name_for_the_one_given_name_it_stands_for() -> None:
    text = ("“Come here, Lizzy,” said Mrs. Quenby.\n\n“Yes, mamma,” said Elizabeth.\n\n"
            "“Lizzy, sit down,” said Mrs. Quenby.\n\n“I am tired,” said Elizabeth.")
    people = {p.name: p for p in discover(parse_text(text)).people.values()}
    assert "Lizzy" not in people and "Lizzy" in people["Elizabeth"].aliases
    assert who(text, None) == ["Mrs. Quenby", "Elizabeth", "Mrs. Quenby", "Elizabeth"]


def test_a_description_answering_a_vocative_is_the_person_addressed_before_and_after() -> None:
    # "Upon my word, Felix!" / answered the artist: the artist is Felix, in his first line too
    text = ("“It is my best picture,” said the artist.\n\n“Upon my word, Felix!” said Tomas.\n\n"
            "“You don't understand,” answered the artist.\n\n“Felix, send it away,” said Tomas.")
    assert who(text, None) == ["Felix", "Tomas", "Felix", "Tomas"]


def test_a_role_named_by_a_vocative_but_speaking_far_more_than_the_name_keeps_its_lines() -> None:
    # "Ivo, come here!" then "cried the croupier": the vocative named the croupier Ivo once, but the croupier
    # speaks eight times and Ivo's own tags once: a role of its own, not Ivo
    lines = ["“Stake it all, Ivo!” said Marta.", "“Zero!” cried the croupier."]
    lines += ["“Yes, madam,” said Ivo."]
    lines += [f"Marta lost again. Then the croupier called out, “Number {n}!”" for n in range(1, 8)]
    assert who("\n\n".join(lines), None) == ["Marta", "The croupier", "Ivo"] + ["The croupier"] * 7
    # a name no tag gives ("Pa'son!" only ever called) is the role's own: the join holds
    called = [lines[0], lines[1], *lines[3:]]
    assert who("\n\n".join(called), None) == ["Marta"] + ["Ivo"] * 8


def test_a_name_in_apposition_is_not_called() -> None:
    # "my sister's son, Tomas, cut his arm": the son is named, not spoken to (nor is "our cousin, Miss Pim,")
    assert vocatives("There was my sister's son, Tomas, cut his arm.") == []
    assert vocatives("There was my sister s son, Tomas, cut his arm.") == []
    assert vocatives("You know our cousin, Miss Pim, of course.") == []
    # "your aunt, Lena" and "my dear, Tomas" are calls all the same
    assert vocatives("I hope you did not wake your aunt, Lena.") == ["Lena"]
    assert vocatives("Yes, Tomas, I will.") == ["Tomas"]


def test_without_a_cast_list_he_said_with_no_man_known_is_the_man_a_description_brought_in() -> None:
    text = ("Mrs. Quenby opened the door to her visitor and the children.\n\n“A room, please,” he said.\n\n"
            "“Yes, sir,” said Mrs. Quenby.")
    assert who(text, None) == ["Her visitor", "Mrs. Quenby"]
    # and so is the "he" of an action beat
    text = "Mrs. Quenby let an old man in.\n\nHe bowed. “A room, please.”\n\n“Yes, sir,” said Mrs. Quenby."
    assert who(text, None) == ["An old man", "Mrs. Quenby"]
    # the latest description wins, even of no stated sex: "a man" passed, "her visitor" came in
    later = ("Mrs. Quenby saw a man pass by, and then let her visitor in.\n\n“A room,” he said.\n\n"
             "“Yes,” said Mrs. Quenby.")
    assert who(later, None) == ["Her visitor", "Mrs. Quenby"]
    # "our guest" brings him in; "was a quiet man" says what he is and brings no one new
    guest = "Mrs. Quenby was out. Our guest was a quiet man.\n\n“Pass the salt,” he said.\n\n“Yes,” said Mrs. Quenby."
    assert who(guest, None) == ["Our guest", "Mrs. Quenby"]
    # "the doctor" is Dr. Quenby, known already: no one new for "she"
    doc = ("Dr. Quenby came in; he was tired.\n\n“Well?” said Dr. Quenby.\n\nThe doctor looked at the bed.\n\n"
           "“I am cold,” she said.")
    assert who(doc, None)[1] != "The doctor"
    # Tomas is only ever spoken to: not the "he" of the old man who came in
    told = ("“Sit down, Tomas,” said Mrs. Quenby. “Eat, Tomas.”\n\nThen Mrs. Quenby let an old man in.\n\n"
            "“A room, please,” he said.")
    assert who(told, None)[-1] == "An old man"
    assert who(told.replace("“A room, please,” he said.", "He bowed. “A room, please.”"), None)[-1] == "An old man"
    # the old man of the last chapter is nobody in this one
    two = "# One\n\nMrs. Quenby let an old man in.\n\n# Two\n\n“A room,” he said.\n\n“Yes, sir,” said Mrs. Quenby."
    assert who(two, None)[0] != "An old man"
    # someone of unknown sex (Quill is in no name list) is only a guess for "he": the old man is surer
    assert who("Quill let an old man in.\n\n“A room,” he said.\n\n“Yes, sir,” said Quill.", None) == \
        ["An old man", "Quill"]


def test_a_description_answering_what_name_is_that_name() -> None:
    # "What name?" / "Quenby,--second floor.": the gentleman is Mr. Quenby, in all his lines
    text = ("“Shine your boots, sir?” asked Tomas.\n\n“How much?” asked the gentleman.\n\n“Ten cents.”\n\n"
            "“Bring the change to my office.”\n\n“Yes, sir. What name?”\n\n“Quenby,--office on second floor.”\n\n"
            "Mr. Quenby walked off, and Tomas looked after Mr. Quenby; he liked Mr. Quenby.")
    assert who(text, None) == ["Tomas", "Mr. Quenby", "Tomas", "Mr. Quenby", "Tomas", "Mr. Quenby"]
    # "Tell us your name!" / "Tom, sir.": the one who answers is Tom; "his name" is someone else's
    assert who("“Tell us your name!” said the man.\n\n“Tom, sir.”", None) == ["The man", "Tom"]
    assert who("“What is his name?” asked Rosa.\n\n“Bingley.”", None)[1] != "Bingley"


def test_a_voice_of_someone_is_that_someone() -> None:
    assert who("“Come in,” called a girl's voice.", None) == ["A girl"]
    assert who("Tomas sat down.\n\n“Well?” interrupted his mother's low voice.", None) == ["His mother"]


@pytest.mark.parametrize("place", ["behind", "beside", "near", "across the room from", "among", "under"])
def test_a_name_after_a_preposition_of_place_in_a_tag_is_not_the_speaker(place: str) -> None:
    # "said a voice behind Rosa": the voice is someone by Rosa, not Rosa
    text = f"Tomas and Rosa sat by the fire.\n\n“Is anyone there?” said a voice {place} Rosa."
    assert who(text) != ["Rosa"]
    assert who(text, None) != ["Rosa"]
    assert who(f"Tomas sat by the fire.\n\n“Is anyone there?” said Rosa {place} him.") == ["Rosa"]
    # nor is the I of the next clause: "asked a voice behind me, and I turned to find Rosa"
    text = f"I sat by the fire with Tomas.\n\n“Who is there?” asked a voice {place} me, and I turned to find Rosa."
    assert who(text) == ["Rosa"]


def test_a_description_answering_a_name_discovery_does_not_know_is_that_name() -> None:
    text = ("“Feel sick, {}?” asked the doctor.\n\n“A little,” said the little girl.\n\n“Sleep now,” said the doctor."
            "\n\n“I will,” said the little girl.")
    assert who(text.format("Ida"), None) == ["The doctor", "Ida", "The doctor", "Ida"]
    assert who(text.format("Barney"), None)[1] == "The little girl"     # Barney is a boy's name
    # and the one the answer addresses: "Tell me," said the little girl. / "Yes, Ida," said the doctor.
    reply = "“Tell me,” said the little girl.\n\n“Yes, Ida,” said the doctor."
    assert who(reply, None) == ["Ida", "The doctor"]
    # a description the cast list names stays itself
    listed = [("The little girl", "female", ()), ("The doctor", "male", ())]
    assert who(reply + "\n\n“Why?” said the little girl.", listed) == \
        ["The little girl", "The doctor", "The little girl"]
    # so is "a girl", "my sister": any description, not only "the ..."
    assert who(text.format("Ida").replace("the little girl", "my sister"), None) == ["The doctor", "Ida"] * 2


def test_a_relation_the_text_names_is_that_name() -> None:
    # "my aunt ... Her name was Ida": "my aunt" of the tags is Ida; "my son ... his name's Pim": not the old man
    text = "I loved my aunt, and my aunt loved me. Her name was Ida.\n\n“Come here,” said my aunt."
    assert who(text, None) == ["Ida"]
    text = "“This is my son,” said the old man; “his name’s Pim.”\n\n“Hello,” said the son."
    assert who(text, None) == ["The old man", "The old man", "Pim"]
    # "their daughter, Ida," (a relation set beside a name): "said my daughter" is Ida
    text = "Their daughter, Ida, was born in the spring.\n\nYears later: “I am hungry,” said my daughter."
    assert who(text, None) == ["Ida"]


def test_discovery_without_a_cast_uses_descriptions_as_speakers() -> None:
    assert who("“Who goes there?” cried the old sentry.", None) == ["The old sentry"]
    # a description opening the sentence before the verb: "The old sailor said"
    assert who("The old sailor said, “Storm coming.”", None) == ["The old sailor"]
    assert who("Rosa waited. The old sailor said:\n\n“Storm coming.”", None) == ["The old sailor"]


@pytest.mark.parametrize(("text", "last", "expected"), [
    (" the painter.", False, "the painter"),
    (" in a thin, elderly gentleman.", False, "a thin, elderly gentleman"),
    (" his hand again", False, None),          # an object, not a person
    (" the boy half asleep", False, "the boy"),
    (" Philip's nurse", False, "Philip's nurse"),
    ("Then the old man", True, "the old man"),
])
def test_description(text: str, last: bool, expected: str | None) -> None:
    assert description(text, last=last) == expected


# ------------------------------------------------------------------------------------------- review and cast
BOOK = ("# One\n\nRosa was cold. She wanted to go home.\n\n"
        "Tomas waited for Rosa by the gate. At last Rosa looked at him. “Are you coming?” she asked."
        "\n\n“No.”\n\n“Why not?”\n\n“I am tired,” said Tomas.\n\nShe left him there, and he watched Rosa go.\n")


def write_book(root: Path, text: str = BOOK, yaml: str = 'title: "T"\n') -> Path:
    (root / "manuscript").mkdir(parents=True)
    (root / "manuscript" / "book.yaml").write_text(yaml, encoding="utf-8")
    (root / "manuscript" / "01.md").write_text(text, encoding="utf-8")
    return root


def test_review_lists_least_sure_first_with_context(tmp_path: Path) -> None:
    book = load_book(write_book(tmp_path))
    from audiobook.text.script import build_script
    items = review(build_script(book), book.root)
    confidences = [r.line.confidence for r in items]
    assert confidences == sorted(confidences) and items
    first = items[0]
    assert first.location.startswith("manuscript/01.md:")
    line = int(first.location.rsplit(":", 1)[1])
    assert first.line.text in (book.root / "manuscript/01.md").read_text(encoding="utf-8").splitlines()[line - 1]
    assert first.fix.startswith("[") and "]“" in first.fix
    assert ">>[" in first.paragraph


def test_review_never_lists_inline_tags(tmp_path: Path) -> None:
    book = load_book(write_book(tmp_path, "[Rosa]“Hello.”\n\n[Tomas]“Hi.”\n"))
    from audiobook.text.script import build_script
    assert review(build_script(book), book.root) == []


def test_cli_script_review(tmp_path: Path) -> None:
    write_book(tmp_path)
    r = CliRunner().invoke(cli, ["script", "--book", str(tmp_path), "--review", "--limit", "2"])
    assert r.exit_code == 0, r.output
    assert r.output.count("manuscript/01.md:") == 2
    assert "fix: write the speaker in brackets" in r.output and "before:" in r.output
    r = CliRunner().invoke(cli, ["script", "--book", str(tmp_path), "--review", "--format", "jsonl"])
    rows = [json.loads(x) for x in r.output.splitlines()]
    assert rows and {"location", "speaker", "confidence", "reason", "before", "after", "fix"} <= set(rows[0])


def test_every_dialogue_line_has_confidence_and_reason(tmp_path: Path) -> None:
    write_book(tmp_path)
    r = CliRunner().invoke(cli, ["script", "--book", str(tmp_path), "--format", "jsonl"])
    rows = [json.loads(x) for x in r.output.splitlines()]
    dialogue = [x for x in rows if x["kind"] == "dialogue"]
    assert len(dialogue) == 4
    assert all(0 < x["confidence"] <= 1 and x["reason"] for x in dialogue)


def test_cast_lists_discovered_characters(tmp_path: Path) -> None:
    write_book(tmp_path)
    entries = {e.name: e for e in cast_of(load_book(tmp_path))}
    assert entries["Tomas"].lines == 2 and entries["Rosa"].lines == 2
    assert entries["Rosa"].gender == "female"
    r = CliRunner().invoke(cli, ["cast", "--book", str(tmp_path)])
    assert r.exit_code == 0 and "discovered" in r.output and "Rosa" in r.output


def test_cast_write_characters_is_valid_book_yaml(tmp_path: Path) -> None:
    write_book(tmp_path)
    r = CliRunner().invoke(cli, ["cast", "--book", str(tmp_path), "--write", "characters"])
    assert r.exit_code == 0 and r.output.startswith("characters:\n")
    other = write_book(tmp_path / "b", yaml='title: "T"\n' + r.output)
    book = load_book(other)
    assert {c.name for c in book.characters or ()} == {"Rosa", "Tomas"}


def test_cast_write_voices_is_a_loadable_profile(tmp_path: Path) -> None:
    write_book(tmp_path)
    out = tmp_path / "voices" / "starter.yaml"
    out.parent.mkdir()
    r = CliRunner().invoke(cli, ["cast", "--book", str(tmp_path), "--write", "voices", "-o", str(out)])
    assert r.exit_code == 0, r.output
    prof = load_profile(load_book(tmp_path), "starter")
    assert {"Narrator", "Rosa", "Tomas"} <= set(prof.cast)
    assert prof.voice_for("Rosa").name != prof.voice_for("Tomas").name


def test_cast_never_overwrites_a_file(tmp_path: Path) -> None:
    write_book(tmp_path)
    out = tmp_path / "mine.yaml"
    out.write_text("precious\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["cast", "--book", str(tmp_path), "--write", "voices", "-o", str(out)])
    assert r.exit_code != 0 and "already exists" in str(r.exception)
    assert out.read_text(encoding="utf-8") == "precious\n"


def test_starter_yaml_quotes_names() -> None:
    from audiobook.text.script import CastEntry
    entries = [CastEntry('Mr. "Big" Hale', "male", ("Hale",), 3, 10, False),
               CastEntry(UNNAMED_NARRATOR, "unknown", (), 2, 5, False)]
    assert 'name: "Mr. \\"Big\\" Hale"' in characters_yaml(entries)
    assert UNNAMED_NARRATOR not in characters_yaml(entries)
    assert yaml.safe_load(voices_yaml(entries))["cast"][UNNAMED_NARRATOR] == "storyteller"


def test_starter_yaml_leaves_out_bodies_and_bare_nationalities() -> None:
    """A discovered "Harbour Council" or a bare "Bavarian" is no character to offer the reader; a given
    name that ends the same way ("Julian") and a listed entry stay."""
    from audiobook.text.script import CastEntry
    entries = [CastEntry("Greta", "female", (), 9, 90, False),
               CastEntry("Harbour Council", "unknown", (), 2, 20, False),
               CastEntry("Bavarian", "male", (), 1, 8, False),
               CastEntry("Julian", "male", (), 1, 8, False),
               CastEntry("Planning Office", "unknown", (), 0, 0, True)]
    starter = characters_yaml(entries)
    assert "Harbour Council" not in starter and "Bavarian" not in starter
    assert 'name: "Greta"' in starter and 'name: "Julian"' in starter and 'name: "Planning Office"' in starter


def test_starter_list_gives_an_epithet_form_as_an_alias_of_the_plain_name() -> None:
    """"Poor Anton" found beside "Anton" is the narrator's pity, not a second Anton: one entry, its lines with it."""
    from audiobook.text.script import CastEntry, _epithets_joined
    entries = [CastEntry("Anton", "male", ("Mr. Anton Vale",), 20, 200, False),
               CastEntry("Poor Anton", "male", (), 3, 30, False),
               CastEntry("Little Mira", "female", (), 2, 10, False)]
    joined = {e.name: e for e in _epithets_joined(entries)}
    assert set(joined) == {"Anton", "Little Mira"}
    assert joined["Anton"].aliases == ("Mr. Anton Vale", "Poor Anton") and joined["Anton"].lines == 23


def test_starter_list_joins_a_married_title_to_the_one_full_form_of_her_own_given_name() -> None:
    """"Mrs. Vale" beside "Mrs. Greta Vale", and no one else of that surname, is one woman: one entry ("Miss"
    the same). Not "Mrs. Anton Vale" (a husband's given name: the wife of another Vale, the text's way to tell
    two Mrs. Vales apart), nor where another Vale is listed too, nor "Mr." (a younger brother's way)."""
    from audiobook.text.script import CastEntry, _married_titles_joined
    entries = [CastEntry("Mrs. Greta Vale", "female", (), 20, 200, False),
               CastEntry("Mrs. Vale", "female", ("Vale",), 4, 30, False),
               CastEntry("Mrs. Lena Brandt", "female", (), 5, 50, False),
               CastEntry("Mrs. Brandt", "female", (), 3, 20, False),
               CastEntry("Oskar Brandt", "male", (), 3, 20, False),
               CastEntry("Mrs. Anton Holm", "female", (), 5, 50, False),
               CastEntry("Mrs. Holm", "female", (), 3, 20, False),
               CastEntry("Miss Marta Roth", "female", (), 2, 20, False),
               CastEntry("Miss Roth", "female", (), 2, 9, False),
               CastEntry("Mr. Ivo Falk", "male", (), 2, 20, False), CastEntry("Mr. Falk", "male", (), 2, 9, False)]
    joined = {e.name: e for e in _married_titles_joined(entries)}
    assert set(joined) == {"Mrs. Greta Vale", "Mrs. Lena Brandt", "Mrs. Brandt", "Oskar Brandt",
                           "Mrs. Anton Holm", "Mrs. Holm", "Miss Marta Roth", "Mr. Ivo Falk", "Mr. Falk"}
    assert joined["Mrs. Greta Vale"].aliases == ("Mrs. Vale", "Vale") and joined["Mrs. Greta Vale"].lines == 24


def test_starter_profile_is_data_whatever_the_names() -> None:
    """Names YAML would misread (booleans, quotes, colons) and fallbacks picked from the data, not
    by matching text in the YAML written."""
    from audiobook.text.script import CastEntry
    entries = [CastEntry("Yes", "male", (), 4, 10, False), CastEntry('Mr. "Big": Hale', "female", (), 3, 9, False),
               CastEntry("Null", "unknown", (), 2, 5, False), CastEntry("engine: hibari", "male", (), 1, 2, False)]
    profile = yaml.safe_load(voices_yaml(entries, "A: Title"))
    assert set(profile["cast"]) == {"Narrator", "Yes", 'Mr. "Big": Hale', "Null", "engine: hibari"}
    voices = profile["voices"]
    assert all(v in voices for v in profile["cast"].values())
    assert voices[profile["fallback"]["male"]]["engine"] == "piper"
    assert voices[profile["fallback"]["female"]]["engine"] == "hibari"
    assert profile["fallback"]["male"] == profile["cast"]["Yes"]          # the first man's voice


def test_script_of_parsed_text() -> None:
    ms = parse_text("“Hi,” said Rosa.")
    sc = script_of(ms, Cast.from_characters([Character("Rosa", (), "female")]))
    assert [(ln.speaker, ln.reason) for ln in sc.lines() if ln.kind == "dialogue"] == [
        ("Rosa", 'explicit: "said Rosa"')]


# ------------------------------------------------------------------------------------------- a tag anchors
def test_a_tag_re_alternates_the_lines_after_it() -> None:
    # the first "he said" goes to the man named last (Tomas); the tag says it was Ivo, and the
    # untagged replies after it alternate from Ivo, not from the wrong guess
    cast = [("Rosa", "female", ()), ("Tomas", "male", ()), ("Ivo", "male", ())]
    text = ("Rosa waited for Tomas at the gate. A young man came up the road.\n\n"
            "[Ivo]“Is this the way to the mill?” he asked.\n\n“It is,” said Rosa.\n\n“Is it far?”\n\n"
            "“An hour on foot.”\n\n“Then I had better go.”")
    got = run(text, cast)
    assert [s for _, s, _ in got] == ["Ivo", "Rosa", "Ivo", "Rosa", "Ivo"]
    assert got[0][2] == "tag"


def test_a_tag_re_alternates_the_lines_before_it() -> None:
    cast = [("Rosa", "female", ()), ("Tomas", "male", ()), ("Ivo", "male", ())]
    text = ("Tomas was out. Ivo came to the door.\n\n“Good evening.”\n\n“Good evening to you.”\n\n"
            "“May I come in?”\n\n[Rosa]“You may.”")
    assert who(text, cast) == ["Ivo", "Rosa", "Ivo", "Rosa"]


def test_a_neighbour_of_a_tag_never_contradicts_its_reason() -> None:
    cast = [("Rosa", "female", ()), ("Tomas", "male", ()), ("Ivo", "male", ())]
    text = ("Rosa and Tomas sat by the fire.\n\n[Ivo]“May I sit with you?”\n\n“Of course.”\n\n"
            "“Thank you.”\n\n“You are welcome.”")
    got = run(text, cast)
    for _quote, speaker, reason in got[1:]:
        assert reason.startswith("turn-taking")
        # "turn-taking: N turns from X": an even N is X's own line, an odd N the other person's
        n, source = reason.split(": ", 1)[1].split(" turn", 1)[0], reason.split(" from ", 1)[1]
        assert (speaker == source) == (int(n) % 2 == 0), reason
    assert [s for _, s, _ in got] == ["Ivo", "Rosa", "Ivo", "Rosa"]


# ------------------------------------------------------------------------------------------- the starter cast
PAINTER = ("Martin Lane sat in the studio of his friend, a young painter, and smoked.\n\n"
           "“It is the best thing you have ever done, Felix,” said Martin.\n\n"
           "“I shall not send it anywhere,” answered the painter.\n\n"
           "“Why not, Felix?” asked Martin.\n\n"
           "“Because I have put too much of myself into it,” said the painter.\n\n"
           "“Felix, you are absurd,” said Martin.\n\n"
           "“Perhaps,” said the painter. “But I will not show it.”\n")


def test_a_character_named_after_being_described_is_one_character_in_the_starter_cast(tmp_path: Path) -> None:
    # without a cast list "the painter" is found to be Felix (Martin keeps calling him so); the starter
    # cast lists the painter as Felix's alias, not as a character of his own, so pasting it changes nothing
    book = load_book(write_book(tmp_path / "b", PAINTER))
    starter = characters_yaml(cast_of(book))
    assert 'aliases: ["The painter"]' in starter and 'name: "The painter"' not in starter
    pasted = load_book(write_book(tmp_path / "c", PAINTER, 'title: "T"\n' + starter))
    speakers = [ln.speaker for ln in build_script(pasted).lines() if ln.kind == "dialogue"]
    assert speakers == [ln.speaker for ln in build_script(book).lines() if ln.kind == "dialogue"]
    assert speakers == ["Martin", "Felix", "Martin", "Felix", "Martin", "Felix", "Felix"]


def test_a_description_that_names_two_people_is_no_ones_alias_in_the_starter_cast(tmp_path: Path) -> None:
    # "the painter" is Felix in the studio and Ivo at the fair, each named twice: the starter cast lists
    # it as neither one's alias (listed, it would give every "the painter" of the book to one of them)
    fair = ("\n\nA week later Martin went to the fair, where another painter had set up his easel.\n\n"
            + PAINTER.split("\n\n", 1)[1].replace("Felix", "Ivo").replace("send", "sell"))
    book = load_book(write_book(tmp_path / "b", PAINTER + fair))
    speakers = [ln.speaker for ln in build_script(book).lines() if ln.kind == "dialogue"]
    assert speakers[:7] == ["Martin", "Felix", "Martin", "Felix", "Martin", "Felix", "Felix"]
    assert speakers[7:] == ["Martin", "Ivo", "Martin", "Ivo", "Martin", "Ivo", "Ivo"]
    assert not [ln for ln in characters_yaml(cast_of(book)).splitlines() if "aliases" in ln and "painter" in ln]


def test_a_stranger_the_narration_names_later_is_one_character_in_the_starter_cast(tmp_path: Path) -> None:
    # "said the young man" until "His name was Tomas": the starter cast lists Tomas alone (the young man is
    # whoever the scene holds, no entry of his own), and pasted it gives the young man's first line to Tomas
    text = ("A tall young man came into the shop. Rosa looked up from her work.\n\n"
            "“Good morning,” said the young man.\n\n“Good morning,” said Rosa. “What can I do for you?”\n\n"
            "“I want a net,” said the young man. His name was Tomas, and he came from the coast.\n\n"
            "“A net for what?” asked Rosa.\n\n“For the river,” said Tomas.\n\n“It is high this year,” said Rosa.\n\n"
            "“It is always high,” said the young man, and laughed.\n\n“Then you will want a strong one,” said Rosa.\n\n"
            "“The strongest,” said Tomas.\n")
    book = load_book(write_book(tmp_path / "b", text))
    starter = characters_yaml(cast_of(book))
    assert [ln for ln in starter.splitlines() if "name:" in ln] == ['  - name: "Rosa"', '  - name: "Tomas"']
    pasted = load_book(write_book(tmp_path / "c", text, 'title: "T"\n' + starter))
    speakers = [ln.speaker for ln in build_script(pasted).lines() if ln.kind == "dialogue"]
    assert speakers == ["Tomas", "Rosa", "Rosa", "Tomas", "Rosa", "Tomas", "Rosa", "Tomas", "Rosa", "Tomas"]

def _speech_tag(who: str, said: str, described_as: str = "") -> Attribution:
    """A line a speech tag gave ("said the lad"), renamed from ``described_as`` where one is given."""
    reason = f'explicit: "{said}"' + (f" = {who}" if described_as else "")
    return Attribution(who, 0.9, reason, described_as, rule=EXPLICIT, said=said)


def test_the_man_is_no_ones_alias_in_the_starter_cast() -> None:
    # "the man" named Ivo line after line in one scene is any man in the next: no alias; "the painter" is
    def lines(desc: str) -> dict[int, Attribution]:
        said = _speech_tag("Ivo", f"said {desc.lower()}", desc)
        return {0: _speech_tag("Ivo", "said Ivo"), 3: said, 5: said, 7: said}

    assert _named_descriptions(lines("The painter")) == {"The painter": "Ivo"}
    assert _named_descriptions(lines("The man")) == {}


def test_a_description_owned_by_a_name_is_left_out_of_the_starter_cast() -> None:
    # "said Greta's young man" is whoever Greta walks out with in that scene: listed, it would take the "he"s
    # of the other men; "Greta's" itself is no article, but it describes as "her" does
    from audiobook.text.script import CastEntry
    entries = [CastEntry("Greta", "female", (), 5, 40, False), CastEntry("Greta's young man", "male", (), 2, 9, False),
               CastEntry("The ferryman", "male", (), 3, 12, False)]
    listed = characters_yaml(entries)
    assert "Greta's young man" not in listed and "The ferryman" in listed and '"Greta"' in listed


def test_a_description_marked_by_what_he_has_stays_in_the_starter_cast() -> None:
    # "the clerk with the red scarf" is one man the narration tells apart by a feature, a character of his
    # own; the bare "the clerk" of a scene, or "the girl with her" (no feature), is whoever stands there
    from audiobook.text.script import CastEntry
    entries = [CastEntry("Piet", "male", (), 5, 40, False),
               CastEntry("The man with the grey umbrella", "male", (), 4, 30, False),
               CastEntry("The girl with her", "female", (), 2, 9, False),
               CastEntry("The man", "male", (), 2, 9, False)]
    listed = characters_yaml(entries)
    assert 'name: "The man with the grey umbrella"' in listed
    assert "The girl with her" not in listed and 'name: "The man"' not in listed


def test_a_description_with_a_is_no_ones_alias_in_the_starter_cast() -> None:
    # "said a sister" named Rosa three times: the narration has not said which sister; the next is Marta
    said = _speech_tag("Rosa", "said a sister", "A sister")
    found = {0: _speech_tag("Rosa", "said Rosa"), 3: said, 5: said, 7: said}
    assert _named_descriptions(found) == {}
    assert _named_descriptions({q: _speech_tag("Rosa", "said the sister", "The sister") if q else a
                                for q, a in found.items()}) == {"The sister": "Rosa"}


def test_a_description_that_counts_is_no_ones_alias_in_the_starter_cast() -> None:
    # "said the first policeman" named Hugo three times: "the first" is whoever spoke first in each scene
    said = _speech_tag("Hugo", "said the first policeman", "The first policeman")
    found = {0: _speech_tag("Hugo", "said Hugo"), 3: said, 5: said, 7: said}
    assert _named_descriptions(found) == {}
    assert _named_descriptions({q: _speech_tag("Hugo", "said the tall policeman", "The tall policeman") if q else a
                                for q, a in found.items()}) == {"The tall policeman": "Hugo"}


def test_a_description_that_speaks_far_more_than_the_name_it_was_given_is_no_ones_alias() -> None:
    # "said the croupier" named Anton seven times, while the tags name Anton himself twice: the croupier is
    # a role of its own that the scene's vocatives gave to the servant standing by
    said = _speech_tag("Anton", "called the croupier", "The croupier")
    found = {0: _speech_tag("Anton", "said Anton"), 2: _speech_tag("Anton", "said Anton"),
             **{q: said for q in (10, 14, 18, 22, 26, 30, 34)}}
    assert _named_descriptions(found) == {}
    assert _named_descriptions({**found, 40: _speech_tag("Anton", "said Anton")}) == {"The croupier": "Anton"}


def test_a_description_whose_tags_give_another_person_is_no_ones_alias_in_the_starter_cast() -> None:
    # "the lad" was named Bobby twice, but its own tags went to Tomas, the lad of another scene, twice:
    # listed as Bobby's alias it would take Tomas's lines; Bobby's own tags do not count against him
    named = _speech_tag("Bobby", "said the lad", "The lad")
    tomas, bobby = _speech_tag("Tomas", "cried the lad"), _speech_tag("Bobby", "asked the lad")
    found = {0: _speech_tag("Bobby", "said Bobby"), 3: named, 5: named, 9: bobby, 30: tomas}
    assert _named_descriptions(found) == {"The lad": "Bobby"}
    assert _named_descriptions({**found, 32: tomas}) == {}


def test_her_mother_is_the_married_woman_of_her_family() -> None:
    # Nora's cast name has no surname, her alias does; of the two Wren women the mother is Mrs. Wren
    cast = [("Nora", "female", ("Miss Wren",)), ("Ada Wren", "female", ("Ada",)), ("Mrs. Wren", "female", ())]
    text = ("Nora came in from the garden, and Ada followed her.\n\n“It is raining,” said Nora.\n\n"
            "“Then stay in,” said her mother.")
    assert who(text, cast) == ["Nora", "Mrs. Wren"]


def test_a_name_after_a_word_ending_in_her_or_his_is_not_owned() -> None:
    # "Either Ana was tired, or ...": "Either" ends in "her" but owns nobody; the "she" after it is Ana
    cast = [("Rosa", "female", ()), ("Ana", "female", ()), ("Tomas", "male", ())]
    tag = "\n\n“Why did you come?” she said."
    assert who("Rosa came late. Either Ana was tired, or she was cross." + tag, cast) == ["Ana"]
    text = "Ana came in with Tomas. Rosa laughed at this. At this Tomas frowned.\n\n“Why?” he said."
    assert who(text, cast) == ["Tomas"]
    assert who("Rosa came late, and her Ana was tired." + tag, cast) == ["Rosa"]


def test_a_description_found_by_its_sex_alone_is_weighed_as_a_he_without_a_cast_list() -> None:
    # "said the old man": discovery has no old man, and the latest man named (Bobby, not Tomas who spoke
    # just before) is a guess the turns overrule as they would a "he said": Marco, who spoke to Tomas
    text = ("“Morning,” said Bobby.\n\nMarco, Bobby and Tomas stood on the quay. The sea was grey.\n\n"
            "“Is the boat ready?” asked Marco.\n\nBobby pointed at the clouds. Tomas shook his head. “Nearly.”\n\n"
            "“Then we go at dawn,” said the old man.\n")
    a = attributions(text)[-1][1]
    assert (a.speaker, a.pronoun) == ("Marco", "he")
    # with a name in the tag nothing is guessed
    assert attributions(text.replace("said the old man", "said Bobby"))[-1][1].pronoun == ""


def test_one_who_listens_after_a_quote_still_nobody_s_leaves_the_line_to_the_turns() -> None:
    # "Hugo said nothing." after a quote that goes on from one the first pass cannot give yet: the line after is
    # the one who spoke going on, which the turns know by then, never a speaker with no name
    cast = [("Marta", "female", ()), ("Hugo", "male", ())]
    asked = "“Where were you all night? The cart was back by six.\n\n“And why is the gate left open?”\n\n"
    third = "“Are you cold, Hugo?” asked Marta.\n\n“A little,” said Hugo.\n\n" + asked + "Hugo said nothing.\n\n"
    first = ("I came up from the station in the rain and sat by the fire.\n\n“Are you cold, Hugo?” asked Marta."
             "\n\n“A little,” I said.\n\n" + asked + "I shook my head.\n\n")
    for text in (third, first):
        assert who(text + "“Then I shall ask the boy.”\n", cast)[2:] == ["Marta", "Marta", "Marta"]
