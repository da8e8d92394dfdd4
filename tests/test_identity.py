"""Who is who across articles: each identity rule with invented names, through a real base.

Articles are stored with the entities the extractor would give them; which base-wide entity
each article's entity became is read back the way ``/article`` reads it.
"""

from itertools import permutations
from random import Random

import pytest
from bases import NewBase

from bot.identity import DECLARED, FULLEST, FormData, resolve
from bot.model import Article, Entity, Extraction, Mention, Sentence
from bot.query import run
from bot.store import Store
from bot.textnorm import name_key


def put(store: Store, article_id: str, *entities: Entity) -> None:
    text = "A sentence."
    article = Article(article_id, article_id, text, [Sentence(0, 0, len(text), text)])
    named = [
        Entity(
            e.name,
            e.type,
            e.aliases,
            e.mentions or [Mention(0, 0, 1, e.name)],
            e.descriptions,
            e.equivalents,
        )
        for e in entities
    ]
    store.put_article(article, Extraction(entities=named), article_id)


def put_many(store: Store, prefix: str, count: int, *entities: Entity) -> None:
    """``count`` articles, ``prefix`` + 0, 1, ..., each with the same entities."""
    for n in range(count):
        put(store, f"{prefix}{n}", *entities)


def groups(store: Store) -> dict[str, set[str]]:
    """Base-wide entity name -> the articles whose entities it holds."""
    found: dict[str, set[str]] = {}
    for article in store.articles():
        for row in store.read.entities_of_article(article.id):
            found.setdefault(row["name"], set()).add(article.id)
    return found


def person(name: str, *aliases: str) -> Entity:
    return Entity(name, "PERSON", list(aliases))


# People (and a place) named around someone: what a nickname needs in common to join.
COLLEAGUES = (person("Odile Brandt"), person("Kasper Nyquist"), Entity("Velmora", "GPE"))


@pytest.fixture
def store(new_base: NewBase):
    with Store(new_base("facts")) as opened:
        yield opened


# -- joined ---------------------------------------------------------------------------------


def test_accents_particles_and_word_order_join(store: Store) -> None:
    put(store, "a", person("Tayfun Çelikoğlu", "Çelikoğlu"))
    put(store, "b", person("Tayfun Celikoglu", "Celikoglu"))
    put(store, "c", Entity("Observatory for Coastal Rights", "ORG"))
    put(store, "d", Entity("Coastal Rights Observatory", "ORG"))
    assert sorted(map(sorted, groups(store).values())) == [["a", "b"], ["c", "d"]]


def test_middle_initial_and_numeral_are_one_person(store: Store) -> None:
    put(store, "a", person("James Halvorsen"))
    put(store, "c", person("James T. Halvorsen III"))
    put(store, "d", person("James Halvorsen"))
    assert groups(store) == {"James Halvorsen": {"a", "c", "d"}}


def test_a_nickname_joins_where_the_same_people_are_around(store: Store) -> None:
    put_many(store, "a", 3, person("James Halvorsen"), *COLLEAGUES)
    put(store, "b", person("Jim Halvorsen"), *COLLEAGUES)
    assert groups(store)["James Halvorsen"] == {"a0", "a1", "a2", "b"}


def test_a_nickname_among_other_people_is_someone_else(store: Store) -> None:
    """Places and peoples named around both tell nothing: every story names them."""
    put_many(store, "a", 3, person("James Halvorsen"), *COLLEAGUES)
    elsewhere = (person("Ines Okafor"), person("Rune Castell"), Entity("Velmora", "GPE"))
    put(store, "b", person("Jim Halvorsen"), *elsewhere)
    assert groups(store)["Jim Halvorsen"] == {"b"}


def test_names_that_differ_in_their_digits_are_never_respellings(store: Store) -> None:
    """A word with digits has no sound: "Kestrel7" and "Kestrel9" are two call signs."""
    put_many(store, "a", 3, person("Kestrel7 Halvorsen"), *COLLEAGUES)
    put(store, "b", person("Kestrel9 Halvorsen"), *COLLEAGUES)
    assert groups(store)["Kestrel9 Halvorsen"] == {"b"}


def test_full_names_of_one_surname_meet_by_their_given_names_only(store: Store) -> None:
    """Full names of a surname are compared when their given names may fit (the same
    name, a nickname, a sound, a middle name); the lone surname and an initialled name
    still meet them all."""
    put_many(store, "a", 3, person("Aleksandr Vantongeren"), *COLLEAGUES)
    put(store, "b", person("Alexandr Vantongeren"), *COLLEAGUES)
    put(store, "c", person("Hallvard Vantongeren"))
    put(store, "d", person("A. Vantongeren"), *COLLEAGUES)
    found = groups(store)
    assert found["Aleksandr Vantongeren"] == {"a0", "a1", "a2", "b", "d"}
    assert found["Hallvard Vantongeren"] == {"c"}


def test_a_lone_surname_joins_the_only_person_it_fits(store: Store) -> None:
    put(store, "a", person("Varga"))
    put(store, "b", person("Istvan al-Varga", "Varga", "al-Varga"))
    put(store, "c", person("Varga"))
    assert groups(store) == {"Istvan al-Varga": {"a", "b", "c"}}


def test_a_lone_surname_joins_the_person_who_clearly_dominates(store: Store) -> None:
    put_many(store, "m", 4, person("Marta Oyelaran", "Oyelaran"))
    put(store, "k", person("Kofi Oyelaran", "Oyelaran"))
    put(store, "lone", person("Oyelaran"))
    assert groups(store)["Marta Oyelaran"] == {"m0", "m1", "m2", "m3", "lone"}


def test_a_lone_surname_shared_by_two_close_people_stays_apart(store: Store) -> None:
    put_many(store, "m", 2, person("Marta Oyelaran", "Oyelaran"))
    put_many(store, "k", 2, person("Kofi Oyelaran", "Oyelaran"))
    put(store, "lone", person("Oyelaran"))
    assert groups(store)["Oyelaran"] == {"lone"}


def test_a_middle_name_used_as_given_name_joins_the_full_name(store: Store) -> None:
    put(store, "a", person("Arda Tekin Yaziroglu", "Yaziroglu"))
    put(store, "b", person("Tekin Yaziroglu", "Yaziroglu"))
    put(store, "c", person("Arda Tekin Yaziroglu", "Yaziroglu"))
    assert groups(store) == {"Arda Tekin Yaziroglu": {"a", "b", "c"}}


def test_acronym_joins_differently_worded_names(store: Store) -> None:
    put(store, "a", Entity("National Unity Government", "ORG", ["NUG"]))
    put(store, "b", Entity("Government of National Unity", "ORG", ["NUG"]))
    put(store, "c", Entity("NUG", "ORG"))
    assert len(groups(store)) == 1


def test_an_acronym_spelled_with_a_names_particle_joins_it(store: Store) -> None:
    put_many(store, "a", 2, Entity("al-Qarni in the Highlands", "ORG"))
    put(store, "b", Entity("AQH", "ORG"))
    assert groups(store) == {"al-Qarni in the Highlands": {"a0", "a1", "b"}}


def test_an_acronym_declared_for_a_longer_name_of_a_body_joins_it(store: Store) -> None:
    put(store, "declared", Entity("Harbour League", "ORG", ["HLV"], equivalents=["HLV"]))
    put_many(store, "a", 29, Entity("Harbour League", "ORG"))
    put_many(store, "b", 30, Entity("HLV", "ORG"))
    assert len(groups(store)) == 1


def test_a_name_an_article_declares_the_same_joins_elsewhere_too(store: Store) -> None:
    league = Entity("Harbour Defence League", "ORG", ["Sea Shield"], equivalents=["Sea Shield"])
    put(store, "a", league)
    put(store, "b", Entity("Sea Shield", "OTHER"))
    put(store, "c", Entity("Harbour Defence League", "ORG"))
    assert groups(store) == {"Harbour Defence League": {"a", "b", "c"}}


def test_a_body_with_and_without_its_country_is_one(store: Store) -> None:
    put(store, "a", Entity("Maritime Safety Directorate", "ORG"))
    put(store, "b", Entity("U.S. Maritime Safety Directorate", "ORG"))
    put(store, "c", Entity("American Maritime Safety Directorate", "ORG"))
    put(store, "d", Entity("Maritime Safety Directorate", "ORG"))
    assert groups(store) == {"Maritime Safety Directorate": {"a", "b", "c", "d"}}


def test_a_us_state_named_like_a_country_is_no_country_of_a_body(store: Store) -> None:
    put(store, "a", Entity("Harbour Party", "ORG"))
    put(store, "b", Entity("Georgia Harbour Party", "ORG"))
    put(store, "c", Entity("Kenyan Harbour Party", "ORG"))
    assert sorted(map(sorted, groups(store).values())) == [["a", "c"], ["b"]]


def test_a_body_with_and_without_a_generic_last_word_is_one(store: Store) -> None:
    put(store, "a", Entity("Water and Customs Enforcement", "ORG"))
    put(store, "b", Entity("U.S. Water and Customs Enforcement Agency", "ORG"))
    put(store, "c", Entity("Water and Customs Enforcement", "ORG"))
    assert groups(store) == {"Water and Customs Enforcement": {"a", "b", "c"}}


def test_type_is_a_vote_not_part_of_identity(store: Store) -> None:
    put(store, "a", Entity("Velmora", "GPE"))
    put(store, "b", Entity("Velmora", "GPE"))
    put(store, "c", Entity("Velmora", "OTHER"))
    put(store, "d", Entity("Velmora", "ORG"))
    assert groups(store) == {"Velmora": {"a", "b", "c", "d"}}
    (row,) = store.read.entities_of_article("c")
    assert row["type"] == "GPE"


def test_a_few_weak_types_do_not_type_what_most_articles_leave_untyped(store: Store) -> None:
    put_many(store, "a", 9, Entity("Pentagonal", "OTHER"))
    put(store, "b", Entity("Pentagonal", "PERSON"))
    (row,) = store.read.entities_of_article("b")
    assert row["type"] == "OTHER"


def test_a_run_of_words_no_article_typed_is_no_ones_full_name(store: Store) -> None:
    put_many(store, "a", 4, person("Ada Ortiz", "Ortiz"))
    put(store, "b", Entity("Kenya Ada Ortiz", "OTHER"))
    put(store, "c", person("Ada M. Ortiz", "Ortiz"))
    put(store, "d", Entity("Ada Ortiz", "OTHER"))
    assert groups(store)["Ada Ortiz"] == {"a0", "a1", "a2", "a3", "c", "d"}


def test_canonical_name_is_the_most_used_full_name(store: Store) -> None:
    put(store, "a", Entity("Ostrava Federal Republic", "GPE", ["OFR"]))
    put(store, "b", Entity("Federal Republic of Ostrava", "GPE", ["FRO"]))
    put(store, "c", Entity("Federal Republic of Ostrava", "GPE"))
    put(store, "d", Entity("Ostrava", "GPE"))
    assert groups(store) == {"Federal Republic of Ostrava": {"a", "b", "c"}, "Ostrava": {"d"}}


def test_a_rare_spelling_is_never_the_name_of_a_body(store: Store) -> None:
    put_many(store, "a", 6, Entity("HRSX", "ORG"))
    put(store, "b", Entity("Marrowicks HRSX", "ORG", ["HRSX"], equivalents=["HRSX"]))
    assert set(groups(store)) == {"HRSX"}


def test_among_equally_used_names_the_one_its_acronym_stands_for(store: Store) -> None:
    put(store, "a", Entity("Government of National Unity", "ORG", ["NUG"]))
    put(store, "b", Entity("National Unity Government", "ORG", ["NUG"]))
    assert set(groups(store)) == {"National Unity Government"}


def test_a_partial_name_joins_the_one_fuller_name_it_fits(store: Store) -> None:
    put_many(store, "a", 3, person("Tekin Yaziroglu", "Yaziroglu"))
    put_many(store, "b", 2, person("Seyit Tekin Yaziroglu", "Yaziroglu"))
    assert groups(store) == {"Tekin Yaziroglu": {"a0", "a1", "a2", "b0", "b1"}}


def test_a_sons_name_alone_joins_him_however_typed(store: Store) -> None:
    put_many(store, "a", 3, person("Faisal bin Hamdan", "bin Hamdan"))
    put(store, "b", Entity("bin Hamdan", "ORG"))
    assert groups(store) == {"Faisal bin Hamdan": {"a0", "a1", "a2", "b"}}


def test_transliterated_middle_names_are_one_person(store: Store) -> None:
    put_many(store, "a", 3, person("Abdel Fattah Qarni", "Qarni"))
    put(store, "b", person("Abdel Fatah Qarni", "Qarni"))
    assert groups(store) == {"Abdel Fattah Qarni": {"a0", "a1", "a2", "b"}}


def test_a_town_reading_of_a_surname_does_not_keep_it_from_its_person(store: Store) -> None:
    put_many(store, "a", 3, person("Tomas Vindr", "Vindr"))
    put_many(store, "b", 3, person("Vindr"))
    put(store, "c", Entity("Vindr", "GPE"))
    assert set(groups(store)) == {"Tomas Vindr"}


def test_a_title_run_into_a_name_is_no_given_name(store: Store) -> None:
    put_many(store, "a", 4, person("Ada Quill", "Quill"))
    put_many(store, "b", 2, Entity("Special Envoy Ada Quill", "OTHER"))
    put(store, "c", person("Ada K. Quill", "Quill"))
    assert set(groups(store)) == {"Ada Quill"}


def test_two_names_a_gazetteer_gives_one_city_are_one_place(store: Store) -> None:
    put_many(store, "a", 2, Entity("Bombay", "GPE"))
    put(store, "b", Entity("Mumbai", "GPE"))
    put(store, "c", Entity("Mumbai", "OTHER"))
    assert len(groups(store)) == 1


def test_a_country_and_its_official_name_are_one_place(store: Store) -> None:
    put_many(store, "a", 2, Entity("Kenya", "GPE"))
    put(store, "b", Entity("Republic of Kenya", "GPE"))
    assert groups(store) == {"Kenya": {"a0", "a1", "b"}}


def test_a_people_or_body_in_the_singular_and_the_plural_is_one(store: Store) -> None:
    put(store, "a", Entity("Velmori", "NORP"))
    put(store, "b", Entity("Velmoris", "NORP"))
    put(store, "c", Entity("Harbour Guard", "ORG"))
    put(store, "d", Entity("Harbour Guards", "ORG"))
    put(store, "e", person("Roberts"))
    put(store, "f", Entity("Robert", "OTHER"))
    put(store, "g", Entity("News", "ORG"))
    put(store, "h", Entity("New", "ORG"))
    assert sorted(map(sorted, groups(store).values())) == [
        ["a", "b"],
        ["c", "d"],
        ["e"],
        ["f"],
        ["g"],
        ["h"],
    ]


def test_initials_an_article_gives_a_person_join_the_person(store: Store) -> None:
    put_many(store, "a", 2, person("Faisal bin Hamdan", "bin Hamdan", "FBH"))
    put(store, "b", Entity("FBH", "ORG"))
    assert groups(store) == {"Faisal bin Hamdan": {"a0", "a1", "b"}}


def test_an_acronym_joins_only_a_name_it_spells(store: Store) -> None:
    put(store, "a", Entity("Coastal Rights Office", "ORG", ["SC"]))
    put(store, "b", Entity("Southern Crescent", "GPE", ["SC"]))
    put(store, "c", Entity("SC", "ORG"))
    assert groups(store) == {"Coastal Rights Office": {"a"}, "Southern Crescent": {"b", "c"}}


# -- kept apart -----------------------------------------------------------------------------


def test_shared_surname_never_joins_two_full_names(store: Store) -> None:
    put(store, "a", person("Donna Reyes", "Reyes"))
    put(store, "b", person("Mark Reyes", "Reyes"))
    assert set(groups(store)) == {"Donna Reyes", "Mark Reyes"}


def test_two_initials_never_join_a_person_an_article_took_for_a_body(store: Store) -> None:
    put_many(store, "a", 3, person("Ada Quill", "Quill"))
    put(store, "b", Entity("Ada Quill", "ORG"))
    put(store, "c", Entity("AQ", "ORG"))
    assert groups(store) == {"Ada Quill": {"a0", "a1", "a2", "b"}, "AQ": {"c"}}


def test_three_initials_that_spell_a_persons_three_names_join_the_person(store: Store) -> None:
    put_many(store, "a", 3, person("Ada Lena Quill", "Quill"))
    put(store, "c", Entity("ALQ", "ORG"))
    assert groups(store) == {"Ada Lena Quill": {"a0", "a1", "a2", "c"}}


def test_an_acronym_joins_a_body_a_stray_article_took_for_a_person(store: Store) -> None:
    put_many(store, "a", 3, Entity("Marrowick Harbour League", "ORG", ["MHL"]))
    put(store, "b", Entity("Marrowick Harbour League", "PERSON"))
    put_many(store, "c", 2, Entity("MHL", "ORG"))
    assert set(groups(store)) == {"Marrowick Harbour League"}


def test_a_person_who_goes_by_the_middle_name_is_one_person(store: Store) -> None:
    put_many(store, "a", 3, person("Tom Halvorsen", "Halvorsen"), *COLLEAGUES)
    put(store, "b", person("J. Thomas Halvorsen", "Halvorsen"), *COLLEAGUES)
    put(store, "c", person("Jane Halvorsen", "Halvorsen"))
    found = groups(store)
    assert (found["Tom Halvorsen"], found["Jane Halvorsen"]) == ({"a0", "a1", "a2", "b"}, {"c"})


def test_different_middle_initials_or_generations_are_different_people(store: Store) -> None:
    put(store, "a", person("Walter K. Brannigan"))
    put(store, "b", person("Walter P. K. Brannigan"))
    put(store, "c", person("Walter Brannigan Jr."))
    put(store, "d", person("Walter Brannigan"))
    assert groups(store) == {
        "Walter K. Brannigan": {"a"},
        "Walter P. K. Brannigan": {"b"},
        "Walter Brannigan Jr.": {"c"},
        "Walter Brannigan": {"d"},
    }


def test_a_patronymic_is_not_the_fathers_name(store: Store) -> None:
    put(store, "a", person("Faisal bin Hamdan", "bin Hamdan"))
    put(store, "b", person("Hamdan"))
    assert set(groups(store)) == {"Faisal bin Hamdan", "Hamdan"}


def test_a_person_is_never_a_place_of_the_same_name(store: Store) -> None:
    put(store, "a", Entity("Lorrin", "GPE"))
    put(store, "b", person("Lorrin"))
    put(store, "c", person("Pia Lorrin", "Lorrin"))
    assert groups(store) == {"Lorrin": {"a"}, "Pia Lorrin": {"b", "c"}}


def test_a_person_is_never_the_place_his_name_comes_from(store: Store) -> None:
    put_many(store, "a", 3, Entity("Velmora", "GPE"))
    put(store, "b", person("Ilyas al-Velmorai", "Velmorai"))
    put(store, "c", Entity("Velmorai", "OTHER"))
    found = groups(store)
    assert found["Velmora"] == {"a0", "a1", "a2"}
    assert found["Ilyas al-Velmorai"] >= {"b"}


def test_one_articles_declaration_does_not_join_two_well_known_names(store: Store) -> None:
    league = Entity("Harbour League", "ORG", ["Sea Shield"], equivalents=["Sea Shield"])
    put(store, "slip", league)
    put_many(store, "a", 24, Entity("Harbour League", "ORG"))
    put_many(store, "b", 25, Entity("Sea Shield", "ORG"))
    assert len(groups(store)) == 2
    put_many(store, "c", 4, league)
    assert len(groups(store)) == 1


def test_an_acronym_a_person_is_given_that_is_not_their_initials_stays_apart(
    store: Store,
) -> None:
    put_many(store, "a", 2, person("Ada Quill", "Quill", "HBN"))
    put(store, "b", Entity("HBN", "ORG"))
    assert set(groups(store)) == {"Ada Quill", "HBN"}


def test_bodies_of_two_countries_stay_apart(store: Store) -> None:
    put(store, "a", Entity("Kenyan Coast Guard", "ORG"))
    put(store, "b", Entity("Nigerian Coast Guard", "ORG"))
    assert set(groups(store)) == {"Kenyan Coast Guard", "Nigerian Coast Guard"}


def test_two_bodies_with_one_acronym_stay_apart(store: Store) -> None:
    put_many(store, "a", 4, Entity("Harbour Guard Office", "ORG", ["HGO"], equivalents=["HGO"]))
    put_many(store, "b", 2, Entity("Highland Grazing Office", "ORG", ["HGO"], equivalents=["HGO"]))
    put(store, "c", Entity("HGO", "ORG"))
    found = groups(store)
    assert found["Harbour Guard Office"] >= {"a0", "a1", "a2", "a3"}
    assert found["Highland Grazing Office"] == {"b0", "b1"}


def test_two_wordings_of_one_body_sharing_its_acronym_are_one(store: Store) -> None:
    put(store, "a", Entity("Harbour Unity Accord", "ORG", ["HUA"]))
    put(store, "b", Entity("Harbour Unity Agreement", "ORG", ["HUA"]))
    assert len(groups(store)) == 1


def test_two_bodies_sharing_an_acronym_and_most_words_stay_apart(store: Store) -> None:
    put_many(store, "a", 3, Entity("Harbour National Committee", "ORG", ["HNC"]))
    put_many(store, "b", 2, Entity("Harbour National Convention", "ORG", ["HNC"]))
    assert len(groups(store)) == 2


def test_an_acronym_declared_for_one_of_two_bodies_it_spells_is_no_ones(store: Store) -> None:
    put(store, "a", Entity("Arden Forest Partners", "ORG", ["AFP"], equivalents=["AFP"]))
    put_many(store, "b", 24, Entity("Arden Forest Partners", "ORG"))
    put_many(store, "c", 20, Entity("Agence Fleuve Presse", "ORG"))
    put_many(store, "d", 30, Entity("AFP", "ORG"))
    assert len(groups(store)) == 3


def test_a_common_word_alias_does_not_capture_other_bodies(store: Store) -> None:
    put(store, "a", Entity("Coastal National Congress", "ORG", ["Congress"]))
    put(store, "b", Entity("Congress", "ORG"))
    put(store, "c", Entity("Congress", "ORG"))
    assert groups(store) == {"Coastal National Congress": {"a"}, "Congress": {"b", "c"}}


# -- sound-alike spellings ------------------------------------------------------------------


def _form(
    id: int, name: str, type: str, articles: int, context: tuple[str, ...], people: int = 0
) -> FormData:
    """A form named around ``context``, of which the first ``people`` are people."""
    around = tuple((key, n < people) for n, key in enumerate(context))
    return FormData(id, name_key(name), type, articles, articles, ((name, articles, True),), around)


def test_transliterations_join_only_with_shared_context() -> None:
    around = ("qarovia", "lentz", "ministry interior")
    forms = [
        _form(1, "Qassim Dharwali", "PERSON", 20, around),
        _form(2, "Kasim Darwali", "PERSON", 3, around),
        _form(3, "Qasim Darwaly", "PERSON", 2, ("other place", "someone else", "a body")),
    ]
    joined = {c.forms: c.name for c in resolve(forms)}
    assert joined == {(1, 2): "Qassim Dharwali", (3,): "Qasim Darwaly"}


def test_an_opening_vowel_or_a_silent_h_is_a_transliteration() -> None:
    around = ("qarovia", "lentz", "ministry interior")
    forms = [
        _form(1, "Usmar Dharwali", "PERSON", 20, around),
        _form(2, "Osmar Dharwali", "PERSON", 3, around),
        _form(3, "Zabihurrah Qelt", "PERSON", 4, around),
        _form(4, "Zabiurrah Qelt", "PERSON", 2, around),
    ]
    joined = {c.forms for c in resolve(forms)}
    assert joined == {(1, 2), (3, 4)}


def test_a_lone_word_with_a_short_sound_code_meets_its_respellings() -> None:
    around = ("qarovia", "lentz", "ministry interior")
    forms = [
        _form(1, "Qaida", "ORG", 20, around),
        _form(2, "Qaeda", "ORG", 5, around),
        _form(3, "Kadi", "ORG", 5, ("other place", "someone else", "a body")),
    ]
    assert {c.forms for c in resolve(forms)} == {(1, 2), (3,)}


def test_two_well_known_names_alike_in_sound_stay_apart() -> None:
    around = ("qarovia", "lentz", "ministry interior")
    forms = [
        _form(1, "Velmorah", "ORG", 40, around),
        _form(2, "Velmora", "ORG", 30, around),
        _form(3, "Velmoraa", "ORG", 5, around),
    ]
    assert {c.forms for c in resolve(forms)} == {(1, 3), (2,)}


def test_a_known_place_takes_only_the_names_the_gazetteer_gives_it() -> None:
    around = ("qarovia", "lentz", "ministry interior")
    forms = [
        _form(1, "Bombay", "GPE", 20, around),
        _form(2, "Bombey", "GPE", 3, around),
        _form(3, "Mumbai", "GPE", 5, ()),
    ]
    assert {c.forms for c in resolve(forms)} == {(1, 3), (2,)}


def test_a_given_name_spelled_another_way_as_a_middle_name_is_no_conflict() -> None:
    forms = [
        _form(1, "Arda Tekin Yaziroglu", "PERSON", 20, ()),
        _form(2, "Arda Tekkin Yaziroglu", "PERSON", 1, ()),
        _form(3, "Tekin Yaziroglu", "PERSON", 9, ()),
    ]
    assert {c.forms for c in resolve(forms)} == {(1, 2, 3)}


def test_a_lone_word_respelled_keeps_its_first_letter_and_its_case() -> None:
    around = ("qarovia", "lentz", "ministry interior")
    forms = [
        _form(1, "Odarvi", "ORG", 20, around),
        _form(2, "Udarvi", "ORG", 2, around),
        _form(3, "ODARVE", "ORG", 2, around),
        _form(4, "Odarvy", "ORG", 2, around),
    ]
    assert {c.forms for c in resolve(forms)} == {(1, 4), (2,), (3,)}


def test_a_stray_form_in_a_big_entity_vetoes_no_merge() -> None:
    forms = [
        _form(1, "Faisal bin Hamdan", "PERSON", 30, ()),
        _form(2, "Pinterest Faisal bin Hamdan", "PERSON", 1, ()),
        _form(3, "FBH", "ORG", 6, ()),
        FormData(
            4,
            name_key("Hide Faisal bin Hamdan"),
            "OTHER",
            1,
            1,
            (("Hide Faisal bin Hamdan", 1, FULLEST), ("FBH", 1, DECLARED)),
        ),
    ]
    assert {c.forms for c in resolve(forms)} == {(1, 2, 3, 4)}


def test_a_lone_surname_goes_to_the_person_it_spells_not_to_a_respelling() -> None:
    around = ("qarovia", "lentz", "ministry interior")
    forms = [
        _form(1, "Ada Khomani", "PERSON", 60, around),
        _form(2, "Bo Khamoni", "PERSON", 5, around),
        _form(3, "Khamoni", "PERSON", 3, around),
        _form(4, "Khomani", "PERSON", 8, around),
    ]
    assert {c.forms for c in resolve(forms)} == {(1, 4), (2, 3)}


def test_no_chain_of_one_letter_respellings_joins_two_lone_words_further_apart() -> None:
    around = ("qarovia", "lentz", "ministry interior")
    forms = [
        _form(1, "Quellar", "OTHER", 300, around),
        _form(2, "Quelar", "OTHER", 10, around),
        _form(3, "Quilar", "OTHER", 30, around),
    ]
    assert {c.forms for c in resolve(forms)} == {(1, 2), (3,)}


def test_a_rare_fuller_name_covering_two_people_does_not_join_them() -> None:
    forms = [
        _form(1, "Joe Quill", "PERSON", 100, ()),
        _form(2, "Jill Quill", "PERSON", 40, ()),
        _form(3, "J. K. Quill", "PERSON", 1, ()),
    ]
    joined = {c.forms for c in resolve(forms)}
    assert (1, 2) not in joined and not any({1, 2} <= set(c) for c in joined)


# -- the base as a whole --------------------------------------------------------------------


ARTICLES = {
    "a": [person("Jim Halvorsen", "Halvorsen"), Entity("Velmora", "GPE")],
    "b": [person("James Halvorsen", "Halvorsen"), Entity("NUG", "ORG")],
    "c": [person("Halvorsen"), Entity("Government of National Unity", "ORG", ["NUG"])],
    "d": [person("Donna Halvorsen", "Halvorsen"), Entity("Velmora", "OTHER")],
}


@pytest.mark.parametrize("order", list(permutations("abcd"))[::5])
def test_the_order_articles_arrive_in_does_not_change_the_entities(
    new_base: NewBase, order: tuple[str, ...]
) -> None:
    with Store(new_base("first")) as first, Store(new_base("other")) as other:
        for article_id in "abcd":
            put(first, article_id, *ARTICLES[article_id])
        for article_id in order:
            put(other, article_id, *ARTICLES[article_id])
        assert groups(other) == groups(first)
        other.relink()
        assert groups(other) == groups(first)


def _generated_articles(count: int) -> list[list[Entity]]:
    """Articles naming people who share surnames and given names, under several spellings,
    places, bodies and their acronyms, in a fixed pseudo-random mix."""
    people = [
        ("Ada Quill", ["Quill"]),
        ("Bo Quill", ["Quill"]),
        ("Ada M. Quill", ["Quill"]),
        ("Tomas Vindr", ["Vindr"]),
        ("Tomas Vindrr", ["Vindrr"]),
        ("Lena Ortiz", ["Ortiz"]),
        ("Faisal bin Hamdan", ["bin Hamdan"]),
    ]
    others = [
        Entity("Harbour Rescue Alliance", "ORG", ["HRA"]),
        Entity("HRA", "ORG"),
        Entity("Velmora", "GPE"),
        Entity("Velmoris", "NORP"),
        Entity("Quill", "OTHER"),
        Entity("Hamdan", "PERSON"),
        Entity("Velmori", "NORP"),
    ]
    random = Random(7)
    articles = []
    for _ in range(count):
        name, aliases = random.choice(people)
        articles.append([person(name, *aliases), random.choice(others), random.choice(others)])
    return articles


def test_settling_article_by_article_gives_what_relinking_gives(new_base: NewBase) -> None:
    with Store(new_base("incremental")) as store:
        for n, entities in enumerate(_generated_articles(120)):
            put(store, f"g{n:03}", *entities)
        incremental = groups(store)
        store.relink()
        assert groups(store) == incremental


def test_replacing_or_removing_articles_withdraws_what_they_gave(store: Store) -> None:
    put(store, "a", person("Rosa Quintero", "Quintero", "Rosita"))
    put(store, "b", person("Rosa Quintero", "Quintero"))
    put(store, "a", person("Rosa Quintero", "Quintero"))
    (entity,) = store.read.all_entities()
    assert dict(store.read.entity_names(entity["id"])) == {"Rosa Quintero": 2, "Quintero": 2}
    store.delete_article("a")
    store.delete_article("b")
    assert store.read.all_entities() == []


def test_an_entity_splits_again_when_the_article_joining_it_goes(store: Store) -> None:
    put(store, "a", person("Halvorsen"))
    put(store, "b", person("Jim Halvorsen", "Halvorsen"))
    assert groups(store) == {"Jim Halvorsen": {"a", "b"}}
    store.delete_article("b")
    assert groups(store) == {"Halvorsen": {"a"}}


def test_two_nicknames_of_one_formal_name_are_two_people(store: Store) -> None:
    """ "Bob" and "Bill" may both be short for Robert; a Bob is still seldom a Bill."""
    put_many(store, "b", 3, person("Bob Tessaro"), *COLLEAGUES)
    put_many(store, "w", 3, person("Bill Tessaro"), *COLLEAGUES)
    assert groups(store)["Bob Tessaro"] == {"b0", "b1", "b2"}


def test_an_untyped_nickname_needs_more_people_in_common(store: Store) -> None:
    put_many(store, "a", 3, person("James Halvorsen"), *COLLEAGUES)
    put(store, "b", Entity("Jim Halvorsen", "OTHER"), *COLLEAGUES)
    assert groups(store)["Jim Halvorsen"] == {"b"}


def test_two_well_known_nickname_bearers_need_more_people_in_common(store: Store) -> None:
    put_many(store, "r", 25, person("Robert Tessaro"), *COLLEAGUES)
    put_many(store, "b", 25, person("Bob Tessaro"), *COLLEAGUES)
    assert len(groups(store)["Bob Tessaro"]) == 25


def test_a_nickname_leaving_out_a_middle_name_needs_the_same_people(store: Store) -> None:
    put_many(store, "r", 3, person("Robert K. Tessaro"), *COLLEAGUES)
    put(store, "b", person("Bob Tessaro"), person("Ines Okafor"), person("Rune Castell"))
    put(store, "c", person("Rob Tessaro"), *COLLEAGUES)
    found = groups(store)
    assert (found["Robert K. Tessaro"], found["Bob Tessaro"]) == ({"r0", "r1", "r2", "c"}, {"b"})


def test_a_name_declared_a_persons_that_is_anothers_surname_goes_to_that_other(
    store: Store,
) -> None:
    mocked = Entity("Ada Ortiz", "PERSON", ["Quill"], equivalents=["Quill"])
    put(store, "mocked", mocked)
    put_many(store, "ortiz", 5, Entity("Ada Ortiz", "PERSON"))
    put_many(store, "quill", 5, Entity("Lena Quill", "PERSON"))
    put_many(store, "surname", 3, Entity("Quill", "PERSON"))
    found = groups(store)
    assert {"surname0", "surname1", "surname2"} <= found["Lena Quill"]
    assert not any(a.startswith("surname") for a in found["Ada Ortiz"])


def test_a_bulk_write_is_seen_under_its_identity_once_settled(new_base: NewBase) -> None:
    store = Store(new_base("bulk"))
    put(store, "a0", Entity("Ada Quill", "PERSON", ["Quill"]))
    text = "A sentence."
    article = Article("a1", "a1", text, [Sentence(0, 0, len(text), text)])
    quill = Entity("Quill", "PERSON", mentions=[Mention(0, 0, 1, "Quill")])
    store.put_article(article, Extraction(entities=[quill]), "a1", settle=False)
    assert run(store, "who", "Ada Quill").to_json()["entity"]["articles"] == 1  # as it was
    assert store.settle() > 0
    assert run(store, "who", "Ada Quill").to_json()["entity"]["articles"] == 2
