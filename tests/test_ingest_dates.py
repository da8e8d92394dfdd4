"""An article's date when its record gives none: from its first lines or its address, never
from a date its story mentions."""

from __future__ import annotations

import pytest

from bot.ingest import build_article

BODY = "The ferry to Lake Orrin sailed again on Nov. 22, 1963, the harbour master said."


def published(text: str, url: str | None = None, given: str | None = None) -> str | None:
    article = build_article("a", text, title="Ferry sails", url=url, published=given)
    assert not isinstance(article, str)
    return article.published


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        ("Updated at 9:30 p.m. ET on December 20, 2019.", "2019-12-20"),
        ("UPDATE, April 21, 2020 at 6:58 p.m. ET", "2020-04-21"),
        ("Updated Dec. 21, 2019", "2019-12-21"),
        ("Published: Sept. 3, 2018", "2018-09-03"),
        ("Tuesday, March 3, 2020", "2020-03-03"),
        ("March 3, 2020 10:15 AM", "2020-03-03"),
    ],
)
def test_a_stamp_or_a_date_line_in_the_first_lines_dates_the_article(
    top: str, expected: str
) -> None:
    assert published(f"{top}\n\n{BODY}") == expected


def test_a_dateline_opening_the_text_dates_the_article() -> None:
    assert published(f"LOWATER, March 3, 2019 — {BODY}") == "2019-03-03"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example/world/2019/03/14/ferry-sails/", "2019-03-14"),
        ("https://news.example/2019-03-14-ferry-sails", "2019-03-14"),
        ("https://news.example/news/2019/03/ferry-sails", "2019-03"),
        ("https://news.example/story/ferry-sails-1963", None),
        ("https://news.example/2019/13/45/ferry", None),
    ],
)
def test_the_address_dates_the_article_to_the_day_or_the_month(
    url: str, expected: str | None
) -> None:
    assert published(BODY, url) == expected


def test_a_date_the_story_mentions_is_not_the_articles() -> None:
    assert published(f"{BODY}\n\nOn April 15, 2019, the quay was closed.") is None


def test_a_date_given_with_the_record_wins_and_the_future_is_no_date() -> None:
    text = f"Updated December 20, 2019\n\n{BODY}"
    assert published(text, given="2020-01-05") == "2020-01-05"
    assert published(f"Updated December 20, 2999\n\n{BODY}") is None
