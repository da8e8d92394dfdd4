"""Names an article itself declares to be one: "the Islamic State, also known as Daesh",
"the Republican Party (GOP)", "Ada Quill, whose real name is Adaeze Okafor", Ada "Adi"
Quill.

Such a statement joins the two names' clusters in the article, and the joined entity keeps
the declared name apart from its other aliases (``Entity.equivalents``), so that the base
can join the other articles that use only that name. The patterns are the plain wordings
news uses; a bracket after a place is a dateline's wire credit ("PARIS (AFP)"), never a
second name, and neither is a bracket after a line's capitals.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from bot.extract.entities.clusters import Cluster
from bot.extract.entities.mention import NameMention
from bot.extract.entities.nicknames import is_nickname_of
from bot.textnorm import spells_acronym

# What stands between the two names, and what must follow the second.
_BETWEEN: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r" \($"), ")"),
    (
        re.compile(
            r",? \((?:also |better |commonly |often )?(?:known as|a\.k\.a\.|aka) (?:the )?$"
        ),
        ")",
    ),
    (re.compile(r", (?:also |better |commonly |often |widely )?known as (?:the )?$"), ""),
    (re.compile(r", (?:a\.k\.a\.|aka) (?:the )?$"), ""),
    (re.compile(r", whose (?:real|full|birth|legal) name is $"), ""),
)
# The longest stretch of text between two names that one of the patterns can fill.
_MAX_BETWEEN = 40
# A name inside "of ...", "in ...": a comma's "known as" after it may be said of the
# phrase's head ("the gathering in Lowater, Velmaria, known as the Summit").
_OF_BEFORE = re.compile(r"\b(?:of|in|at|from) (?:the )?(?:[A-Z][\w.-]*,? )*$")
# Types a declared name may not have: places and peoples are named, not renamed.
_NOT_RENAMED = frozenset({"GPE", "NORP"})


def join_declared(text: str, clusters: list[Cluster]) -> list[Cluster]:
    """``clusters`` with every pair the text declares one joined, the second into the
    first, whose ``declared`` names then hold the second's name."""
    home = {id(m): c for c in clusters for m in c.mentions}
    mentions = sorted((m for c in clusters for m in c.mentions), key=lambda m: m.start)
    merged: dict[int, Cluster] = {}  # cluster joined -> the cluster it joined

    def current(cluster: Cluster) -> Cluster:
        while id(cluster) in merged:
            cluster = merged[id(cluster)]
        return cluster

    glosses = _glosses(text, mentions)
    for first, second in pairwise(mentions):
        if id(first) in glosses:
            continue
        if not _declared(text, first, second):
            continue
        a, b = current(home[id(first)]), current(home[id(second)])
        if a is b or a.type in _NOT_RENAMED or b.type in _NOT_RENAMED:
            continue
        a.declared |= {first.surface, second.surface}
        if is_nickname_of(text, first, second):
            a.declared.add(f"{second.surface} {first.surface.split()[-1]}")  # "Adi Quill"
            # The nickname is this person's alone: the word may also be another person's
            # name in the article (William "Ryan" Owens beside a Paul Ryan).
            if any(m.surface != second.surface for m in b.mentions):
                b.mentions.remove(second)
                b.starts.remove(second.start)
                a.mentions.append(second)
                a.mentions.sort(key=lambda m: m.start)
                a.starts = sorted([*a.starts, second.start])
                continue
        a.declared |= b.declared
        for mention in b.mentions:
            a.mentions.append(mention)
        a.mentions.sort(key=lambda m: m.start)
        a.starts = sorted(a.starts + b.starts)
        a.acronyms |= b.acronyms
        a.in_body = a.in_body or b.in_body
        merged[id(b)] = a
    return [c for c in clusters if id(c) not in merged]


def _bare_bracket(text: str, first: NameMention, second: NameMention) -> bool:
    """'Name (Other)': a word name, not an acronym, in brackets right after a name."""
    return (
        text[first.end : second.start] == " ("
        and text.startswith(")", second.end)
        and not spells_acronym(second.surface)
    )


def _glosses(text: str, mentions: list[NameMention]) -> set[int]:
    """The names (ids of their mentions) of sentences that give several names a bracketed
    name each: "Robinson (Quill) and Ortiz (Reis)", "Pipegate (Quill), Dockgate (Reis)"
    gloss each name with whom it went with. Such brackets say who, not what else the name
    is called."""
    bracketed = [first for first, after in pairwise(mentions) if _bare_bracket(text, first, after)]
    per_sentence = Counter(first.sentence for first in bracketed)
    return {id(first) for first in bracketed if per_sentence[first.sentence] > 1}


def _declared(text: str, first: NameMention, second: NameMention) -> bool:
    if first.sentence != second.sentence or first.headline or second.headline:
        return False
    if is_nickname_of(text, first, second):
        return True
    if not 0 < second.start - first.end <= _MAX_BETWEEN:
        return False
    if first.surface.isupper() and text.startswith(" (", first.end):
        return False  # a dateline in capitals and its wire credit: "LOWATER (AFP)"
    between = text[first.end : second.start]
    if between == " (" and _stray_letters(first.surface, second.surface):
        return False
    for pattern, closing in _BETWEEN:
        if closing == "" and _OF_BEFORE.search(text, max(0, first.start - 60), first.start):
            continue  # "the son of Ada Quill, known as AQ": the son may be the one known so
        if pattern.fullmatch(between) and text.startswith(closing, second.end):
            return True
    return False


def _stray_letters(name: str, bracketed: str) -> bool:
    """Two capitals in brackets that no word of the name begins with are a place or a
    party ("Harbour Forum (NV)", "Ada Quill (D)"), not the name's acronym; a longer one
    may still be a name's older or foreign acronym ("Grand Old Party" is the GOP)."""
    letters = bracketed.replace(".", "")
    initials = {word[0] for word in name.split() if word[:1].isupper()}
    return len(letters) <= 2 and letters.isupper() and letters[0] not in initials
