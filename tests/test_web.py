"""Feeds and links through the command line, against a real HTTP server on 127.0.0.1 that
serves pages and feeds the tests write: fetched, extracted, indexed and answered; and every
way a site can fail or misbehave, each with one clear line."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from aiohttp import web

from bot.cli import main

PARAGRAPHS = [
    "Harbour master Petra Lund said 240 passengers crossed Lake Orrin on the first day of the "
    "ferry season, the busiest opening the Orrin Ferry Company has had in years.",
    '"The lake is calm again," Lund told reporters on the quay on Monday, adding that two '
    "more boats would join the line next week once their crews are trained.",
    "The company said tickets for the summer would go on sale on Friday at the harbour office "
    "and that prices would stay as they were last year.",
]


def page(title: str, paragraphs: list[str] = PARAGRAPHS, canonical: str | None = None) -> str:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head><title>{title}</title>{link}"
        '<meta property="article:published_time" content="2024-05-06"></head>'
        f"<body><nav>Home | News | Contact</nav><article><h1>{title}</h1>{body}</article>"
        "<footer>All rights reserved</footer></body></html>"
    )


def rss(*items: tuple[str, str]) -> str:
    entries = "".join(
        f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid>"
        "<pubDate>Mon, 06 May 2024 08:00:00 GMT</pubDate></item>"
        for title, link in items
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Orrin Gazette</title>'
        f"<link>http://news.invalid/</link>{entries}</channel></rss>"
    )


@dataclass
class Site:
    """The routes the server answers: path -> (status, content type, body, extra headers),
    and the requests it was sent."""

    base: str = ""
    routes: dict[str, tuple[int, str, str, dict[str, str]]] = field(default_factory=dict)
    slow: set[str] = field(default_factory=set)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def serve(self, path: str, body: str, kind: str = "text/html", status: int = 200,
              **headers: str) -> str:  # fmt: skip
        self.routes[path] = (status, kind, body, headers)
        return self.base + path


@pytest.fixture
def site() -> Iterator[Site]:
    served = Site()

    async def handle(request: web.Request) -> web.StreamResponse:
        served.requests.append((request.path, dict(request.headers)))
        if request.path in served.slow:
            await asyncio.sleep(3)
        if request.path not in served.routes:
            return web.Response(status=404, text="gone")
        status, kind, body, headers = served.routes[request.path]
        etag = headers.get("ETag")
        if etag and request.headers.get("If-None-Match") == etag:
            return web.Response(status=304)
        return web.Response(status=status, body=body.encode(), content_type=kind, headers=headers)

    loop = asyncio.new_event_loop()
    app = web.Application()
    app.router.add_route("GET", "/{tail:.*}", handle)
    runner = web.AppRunner(app)
    loop.run_until_complete(runner.setup())
    server = web.TCPSite(runner, "127.0.0.1", 0)
    loop.run_until_complete(server.start())
    port = runner.addresses[0][1]
    served.base = f"http://127.0.0.1:{port}"
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    yield served
    asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(10)
    loop.call_soon_threadsafe(loop.stop)
    thread.join(10)


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
    feed = site.serve("/feed.xml", rss(("Ferry returns", first), ("Boats", second)),
                      kind="application/rss+xml", ETag='"v1"')  # fmt: skip
    conf = config(tmp_path, feeds=[feed])
    status, out, _ = factbot(capsys, conf, "poll")
    assert status == 0 and out.count("added web-") == 2 and f"{feed} — ok" in out
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
