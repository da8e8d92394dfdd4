"""The bot end to end: the real discord.py client, logged in to a local fake Discord.

Every request the bot sends is checked by the fake against Discord's published API
description and documented limits; the harness fails a test on any violation.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from pathlib import Path
from typing import Any

import discord
import pytest
from fake_discord import WAIT, FakeDiscord
from fake_discord.harness import (
    base_file,
    bot_running,
    discord_world,
    fake_discord,
    make_settings,
    until,
)
from fake_discord.newsroom import (
    COUNCIL,
    FLOOD_TITLE,
    MAYOR,
    MAYOR_QUOTE,
    SPOKESMAN,
    SPOKESMAN_QUOTE,
    build_newsroom,
)

from bot.config import ConfigError
from bot.discord import run_bot

EPHEMERAL = 1 << 6
MANAGE_GUILD = 1 << 5
PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15)  # members, presences, message content
COMMANDS = {"who", "figures", "quote", "search", "articles", "article", "digest", "help"}
ADMIN_COMMANDS = {"ingest", "reindex", "follow", "unfollow", "feeds"}


def shown(message: dict[str, Any]) -> str:
    """All the text a user sees in a message: content, embed titles, bodies and fields."""
    parts = [message.get("content") or ""]
    for embed in message.get("embeds") or []:
        parts += [embed.get("title", ""), embed.get("description", "")]
        parts += [f"{f['name']} {f['value']}" for f in embed.get("fields", [])]
        parts.append(embed.get("footer", {}).get("text", ""))
    return "\n".join(parts)


def buttons(message: dict[str, Any]) -> dict[str, bool]:
    """Button label -> enabled."""
    return {
        b["label"]: not b.get("disabled", False)
        for row in message.get("components") or []
        for b in row["components"]
    }


@pytest.fixture
def base(tmp_path: Path) -> Path:
    return build_newsroom(base_file(tmp_path), filler=40)


# -- start-up ---------------------------------------------------------------------------------


async def test_logs_in_and_registers_commands_in_the_configured_guild(
    tmp_path: Path, base: Path
) -> None:
    async with (
        fake_discord() as fake,
        bot_running(fake, make_settings(tmp_path, guild_id=int(fake.guild_id))),
    ):
        commands = await fake.wait_commands(fake.guild_id)
        assert [r.endpoint for r in fake.requests] == [
            "GET /users/@me",
            "GET /oauth2/applications/@me",
            "PUT /applications/{application_id}/guilds/{guild_id}/commands",
        ]
        by_name = {c["name"]: c for c in commands}
        assert set(by_name) == COMMANDS | ADMIN_COMMANDS
        for name in COMMANDS:
            assert by_name[name]["contexts"] == [0, 1, 2]  # guild, bot DM, private channel
            assert by_name[name]["default_member_permissions"] is None
        for name in ADMIN_COMMANDS:
            assert by_name[name]["contexts"] == [0]
            assert int(by_name[name]["default_member_permissions"]) == MANAGE_GUILD
        for option in by_name["who"]["options"] + by_name["quote"]["options"]:
            assert option["description"]
        assert by_name["who"]["options"][0]["autocomplete"] is True
        intents = fake.identify_payloads[0]["intents"]
        assert intents & PRIVILEGED_INTENTS == 0


async def test_registers_commands_globally_without_a_guild(tmp_path: Path, base: Path) -> None:
    async with discord_world(tmp_path) as world:
        commands = await world.fake.wait_commands(None)
        assert {c["name"] for c in commands} == COMMANDS  # no admin server, no admin commands
        assert list(world.fake.commands) == [None]


def test_a_missing_token_stops_start_up_naming_the_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FACTBOT_TEST_TOKEN", raising=False)
    settings = make_settings(tmp_path, token_env="FACTBOT_TEST_TOKEN")
    with pytest.raises(ConfigError, match="FACTBOT_TEST_TOKEN"):
        run_bot(settings)


async def test_a_rejected_token_stops_start_up_naming_the_variable(
    tmp_path: Path, base: Path
) -> None:
    async with fake_discord() as fake:
        with pytest.raises(ConfigError, match="DISCORD_TOKEN: Discord rejected"):
            async with bot_running(fake, make_settings(tmp_path), token="a-revoked-token"):
                pass


@pytest.mark.parametrize("setting", ["guild_id", "digest_channel_id"])
async def test_a_wrong_server_or_channel_id_stops_start_up_naming_it(
    tmp_path: Path, base: Path, setting: str
) -> None:
    async with fake_discord() as fake:
        with pytest.raises(ConfigError, match=f"discord.{setting}"):
            async with bot_running(fake, make_settings(tmp_path, **{setting: 1234})):
                pass


# -- answering --------------------------------------------------------------------------------

ANSWERS = [
    ("who", {"name": MAYOR}, [MAYOR, "mayor of Marrowick", FLOOD_TITLE]),
    ("figures", {"topic": "displaced"}, ["1,200", FLOOD_TITLE]),
    ("quote", {"name": SPOKESMAN}, [SPOKESMAN_QUOTE, FLOOD_TITLE]),
    ("quote", {"name": MAYOR, "about": "bridge"}, [MAYOR_QUOTE, FLOOD_TITLE]),
    ("search", {"text": "shelters"}, ["two more shelters", FLOOD_TITLE]),
    ("articles", {}, ["flood-marrowick", "41 articles"]),
    ("article", {"id": "flood-marrowick"}, [FLOOD_TITLE, COUNCIL, "40 homes"]),
    ("digest", {}, ["41 new articles", FLOOD_TITLE]),
]


@pytest.mark.parametrize("dm", [False, True], ids=["guild", "dm"])
@pytest.mark.parametrize(("command", "options", "expected"), ANSWERS, ids=lambda v: str(v))
async def test_each_command_answers_with_citations(
    tmp_path: Path,
    base: Path,
    dm: bool,
    command: str,
    options: dict[str, str],
    expected: list[str],
) -> None:
    async with discord_world(tmp_path) as world:
        fake = world.fake
        await fake.wait_commands(None)
        interaction = await fake.slash(command, fake.bob, dm=dm, **options)
        reply = await fake.reply(interaction)
        assert not reply["flags"] & EPHEMERAL
        text = shown(reply)
        for part in expected:
            assert part in text, text


async def test_help_lists_the_commands_to_the_asker_only(tmp_path: Path, base: Path) -> None:
    async with discord_world(tmp_path) as world:
        fake = world.fake
        await fake.wait_commands(None)
        reply = await fake.reply(await fake.slash("help", fake.bob))
        assert reply["flags"] & EPHEMERAL
        for command in ("/who", "/figures", "/quote", "/search", "/articles", "/digest", "/ingest"):
            assert command in shown(reply)


async def test_an_unknown_name_is_a_short_private_error_with_suggestions(
    tmp_path: Path, base: Path
) -> None:
    async with discord_world(tmp_path) as world:
        fake = world.fake
        await fake.wait_commands(None)
        reply = await fake.reply(await fake.slash("who", fake.bob, name="Ada Quince"))
        assert reply["flags"] & EPHEMERAL
        assert MAYOR in shown(reply)
        reply = await fake.reply(await fake.slash("quote", fake.bob, name="Zebulon Marsh"))
        assert reply["flags"] & EPHEMERAL
        assert "Zebulon Marsh" in shown(reply)


async def test_a_failure_is_a_private_apology_and_a_log_line_with_context(
    tmp_path: Path, base: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    async with discord_world(tmp_path) as world:
        fake = world.fake
        await fake.wait_commands(None)
        with sqlite3.connect(base) as broken:  # the search index goes missing under the bot
            broken.execute("DROP TABLE sentences_fts")
        reply = await fake.reply(await fake.slash("search", fake.bob, text="shelters"))
        assert reply["flags"] & EPHEMERAL
        assert reply["content"].startswith("Sorry, that failed")
        assert not reply["embeds"]
    # (The bot's own indexing of its folder may also meet the damaged base, and say so.)
    failures = [
        r for r in caplog.records if r.levelno >= logging.ERROR and r.name == "bot.discord.replies"
    ]
    assert len(failures) == 1
    logged = failures[0].getMessage()
    assert "/search {'text': 'shelters'}" in logged and f"user {fake.bob.id}" in logged
    assert failures[0].exc_info is not None
    assert all(fake.token not in r.getMessage() for r in caplog.records)


async def test_autocomplete_offers_matching_names_within_limits(tmp_path: Path, base: Path) -> None:
    async with discord_world(tmp_path) as world:
        fake = world.fake
        await fake.wait_commands(None)
        callback = await fake.callback(await fake.autocomplete("who", "name", "Ada", fake.bob))
        assert callback["type"] == 8
        names = [c["name"] for c in callback["data"]["choices"]]
        assert names[0] == MAYOR
        callback = await fake.callback(
            await fake.autocomplete("quote", "name", "", fake.bob, dm=True)
        )
        choices = callback["data"]["choices"]
        assert 4 <= len(choices) <= 25
        assert all(len(c["name"]) <= 100 and c["name"] == c["value"] for c in choices)


async def test_a_slow_answer_is_deferred_then_sent_as_a_follow_up(
    tmp_path: Path, base: Path
) -> None:
    async with discord_world(tmp_path, options={"defer_after": 0}) as world:
        fake = world.fake
        await fake.wait_commands(None)
        interaction = await fake.slash("who", fake.bob, name=SPOKESMAN)
        assert (await fake.callback(interaction))["type"] == 5  # "thinking…"
        reply = await fake.reply(interaction)
        assert SPOKESMAN_QUOTE in shown(reply) or SPOKESMAN in shown(reply)
        assert reply["id"] == interaction.original  # the follow-up filled the deferral

        listing = await fake.reply(await fake.slash("articles", fake.bob))
        await fake.callback(await fake.click(listing, "Next", fake.bob))
        assert "Page 2/" in shown(fake.messages[listing["id"]])

        miss = await fake.slash("who", fake.bob, name="Zebulon Marsh")
        assert (await fake.callback(miss))["type"] == 5
        reply = await fake.reply(miss)
        assert reply["flags"] & EPHEMERAL
        assert miss.original in fake.deleted  # the public "thinking" message is gone


# -- paging -----------------------------------------------------------------------------------


async def test_pages_turn_for_the_asker_and_not_for_others(tmp_path: Path, base: Path) -> None:
    async with discord_world(tmp_path) as world:
        fake = world.fake
        await fake.wait_commands(None)
        interaction = await fake.slash("articles", fake.bob)
        first = await fake.reply(interaction)
        assert buttons(first) == {"◀ Previous": False, "Next ▶": True}
        first_page = shown(first)
        assert "Page 1/" in first_page

        intruder = await fake.click(first, "Next", fake.alice)
        refusal = await fake.callback(intruder)
        assert refusal["type"] == 4 and refusal["data"]["flags"] & EPHEMERAL
        assert "Only the person who asked" in refusal["data"]["content"]
        assert shown(fake.messages[first["id"]]) == first_page

        turn = await fake.click(first, "Next", fake.bob)
        assert (await fake.callback(turn))["type"] == 7  # the message itself is updated
        second = fake.messages[first["id"]]
        assert "Page 2/" in shown(second)
        assert buttons(second)["◀ Previous"] is True

        back = await fake.click(second, "Previous", fake.bob)
        await fake.callback(back)
        assert shown(fake.messages[first["id"]]) == first_page


async def test_a_page_turn_is_answered_once(
    tmp_path: Path, base: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The press on a live answer's buttons is the pager's: no "expired" answer after it."""
    caplog.set_level(logging.INFO)
    async with discord_world(tmp_path) as world:
        fake = world.fake
        await fake.wait_commands(None)
        first = await fake.reply(await fake.slash("articles", fake.bob))
        presses = []
        for _ in range(2):
            press = await fake.click(fake.messages[first["id"]], "Next", fake.bob)
            await fake.callback(press)
            presses.append(press)
        await asyncio.sleep(0.5)  # time for a second answer to the same press, if any
        assert [len(p.callbacks) for p in presses] == [1, 1]
        assert not any(p.followups for p in presses)
        assert "expired buttons" not in caplog.text


async def test_page_buttons_expire(tmp_path: Path, base: Path) -> None:
    async with discord_world(tmp_path, page_timeout_seconds=1) as world:
        fake = world.fake
        await fake.wait_commands(None)
        first = await fake.reply(await fake.slash("articles", fake.bob))
        assert buttons(first)
        await fake.wait_for(lambda: not fake.messages[first["id"]]["components"])
        assert "Page 1/" in shown(fake.messages[first["id"]])  # the page itself stays


# -- direct messages --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("who is Ada Quill?", "mayor of Marrowick"),
        (f"/quote {SPOKESMAN}", SPOKESMAN_QUOTE),
        ("quotes by Ada Quill", MAYOR_QUOTE),
    ],
)
async def test_a_plain_dm_is_understood_and_answered_once(
    tmp_path: Path, base: Path, question: str, expected: str
) -> None:
    async with discord_world(tmp_path) as world:
        fake = world.fake
        asked = await fake.send_dm(fake.bob, question)
        reply = await fake.dm_reply(fake.bob, asked)
        assert expected in shown(reply)
        # One answer per question, though the bot's own replies come back to it as DMs.
        follow_up = await fake.send_dm(fake.bob, "who is Tomas Brenner")
        await fake.dm_reply(fake.bob, follow_up)
        channel = fake.dm_channel(fake.bob)
        from_bot = [m for m in fake.channel_messages(channel) if m["author"]["id"] == fake.bot.id]
        assert len(from_bot) == 2


async def test_a_long_dm_answer_pages_for_the_asker(tmp_path: Path, base: Path) -> None:
    async with discord_world(tmp_path) as world:
        fake = world.fake
        reply = await fake.dm_reply(fake.bob, await fake.send_dm(fake.bob, "/articles"))
        assert buttons(reply)["Next ▶"] is True
        await fake.callback(await fake.click(reply, "Next", fake.bob))
        assert "Page 2/" in shown(fake.messages[reply["id"]])


# -- admin commands ---------------------------------------------------------------------------

ARTICLE_FILE = """Harbour reopens in Lowater after the storm

The harbour in Lowater reopened on Friday after a week of repairs.
Harbour master Ines Calloway said 12 fishing boats had been damaged.
"The quay is safe again and the boats can sail at dawn," Calloway said.
"""


@pytest.mark.parametrize("command", ["reindex", "ingest"])
async def test_admin_commands_are_refused_to_others(
    tmp_path: Path, base: Path, command: str
) -> None:
    async with discord_world(tmp_path, admin_server=True, admin_role="Fact Admins") as world:
        fake = world.fake
        await fake.wait_commands(fake.guild_id)
        attachment = fake.add_attachment("lowater.txt", ARTICLE_FILE.encode())
        extra = {"attachment": attachment} if command == "ingest" else {}
        reply = await fake.reply(await fake.slash(command, fake.bob, **extra))
        assert reply["flags"] & EPHEMERAL
        assert "Manage Server" in reply["content"] and "Fact Admins" in reply["content"]
        assert not (world.settings.knowledge_dir / "lowater.txt").exists()


async def test_an_admin_ingests_an_attached_article(tmp_path: Path, base: Path) -> None:
    async with discord_world(tmp_path, admin_server=True, admin_role="Fact Admins") as world:
        fake = world.fake
        await fake.wait_commands(None)
        await fake.wait_commands(fake.guild_id)
        attachment = fake.add_attachment("lowater.txt", ARTICLE_FILE.encode())
        interaction = await fake.slash("ingest", fake.alice, attachment=attachment)  # by role
        reply = await fake.reply(interaction)
        assert reply["flags"] & EPHEMERAL
        assert "Added 1: lowater" in reply["content"]
        saved = world.settings.knowledge_dir / "lowater.txt"
        assert saved.read_text(encoding="utf-8") == ARTICLE_FILE

        answer = await fake.reply(await fake.slash("who", fake.bob, name="Ines Calloway"))
        assert "12 fishing boats" in shown(answer) or "quay is safe" in shown(answer)

        again = await fake.reply(await fake.slash("reindex", fake.carol))  # Manage Server
        assert "Unchanged 1: lowater" in again["content"]


async def test_an_upload_that_is_not_an_article_file_is_refused(tmp_path: Path, base: Path) -> None:
    async with discord_world(tmp_path, admin_server=True) as world:
        fake = world.fake
        await fake.wait_commands(fake.guild_id)
        attachment = fake.add_attachment("../notes.exe", b"MZ")
        reply = await fake.reply(await fake.slash("ingest", fake.carol, attachment=attachment))
        assert "is not an article file" in reply["content"]
        assert list(world.settings.knowledge_dir.iterdir()) == []


async def test_new_files_in_the_knowledge_folder_are_indexed_while_serving(
    tmp_path: Path, base: Path
) -> None:
    async with discord_world(tmp_path, poll_seconds=1) as world:
        fake = world.fake
        await fake.wait_commands(None)
        (world.settings.knowledge_dir / "lowater.txt").write_text(ARTICLE_FILE, encoding="utf-8")

        async def known() -> dict[str, Any]:
            while True:
                reply = await fake.reply(await fake.slash("who", fake.bob, name="Ines Calloway"))
                if not reply["flags"] & EPHEMERAL:
                    return reply
                await asyncio.sleep(0.2)

        reply = await asyncio.wait_for(known(), WAIT)
        assert "Lowater" in shown(reply)


async def test_a_file_removed_from_the_knowledge_folder_leaves_the_base(
    tmp_path: Path, base: Path
) -> None:
    async with discord_world(tmp_path, poll_seconds=1) as world:
        fake = world.fake
        await fake.wait_commands(None)
        article = world.settings.knowledge_dir / "lowater.txt"
        article.write_text(ARTICLE_FILE, encoding="utf-8")

        async def answer_is_private(private: bool) -> None:
            while True:
                reply = await fake.reply(await fake.slash("who", fake.bob, name="Ines Calloway"))
                if bool(reply["flags"] & EPHEMERAL) == private:
                    return
                await asyncio.sleep(0.2)

        await asyncio.wait_for(answer_is_private(False), WAIT)
        article.unlink()
        await asyncio.wait_for(answer_is_private(True), WAIT)


# -- the gateway connection -------------------------------------------------------------------


async def ask_who(fake: FakeDiscord, name: str) -> str:
    return shown(await fake.reply(await fake.slash("who", fake.bob, name=name)))


async def test_the_bot_resumes_after_the_connection_drops(tmp_path: Path, base: Path) -> None:
    async with discord_world(tmp_path) as world:
        fake = world.fake
        await fake.wait_commands(None)
        assert MAYOR in await ask_who(fake, MAYOR)
        await fake.drop_connection()
        # Asked while the bot is away: Discord replays the event when the session resumes.
        interaction = await fake.slash("who", fake.bob, name=SPOKESMAN)
        await fake.wait_connected(resumes=1)
        assert SPOKESMAN in shown(await fake.reply(interaction))
        assert COUNCIL in await ask_who(fake, COUNCIL)
        assert len(fake.identify_payloads) == 1


async def test_the_bot_identifies_again_when_the_session_is_lost(
    tmp_path: Path, base: Path
) -> None:
    async with discord_world(tmp_path) as world:
        fake = world.fake
        await fake.wait_commands(None)
        await fake.drop_connection(forget_session=True)
        # discord.py waits five seconds before identifying again, as Discord asks.
        await fake.wait_connected(identifies=2, timeout=3 * WAIT)
        assert MAYOR in await ask_who(fake, MAYOR)


async def test_a_bad_jsonl_line_does_not_stop_the_folder_watch(tmp_path: Path, base: Path) -> None:
    async with discord_world(tmp_path, poll_seconds=1) as world:
        fake = world.fake
        await fake.wait_commands(None)
        lines = [
            '{"id": "pier", "text": "Pier warden Ilse Marrow said 30 boats docked."}',
            "[" * 100_000 + "]" * 100_000,
            '{"id": "big", "text": "Boats.", "count": ' + "9" * 5_000 + "}",
            '{"id": "odd\\ud800", "text": "Boats."}',
            '{"id": "quay", "text": "Quay keeper Otto Brand said 40 boats left."}',
        ]
        (world.settings.knowledge_dir / "feed.jsonl").write_text("\n".join(lines) + "\n")

        async def known(name: str) -> None:
            while True:
                reply = await fake.reply(await fake.slash("who", fake.bob, name=name))
                if not reply["flags"] & EPHEMERAL:
                    return
                await asyncio.sleep(0.2)

        await asyncio.wait_for(known("Ilse Marrow"), WAIT)
        await asyncio.wait_for(known("Otto Brand"), WAIT)


# -- hardening --------------------------------------------------------------------------------


async def test_buttons_of_an_answer_sent_before_a_restart_say_it_expired(
    tmp_path: Path, base: Path
) -> None:
    async with fake_discord() as fake:
        settings = make_settings(tmp_path)
        async with bot_running(fake, settings):
            await fake.wait_commands(None)
            first = await fake.reply(await fake.slash("articles", fake.bob))
            assert buttons(first)["Next ▶"] is True
        async with bot_running(fake, settings):
            press = await fake.click(first, "Next", fake.bob)
            assert (await fake.callback(press))["type"] == 7  # the message is updated...
            assert fake.messages[first["id"]]["components"] == []  # ...its buttons gone
            notice = await fake.reply(press)
            assert notice["flags"] & EPHEMERAL and "expired" in notice["content"]
            assert "Page 1/" in shown(fake.messages[first["id"]])  # the page itself stays


async def test_a_token_rejected_mid_session_ends_with_the_token_message(
    tmp_path: Path, base: Path
) -> None:
    async with fake_discord() as fake:
        with pytest.raises(ConfigError, match="DISCORD_TOKEN: Discord rejected"):
            async with bot_running(fake, make_settings(tmp_path)) as world:
                await fake.wait_commands(None)
                await fake.drop_connection(code=4004, reason=b"Authentication failed.")
                await until(world.bot.is_closed)  # it stops on its own; leaving tells why


async def test_refused_intents_end_with_one_line_saying_what_to_check(
    tmp_path: Path, base: Path
) -> None:
    async with fake_discord() as fake:
        with pytest.raises(ConfigError, match="close code 4014") as raised:
            async with bot_running(fake, make_settings(tmp_path)) as world:
                await fake.wait_commands(None)
                await fake.drop_connection(code=4014, reason=b"Disallowed intent(s).")
                await until(world.bot.is_closed)
        assert "\n" not in str(raised.value)


async def test_startup_logs_no_warning_about_voice(
    tmp_path: Path, base: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    # discord.py warns once per process: as if this were the process's first client.
    monkeypatch.setattr(discord.VoiceClient, "warn_nacl", True)
    monkeypatch.setattr(discord.VoiceClient, "warn_dave", True)
    caplog.set_level(logging.INFO)
    async with discord_world(tmp_path) as world:
        await world.fake.wait_commands(None)
    assert "voice" not in caplog.text.lower()


async def test_a_failed_dm_is_logged_without_its_text(
    tmp_path: Path, base: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    async with discord_world(tmp_path) as world:
        fake = world.fake
        with sqlite3.connect(base) as broken:
            broken.execute("DROP TABLE sentences_fts")
        asked = await fake.send_dm(fake.bob, "search my private words")
        reply = await fake.dm_reply(fake.bob, asked)
        assert reply["content"].startswith("Sorry, that failed")
    logged = [r for r in caplog.records if r.levelno >= logging.INFO]
    assert any(r.levelno >= logging.ERROR and fake.bob.id in r.getMessage() for r in logged)
    assert not any("private words" in r.getMessage() for r in logged)


async def test_a_question_on_an_empty_base_says_how_to_fill_it(tmp_path: Path) -> None:
    async with discord_world(tmp_path) as world:
        fake = world.fake
        await fake.wait_commands(None)
        reply = await fake.reply(await fake.slash("who", fake.bob, name="Ada Quill"))
        assert reply["flags"] & EPHEMERAL
        assert "fact base is empty" in shown(reply) and "/ingest" in shown(reply)
        asked = await fake.send_dm(fake.bob, "who is Ada Quill?")
        assert "fact base is empty" in shown(await fake.dm_reply(fake.bob, asked))
        reply = await fake.reply(await fake.slash("help", fake.bob))
        assert "/who" in shown(reply)  # the commands need no articles


async def test_a_lone_surrogate_typed_into_a_command_is_answered(
    tmp_path: Path, base: Path
) -> None:
    async with discord_world(tmp_path) as world:
        fake = world.fake
        await fake.wait_commands(None)
        reply = await fake.reply(await fake.slash("search", fake.bob, text="shel\ud800ters"))
        assert "Sorry, that failed" not in shown(reply)
        assert "shel\ufffdters" in shown(reply)
