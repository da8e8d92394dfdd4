"""Command-line text: the whole answer, each item followed by its citation."""

from __future__ import annotations

from pathlib import Path

from worlds import delta_base

from bot.query import Answer, Citation, Item, ask
from bot.render import render_text


def cite(title: str, source: str | None, published: str | None) -> Citation:
    return Citation("a1", title, source, published, None, "The sentence.")


def test_citations_read_title_outlet_and_day() -> None:
    items = [
        Item("sentence", "One.", cite("Floods rise", "Delta Post", "2020-02-17T08:30:00Z")),
        Item("sentence", "Two.", cite("No outlet", None, "2020-02-18")),
        Item("sentence", "Three.", cite("Nothing known", None, None)),
    ]
    text = render_text(Answer("search", "x", None, items, title="Search"))
    assert "— Floods rise (Delta Post, 2020-02-17)\n" in text
    assert "— No outlet (2020-02-18)\n" in text
    assert "— Nothing known (undated)\n" in text  # a missing date is said, not hidden


def test_every_item_is_printed_in_order_however_many() -> None:
    items = [
        Item("sentence", f"Sentence number {n}.", cite(f"Title {n}", "Out", "2021-01-01"))
        for n in range(120)
    ]
    text = render_text(Answer("search", "x", None, items, title="Search"))
    positions = [text.index(f"Sentence number {n}.") for n in range(120)]
    assert positions == sorted(positions)
    assert "120. Sentence number 119." in text


def test_the_whole_answer_of_a_real_question(tmp_path: Path) -> None:
    store = delta_base(tmp_path / "delta.sqlite3")
    text = render_text(ask(store, "/figures displaced"))
    assert text.startswith("Figures on “displaced”\n======================\n")
    assert "[people displaced]" in text
    assert "15,000 people displaced" in text
    assert "   > Al-Qudsi, who leads the HRA teams, said 15,000 people had been displaced." in text
    assert "— Relief convoys reach the Varn delta (Coastal Times, 2023-04-05)" in text


def test_the_entity_card_message_and_suggestions(tmp_path: Path) -> None:
    store = delta_base(tmp_path / "delta.sqlite3")
    card = render_text(ask(store, "/who Lindquist"))
    assert "Closest match for “Lindquist”." in card
    assert "Type: PERSON" in card
    assert "Articles: named in 2 articles" in card
    tied = render_text(ask(store, "/who Marten"))
    assert "Did you mean:\n  - Ilse Marten\n  - Ivo Marten\n" in tied


def test_help_keeps_one_command_a_line(tmp_path: Path) -> None:
    text = render_text(ask(delta_base(tmp_path / "delta.sqlite3"), "/help"))
    assert "\n/who NAME — " in text
    assert "\n/figures TOPIC — " in text


def test_text_is_printed_as_written() -> None:
    item = Item("quote", "“*Not* bold @everyone”", cite("A_title", "Out", "2021-01-01"))
    text = render_text(Answer("quote", "x", None, [item], title="Quotes"))
    assert "“*Not* bold @everyone”" in text
    assert "— A_title (Out, 2021-01-01)" in text


def test_every_other_article_of_an_item_is_named() -> None:
    item = Item("quote", "“We are ready.”", cite("Port reopens", "Delta Post", "2021-01-01"))
    item.also = [cite(f"Copy {n}", f"Outlet {n}", "2021-01-02") for n in range(5)]
    text = render_text(Answer("quote", "x", None, [item], title="Quotes"))
    assert "   also in: Copy 0 (Outlet 0, 2021-01-02) · Copy 1 (Outlet 1, 2021-01-02)" in text
    assert "Copy 4 (Outlet 4, 2021-01-02)" in text
