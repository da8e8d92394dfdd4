"""The pieces of an answer that every renderer shows the same way, worded once."""

from __future__ import annotations

from bot.query.answer import Answer, Item, plural


def card_rows(answer: Answer) -> list[tuple[str, list[str]]]:
    """The entity card of a ``/who`` answer as (label, values) rows; empty otherwise."""
    entity = answer.entity
    if entity is None or answer.command != "who":
        return []
    rows = [
        ("Type", [entity["type"]]),
        ("Articles", [f"named in {plural(entity['articles'], 'article')}"]),
    ]
    if entity["aliases"]:
        rows.append(("Also called", list(entity["aliases"])))
    if entity["descriptions"]:
        rows.append(("Described as", list(entity["descriptions"])))
    return rows


ALSO = "also in: "
# Other articles named under an item; the rest are counted ("and 4 more").
MAX_ALSO = 3


def also_listing(names: list[str], total: int) -> str:
    """ "also in: A · B · C and 4 more", from the names of the first few other articles."""
    more = f" and {total - len(names)} more" if total > len(names) else ""
    return ALSO + " · ".join(names) + more


def group_heading(item: Item) -> str:
    """The heading shown above a run of items of one group ("" when ungrouped)."""
    if not item.group:
        return ""
    return f"{item.group} — sources differ" if item.conflict else item.group
