"""Discovery of characters without a cast list (characters.py, aliases.py): which capitals are people,
which name forms are one person, what they are called, and what the starter cast lists.
Every example is written for these tests."""

from __future__ import annotations

from audiobook.book import Character
from audiobook.text.attribution.sieve import attribute
from audiobook.text.characters import Cast, discover
from audiobook.text.manuscript import parse_text


def people(text: str) -> dict[str, set[str]]:
    """Discovered characters of ``text``: name -> aliases."""
    return {p.name: set(p.aliases) for p in discover(parse_text(text)).people.values()}


def speakers(text: str, cast: list[tuple[str, str, tuple[str, ...]]] | None = None) -> list[str]:
    ms = parse_text(text)
    c = Cast.from_characters([Character(n, a, g) for n, g, a in cast]) if cast is not None else discover(ms)
    found = attribute(ms, c)
    return [found[s.quote_id].speaker for _, _, s in ms.quotes()]


# ------------------------------------------------------------------------------------------- not names
def test_pronouns_and_answers_are_nobody_however_often_a_tag_seems_to_name_them() -> None:
    # "“…!” She laughed." looks like a tag naming "She"; "I said No!" like one naming "No"
    text = ("“Go away!” She laughed at him.\n\n“Never!” He laughed too.\n\n“Please!” She laughed again.\n\n"
            "“No!” He laughed once more. I said No! I said Yes, twice.\n\n“Well, Tomas?” said Rosa.\n\n"
            "“Well, Rosa,” said Tomas.\n\n“Me, with a hat,” said Rosa. “Me, a lady.”\n\n“Me neither,” said Tomas.")
    found = people(text)
    assert not {"She", "He", "No", "Yes", "Me"} & set(found)
    assert {"Rosa", "Tomas"} <= set(found)


def test_my_before_a_name_is_not_part_of_it() -> None:
    # "My Rosa!" calls Rosa; the name is Rosa, not "My Rosa"
    text = ("“My Rosa!” cried Tomas.\n\n“My Rosa, come here,” said Tomas.\n\n“Yes,” said Rosa.\n\n"
            "“Oh, my Rosa,” said Tomas. Rosa laughed.")
    found = people(text)
    assert "Rosa" in found and "My Rosa" not in found
    assert speakers(text) == ["Tomas", "Tomas", "Rosa", "Tomas"]


def test_a_name_broken_off_by_a_dash_is_the_name() -> None:
    text = ("“Really,” said Rosa. She looked at Tomas--quite lost--and at Tomas--his hat in his hand.\n\n"
            "“Yes?” said Tomas. He turned to Rosa--then away from Rosa--and sighed.\n\n“Well,” said Rosa."
            "\n\nThey met Tomas--quite by chance--the next day. “Hello,” said Tomas.")
    found = people(text)
    assert set(found) == {"Rosa", "Tomas"}


def test_the_first_person_narrator_is_not_me() -> None:
    # "Me, with long hair." is no character: a discovered "Me" stood for the narrator and kept the one the
    # others call by name ("Jake" here is Pim) from being the narrator
    text = ("I sat with Tomas by the fire. I had not slept. Me, with a beard. Me, a sailor. Me, at sea. Me, at last!\n\n"
            "“Where to, Pim?” said Tomas.\n\n“To the sea,” I said.\n\n“Good night, Pim,” said Tomas.\n\n"
            "“Good night,” I said.")
    assert speakers(text) == ["Tomas", "Pim", "Tomas", "Pim"]
