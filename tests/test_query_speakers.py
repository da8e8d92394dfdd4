"""Speakers that are no entity ("a spokesman for the ministry") keep the article's words."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from bases import NewBase
from factories import Story

from bot.digest import build_digest
from bot.query import run
from bot.query.quotes import speaker_words
from bot.store import Store

SPOKESMAN_SAYS = "The ferries will run again on Monday if the wind drops"
OFFICIAL_SAYS = "Nobody should sail until the storm has passed"


@pytest.fixture
def store(new_base: NewBase) -> Store:
    store = Store(new_base("s"))
    story = Story("harbour", "Ferries stay in port", published="2030-03-04")
    story.say(
        f"“{SPOKESMAN_SAYS},” a spokesman for the transport ministry said.",
        "The Harbour Board closed the quays on Friday.",
        f"“{OFFICIAL_SAYS},” one senior harbour official told reporters.",
    )
    story.entity("Harbour Board", "ORG")
    story.quote("spokesman for the transport ministry", SPOKESMAN_SAYS)
    story.quote("senior harbour official", OFFICIAL_SAYS)
    story.save(store)
    return store


def test_an_article_shows_such_speakers_as_it_words_them(store: Store) -> None:
    texts = [r["text"] for r in run(store, "article", "harbour").to_json()["results"]]
    assert f"a spokesman for the transport ministry: “{SPOKESMAN_SAYS}”" in texts
    assert f"one senior harbour official: “{OFFICIAL_SAYS}”" in texts


def test_the_digest_shows_them_too_each_as_its_own_speaker(store: Store) -> None:
    now = datetime.now(UTC)
    answer = build_digest(store, now - timedelta(days=1), now + timedelta(minutes=1))
    quotes = {i.speaker: i.quote for i in answer.items if i.kind == "quote"}
    assert quotes == {
        "a spokesman for the transport ministry": SPOKESMAN_SAYS,
        "one senior harbour official": OFFICIAL_SAYS,
    }


@pytest.mark.parametrize(
    ("entity", "speaker", "sentence", "shown"),
    [
        ("Ada Quill", "Quill", "“Yes,” Quill said.", "Ada Quill"),
        (None, "U S official", "“No,” the U.S. official said.", "the U.S. official"),
        (None, "official", "“No,” The official said.", "the official"),
        (None, "ministry", "The statement gave no names.", "ministry"),
        (None, None, "“Maybe.”", "unattributed"),
    ],
)
def test_speaker_words(entity: str | None, speaker: str | None, sentence: str, shown: str) -> None:
    assert speaker_words(entity, speaker, sentence) == shown
