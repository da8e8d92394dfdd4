"""Speech verbs: a broad list with its inflections, and the attributions it lets through."""

import pytest
from extraction import facts

from bot.extract.lexicon import speech_verbs, verb_forms


def quotes(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.quote) for q in facts(text).quotes if not q.fragment]


@pytest.mark.parametrize(
    ("base", "given", "forms"),
    [
        ("add", [], {"add", "adds", "added", "adding"}),
        ("urge", [], {"urge", "urges", "urged", "urging"}),
        ("reply", [], {"reply", "replies", "replied", "replying"}),
        ("quip", ["quipped"], {"quip", "quips", "quipped", "quipping"}),
        ("say", ["said"], {"say", "says", "said", "saying"}),
        ("begin", ["began", "beginning"], {"begin", "begins", "began", "beginning"}),
    ],
)
def test_inflections(base: str, given: list[str], forms: set[str]) -> None:
    assert verb_forms(base, given) == forms


def test_a_verb_that_is_also_a_noun_keeps_its_past_and_participle() -> None:
    assert verb_forms("report", [], noun=True) == {"reported", "reporting"}


def test_the_list_is_broad() -> None:
    for form in ("gushed", "implored", "exclaimed", "recalled", "conceded", "saying", "adding"):
        assert form in speech_verbs()


@pytest.mark.parametrize("verb", ["quipped", "gushed", "implored", "exclaimed", "conceded"])
def test_any_speech_verb_attributes(verb: str) -> None:
    text = f'"The bridge will be ready by the summer," Mayor Ana Ortiz {verb}.'
    assert quotes(text) == [("Ana Ortiz", "The bridge will be ready by the summer,")]


def test_participle_takes_the_subject_of_its_clause() -> None:
    text = 'Mayor Ana Ortiz rejected the plan, saying: "It costs far too much for the town."'
    assert quotes(text) == [("Ana Ortiz", "It costs far too much for the town.")]


def test_second_verb_takes_the_subject_of_its_clause() -> None:
    text = (
        'Mayor Ana Ortiz called the plan "reckless" and wrote on her blog, '
        '"It costs far too much for the town."'
    )
    assert quotes(text) == [("Ana Ortiz", "It costs far too much for the town.")]


@pytest.mark.parametrize(
    ("attribution", "speaker"),
    [
        ("a state media report said", "state media"),
        ("the ministry's press office said", "ministry's press office"),
        ("state media reported", "state media"),
    ],
)
def test_a_noun_that_looks_like_a_verb_is_no_attribution(attribution: str, speaker: str) -> None:
    text = f'"The bridge will be ready by the summer," {attribution}.'
    assert quotes(text) == [(speaker, "The bridge will be ready by the summer,")]


def test_a_verb_before_an_infinitive_is_no_attribution() -> None:
    text = (
        '"The new bridge will be open by the summer" is the promise, and the town council '
        "continues to raise money for it."
    )
    assert quotes(text) == []


def test_attribution_without_a_usable_speaker_is_not_borrowed() -> None:
    text = (
        'Mayor Ana Ortiz spoke on Monday. "The bridge will be ready by the summer," the '
        "firm behind it gushed."
    )
    assert quotes(text) == []


def test_participle_after_a_coordinated_clause_takes_its_subject() -> None:
    text = (
        "Engineer Paulo Reis questioned the cost, and Mayor Ana Ortiz answered by saying "
        '"The town can pay for every part of it."'
    )
    assert quotes(text) == [("Ana Ortiz", "The town can pay for every part of it.")]


def test_participle_after_a_subordinate_clause_with_its_own_subject_is_unsure() -> None:
    text = (
        "Mayor Ana Ortiz said that engineer Paulo Reis agreed with the plan, adding: "
        '"The town can pay for every part of it."'
    )
    assert quotes(text) == []
    text = text.replace("engineer Paulo Reis", "the council")
    assert quotes(text) == [("Ana Ortiz", "The town can pay for every part of it.")]
