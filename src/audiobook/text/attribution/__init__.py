"""Who speaks each quote: a sieve of rules (tags, speech verbs, beats), turn-taking in
conversations, and naming a first-person narrator."""

from audiobook.text.attribution.sieve import attribute

__all__ = ["attribute"]
