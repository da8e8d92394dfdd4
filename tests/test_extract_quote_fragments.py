"""Short full statements are quotes; quoted words inside a sentence are fragments."""

import pytest
from extraction import facts


def found(text: str) -> list[tuple[str | None, str, bool]]:
    return [(q.speaker, q.quote, q.fragment) for q in facts(text).quotes]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ('Mayor Ana Ortiz was asked.\n\n"Absolutely not," she said.', "Absolutely not,"),
        ('Mayor Ana Ortiz was asked.\n\n"Never", she said.', "Never"),
        ('Mayor Ana Ortiz was asked.\n\n"Why?" she asked.', "Why?"),
        ('Mayor Ana Ortiz said: "Absolutely not."', "Absolutely not."),
        ('Mayor Ana Ortiz said, "Not this year."', "Not this year."),
    ],
)
def test_short_full_statements_are_quotes(text: str, quote: str) -> None:
    assert found(text) == [("Ana Ortiz", quote, False)]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ('Mayor Ana Ortiz called the plan "reckless."', "reckless."),
        ('Mayor Ana Ortiz urged a "swift" response.', "swift"),
        ('Mayor Ana Ortiz said the plan was "Not Acceptable."', "Not Acceptable."),
    ],
)
def test_quoted_words_inside_a_sentence_stay_fragments(text: str, quote: str) -> None:
    assert [(q, f) for _, q, f in found(text)] == [(quote, True)]
