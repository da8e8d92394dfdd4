"""Admin commands end to end: only the bot's own server's admins, and no silent replacing.

Anyone can add a public bot to a server of their own, where they hold Manage Server; the
fake Discord has such a server ("Elsewhere", owned by dave, who also has a role named like
the admin role there).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fake_discord import FakeDiscord
from fake_discord.harness import base_file, discord_world
from fake_discord.newsroom import build_newsroom

EPHEMERAL = 1 << 6
MANAGE_GUILD = 1 << 5

LOWATER = """Harbour reopens in Lowater after the storm

The harbour in Lowater reopened on Friday after a week of repairs.
Harbour master Ines Calloway said 12 fishing boats had been damaged.
"""
LOWATER_AGAIN = LOWATER.replace("12 fishing boats", "14 fishing boats")


@pytest.fixture
def base(tmp_path: Path) -> Path:
    return build_newsroom(base_file(tmp_path))


def shown(message: dict[str, Any]) -> str:
    return (message.get("content") or "") + "".join(
        e.get("description", "") for e in message.get("embeds") or []
    )


async def ingest(fake: FakeDiscord, name: str, data: str, **options: Any) -> str:
    attachment = fake.add_attachment(name, data.encode())
    user = options.pop("user", fake.carol)
    reply = await fake.reply(await fake.slash("ingest", user, attachment=attachment, **options))
    assert reply["flags"] & EPHEMERAL
    return reply["content"]


async def test_admin_commands_exist_only_in_the_admin_server(tmp_path: Path, base: Path) -> None:
    async with discord_world(tmp_path, admin_server=True) as world:
        fake = world.fake
        everywhere = await fake.wait_commands(None)
        ours = await fake.wait_commands(fake.guild_id)
        assert {c["name"] for c in everywhere} == {
            "who", "figures", "quote", "search", "articles", "article", "digest", "help"
        }  # fmt: skip
        assert {c["name"] for c in ours} == {"ingest", "reindex", "follow", "unfollow", "feeds"}
        for command in ours:
            assert int(command["default_member_permissions"]) == MANAGE_GUILD
        assert fake.offered("who", fake.other_guild_id) is not None
        assert fake.offered("ingest", fake.other_guild_id) is None
        assert fake.offered("reindex", fake.other_guild_id) is None
        assert fake.offered("follow", fake.other_guild_id) is None


async def test_manage_server_in_another_server_is_not_admin(tmp_path: Path, base: Path) -> None:
    async with discord_world(tmp_path, admin_server=True, admin_role="fact admins") as world:
        fake = world.fake
        await fake.wait_commands(fake.guild_id)
        # Discord would not deliver this: the command is not registered in dave's server.
        attachment = fake.add_attachment("lowater.txt", LOWATER.encode())
        interaction = await fake.slash(
            "ingest",
            fake.dave,
            guild=fake.other_guild_id,
            command_from=fake.guild_id,
            attachment=attachment,
        )
        reply = await fake.reply(interaction)
        assert reply["flags"] & EPHEMERAL
        assert "works only in the server this bot belongs to" in reply["content"]
        assert not (world.settings.knowledge_dir / "lowater.txt").exists()


async def test_an_upload_never_silently_replaces_an_article(tmp_path: Path, base: Path) -> None:
    async with discord_world(tmp_path, admin_server=True) as world:
        fake = world.fake
        await fake.wait_commands(fake.guild_id)
        saved = world.settings.knowledge_dir / "lowater.txt"
        assert "Added 1: lowater" in await ingest(fake, "lowater.txt", LOWATER)

        refused = await ingest(fake, "lowater.txt", LOWATER_AGAIN)
        assert "was not saved" in refused and "replace: True" in refused
        assert "“Harbour reopens in Lowater after the storm” (lowater)" in refused
        assert saved.read_text(encoding="utf-8") == LOWATER
        who = await fake.reply(await fake.slash("figures", fake.bob, topic="damaged"))
        assert "12 fishing boats" in shown(who)

        replaced = await ingest(fake, "lowater.txt", LOWATER_AGAIN, replace=True)
        assert replaced.startswith("Replaced “Harbour reopens in Lowater after the storm”")
        assert "Updated 1: lowater" in replaced
        assert saved.read_text(encoding="utf-8") == LOWATER_AGAIN


async def test_a_jsonl_line_with_another_articles_id_is_refused(tmp_path: Path, base: Path) -> None:
    async with discord_world(tmp_path, admin_server=True) as world:
        fake = world.fake
        await fake.wait_commands(fake.guild_id)
        await ingest(fake, "lowater.txt", LOWATER)
        feed = json.dumps({"id": "lowater", "title": "Ferry news", "text": "A ferry sailed."})
        for replace in (False, True):  # the id stays with the file that holds it
            refused = await ingest(fake, "feed.jsonl", feed + "\n", replace=replace)
            assert "article id “lowater” is already" in refused and "lowater.txt" in refused
        assert not (world.settings.knowledge_dir / "feed.jsonl").exists()
        assert "12 fishing boats" in (world.settings.knowledge_dir / "lowater.txt").read_text()
