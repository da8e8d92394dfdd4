"""The daily digest: what arrived in the fact base since the last one, and when one is due.

Two pieces of the core that the Discord adapter puts together. ``build_digest`` reads the base and
returns an ordinary ``Answer`` (so it renders and cites like every other answer): the
articles that arrived in a window, the entities they mention most, the figures they report
and a few full quotes, each item cited to its sentence. ``next_due`` is the scheduling
arithmetic: given when the last digest was posted and the configured local time, it says
when the next one is due, and a due time not after now means one is owed now. Keeping the
time of the last digest in the base (``LAST_DIGEST_KEY``) is what makes restarts safe: a
restart right after posting finds nothing owed, and a bot that was down at digest time owes
exactly one digest when it comes back.

A digest of several pages is posted page by page, and each page is recorded as it goes out
(``PENDING_DIGEST_KEY``: the digest's end and how many of its pages are in the channel). A
page that fails (a missing permission, an outage, a restart) leaves the digest pending: the
next attempt posts the same digest's missing pages only, never the posted ones again and
never a day later.

Several bot processes may share one base (shards of one bot): each digest is posted by
one of them. Before posting, a process claims the digest (``claim_digest``: a
compare-and-set of ``CLAIM_KEY`` in the base), and a process that loses the claim posts
nothing. A claim is given up when its posting fails or is stopped (``release_digest``), so
the next attempt, by any process, finishes the digest; the claim of a process that vanished
without giving it up (killed) lapses after ``CLAIM_LEASE``.

"Arrived" means indexed (``articles.ingested_at``), not published: a digest reports what
is new to the base, whatever the articles' own dates.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

from bot.query.answer import Answer, Item, plural
from bot.query.figures import figure_item
from bot.query.quotes import quote_item, speaker_words
from bot.query.sources import Sources
from bot.store import Reads, Row, Store

LAST_DIGEST_KEY = "digest.last_posted"
PENDING_DIGEST_KEY = "digest.pending"
CLAIM_KEY = "digest.claim"
# Far longer than posting a digest of a few pages takes.
CLAIM_LEASE = timedelta(minutes=15)
MAX_ARTICLES = 20
MAX_ENTITIES = 5
MAX_FIGURES = 8
MAX_QUOTES = 5
MIN_QUOTE_CHARS = 40

ARTICLES_GROUP = "New articles"
ENTITIES_GROUP = "Most mentioned"
FIGURES_GROUP = "New figures"
QUOTES_GROUP = "Notable quotes"


# -- when ------------------------------------------------------------------------------------


def _stamp(moment: datetime) -> str:
    """``moment`` as stored: UTC, to the second, the format of ``articles.ingested_at``."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _parse_stamp(value: str | None) -> datetime | None:
    """The inverse of ``_stamp``; None for a missing or unreadable value."""
    try:
        return datetime.fromisoformat(value).astimezone(UTC) if value else None
    except ValueError:
        return None


def _scheduled(day: date, at: time, zone: ZoneInfo) -> datetime:
    """The digest instant on local calendar day ``day``, in UTC."""
    return datetime.combine(day, at, tzinfo=zone).astimezone(UTC)


def next_due(last: datetime | None, now: datetime, at: time, zone: ZoneInfo) -> datetime:
    """When the next digest is due; a result not after ``now`` means one is owed now.

    ``last`` is when the last digest was posted (None if never). A digest is owed when a
    scheduled instant has passed since ``last``: on time, or once after any downtime
    however many days it lasted. A bot that never posted starts at the next scheduled
    instant rather than posting the moment it first starts.
    """
    today = now.astimezone(zone).date()
    candidates = [_scheduled(today + timedelta(days=n), at, zone) for n in (-1, 0, 1)]
    latest = max(c for c in candidates if c <= now)
    if last is not None and last < latest:
        return latest
    return min(c for c in candidates if c > now)


def window_start(last: datetime | None, until: datetime) -> datetime:
    """Where a digest ending at ``until`` starts: the last digest, else one day before."""
    return last if last is not None else until - timedelta(days=1)


def last_digest(store: Store) -> datetime | None:
    """When the last digest was posted (or skipped as empty), as recorded in the base."""
    return _parse_stamp(store.get_meta(LAST_DIGEST_KEY))


@dataclass(frozen=True, slots=True)
class Pending:
    """A digest being posted: it ends at ``until``; its first ``posted`` pages are out."""

    until: datetime
    posted: int


def pending_digest(store: Store) -> Pending | None:
    """The digest whose posting began and did not finish, if any."""
    value = store.get_meta(PENDING_DIGEST_KEY)
    try:
        record = json.loads(value) if value else None
        until = _parse_stamp(record["until"]) if record else None
        return Pending(until, int(record["posted"])) if until else None
    except (ValueError, TypeError, KeyError):
        return None


def record_progress(store: Store, until: datetime, posted: int) -> None:
    """Remember that the digest ending at ``until`` has ``posted`` pages in the channel."""
    store.set_meta(PENDING_DIGEST_KEY, json.dumps({"until": _stamp(until), "posted": posted}))


def record_digest(store: Store, until: datetime) -> None:
    """Remember that the digest up to ``until`` has been dealt with (and nothing is
    pending)."""
    with store.transaction():
        store.set_meta(LAST_DIGEST_KEY, _stamp(until))
        store.set_meta(PENDING_DIGEST_KEY, "")


@dataclass(frozen=True, slots=True)
class Claim:
    """Who posts the digest owed at ``due``: ``owner`` ("" once given up), since ``at``."""

    due: datetime
    owner: str
    at: datetime

    def to_json(self) -> str:
        return json.dumps({"due": _stamp(self.due), "owner": self.owner, "at": _stamp(self.at)})


def _claim(value: str | None) -> Claim | None:
    """The claim as stored; None for none, or one that cannot be read (which any claim
    replaces)."""
    try:
        record = json.loads(value) if value else None
        due, at = _parse_stamp(record["due"]), _parse_stamp(record["at"])
        return Claim(due, str(record["owner"]), at) if due and at else None
    except (ValueError, TypeError, KeyError):
        return None


def claim_digest(store: Store, due: datetime | None, owner: str, now: datetime) -> bool:
    """Whether ``owner`` may post the digest owed at ``due`` (None: the digest pending),
    claiming it if so. It may not when the digest is posted already, or another owner
    holds its claim and has held it for less than ``CLAIM_LEASE``. The claim is a
    compare-and-set of what was read: of two processes claiming at once, one wins."""
    last = last_digest(store)
    if due is not None and last is not None and last >= due:
        return False
    value = store.get_meta(CLAIM_KEY)
    held = _claim(value)
    if held is not None:
        due = due or held.due
        if held.due > due:
            return False
        taken = held.owner not in ("", owner) and now - held.at < CLAIM_LEASE
        if held.due == due and taken:
            return False
    return store.swap_meta(CLAIM_KEY, value, Claim(due or now, owner, now).to_json())


def release_digest(store: Store, owner: str) -> None:
    """Give up ``owner``'s claim (its posting failed or was stopped), so that the next
    attempt, by any process, may finish the digest at once."""
    value = store.get_meta(CLAIM_KEY)
    held = _claim(value)
    if held is not None and held.owner == owner:
        store.swap_meta(CLAIM_KEY, value, Claim(held.due, "", held.at).to_json())


def digest_since_last(store: Store, until: datetime, zone: tzinfo = UTC) -> Answer:
    """The digest owed at ``until``: everything that arrived since the last one."""
    return build_digest(store, window_start(last_digest(store), until), until, zone)


# -- what ------------------------------------------------------------------------------------


def build_digest(store: Store, since: datetime, until: datetime, zone: tzinfo = UTC) -> Answer:
    """The digest of articles indexed after ``since`` and up to ``until`` (both aware).

    Times are compared to the second, as they are stored, so consecutive windows
    ``(a, b]`` and ``(b, c]`` never show an article twice or lose one between them.
    ``zone`` is only used to word the times in the title.
    """
    window = {"since": _stamp(since), "until": _stamp(until)}
    read = store.read
    count = read.window_count(window)
    shown_since = since.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z")
    if not count:
        return Answer(
            command="digest",
            query=window["since"],
            entity=None,
            items=[],
            title=f"Digest since {shown_since}",
            message=f"Nothing new since {shown_since}.",
        )
    articles = read.window_articles(window, MAX_ARTICLES)
    entities = read.window_entities(window, MAX_ENTITIES)
    figures = read.window_figures(window, MAX_FIGURES)
    quotes = _quotes(read, window)
    sources = Sources(
        read,
        [
            *((r["id"], r["lead"]) for r in articles),
            *((r["article_id"], r["first"]) for r in entities),
            *((r["article_id"], r["sentence_idx"]) for r in figures),
            *((r["article_id"], i) for r in quotes for i in (r["sentence_idx"], r["cite_idx"])),
        ],
    )
    items: list[Item] = []
    for row in articles:
        citation = sources.cite(row["id"], row["lead"])
        items.append(
            Item("article", citation.sentence or citation.title, citation, group=ARTICLES_GROUP)
        )
    for row in entities:
        citation = sources.cite(row["article_id"], row["first"])
        text = (
            f"{row['name']}: {plural(row['mentions'], 'mention')} in "
            f"{plural(row['articles'], 'new article')}"
        )
        items.append(
            Item("entity", text, citation, context=citation.sentence, group=ENTITIES_GROUP)
        )
    items += [
        figure_item(r, sources.cite(r["article_id"], r["sentence_idx"]), group=FIGURES_GROUP)
        for r in figures
    ]
    for row in quotes:
        citation = sources.cite(row["article_id"], row["sentence_idx"], row["cite_idx"])
        speaker = speaker_words(row["entity_name"], row["speaker"], citation.sentence)
        items.append(quote_item(row, speaker, citation, named=True, group=QUOTES_GROUP))
    more = count - len(articles)
    return Answer(
        command="digest",
        query=window["since"],
        entity=None,
        items=items,
        title=f"Digest: {plural(count, 'new article')} since {shown_since}",
        message=f"{plural(more, 'more new article')} not listed here." if more > 0 else "",
    )


def _quotes(read: Reads, window: dict[str, str]) -> list[Row]:
    """Full quotes (never fragments) with a known speaker: the longest, one per speaker (a
    speaker that is no entity, such as "an official", is one per article)."""
    chosen: dict[object, Row] = {}
    for row in read.window_quotes(window, MIN_QUOTE_CHARS):
        who = row["entity_name"] or (row["article_id"], row["speaker_name"])
        chosen.setdefault(who, row)
    return list(chosen.values())[:MAX_QUOTES]
