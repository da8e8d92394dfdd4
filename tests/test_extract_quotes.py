"""Quote patterns, each on short paragraphs written for the test."""

import pytest
from extraction import facts


def quotes(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.quote) for q in facts(text).quotes if not q.fragment]


def fragments(text: str) -> list[str]:
    return [q.quote for q in facts(text).quotes if q.fragment]


@pytest.mark.parametrize(
    ("text", "speaker", "quote"),
    [
        (
            '"The bridge is safe to use again," Mayor Ana Ortiz said.',
            "Ana Ortiz",
            "The bridge is safe to use again,",
        ),
        (
            '"The bridge is safe to use again," said Mayor Ana Ortiz.',
            "Ana Ortiz",
            "The bridge is safe to use again,",
        ),
        (
            'Mayor Ana Ortiz told reporters: "The bridge is safe to use again."',
            "Ana Ortiz",
            "The bridge is safe to use again.",
        ),
        (
            '"The bridge is safe," according to the Harbour Authority.',
            "Harbour Authority",
            "The bridge is safe,",
        ),
        (
            '"The bridge is safe to use again," the transport ministry said in a statement.',
            "transport ministry",
            "The bridge is safe to use again,",
        ),
        (
            '"We will reopen the bridge on Friday morning" after the repairs, Ortiz tweeted.',
            "Ortiz",
            "We will reopen the bridge on Friday morning",
        ),
    ],
)
def test_attribution_forms(text: str, speaker: str, quote: str) -> None:
    assert quotes(text) == [(speaker, quote)]


def test_short_form_speaker_is_the_full_name() -> None:
    text = 'Mayor Ana Ortiz visited the site.\n\n"The repairs are going well," Ortiz said.'
    assert quotes(text) == [("Ana Ortiz", "The repairs are going well,")]


def test_quote_continued_after_its_attribution_is_one_statement() -> None:
    text = (
        'Mayor Ana Ortiz spoke.\n\n"The repairs went well," Ortiz said. "We open on Friday. '
        'Everyone is welcome."'
    )
    assert quotes(text) == [
        ("Ana Ortiz", "The repairs went well, We open on Friday. Everyone is welcome."),
    ]


def test_continuation_after_a_lead_in_sentence() -> None:
    text = 'Mayor Ana Ortiz visited the river. "Stay away from the river! It is not safe."'
    assert quotes(text) == []  # a visit is no attribution
    text = 'Mayor Ana Ortiz tweeted. "Stay away from the river! It is not safe."'
    assert quotes(text) == [("Ana Ortiz", "Stay away from the river! It is not safe.")]


def test_reported_predicate_in_quotes() -> None:
    text = 'On Monday, Ortiz also "promised that every family would be housed by winter."'
    assert quotes(text) == [("Ortiz", "promised that every family would be housed by winter.")]


def test_pronoun_goes_to_the_antecedent() -> None:
    text = (
        "Engineer Paulo Reis inspected the dam with Mayor Ana Ortiz on Monday.\n\n"
        'The Dam Safety Board (DSB) met later, and he said the wall "had cracked in three '
        'places and needed urgent work."'
    )
    assert quotes(text) == [
        ("Dam Safety Board", "had cracked in three places and needed urgent work.")
    ]


def test_fragments_are_marked_not_quoted() -> None:
    text = 'The council called for an "immediate" halt and condemned the "reckless plan."'
    assert quotes(text) == []
    assert fragments(text) == ["immediate", "reckless plan."]


def test_unbalanced_mark_costs_only_its_paragraph() -> None:
    text = (
        'His "bold" plan needs more money, "the mayor said on Monday.\n\n'
        '"The bridge opens on Friday," Mayor Ana Ortiz said.'
    )
    assert quotes(text) == [("Ana Ortiz", "The bridge opens on Friday,")]


def test_unattributed_quote_is_not_reported() -> None:
    assert quotes('"Nothing will change for a long time to come."') == []


def test_pronoun_after_a_sentence_goes_to_its_subject_not_its_object() -> None:
    text = 'Minister Ana Ortiz met Paulo Reis in May.\n\n"The talks failed today," she said.'
    assert quotes(text) == [("Ana Ortiz", "The talks failed today,")]


def test_names_inside_the_quote_are_not_antecedents() -> None:
    text = 'Mayor Ana Ortiz spoke.\n\n"Paulo Reis broke every promise he made," she said.'
    assert quotes(text) == [("Ana Ortiz", "Paulo Reis broke every promise he made,")]


def test_speaker_before_an_appositive() -> None:
    text = '"The bridge will hold," Ortiz, a civil engineer, said on Monday.'
    assert quotes(text) == [("Ortiz", "The bridge will hold,")]
