"""A web page as an article record: its main text, title, date, author and canonical address.

trafilatura finds the article in the page (not the menus, the comments, the footer) and
reads its metadata. The article id is made from the canonical address, so the same story
fetched twice, or reached through a link with tracking parameters, has one id; the same text
syndicated under several addresses is caught at indexing by its content (``follow``).
"""

from __future__ import annotations

import hashlib
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import lxml.html
import trafilatura

# Fewer characters of main text than this is no article (a paywall, an index page).
MIN_TEXT_CHARS = 200
ID_PREFIX = "web-"


def canonical(url: str) -> str:
    """The address without fragment, query tracking or case differences in the host."""
    parts = urlsplit(url.strip())
    query = "&".join(
        p for p in parts.query.split("&") if p and not p.lower().startswith(("utm_", "fbclid"))
    )
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", query, ""))


def article_id(url: str) -> str:
    """A stable id for the article at the canonical ``url``."""
    return ID_PREFIX + hashlib.sha256(canonical(url).encode("utf-8")).hexdigest()[:16]


def page_record(html: bytes | str, url: str) -> dict[str, Any] | None:
    """The article record of a page (``{"id", "title", "source", "published", "url",
    "author", "text"}``), or None when the page holds no article text."""
    found = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    if found is None:
        return None
    data = found.as_dict() if hasattr(found, "as_dict") else dict(found)
    text = (data.get("text") or "").strip()
    if len(text) < MIN_TEXT_CHARS:
        return None
    address = canonical(data.get("url") or url)
    return {
        "id": article_id(address),
        "title": data.get("title") or None,
        "source": data.get("sitename") or data.get("hostname") or urlsplit(address).hostname,
        "published": data.get("date") or None,
        "url": address,
        "author": data.get("author") or None,
        "text": text,
    }


def summary_record(
    url: str, title: str | None, summary: str, published: str | None
) -> dict[str, Any] | None:
    """The record of a feed item whose page cannot be had: its own summary, if long enough
    to be an article."""
    words = summary.strip()
    text = lxml.html.fragment_fromstring(words, create_parent="div").text_content() if words else ""
    if len(text.strip()) < MIN_TEXT_CHARS:
        return None
    address = canonical(url)
    return {
        "id": article_id(address),
        "title": title,
        "source": urlsplit(address).hostname,
        "published": published,
        "url": address,
        "author": None,
        "text": text.strip(),
    }
