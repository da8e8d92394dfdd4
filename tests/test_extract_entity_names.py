"""What a name is and what it is called: declared equivalents, clean descriptions and
aliases, with invented names in sentences written here."""

import pytest
from extraction import entity, facts, names


def test_a_name_the_article_declares_the_same_joins_the_entity() -> None:
    found = facts(
        "The Harbour Defence League, also known as Sea Shield, claimed the attack. "
        "Sea Shield fighters were seen in Marrowick on Monday."
    )
    league = entity(found, "Harbour Defence League")
    assert "Sea Shield" in league.aliases and league.equivalents == ["Sea Shield"]
    assert "Sea Shield" not in names(found)


@pytest.mark.parametrize(
    "text",
    [
        "The Progress Party (GOP) met in Lowater, and the GOP chairman spoke.",
        "The Progress Party, known as the GOP, met in Lowater on Monday.",
    ],
)
def test_a_bracketed_or_known_as_name_is_declared(text: str) -> None:
    party = entity(facts(text), "Progress Party")
    assert party.equivalents == ["GOP"]


@pytest.mark.parametrize(
    ("text", "glossed"),
    [
        (
            "The panel heard former speechwriters Lena Ortiz (Quill) and Tomas Reis "
            "(Ortega) on Monday.",
            ["Lena Ortiz", "Tomas Reis"],
        ),
        ("Scandals got names like Pipegate (Quill), Dockgate (Ortega) and more.", ["Pipegate"]),
    ],
)
def test_names_each_glossed_with_a_bracketed_name_declare_nothing(
    text: str, glossed: list[str]
) -> None:
    found = facts(text)
    assert all(entity(found, name).equivalents == [] for name in glossed)


def test_a_real_name_is_declared_for_a_nom_de_guerre() -> None:
    found = facts(
        "The cleric Abu Tariq al-Qarni, whose real name is Ramon Ibrahim Quintana, "
        "was seen in Lowater on Monday."
    )
    cleric = entity(found, "Ramon Ibrahim Quintana")
    assert cleric.equivalents == ["Abu Tariq al-Qarni"]


def test_a_place_of_a_phrase_is_not_declared_the_name_the_phrase_is_known_as() -> None:
    found = facts(
        "Ada Quill spoke at the yearly gathering of farmers in Lowater, Velmaria, known as "
        "the Harbour Summit."
    )
    assert entity(found, "Harbour Summit").equivalents == []


def test_a_name_known_as_after_of_is_not_declared() -> None:
    found = facts("The young son of King Velmar, known as PVX, met the envoy in Lowater.")
    assert entity(found, "Velmar").equivalents == []
    assert "PVX" not in entity(found, "Velmar").aliases


def test_a_fathers_name_alone_is_not_his_sons() -> None:
    found = facts(
        "Crown Prince Faisal bin Hamdan met the envoy in Lowater. King Hamdan stayed home."
    )
    assert "Hamdan" not in entity(found, "Faisal bin Hamdan").aliases
    assert entity(found, "Hamdan").type == "PERSON"


def test_a_quoted_nickname_inside_a_name_is_declared() -> None:
    found = facts('Prime Minister Ada "Adi" Vindr spoke in Lowater. Adi left early.')
    vindr = entity(found, "Ada Vindr")
    assert {"Adi", "Vindr"} <= set(vindr.aliases)
    assert {"Adi", "Adi Vindr"} <= set(vindr.equivalents)
    assert "Adi" not in names(found)


def test_a_bracketed_acronym_spelled_across_small_words_makes_one_name() -> None:
    found = facts("The Harbour Guard of Velmora and the Coast (HGVC) sailed. The HGVC came back.")
    guard = entity(found, "Harbour Guard of Velmora and the Coast")
    assert "HGVC" in guard.aliases
    assert "Velmora" not in names(found)


def test_a_wire_credit_after_a_dateline_is_no_second_name() -> None:
    found = facts("MARROWICK (AFP) - The Coastal Unity Party met on Monday in the capital.")
    assert all(not e.equivalents for e in found.entities)


@pytest.mark.parametrize(
    ("text", "person", "described"),
    [
        ("Critics said Mr. Tomas Vindr was late.", "Tomas Vindr", []),
        ("Voters will support Mr. Tomas Vindr next year.", "Tomas Vindr", []),
        ("Police were saying Mr Tomas Vindr had left.", "Tomas Vindr", []),
        ("The panel met to judge Ada Quill on Monday.", "Ada Quill", []),
        (
            "Officials talked to Kenyan president Adaeze Okafor.",
            "Adaeze Okafor",
            ["Kenyan president"],
        ),
        ("Tomas Vindr met UN envoy Ada Quill in Lowater.", "Ada Quill", ["UN envoy"]),
        ("The rebel commander Tomas Vindr was seen.", "Tomas Vindr", ["rebel commander"]),
    ],
)
def test_descriptions_are_roles_never_forms_of_address_verbs_or_fragments(
    text: str, person: str, described: list[str]
) -> None:
    assert entity(facts(text), person).descriptions == described


def test_a_prefix_glued_to_a_name_is_not_part_of_it() -> None:
    found = facts("An ex-FBI agent and anti-NATO protesters met in Lowater.")
    assert {"FBI", "NATO"} <= names(found) and not any("-" in n for n in names(found))


def test_a_son_of_is_called_by_his_patronymic_not_his_fathers_name() -> None:
    person = entity(
        facts("Crown Prince Faisal bin Hamdan arrived in Lowater."), "Faisal bin Hamdan"
    )
    assert "bin Hamdan" in person.aliases and "Hamdan" not in person.aliases


@pytest.mark.parametrize(
    "text", ['"Hello Everyone," the mayor said.', "Everyone Agrees: Hello Again\n\n"]
)
def test_greetings_and_pronouns_are_no_names(text: str) -> None:
    assert names(facts(text + " Ada Quill spoke later.")) == {"Ada Quill"}


def test_a_common_word_is_no_short_name_of_a_body() -> None:
    found = facts(
        "The Coastal Unity Party met on Monday. Party members cheered the Eastern State "
        "Council, and the State said nothing."
    )
    assert "Party" not in entity(found, "Coastal Unity Party").aliases


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "Agents of Water and Customs Enforcement detained him.",
            "Water and Customs Enforcement",
        ),
        ("The Food and Drug Administration approved it.", "Food and Drug Administration"),
    ],
)
def test_an_institution_named_with_and_is_one_name(text: str, body: str) -> None:
    assert body in names(facts(text))


def test_names_and_places_joined_by_and_stay_apart() -> None:
    found = facts("Ada Quill and Tomas Vindr met Texas and Florida officials.")
    assert {"Ada Quill", "Tomas Vindr", "Texas", "Florida"} <= names(found)


def test_a_word_given_in_brackets_as_an_acronym_is_one_there() -> None:
    found = facts(
        "Officials from Harbour and Customs Enforcement (HACE) came. "
        "Officials from the Inland Customs Enforcement (ICE) detained him. ICE said so."
    )
    assert "ICE" in entity(found, "Inland Customs Enforcement").aliases
    assert "ICE" not in names(found)


def test_only_the_words_of_a_statement_stand_between_declared_names() -> None:
    found = facts(
        "On the council's words the mayor (Ada Quill) was listening. The Harbour Board "
        'wrote "Marrowick Floods" (Lowater Post) last week.'
    )
    assert all(not e.equivalents for e in found.entities)


def test_a_months_abbreviation_is_no_name_and_the_said_is_no_person() -> None:
    found = facts("LOWATER, Sept. 5 - The Marrowick Pentagonal said on Monday. Vindr said no.")
    assert "Sept." not in names(found) and "Sept" not in names(found)
    assert entity(found, "Vindr").type == "PERSON"
    assert all(e.type != "PERSON" for e in found.entities if e.name != "Vindr")


def test_a_compass_word_makes_an_unknown_name_a_region() -> None:
    found = facts("Shelling hit Eastern Quorvia again, a region near the coast.")
    assert entity(found, "Eastern Quorvia").type == "GPE"


def test_plural_titles_and_lone_letters_are_no_names() -> None:
    found = facts("Sens. Tomas Vindr and Ada Quill said the DHKP-C cell used a C-110 rifle.")
    assert {"Tomas Vindr", "Ada Quill"} <= names(found)
    assert not {"Sens", "Sens.", "C"} & names(found)


def test_a_regional_adjective_is_a_people_word() -> None:
    found = facts("Many Middle Eastern envoys came to Lowater.")
    assert entity(found, "Middle Eastern").type == "NORP"


def test_a_menu_of_countries_is_places_not_a_person() -> None:
    found = facts("Choose one: Quorvia Saudi Arabia Senegal Serbia Kenya. Ada Quill said so.")
    assert {"Saudi Arabia", "Senegal", "Serbia", "Kenya"} <= names(found)
    assert {e.name for e in found.entities if e.type == "PERSON"} == {"Ada Quill"}


def test_a_month_after_a_first_name_is_a_surname_but_not_before_a_day() -> None:
    found = facts("Prime Minister Ada May said on May 5 that she would go in June.")
    assert entity(found, "Ada May").type == "PERSON"
    assert not {"May", "June"} & names(found)


@pytest.mark.parametrize(
    ("text", "place", "person"),
    [
        (
            "Greetings to the president of the United States Tomas Vindr.",
            "United States",
            "Tomas Vindr",
        ),
        ("He met the Ambassador to Libya J. Tomas Vindr on Monday.", "Libya", "J. Tomas Vindr"),
    ],
)
def test_a_place_run_into_a_persons_name_is_split_from_it(
    text: str, place: str, person: str
) -> None:
    assert {place, person} <= names(facts(text))


def test_a_numeral_ends_a_name_and_is_no_acronym_of_its_own() -> None:
    found = facts("After Marrow War II ended, King Tomas III spoke.")
    assert "Marrow War II" in names(found)
    assert "II" not in names(found)


def test_a_first_name_before_a_common_word_is_a_person() -> None:
    assert entity(facts("Samantha Power met them on Monday."), "Samantha Power").type == "PERSON"
    assert entity(facts("The Grace Period began on Monday."), "Grace Period").type != "PERSON"


def test_an_opening_adverb_is_no_name_but_an_opening_name_is() -> None:
    found = facts("Unfortunately, the talks failed. Kelly, the envoy, left for Italy.")
    assert "Unfortunately" not in names(found)
    assert "Kelly" in names(found)


def test_a_persons_initials_are_no_acronym_the_article_did_not_define() -> None:
    found = facts("Minister Dana Corvell flew to Washington, D.C. on Monday. In D.C. she spoke.")
    assert entity(found, "Dana Corvell").type == "PERSON"
    assert "D.C." not in entity(found, "Dana Corvell").aliases


def test_a_role_about_to_be_taken_is_part_of_the_role() -> None:
    found = facts("The Secretary of Harbours-designate Tomas Vindr spoke on Monday.")
    assert "Tomas Vindr" in names(found)
    assert "Harbours-designate Tomas Vindr" not in names(found)


def test_a_former_role_is_a_role() -> None:
    found = facts("Ortiz fired his then-Secretary of Defense Tomas Vindr on Monday.")
    assert "Tomas Vindr" in names(found)
    assert "Secretary of Defense" in entity(found, "Tomas Vindr").descriptions[0]


def test_a_name_opening_with_ben_is_a_first_name_not_a_particle() -> None:
    found = facts("The Vindr House said on Monday it would act. Ben Vindr, a reporter, wrote it.")
    assert "Ben Vindr" not in entity(found, "Vindr House").aliases
    assert entity(found, "Ben Vindr").type == "PERSON"


def test_everyday_abbreviations_are_no_names() -> None:
    found = facts("He said on TV that the URL was wrong, and the HRSX agreed.")
    assert not {"TV", "URL"} & names(found)
    assert "HRSX" in names(found)


def test_two_stray_capitals_in_brackets_are_no_acronym_of_the_name() -> None:
    found = facts(
        "Delegates met at the Harbour Forum (DC) on Monday. DC officials were pleased, "
        "and the Harbour Forum drew a crowd."
    )
    assert entity(found, "Harbour Forum").equivalents == []


def test_an_opening_word_the_article_writes_in_lower_case_is_no_name() -> None:
    found = facts(
        "New rules take effect in Lowater on Monday, Ada Quill said. "
        "The new rules were drafted by the Harbour League."
    )
    assert "New" not in names(found)


def test_a_quoted_nickname_that_is_another_persons_name_joins_only_its_own() -> None:
    found = facts(
        "Speaker Marta Lindqvist spoke on Monday. Lindqvist praised Chief Oskar "
        '"Lindqvist" Brennholt, who died in Lowater. Brennholt was 36.'
    )
    assert entity(found, "Oskar Brennholt").equivalents == ["Lindqvist", "Lindqvist Brennholt"]
    assert entity(found, "Marta Lindqvist").equivalents == []


def test_a_title_before_a_surname_alone_is_not_the_full_names_role() -> None:
    found = facts("Ada Quill ran for mayor in 2016. Former President Quill spoke for his wife.")
    assert entity(found, "Ada Quill").descriptions == []


@pytest.mark.parametrize(
    "text",
    [
        "Like Bill Ortiz, Reis knows the game. Ortiz told the crowd he felt their pain.",
        "Bill Ortiz spoke in Lowater. Ortiz told the crowd he felt their pain.",
    ],
)
def test_a_first_name_that_is_also_a_word_still_opens_a_persons_name(text: str) -> None:
    ortiz = entity(facts(text), "Bill Ortiz")
    assert ortiz.type == "PERSON" and "Ortiz" in ortiz.aliases
