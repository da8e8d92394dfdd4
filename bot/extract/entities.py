"""Named entities: people, organisations, places and peoples, each under its fullest name.

The approach, in three passes over an article:

1. *Chunks.* In ordinary sentences a name is a run of capitalised words, with particles
   (al-, bin, de, von) and "of"/"for" after an organisation or role word allowed inside.
   A sentence's first word is dropped when it is a common word that merely carries the
   sentence's capital ("Backed by ...", "Government forces ..."). A leading role splits off
   as the person's description ("Turkish Foreign Minister | Mevlut Cavusoglu"); leading
   nationalities split off unless an organisation word ends the name ("Syrian | President
   ..." but "Syrian Observatory for Human Rights").
2. *Types* come from cues that hold in any news text: a role before the name, an
   organisation word at its end or just after it ("Hezbollah movement"), the GeoNames
   gazetteer, a defined acronym, nationality words, "X regime"/"X's forces".
3. *Identity.* Full names head clusters; short forms join them (surname -> person,
   acronym or initials -> organisation, a trailing part -> the longer name). Headline
   lines in Title Case carry no capitalisation signal, so they only add mentions of names
   the body or the gazetteer already knows.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

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
    is_acronym,
    is_capitalised,
    is_possessive,
    strip_possessive,
    tokenize,
)
from bot.model import Article, Entity, Mention
from bot.textnorm import fold, name_key

# Words after a single unknown name that mark a leader: "Assad regime", "Haftar's forces".
PERSON_CUES_AFTER = frozenset(
    ["regime", "administration", "government", "forces", "loyalists", "camp"]
)
_OF_WORDS = frozenset({"of", "for"})
_OF_AFTER = frozenset({"states", "republic", "kingdom", "emirates", "rights"})
_OPENERS = frozenset({'"', "'", "(", "[", "-", ":"})
_STRONG, _MEDIUM, _WEAK = 3, 2, 1
_ROLE = "|".join(sorted(h for h in TITLE_HEADS if h.isalpha()))
_ROLE_PHRASE = (
    rf"((?:[\w'-]+ ){{0,4}}?(?:{_ROLE})(?: of (?:the )?[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*)?)"
)
# "The president of the United States, Donald Trump," and "Lena Dahl, the mayor of X,"
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
    mentions: list[_Mention] = field(default_factory=list)
    acronyms: set[str] = field(default_factory=set)
    key_words: set[str] = field(default_factory=set)
    votes: Counter[str] = field(default_factory=Counter)

    def add(self, mention: _Mention) -> None:
        self.mentions.append(mention)
        self.key_words.update(mention.key.split())
        if mention.acronym:
            self.acronyms.add(mention.acronym.replace(".", ""))
        if mention.type:
            self.votes[mention.type] += mention.strength * (1 if mention.headline else 2)


def _surface(tokens: list[Token]) -> str:
    """The name as written, spacing kept, possessive dropped."""
    text = ""
    for i, token in enumerate(tokens):
        if i and token.start > tokens[i - 1].end:
            text += " "
        text += strip_possessive(token.text) if i == len(tokens) - 1 else token.text
    return text


def _is_title_case(tokens: list[Token]) -> bool:
    """A headline whose every word is capitalised: capitals say nothing there."""
    if len(tokens) > 40:
        return False
    words = [t for t in tokens if t.text[:1].isalpha()]
    if len(words) < 5:
        return False
    small = [t for t in words if t.lower in FUNCTION_WORDS]
    capitalised = sum(1 for t in words if t.text[:1].isupper())
    shouting = sum(1 for t in words if t.text.isupper() and len(t.text) > 1)
    return shouting >= 0.7 * len(words) or (
        capitalised >= 0.85 * len(words) and any(t.text[:1].isupper() for t in small)
    )


def _is_name_word(token: Token) -> bool:
    return _name_word(token.text)


@lru_cache(maxsize=65536)
def _name_word(word: str) -> bool:
    lower = strip_possessive(word.lower())
    return (
        is_capitalised(word)
        and lower not in FUNCTION_WORDS
        and lower not in MONTHS
        and lower not in DAYS
    )


class EntityExtractor:
    """Extracts one article's entities; create one per article."""

    def __init__(self, article: Article, tokens: list[list[Token]]) -> None:
        self.article = article
        self.common = common_words()
        self.places = places()
        self.demonyms = demonyms()
        self.mentions: list[_Mention] = []
        self.tokens = tokens
        self.capitalised_inside = self._capitalised_inside()

    def _capitalised_inside(self) -> set[str]:
        """Words the article capitalises somewhere other than a sentence's start."""
        seen: set[str] = set()
        for tokens in self.tokens:
            if _is_title_case(tokens):
                continue
            for token in tokens[1:]:
                if token.text[:1].isupper():
                    seen.add(strip_possessive(token.lower))
        return seen

    # -- pass 1: chunks ---------------------------------------------------------------------

    def _chunks(self, tokens: list[Token]) -> list[tuple[int, int]]:
        """[start, end) token ranges of capitalised runs."""
        runs: list[tuple[int, int]] = []
        starts = [k for k, t in enumerate(tokens) if t.text[:1].isupper() or t.text in PARTICLES]
        i = 0
        for i0 in starts:
            if i0 < i:
                continue
            i = i0
            if not _is_name_word(tokens[i]) and not self._particle_start(tokens, i):
                continue
            j = i + 1
            while j < len(tokens) and not is_possessive(tokens[j - 1].text):
                if _is_name_word(tokens[j]):
                    j += 1
                elif self._connector(tokens, i, j):
                    j += 2 if tokens[j + 1].lower == "the" else 1
                else:
                    break
            while j > i and not _is_name_word(tokens[j - 1]):
                j -= 1
            if j > i:
                runs.append((i, j))
            i = max(j, i + 1)
        return runs

    @staticmethod
    def _particle_start(tokens: list[Token], i: int) -> bool:
        return (
            tokens[i].text in PARTICLES
            and i + 1 < len(tokens)
            and _is_name_word(tokens[i + 1])
            and tokens[i + 1].start == tokens[i].end + 1
        )

    @staticmethod
    def _connector(tokens: list[Token], i: int, j: int) -> bool:
        """A lower-case word joining two capitalised parts of one name."""
        word = tokens[j].text
        nxt = j + 1
        if nxt < len(tokens) and tokens[nxt].lower == "the" and word in _OF_WORDS:
            nxt += 1
        if nxt >= len(tokens) or not _is_name_word(tokens[nxt]):
            return False
        if word in PARTICLES:
            return True
        if word == "and":
            # "House Oversight and Government Reform Committee": one body, not two.
            if any(strip_possessive(t.lower) in ORG_HEADS for t in tokens[i:j]):
                return False
            k = nxt
            while k < len(tokens) and k - nxt < 5 and _is_name_word(tokens[k]):
                k += 1
            return strip_possessive(tokens[k - 1].lower) in ORG_HEADS
        if word in _OF_WORDS:
            previous = strip_possessive(tokens[j - 1].lower)
            heads = ORG_HEADS | WEAK_ORG_HEADS | TITLE_HEADS | _OF_AFTER
            return previous in heads and j - 1 >= i
        return False

    def _drop_sentence_start(self, tokens: list[Token], start: int, end: int) -> int:
        """Skip a first word that is capitalised only because it opens the sentence."""
        first = tokens[start]
        at_start = all(t.text in _OPENERS for t in tokens[:start])
        lower = strip_possessive(first.lower)
        if not at_start or lower not in self.common:
            return start
        if lower in self.places or lower in self.demonyms:
            return start
        if end - start > 1 and (
            lower in self.capitalised_inside or lower in TITLE_HEADS or lower in TITLE_MODIFIERS
        ):
            return start
        return start + 1

    # -- pass 1b: a chunk into description + name + cues -------------------------------

    def _split_chunk(self, tokens: list[Token], start: int, end: int, sentence: int) -> None:
        words = tokens[start:end]
        lowers = [strip_possessive(t.lower) for t in words]
        split = self._role_end(words, lowers)
        if split:
            # A leading role: "Turkish Foreign Minister | Mevlut Cavusoglu".
            description = " ".join(t.text for t in words[:split])
            self._add_peoples(words[:split], sentence)
            self._add(
                words[split:], tokens, start + split, end, sentence, "PERSON", _STRONG, description
            )
            return
        roles = [w in TITLE_HEADS or w in TITLE_MODIFIERS or w in self.demonyms for w in lowers]
        if all(roles) and any(w in TITLE_HEADS for w in lowers):
            self._add_peoples(words, sentence)
            return
        # Leading nationalities split off unless the whole is one name: an organisation
        # ("Syrian Observatory for Human Rights"), a place ("Saudi Arabia"), or a nationality
        # with a common word ("Islamic State").
        lead = 0
        while lead < len(words) - 1 and lowers[lead] in self.demonyms:
            lead += 1
        rest = lowers[lead:]
        whole = (
            self._org_name(rest)
            or fold(" ".join(t.text for t in words)) in self.places
            or (len(rest) == 1 and rest[0] in self.common)
        )
        if lead and not whole:
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
        # A body run into a person's name: "United Nations | Susan Rice".
        for k in range(len(words) - 2, 0, -1):
            if lowers[k - 1] in ORG_HEADS and all(
                w not in self.common and w not in ORG_HEADS for w in lowers[k:]
            ):
                self._add(words[:k], tokens, start, start + k, sentence)
                self._add(words[k:], tokens, start + k, end, sentence)
                return
        self._add(words, tokens, start, end, sentence)

    def _role_end(self, words: list[Token], lowers: list[str]) -> int:
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
            while j < len(lowers) - 1 and self._role_word(lowers[j]):
                j += 1
            split = j
        name = lowers[split:]
        if not name or name[0] in _OF_WORDS or name[0] == "the":
            return 0
        if all(self._role_word(w) or w in TITLE_HEADS for w in name):
            return 0
        return split

    def _role_word(self, word: str) -> bool:
        return (
            word in self.common
            or word in TITLE_MODIFIERS
            or word in ORG_HEADS
            or word in self.places
            or word in self.demonyms
        )

    def _org_name(self, lowers: list[str]) -> bool:
        if not lowers:
            return False
        if lowers[-1] in ORG_HEADS:
            return True
        for k, word in enumerate(lowers):
            heads = word in ORG_HEADS or (word in WEAK_ORG_HEADS and (k >= 1 or len(lowers) > 2))
            if heads and (k == len(lowers) - 1 or lowers[k + 1] in _OF_WORDS):
                return True
        return False

    def _add_peoples(self, words: list[Token], sentence: int) -> None:
        for token in words:
            if strip_possessive(token.lower) in self.demonyms:
                self.mentions.append(_Mention([token], sentence, "NORP", _STRONG))

    def _add(
        self,
        words: list[Token],
        tokens: list[Token],
        start: int,
        end: int,
        sentence: int,
        kind: str | None = None,
        strength: int = 0,
        description: str = "",
    ) -> None:
        lowers = [strip_possessive(t.lower) for t in words]
        folded = fold(" ".join(strip_possessive(t.text) for t in words))
        last = lowers[-1]
        if last.endswith("s") and last not in self.places and last[:-1] in self.places:
            # "Syrias Aleppo": text that lost its apostrophes.
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
        tokens: list[Token],
        start: int,
        end: int,
    ) -> tuple[str | None, int]:
        before = tokens[start - 1].lower if start else ""
        if before == "of" and start > 1:
            before = tokens[start - 2].lower  # "the town of X"
        after = tokens[end].lower if end < len(tokens) else ""
        if after == "(" and end + 2 < len(tokens) and tokens[end + 2].text == ")":
            after = tokens[end + 3].lower if end + 3 < len(tokens) else ""
        if folded in self.places:
            return "GPE", _STRONG
        if self._org_name(lowers):
            return "ORG", _STRONG
        if lowers[-1] in self.demonyms:
            return "NORP", _STRONG  # "Ohio Republican", "Middle Eastern"
        if len(words) > 1 and lowers[0] in ORG_PREFIXES:
            return "ORG", _MEDIUM  # "Jaish al-Islam"
        if before in PLACE_CUES_BEFORE or after in PLACE_CUES_AFTER:
            return "GPE", _MEDIUM  # "the town of X", "X province"
        if len(words) > 1 and lowers[0] in PLACE_PREFIXES:
            return "GPE", _WEAK  # "Khan Sheikhoun", "Deir Ezzor"
        if len(words) > 1 and lowers[-1] in GEO_HEADS:
            return "OTHER", _STRONG  # "Mediterranean Sea", "Capitol Hill"
        if len(words) == 1 and is_acronym(words[0].text):
            return "ORG", _MEDIUM
        if folded in self.demonyms:
            return "NORP", _STRONG
        if before in TITLE_HEADS and before.isalpha():
            return "PERSON", _STRONG
        if self._org_cue(tokens, start, end):
            return "ORG", _MEDIUM
        if lowers[0] in PARTICLES or lowers[0].split("-")[0] in PARTICLES:
            return ("ORG", _WEAK) if len(name_key(folded).split()) == 1 else ("PERSON", _WEAK)
        if len(words) == 1:
            if after in PERSON_CUES_AFTER and (after != "forces" or is_possessive(words[0].text)):
                return "PERSON", _MEDIUM
            if after in SPEECH_VERBS:
                return "PERSON", _WEAK
            return None, 0
        if any(w in self.common for w in lowers if w not in PARTICLES):
            return "OTHER", _WEAK
        return "PERSON", _WEAK

    @staticmethod
    def _org_cue(tokens: list[Token], start: int, end: int) -> bool:
        """'the Nightfall movement', 'the group Ceasefire Watch', 'the (DSB) group'."""
        before = tokens[start - 1].lower if start else ""
        after = tokens[end].lower if end < len(tokens) else ""
        if after == "(" and end + 3 < len(tokens) and tokens[end + 2].text == ")":
            after = tokens[end + 3].lower
        return after in ORG_CUES_AFTER or before in ORG_CUES_BEFORE

    def _context(self, mention: _Mention, tokens: list[Token], start: int, end: int) -> None:
        """Acronym in brackets after the name; a role in lower case just before it."""
        if end + 2 < len(tokens) and tokens[end].text == "(" and tokens[end + 2].text == ")":
            candidate = tokens[end + 1].text
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
            word = tokens[k - 1].text
            lower = word.lower()
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
        sentence = self.article.sentences[mention.sentence]
        local = mention.start - sentence.start
        before, after = sentence.text[:local], sentence.text[mention.end - sentence.start :]
        match = _APPOSITIVE_BEFORE.search(before[-80:]) if before.endswith(", ") else None
        if match is None and after.startswith(", "):
            match = _APPOSITIVE_AFTER.match(after)
        if match:
            mention.description = match.group(1)

    # -- headlines --------------------------------------------------------------------------

    def _headline_mentions(self, tokens: list[Token], sentence: int, known: set[str]) -> None:
        """In a Title Case line, keep only runs that name something already known."""
        i = 0
        while i < len(tokens):
            found = 0
            for n in range(min(6, len(tokens) - i), 0, -1):
                words = tokens[i : i + n]
                if not all(_is_name_word(t) or t.lower in PARTICLES for t in words):
                    continue
                if not _is_name_word(words[0]) and words[0].lower not in PARTICLES:
                    continue
                text = _surface(list(words))
                folded, key = fold(text), name_key(text)
                if key in known or folded in self.places or folded in self.demonyms:
                    kind = "GPE" if folded in self.places else None
                    kind = "NORP" if folded in self.demonyms else kind
                    self.mentions.append(
                        _Mention(list(words), sentence, kind, _WEAK, headline=True)
                    )
                    found = n
                    break
            i += found or 1

    # -- pass 3: identity -------------------------------------------------------------------

    def _cluster(self) -> list[_Cluster]:
        clusters: list[_Cluster] = []
        by_key: dict[str, _Cluster] = {}
        ordered = sorted(self.mentions, key=lambda m: (m.headline, m.start))
        full = [m for m in ordered if len(m.key.split()) >= 2 and not m.headline]
        for mention in full:
            cluster = by_key.get(mention.key)
            if cluster is None:
                cluster = by_key[mention.key] = _Cluster()
                clusters.append(cluster)
            cluster.add(mention)
        placed = {id(m) for m in full}
        for mention in ordered:
            if id(mention) in placed:
                continue
            cluster = self._home(mention, clusters, by_key)
            if cluster is None:
                cluster = _Cluster()
                clusters.append(cluster)
                by_key.setdefault(mention.key, cluster)
            cluster.add(mention)
        return [
            c
            for c in clusters
            if any(not m.headline for m in c.mentions) or _cluster_type(c) in ("GPE", "NORP")
        ]

    def _home(
        self, mention: _Mention, clusters: list[_Cluster], by_key: dict[str, _Cluster]
    ) -> _Cluster | None:
        surface, key = mention.surface, mention.key
        if key in by_key:
            return by_key[key]
        letters = surface.replace(".", "")
        if is_acronym(surface):
            for cluster in clusters:
                if letters in cluster.acronyms or letters in _initials(cluster):
                    return cluster
            return None
        if mention.type in ("GPE", "NORP") and mention.strength >= _STRONG:
            # "Rogers" is a town, but not in an article about Mike Rogers.
            people = [
                c
                for c in clusters
                if _cluster_type(c) == "PERSON"
                and any(m.key.split() and m.words[-1].lower == surface.lower() for m in c.mentions)
            ]
            if mention.type == "GPE" and people:
                mention.type, mention.strength = "PERSON", _WEAK
                return people[-1]
            return None
        words = set(key.split())
        candidates = [
            c
            for c in clusters
            if words
            and words <= c.key_words
            and _cluster_type(c) in ("PERSON", "ORG", None)
            and any(not m.headline for m in c.mentions)
        ]
        if mention.type == "PERSON":
            candidates = [c for c in candidates if _cluster_type(c) == "PERSON"] or candidates
        if not candidates:
            return None

        # Several people share the word: the one the article names most (Donald Trump, not
        # Ivanka, is "Trump"), the most recently named among equals.
        def weight(cluster: _Cluster) -> tuple[int, int]:
            starts = [m.start for m in cluster.mentions if m.start < mention.start]
            return len(cluster.mentions), max(starts, default=-1)

        return max(candidates, key=weight)

    def extract(self) -> list[Entity]:
        headlines = []
        for index, tokens in enumerate(self.tokens):
            if _is_title_case(tokens):
                headlines.append((index, tokens))
                continue
            for start, end in self._chunks(tokens):
                start = self._drop_sentence_start(tokens, start, end)
                if start < end:
                    self._split_chunk(tokens, start, end, index)
        known = {m.key for m in self.mentions}
        known |= {fold(m.acronym) for m in self.mentions if m.acronym}
        for index, tokens in headlines:
            self._headline_mentions(tokens, index, known)
        return [self._entity(c) for c in self._cluster()]

    def _entity(self, cluster: _Cluster) -> Entity:
        kind = _cluster_type(cluster) or "OTHER"
        body = [m for m in cluster.mentions if not m.headline] or cluster.mentions
        uses = Counter(m.surface for m in body)
        name = max(uses, key=lambda s: (len(name_key(s).split()), not is_acronym(s), uses[s]))
        aliases = {m.surface for m in cluster.mentions} | cluster.acronyms
        if kind == "PERSON" and len(name_key(name).split()) >= 2:
            surname = name.split()[-1]
            aliases.add(surname.split("-", 1)[1] if surname.split("-")[0] in PARTICLES else surname)
        aliases.discard(name)
        descriptions = list(dict.fromkeys(m.description for m in cluster.mentions if m.description))
        mentions = [
            Mention(m.sentence, m.start, m.end, self.article.text[m.start : m.end])
            for m in sorted(cluster.mentions, key=lambda m: m.start)
        ]
        return Entity(name, kind, sorted(aliases, key=str.casefold), mentions, descriptions)


def _initials(cluster: _Cluster) -> set[str]:
    found = set()
    for mention in cluster.mentions:
        words = [t.text for t in mention.words if t.lower not in PARTICLES | _OF_WORDS]
        if len(words) >= 2:
            found.add("".join(w[0] for w in words).upper())
    return found


def _cluster_type(cluster: _Cluster) -> str | None:
    votes = cluster.votes
    if not votes:
        return None
    best = max(votes.values())
    for kind in ("PERSON", "GPE", "ORG", "NORP", "OTHER"):
        if votes[kind] == best:
            return kind
    return None


def extract_entities(article: Article, tokens: list[list[Token]] | None = None) -> list[Entity]:
    """All entities of ``article``, each with its mentions, aliases and descriptions.

    ``tokens`` are the sentences' tokens when the caller has them already.
    """
    if tokens is None:
        tokens = [tokenize(s.text, s.start) for s in article.sentences]
    return EntityExtractor(article, tokens).extract()
