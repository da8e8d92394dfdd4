"""Settings files: every value is checked by its type, and every mistake is one line."""

from dataclasses import fields
from datetime import time
from pathlib import Path

import pytest
import yaml

from bot.config import ConfigError, DiscordSettings, load_settings


def settings_file(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "config.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_a_full_file_is_read_with_its_types(tmp_path: Path) -> None:
    path = settings_file(
        tmp_path,
        "knowledge_dir: articles\n"
        "discord:\n"
        "  token_env: FACTBOT_TOKEN\n"
        '  guild_id: "123456789012345678"\n'
        "  admin_guild_ids: [223456789012345678, 323456789012345678]\n"
        "  digest_time: 07:30\n"
        "  digest_timezone: Europe/Berlin\n"
        "  digest_skip_empty: false\n"
        "  poll_seconds: 30\n"
        "  admin_role: Fact Admins\n",
    )
    settings = load_settings(path)
    discord = settings.discord
    assert settings.knowledge_dir == tmp_path / "articles"
    assert discord.guild_id == 123456789012345678
    assert discord.admin_guilds == (223456789012345678, 323456789012345678)
    assert discord.digest_time == time(7, 30) and discord.digest_skip_empty is False
    assert (discord.poll_seconds, discord.admin_role) == (30, "Fact Admins")


def test_admin_servers_default_to_the_command_server(tmp_path: Path) -> None:
    path = settings_file(tmp_path, "discord:\n  guild_id: 123456789012345678\n")
    assert load_settings(path).discord.admin_guilds == (123456789012345678,)
    assert load_settings(settings_file(tmp_path, "discord: {}\n")).discord.admin_guilds == ()


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("discord:\n  digest_timezone: 5\n", "discord.digest_timezone"),
        ("discord:\n  digest_timezone: Mars/Olympus\n", "discord.digest_timezone"),
        ("discord:\n  token_env: 5\n", "discord.token_env"),
        ("discord:\n  admin_role: 123\n", "discord.admin_role"),
        ("discord:\n  guild_id: 1.9\n", "discord.guild_id"),
        ("discord:\n  guild_id: true\n", "discord.guild_id"),
        ("discord:\n  admin_guild_ids: 12\n", "discord.admin_guild_ids"),
        ("discord:\n  admin_guild_ids: [12, x]\n", "discord.admin_guild_ids[1]"),
        ("discord:\n  poll_seconds: true\n", "discord.poll_seconds"),
        ("discord:\n  page_timeout_seconds: 3600\n", "discord.page_timeout_seconds"),
        ("discord:\n  digest_skip_empty: maybe\n", "discord.digest_skip_empty"),
        ("discord:\n  digest_time: true\n", "discord.digest_time"),
        ("discord:\n  digest_time: half past eight\n", "discord.digest_time"),
        ("knowledge_dir: null\n", "knowledge_dir"),
        ("db_path: [a, b]\n", "db_path"),
        ("discord:\n  colour: blue\n", "discord.colour"),
        ("discord: 5\n", "discord"),
    ],
)
def test_a_value_of_the_wrong_type_is_one_line_naming_the_setting(
    tmp_path: Path, text: str, named: str
) -> None:
    with pytest.raises(ConfigError) as error:
        load_settings(settings_file(tmp_path, text))
    message = str(error.value)
    assert message.startswith(f"{named}:") and "\n" not in message


def test_shards_are_read_and_default_to_one_unsharded_process(tmp_path: Path) -> None:
    path = settings_file(tmp_path, "discord:\n  shard_count: 4\n  shard_ids: [2, 0]\n")
    discord = load_settings(path).discord
    assert (discord.shard_count, discord.shard_ids) == (4, (2, 0))
    every = load_settings(settings_file(tmp_path, "discord:\n  shard_count: 3\n")).discord
    assert (every.shard_count, every.shard_ids) == (3, ())
    assert (DiscordSettings().shard_count, DiscordSettings().shard_ids) == (None, ())


@pytest.mark.parametrize(
    ("shards", "said"),
    [
        ("shard_count: 0", "discord.shard_count: '0' must be a whole number from 1"),
        ("shard_count: two", "discord.shard_count: 'two' must be a whole number"),
        ("shard_count: 2\n  shard_ids: 1", "discord.shard_ids: must be a list"),
        ("shard_count: 2\n  shard_ids: [0, -1]", "discord.shard_ids[1]: '-1' must be"),
        ("shard_ids: [0]", "discord.shard_ids: set discord.shard_count too"),
        ("shard_count: 2\n  shard_ids: [0, 2]", "discord.shard_ids: shard 2 is not one of the 2"),
        ("shard_count: 3\n  shard_ids: [1, 0, 1]", "discord.shard_ids: shard 1 is listed twice"),
    ],
)
def test_wrong_shards_are_one_line_naming_the_setting(
    tmp_path: Path, shards: str, said: str
) -> None:
    with pytest.raises(ConfigError) as error:
        load_settings(settings_file(tmp_path, f"discord:\n  {shards}\n"))
    assert str(error.value).startswith(said) and "\n" not in str(error.value)


def test_a_token_in_the_file_says_where_tokens_go(tmp_path: Path) -> None:
    path = settings_file(tmp_path, "discord:\n  token_env: FACTBOT_TOKEN\n  token: abc.def\n")
    with pytest.raises(ConfigError, match=r"discord\.token: .*environment variable FACTBOT_TOKEN"):
        load_settings(path)


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"discord:\n  admin_role: Caf\xe9 staff\n", "not UTF-8"),
        (b"discord: [unclosed\n", "not valid YAML"),
        (b"- a list\n", "mapping"),
    ],
)
def test_an_unreadable_file_is_one_line(tmp_path: Path, content: bytes, said: str) -> None:
    with pytest.raises(ConfigError, match=said) as error:
        load_settings(settings_file(tmp_path, content))
    assert "\n" not in str(error.value)


def test_the_example_file_is_valid_and_shows_every_setting() -> None:
    example = Path(__file__).resolve().parent.parent / "config.example.yaml"
    settings = load_settings(example)
    assert settings.discord == DiscordSettings()
    text = example.read_text(encoding="utf-8")
    assert all(f"  {f.name}:" in text for f in fields(DiscordSettings))


@pytest.mark.parametrize(
    ("setting", "value"),
    [
        ("poll_seconds", 10**30),
        ("guild_id", 2**80),
        ("guild_id", "１２３４５"),
        ("digest_channel_id", -5),
    ],
)
def test_numbers_no_discord_id_or_wait_can_be_are_refused(
    tmp_path: Path, setting: str, value: object
) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(yaml.safe_dump({"discord": {setting: value}}), encoding="utf-8")
    with pytest.raises(ConfigError, match=f"discord.{setting}"):
        load_settings(config)


@pytest.mark.parametrize("how", ["variable", "argument"])
def test_an_empty_config_path_is_no_choice_of_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """An empty ``--config`` or ``$FACTBOT_CONFIG`` means what leaving it out means: the
    ``config.yaml`` of the working folder."""
    settings_file(tmp_path, "knowledge_dir: articles\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTBOT_CONFIG", "")
    settings = load_settings("" if how == "argument" else None)
    assert settings.knowledge_dir == Path("articles")
