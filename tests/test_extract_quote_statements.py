"""Quoted spans grouped into the statements a reader counts, on invented paragraphs."""

from extraction import article, facts

from bot.extract import extract, extraction_json


def quotes(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.quote) for q in facts(text).quotes if not q.fragment]


def test_quote_interrupted_by_its_attribution_is_one_statement() -> None:
    text = '"We will rebuild," Mayor Ana Ortiz said, "and we will start tomorrow."'
    assert quotes(text) == [("Ana Ortiz", "We will rebuild, and we will start tomorrow.")]


def test_inverted_attribution_between_the_parts() -> None:
    text = '"The dam held," said engineer Paulo Reis. "Nobody was hurt."'
    assert quotes(text) == [("Paulo Reis", "The dam held, Nobody was hurt.")]


def test_adjacent_quotes_are_one_statement() -> None:
    text = 'Mayor Ana Ortiz said: "The water is falling fast now." "We will be home soon."'
    assert quotes(text) == [("Ana Ortiz", "The water is falling fast now. We will be home soon.")]


def test_bare_quote_after_narrative_is_not_given_the_last_speaker() -> None:
    text = (
        '"The water is falling," Mayor Ana Ortiz said. The river rose again at night. '
        'Boats were sent out. "We will be home soon."'
    )
    assert quotes(text) == [("Ana Ortiz", "The water is falling,")]


def test_second_quote_with_its_own_attribution_stays_apart() -> None:
    text = (
        'Mayor Ana Ortiz met engineer Paulo Reis.\n\n"The water is falling," Ortiz said. '
        '"The dam will hold," Reis added.'
    )
    assert quotes(text) == [
        ("Ana Ortiz", "The water is falling,"),
        ("Paulo Reis", "The dam will hold,"),
    ]


def test_quote_running_over_paragraphs_is_one_statement() -> None:
    text = (
        'Mayor Ana Ortiz told the council: "The water is falling. We will be home soon.\n\n'
        '"Every family will get help. Nobody will be left behind."\n\n'
        "The council agreed."
    )
    assert quotes(text) == [
        (
            "Ana Ortiz",
            "The water is falling. We will be home soon. Every family will get help. "
            "Nobody will be left behind.",
        )
    ]


def test_stray_mark_before_a_quoted_paragraph_does_not_run_on() -> None:
    text = (
        'The plan, "the mayor said, needs more money.\n\n'
        '"The bridge opens on Friday," Mayor Ana Ortiz said.'
    )
    assert quotes(text) == [("Ana Ortiz", "The bridge opens on Friday,")]


def test_attribution_sentence_before_a_bare_quote_is_cited() -> None:
    text = 'Mayor Ana Ortiz tweeted. "Stay away from the river! It is not safe."'
    (quote,) = facts(text).quotes
    assert (quote.speaker, quote.sentence, quote.cite) == ("Ana Ortiz", 1, 0)


def test_quote_inside_its_sentence_does_not_absorb_the_next() -> None:
    text = (
        'Mayor Ana Ortiz spoke.\n\n"The river will keep rising all week" in the north, Ortiz said. '
        '"Stay away from the banks tonight."'
    )
    assert quotes(text) == [
        ("Ana Ortiz", "The river will keep rising all week"),
        ("Ana Ortiz", "Stay away from the banks tonight."),
    ]


def test_fragment_does_not_start_a_statement() -> None:
    text = (
        'Mayor Ana Ortiz called the plan "reckless," adding: "We will vote against it on Monday."'
    )
    found = facts(text).quotes
    assert [(q.speaker, q.quote, q.fragment) for q in found] == [
        ("Ana Ortiz", "We will vote against it on Monday.", False),
        ("Ana Ortiz", "reckless,", True),
    ]


def test_title_inside_the_attribution_is_not_part_of_the_statement() -> None:
    text = '"We will rebuild the bridge this year," Mayor Ana Ortiz told the "Morning Show."'
    assert quotes(text) == [("Ana Ortiz", "We will rebuild the bridge this year,")]


def test_continuation_after_an_attribution_without_a_comma() -> None:
    text = (
        '"The dam held all night," engineer Paulo Reis told me "and the water is falling '
        'again this morning."'
    )
    assert quotes(text) == [
        ("Paulo Reis", "The dam held all night, and the water is falling again this morning.")
    ]


def test_question_attributed_in_the_next_sentence() -> None:
    text = '"Who will pay for the new bridge?" Engineer Paulo Reis asked on Monday.'
    assert quotes(text) == [("Paulo Reis", "Who will pay for the new bridge?")]


def test_json_gives_the_attribution_sentence_when_it_is_another() -> None:
    text = 'Mayor Ana Ortiz tweeted. "Stay away from the river! It is not safe."'
    built = article(text)
    (record,) = extraction_json(built, extract(built))["quotes"]
    assert record["sentence"] == '"Stay away from the river! It is not safe."'
    assert record["attribution"] == "Mayor Ana Ortiz tweeted."


def test_words_quoted_in_the_next_sentence_by_someone_else_are_not_a_continuation() -> None:
    text = (
        '"We have our differences, but we will work together," Ortiz said in a statement. '
        'Vale thanked Ortiz for "standing with every family in the valley this year and the '
        'next."'
    )
    assert quotes(text) == [("Ortiz", "We have our differences, but we will work together,")]
