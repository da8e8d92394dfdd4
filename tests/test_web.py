"""Feeds and links through the command line, against a real HTTP server on 127.0.0.1 that
serves pages and feeds the tests write: fetched, extracted, indexed and answered; and every
way a site can fail or misbehave, each with one clear line."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from websites import PARAGRAPHS, Site, page, rss

from bot.cli import main


def config(tmp_path: Path, allow: bool = True, **web_settings: object) -> Path:
    settings = {
        "allow_hosts": ["127.0.0.1"] if allow else [],
        "host_interval_seconds": 0,
        "timeout_seconds": 1,
        "max_bytes": 100_000,
        "max_failures": 2,
        **web_settings,
    }
    file = tmp_path / "config.yaml"
    file.write_text(
        json.dumps({"knowledge_dir": "knowledge", "db_path": "base.sqlite3", "web": settings}),
        encoding="utf-8",
    )
    return file


def factbot(capsys: pytest.CaptureFixture[str], conf: Path, *argv: str) -> tuple[int, str, str]:
    status = main(["--config", str(conf), *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_a_fetched_page_is_indexed_and_answered(capsys, tmp_path: Path, site: Site) -> None:
    conf = config(tmp_path)
    url = site.serve("/ferry", page("Ferry returns to Lake Orrin"))
    status, out, _ = factbot(capsys, conf, "fetch", url)
    assert status == 0 and out.startswith("added web-") and "Ferry returns" in out
    status, out, _ = factbot(capsys, conf, "ask", "--json", "/who Petra Lund")
    answer = json.loads(out)
    assert answer["entity"]["name"] == "Petra Lund"
    assert answer["results"][0]["url"] == url
    saved = list((tmp_path / "knowledge" / "web").glob("*.jsonl"))
    assert len(saved) == 1  # the file is the source: the base can be rebuilt from it


def test_the_same_story_fetched_twice_or_syndicated_is_stored_once(
    capsys, tmp_path: Path, site: Site
) -> None:
    conf = config(tmp_path)
    first = site.serve("/ferry", page("Ferry returns"))
    again = first + "?utm_source=feed"
    copy = site.serve("/partner/ferry-story", page("Ferry returns (partner)"))
    status, out, err = factbot(capsys, conf, "fetch", first, again, copy)
    assert status == 0 and out.count("added") == 1
    assert "already fetched" in err and "the same text as" in err
    status, out, _ = factbot(capsys, conf, "articles", "--all")
    assert out.count("web-") == 1


@pytest.mark.parametrize(
    ("route", "problem"),
    [
        ("/private", "private address"),
        ("/metadata", "link-local"),
        ("/file", "only http and https"),
        ("/big", "bytes read at most"),
        ("/slow", "no answer within 1 seconds"),
        ("/image", "image/png is not what was asked for"),
        ("/missing", "HTTP 404"),
        ("/secret/page", "robots.txt"),
        ("/loop", "more than"),
    ],
)
def test_a_link_that_cannot_be_had_is_one_line_and_changes_nothing(
    capsys, tmp_path: Path, site: Site, route: str, problem: str
) -> None:
    conf = config(tmp_path, max_redirects=3)
    site.serve("/private", "", status=302, Location="http://10.1.2.3/news")
    site.serve("/metadata", "", status=302, Location="http://169.254.169.254/latest/")
    site.serve("/file", "", status=302, Location="file:///etc/passwd")
    site.serve("/big", page("Big", PARAGRAPHS * 400))
    site.serve("/slow", page("Slow"))
    site.slow.add("/slow")
    site.serve("/image", "not really a png", kind="image/png")
    site.serve("/robots.txt", "User-agent: *\nDisallow: /secret/\n", kind="text/plain")
    site.serve("/secret/page", page("Secret"))
    site.serve("/loop", "", status=302, Location="/loop")
    status, out, err = factbot(capsys, conf, "fetch", site.base + route)
    assert status == 1 and not out
    [line] = err.strip().splitlines()
    assert line.startswith("skipped ") and problem in line
    assert not (tmp_path / "knowledge" / "web").exists()


def test_loopback_is_refused_unless_the_config_allows_the_host(
    capsys, tmp_path: Path, site: Site
) -> None:
    url = site.serve("/ferry", page("Ferry returns"))
    status, _, err = factbot(capsys, config(tmp_path, allow=False), "fetch", url)
    assert status == 1 and "127.0.0.1 is a loopback address" in err
    assert not site.requests  # refused before any request


def test_feeds_bring_new_items_once_and_ask_only_for_what_changed(
    capsys, tmp_path: Path, site: Site
) -> None:
    first = site.serve("/one", page("Ferry returns"))
    second = site.serve("/two", page("Boats added", [p.replace("240", "310") for p in PARAGRAPHS]))
    items = rss(("Ferry returns", first), ("Boats", second), ("Again", first))
    feed = site.serve("/feed.xml", items, kind="application/rss+xml", ETag='"v1"')
    conf = config(tmp_path, feeds=[feed])
    status, out, _ = factbot(capsys, conf, "poll")
    assert status == 0 and out.count("added web-") == 2 and f"{feed} — ok" in out
    assert [path for path, _ in site.requests].count("/one") == 1  # listed twice, read once
    status, out, _ = factbot(capsys, conf, "poll", "--all")
    assert "added" not in out
    feed_asks = [headers for path, headers in site.requests if path == "/feed.xml"]
    assert feed_asks[-1].get("If-None-Match") == '"v1"'  # answered 304
    status, out, _ = factbot(capsys, conf, "ask", "/figures passengers")
    assert "310" in out and "240" in out


def test_an_item_whose_page_cannot_be_had_keeps_the_feeds_summary(
    capsys, tmp_path: Path, site: Site
) -> None:
    summary = " ".join(PARAGRAPHS)
    feed = site.serve(
        "/feed.xml",
        rss(("Ferry returns", site.base + "/gone")).replace(
            "</link>", f"</link><description>{summary}</description>"
        ),
        kind="application/rss+xml",
    )
    status, out, _ = factbot(capsys, config(tmp_path, feeds=[feed]), "poll")
    assert status == 0 and out.count("added web-") == 1


def test_a_feed_that_turns_into_a_page_or_disappears_is_reported_then_stopped(
    capsys, tmp_path: Path, site: Site
) -> None:
    feed = site.serve("/feed.xml", page("Our new website"))
    conf = config(tmp_path, feeds=[feed])
    status, out, _ = factbot(capsys, conf, "poll")
    assert status == 0 and "failing (1): " in out and "not an RSS or Atom feed" in out
    del site.routes["/feed.xml"]
    status, out, _ = factbot(capsys, conf, "poll", "--all")
    assert "stopped after 2 failures" in out and "HTTP 404" in out
    asked = len(site.requests)
    factbot(capsys, conf, "poll", "--all")
    assert len(site.requests) == asked  # a stopped feed is not retried


def test_no_feeds_followed_says_where_to_list_them(capsys, tmp_path: Path) -> None:
    status, out, _ = factbot(capsys, config(tmp_path), "poll")
    assert status == 0 and "web.feeds" in out


def test_the_polling_interval_is_kept(capsys, tmp_path: Path, site: Site) -> None:
    feed = site.serve("/feed.xml", rss(), kind="application/rss+xml")
    conf = config(tmp_path, feeds=[feed])
    factbot(capsys, conf, "poll")
    asked = len(site.requests)
    started = time.monotonic()
    factbot(capsys, conf, "poll")
    assert len(site.requests) == asked and time.monotonic() - started < 5  # not yet due
