"""Discord pages: an answer laid out as embeds that fit every Discord limit by construction.

Each item becomes one block (its text, the sentence when needed, its citation), and pages are
filled block by block, so a page break never falls inside an item or its citation. Every
piece of text is bounded before it is placed: an item's text, context and citation have
fixed maxima that let any single item fit on a page of its own, so filling pages greedily
always succeeds. Article text is escaped (``markdown.escape``) so it cannot format, link or
ping. Nothing here imports discord: the adapter turns ``Page.embed`` into a discord.Embed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.query.answer import Answer, Citation, Item
from bot.render.markdown import escape, safe_url
from bot.render.parts import MAX_ALSO, also_listing, card_rows, group_heading

CONTENT_LIMIT = 2000
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_COUNT_LIMIT = 25
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FOOTER_LIMIT = 2048
EMBED_TOTAL_LIMIT = 6000

# Per-piece maxima (escaped characters): longer pieces are shortened with "…". With these,
# the largest possible block is about 3,700 characters, under the room any page has.
ITEM_TEXT_CHARS = 1500
ITEM_CONTEXT_CHARS = 1000
CITATION_TITLE_CHARS = 200
_CITATION_LABEL_CHARS = 100
# Each other article of an item ("also in: Title (Outlet, day)"), at most MAX_ALSO of them.
_ALSO_TITLE_CHARS = 60
_ALSO_LABEL_CHARS = 40
_URL_CHARS = 300
_HEADING_CHARS = 200
_MESSAGE_CHARS = 1500
_SUGGESTION_CHARS = 100
_CARD_VALUE_CHARS = 200
_FOOTER_RESERVE = 64
_BLOCK_GAP = "\n\n"


@dataclass(frozen=True, slots=True)
class Page:
    """One Discord message: its text content and one embed as plain embed JSON."""

    content: str
    embed: dict[str, Any]


def render_pages(answer: Answer) -> list[Page]:
    """The answer as pages, each within every Discord limit, items never split."""
    title = fit(answer.title or answer.command, TITLE_LIMIT)
    fields = _card_fields(answer)
    fields_size = sum(len(f["name"]) + len(f["value"]) for f in fields)
    room = EMBED_TOTAL_LIMIT - len(title) - _FOOTER_RESERVE
    descriptions = _paginate(
        header=_header(answer),
        items=answer.items,
        first_budget=min(DESCRIPTION_LIMIT, room - fields_size),
        budget=min(DESCRIPTION_LIMIT, room),
    )
    pages = []
    for number, description in enumerate(descriptions, start=1):
        embed: dict[str, Any] = {"title": title, "description": description or "No results."}
        if number == 1 and fields:
            embed["fields"] = fields
        footer = _footer(number, len(descriptions), len(answer.items))
        if footer:
            embed["footer"] = {"text": footer}
        pages.append(Page(content="", embed=embed))
    return pages


def fit(text: str, limit: int) -> str:
    """``text`` escaped, shortened at a word boundary with "…" if it exceeds ``limit``."""
    escaped = escape(text)
    raw = " ".join(text.split())
    while len(escaped) > limit:
        keep = max(0, len(raw) - (len(escaped) - limit) - 1)
        raw = _cut_at_word(raw, keep)
        escaped = escape(raw) + "…"
    return escaped


def _cut_at_word(text: str, length: int) -> str:
    cut = text[:length]
    space = cut.rfind(" ")
    if space > length * 0.6:
        cut = cut[:space]
    return cut.rstrip()


def _header(answer: Answer) -> str:
    parts = []
    if answer.message:
        parts.append(_message(answer.message))
    if answer.suggestions:
        names = "\n".join(f"• {fit(s, _SUGGESTION_CHARS)}" for s in answer.suggestions[:5])
        parts.append(f"Did you mean:\n{names}")
    return _BLOCK_GAP.join(parts)


def _message(text: str) -> str:
    """The message with its line breaks kept, or flattened and shortened if too long."""
    kept = "\n".join(escape(line) for line in text.splitlines() if line.strip())
    return kept if len(kept) <= _MESSAGE_CHARS else fit(text, _MESSAGE_CHARS)


def _card_fields(answer: Answer) -> list[dict[str, Any]]:
    fields = []
    for label, values in card_rows(answer)[:FIELD_COUNT_LIMIT]:
        fields.append(
            {
                "name": fit(label, FIELD_NAME_LIMIT),
                "value": _join_within([fit(v, _CARD_VALUE_CHARS) for v in values]),
                "inline": len(values) == 1,
            }
        )
    return fields


def _join_within(values: list[str], limit: int = FIELD_VALUE_LIMIT) -> str:
    """Whole values joined by " · ", ending "and N more" when they do not all fit."""
    shown = values[:1]
    for value in values[1:]:
        candidate = [*shown, value]
        if len(_listing(candidate, len(values) - len(candidate))) > limit:
            break
        shown = candidate
    return _listing(shown, len(values) - len(shown))


def _listing(values: list[str], left_out: int) -> str:
    more = f" · and {left_out} more" if left_out else ""
    return " · ".join(values) + more


def _citation(citation: Citation) -> str:
    title = fit(citation.title, CITATION_TITLE_CHARS)
    url = safe_url(citation.url)
    shown = f"[{title}]({url})" if url and len(url) <= _URL_CHARS else f"*{title}*"
    label = fit(citation.label, _CITATION_LABEL_CHARS)
    return f"— {shown} ({label})" if label else f"— {shown}"


def _also(citations: list[Citation]) -> str:
    """The other articles of an item, each title and label bounded, the rest counted."""
    names = []
    for citation in citations[:MAX_ALSO]:
        label = fit(citation.label, _ALSO_LABEL_CHARS)
        title = f"*{fit(citation.title, _ALSO_TITLE_CHARS)}*"
        names.append(f"{title} ({label})" if label else title)
    return f"-# {also_listing(names, len(citations))}"


def _body(item: Item, number: int) -> str:
    lines = [f"**{number}.** {fit(item.text, ITEM_TEXT_CHARS)}"]
    if item.context:
        lines.append(f"> {fit(item.context, ITEM_CONTEXT_CHARS)}")
    lines.append(_citation(item.citation))
    if item.also:
        lines.append(_also(item.also))
    return "\n".join(lines)


def _paginate(header: str, items: list[Item], first_budget: int, budget: int) -> list[str]:
    """Page descriptions: the header, then whole blocks, a new page when one would overflow."""
    pages: list[list[str]] = [[header] if header else []]
    previous = ""
    for number, item in enumerate(items, start=1):
        heading = group_heading(item)
        body = _body(item, number)
        block = _with_heading(body, heading, previous, opens_page=not pages[-1])
        limit = first_budget if len(pages) == 1 else budget
        if pages[-1] and len(_BLOCK_GAP.join([*pages[-1], block])) > limit:
            pages.append([])
            block = _with_heading(body, heading, previous, opens_page=True)
        pages[-1].append(block)
        previous = heading
    return [_BLOCK_GAP.join(page) for page in pages]


def _with_heading(body: str, heading: str, previous: str, opens_page: bool) -> str:
    """A block, under its group heading when it opens the group or a page inside it."""
    if not heading or (heading == previous and not opens_page):
        return body
    continued = " (continued)" if heading == previous else ""
    return f"__**{fit(heading, _HEADING_CHARS)}**__{continued}\n{body}"


def _footer(number: int, total: int, items: int) -> str:
    parts = []
    if total > 1:
        parts.append(f"Page {number}/{total}")
    if items:
        parts.append(f"{items} result{'s' if items != 1 else ''}")
    return " · ".join(parts)
