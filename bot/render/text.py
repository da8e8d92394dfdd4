"""Plain text for the command line: the whole answer at once, no markup, no paging.

A terminal has no length limit and no markdown, so text is printed as written and every
item is shown, each followed by its citation "— Title (Outlet, 2020-02-17)".
"""

from __future__ import annotations

import textwrap

from bot.query.answer import Answer, Citation, Item
from bot.render.parts import also_listing, card_rows, group_heading

_WIDTH = 100
_INDENT = "   "


def render_text(answer: Answer) -> str:
    """The answer as readable plain text, every item with its citation."""
    title = " ".join(answer.title.split()) or answer.command
    lines = [title, "=" * min(len(title), _WIDTH)]
    for line in answer.message.splitlines():
        lines.extend(_wrap(line, ""))
    if answer.suggestions:
        lines.append("Did you mean:")
        lines.extend(f"  - {name}" for name in answer.suggestions)
    for label, values in card_rows(answer):
        lines.extend(_wrap(f"{label}: {'; '.join(values)}", "", _INDENT))
    previous = ""
    for number, item in enumerate(answer.items, start=1):
        heading = group_heading(item)
        if heading and heading != previous:
            lines.extend(["", f"[{heading}]"])
        previous = heading
        lines.extend(["", *_item(item, number)])
    return "\n".join(lines) + "\n"


def _item(item: Item, number: int) -> list[str]:
    lines = _wrap(item.text, f"{number}. ".ljust(len(_INDENT)), _INDENT)
    if item.context:
        lines.extend(_wrap(item.context, _INDENT + "> ", _INDENT + "  "))
    lines.append(_INDENT + citation_text(item.citation))
    if item.also:
        names = [citation_text(c).removeprefix("— ") for c in item.also]
        lines.extend(_wrap(also_listing(names, len(item.also)), _INDENT, _INDENT + "  "))
    return lines


def citation_text(citation: Citation) -> str:
    """ "— Title (Outlet, 2020-02-17)", without the brackets when nothing is known."""
    title = " ".join(citation.title.split())
    label = citation.label
    return f"— {title} ({label})" if label else f"— {title}"


def _wrap(text: str, first: str, rest: str | None = None) -> list[str]:
    flat = " ".join(text.split())
    return textwrap.wrap(
        flat,
        width=_WIDTH,
        initial_indent=first,
        subsequent_indent=first if rest is None else rest,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [first.rstrip()]
