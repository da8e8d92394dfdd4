"""The digest's content and its schedule, without Discord."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from bases import NewBase
from fake_discord.newsroom import entity, make_article

from bot.digest import (
    ARTICLES_GROUP,
    CLAIM_LEASE,
    ENTITIES_GROUP,
    FIGURES_GROUP,
    MAX_ARTICLES,
    QUOTES_GROUP,
    build_digest,
    claim_digest,
    digest_since_last,
    last_digest,
    next_due,
    record_digest,
    release_digest,
)
from bot.model import Article, Extraction, Figure, Quote
from bot.store import Store

BERLIN = ZoneInfo("Europe/Berlin")
EIGHT = time(8, 0)


def berlin(day: int, hour: int, minute: int = 0, month: int = 3) -> datetime:
    return datetime(2030, month, day, hour, minute, tzinfo=BERLIN)


# -- when ------------------------------------------------------------------------------------


def test_a_bot_that_never_posted_waits_for_the_next_digest_time() -> None:
    assert next_due(None, berlin(4, 7), EIGHT, BERLIN) == berlin(4, 8)
    assert next_due(None, berlin(4, 9), EIGHT, BERLIN) == berlin(5, 8)


def test_after_posting_the_next_digest_is_tomorrow() -> None:
    assert next_due(berlin(4, 8), berlin(4, 8, 1), EIGHT, BERLIN) == berlin(5, 8)
    assert next_due(berlin(4, 8), berlin(4, 23), EIGHT, BERLIN) == berlin(5, 8)


def test_a_digest_is_owed_once_when_its_time_passed_unposted() -> None:
    owed = next_due(berlin(3, 8), berlin(4, 8), EIGHT, BERLIN)
    assert owed == berlin(4, 8)
    late = next_due(berlin(3, 8), berlin(4, 15), EIGHT, BERLIN)
    assert late == berlin(4, 8) <= berlin(4, 15)


def test_after_days_of_downtime_one_digest_is_owed_not_one_per_day() -> None:
    now = berlin(9, 10)
    owed = next_due(berlin(3, 8), now, EIGHT, BERLIN)
    assert owed == berlin(9, 8)
    # Once that one is posted (recorded at ``now``), nothing more is owed until tomorrow.
    assert next_due(now, now, EIGHT, BERLIN) == berlin(10, 8)


def test_the_digest_time_is_local_time_across_daylight_saving_changes() -> None:
    before = next_due(None, berlin(29, 9), EIGHT, BERLIN)  # clocks go forward on the 31st
    after = next_due(before, before + timedelta(minutes=1), EIGHT, BERLIN)
    assert (before.day, before.astimezone(UTC).hour) == (30, 7)
    assert (after.day, after.astimezone(UTC).hour) == (31, 6)
    assert after.astimezone(BERLIN).hour == 8


def test_a_digest_time_that_does_not_exist_that_day_still_gets_its_digest() -> None:
    half_two = time(2, 30)  # skipped when clocks go forward on 2030-03-31
    due = next_due(berlin(30, 2, 30), berlin(31, 1), half_two, BERLIN)
    assert berlin(31, 1) < due < berlin(31, 5)
    assert next_due(due, due + timedelta(minutes=1), half_two, BERLIN) > berlin(31, 12)


# -- what ------------------------------------------------------------------------------------


def news(article_id: str, sentences: list[str], published: str = "2030-03-03") -> Article:
    return make_article(
        article_id, sentences[0], sentences[1:], source="Gazette", published=published
    )


def store_at(store: Store, moment: datetime, article: Article, extraction: Extraction) -> None:
    with time_machine.travel(moment, tick=False):
        store.put_article(article, extraction, content_hash=article.id)


@pytest.fixture
def store(new_base: NewBase) -> Store:
    with Store(new_base("base")) as opened:
        yield opened


def ferry_story() -> tuple[Article, Extraction]:
    article = news(
        "ferry",
        [
            "Ferry service resumes on the lake",
            "Captain Mira Holt said 300 passengers crossed on the first day.",
            '"We have waited all winter for this morning," Holt said.',
            'Holt called the delay "regrettable".',
            "Holt thanked the harbour crews.",
        ],
    )
    extraction = Extraction(
        entities=[entity(article, "Mira Holt", "PERSON", "Holt")],
        figures=[Figure(300, "300", "passengers crossed", 1, unit="passengers")],
        quotes=[
            Quote("Mira Holt", "We have waited all winter for this morning", 2),
            Quote("Mira Holt", "regrettable", 3, fragment=True),
        ],
    )
    return article, extraction


def test_the_digest_lists_articles_entities_figures_and_quotes_all_cited(store: Store) -> None:
    store_at(store, berlin(4, 9), *ferry_story())
    answer = build_digest(store, berlin(4, 8), berlin(5, 8), BERLIN)

    assert answer.title == "Digest: 1 new article since 2030-03-04 08:00 CET"
    groups = [item.group for item in answer.items]
    assert groups == [ARTICLES_GROUP, ENTITIES_GROUP, FIGURES_GROUP, QUOTES_GROUP]
    article, entity, figure, quote = answer.items
    assert article.text == "Captain Mira Holt said 300 passengers crossed on the first day."
    assert article.citation.title == "Ferry service resumes on the lake"
    assert article.citation.source == "Gazette"
    assert entity.text.startswith("Mira Holt: 4 mentions in 1 new article")
    assert figure.value == 300 and "300 passengers crossed" in figure.citation.sentence
    assert quote.quote == "We have waited all winter for this morning"
    assert quote.speaker == "Mira Holt" and not quote.fragment
    assert all(item.citation.article == "ferry" and item.citation.sentence for item in answer.items)


def test_fragments_are_never_notable_quotes(store: Store) -> None:
    store_at(store, berlin(4, 9), *ferry_story())
    answer = build_digest(store, berlin(4, 8), berlin(5, 8))
    assert [i.quote for i in answer.items if i.kind == "quote"] == [
        "We have waited all winter for this morning"
    ]


def test_consecutive_windows_show_each_arrival_exactly_once(store: Store) -> None:
    for n, hour in enumerate([7, 8, 9, 12]):
        article = news(f"notice-{n}", [f"Notice {n} about the lake", f"Notice {n} was issued."])
        store_at(store, berlin(4, hour), article, Extraction())

    def listed(since: datetime, until: datetime) -> list[str]:
        answer = build_digest(store, since, until)
        return sorted(i.citation.article for i in answer.items if i.kind == "article")

    assert listed(berlin(3, 8), berlin(4, 8)) == ["notice-0", "notice-1"]
    assert listed(berlin(4, 8), berlin(5, 8)) == ["notice-2", "notice-3"]


def test_an_empty_window_says_nothing_is_new(store: Store) -> None:
    answer = build_digest(store, berlin(4, 8), berlin(5, 8), BERLIN)
    assert answer.items == []
    assert answer.message == "Nothing new since 2030-03-04 08:00 CET."


def test_a_busy_day_lists_the_newest_articles_and_says_how_many_more(store: Store) -> None:
    for n in range(MAX_ARTICLES + 3):
        article = news(f"n{n:02d}", [f"Notice {n}", f"Body {n}."], published=f"2030-02-{n + 1:02d}")
        store_at(store, berlin(4, 9), article, Extraction())
    answer = build_digest(store, berlin(4, 8), berlin(5, 8))
    listed = [i.citation.article for i in answer.items if i.kind == "article"]
    assert len(listed) == MAX_ARTICLES and listed[0] == f"n{MAX_ARTICLES + 2:02d}"
    assert answer.message == "3 more new articles not listed here."


def test_the_window_runs_from_the_last_recorded_digest(store: Store) -> None:
    store_at(store, berlin(4, 9), *ferry_story())
    assert last_digest(store) is None
    first = digest_since_last(store, berlin(5, 8))  # never posted: the last day
    assert "1 new article" in first.title
    record_digest(store, berlin(5, 8))
    assert last_digest(store) == berlin(5, 8)
    assert digest_since_last(store, berlin(6, 8)).items == []


def test_the_most_mentioned_names_come_first_counted_across_new_articles(store: Store) -> None:
    for n in (1, 2):
        article = news(f"pier-{n}", [f"Pier notice {n}", "Lena Ward inspected the pier again."])
        store_at(
            store,
            berlin(4, 9),
            article,
            Extraction(entities=[entity(article, "Lena Ward", "PERSON")]),
        )
    ferry, facts = ferry_story()
    store_at(store, berlin(4, 10), ferry, facts)
    answer = build_digest(store, berlin(4, 8), berlin(5, 8))
    named = [item.text for item in answer.items if item.kind == "entity"]
    assert named == [
        "Mira Holt: 4 mentions in 1 new article",
        "Lena Ward: 2 mentions in 2 new articles",
    ]


# -- one poster among several processes -------------------------------------------------------


def test_a_meta_value_is_swapped_only_from_the_value_expected(new_base: NewBase) -> None:
    where = new_base("base")
    with Store(where) as east, Store(where) as west:
        assert east.swap_meta("harbour.keeper", None, "east")
        assert not west.swap_meta("harbour.keeper", None, "west")
        assert not west.swap_meta("harbour.keeper", "nobody", "west")
        assert west.swap_meta("harbour.keeper", "east", "west")
        assert east.get_meta("harbour.keeper") == "west"


def test_of_two_processes_claiming_one_digest_at_once_one_wins(new_base: NewBase) -> None:
    """Two connections of their own, on two threads released together, claim each of a
    run of digests: every digest has exactly one winner."""
    where = new_base("base")
    days = [berlin(day, 8) for day in range(4, 16)]
    start = threading.Barrier(2)

    def claims(owner: str) -> list[bool]:
        won = []
        with Store(where) as store:
            for due in days:
                start.wait()
                won.append(claim_digest(store, due, owner, due))
        return won

    with ThreadPoolExecutor(2) as pool:
        east, west = pool.map(claims, ["east harbour", "west harbour"])
    assert [a + b for a, b in zip(east, west, strict=True)] == [1] * len(days)


def test_a_claim_given_up_or_lapsed_is_taken_over(new_base: NewBase) -> None:
    with Store(new_base("base")) as store:
        due = berlin(4, 8)
        assert claim_digest(store, due, "east", due)
        assert claim_digest(store, due, "east", due)  # its own claim, after a restart
        assert not claim_digest(store, due, "west", due + timedelta(minutes=5))
        release_digest(store, "west")  # not its claim: changes nothing
        assert not claim_digest(store, None, "west", due + timedelta(minutes=5))
        release_digest(store, "east")  # east's posting failed
        assert claim_digest(store, None, "west", due + timedelta(minutes=5))
        assert not claim_digest(store, due, "east", due + timedelta(minutes=10))
        assert claim_digest(store, due, "east", due + timedelta(minutes=5) + CLAIM_LEASE)


def test_a_digest_posted_or_an_older_one_is_not_claimed(new_base: NewBase) -> None:
    with Store(new_base("base")) as store:
        record_digest(store, berlin(4, 8, 1))
        assert not claim_digest(store, berlin(4, 8), "east", berlin(4, 8, 2))
        assert claim_digest(store, berlin(5, 8), "east", berlin(5, 8))
        assert not claim_digest(store, berlin(4, 8), "west", berlin(5, 8))  # a stale view
