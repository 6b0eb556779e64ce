"""YAML for files a book may bring from anywhere: bounded in size, nesting and alias expansion.

``yaml.safe_load`` builds no objects, but it still lets a 1 kB "billion laughs" file expand (through
aliases) into more values than memory holds once anything walks them, and a file nested 2,000
levels deep ends in RecursionError. ``parse`` refuses both with a ``yaml.YAMLError`` that carries
the line (so callers report it as any syntax error), and reads YAML 1.2 numbers (``1e9``, which
YAML 1.1 reads as text) as numbers. ``excerpt`` shows a value in a message without printing all of it.
"""

from __future__ import annotations

import re
import reprlib
from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

MAX_DEPTH = 64              # book.yaml and profiles need 4
ALIAS_BUDGET = 100_000      # values (and characters of text) that aliases may add, in all
MAX_BYTES = 4 << 20         # a config file is a few kB

# YAML 1.2's floats that YAML 1.1 reads as text: 1e9, 1E+9, -2e-3 (1.1 wants a dot and a sign)
_FLOAT_12 = re.compile(r"^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)[eE][-+]?[0-9]+$")


class _Loader(yaml.SafeLoader):
    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0
        self._added = 0                      # values the aliases so far stand for
        self._sizes: dict[int, int] = {}     # a node's expanded size, by id (anchored nodes are whole)

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            node = super().compose_node(parent, index)
            self._added += _expanded_size(node, self._sizes) if node is not None else 0
            if self._added > ALIAS_BUDGET:
                raise ComposerError(None, None, f"aliases (*name) expand to more than {ALIAS_BUDGET:,} values; "
                                    "write the values out instead", event.start_mark)
            return node
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise ComposerError(None, None, f"nested more than {MAX_DEPTH} levels deep",
                                    self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


_Loader.add_implicit_resolver("tag:yaml.org,2002:float", _FLOAT_12, list("-+0123456789."))


def _expanded_size(root: Node, sizes: dict[int, int]) -> int:
    """How many values (text counted by its characters) ``root`` stands for with every alias in it
    written out; a loop, not recursion, so that no depth breaks it."""
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in sizes:
            continue
        if isinstance(node, ScalarNode):
            sizes[id(node)] = 1 + len(node.value)
            continue
        kids: list[Node] = []
        if isinstance(node, MappingNode):
            kids = [n for pair in node.value for n in pair]
        elif isinstance(node, SequenceNode):
            kids = list(node.value)
        if children_done:
            sizes[id(node)] = 1 + sum(sizes.get(id(k), 0) for k in kids)
        else:
            stack.append((node, True))
            stack.extend((k, False) for k in kids if id(k) not in sizes)
    return sizes[id(root)]


def parse(text: str) -> Any:
    """The document in ``text``, as ``yaml.safe_load`` would give it, within the bounds above."""
    if len(text) > MAX_BYTES:
        raise yaml.YAMLError(f"{len(text):,} characters; a config file is at most {MAX_BYTES:,}")
    loader = _Loader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


_short = reprlib.Repr()
_short.maxstring = 60
_short.maxother = 60
_short.maxlist = _short.maxtuple = _short.maxdict = _short.maxset = 4
_short.maxlevel = 2


def excerpt(value: Any) -> str:
    """``repr(value)``, cut short: a message shows what was found, not a 10 MB string."""
    return _short.repr(value)
