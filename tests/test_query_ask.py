"""ask: questions as typed on the command line or in a direct message, and the JSON form."""

from __future__ import annotations

import pytest
from bases import NewBase
from worlds import delta_base

from bot.query import ANSWERED, COMMANDS, ask, run
from bot.render import render_pages, render_text
from bot.store import Store


@pytest.fixture(scope="module")
def store(module_base: NewBase) -> Store:
    return delta_base(module_base("delta"))


@pytest.mark.parametrize(
    ("question", "command", "entity"),
    [
        ("/who Pitt", "who", "Dana Pitt"),
        ("who is Pitt?", "who", "Dana Pitt"),
        ("Who's Dana Pitt", "who", "Dana Pitt"),
        ("tell me about the HRA", "who", "Harbour Rescue Alliance"),
        ("who Pitt", "who", "Dana Pitt"),
        ("Pitt", "who", "Dana Pitt"),
        ("/quote al-Qudsi", "quote", "Nabil al-Qudsi"),
        ("quotes by al-Qudsi", "quote", "Nabil al-Qudsi"),
        ("what did al-Qudsi say?", "quote", "Nabil al-Qudsi"),
        ("/figures displaced", "figures", None),
        ("figures on displacement", "figures", None),
        ("how many people were displaced?", "figures", None),
        ("/search levee", "search", None),
        ("search for levee", "search", None),
        ("levee inspector", "search", None),
        ("/articles", "articles", None),
        ("list articles", "articles", None),
        ("/article delta-1", "article", None),
        ("/help", "help", None),
        ("/WHO Pitt", "who", "Dana Pitt"),
    ],
)
def test_questions_reach_their_command(
    store: Store, question: str, command: str, entity: str | None
) -> None:
    answer = ask(store, question).to_json()
    assert answer["command"] == command
    assert (answer["entity"] or {}).get("name") == entity
    if command not in ("help", "articles"):
        assert answer["results"], answer["message"]


def test_figures_phrasing_finds_the_figures(store: Store) -> None:
    values = [i.value for i in ask(store, "how many people were displaced?").items]
    assert 12_000 in values


@pytest.mark.parametrize("question", ["/frobnicate now", "/", "/ who", "hello there"])
def test_unknown_commands_and_phrases_explain_the_commands(store: Store, question: str) -> None:
    answer = ask(store, question).to_json()
    assert answer["command"] == "help"
    assert answer["results"] == []
    for command in ANSWERED:
        assert command.usage in answer["message"]


def test_run_with_an_unknown_command_explains_the_commands(store: Store) -> None:
    answer = run(store, "frobnicate", "x")
    assert answer.command == "help"
    assert "There is no command “frobnicate”" in answer.message


def test_help_lists_every_command_the_query_layer_answers() -> None:
    usages = [command.usage.split()[0] for command in ANSWERED]
    assert usages == ["/who", "/figures", "/quote", "/search", "/articles", "/article", "/help"]


@pytest.mark.parametrize("name", ["digest", "ingest", "reindex"])
def test_commands_only_the_bot_carries_out_are_not_run_here(store: Store, name: str) -> None:
    assert name in {command.name for command in COMMANDS}
    answer = ask(store, f"/{name}")
    assert answer.command == "help" and "one of the bot's slash commands" in answer.message
    assert f"/{name} —" not in answer.message  # not listed among the commands answered


ODD = [
    "",
    " ",
    "\n\t",
    "?",
    "!!!???...",
    "😀",
    "🙂 🙃",
    '"',
    "'",
    "NEAR(",
    "AND OR NOT",
    "*",
    "x" * 5000,
    "Yildirimoglu " * 50,
    "\x00",
    "<@123> @everyone",
    "../../etc/passwd",
    "%s %d {0}",
]


@pytest.mark.parametrize("command", ["who", "figures", "quote", "search", "article", "articles"])
@pytest.mark.parametrize("text", ODD)
def test_odd_input_to_any_command_gets_an_answer(store: Store, command: str, text: str) -> None:
    answer = run(store, command, text, about=text)
    assert answer.message or answer.items
    assert render_pages(answer)
    assert render_text(answer)


@pytest.mark.parametrize("text", ODD)
def test_odd_questions_get_an_answer(store: Store, text: str) -> None:
    for question in (text, f"/who {text}", f"/quote Pitt {text}", f"who is {text}?"):
        answer = ask(store, question)
        assert answer.message or answer.items


def test_json_has_the_agreed_shape(store: Store) -> None:
    for question in ("/who Pitt", "/figures displaced", "/quote Yildirimoglu"):
        answer = ask(store, question).to_json()
        assert {"command", "query", "entity", "results", "message", "suggestions"} <= set(answer)
        for result in answer["results"]:
            assert {"text", "article", "title", "published", "sentence"} <= set(result)
    figure = ask(store, "/figures displaced").to_json()["results"][0]
    assert "value" in figure
    quote = ask(store, "/quote Yildirimoglu").to_json()["results"][0]
    assert {"quote", "speaker", "fragment"} <= set(quote)
