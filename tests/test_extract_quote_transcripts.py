"""Colon introductions and transcript lines. Invented text and names."""

from extraction import facts


def quotes(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.quote) for q in facts(text).quotes if not q.fragment]


def test_colon_introduction_without_a_speech_verb() -> None:
    text = 'Mayor Ana Ortiz was blunt: "The town will not pay for the new bridge."'
    assert quotes(text) == [("Ana Ortiz", "The town will not pay for the new bridge.")]


def test_colon_after_a_thing_is_no_attribution() -> None:
    text = 'The plan of Mayor Ana Ortiz had one aim: "a bridge for every village by 2030."'
    assert quotes(text) == []


# Capitalised labels before short lines are taken for page furniture by the cleaning
# ("SPECIAL COVERAGE: ..."), so these transcript lines are long ones.
ORTIZ_SAYS = (
    "The town cannot pay for a bridge of that size, not this year and not next year, and I "
    "will not raise taxes to build it."
)
REIS_SAYS = (
    "Then the town will lose the bridge, because the river does not wait for the budget, and "
    "the old one will not last another winter."
)


def test_transcript_lines_by_surname_in_capitals() -> None:
    text = (
        "Mayor Ana Ortiz and engineer Paulo Reis debated the bridge on Monday.\n\n"
        f"ORTIZ: {ORTIZ_SAYS}\n\nREIS: {REIS_SAYS}"
    )
    assert quotes(text) == [("Ana Ortiz", ORTIZ_SAYS), ("Paulo Reis", REIS_SAYS)]


def test_transcript_by_full_names() -> None:
    text = f"The debate went on late.\n\nAna Ortiz: {ORTIZ_SAYS}\n\nPaulo Reis: {REIS_SAYS}"
    assert quotes(text) == [("Ana Ortiz", ORTIZ_SAYS), ("Paulo Reis", REIS_SAYS)]


def test_transcript_of_speakers_named_only_in_capitals() -> None:
    text = f"The debate went on late.\n\nQUILLBY: {ORTIZ_SAYS}\n\nMARTENSEN: {REIS_SAYS}"
    assert quotes(text) == [("Quillby", ORTIZ_SAYS), ("Martensen", REIS_SAYS)]


def test_answers_are_the_interviewees_and_questions_nobodys() -> None:
    text = (
        "This is an edited interview with Mayor Ana Ortiz.\n\n"
        "Q: Will the bridge open this year?\n\n"
        "A: It will open in the spring."
    )
    assert quotes(text) == [("Ana Ortiz", "It will open in the spring.")]


def test_page_furniture_labels_are_not_speakers() -> None:
    text = f"The bridge opened.\n\nUPDATE: {ORTIZ_SAYS}\n\nCORRECTION: {REIS_SAYS}"
    assert quotes(text) == []
    text = f"Lisbon Photos showed the bridge.\n\nPhotos: {ORTIZ_SAYS}"
    assert quotes(text) == []


def test_a_heading_with_a_name_is_not_a_transcript_line() -> None:
    text = f"The debate went on late.\n\nAna Ortiz: The bridge we need\n\n{ORTIZ_SAYS}"
    assert quotes(text) == []


def test_colon_far_from_a_subject_that_speaks() -> None:
    text = (
        "Mayor Ana Ortiz says the town has waited long enough for a new bridge over the "
        'river and gave her reasons: "The old one will not last another winter."'
    )
    assert quotes(text) == [("Ana Ortiz", "The old one will not last another winter.")]
    text = text.replace("says", "thinks")
    assert quotes(text) == []
