"""The verbs that report speech (say, asked, replied, ...) and thought, in their common forms: word lists shared
by the quote finder (is a quoted phrase speech?) and the attribution passes (is this a speaker tag?).
"""

from __future__ import annotations

SPEECH_VERBS = frozenset(
    """say says said saying ask asks asked asking reply replies replied replying answer answers answered
    cry cries cried exclaim exclaims exclaimed shout shouts shouted whisper whispers whispered mutter
    muttered murmur murmured murmurs call called calls add added adds continue continued continues return
    returned rejoin rejoined remark remarked observe observed repeat repeated begin began interrupt
    interrupted demand demanded inquire inquired enquire enquired retort retorted respond responded
    declare declared insist insisted explain explained suggest suggested protest protested sigh sighed
    laugh laughed groan groaned growl growled snap snapped yell yelled scream screamed sob sobbed stammer
    stammered falter faltered urge urged plead pleaded beg begged gasp gasped roar roared thunder
    thundered bellow bellowed drawl drawled sneer sneered admit admitted agree agreed assent assented
    persist persisted resume resumed conclude concluded venture ventured hiss hissed breathe breathed
    chuckle chuckled grumble grumbled mumble mumbled moan moaned wail wailed shriek shrieked warn warned
    announce announced propose proposed remonstrate remonstrated interpose interposed quoth intone intoned
    ejaculate ejaculated pursue pursued went go goes put broke cut told tell tells resumed echo echoed
    counter countered snarl snarled giggle giggled squeal squealed  chime chimed
    whimper whimpered grunt grunted bark barked reason reasoned cajole cajoled scold scolded
    speak speaks spoke proclaim proclaimed comment commented muse mused stutter stuttered assert asserted
    affirm affirmed acknowledge acknowledged concede conceded confess confessed correct corrected object
    objected query queried blurt blurted screech screeched snort snorted croak croaked coax coaxed prompt
    prompted remind reminded command commanded entreat entreated implore implored expostulate expostulated
    vociferate vociferated lisp lisped whine whined boast boasted tease teased mock mocked taunt taunted
    soothe soothed assure assured hazard hazarded volunteer volunteered panted opined intervened quoted
    argue argued report reported quaver quavered interject interjected chant chanted
    stated complained bawled pronounced speculated questioned squeaked""".split()
)

# the verbs above that report speech only with a particle after them ("went on", "put in", "broke out"): "Tomas
# went to the door" says nothing; "went" speaks only going on ("went out", "went in" leave the room)
PARTICLES = {"went": frozenset({"on"}), "go": frozenset({"on"}), "goes": frozenset({"on"}),
             **dict.fromkeys(("put", "broke", "cut"), frozenset("on in out off forth again".split()))}

# verbs of thinking: a quote they tag is a thought, read by the narrator, not a line
THOUGHT_VERBS = ("thought", "thinks", "wondered", "reflected")
