"""Entity patterns, each on short sentences written for the test."""

import pytest
from extraction import entity, facts, names


def test_role_before_name_gives_person_and_description() -> None:
    x = facts("Nigerian Foreign Minister Adaeze Okafor met reporters. Okafor smiled.")
    okafor = entity(x, "Adaeze Okafor")
    assert okafor.type == "PERSON"
    assert "Okafor" in okafor.aliases
    assert okafor.descriptions == ["Nigerian Foreign Minister"]
    assert "Nigerian Foreign Minister Adaeze Okafor" not in names(x)


def test_lowercase_role_and_appositive_descriptions() -> None:
    x = facts(
        "The rebel commander Tomas Vrana refused. The mayor of Springfield, Lena Dahl, agreed."
    )
    assert entity(x, "Tomas Vrana").descriptions == ["rebel commander"]
    assert entity(x, "Lena Dahl").descriptions == ["mayor of Springfield"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Officials met Ahmad al-Rashid in the capital.", "Ahmad al-Rashid"),
        ("Officials met Ahmad al Rashid in the capital.", "Ahmad al Rashid"),
        ("The envoy Omar bin Khalid arrived.", "Omar bin Khalid"),
        ("Guests included Ursula von Brandt and others.", "Ursula von Brandt"),
        ("President Tayfun Çelikoğlu spoke.", "Tayfun Çelikoğlu"),
    ],
)
def test_particles_and_diacritics_stay_in_names(text: str, name: str) -> None:
    assert entity(facts(text), name).type == "PERSON"


def test_acronym_defined_in_brackets_joins_the_full_name() -> None:
    x = facts("The Coastal Rescue Authority (CRA) sent boats. Later the CRA sent planes.")
    cra = entity(x, "Coastal Rescue Authority")
    assert cra.type == "ORG" and "CRA" in cra.aliases
    assert "CRA" not in names(x)


def test_initials_join_without_brackets() -> None:
    x = facts("The United Nations sent aid. The UN said more would come.")
    assert "UN" in entity(x, "United Nations").aliases


def test_organisation_cues() -> None:
    x = facts(
        "Fighters from the Dawn Brigade attacked. The Nightfall movement denied it. "
        "The monitor group Ceasefire Watch counted the dead. "
        "The Ministry of Water Resources agreed."
    )
    for name in ("Dawn Brigade", "Nightfall", "Ceasefire Watch", "Ministry of Water Resources"):
        assert entity(x, name).type == "ORG", name


def test_places_from_the_gazetteer_and_peoples() -> None:
    x = facts(
        "Kenyan troops moved from Nairobi to northern Somalia. Shiite leaders in Basra objected."
    )
    assert entity(x, "Nairobi").type == "GPE"
    assert entity(x, "Somalia").type == "GPE"
    assert entity(x, "Kenyan").type == "NORP"
    assert entity(x, "Shiite").type == "NORP"


@pytest.mark.parametrize(
    "text",
    [
        "Backed by tanks, the army advanced.",
        "Plus, the rain stopped.",
        "Government forces advanced on Monday.",
        "However, prices rose in March.",
    ],
)
def test_sentence_initial_capitals_are_not_names(text: str) -> None:
    assert names(facts(text), "PERSON", "ORG", "GPE") == set()


def test_possessive_and_leading_the_are_dropped() -> None:
    x = facts("The Harbour Authority's plan failed. Vrana's forces left.")
    assert "Harbour Authority" in names(x)
    assert "Vrana" in names(x) and entity(x, "Vrana").type == "PERSON"


def test_headline_title_case_yields_only_known_names() -> None:
    text = (
        "Ana Ortiz Asks Kenya And The Tomas Vrana Camp To Stop The Fighting In Nairobi\n\n"
        "Mayor Ana Ortiz spoke in Nairobi. Rebel leader Tomas Vrana listened."
    )
    x = facts(text)
    assert names(x, "PERSON", "ORG", "GPE") == {"Ana Ortiz", "Tomas Vrana", "Kenya", "Nairobi"}
    assert len(entity(x, "Ana Ortiz").mentions) == 2


def test_short_form_goes_to_the_most_recent_full_name() -> None:
    x = facts("Maria Lopez and Juan Lopez met. Juan Lopez left. Lopez said nothing.")
    assert len(entity(x, "Juan Lopez").mentions) == 3
    assert len(entity(x, "Maria Lopez").mentions) == 1


def test_single_unknown_name_with_regime_is_a_person() -> None:
    assert entity(facts("Aid reached areas held by the Varga regime."), "Varga").type == "PERSON"


def test_mentions_point_at_their_text() -> None:
    from extraction import article

    from bot.extract import extract

    a = article("Mayor Ana Ortiz spoke. Ortiz left.")
    for e in extract(a).entities:
        for m in e.mentions:
            assert a.text[m.start : m.end] == m.text
            assert a.sentences[m.sentence].start <= m.start < a.sentences[m.sentence].end


def test_a_run_of_names_without_commas_is_not_one_name() -> None:
    x = facts("The list named Tonga Tuvalu Uganda Ukraine Uruguay Vanuatu Zambia Zimbabwe too.")
    assert {"Tuvalu", "Uganda", "Zambia"} <= names(x, "GPE")
    assert all(len(name.split()) < 3 for name in names(x))


def test_nationality_with_a_common_word_is_one_body() -> None:
    x = facts("Fighters of the Islamic State attacked the town.")
    assert entity(x, "Islamic State").type == "ORG"


def test_a_body_joined_by_and_keeps_its_first_word_at_a_sentence_start() -> None:
    x = facts("Water and Customs Enforcement officials said the raid ended in Lowater.")
    assert "Water and Customs Enforcement" in names(x)
    assert "Customs Enforcement" not in names(x)


@pytest.mark.parametrize(
    "name", ["Kenyans for Clean Water", "Republican Unity Convention", "Kenyan Unity Caucus"]
)
def test_a_body_opening_with_a_people_or_party_word_is_one_name(name: str) -> None:
    x = facts(f"Delegates of the {name} met in Lowater. Later the {name} voted.")
    assert entity(x, name).type == "ORG"


@pytest.mark.parametrize(
    ("text", "name", "description"),
    [
        ("Secretary of State Ann Vole flew home.", "Ann Vole", "Secretary of State"),
        (
            "Director of National Intelligence Bo Reyes spoke.",
            "Bo Reyes",
            "Director of National Intelligence",
        ),
        ("House Minority Leader Ida Pell objected.", "Ida Pell", "House Minority Leader"),
        ("Aid chief Sen. Tom Brack of Ohio agreed.", "Tom Brack", "Sen."),
    ],
)
def test_role_chains_before_names(text: str, name: str, description: str) -> None:
    found = entity(facts(text), name)
    assert found.type == "PERSON" and description in found.descriptions[0]


def test_middle_initials_and_hyphenated_given_names_stay_in_the_name() -> None:
    x = facts("George W. Plank met Kim Jong-sun and NATO-backed envoys.")
    assert {"George W. Plank", "Kim Jong-sun", "NATO"} <= names(x)


def test_surname_that_is_also_a_town_is_the_person() -> None:
    x = facts("Senator Mike Rogers spoke first. Rogers then left the hearing.")
    rogers = entity(x, "Mike Rogers")
    assert rogers.type == "PERSON" and len(rogers.mentions) == 2


def test_party_labels_and_shouted_words_are_not_names() -> None:
    x = facts('Rep. Ed Vane, R-Texas, said: "WATCH this space." WATCH: the video.')
    assert "WATCH" not in names(x) and not any(n.startswith("R-") for n in names(x))


def test_places_and_buildings_named_by_their_kind_are_not_people() -> None:
    x = facts("Crowds filled Liberty Square near Harbor View Airport and the Blue River.")
    assert names(x, "PERSON") == set()
    assert entity(x, "Liberty Square").type == "OTHER"


def test_text_that_lost_its_punctuation() -> None:
    x = facts("Omar al-Rashid spoke. Omar al-Rashids forces shelled Basra Iraq. Rashids army left.")
    assert len(entity(x, "Omar al-Rashid").mentions) == 3
    assert {"Basra", "Iraq"} <= names(x, "GPE")
    assert names(x, "PERSON") == {"Omar al-Rashid"}


def test_a_role_and_a_place_name_no_person() -> None:
    x = facts("The Mayor of Nairobi spoke. Governor of New York Ida Pell agreed.")
    assert entity(x, "Nairobi").type == "GPE"
    assert entity(x, "Ida Pell").descriptions == ["Governor of New York"]


@pytest.mark.parametrize(
    "introduction",
    [
        "a man named Tobin",
        "a 40-year-old nurse called Tobin",
        "a driver identified only as Tobin",
        "a driver, who gave only his first name, Tobin",
    ],
)
def test_someone_introduced_by_one_name_only_is_private(introduction: str) -> None:
    text = f'At the meeting {introduction} stood up. "I could not pay," Tobin said.'
    [person] = [e for e in facts(text).entities if e.name == "Tobin"]
    assert person.private


def test_a_lone_surname_is_not_private() -> None:
    text = 'Senator Tobin stood up. "I could not pay," Tobin said.'
    [person] = [e for e in facts(text).entities if e.name == "Tobin"]
    assert not person.private
