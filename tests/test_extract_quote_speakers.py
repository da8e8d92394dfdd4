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
