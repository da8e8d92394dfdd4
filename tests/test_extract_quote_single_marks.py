"""Speech in single quotation marks, which are also apostrophes. Invented text."""

from extraction import facts


def quotes(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.quote) for q in facts(text).quotes if not q.fragment]


def test_single_quoted_statement_with_apostrophes_inside() -> None:
    text = "'We don't know when the workers' bridge will open,' Mayor Ana Ortiz said."
    assert quotes(text) == [("Ana Ortiz", "We don't know when the workers' bridge will open,")]


def test_single_quoted_statement_interrupted_by_its_attribution() -> None:
    text = "'The dam held,' said engineer Paulo Reis. 'Nobody was hurt in the night.'"
    assert quotes(text) == [("Paulo Reis", "The dam held, Nobody was hurt in the night.")]


def test_apostrophes_and_scare_quotes_are_no_quotes() -> None:
    text = (
        "Mayor Ana Ortiz's plan, the 'Bridge for All' scheme, began in the '90s. "
        "Ortiz said the town's 'old ways' were over, and the workers' union agreed."
    )
    assert quotes(text) == []


def test_quotes_within_a_quote_stay_inside_it() -> None:
    text = "\"He told me, 'Stay away from the river tonight,' and I did,\" Mayor Ana Ortiz said."
    assert quotes(text) == [
        ("Ana Ortiz", "He told me, 'Stay away from the river tonight,' and I did,")
    ]
