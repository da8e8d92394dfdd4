"""Context of a name: an acronym defined in brackets after it, and a description of who it
is: a role in lower case just before it ("the rebel commander X") or an appositive ("The
mayor of the capital, X," and "X, the mayor of the capital,")."""

from __future__ import annotations

import re

from bot.extract.entities.context import ArticleContext
from bot.extract.lexicon import (
    FUNCTION_WORDS,
    HONORIFICS,
    ORG_CUES_BEFORE,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    speech_verbs,
)
from bot.extract.tokens import Token, Tokens, is_acronym
from bot.model import Article

# The most words taken for a role before a name ("former deputy foreign minister").
_MAX_ROLE_WORDS = 5
# Words after which a role word is a verb: "to head", "will chair".
_VERB_MARKERS = frozenset({"to", "will", "would", "could", "should", "must", "can", "may"})
_ROLE = "|".join(sorted(h for h in TITLE_HEADS if h.isalpha()))
_ROLE_PHRASE = (
    rf"((?:[\w'-]+ ){{0,4}}?(?:{_ROLE})(?: of (?:the )?[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*)?)"
)
# "The mayor of the capital, Ana Ortiz," and "Lena Dahl, the mayor of X,"
_APPOSITIVE_BEFORE = re.compile(rf"(?:^|[,;:] )(?:[Tt]he|[Aa]n?) {_ROLE_PHRASE}, $")
_APPOSITIVE_AFTER = re.compile(rf"^, (?:the|a|an|who is the|who is a) {_ROLE_PHRASE}(?=[,.;])")


def bracketed_acronym(ctx: ArticleContext, tokens: Tokens, end: int, words: list[Token]) -> str:
    """The acronym in brackets right after the name ``words`` (ending at token ``end``),
    if it starts with one of the name's initials: "Coastal Rescue Authority (CRA)"."""
    texts = tokens.texts
    if end + 2 < len(texts) and texts[end] == "(" and texts[end + 2] == ")":
        candidate = texts[end + 1]
        initials = {t.text[:1].upper() for t in words}
        if ctx.acronym(candidate) and candidate[0] in initials:
            return candidate
    return ""


def role_before(ctx: ArticleContext, tokens: Tokens, start: int) -> str:
    """A role just before the name at token ``start``: a role or organisation word, with
    the lower-case words, nationalities and acronyms that lead up to it ("the rebel
    commander", "UN envoy"). A form of address ("Mr.") is no role, and a role word after
    "to" is a verb ("to judge Ortiz")."""
    texts, lowers = tokens.texts, tokens.lowers
    k = start
    role: list[str] = []
    while k > 0 and len(role) < _MAX_ROLE_WORDS:
        word, lower = texts[k - 1], lowers[k - 1]
        if lower in TITLE_HEADS or lower in ORG_CUES_BEFORE or (role and _leads_role(ctx, word)):
            role.insert(0, word)
        else:
            break
        k -= 1
    if len(role) == 1 and k and lowers[k - 1] in _VERB_MARKERS:
        return ""  # "to judge Ortiz"
    if k and texts[k - 1][:1].isalnum() and lowers[k - 1] not in FUNCTION_WORDS:
        # The role is not the start of a phrase ("Vindr met UN envoy Quill"): its leading
        # plain words may be anything, and only the words that make roles are kept.
        while role and not _makes_role(ctx, role[0]):
            role.pop(0)
    role = [w for w in role if w.lower() not in HONORIFICS]
    if not any(_names_role(w) for w in role):
        return ""  # what stood before a form of address: "to support Mr. Vindr"
    return " ".join(role)


def _names_role(word: str) -> bool:
    lower = word.lower()
    return lower in TITLE_HEADS or lower in ORG_CUES_BEFORE or is_acronym(word)


def _makes_role(ctx: ArticleContext, word: str) -> bool:
    lower = word.lower()
    return (
        lower in TITLE_HEADS
        or lower in ORG_CUES_BEFORE
        or lower in TITLE_MODIFIERS
        or lower in ctx.demonyms
        or is_acronym(word)
    )


def _leads_role(ctx: ArticleContext, word: str) -> bool:
    """A word that may stand before a role word: "the rebel commander", "UN envoy"."""
    lower = word.lower()
    if is_acronym(word) or lower in ctx.demonyms or lower in TITLE_MODIFIERS:
        return True
    return (
        word.isalpha()
        and word.islower()
        and lower not in FUNCTION_WORDS
        and lower not in _VERB_MARKERS
        and not lower.endswith(("ed", "ing"))
        and lower not in speech_verbs()
    )


def appositive(article: Article, sentence: int, start: int, end: int) -> str:
    """The role an appositive gives the name at characters ``start`` to ``end``."""
    text = article.text
    bounds = article.sentences[sentence]
    match = None
    if text.endswith(", ", bounds.start, start):
        before = text[max(bounds.start, start - 80) : start]
        match = _APPOSITIVE_BEFORE.search(before)
    if match is None and text.startswith(", ", end, bounds.end):
        match = _APPOSITIVE_AFTER.match(text[end : bounds.end])
    return match.group(1) if match else ""
