"""What a figure's own clause says of it: that it is so, that someone wants it so, that it
would be so if something else were, or that it is not so.

An answer reports figures as facts under a heading ("minimum wage: $15"). The amount an
advocate pushes for, the one a sentence supposes ("if inflation jumps to 3%") and the one it
denies ("has never had a $500 billion deficit") are no such facts. The readings below look
at the clause the figure stands in, up to the figure: the words after the last break (a
semicolon, a colon, a dash, a bracket, a relative word or a comma that opens another
clause); only "imagine" and a list of someone's policies reach across clauses. Each is a
rule of ``bot.query.measures.WORDING_RULES``: a proposal heads a measure of its own
("proposed minimum wage"); a supposed, denied or aimed-at amount heads none, and so is
left off the topic's page (precision before recall: a fact phrased as a supposition is
lost, a supposition is never shown as a fact).
"""

from __future__ import annotations

import re

from bot.extract import lexicon
from bot.query.amounts import PERCENT, is_money

# Where the figure's clause begins: the last of these before it.
_CLAUSE_BREAK = re.compile(
    r"[;:()\[\]—–]|\s-\s|,\s+(?:but|and|or|while|whereas|although|though|after|before"
    r"|since|when|so|yet|as)\b|\b(?:but|while|whereas|although|though|because|that|which"
    r"|who|whom|whose)\b",
    re.IGNORECASE,
)
# A definite or possessive word right before the figure: "the $22 trillion debt", "the
# nation's $16 trillion debt" speak of an amount that is so, whatever the clause says of it
# ("how he would end the three-week shutdown").
_DEFINITE = re.compile(
    r"(?:\b(?:the|its|their|his|her|our|your|this|these|those)|['’]s?)\s+$", re.IGNORECASE
)


def clause_before(before: str) -> str:
    """The words of the figure's clause that stand before it."""
    breaks = list(_CLAUSE_BREAK.finditer(before))
    return before[breaks[-1].end() :] if breaks else before


def definite(before: str) -> bool:
    """Whether the amount after ``before`` is a definite one ("the $22 trillion debt"),
    which no word of its clause makes a supposition, a denial or a wish."""
    return bool(_DEFINITE.search(before))


# "if" that opens a condition (not "little if any", "if ever", "if not").
_IF = r"if(?!\s+(?:any|anything|ever|not|at\s+all)\b)"
# Words that make the rest of their clause a supposition: "if", "unless", "whether" (not
# "as if").
_SUPPOSING = re.compile(
    rf"(?<!\bas\s)\b(?:{_IF}|unless|whether|suppose|supposing|assuming)\b", re.IGNORECASE
)
# A modal a few words before the figure: "could allow 2 million", "would put X at 268".
_MODAL_NEAR = re.compile(
    r"\b(?:would|could|might)\b(?:\s+(?:have|be|not))*(?:\s+\S+){0,4}\s*$", re.IGNORECASE
)
# After the figure, the rest of its clause: up to a break or a relative word.
_CLAUSE_END = re.compile(r"[;:()\[\]—–,]|\s-\s|\b(?:who|which|that|than)\b", re.IGNORECASE)
# "... would probably be small", "... will go into effect if": a condition in the rest of
# the figure's clause, or a modal in its next few words.
_SUPPOSED_AFTER = re.compile(
    rf"\b(?:{_IF}|unless)\b|^(?:\s+\S+){{0,4}}?\s+(?:would|could|might)\b",
    re.IGNORECASE,
)
# How many words before "would" a verb of saying makes it reported speech of a plan.
SAID_REACH = 3


# Words that make the rest of their sentence imagined, across any clause: "imagine that".
_IMAGINING = re.compile(r"\b(?:imagine|hypothetically|let'?s\s+say)\b", re.IGNORECASE)


def supposed(before: str, after: str = "") -> bool:
    """'if inflation jumps to 3%', 'a win would put her at 268 votes', 'could allow up to 2
    million to return', 'a tariff of 5% would probably be small': an amount the sentence
    (``before`` and ``after`` the figure) imagines. "would" just after a verb of saying is
    reported speech of a plan ("said it would cut 700 jobs"), which is no supposition."""
    clause = clause_before(before)
    rest = _CLAUSE_END.split(after, maxsplit=1)[0]
    if _SUPPOSING.search(clause) or _SUPPOSED_AFTER.search(rest) or _IMAGINING.search(before):
        return True
    modal = _MODAL_NEAR.search(clause)
    if not modal:
        return False
    if modal.group(0).split()[0].lower() != "would":
        return True
    said = lexicon.speech_verbs()
    just_before = clause[: modal.start()].split()[-SAID_REACH:]
    return not any(w.lower().strip(",.") in said for w in just_before)


# A denial that governs what follows it in the clause; not "not only", "no fewer than",
# "not least", "not counting", which bound or add to the figure rather than deny it.
_DENIAL = re.compile(
    r"\b(?:not|never|neither|nor|cannot|no\s+longer)\b(?!\s+(?:only|just|least|counting"
    r"|including|fewer|less|more|even|yet\s+counted))|n[’']t\b",
    re.IGNORECASE,
)
# At most this many words between the denial and the figure: further off, the denial is
# another verb's ("officials who did not give their names said 20 people died").
DENIAL_REACH = 6
# Words between a denial and the figure that make the figure another verb's or a
# preposition's: "did not say 20 died", "would not add to a $16 trillion debt".
_NOT_DENIED = re.compile(
    r"\b(?:said|says|say|told|to|of|in|on|for|from|with|by|at|into|over|about|than)\b",
    re.IGNORECASE,
)


def denied(before: str) -> bool:
    """'has never had a $500 billion deficit', 'will not face tariffs of 10%': the clause
    before the figure denies the amount."""
    clause = clause_before(before)
    denials = list(_DENIAL.finditer(clause))
    if not denials:
        return False
    gap = clause[denials[-1].end() :]
    return len(gap.split()) <= DENIAL_REACH and not _NOT_DENIED.search(gap)


# Words of wanting an amount that is not (yet) so: "pushed for", "a proposal of", "wants".
_PROPOSING = re.compile(
    r"\b(?:propos(?:e|es|ed|ing|al|als)|(?:push|call|campaign|fight|press|lobby)(?:es|s|ed"
    r"|ing)?\s+for|fought\s+for|advocat(?:e|es|ed|ing)|demand(?:s|ed|ing)?|pledg(?:e|es|ed"
    r"|ing)|promis(?:e|es|ed|ing)|wants?|wanted|wanting|seek(?:s|ing)?|sought|plan(?:s|ned"
    r"|ning)?\s+to|would\s+(?:raise|increase|lift|hike|set|boost|double|lower|cut)"
    r"|(?:support|back|favou?r|endorse|champion|oppose|reject)(?:s|ed|d|ing)?|opposition\s+to"
    r"|thumbs[- ]down\s+to)\b",
    re.IGNORECASE,
)


# Nouns of what someone wants, anywhere before the figure in its sentence: "the social
# policies ... including a $15 minimum wage", "the platform of ... and $15 minimum wage".
_PROPOSAL_NOUNS = re.compile(
    r"\b(?:polic(?:y|ies)|platforms?|positions|agendas?|proposals?|plans?|priorities|wish\s+list"
    r"|demands|pledges|promises|concessions|manifestos?)\b",
    re.IGNORECASE,
)
# An amount standing as one of a list or after "a": "a $15 wage", "..., and $15 wage".
_INDEFINITE = re.compile(r"(?:\ban?|,|\band|\bor)\s+$", re.IGNORECASE)
# At most this many words between the word of wanting (or of opposing: what is opposed is
# no more in force than what is wanted) and the figure it wants ("pushed for a $15 wage"),
# or between it and a "to" or "for" just before the figure ("would raise the wage to $15",
# "back legislation for a $15 wage").
PROPOSAL_REACH = 2
PROPOSAL_TO_REACH = 4


# Words of a goal someone has for a count: "wants to settle 2 million refugees".
_GOAL = re.compile(
    r"\b(?:wants?|wanted|seeks?|sought|hopes?|hoped|aims?|aimed|pledged|promised|vowed|vows)"
    r"\s+to\s+(?:[a-z]+\s+){1,4}$",
    re.IGNORECASE,
)


def a_goal(before: str) -> bool:
    """'Ankara wants to settle 2 million refugees', 'pledged to take in 25,000': a count
    someone means to reach, not one that is so."""
    return bool(_GOAL.search(clause_before(before)))


def proposed(before: str, unit: str, listed: bool = True) -> bool:
    """'Sanders pushed for a $15 minimum wage', 'proposed a 25% tariff': an amount of money
    or a rate someone wants set, the figure a few words after the wanting; or an amount
    listed among someone's wants ("the policies he champions, including a $15 minimum
    wage"; for a measure named before its amount, not ``listed``, only in its own clause:
    "policies that hurt them, and live in a state with a minimum wage of $5" names no
    want). A count someone wants is no proposal ("proposed refugees" would say nothing
    better): after "wants to settle" it is a goal (``a_goal``), else it is left as it is.
    """
    if not (is_money(unit) or unit == PERCENT):
        return False
    clause = clause_before(before)
    if _INDEFINITE.search(before) and _PROPOSAL_NOUNS.search(before if listed else clause):
        return True
    wants = list(_PROPOSING.finditer(clause))
    if not wants:
        return False
    gap = clause[wants[-1].end() :].split()
    linked = bool(gap) and (gap[-1] == "to" or "for" in gap[-2:])
    return len(gap) <= PROPOSAL_REACH or (len(gap) <= PROPOSAL_TO_REACH and linked)
