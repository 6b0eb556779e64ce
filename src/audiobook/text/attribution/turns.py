"""Who speaks each paragraph of a conversation, decided for the whole conversation at once (pure).

A conversation is a run of paragraphs with dialogue. Each paragraph may carry evidence from the first
pass (a tag, "said Rosa", "she asked", an action beat), the people its quotes name (not its speaker),
and the person the paragraph before addressed (likely its speaker). Between the evidence, people take
turns: the speaker of a paragraph is usually the one who spoke two paragraphs before, seldom the one
just before (less seldom where someone acts between the two: the paragraph opens with narration, or the
one before ends with it, and the one who spoke often goes on from their own line), sometimes a third
person, who joins on a line the narration names or one spoken to them; one whom the next line calls by
name ("Thank you, Rosa") a little likelier spoke the line it answers; the one a "sir" or a "madam"
spoke to answers as a man or a woman; one answers the people one talks with most in that part of the book a little
more readily than others, and a line whose words fit one person's habits of speech is a little likelier
theirs; a less likely person pays part of that doubt where they take a
side, the rest on each line, so one called by name again and again can hold a long exchange against
someone the anchors name but no line calls. ``decode`` scores every sequence of speakers by these
preferences and returns the best one (a second-order Viterbi search over the people of the
conversation), so a sure line re-alternates the lines on both sides of it, and an early guess no longer
carries its error forward through a long exchange. ``margins`` says how sure each choice is: how much
worse the best sequence is with that paragraph given to someone else.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

HARD = -1e6     # a tag, or the same speaker as the paragraph a quote continues


@dataclass(frozen=True)
class Evidence:
    """What the first pass found for one paragraph of a conversation."""

    speaker: str | None = None          # the speaker the paragraph's own words give, if any
    strength: float = 0.0               # what choosing someone else costs (HARD for a tag)
    continues: bool = False             # the quote runs on from the paragraph before: same speaker
    excluded: frozenset[str] = frozenset()  # people the quotes name: not the speaker
    addressed_next: str | None = None   # the person this paragraph's last quote speaks to
    hint: str | None = None             # a weak clue: the subject of the sentence just before
    addressed_sex: str | None = None    # "Yes, sir.": the one spoken to is a man ("male") or a woman
    fits: frozenset[str] = frozenset()  # others the words fit as well ("he said": the other men)
    soft: float = 0.0                   # what giving the paragraph to one of ``fits`` costs
    pause: bool = False                 # someone acts between it and the line before: the one who spoke may go on
    interjects: bool = False            # a tag after an anchor of the conversation: whoever it names joins freely


@dataclass(frozen=True)
class Weights:
    """The costs of breaking a habit of conversation (log-odds, set by hand on invented scenes, ``repeat`` by
    bench/fit_weights.py's search on LitBank: the one move of it that holds on whole novels)."""

    repeat: float = 6.25       # one speaker in two paragraphs in a row
    resumes: float = 2.5       # the same across a pause (narration between the two lines): one acts, then goes on
    newcomer: float = 2.0      # a third person joins instead of the one who spoke two paragraphs back
    addressed: float = 2.5     # the bonus of the person the paragraph before spoke to
    answered: float = 0.5      # the bonus of the person the paragraph after calls by name: it answers them, most
    #                            often (a call after a line says less than one before it: it may speak to a third;
    #                            not where the paragraph before called someone else, who answers)
    excluded: float = 4.0      # a quote that names its own speaker
    hint: float = 0.8          # the subject of the sentence just before the paragraph
    sex: float = 4.0           # answering a "sir" as a woman, a "madam" as a man
    untold: float = 1.0        # a third person joins on a line whose words do not say so, unaddressed
    stays: float = 0.75        # the share of a person's prior paid on each of their lines after the first
    joins: float = 0.5         # the share paid again where they take a turn that is not the one two paragraphs back
    voice: float = 0.5         # a line in one's own words (``Conversation.voice``, 0 to 1): a word of this line, so
    #                            above a habit of the book (pair), but one that fits a habit of speech rather than
    #                            names the speaker, so below the weakest cue that names someone (the hint)
    pair: float = 0.3          # answering one's usual partner, times that partner's share (near the conversation,
    #                            conversation._shares): a habit of the book, not a word of this line, so below the
    #                            weakest cue of the text (the hint); 0.2 and 0.5 both lose on the local shares


WEIGHTS = Weights()     # what margins, and decode when given none, weigh with (bench/fit_weights.py sets others)
MARGIN_EVIDENCE = 3.0   # the most a paragraph's own evidence (a tag aside) weighs in ``margins``


@dataclass
class Conversation:
    """The paragraphs of one conversation and the people who may speak in it, likeliest first."""

    evidence: list[Evidence]
    people: list[str]
    prior: dict[str, float] = field(default_factory=dict)     # a small cost for the less likely people
    sex: dict[str, str] = field(default_factory=dict)         # "male" or "female", where the cast says
    pairs: dict[tuple[str, str], float] = field(default_factory=dict)   # (a, b): b's share of a's exchanges
    voice: list[dict[str, float]] = field(default_factory=list)   # per paragraph: how well its words fit each person


def decode(conv: Conversation, w: Weights | None = None) -> list[str | None]:
    """The likeliest speaker of every paragraph (None when the conversation has nobody to give it to)."""
    w = w or WEIGHTS
    people = conv.people
    n = len(conv.evidence)
    if not people or n == 0:
        return [None] * n
    emit = [[_emit(conv, k, s, w) for s in people] for k in range(n)]
    m = len(people)
    # state: (previous speaker, this speaker); score[p][c]; back pointers per paragraph
    score = [[(emit[0][c] if p == c else HARD * 10) for c in range(m)] for p in range(m)]
    back: list[list[list[int]]] = []
    for k in range(1, n):
        turn = _turns(conv, k, w)
        new = [[HARD * 10] * m for _ in range(m)]
        ptr = [[0] * m for _ in range(m)]
        for p in range(m):
            for c in range(m):
                e = emit[k][c]
                if e <= HARD / 2 and c != p:
                    continue
                best, arg = HARD * 10, 0
                for pp in range(m):
                    prev = score[pp][p]
                    if prev <= HARD * 5:
                        continue
                    t = turn[pp][p][c]
                    if prev + t > best:
                        best, arg = prev + t, pp
                new[p][c] = best + e
                ptr[p][c] = arg
        score, back = new, [*back, ptr]
    p, c = max(((p, c) for p in range(m) for c in range(m)), key=lambda pc: score[pc[0]][pc[1]])
    out = [c]
    for k in range(n - 1, 0, -1):
        pp = back[k - 1][p][c]
        out.append(p)
        p, c = pp, p
    return [people[i] for i in reversed(out)]


def _emit(conv: Conversation, k: int, s: str, w: Weights) -> float:
    ev = conv.evidence[k]
    cost = -conv.prior.get(s, 0.0) * (w.stays if k > 0 else 1.0)
    if s in ev.excluded:
        cost -= w.excluded
    if ev.speaker is not None and s != ev.speaker:
        cost -= ev.soft if s in ev.fits else ev.strength
    if ev.speaker is None and k > 0 and conv.evidence[k - 1].addressed_next == s:
        cost += w.addressed
    if ev.speaker is None and k + 1 < len(conv.evidence) and conv.evidence[k + 1].addressed_next == s \
            and (k == 0 or conv.evidence[k - 1].addressed_next in (None, s)):
        cost += w.answered
    if ev.hint == s:
        cost += w.hint
    if conv.voice:
        cost += w.voice * conv.voice[k].get(s, 0.0)
    called = conv.evidence[k - 1].addressed_sex if k > 0 else None
    if called is not None and conv.sex.get(s, called) != called:
        cost -= w.sex
    return cost


def _turns(conv: Conversation, k: int, w: Weights) -> list[list[list[float]]]:
    """The cost of speaker c after p (and pp before p) at paragraph k, as a table [pp][p][c]: built once per
    paragraph, since decode and margins look each entry up many times (a call per entry was their main cost).
    Only c == p (one goes on), c == pp (the one before p answers) and a third person differ by pp, so each row is
    a copy of p's row for a third person with those two entries set."""
    m, ev, people = len(conv.people), conv.evidence[k], conv.people
    if ev.continues:
        return [[[0.0 if c == p else HARD for c in range(m)] for p in range(m)] for _pp in range(m)]
    if ev.interjects and ev.strength == -HARD:    # (decode only: margins weigh a tag as a doubtful anchor)
        # a tagged line where the turns before it rest on an anchor of their own: the producer put it where the
        # turns broke (a third person cut in, someone spoke twice), so its turn costs nothing and the lines
        # before it keep their turns instead of re-alternating to make the tagged person a partner
        return [[[0.0] * m for _p in range(m)] for _pp in range(m)]
    nstay = -(w.resumes if ev.pause else w.repeat)
    join = [w.joins * conv.prior.get(people[c], 0.0) for c in range(m)]     # a turn that is not pp's
    habit = [[w.pair * conv.pairs.get((people[p], people[c]), 0.0) for c in range(m)] for p in range(m)]
    plain = [[-join[c] + habit[p][c] for c in range(m)] for p in range(m)]
    if k < 2:       # no pp yet: nobody is a third person
        rows = [[nstay - join[c] if c == p else plain[p][c] for c in range(m)] for p in range(m)]
        return [[list(row) for row in rows] for _pp in range(m)]
    told = (conv.evidence[k - 1].addressed_next, ev.hint)
    untold = [w.untold if ev.speaker is None and people[c] not in told else 0.0 for c in range(m)]
    third = [[-w.newcomer - untold[c] - join[c] + habit[p][c] for c in range(m)] for p in range(m)]
    table = []
    for pp in range(m):
        rows = []
        for p in range(m):
            if pp == p:     # p spoke twice running: c answers as if no one had spoken before
                row = list(plain[p])
                row[p] = nstay
            else:
                row = list(third[p])
                row[pp] = habit[p][pp]       # the one who spoke before p answers: no joins cost
                row[p] = nstay - join[p]
            rows.append(row)
        table.append(rows)
    return table


def margins(conv: Conversation, chosen: list[str | None]) -> list[float]:
    """For every paragraph, the score of the best sequence of speakers giving it to ``chosen`` less that of
    the best one giving it to someone else (0.0 with fewer than two people), with the paragraphs' own
    evidence (not tags) weighed at most ``MARGIN_EVIDENCE``: a speech tag may be wrong too, so a line the anchors on
    both sides, the people it names and the one addressed all agree on has a wide margin; a turn two
    anchors dispute, or an anchor the turns around it contradict, a narrow or negative one.
    Max-marginals of the decoder's lattice, by a forward and a backward pass."""
    w = WEIGHTS
    people = conv.people
    n, m = len(conv.evidence), len(people)
    if m < 2 or n == 0:
        return [0.0] * n
    conv = replace(conv, evidence=[replace(e, strength=min(e.strength, MARGIN_EVIDENCE))
                                   if e.strength < -HARD / 2 else e for e in conv.evidence])
    emit = [[_emit(conv, k, s, w) for s in people] for k in range(n)]
    low = HARD * 10
    fwd = [[[(emit[0][c] if p == c else low) for c in range(m)] for p in range(m)]]
    turns = [[], *(_turns(conv, k, w) for k in range(1, n))]    # both passes read them
    for k in range(1, n):
        turn, prev = turns[k], fwd[-1]
        fwd.append([[max((prev[pp][p] + turn[pp][p][c] for pp in range(m)
                          if prev[pp][p] > HARD * 5), default=low) + emit[k][c]
                     for c in range(m)] for p in range(m)])
    bwd = [[[0.0] * m for _ in range(m)]]        # best score of the paragraphs after k, given (p, c) at k
    for k in range(n - 1, 0, -1):
        turn, nxt = turns[k], bwd[0]
        bwd.insert(0, [[max(turn[p][c][d] + emit[k][d] + nxt[c][d] for d in range(m))
                        for c in range(m)] for p in range(m)])
    out = []
    for k in range(n):
        best = [max(fwd[k][p][c] + bwd[k][p][c] for p in range(m)) for c in range(m)]
        who = chosen[k]
        me = people.index(who) if who is not None and who in people else -1
        other = max(b for c, b in enumerate(best) if c != me)
        out.append(best[me] - other if me >= 0 else 0.0)
    return out
