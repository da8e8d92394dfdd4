"""The fake Discord's rule book: it must reject what Discord rejects, or the end-to-end tests
would pass on bodies the real Discord refuses."""

from __future__ import annotations

import json

import pytest
from fake_discord import contract
from fake_discord.extract_spec import EXTRACT, request_schemas

CALLBACK = "POST /interactions/{interaction_id}/{interaction_token}/callback"
GUILD_COMMANDS = "PUT /applications/{application_id}/guilds/{guild_id}/commands"
CHANNEL_MESSAGE = "POST /channels/{channel_id}/messages"
NO_PINGS = {"parse": [], "replied_user": False}


def message(**fields: object) -> dict[str, object]:
    return {"content": "hello", "allowed_mentions": NO_PINGS, **fields}


def command(name: str = "who", description: str = "Who someone is", **fields: object) -> dict:
    return {"name": name, "description": description, "type": 1, **fields}


def test_a_well_formed_message_and_command_list_pass() -> None:
    embed = {"title": "t", "description": "d", "fields": [{"name": "n", "value": "v"}]}
    assert contract.check(CHANNEL_MESSAGE, message(embeds=[embed])) == []
    assert contract.check(GUILD_COMMANDS, [command(), command("quote")]) == []
    body = {"type": 8, "data": {"choices": [{"name": "Ada", "value": "Ada"}]}}
    assert contract.check(CALLBACK, body) == []


@pytest.mark.parametrize(
    ("endpoint", "body", "problem"),
    [
        (CHANNEL_MESSAGE, message(content="x" * 2001), "content: 2001 characters"),
        (CHANNEL_MESSAGE, message(content=5), "is not of type"),
        (CHANNEL_MESSAGE, {"content": "@everyone"}, "may ping"),
        (
            CHANNEL_MESSAGE,
            message(allowed_mentions={"parse": ["everyone"]}),
            "may ping",
        ),
        (
            CHANNEL_MESSAGE,
            message(embeds=[{"description": "d" * 4000}, {"description": "d" * 2001}]),
            "6001 characters of embed text",
        ),
        (CHANNEL_MESSAGE, message(embeds=[{"title": "t" * 257}]), "title: 257 characters"),
        (
            CHANNEL_MESSAGE,
            message(embeds=[{"fields": [{"name": "n", "value": "v" * 1025}]}]),
            "1-1024",
        ),
        (
            CALLBACK,
            {"type": 8, "data": {"choices": [{"name": f"n{i}", "value": "v"} for i in range(26)]}},
            "26 choices",
        ),
        (
            CALLBACK,
            {"type": 8, "data": {"choices": [{"name": "n", "value": "v" * 101}]}},
            "value: 101 characters",
        ),
        (CALLBACK, {"type": 4, "data": {"content": "hi"}}, "may ping"),
        (CALLBACK, {"type": 99}, "type"),
        (GUILD_COMMANDS, [command("Who")], "not a valid command name"),
        (GUILD_COMMANDS, [command("who is")], "not a valid command name"),
        (GUILD_COMMANDS, [command(description="")], "description: 0 characters"),
        (GUILD_COMMANDS, [command(description="d" * 101)], "description"),
        (GUILD_COMMANDS, [command(), command()], "duplicate command names"),
        (
            GUILD_COMMANDS,
            [
                command(
                    options=[
                        {"type": 3, "name": "a", "description": "a"},
                        {"type": 3, "name": "b", "description": "b", "required": True},
                    ]
                )
            ],
            "required option after an optional one",
        ),
    ],
)
def test_bodies_discord_refuses_are_refused(endpoint: str, body: object, problem: str) -> None:
    problems = contract.check(endpoint, body)
    assert any(problem in p for p in problems), problems


def test_command_names_may_use_any_script_in_lowercase() -> None:
    assert contract.check(GUILD_COMMANDS, [command("données-2")]) == []
    assert contract.check(GUILD_COMMANDS, [command("Données")]) != []


@pytest.mark.skipif(not contract.FULL_SPEC.is_file(), reason="no full spec next to the repo")
def test_the_kept_extract_matches_the_full_description() -> None:
    """Re-run extract_spec.py when this fails: the extract is stale."""
    full = json.loads(contract.FULL_SPEC.read_text(encoding="utf-8"))
    kept = json.loads(EXTRACT.read_text(encoding="utf-8"))
    assert kept == json.loads(json.dumps(request_schemas(full)))
