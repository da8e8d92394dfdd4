"""Each way a quote is attributed, traced in the quote's ``how``; who speaks together, whom
a role names, and whose words a quote is not. Invented text."""

from __future__ import annotations

import pytest
from extraction import facts

from bot.extract.quotes.speakers import ATTRIBUTIONS

# Who the examples' speaker is, named first so that the examples may call her by surname.
INTRODUCED = "Ada Quill, the harbour master of Lowater, spoke on Monday.\n\n"


@pytest.mark.parametrize(("rule", "example"), sorted(ATTRIBUTIONS.items()))
def test_every_attribution_rule_attributes_its_example(rule: str, example: str) -> None:
    found = [q for q in facts(INTRODUCED + example).quotes if q.speaker == "Ada Quill"]
    assert found and any(q.how.split("/")[0] == rule for q in found), [
        (q.speaker, q.how) for q in facts(INTRODUCED + example).quotes
    ]


def test_words_said_of_someone_are_not_theirs() -> None:
    text = (
        INTRODUCED + "Lena Ortiz called Quill \u201cone of the worst harbour masters this "
        "coast has seen in many years.\u201d"
    )
    assert not [q for q in facts(text).quotes if q.speaker == "Ada Quill"]


@pytest.mark.parametrize(
    "attribution",
    [
        "said Sens. Ada Quill and Lena Ortiz, both Harbour Democrats",
        "Quill and Ortiz said in a joint statement",
    ],
)
def test_people_speaking_together_each_said_it(attribution: str) -> None:
    text = (
        "Senators Ada Quill and Lena Ortiz visited Lowater on Monday.\n\n"
        f"\u201cThe port must stay public, whatever the buyers offer,\u201d {attribution}."
    )
    speakers = {q.speaker for q in facts(text).quotes}
    assert speakers == {"Ada Quill", "Lena Ortiz"}


def test_a_role_several_hold_is_the_most_named_ones() -> None:
    text = (
        "Governor Ada Quill toured the docks of Lowater on Monday. Quill met workers, "
        "and Quill later met the council. Former Governor Lena Ortiz was not there.\n\n"
        "\u201cWe will rebuild the port before winter,\u201d the governor said."
    )
    assert [q.speaker for q in facts(text).quotes] == ["Ada Quill"]


def test_a_role_two_hold_alike_names_no_one() -> None:
    text = (
        "Governor Ada Quill met Governor Lena Ortiz in Lowater on Monday.\n\n"
        "\u201cWe will rebuild the port before winter,\u201d the governor said."
    )
    assert [q.speaker for q in facts(text).quotes if q.speaker in ("Ada Quill", "Lena Ortiz")] == []


def test_a_pronoun_is_left_out_when_someone_further_back_surely_fits() -> None:
    """The nearer name's gender is unknown; a woman named just before surely fits "she"."""
    text = (
        "Ada Quill spoke at the Lowater docks on Monday.\n\n"
        "Then, turning to Brekke Vantongeren and his supporters, she continued: "
        "\u201cThe port is not for sale, and it never will be.\u201d"
    )
    assert [q.speaker for q in facts(text).quotes] in ([None], [], ["Ada Quill"])
    assert "Brekke Vantongeren" not in {q.speaker for q in facts(text).quotes}


def test_transcript_turns_inside_one_line_are_each_their_speakers() -> None:
    text = (
        "The interview between Ada Quill and Lena Ortiz ended with this exchange.\n\n"
        "ADA QUILL: Will you run for the council? LENA ORTIZ: My focus is the port. "
        "ADA QUILL: So that is a no?\n\nThe council meets on Friday."
    )
    found = [(q.speaker, q.quote) for q in facts(text).quotes]
    assert found == [
        ("Ada Quill", "Will you run for the council?"),
        ("Lena Ortiz", "My focus is the port."),
        ("Ada Quill", "So that is a no?"),
    ]


def test_a_title_in_quotation_marks_is_no_ones_words() -> None:
    text = (
        "\u201cWe will rebuild the port,\u201d Ada Quill told the Velmora Herald on "
        "\u201cMorning Desk\u201d on Monday."
    )
    assert [q.quote for q in facts(text).quotes] == ["We will rebuild the port,"]


def test_transcript_turns_in_quotation_marks_are_given_once() -> None:
    text = (
        "The interview between Ada Quill and Lena Ortiz ended with this exchange.\n\n"
        "QUILL: \u201cWill you run for the council?\u201d ORTIZ: \u201cMy focus is the "
        "port.\u201d\n\nThe council meets on Friday."
    )
    found = [(q.speaker, q.quote) for q in facts(text).quotes]
    assert found == [
        ("Ada Quill", "Will you run for the council?"),
        ("Lena Ortiz", "My focus is the port."),
    ]


def test_a_person_before_an_unclosed_appositive_is_the_speaker() -> None:
    text = (
        "\u201cThe port is not for sale,\u201d Ada Quill, lawyer with the Harbour Rights "
        "Project said in a statement."
    )
    assert [q.speaker for q in facts(text).quotes] == ["Ada Quill"]


def test_an_outlet_reporting_the_words_is_not_their_speaker() -> None:
    text = (
        "Ada Quill spoke in Lowater on Monday. She called the sale a \u201cblow to the "
        "heart of this old harbour town and all of its people,\u201d as the Velmora Herald "
        "reported."
    )
    assert "Velmora Herald" not in {q.speaker for q in facts(text).quotes}


def test_a_pronoun_after_a_sentence_with_two_fitting_subjects_is_unsure() -> None:
    text = (
        "Paulo Reis toured Lowater on Monday, but Marco Vantongeren stayed in the capital "
        "and predicted a big win.\n\n"
        "\u201cIf we do well here, the race is over,\u201d he said."
    )
    assert [q.speaker for q in facts(text).quotes if q.speaker] == []


def test_a_pronoun_after_a_report_is_the_reporters_not_the_reported() -> None:
    text = (
        "In an interview, Pedro Ihrig, a historian, said Paulo Reis is plainly wrong, but "
        "he added: \u201cThe harbour is not for sale, and it never will be.\u201d"
    )
    assert [q.speaker for q in facts(text).quotes] == ["Pedro Ihrig"]


def test_one_labelled_line_is_a_headline_not_a_transcript() -> None:
    text = "Ada Quill: Why Lena Ortiz will praise her old rival.\n\nThe council met on Friday."
    assert facts(text).quotes == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "\u201cThe campaign is over,\u201d said Ryan Wilkes, a strategist and former "
            "spokesman for Ada Quill\u2019s 2012 campaign.",
            "Ryan Wilkes",
        ),
        (
            "Ada Quill founded Harbour Rising. \u201cWe will keep going without her,\u201d said "
            "Paco Ferrer of Harbour Rising, a group founded by Quill.",
            "Paco Ferrer",
        ),
        (
            "\u201cThe race is wide open,\u201d Brenna Holt, national press secretary for Ada "
            "Quill\u2019s campaign, tweeted.",
            "Brenna Holt",
        ),
    ],
)
def test_a_person_named_in_the_speakers_description_is_not_the_speaker(
    text: str, speaker: str
) -> None:
    assert [q.speaker for q in facts(text).quotes] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "\u201cThe campaign is over,\u201d said a former senior aide to Quill. Ada Quill ran "
        "in 2012.",
        "Ada Quill ran in 2012. One senator close to Quill said: \u201cShe will not run "
        "again this year.\u201d",
        "Sen. Lena Ortiz, who killed the bill with Reis and the late Sen. Ada Quill, said: "
        "\u201cIt was the right vote then.\u201d",
    ],
)
def test_a_name_a_preposition_governs_does_not_speak(text: str) -> None:
    assert "Ada Quill" not in {q.speaker for q in facts(text).quotes}


@pytest.mark.parametrize(
    "text",
    [
        "If the board balks, \u201cwe will lose our best chance to mend the pier,\u201d said "
        "Secretary of State Ada Quill, who came with Energy Secretary Lena Ortiz.",
        "Minister for Foreign Affairs Ada Quill said: \u201cThe pier will be mended soon.\u201d",
    ],
)
def test_a_preposition_inside_a_title_does_not_govern_the_name(text: str) -> None:
    assert [q.speaker for q in facts(text).quotes] == ["Ada Quill"]


def test_a_name_that_only_modifies_a_body_is_no_subject() -> None:
    text = (
        "Ada Quill won the vote. The Quill campaign unveiled a new ad on Monday, warning "
        "voters they \u201cwill not be safe in Ortiz country.\u201d"
    )
    assert "Ada Quill" not in {q.speaker for q in facts(text).quotes}


def test_a_quoted_predicate_inside_what_someone_wrote_is_the_writers() -> None:
    text = (
        "Lena Ortiz wrote that she hoped the council enjoyed the view \u201cfrom its own "
        "windows,\u201d given that Ada Quill \u201conce called the protests a fine sight.\u201d"
    )
    assert "Ada Quill" not in {q.speaker for q in facts(text).quotes}


def test_a_quoted_predicate_that_someone_said_is_not_the_subjects() -> None:
    text = (
        "In her speech, Lena Ortiz spoke of her father. Tomas Ortiz \u201cwas a kind man,\u201d "
        "she said."
    )
    assert "Tomas Ortiz" not in {q.speaker for q in facts(text).quotes}


def test_a_sentence_holding_its_own_quote_does_not_lead_into_the_next() -> None:
    text = (
        "In her speech, Lena Ortiz spoke of her father.\n\nTomas Ortiz \u201cwas a kind "
        "man,\u201d she said.\n\n\u201cWe are here to mourn a good and decent life.\u201d"
    )
    assert "Tomas Ortiz" not in {q.speaker for q in facts(text).quotes}


def test_a_person_a_body_is_named_for_does_not_speak_for_it() -> None:
    text = (
        "Ada Quill spoke in Lowater. On Monday the grassroots group The People for Ada "
        "Quill advised its members: \u201cDo not give them a single coin.\u201d"
    )
    assert "Ada Quill" not in {q.speaker for q in facts(text).quotes}


@pytest.mark.parametrize(
    "text",
    [
        "Ana Reis, who was political director of Ada Quill\u2019s 2016 campaign, said that "
        "Ortiz \u201cmet expectations in the harbour vote.\u201d",
        "Lena Ortiz, who was national press secretary for Ada Quill, tweeted: "
        "\u201cProgressives did not make this happen.\u201d",
    ],
)
def test_the_person_whose_campaign_a_speaker_worked_for_is_not_the_speaker(text: str) -> None:
    assert "Ada Quill" not in {q.speaker for q in facts(text).quotes}
