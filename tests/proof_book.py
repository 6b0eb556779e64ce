"""A small book for proofing tests: plain sentences written for these tests, each heard clearly
by Whisper, with faults injected into chosen lines and takes (audiobook/proof/faults.py)."""

from __future__ import annotations

import json
from pathlib import Path

SENTENCES = [
    "The baker opened his shop before the sun came over the hills.",
    "Every morning the children walked along the river to the old school.",
    "My brother kept a small boat tied to the wooden pier near the mill.",
    "The market was full of apples, bread, cheese and fresh green beans.",
    "She wrote a long letter to her aunt who lived by the sea.",
    "A cold wind blew through the valley and rattled every window in town.",
    "The doctor carried a heavy black bag from house to house all winter.",
    "We planted tomatoes in the garden and watered them twice a day.",
    "The old clock in the hall stopped exactly at midnight last Tuesday.",
    "Her father built the kitchen table from the wood of a fallen oak.",
    "The train to the city left the station twenty minutes late that evening.",
    "A family of ducks crossed the road while the traffic waited patiently.",
    "The teacher asked the class to read the first chapter before Friday.",
    "He found a silver coin under the stones beside the garden gate.",
    "The library stayed open late during the week of the final exams.",
    "Snow covered the mountain roads and the farmers stayed close to home.",
    "The musicians played in the square until the lamps were lit at dusk.",
    "My grandmother told stories about the summer she spent on a farm.",
    "The fishermen mended their nets while the gulls circled above the harbour.",
    "A tall man in a grey coat waited patiently outside the post office.",
    "The bridge over the canal was painted bright red every spring.",
    "They climbed the hill behind the church to watch the stars come out.",
    "The cat slept all afternoon on the warm stones of the kitchen step.",
    "Our neighbours invited the whole street to a picnic in the park.",
    "The captain ordered the crew to lower the sails before the storm arrived.",
    "The village hall was decorated with paper lanterns for the harvest dance.",
    "He repaired the broken fence with nails he borrowed from the farmer.",
    "The sisters shared a room at the top of the narrow wooden stairs.",
    "A small dog followed the postman along the lane every single morning.",
    "The museum had a room full of maps drawn by sailors long ago.",
    "The soup was too hot to eat, so we waited by the open window.",
    "Rain fell on the roof all night and the gutters overflowed by dawn.",
    "The gardener cut the roses and carried them to the house in a basket.",
    "Nobody in the town remembered who had planted the great chestnut tree.",
    "The students cheered when the headmaster announced a holiday on Monday.",
    "She packed a lunch of sandwiches and pears for the long journey north.",
    "The lighthouse keeper climbed the spiral stairs three times every night.",
    "His uncle sold vegetables from a wooden cart at the corner of the square.",
    "The horses drank from the trough while the riders rested in the shade.",
    "After dinner the family gathered around the fire to play a game of cards.",
    "The children built a castle of sand that the tide washed away by noon.",
    "A bright yellow kite drifted over the fields and landed in a tree.",
    "The carpenter measured the door twice before he cut the new frame.",
    "Two old friends met on the platform and talked until the train arrived.",
    "The orchard behind the farmhouse was heavy with plums at the end of summer.",
    "The shopkeeper counted the coins slowly and placed them in a tin box.",
    "The pilot waved to the crowd as the small plane rolled onto the field.",
    "We followed the path through the woods until we reached the quiet lake.",
]
KINDS = ("drop", "repeat", "cut", "noise", "babble")


def write_book(root: Path, faults: list[dict], sentences: list[str], proof: str = "true") -> Path:
    """A one-chapter book: one paragraph per sentence, read by hibari under the faulty engine."""
    (root / "manuscript").mkdir(parents=True)
    (root / "voices").mkdir()
    text = "# Small Things\n\n" + "\n\n".join(sentences) + "\n"
    (root / "manuscript" / "01-small.md").write_text(text, encoding="utf-8")
    (root / "manuscript" / "book.yaml").write_text(f'title: "Small Things"\nproof: {proof}\n', encoding="utf-8")
    (root / "voices" / "faults.json").write_text(json.dumps(faults), encoding="utf-8")
    (root / "voices" / "default.yaml").write_text(
        "voices:\n  narr: {engine: faulty, model: heart, options: {inner: hibari, faults: faults.json}}\n"
        "cast: {Narrator: narr}\nfallback: {default: narr}\n", encoding="utf-8")
    return root
