"""Whether two forms name one entity: the rules, each a small named function.

``DIFFERENT_RULES`` are cannot-links: when one holds, no evidence joins the two forms, and
no entity may hold both. ``SAME_RULES`` say that two forms are one entity, at a level
(lower is surer); the resolver merges the surest pairs first. ``SHORT_RULES`` say that one
form is a short form of the other ("Halvorsen" of "James Halvorsen", "NUG" of "National Unity
Government"): a short form joins a longer one only when it is the only one it fits, or
one that clearly dominates. Precision over recall: a pair that no rule relates stays apart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz.distance import JaroWinkler, Levenshtein

from bot.extract.lexicon import ORG_HEADS, first_name
from bot.identity.names import (
    Fit,
    PersonName,
    given_fit,
    middles_fit,
    sound,
    suffixes_fit,
)
from bot.identity.profile import ANY, BODY, MIN_INITIALS, PERSON, PLACE, Profile

# Co-mentioned names two sound-alike forms must share before they count as one.
SHARED_CONTEXT = 2
# How alike (Jaro-Winkler, 0 to 1) two spellings with one sound code must look as well,
# and how many letters at most a transliteration changes in a word.
ALIKE = 0.8
RESPELLINGS = 2
# A spelling in fewer articles than this, or in a ``MINOR_SHARE``th of another's at most, may
# be a minor spelling of it.
MINOR = 20
MINOR_SHARE = 3
# A declaration joins two names each in ``MINOR`` articles or more only when at least one
# in ``DECLARED_SHARE`` of the smaller one's articles makes it.
DECLARED_SHARE = 20
# Endings that make a word of another (a people of its place, "Velmorai"; a plural) rather
# than respell it.
_SUFFIXES = frozenset({"i", "s", "is"})


@dataclass(frozen=True, slots=True)
class Same:
    """A rule's verdict that two forms are one entity: its name and level."""

    rule: str
    level: int


Rule = Callable[[Profile, Profile], bool]
SameRule = Callable[[Profile, Profile], int | None]


# -- different ------------------------------------------------------------------------------


def person_and_place(a: Profile, b: Profile) -> bool:
    """A person is never a place or a people: "Jordan" the country and "Jordan" the
    senator; "Ilyas al-Velmorai" and "Velmora". (The same full name that one article
    took for a place is a typing slip: type is a vote.)"""
    if {a.family, b.family} != {PERSON, PLACE}:
        return False
    return (a.single and b.single) or a.form.key != b.form.key


def conflicting_given_names(a: Profile, b: Profile) -> bool:
    """Ada and Lena Quill; Tomas and Piet Vindr. A given name that is the other's middle
    name is no conflict ("Tekin Yaziroglu", "Arda Tekin Yaziroglu", "Arda Tekkin
    Yaziroglu")."""
    pa, pb = _people(a, b)
    if not (pa and pb and pa.given and pb.given) or given_fit(pa.given, pb.given) is not None:
        return False
    return not (_among(pa.given, pb.middles) or _among(pb.given, pa.middles))


def _among(given: str, middles: tuple[str, ...]) -> bool:
    """Whether a given name is one of the middle names, however transliterated."""
    return any(given_fit(given, middle) not in (None, Fit.INITIAL) for middle in middles)


def conflicting_middle_names(a: Profile, b: Profile) -> bool:
    """Walter K. Brannigan and Walter P. K. Brannigan."""
    pa, pb = _people(a, b)
    return bool(pa and pb and not middles_fit(pa.middles, pb.middles))


def conflicting_generations(a: Profile, b: Profile) -> bool:
    """Walter Brannigan Jr. and Walter Brannigan."""
    pa, pb = _people(a, b)
    return bool(pa and pb and not suffixes_fit(pa.suffix, pb.suffix))


def patronymic_and_name(a: Profile, b: Profile) -> bool:
    """ "Faisal bin Hamdan" is the son of Hamdan, not Hamdan: a patronymic surname never
    meets the same word used as a name, unless the lone form itself says "bin"."""
    pa, pb = _people(a, b)
    if not (pa and pb) or pa.patronymic == pb.patronymic or pa.surname != pb.surname:
        return False
    lone = a if not pa.patronymic else b
    return not (lone.single and _patronymic_alone(lone))


def bodies_of_other_countries(a: Profile, b: Profile) -> bool:
    """The Syrian Army and the Iraqi Army; "Supreme Court" of two countries."""
    return bool(a.countries and b.countries and a.countries != b.countries)


def acronym_and_person(a: Profile, b: Profile) -> bool:
    """ "DC" is never "David Cameron": an acronym stands for a body or a place, and a
    person's full name (one an article typed a person, opening with a first name the name
    lists know) is not one, even where another article took it for a body. "Islamic State",
    typed a person by a stray article, is still a name an acronym may stand for."""
    for short, full in ((a, b), (b, a)):
        if short.single and short.display.isupper() and full.family == PERSON:
            if initials_of(short, full):
                return False  # initials an article gave the person
            return bool(full.person and full.person.given and first_name(full.person.given))
    return False


def bodies_of_other_words(a: Profile, b: Profile) -> bool:
    """Two bodies' full names with no word in common but the kind of body, neither
    declared the other's: one acronym ("HGO") may stand for both "Harbour Guard Office"
    and "Highland Grazing Office", which it must not join through itself."""
    if a.single or b.single or a.family != BODY or b.family != BODY:
        return False
    if a.form.key in b.declared or b.form.key in a.declared:
        return False
    return not (set(a.words) & set(b.words)) - ORG_HEADS


def lone_words_apart(a: Profile, b: Profile) -> bool:
    """Two lone words alike in sound but more than one letter apart ("Quellar", "Quilar"):
    no chain of one-letter respellings ("Quelar") makes them one."""
    if not (a.single and b.single) or a.form.key == b.form.key or a.sounds != b.sounds:
        return False
    return Levenshtein.distance(a.form.key, b.form.key, score_cutoff=2) > 1


def places_apart(a: Profile, b: Profile) -> bool:
    """Two places a gazetteer tells apart: "Velmora" and "Velmorai" are both towns."""
    return bool(a.place and b.place and a.place != b.place)


DIFFERENT_RULES: list[Rule] = [
    person_and_place,
    acronym_and_person,
    conflicting_given_names,
    conflicting_middle_names,
    conflicting_generations,
    patronymic_and_name,
    bodies_of_other_countries,
    places_apart,
    lone_words_apart,
    bodies_of_other_words,
]


def different(a: Profile, b: Profile, rules: list[Rule] | None = None) -> bool:
    """Whether any cannot-link rule holds between ``a`` and ``b``."""
    return any(rule(a, b) for rule in (DIFFERENT_RULES if rules is None else rules))


# -- same -----------------------------------------------------------------------------------


def same_key(a: Profile, b: Profile) -> int | None:
    """One name under two types: type is a vote, not part of identity ("Velmora" as a place
    in one article and a group in another)."""
    return 0 if a.form.key == b.form.key else None


def _given_fit(a: Profile, b: Profile) -> Fit | None:
    """How the given names of two full names of one surname (and patronymic) fit, when
    both give a middle name or neither does (one that leaves it out: ``partial_name``)."""
    pa, pb = _full_people(a, b)
    if not (pa and pb) or pa.surname != pb.surname or pa.patronymic != pb.patronymic:
        return None
    if bool(pa.middles) != bool(pb.middles):
        return None
    return given_fit(pa.given, pb.given)


def person_variant(a: Profile, b: Profile) -> int | None:
    """One person's full name written two ways that give the same parts: a middle name or
    its initial, a numeral ("III")."""
    return 1 if _given_fit(a, b) == Fit.SAME else None


def nickname_variant(a: Profile, b: Profile) -> int | None:
    """One full name with a nickname for the other's given name ("Jim"/"James
    Halvorsen"). Two people may bear them ("Rob Tessler" the senator, "Robert Tessler" the
    novelist): only when the people named around the two are alike (``weighed``)."""
    return 1 if _given_fit(a, b) == Fit.NICKNAME else None


def body_variant(a: Profile, b: Profile) -> int | None:
    """A body named with and without its country ("U.S. Department of Justice", "Justice
    Department"), or two wordings of one name sharing an acronym the articles define
    ("National Unity Government (NUG)", "Government of National Unity (NUG)"). An article
    must have typed
    one of them a body or place: two untyped runs of words ("Kenya Ada Ortiz", "Ada Ortiz")
    may be a person's name after a country's."""
    if a.single or b.single or PERSON in (a.family, b.family) or a.family == b.family == ANY:
        return None
    if a.core and (a.core == b.core or a.loose_core == b.core or a.core == b.loose_core):
        return 1
    shared = {x for x in a.acronyms & b.acronyms if len(x) >= 3}
    if not any(_spells(x, a) and _spells(x, b) for x in shared):
        return None
    # Two wordings of one name share most of its words and name one kind of body; two
    # names with one acronym do not ("Harbour Guard Office", "Highland Grazing Office";
    # "Harbour National Committee", "Harbour National Convention").
    words_a, words_b = set(a.words), set(b.words)
    if (words_a ^ words_b) & ORG_HEADS:
        return None
    return 1 if 2 * len(words_a & words_b) >= min(len(words_a), len(words_b)) + 1 else None


def sound_variant(a: Profile, b: Profile) -> int | None:
    """Transliterations of one name ("Qassem"/"Qasem Vindr", "Velmora"/"Velmorah"): every
    word alike in sound, never on that alone: the two must also share what is named
    around them, and one must be a minor spelling or the two share a word (``weighed``,
    since both change as articles come)."""
    if not a.sounds or a.sounds != b.sounds or not _compatible_families(a, b):
        return None
    if a.place or b.place:
        return None  # the gazetteer knows the place's names: see ``same_place``
    if a.display.isupper() != b.display.isupper():
        return None  # an acronym or a word in capitals is no respelling of a name
    if a.single and a.form.key[0] != b.form.key[0]:
        return None  # a lone word respelled keeps its first letter ("Odarvi" is no "Udarvi")
    # A lone word, with no other word to vouch for it, may differ by one letter only.
    edits = 1 if a.single else RESPELLINGS
    if len(a.words) != len(b.words) or not all(
        _respelled(x, y, edits) for x, y in zip(a.words, b.words, strict=True)
    ):
        return None  # alike in sound code only: "kent" and "count", "benen" and "bannon"
    pa, pb = _full_people(a, b)
    if pa and pb and given_fit(pa.given, pb.given) is None:
        return None
    return 2


def same_place(a: Profile, b: Profile) -> int | None:
    """Two names a gazetteer gives one place: "Bombay" and "Mumbai", "Kenya" and "Republic
    of Kenya". One of them must have been typed a place."""
    if not a.place or a.place != b.place or PLACE not in (a.family, b.family):
        return None
    return 1 if {a.family, b.family} <= {PLACE, ANY} else None


def plural_variant(a: Profile, b: Profile) -> int | None:
    """A body or a people named in the singular and in the plural: "Velmori" and
    "Velmoris", "Harbour Guard" and "Harbour Guards". Both must be typed so (a lone
    untyped word may be a surname: "Roberts" is not "Robert")."""
    if not {a.family, b.family} <= {BODY, PLACE} or a.words == b.words:
        return None
    return 1 if a.singular == b.singular else None


def declared_same(a: Profile, b: Profile) -> int | None:
    """One is a name the articles declared the other's: "the Harbour League, also known
    as Sea Shield", "the Valley Party (VPX)". (Only if enough articles declare it:
    ``weighed``.)"""
    return 1 if a.form.key in b.declared or b.form.key in a.declared else None


SAME_RULES: list[SameRule] = [
    same_key,
    person_variant,
    nickname_variant,
    body_variant,
    same_place,
    plural_variant,
    declared_same,
    sound_variant,
]


def same(a: Profile, b: Profile, rules: list[SameRule] | None = None) -> Same | None:
    """The first rule (they are listed surest first) that calls ``a`` and ``b`` one
    entity, if any."""
    for rule in SAME_RULES if rules is None else rules:
        level = rule(a, b)
        if level is not None:
            return Same(rule.__name__, level)
    return None


# -- short forms ----------------------------------------------------------------------------


def surname_of(short: Profile, full: Profile) -> bool:
    """A lone word that is the person's surname: "Halvorsen" of "James Halvorsen"."""
    surnames = _surnames(short, full)
    return bool(surnames) and surnames[0] == surnames[1]


def respelled_surname_of(short: Profile, full: Profile) -> bool:
    """A lone word that is the person's surname spelled another way: "Halvorssen" of
    "James Halvorsen" (a minor spelling that shares what is named around the person:
    ``weighed``)."""
    surnames = _surnames(short, full)
    if not surnames or surnames[0] == surnames[1]:
        return False
    return sound(surnames[0]) == sound(surnames[1]) and _respelled(*surnames)


def _surnames(short: Profile, full: Profile) -> tuple[str, str] | None:
    """The lone word and the person's surname, when ``short`` is a lone word that may be a
    person's and ``full`` a person's full name."""
    ps, pf = short.person, full.person
    if not (short.single and ps and pf) or full.single or full.family != PERSON:
        return None
    if short.family not in (PERSON, ANY) and not _patronymic_alone(short):
        return None
    return ps.surname, pf.surname


def _patronymic_alone(short: Profile) -> bool:
    """ "bin Hamdan" alone is a person's name, however an article typed it."""
    return short.display.casefold().startswith(("bin ", "ibn ", "bint "))


def partial_name(short: Profile, full: Profile) -> bool:
    """A name that leaves out what the fuller one gives: its middle names ("Ada
    Ortiz" of "Ada M. Ortiz") or all but the initial of its given name ("J.
    Halvorsen"). It may fit several people ("Ada Ortiz"), so it is a short form."""
    fit = _partial_fit(short, full)
    return fit in (Fit.SAME, Fit.INITIAL)


def nicknamed_partial_name(short: Profile, full: Profile) -> bool:
    """A partial name by a nickname ("Jim Halvorsen" of "James T. Halvorsen"): as
    ``nickname_variant``, only where the people named around them are alike (``weighed``)."""
    return _partial_fit(short, full) == Fit.NICKNAME


def _partial_fit(short: Profile, full: Profile) -> Fit | None:
    """How the given names fit, when ``short`` leaves out the fuller name's middle names
    or all but its given name's initial."""
    ps, pf = _full_people(short, full)
    if not (ps and pf) or ps.surname != pf.surname or ps.patronymic != pf.patronymic:
        return None
    fewer_middles = not ps.middles and bool(pf.middles)
    only_initial = len(ps.given) == 1 < len(pf.given)
    return given_fit(ps.given, pf.given) if fewer_middles or only_initial else None


def name_without_first(short: Profile, full: Profile) -> bool:
    """A person called by their middle name and surname: "Tekin Yaziroglu" of "Arda Tekin
    Yaziroglu" (a name an article called a person, as for ``partial_name``)."""
    ps, pf = _full_people(short, full)
    return bool(
        full.family == PERSON
        and ps
        and pf
        and not ps.middles
        and ps.surname == pf.surname
        and ps.given in pf.middles
        and ps.words < pf.words
    )


def acronym_of(short: Profile, full: Profile) -> bool:
    """An acronym that a body's name spells or that the articles define for it."""
    if not short.single or full.single or full.family == PERSON or short.family == PERSON:
        return False
    letters = short.form.key
    if not short.display.isupper():
        return False
    if len(letters) < 3:  # "SC": too many names spell it; only one the articles define
        return letters in full.acronyms and _spells(letters, full)
    return letters in full.initials or (letters in full.acronyms and _spells(letters, full))


def initials_of(short: Profile, full: Profile) -> bool:
    """A person's initials: ones articles gave the person ("ABQ" for "Ahmed bin Qasri"),
    or three or more that spell a name of three words or more ("ADO" for "Ada D. Ortiz"),
    particles with them or without. (Two letters, "DC", are too many people's.)"""
    if not (short.single and short.display.isupper()) or full.family != PERSON or full.single:
        return False
    key = short.form.key
    return key in full.person_initials and (len(key) >= MIN_INITIALS or key in full.acronyms)


SHORT_RULES: list[Rule] = [
    surname_of,
    partial_name,
    nicknamed_partial_name,
    name_without_first,
    acronym_of,
    initials_of,
    respelled_surname_of,
]


def short_form(short: Profile, full: Profile, rules: list[Rule] | None = None) -> str | None:
    """The rule by which ``short`` is a short form of ``full``, if any."""
    for rule in SHORT_RULES if rules is None else rules:
        if rule(short, full):
            return rule.__name__
    return None


# Short forms that fit a name only as another spelling of it: never chosen over one that
# fits as written.
RESPELLED_RULES = frozenset({"respelled_surname_of"})
# Short forms that leave out part of one person's name: when the short form's own entity
# outweighs every fuller one it fits, those join it (one person, written in full a few
# times), rather than it joining one of them.
PARTIAL_RULES = frozenset({"partial_name", "name_without_first"})


def covers(full: Profile, part: Profile) -> bool:
    """Whether ``full`` is a fuller spelling of ``part``: the same name, or ``part`` one of
    its partial forms. Two partial forms a fuller one covers are no cannot-link between
    them: "Ada Ortiz" and "Lena Ortiz" may both be "Ada Lena Ortiz"."""
    return same_key(full, part) is not None or any(
        rule(part, full) for rule in (partial_name, name_without_first)
    )


# -- weighed: what the counts allow ------------------------------------------------------


def _declared_enough(a: Profile, b: Profile, na: int, nb: int) -> bool:
    """One article's slip ("Ada Quill (HRN)") does not make a person of a broadcaster named
    in a thousand articles of its own: between two names each in ``MINOR`` articles or
    more, one in ``DECLARED_SHARE`` of the smaller one's articles must declare it, unless
    it is an acronym that begins to spell the body's name."""
    if _abbreviates(a, b) or _abbreviates(b, a):
        return True
    declared = b.declared.get(a.form.key, 0) + a.declared.get(b.form.key, 0)
    smaller = min(na, nb)
    return smaller < MINOR or declared * DECLARED_SHARE >= smaller


def _abbreviates(short: Profile, full: Profile) -> bool:
    """An acronym declared for a body that it begins to spell: "HLG" of "Harbour League"
    (the acronym of a longer name of it), never "HRN" of "Harbour League". (One that
    spells the name outright, "HL" for "Harbour League", may spell other bodies' too, "Highland
    League": its declarations are weighed as any others.)"""
    if not (short.single and short.display.isupper()) or full.family == PERSON:
        return False
    key = short.form.key
    return key not in full.initials and any(
        len(i) >= 2 and key.startswith(i) for i in full.initials
    )


def _respelling(a: Profile, b: Profile, na: int, nb: int) -> bool:
    """Two names alike in sound are one only when they share what is named around them,
    and two well-known ones ("Hollin", "Hollinn") only when they share a word as well."""
    if not (_minor(na, nb) or set(a.words) & set(b.words)):
        return False
    return _around_alike(a, b)


def _minor_respelling(a: Profile, b: Profile, na: int, nb: int) -> bool:
    return _minor(na, nb) and _around_alike(a, b)


def _around_alike(a: Profile, b: Profile) -> bool:
    return len(a.context & b.context) >= SHARED_CONTEXT


def _same_people_around(a: Profile, b: Profile, na: int, nb: int) -> bool:
    """Two names of a person are one when the people named around them are alike: the
    places and peoples every story names do not tell a senator from a novelist. A name no
    article typed a person ("a Rob Tessler novel") needs one person more in common, and two
    names each well known in their own right twice as many."""
    needed = SHARED_CONTEXT * (1 + (not _minor(na, nb))) + (ANY in (a.family, b.family))
    return len(a.people_around & b.people_around) >= needed


def _minor(na: int, nb: int) -> bool:
    """Whether one of two names is a minor spelling beside the other: named in fewer than
    ``MINOR`` articles, or in a ``MINOR_SHARE``th of the other's at most. Two names each in
    many articles of their own are two names, unless something more than the names around
    them says otherwise (a shared word, a declaration)."""
    small, large = sorted((na, nb))
    return small < MINOR or small * MINOR_SHARE <= large


# Rules whose verdicts hold only while what the articles say allows them (how many name each
# entity, who is named around them), with what allows them, asked with the articles of the
# two entities the verdict would join (so that a form in one article does not bridge two
# names each in thousands). The rules' verdicts are remembered while the names stay the
# same; these are asked at every resolution, and an entity one of them bears on is never
# ``settled``.
Gate = Callable[[Profile, Profile, int, int], bool]
WEIGHED: dict[str, Gate] = {
    "declared_same": _declared_enough,
    "sound_variant": _respelling,
    "nickname_variant": _same_people_around,
    "nicknamed_partial_name": _same_people_around,
    "respelled_surname_of": _minor_respelling,
}


def weighed(rule: str, a: Profile, b: Profile, na: int, nb: int) -> bool:
    """Whether entities of ``na`` and ``nb`` articles, holding ``a`` and ``b``, may be
    joined by what ``rule`` said of ``a`` and ``b``."""
    allowed = WEIGHED.get(rule)
    return allowed is None or allowed(a, b, na, nb)


def alike_in_sound_only(a: Profile, b: Profile) -> bool:
    """ "Hollin" and "Hollinn", each in many articles of its own: two names, which no minor
    spelling alike to both may bridge (a cannot-link the counts make, asked afresh)."""
    if a.form.key == b.form.key or not a.sounds or a.sounds != b.sounds:
        return False
    if _minor(a.form.articles, b.form.articles):
        return False
    return not set(a.words) & set(b.words)


# -- parts ----------------------------------------------------------------------------------


def _people(a: Profile, b: Profile) -> tuple[PersonName | None, PersonName | None]:
    """Both names taken apart, when both can be a person's."""
    if a.person is None or b.person is None:
        return None, None
    return a.person, b.person


def _full_people(a: Profile, b: Profile) -> tuple[PersonName | None, PersonName | None]:
    """Both names taken apart, when both are full names of people (one may be untyped)."""
    if a.single or b.single or PERSON not in (a.family, b.family):
        return None, None
    if not {a.family, b.family} <= {PERSON, ANY}:
        return None, None
    return _people(a, b)


def _respelled(x: str, y: str, edits: int = RESPELLINGS) -> bool:
    """Two spellings one transliteration apart: at most ``edits`` letters changed, and
    still alike to the eye ("qassem"/"qasem", "gaddafi"/"kadhafi")."""
    if x == y:
        return True
    longer, shorter = (x, y) if len(x) > len(y) else (y, x)
    if longer.startswith(shorter) and longer[len(shorter) :] in _SUFFIXES:
        return False  # a word made from the other: "velmorai" of "velmora", a plural
    if Levenshtein.distance(x, y, score_cutoff=edits) > edits:
        return False
    return JaroWinkler.normalized_similarity(x, y) >= ALIKE


def _spells(acronym: str, body: Profile) -> bool:
    """Whether the acronym is made of the initials of the body's name, in any order ("NUG"
    for "Government of National Unity"): an acronym an article gives a name in brackets may
    be a label of something else ("(R-SC)")."""
    letters = sorted(acronym)
    return any(sorted(initials) == letters for initials in body.initials)


def _compatible_families(a: Profile, b: Profile) -> bool:
    families = {a.family, b.family} - {ANY}
    return len(families) <= 1 or families == {BODY, PLACE}
