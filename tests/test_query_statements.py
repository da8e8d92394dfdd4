"""When two quotes are the same statement: folded words equal, or a long or most-of run."""

from __future__ import annotations

import pytest

from bot.query.statements import group, same_statement, words


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("We will open the gates.", "we will open the gates", True),
        ("Syria’s future is ours", "Syrias future is ours", True),
        ("Beyond reproach, frankly", "Beyond reproach – frankly!", True),
        ("the talks were long and hard but fair", "the talks were long and hard", False),
        ("the talks were long and hard but fair", "talks were long and hard but fair", True),
        (
            "we saw the river rise past the old mill and then past the church",
            "the river rise past the old mill and then",
            True,
        ),
        ("we will see what happens next week", "we will see", False),
        ("We will open the gates", "We will close the gates", False),
        (
            "we are going to open the harbour gates at dawn on Monday",
            "we are going to open harbour gates at dawn on Monday",
            True,
        ),
        (
            "we will open the harbour gates at dawn on Monday morning",
            "we will not open the harbour gates at dawn on Monday morning",
            False,
        ),
        ("", "", False),
    ],
)
def test_same_statement(a: str, b: str, same: bool) -> None:
    assert same_statement(words(a), words(b)) is same


def test_statements_keep_the_fullest_wording_first_and_the_given_order() -> None:
    quotes = [
        "we will rebuild the old bridge next spring",  # newest, partial
        "a different remark altogether",
        "We have rebuilt the harbour wall and we will rebuild the old bridge next spring",
        "A different remark altogether!",
    ]
    grouped = group(quotes, lambda q: q)
    assert grouped == [
        "A different remark altogether!".split("|")
        and ["a different remark altogether", "A different remark altogether!"],
        [quotes[2], quotes[0]],
    ]
