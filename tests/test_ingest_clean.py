"""Cleaning scraped debris: each kind the sample corpus shows, on text written here."""

from pathlib import Path

import pytest

from bot.ingest import build_article, load_file
from bot.ingest.clean import clean_text, fix_entities

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("the ,quot;plan,quot; failed", 'the "plan" failed'),
        ("the &quot;plan&quot; failed", 'the "plan" failed'),
        ("& # 39;Stop now& # 39;", "'Stop now'"),
        ("&#39;Stop&#39; and &#x27;go&#x27;", "'Stop' and 'go'"),
        ("Smith &amp;amp;amp; Sons", "Smith & Sons"),
        ("AT&amp;T", "AT&T"),
        ("rock & roll", "rock & roll"),
    ],
)
def test_broken_entities_are_decoded(raw: str, clean: str) -> None:
    assert fix_entities(raw) == clean


def test_date_header_becomes_published_and_placeholders_go() -> None:
    raw = " date 2021-03-04 %MINIFYHTMLabc123% %MINIFYHTMLdef9%\n\nThe council met on Monday.\n"
    cleaned = clean_text(raw)
    assert cleaned.published == "2021-03-04"
    assert cleaned.text == "The council met on Monday."


def test_comment_form_and_spam_check_are_cut() -> None:
    raw = (
        "The mayor opened the bridge.\n\n\n\nLeave a Reply\n\nYour email address will not be "
        "published. Required fields are marked *\n\n53 + = 54\n"
    )
    assert clean_text(raw).text == "The mayor opened the bridge."


@pytest.mark.parametrize(
    "furniture",
    [
        "Contact Us",
        "Advertisement",
        "Story Continued Below",
        "Plus:",
        "12 + 3 = ?",
        "Copyright 2019 The Daily Example, LLC. Click here for reprint permission.",
    ],
)
def test_page_furniture_lines_are_dropped(furniture: str) -> None:
    raw = f"The mayor opened the bridge.\n\n{furniture}\n\nCrowds cheered."
    assert clean_text(raw).text == "The mayor opened the bridge.\n\nCrowds cheered."


def test_the_markers_around_an_embedded_post_go_and_its_words_stay() -> None:
    raw = (
        "The mayor wrote online.\n\nSkip Twitter post 2 by @harbourdesk The bridge opens "
        "today. End of Twitter post 2 by @harbourdesk\n\nCrowds cheered."
    )
    assert clean_text(raw).text == (
        "The mayor wrote online.\n\nThe bridge opens today.\n\nCrowds cheered."
    )


def test_unicode_quotes_spaces_and_detached_marks_are_normalised() -> None:
    raw = "\u201cWe will rebuild,\u201d she said.\u00a0It\u2019s \u201chard. \u201d"
    assert clean_text(raw).text == '"We will rebuild," she said. It\'s "hard."'


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("The bridge {{ad_slot}} opened.", "The bridge opened."),
        ("The bridge [pullquote] opened.", "The bridge opened."),
        ("The bridge (AP Photo/Jane Doe) opened.", "The bridge opened."),
        ("The bridge [ID: nL5E8N3792] opened.", "The bridge opened."),
        ("The Nai\u200brobi bridge op\u00aden\ufeffed.", "The Nairobi bridge opened."),
        ("The bridge\u2009opened\tat  last.", "The bridge opened at last."),
        ("The bridge \u00a0 opened.", "The bridge opened."),
    ],
)
def test_inline_debris_and_odd_spacing_go(raw: str, clean: str) -> None:
    assert clean_text(raw).text == clean


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (
            "Senator Ada Quill Ada (Addie) Maren QuillFloods close river road Mayor says "
            "bridges will reopen MORE (D-Vale) voted no.",
            "Senator Ada Quill voted no.",
        ),
        ("Mayor Tom Varga Tom VargaVarga: 'We rebuild' MORE said so.", "Mayor Tom Varga said so."),
        ("Rep. Quill QuillBudget talks stall MORE agreed.", "Rep. Quill agreed."),
        ("The council said MORE people came.", "The council said MORE people came."),
    ],
)
def test_hover_cards_leave_only_the_linked_name(raw: str, clean: str) -> None:
    assert clean_text(raw).text == clean


def test_double_encoded_utf8_is_repaired() -> None:
    raw = "The minister\u00e2\u20ac\u2122s plan was approved."
    assert clean_text(raw).text == "The minister's plan was approved."


def test_space_before_punctuation_left_by_missing_words_is_closed() -> None:
    assert clean_text("They met in the north .").text == "They met in the north."


def test_headline_line_becomes_title() -> None:
    article = build_article("a", "Floods hit the delta\n\nWater rose overnight. Roads closed.")
    assert not isinstance(article, str)
    assert article.title == "Floods hit the delta"
    assert [s.text for s in article.sentences] == [
        "Floods hit the delta",
        "Water rose overnight.",
        "Roads closed.",
    ]


def test_shipped_articles_are_clean_and_keep_their_sentences() -> None:
    for path in sorted(KNOWLEDGE.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        (loaded,) = list(load_file(path))
        text = loaded.article.text
        for debris in (",quot;", "& #", "&#", "%MINIFY", "+ =", "Leave a Reply", "Contact Us"):
            assert debris not in text, (path.name, debris)
        # every real paragraph of the raw file survives, word for word
        for line in raw.splitlines():
            words = fix_words(line)
            if len(words) >= 8 and "email address" not in line:
                assert " ".join(words) in " ".join(fix_words(text)), line[:60]


def fix_words(text: str) -> list[str]:
    return "".join(c if c.isalnum() else " " for c in fix_entities(text)).split()


@pytest.mark.parametrize(
    "raw",
    [
        "The bridge\x1b[2J\x1b[H opened.",  # clear the screen, cursor home
        "The bridge\x1b]0;you have been owned\x07 opened.",  # a window title (OSC)
        "The bridge\x1b]8;;http://x.test\x1b\\ opened.",  # a hyperlink ended by ESC \
        "The bridge\x1bc opened.",  # reset the terminal
        "The bridge\x9b31m opened.",  # 8-bit CSI
        "The bridge\x00\x07\x08\x7f opened.",  # NUL, bell, backspace, DEL
    ],
)
def test_terminal_escape_sequences_and_control_characters_are_removed(raw: str) -> None:
    assert clean_text(raw).text == "The bridge opened."


def test_escape_sequences_leave_no_metadata_field() -> None:
    article = build_article(
        "a",
        "The bridge opened on Monday.",
        title="Bridge \x1b[31mopens\x1b[0m",
        source="Valley\x1b]0;x\x07 Courier\n",
        url="https://news.example/bridge\x07",
    )
    assert not isinstance(article, str)
    assert (article.title, article.source, article.url) == (
        "Bridge opens",
        "Valley Courier",
        "https://news.example/bridge",
    )


@pytest.mark.parametrize(
    "title",
    [
        "OPINION: The bridge should never have closed",
        "FACT CHECK: Did the council close the bridge?",
        "ANALYSIS/OPINION: Why the river keeps rising",
        "QUILL: The bridge is ours",
    ],
)
def test_a_label_in_capitals_before_a_colon_is_part_of_the_title(title: str) -> None:
    article = build_article("a", "The council met on Monday.", title=title)
    assert not isinstance(article, str)
    assert article.title == title


def test_a_title_is_cleaned_like_text() -> None:
    article = build_article("a", "The council met.", title="Bridge &amp; road <b>reopen</b> .")
    assert not isinstance(article, str)
    assert article.title == "Bridge & road reopen."
