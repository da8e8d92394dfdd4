"""A real HTTP server on 127.0.0.1 serving the pages and feeds a test writes (no corpus
text), and the requests it was sent."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from aiohttp import web

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
