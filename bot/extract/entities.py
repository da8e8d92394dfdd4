"""Named entities: people, organisations, places and peoples, each under its fullest name.

The approach, in three passes over an article:

1. *Chunks.* In ordinary sentences a name is a run of capitalised words, with particles
   (al-, bin, de, von) and "of"/"for" after an organisation or role word allowed inside.
   A sentence's first word is dropped when it is a common word that merely carries the
   sentence's capital ("Backed by ...", "Government forces ..."). A leading role splits off
   as the person's description ("Kenyan Foreign Minister | Adaeze Okafor"); leading
   nationalities split off unless an organisation word ends the name ("Kenyan | President
   ..." but "Kenyan Observatory for Human Rights").
2. *Types* come from cues that hold in any news text: a role before the name, an
   organisation word at its end or just after it ("Nightfall movement"), the GeoNames
   gazetteer, a defined acronym, nationality words, "X regime"/"X's forces".
3. *Identity.* Full names head clusters; short forms join them (surname -> person,
   acronym or initials -> organisation, a trailing part -> the longer name). Headline
   lines in Title Case carry no capitalisation signal, so they only add mentions of names
   the body or the gazetteer already knows.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_left, insort
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter, itemgetter

from bot.extract.lexicon import (
    DAYS,
    FUNCTION_WORDS,
    GEO_HEADS,
    MONTHS,
    ORG_CUES_AFTER,
    ORG_CUES_BEFORE,
    ORG_HEADS,
    ORG_PREFIXES,
    PARTICLES,
    PLACE_CUES_AFTER,
    PLACE_CUES_BEFORE,
    PLACE_DIRECTIONS,
    PLACE_PREFIXES,
    SPEECH_VERBS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    WEAK_ORG_HEADS,
    common_words,
    demonyms,
    places,
)
from bot.extract.tokens import (
    Token,
    Tokens,
    is_acronym,
    is_capitalised,
    is_possessive,
    strip_possessive,
    tokenize_sentences,
)
from bot.model import Article, Entity, Mention
from bot.textnorm import fold, name_key

# Words after a single unknown name that mark a leader: "Varga regime", "Vrana's forces".
PERSON_CUES_AFTER = frozenset(
    ["regime", "administration", "government", "forces", "loyalists", "camp"]
)
_OF_WORDS = frozenset({"of", "for"})
# Lower-case words that can join two capitalised parts of one name.
_CONNECTORS = PARTICLES | _OF_WORDS | {"and"}
_NOT_INITIALS = PARTICLES | _OF_WORDS
_OF_AFTER = frozenset({"states", "republic", "kingdom", "emirates", "rights"})
_OPENERS = frozenset({'"', "'", "(", "[", "-", ":"})
_STRONG, _MEDIUM, _WEAK = 3, 2, 1
# A tie between types' votes goes to the one listed first.
_TYPE_RANK = {kind: rank for rank, kind in enumerate(("PERSON", "GPE", "ORG", "NORP", "OTHER"))}
# What a nationality and a common word name when they are no body: "Libyan War".
EVENT_WORDS = frozenset(
    "war wars conflict revolution crisis uprising spring offensive election elections".split()
)
# The most words a name runs to ("Organization for the Prohibition of Chemical Weapons").
MAX_NAME_WORDS = 7
_ASCII_LOWER = frozenset(string.ascii_lowercase)
_ROLE = "|".join(sorted(h for h in TITLE_HEADS if h.isalpha()))
_ROLE_PHRASE = (
    rf"((?:[\w'-]+ ){{0,4}}?(?:{_ROLE})(?: of (?:the )?[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*)?)"
)
# "The mayor of the capital, Ana Ortiz," and "Lena Dahl, the mayor of X,"
_APPOSITIVE_BEFORE = re.compile(rf"(?:^|[,;:] )(?:[Tt]he|[Aa]n?) {_ROLE_PHRASE}, $")
_APPOSITIVE_AFTER = re.compile(rf"^, (?:the|a|an|who is the|who is a) {_ROLE_PHRASE}(?=[,.;])")


@dataclass(eq=False, slots=True)
class _Mention:
    words: list[Token]
    sentence: int
    type: str | None = None
    strength: int = 0
    description: str = ""
    acronym: str = ""
    headline: bool = False
    surface: str = ""
    key: str = ""
    start: int = 0
    end: int = 0

    def __post_init__(self) -> None:
        self.surface = _surface(self.words)
        self.key = name_key(self.surface)
        self.start, self.end = self.words[0].start, self.words[-1].end


@dataclass(eq=False, slots=True)
class _Cluster:
    """Mentions of one entity, with what ``_home`` asks of them for every new mention
    (type, initials, last words) kept current as mentions arrive."""

    order: int  # clusters are numbered as they are made
    mentions: list[_Mention] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # of the mentions, in order
    acronyms: set[str] = field(default_factory=set)
    key_words: set[str] = field(default_factory=set)
    votes: dict[str, int] = field(default_factory=dict)
    type: str | None = None  # the type with the most votes
    in_body: bool = False  # named outside a headline
    initials: set[str] = field(default_factory=set)  # "UN" for "United Nations"
    last_words: set[str] = field(default_factory=set)  # lower case, of mentions with a key

    def add(self, mention: _Mention, key_words: set[str], last_word: str) -> None:
        """Add ``mention``, whose key splits into ``key_words`` and whose surname as a
        lone mention would spell it is ``last_word``."""
        self.mentions.append(mention)
        insort(self.starts, mention.start)
        self.key_words |= key_words
        if mention.acronym:
            self.acronyms.add(mention.acronym.replace(".", ""))
        kind = mention.type
        if kind:
            # Only ``kind`` gains votes, so it either overtakes the leader or not.
            votes = self.votes[kind] = self.votes.get(kind, 0) + mention.strength * (
                1 if mention.headline else 2
            )
            leader = self.type
            if leader is None or (
                kind != leader
                and (votes, -_TYPE_RANK[kind]) > (self.votes[leader], -_TYPE_RANK[leader])
            ):
                self.type = kind
        if not mention.headline:
            self.in_body = True
        if len(mention.words) >= 2:
            words = [t.text for t in mention.words if t.lower not in _NOT_INITIALS]
            if len(words) >= 2:
                self.initials.add("".join(w[0] for w in words).upper())
        if mention.key:
            self.last_words.add(last_word)


def _last_word(mention: _Mention) -> str:
    """The surname as a lone mention would spell it: "al-Rashid" -> "rashid"."""
    last = mention.words[-1].lower
    head, dash, rest = last.partition("-")
    return rest if dash and head in PARTICLES else last


class _Clusters:
    """An article's clusters, with the lookups ``_home`` makes for every mention: by key,
    by key word and by last word (each answer oldest first, as a scan would find them)."""

    def __init__(self) -> None:
        self.all: list[_Cluster] = []
        self.by_key: dict[str, _Cluster] = {}
        self._by_word: dict[str, list[_Cluster]] = {}
        self._by_last_word: dict[str, list[_Cluster]] = {}

    def new(self) -> _Cluster:
        cluster = _Cluster(len(self.all))
        self.all.append(cluster)
        return cluster

    def add(self, cluster: _Cluster, mention: _Mention) -> None:
        key_words = set(mention.key.split())
        for word in key_words - cluster.key_words:
            self._by_word.setdefault(word, []).append(cluster)
        last = _last_word(mention)
        if mention.key and last not in cluster.last_words:
            self._by_last_word.setdefault(last, []).append(cluster)
        cluster.add(mention, key_words, last)

    def with_words(self, words: set[str]) -> list[_Cluster]:
        """Clusters whose key words include all of ``words`` (at least one)."""
        some = self._by_word.get(next(iter(words)), [])
        return sorted((c for c in some if words <= c.key_words), key=attrgetter("order"))

    def with_last_word(self, lower: str) -> list[_Cluster]:
        """Clusters with a mention whose last word is ``lower``."""
        return sorted(self._by_last_word.get(lower, []), key=attrgetter("order"))


def _surface(words: list[Token]) -> str:
    """The name as written, spacing kept, possessive dropped."""
    if len(words) == 1:
        return strip_possessive(words[0].text)
    text = ""
    for i, token in enumerate(words):
        if i and token.start > words[i - 1].end:
            text += " "
        text += strip_possessive(token.text) if i == len(words) - 1 else token.text
    return text


def _is_title_case(tokens: Tokens) -> bool:
    """A headline whose every word is capitalised: capitals say nothing there."""
    texts = tokens.texts
    if len(texts) > 40:
        return False
    # A word starting a-z is neither capitalised nor shouted, so when such words are over
    # 30% of the tokens both tests below fail: this count, done in C, settles most prose.
    lower_starts = sum(map(_ASCII_LOWER.__contains__, map(itemgetter(0), texts)))
    if 10 * lower_starts > 3 * len(texts):
        return False
    words = capitalised = shouting = 0
    small_capitalised = False  # "Of", "The": only a headline capitalises those
    for text, lower in zip(texts, tokens.lowers, strict=True):
        if not text[:1].isalpha():
            continue
        words += 1
        if text[:1].isupper():
            capitalised += 1
            small_capitalised = small_capitalised or lower in FUNCTION_WORDS
        if len(text) > 1 and text.isupper():
            shouting += 1
    return words >= 5 and (
        shouting >= 0.7 * words or (capitalised >= 0.85 * words and small_capitalised)
    )


def _name_starts(tokens: Tokens) -> list[int]:
    """Where a name can begin: a capitalised word or a particle ("al", "von")."""
    return [k for k, text in enumerate(tokens.texts) if text[0].isupper() or text in PARTICLES]


@lru_cache(maxsize=65536)
def _name_word(word: str) -> bool:
    lower = strip_possessive(word.lower())
    return (
        is_capitalised(word)
        and lower not in FUNCTION_WORDS
        and lower not in MONTHS
        and lower not in DAYS
    )


_Verdict = tuple[str | None, int]


@lru_cache(maxsize=65536)
def _name_cues(
    lowers: tuple[str, ...], folded: str, first_word: str
) -> tuple[_Verdict | None, _Verdict | None, _Verdict | None]:
    """What a name says of its type by itself, as three verdicts ``_type`` weighs against
    the context in turn: one that outranks every context cue, one that outranks all but a
    place cue, and a last one (None for a lone word it cannot type). Names recur, within an
    article and across articles, so this is worked out once per name."""
    gazetteer, peoples = places(), demonyms()
    several = len(lowers) > 1
    first: _Verdict | None = None
    if folded in gazetteer:
        first = "GPE", _STRONG
    elif _org_name(lowers):
        first = "ORG", _STRONG
    elif lowers[-1] in peoples:
        first = "NORP", _STRONG  # "Ohio Republican", "Middle Eastern"
    elif several and lowers[-1] in GEO_HEADS:
        first = "OTHER", _STRONG  # "Mediterranean Sea", "Capitol Hill"
    elif several and lowers[0] in ORG_PREFIXES:
        first = "ORG", _MEDIUM  # "Jaish al-Islam"
    second: _Verdict | None = None
    if several and lowers[0] in PLACE_PREFIXES:
        second = "GPE", _WEAK  # "Khan Sheikhoun", "Deir Ezzor"
    elif not several and is_acronym(first_word):
        second = "ORG", _MEDIUM
    elif folded in peoples:
        second = "NORP", _STRONG
    third: _Verdict | None = None
    if lowers[0] in PARTICLES or lowers[0].split("-")[0] in PARTICLES:
        third = ("ORG", _WEAK) if len(name_key(folded).split()) == 1 else ("PERSON", _WEAK)
    elif several:
        if any(w in common_words() for w in lowers if w not in PARTICLES):
            if lowers[0] in peoples and lowers[-1] not in EVENT_WORDS:
                third = "ORG", _WEAK  # "Islamic State", but not "Libyan War"
            else:
                third = "OTHER", _WEAK
        else:
            third = "PERSON", _WEAK
    return first, second, third


def _org_name(lowers: Sequence[str]) -> bool:
    """Whether the words name a body: "Red Crescent Society", "Ministry of Health"."""
    if not lowers:
        return False
    if lowers[-1] in ORG_HEADS:
        return True
    for k, word in enumerate(lowers):
        heads = word in ORG_HEADS or (word in WEAK_ORG_HEADS and (k >= 1 or len(lowers) > 2))
        if heads and (k == len(lowers) - 1 or lowers[k + 1] in _OF_WORDS):
            return True
    return False


class EntityExtractor:
    """Extracts one article's entities; create one per article."""

    def __init__(self, article: Article, tokens: list[Tokens]) -> None:
        self.article = article
        self.common = common_words()
        self.places = places()
        self.demonyms = demonyms()
        self.mentions: list[_Mention] = []
        self.tokens = tokens
        self.headlines = [_is_title_case(t) for t in tokens]
        self.name_starts: list[list[int]] = []  # of each body sentence
        # Words the article capitalises somewhere other than a sentence's start.
        self.capitalised_inside: set[str] = set()
        for sentence, headline in zip(tokens, self.headlines, strict=True):
            if headline:
                self.name_starts.append([])
                continue
            starts = _name_starts(sentence)
            self.name_starts.append(starts)
            inside = [sentence.lowers[k] for k in starts if k and sentence.texts[k][0].isupper()]
            self.capitalised_inside.update(map(strip_possessive, inside))

    # -- pass 1: chunks ---------------------------------------------------------------------

    def _chunks(self, tokens: Tokens, starts: list[int]) -> list[tuple[int, int]]:
        """[start, end) token ranges of capitalised runs, beginning at ``starts``."""
        texts = tokens.texts
        runs: list[tuple[int, int]] = []
        i = 0
        for i0 in starts:
            if i0 < i:
                continue
            i = i0
            if not _name_word(texts[i]) and not self._particle_start(tokens, i):
                continue
            j = i + 1
            while j < len(texts) and not is_possessive(texts[j - 1]):
                if _name_word(texts[j]):
                    j += 1
                elif texts[j] in _CONNECTORS and self._connector(tokens, i, j):
                    j += 2 if tokens.lowers[j + 1] == "the" else 1
                else:
                    break
            while j > i and not _name_word(texts[j - 1]):
                j -= 1
            if j > i:
                runs.append((i, j))
            i = max(j, i + 1)
        return runs

    @staticmethod
    def _particle_start(tokens: Tokens, i: int) -> bool:
        return (
            tokens.texts[i] in PARTICLES
            and i + 1 < len(tokens.texts)
            and _name_word(tokens.texts[i + 1])
            and tokens.starts[i + 1] == tokens.ends[i] + 1
        )

    @staticmethod
    def _connector(tokens: Tokens, i: int, j: int) -> bool:
        """Whether ``texts[j]``, one of ``_CONNECTORS``, joins two capitalised parts of one
        name."""
        texts, lowers = tokens.texts, tokens.lowers
        word = texts[j]
        nxt = j + 1
        if nxt < len(texts) and lowers[nxt] == "the" and word in _OF_WORDS:
            nxt += 1
        if nxt >= len(texts) or not _name_word(texts[nxt]):
            return False
        if word in PARTICLES:
            return True
        if word == "and":
            # "House Oversight and Government Reform Committee": one body, not two.
            if any(strip_possessive(w) in ORG_HEADS for w in lowers[i:j]):
                return False
            k = nxt
            while k < len(texts) and k - nxt < 5 and _name_word(texts[k]):
                k += 1
            return strip_possessive(lowers[k - 1]) in ORG_HEADS
        if word in _OF_WORDS:
            previous = strip_possessive(lowers[j - 1])
            heads = ORG_HEADS | WEAK_ORG_HEADS | TITLE_HEADS | _OF_AFTER
            return previous in heads and j - 1 >= i
        return False

    def _drop_sentence_start(self, tokens: Tokens, start: int, end: int) -> int:
        """Skip a first word that is capitalised only because it opens the sentence."""
        if start and tokens.texts[0] not in _OPENERS:
            return start  # most chunks: a word has come before
        lower = strip_possessive(tokens.lowers[start])
        if lower not in self.common or not all(t in _OPENERS for t in tokens.texts[:start]):
            return start
        if lower in self.places or lower in self.demonyms:
            return start
        if end - start > 1 and (
            lower in self.capitalised_inside or lower in TITLE_HEADS or lower in TITLE_MODIFIERS
        ):
            return start
        return start + 1

    # -- pass 1b: a chunk into description + name + cues -------------------------------

    def _split_chunk(self, tokens: Tokens, start: int, end: int, sentence: int) -> None:
        if end - start == 1:
            # Most chunks are one word, with no role, nationality or second name to split
            # off: a role word alone names no one ("the President"), but may be a people's.
            lower = strip_possessive(tokens.lowers[start])
            if lower in TITLE_HEADS:
                self._add_peoples([tokens.token(start)], sentence)
            else:
                self._add([tokens.token(start)], [lower], tokens, start, end, sentence)
            return
        words = tokens.words(start, end)
        lowers = list(map(strip_possessive, tokens.lowers[start:end]))
        if not TITLE_HEADS.isdisjoint(lowers):
            split = self._role_end(lowers)
            if split:
                # A leading role: "Kenyan Foreign Minister | Adaeze Okafor".
                description = " ".join(t.text for t in words[:split])
                self._add_peoples(words[:split], sentence)
                self._add(
                    words[split:],
                    lowers[split:],
                    tokens,
                    start + split,
                    end,
                    sentence,
                    "PERSON",
                    _STRONG,
                    description,
                )
                return
            if all(w in TITLE_HEADS or w in TITLE_MODIFIERS or w in self.demonyms for w in lowers):
                self._add_peoples(words, sentence)
                return
            if "of" in lowers:
                # "Mayor of Paris", "Governor of New York": a role and a place, no person.
                k = len(lowers) - lowers[::-1].index("of")
                if " ".join(lowers[k:]) in self.places:
                    self._add(words[k:], lowers[k:], tokens, start + k, end, sentence)
                    return
        # Leading nationalities split off unless the whole is one name: an organisation
        # ("Kenyan Observatory for Human Rights"), a place ("Saudi Arabia"), or a nationality
        # with a common word ("Islamic State").
        lead = 0
        while lead < len(words) - 1 and lowers[lead] in self.demonyms:
            lead += 1
        rest = lowers[lead:]
        if lead and not (
            _org_name(rest)
            or fold(" ".join(t.text for t in words)) in self.places
            or (len(rest) == 1 and rest[0] in self.common)
        ):
            self._add_peoples(words[:lead], sentence)
            words, lowers, start = words[lead:], lowers[lead:], start + lead
        # Direction words before a place: "northern Syria" (but "North Carolina" is one).
        if (
            len(words) > 1
            and lowers[0] in PLACE_DIRECTIONS
            and " ".join(lowers) not in self.places
            and " ".join(lowers[1:]) in self.places
        ):
            words, lowers, start = words[1:], lowers[1:], start + 1
        # Places run together where commas were lost: "Aleppo Syria", "Turkey Russia".
        if (
            len(words) > 1
            and " ".join(lowers) not in self.places
            and all(w in self.places or (w.endswith("s") and w[:-1] in self.places) for w in lowers)
        ):
            for k in range(len(words)):
                self._add(
                    words[k : k + 1], lowers[k : k + 1], tokens, start + k, start + k + 1, sentence
                )
            return
        # A wire agency glued to a headline: "Syria Monitor AFP" -> "AFP".
        if (
            len(words) > 1
            and is_acronym(words[-1].text)
            and "." not in words[-1].text
            and not any(is_acronym(t.text) for t in words[:-1])
        ):
            self._split_chunk(tokens, start, end - 1, sentence)
            self._add(words[-1:], lowers[-1:], tokens, end - 1, end, sentence)
            return
        # A body run into a person's name: "United Nations | Susan Rice".
        for k in range(len(words) - 2, 0, -1):
            if lowers[k - 1] in ORG_HEADS and all(
                w not in self.common and w not in ORG_HEADS for w in lowers[k:]
            ):
                self._add(words[:k], lowers[:k], tokens, start, start + k, sentence)
                self._add(words[k:], lowers[k:], tokens, start + k, end, sentence)
                return
        self._add(words, lowers, tokens, start, end, sentence)

    def _role_end(self, lowers: list[str]) -> int:
        """How many leading words are a role before a name, 0 if there is none.

        The role ends at its last role word ("Paris British Prime Minister | David
        Cameron") or after that word's "of" phrase ("Director of National Intelligence |
        James Clapper"); what follows must still read as a name.
        """
        heads = [k for k, w in enumerate(lowers[:-1]) if w in TITLE_HEADS]
        if not heads:
            return 0
        split = heads[-1] + 1
        if lowers[split] in _OF_WORDS:
            j = split + 1 + (lowers[split + 1 : split + 2] == ["the"])
            # "Governor of New York", "Secretary of Homeland Security"; a place only right
            # after "of", so a first name that is also a town stays with its surname.
            for n in (3, 2, 1):
                if j + n < len(lowers) and " ".join(lowers[j : j + n]) in self.places:
                    j += n
                    break
            while j < len(lowers) - 1 and self._role_word(lowers[j]):
                j += 1
            split = j
        name = lowers[split:]
        if not name or name[0] in _OF_WORDS or name[0] == "the":
            return 0
        if " ".join(name) in self.places:
            return 0  # "the Mayor of Paris" names no person
        if all(self._role_word(w) or w in TITLE_HEADS for w in name):
            return 0
        return split

    def _role_word(self, word: str) -> bool:
        return (
            word in self.common
            or word in TITLE_MODIFIERS
            or word in ORG_HEADS
            or word in self.demonyms
        )

    def _add_peoples(self, words: list[Token], sentence: int) -> None:
        for token in words:
            if strip_possessive(token.lower) in self.demonyms:
                self.mentions.append(_Mention([token], sentence, "NORP", _STRONG))

    def _add(
        self,
        words: list[Token],
        lowers: list[str],
        tokens: Tokens,
        start: int,
        end: int,
        sentence: int,
        kind: str | None = None,
        strength: int = 0,
        description: str = "",
    ) -> None:
        """Record a name (``lowers``: its words in lower case, possessive dropped)."""
        folded = fold(" ".join([strip_possessive(t.text) for t in words]))
        last = lowers[-1]
        if last.endswith("s") and last not in self.places and last[:-1] in self.places:
            # "Kenyas Nairobi": text that lost its apostrophes.
            words = [
                *words[:-1],
                words[-1]._replace(text=words[-1].text[:-1], end=words[-1].end - 1),
            ]
            lowers = [*lowers[:-1], last[:-1]]
            folded = fold(" ".join(t.text for t in words))
        mention = _Mention(words, sentence, kind, strength, description)
        if kind is None:
            mention.type, mention.strength = self._type(words, lowers, folded, tokens, start, end)
        if (
            len(words) == 1
            and lowers[0] in self.common
            and not is_acronym(words[0].text)
            and mention.type not in ("GPE", "NORP")
            and not self._org_cue(tokens, start, end)
        ):
            return  # "the Army", "the West": a capitalised common word alone is no name
        self._context(mention, tokens, start, end)
        self.mentions.append(mention)

    def _type(
        self,
        words: list[Token],
        lowers: list[str],
        folded: str,
        tokens: Tokens,
        start: int,
        end: int,
    ) -> tuple[str | None, int]:
        """The name's type and how sure it is: what the name itself says, weighed in turn
        against the words around it ("the town of X", "Minister X", "X movement")."""
        first, second, third = _name_cues(tuple(lowers), folded, words[0].text)
        if first:
            return first
        texts, around = tokens.texts, tokens.lowers
        before = around[start - 1] if start else ""
        if before == "of" and start > 1:
            before = around[start - 2]  # "the town of X"
        after = around[end] if end < len(texts) else ""
        if after == "(" and end + 2 < len(texts) and texts[end + 2] == ")":
            after = around[end + 3] if end + 3 < len(texts) else ""
        if before in PLACE_CUES_BEFORE or after in PLACE_CUES_AFTER:
            return "GPE", _MEDIUM  # "the town of X", "X province"
        if second:
            return second
        if before in TITLE_HEADS and before.isalpha():
            return "PERSON", _STRONG
        if self._org_cue(tokens, start, end):
            return "ORG", _MEDIUM
        if third:
            return third
        # A lone word the name alone does not type.
        if after in PERSON_CUES_AFTER and (after != "forces" or is_possessive(words[0].text)):
            return "PERSON", _MEDIUM
        if after in SPEECH_VERBS:
            return "PERSON", _WEAK
        return None, 0

    @staticmethod
    def _org_cue(tokens: Tokens, start: int, end: int) -> bool:
        """'the Nightfall movement', 'the group Ceasefire Watch', 'the (DSB) group'."""
        texts, lowers = tokens.texts, tokens.lowers
        before = lowers[start - 1] if start else ""
        after = lowers[end] if end < len(texts) else ""
        if after == "(" and end + 3 < len(texts) and texts[end + 2] == ")":
            after = lowers[end + 3]
        return after in ORG_CUES_AFTER or before in ORG_CUES_BEFORE

    def _context(self, mention: _Mention, tokens: Tokens, start: int, end: int) -> None:
        """Acronym in brackets after the name; a role in lower case just before it."""
        texts = tokens.texts
        if end + 2 < len(texts) and texts[end] == "(" and texts[end + 2] == ")":
            candidate = texts[end + 1]
            initials = {t.text[:1].upper() for t in mention.words}
            if is_acronym(candidate) and candidate[0] in initials:
                mention.acronym = candidate
                if mention.type in (None, "OTHER", "PERSON") and mention.strength < _STRONG:
                    mention.type, mention.strength = "ORG", _MEDIUM
        if mention.description or mention.type not in (None, "PERSON", "ORG"):
            return
        k = start
        role: list[str] = []
        while k > 0 and len(role) < 5:
            word, lower = texts[k - 1], tokens.lowers[k - 1]
            if (
                lower in TITLE_HEADS
                or lower in ORG_CUES_BEFORE
                or (
                    role
                    and (
                        is_acronym(word)
                        or lower in self.demonyms
                        or lower in TITLE_MODIFIERS
                        or (
                            word.isalpha()
                            and word.islower()
                            and lower not in FUNCTION_WORDS
                            and not lower.endswith("ed")
                            and lower not in SPEECH_VERBS
                        )
                    )
                )
            ):
                role.insert(0, word)
            else:
                break
            k -= 1
        if role:
            mention.description = " ".join(role)
            return
        text = self.article.text
        sentence = self.article.sentences[mention.sentence]
        match = None
        if text.endswith(", ", sentence.start, mention.start):
            before = text[max(sentence.start, mention.start - 80) : mention.start]
            match = _APPOSITIVE_BEFORE.search(before)
        if match is None and text.startswith(", ", mention.end, sentence.end):
            match = _APPOSITIVE_AFTER.match(text[mention.end : sentence.end])
        if match:
            mention.description = match.group(1)

    # -- headlines --------------------------------------------------------------------------

    def _headline_mentions(
        self, tokens: Tokens, sentence: int, known: set[str], span: tuple[int, int] | None = None
    ) -> None:
        """In a Title Case line (or an over-long run of capitals, ``span``), keep only runs
        that name something already known."""
        i, stop = span or (0, len(tokens.texts))
        # How many words that can be part of a name run from each position on.
        runs = [0] * (stop + 1)
        for k in range(stop - 1, i - 1, -1):
            if _name_word(tokens.texts[k]) or tokens.lowers[k] in PARTICLES:
                runs[k] = runs[k + 1] + 1
        while i < stop:
            found = 0
            for n in range(min(6, runs[i]), 0, -1):
                words = tokens.words(i, i + n)
                text = _surface(words)
                folded, key = fold(text), name_key(text)
                if key in known or folded in self.places or folded in self.demonyms:
                    kind = "GPE" if folded in self.places else None
                    kind = "NORP" if folded in self.demonyms else kind
                    self.mentions.append(_Mention(words, sentence, kind, _WEAK, headline=True))
                    found = n
                    break
            i += found or 1

    # -- pass 3: identity -------------------------------------------------------------------

    def _cluster(self) -> list[_Cluster]:
        clusters = _Clusters()
        ordered = sorted(self.mentions, key=lambda m: (m.headline, m.start))
        full = [m for m in ordered if " " in m.key and not m.headline]  # two words or more
        for mention in full:
            cluster = clusters.by_key.get(mention.key) or self._home_without_s(mention, clusters)
            if cluster is None:
                cluster = clusters.by_key[mention.key] = clusters.new()
            clusters.add(cluster, mention)
        placed = {id(m) for m in full}
        for mention in ordered:
            if id(mention) in placed:
                continue
            cluster = self._home(mention, clusters) or self._home_without_s(mention, clusters)
            if cluster is None:
                cluster = clusters.new()
                clusters.by_key.setdefault(mention.key, cluster)
            clusters.add(cluster, mention)
        return [c for c in clusters.all if c.in_body or c.type in ("GPE", "NORP")]

    def _home_without_s(self, mention: _Mention, clusters: _Clusters) -> _Cluster | None:
        """'Assads', 'Bashar al-Assads': a possessive whose apostrophe the text lost."""
        surface, key = mention.surface, mention.key
        if not surface.endswith("s") or surface.endswith("ss") or mention.headline:
            return None
        mention.surface, mention.key = surface[:-1], name_key(surface[:-1])
        cluster = clusters.by_key.get(mention.key)
        if cluster is None and " " not in mention.key:
            cluster = self._home(mention, clusters)
        if cluster is not None and cluster.type in ("PERSON", "ORG"):
            return cluster
        mention.surface, mention.key = surface, key
        return None

    def _home(self, mention: _Mention, clusters: _Clusters) -> _Cluster | None:
        surface, key = mention.surface, mention.key
        if key in clusters.by_key:
            return clusters.by_key[key]
        letters = surface.replace(".", "")
        if is_acronym(surface):
            for cluster in clusters.all:
                if letters in cluster.acronyms or letters in cluster.initials:
                    return cluster
            return None
        if mention.type in ("GPE", "NORP") and mention.strength >= _STRONG:
            if mention.type == "GPE":
                # "Rogers" is a town, but not in an article about Mike Rogers.
                named = clusters.with_last_word(surface.lower())
                people = [c for c in named if c.type == "PERSON"]
                if people:
                    mention.type, mention.strength = "PERSON", _WEAK
                    return people[-1]
            return None
        words = set(key.split())
        if not words:
            return None
        candidates = [
            c for c in clusters.with_words(words) if c.type in ("PERSON", "ORG", None) and c.in_body
        ]
        if mention.type == "PERSON":
            candidates = [c for c in candidates if c.type == "PERSON"] or candidates
        if not candidates:
            return None

        # Several people share the word: the one the article names most (Juan Lopez, not
        # Maria, is "Lopez"), the most recently named among equals.
        def weight(cluster: _Cluster) -> tuple[int, int]:
            before = bisect_left(cluster.starts, mention.start)
            return len(cluster.mentions), cluster.starts[before - 1] if before else -1

        return max(candidates, key=weight)

    def extract(self) -> list[Entity]:
        headlines: list[tuple[int, Tokens, tuple[int, int] | None]] = []
        for index, tokens in enumerate(self.tokens):
            if self.headlines[index]:
                headlines.append((index, tokens, None))
                continue
            for start, end in self._chunks(tokens, self.name_starts[index]):
                start = self._drop_sentence_start(tokens, start, end)
                if end - start > MAX_NAME_WORDS:
                    # A list of names with no commas ("Tuvalu Uganda Ukraine ..."), not a name.
                    headlines.append((index, tokens, (start, end)))
                elif start < end:
                    self._split_chunk(tokens, start, end, index)
        known = {m.key for m in self.mentions}
        known |= {fold(m.acronym) for m in self.mentions if m.acronym}
        for index, tokens, span in headlines:
            self._headline_mentions(tokens, index, known, span)
        return [self._entity(c) for c in self._cluster()]

    def _entity(self, cluster: _Cluster) -> Entity:
        kind = cluster.type or "OTHER"
        body = [m for m in cluster.mentions if not m.headline] or cluster.mentions
        uses: dict[str, int] = {}
        for m in body:
            uses[m.surface] = uses.get(m.surface, 0) + 1
        name = max(uses, key=lambda s: (len(name_key(s).split()), not is_acronym(s), uses[s]))
        aliases = {m.surface for m in cluster.mentions} | cluster.acronyms
        if kind == "PERSON" and len(name_key(name).split()) >= 2:
            surname = name.split()[-1]
            aliases.add(surname.split("-", 1)[1] if surname.split("-")[0] in PARTICLES else surname)
        aliases.discard(name)
        descriptions = list(dict.fromkeys(m.description for m in cluster.mentions if m.description))
        mentions = [
            Mention(m.sentence, m.start, m.end, self.article.text[m.start : m.end])
            for m in sorted(cluster.mentions, key=attrgetter("start"))
        ]
        aliases_sorted = sorted(aliases, key=lambda a: (a.casefold(), a))
        return Entity(name, kind, aliases_sorted, mentions, descriptions)


def extract_entities(article: Article, tokens: list[Tokens] | None = None) -> list[Entity]:
    """All entities of ``article``, each with its mentions, aliases and descriptions.

    ``tokens`` are the sentences' tokens when the caller has them already.
    """
    if tokens is None:
        tokens = tokenize_sentences(article)
    return EntityExtractor(article, tokens).extract()
