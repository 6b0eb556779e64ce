"""The last pass: a quote repeated word for word elsewhere keeps the speaker of its surest occurrence."""

from __future__ import annotations

from audiobook.text.attribution.state import ECHO, Attribution, State
from audiobook.text.tokens import TOKEN_RE


def echo(st: State) -> None:
    """A quote repeated word for word keeps the speaker of its surest occurrence. Not a line of fewer than
    ``WORDS`` words: "Of course not.", "Is that so?", "Where is he now?" are said by anyone."""
    best: dict[str, Attribution] = {}
    for qid, a in st.out.items():
        k = st.texts[qid]
        if len(k.split()) >= WORDS and (k not in best or a.confidence > best[k].confidence):
            best[k] = a
    for qid, a in st.out.items():
        b = best.get(st.texts[qid])
        if b is not None and b.confidence >= 0.8 and a.confidence < 0.5:
            st.out[qid] = Attribution(b.speaker, 0.5, f"echo: the same words as {b.speaker}'s line", rule=ECHO)


WORDS = 5


def key(text: str) -> str:
    """A quote's words as echo compares them (case and punctuation aside)."""
    return " ".join(w.lower() for w in TOKEN_RE.findall(text))
