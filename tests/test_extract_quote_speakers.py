"""Finding the speaker: appositives, brackets, common nouns, pronouns. Invented text."""

import pytest
from extraction import facts


def quotes(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.quote) for q in facts(text).quotes if not q.fragment]


@pytest.mark.parametrize(
    "attribution",
    [
        "Paulo Reis, a professor of engineering at the University of Lisbon, said",
        "Paulo Reis, Professor of Engineering at Lisbon Polytechnic Institute, said on Monday",
        "engineer Paulo Reis (Lisbon Polytechnic) said",
        "said Paulo Reis, a professor of engineering at the University of Lisbon",
        "the head of the Lisbon Engineering Council, Paulo Reis, said",
        "a fierce Ana Ortiz critic, engineer Paulo Reis, said",
    ],
)
def test_name_before_a_long_appositive_or_bracket(attribution: str) -> None:
    text = f'"The new bridge will hold for a hundred years," {attribution}.'
    assert quotes(text) == [("Paulo Reis", "The new bridge will hold for a hundred years,")]


def test_name_just_before_a_quoted_predicate_is_not_the_speaker_after_a_verb() -> None:
    text = (
        "Mayor Ana Ortiz said that she will take engineer Paulo Reis "
        '"at his word about the new bridge."'
    )
    assert quotes(text) == [("Ana Ortiz", "at his word about the new bridge.")]


def test_possessive_names_the_speaker_of_a_statement_not_of_an_aide() -> None:
    text = (
        "Mayor Ana Ortiz spoke in May.\n\n"
        '"Every bridge in the town will be safe by the winter," Ortiz\'s statement said.'
    )
    assert quotes(text) == [("Ana Ortiz", "Every bridge in the town will be safe by the winter,")]
    text = text.replace("statement", "chief aide")
    assert quotes(text) == [
        ("Ortiz's chief aide", "Every bridge in the town will be safe by the winter,")
    ]


QUOTE = "The harbour will reopen to ships on Friday morning,"


@pytest.mark.parametrize(
    ("attribution", "speaker"),
    [
        ("a spokesman for the Harbour Authority said", "spokesman for the Harbour Authority"),
        ("a senior Harbour Authority official said", "senior Harbour Authority official"),
        ("port officials told reporters", "port officials"),
        ("a top aide to a harbour commissioner said", "top aide to a harbour commissioner"),
        ("the daily reported", "daily"),
    ],
)
def test_common_noun_speakers_are_kept_with_their_body(attribution: str, speaker: str) -> None:
    assert quotes(f'"{QUOTE}" {attribution}.') == [(speaker, QUOTE)]


@pytest.mark.parametrize(
    "second",
    [
        "The Harbour Authority issued a statement on Monday.",
        '"The storm has passed," the Harbour Authority said in a statement.',
    ],
)
def test_the_statement_is_its_authors(second: str) -> None:
    text = f'Mayor Ana Ortiz spoke.\n\n{second}\n\n"{QUOTE}" the statement said.'
    assert (("Harbour Authority", QUOTE)) in quotes(text)


def test_the_statement_of_two_possible_authors_is_left_out() -> None:
    text = (
        'Mayor Ana Ortiz said in a statement that the storm "had passed."\n\n'
        '"The harbour was hit hard," the Harbour Authority told reporters.\n\n'
        f'"{QUOTE}" the statement said.'
    )
    assert [q for q in quotes(text) if q[1] == QUOTE] == []


def test_it_is_the_body_before() -> None:
    text = f'The Harbour Authority met on Monday.\n\n"{QUOTE}" it said.'
    assert quotes(text) == [("Harbour Authority", QUOTE)]


def test_a_body_by_its_head_word_and_a_person_by_their_role() -> None:
    text = f'The Harbour Authority met on Monday.\n\n"{QUOTE}" the authority said.'
    assert quotes(text) == [("Harbour Authority", QUOTE)]
    text = f'Governor Ana Ortiz visited the port.\n\n"{QUOTE}" the governor said.'
    assert quotes(text) == [("Ana Ortiz", QUOTE)]


@pytest.mark.parametrize(
    ("attribution", "speaker"),
    [
        ("said Paulo Reis director of the Lisbon Engineering Council", "Paulo Reis"),
        ("Tomas Vrana spokesman for the Lisbon Engineering Council said", "Tomas Vrana"),
        (
            "said a retired officer who works with the Lisbon Engineering Council",
            "retired officer",
        ),
    ],
)
def test_long_titles_without_commas(attribution: str, speaker: str) -> None:
    assert quotes(f'"{QUOTE}" {attribution}.') == [(speaker, QUOTE)]
