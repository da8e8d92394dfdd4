"""Discord pages: every limit held by construction, items whole, article text made inert."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from worlds import delta_base

from bot.query import Answer, Citation, Item, ask
from bot.render import Page, render_pages
from bot.render.markdown import escape
from bot.render.pages import (
    CITATION_TITLE_CHARS,
    CONTENT_LIMIT,
    DESCRIPTION_LIMIT,
    EMBED_TOTAL_LIMIT,
    FIELD_COUNT_LIMIT,
    FIELD_NAME_LIMIT,
    FIELD_VALUE_LIMIT,
    FOOTER_LIMIT,
    ITEM_CONTEXT_CHARS,
    ITEM_TEXT_CHARS,
    TITLE_LIMIT,
)

WORDS = ["river", "levee", "harbour", "convoy", "bridge", "census", "village", "dawn"]


def assert_within_limits(page: Page) -> None:
    embed = page.embed
    assert len(page.content) <= CONTENT_LIMIT
    assert 0 < len(embed["title"]) <= TITLE_LIMIT
    assert 0 < len(embed["description"]) <= DESCRIPTION_LIMIT
    fields = embed.get("fields", [])
    assert len(fields) <= FIELD_COUNT_LIMIT
    for field in fields:
        assert 0 < len(field["name"]) <= FIELD_NAME_LIMIT
        assert 0 < len(field["value"]) <= FIELD_VALUE_LIMIT
    footer = embed.get("footer", {}).get("text", "")
    assert len(footer) <= FOOTER_LIMIT
    total = len(embed["title"]) + len(embed["description"]) + len(footer)
    total += sum(len(f["name"]) + len(f["value"]) for f in fields)
    assert total <= EMBED_TOTAL_LIMIT


def words(rng: random.Random, length: int) -> str:
    text = ""
    while len(text) < length:
        text += rng.choice(WORDS) + " "
    return text[:length].strip()


def citation(
    number: int, rng: random.Random, title_length: int = CITATION_TITLE_CHARS - 10
) -> Citation:
    return Citation(
        article=f"article-{number}",
        title=f"T{number} " + words(rng, title_length),
        source=f"Outlet {number}",
        published="2023-04-02T10:00:00+00:00",
        url=f"https://news.example/{number}",
        sentence=words(rng, 300),
    )


def long_answer(count: int, text_length: int, context_length: int, seed: int = 7) -> Answer:
    rng = random.Random(seed)
    items = [
        Item(
            "figure",
            words(rng, text_length - 12) + f" <item {n + 1}>",
            citation(n, rng),
            value=float(n),
            context=words(rng, context_length),
            group=f"measure {n // 7}",
            conflict=(n // 7) % 2 == 0,
        )
        for n in range(count)
    ]
    return Answer(
        "figures",
        "levee",
        None,
        items,
        title="Figures on “levee” " + "x" * 400,
        message="Sources give different numbers for 9 measures, shown side by side.",
        suggestions=["A name " * 30] * 7,
    )


def all_descriptions(pages: list[Page]) -> str:
    return "\n".join(p.embed["description"] for p in pages)


@pytest.mark.parametrize(
    ("count", "text_length", "context_length"),
    [
        (1, 20, 0),
        (30, 200, 300),
        (60, 1400, 900),
        (25, ITEM_TEXT_CHARS, ITEM_CONTEXT_CHARS),
        (200, 50, 0),
    ],
)
def test_many_long_items_fit_every_limit_and_appear_once_whole(
    count: int, text_length: int, context_length: int
) -> None:
    answer = long_answer(count, text_length, context_length)
    pages = render_pages(answer)
    for page in pages:
        assert_within_limits(page)
    for number, item in enumerate(answer.items, start=1):
        block = f"**{number}.** {escape(item.text)}"
        if item.context:
            block += f"\n> {escape(item.context)}"
        block += (
            f"\n— [{escape(item.citation.title)}]({item.citation.url})"
            f" ({escape(item.citation.label)})"
        )
        holding = [p for p in pages if block in p.embed["description"]]
        assert len(holding) == 1, f"item {number} is on {len(holding)} pages"
        assert all_descriptions(pages).count(escape(f"<item {number}>") + "\n") == 1


def test_pages_are_numbered_and_count_the_results() -> None:
    pages = render_pages(long_answer(60, 1400, 900))
    assert len(pages) > 2
    assert [p.embed["footer"]["text"] for p in pages] == [
        f"Page {n}/{len(pages)} · 60 results" for n in range(1, len(pages) + 1)
    ]


def test_a_group_heading_is_repeated_when_a_page_starts_inside_it() -> None:
    pages = render_pages(long_answer(60, 1400, 900))
    for page in pages[1:]:
        assert page.embed["description"].startswith("__**measure ")
    assert "(continued)" in all_descriptions(pages)
    conflicting = "__**measure 0 — sources differ**__"
    assert all_descriptions(pages).count(conflicting + "\n") == 1


def test_message_and_suggestions_open_the_first_page_only() -> None:
    pages = render_pages(long_answer(60, 1400, 900))
    first = pages[0].embed["description"]
    assert first.startswith("Sources give different numbers")
    assert "Did you mean:" in first
    assert first.count("• ") == 5  # at most five suggestions
    assert not any("Did you mean" in p.embed["description"] for p in pages[1:])


def test_an_oversized_item_is_shortened_but_its_citation_is_whole() -> None:
    rng = random.Random(3)
    cited = citation(1, rng, title_length=2000)
    item = Item("sentence", words(rng, 9000), cited, context=words(rng, 5000))
    [page] = render_pages(Answer("search", "x", None, [item], title="t"))
    assert_within_limits(page)
    description = page.embed["description"]
    assert "…" in description
    lines = description.split("\n")
    assert lines[-1].startswith("— [T1 ")
    assert lines[-1].endswith("(Outlet 1, 2023-04-02)")


def test_a_huge_entity_card_stays_within_field_limits() -> None:
    rng = random.Random(5)
    entity = {
        "name": "N" * 300,
        "type": "PERSON",
        "aliases": [words(rng, 150) for _ in range(300)],
        "articles": 12,
        "descriptions": [words(rng, 400) for _ in range(50)],
    }
    items = [Item("sentence", words(rng, 1400), citation(n, rng)) for n in range(10)]
    pages = render_pages(Answer("who", "n", entity, items, title=entity["name"]))
    for page in pages:
        assert_within_limits(page)
    fields = pages[0].embed["fields"]
    assert [f["name"] for f in fields] == ["Type", "Articles", "Also called", "Described as"]
    assert fields[2]["value"].endswith("more")
    assert all("fields" not in p.embed for p in pages[1:])


def test_an_answer_without_items_still_has_a_description() -> None:
    [page] = render_pages(Answer("who", "x", None, [], title="Nothing found"))
    assert page.embed["description"] == "No results."
    assert "footer" not in page.embed


HOSTILE = (
    "*bold* _it_ __under__ `code` ~~gone~~ ||spoiler|| > quoted @everyone @here <@123>"
    " <@&456> <#789> [click](https://evil.example) \\ end"
)


def test_article_text_cannot_format_ping_or_link() -> None:
    cited = Citation("a1", "# Big *headline*", "Out_let", "2023-01-01", None, HOSTILE)
    item = Item("quote", HOSTILE, cited, context="- " + HOSTILE, fragment=True)
    answer = Answer("quote", "x", None, [item], title="**@everyone**", message="> " + HOSTILE)
    [page] = render_pages(answer)
    text = page.embed["title"] + page.embed["description"]
    for raw in ("*bold*", "_it_", "`code`", "~~gone~~", "||spoiler||", "[click]", "<@123>"):
        assert raw not in text
    assert "@everyone" not in text and "@here" not in text
    assert "@\u200beveryone" in text
    for escaped in ("\\*bold\\*", "\\_it\\_", "\\`code\\`", "\\~\\~gone", "\\|\\|spoiler"):
        assert escaped in text
    assert "\\<@123\\>" in text and "\\<@&456\\>" in text and "\\<#789\\>" in text
    assert "\\[click\\](https://evil.example)" in text
    assert "\\\\ end" in text
    assert "*\\# Big \\*headline\\**" in text
    assert "(Out\\_let, 2023-01-01)" in text
    assert page.embed["description"].startswith("\\> ")
    assert "\n> \\- " in page.embed["description"]


def test_escaping_keeps_plain_text_unchanged() -> None:
    plain = "Some three million people live in the delta, officials said (on Friday)."
    assert escape(plain) == plain


def test_only_web_links_become_links() -> None:
    cited = Citation("a1", "Title", None, None, "javascript:alert(1)", "s")
    [page] = render_pages(Answer("search", "x", None, [Item("sentence", "s", cited)], title="t"))
    assert "javascript" not in page.embed["description"]
    assert "— *Title*" in page.embed["description"]


def test_real_answers_fit(tmp_path: Path) -> None:
    store = delta_base(tmp_path / "delta.sqlite3")
    for question in ("/who Yildirimoglu", "/figures displaced", "/article convoy-2", "/help"):
        for page in render_pages(ask(store, question)):
            assert_within_limits(page)


def test_other_articles_of_an_item_are_listed_briefly_and_within_limits() -> None:
    rng = random.Random(3)
    answer = long_answer(12, ITEM_TEXT_CHARS, ITEM_CONTEXT_CHARS)
    for number, item in enumerate(answer.items):
        item.also = [citation(100 + n, rng, title_length=500) for n in range(number % 6)]
    pages = render_pages(answer)
    for page in pages:
        assert_within_limits(page)
    text = all_descriptions(pages)
    assert text.count("-# also in: ") == sum(1 for item in answer.items if item.also)
    assert "and 2 more" in text  # five other articles: three named, two counted
    assert "*T100 " in text
