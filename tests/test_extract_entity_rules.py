"""Each rule that splits a run of capitals, by name: what it does, and what is lost
without it."""

import pytest
from extraction import article

from bot.extract.entities import SPLIT_RULES, extract_entities

# rule: (sentence, entities with the rule, an entity that only appears without it)
CASES = {
    "leading_role": (
        "Police said Kenyan Foreign Minister Adaeze Okafor met reporters.",
        {("Adaeze Okafor", "PERSON"), ("Kenyan", "NORP")},
        "Foreign Minister Adaeze Okafor",
    ),
    "role_alone": (
        "Reporters waited for the Kenyan Deputy Minister on Monday.",
        {("Kenyan", "NORP")},
        "Deputy Minister",
    ),
    "role_of_place": (
        "Reporters waited for the Governor of Nairobi on Monday.",
        {("Nairobi", "GPE")},
        "Governor of Nairobi",
    ),
    "leading_nationality": (
        "Police questioned Kenyan Adaeze Okafor on Monday.",
        {("Adaeze Okafor", "PERSON"), ("Kenyan", "NORP")},
        "Kenyan Adaeze Okafor",
    ),
    "role_suffix_before_name": (
        "They met the secretary of Harbours-designate Tomas Vindr on Monday.",
        {("Tomas Vindr", "PERSON")},
        "Harbours-designate Tomas Vindr",
    ),
    "direction_before_place": (
        "Troops moved into Northern Somalia on Monday.",
        {("Somalia", "GPE")},
        "Northern Somalia",
    ),
    "places_run_together": (
        "Flights linked Nairobi Kampala and other cities.",
        {("Nairobi", "GPE"), ("Kampala", "GPE")},
        "Nairobi Kampala",
    ),
    "place_before_person": (
        "Greetings came from the mayor of Nairobi Tomas Vindr on Monday.",
        {("Nairobi", "GPE"), ("Tomas Vindr", "PERSON")},
        "Nairobi Tomas Vindr",
    ),
    "wire_agency": (
        "The report said Lakeport Dam Bursts AFP in the evening.",
        {("Lakeport Dam Bursts", "OTHER"), ("AFP", "ORG")},
        "Lakeport Dam Bursts AFP",
    ),
    "body_before_person": (
        "Officials from the Water Authority Adaeze Okafor came too.",
        {("Water Authority", "ORG"), ("Adaeze Okafor", "PERSON")},
        "Water Authority Adaeze Okafor",
    ),
}


def found(text: str, without: str | None = None) -> set[tuple[str, str]]:
    rules = [rule for rule in SPLIT_RULES if rule.__name__ != without]
    return {(e.name, e.type) for e in extract_entities(article(text), rules=rules)}


def test_every_rule_has_a_case() -> None:
    assert [rule.__name__ for rule in SPLIT_RULES] == list(CASES)


@pytest.mark.parametrize("rule", CASES)
def test_rule_splits_the_run(rule: str) -> None:
    text, expected, _ = CASES[rule]
    assert found(text) == expected


@pytest.mark.parametrize("rule", CASES)
def test_without_the_rule_the_run_stays_one_name(rule: str) -> None:
    text, _, joined = CASES[rule]
    assert joined in {name for name, _ in found(text, without=rule)}


def test_leading_role_gives_the_description() -> None:
    (ortiz,) = [
        e
        for e in extract_entities(article("Police said Lakeport Deputy Mayor Ana Ortiz spoke."))
        if e.type == "PERSON"
    ]
    assert (ortiz.name, ortiz.descriptions) == ("Ana Ortiz", ["Lakeport Deputy Mayor"])


@pytest.mark.parametrize(
    ("text", "name", "nationality"),
    [
        ("Police met the Kenyan Rowing Federation.", "Kenyan Rowing Federation", "Kenyan"),
        ("Flights to French Guiana resumed on Monday.", "French Guiana", "French"),
        ("The Kenyan Open starts on Monday.", "Kenyan Open", "Kenyan"),
    ],
)
def test_leading_nationality_keeps_a_name_that_is_one_whole(
    text: str, name: str, nationality: str
) -> None:
    names = {n for n, _ in found(text)}
    assert name in names and nationality not in names


def test_wire_agency_leaves_the_rest_to_all_the_rules() -> None:
    text = "Officials from the Water Authority Adaeze Okafor AFP came too."
    assert found(text) == {("Water Authority", "ORG"), ("Adaeze Okafor", "PERSON"), ("AFP", "ORG")}
