"""Sentence splitting on the hard cases news text has."""

import pytest

from bot.ingest.sentences import MAX_SENTENCE_CHARS, split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Lee met Gen. Ray Smith. They spoke.", ["Mr. Lee met Gen. Ray Smith.", "They spoke."]),
        ("The U.S. Army left. Troops went home.", ["The U.S. Army left.", "Troops went home."]),
        ("He lives in the U.S. The rest moved.", ["He lives in the U.S.", "The rest moved."]),
        ("It rose 3.5 percent. Prices fell.", ["It rose 3.5 percent.", "Prices fell."]),
        ("Talks end Jan. 5 in Oslo. Then what?", ["Talks end Jan. 5 in Oslo.", "Then what?"]),
        ("Ada M. Ortiz spoke. Crowds left.", ["Ada M. Ortiz spoke.", "Crowds left."]),
        ("Tom H.W. Vindr spoke. Crowds left.", ["Tom H.W. Vindr spoke.", "Crowds left."]),
        ("It went to the C.I.D. The end.", ["It went to the C.I.D.", "The end."]),
        ('"Stop!" he said. Nobody did.', ['"Stop!" he said.', "Nobody did."]),
        ('"Go home." The crowd left.', ['"Go home."', "The crowd left."]),
        (
            'She said: "We tried. We failed." Then she left.',
            ['She said: "We tried. We failed."', "Then she left."],
        ),
        (
            "Headline without stop\n\nBody starts here. Ends.",
            ["Headline without stop", "Body starts here.", "Ends."],
        ),
    ],
)
def test_hard_cases(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_offsets_point_into_the_text() -> None:
    text = "First one.  Second one!\n\nThird?"
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
    assert [s.index for s in split_sentences(text)] == [0, 1, 2]


def test_a_sentence_tens_of_thousands_of_characters_long_is_cut_at_spaces() -> None:
    text = "Rain fell on Lowater and " * 4000 + "the river rose."
    sentences = split_sentences(text)
    assert len(sentences) > 1
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in sentences)
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert all(text[s.start - 1] == " " for s in sentences[1:])  # cut between words
