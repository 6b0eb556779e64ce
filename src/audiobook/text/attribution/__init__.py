"""Who speaks each quote: a sieve of rules (tags, speech verbs, beats), turn-taking in
conversations, and naming a first-person narrator, as passes over one explicit state (state.py)."""

from audiobook.text.attribution.sieve import attribute

__all__ = ["attribute"]
