"""Settings: a YAML file over built-in defaults, and the bot token from the environment.

The defaults are enough to index the shipped ``knowledge/`` folder and answer questions, so
the command line works with no file at all. The token is never read from the file, so a
config file can be shared or committed without leaking it.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field, fields
from datetime import time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from bot.store.location import Location, ServerAddress, location

DEFAULT_CONFIG_FILE = "config.yaml"
CONFIG_ENV = "FACTBOT_CONFIG"
# A settings file is a few lines: one larger, or making more values than this, is refused.
MAX_CONFIG_BYTES = 1_000_000
MAX_CONFIG_ITEMS = 10_000
MAX_PAGE_TIMEOUT = 840
# Discord ids are 64-bit snowflakes; a wait longer than a year is a typo.
MAX_ID = 2**63
MAX_SECONDS = 365 * 24 * 3600
# Discord asks for a shard per 1,000 or so servers; more shards than this is a typo.
MAX_SHARDS = 100_000


class ConfigError(Exception):
    """A setting is missing or wrong; the message names it."""


@dataclass(frozen=True, slots=True)
class DiscordSettings:
    token_env: str = "DISCORD_TOKEN"
    guild_id: int | None = None
    admin_guild_ids: tuple[int, ...] = ()
    digest_channel_id: int | None = None
    digest_time: time = time(8, 0)
    digest_timezone: str = "UTC"
    digest_skip_empty: bool = True
    poll_seconds: int = 60
    admin_role: str | None = None
    page_timeout_seconds: int = 600
    # Sharding, for several bot processes: how many shards in all, and which of them this
    # process runs (every one when empty). None: one process, unsharded, as Discord expects
    # of a bot in fewer than 2,500 servers.
    shard_count: int | None = None
    shard_ids: tuple[int, ...] = ()

    def token(self) -> str:
        """The bot token, from the environment variable the config names."""
        token = os.environ.get(self.token_env, "").strip()
        if not token:
            raise ConfigError(
                f"no bot token: set the environment variable {self.token_env} to your "
                "bot's token (Discord Developer Portal -> your application -> Bot -> "
                "Reset Token); see README, 'Running the Discord bot'"
            )
        return token

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.digest_timezone)

    @property
    def admin_guilds(self) -> tuple[int, ...]:
        """The servers whose admins may change the base from Discord: ``admin_guild_ids``,
        else the server of ``guild_id``, else none (no admin commands at all)."""
        if self.admin_guild_ids:
            return self.admin_guild_ids
        return (self.guild_id,) if self.guild_id is not None else ()


@dataclass(frozen=True, slots=True)
class WebSettings:
    """Feeds followed from the config, and the limits of every fetch (``bot.web``)."""

    feeds: tuple[str, ...] = ()
    poll_minutes: int = 30
    max_failures: int = 5
    timeout_seconds: int = 20
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    host_interval_seconds: int = 10
    # Hosts that may be fetched although they are on a loopback or private address.
    allow_hosts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Settings:
    knowledge_dir: Path = Path("knowledge")
    db_path: Location = Path("factbot.sqlite3")
    discord: DiscordSettings = field(default_factory=DiscordSettings)
    web: WebSettings = field(default_factory=WebSettings)


# -- checking each setting by its type -----------------------------------------------------
#
# A check takes the setting's full name (for the message) and the value as YAML read it, and
# returns the value to use or raises a ConfigError naming the setting. YAML is loose with
# types (08:00 is a number of minutes, yes is true, 1.9 is a float): nothing is coerced
# silently, except what is unambiguous (an id written in quotes).

Check = Callable[[str, Any], Any]


def _text(name: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{name}: {value!r} is not text; write it as a word or a quoted string")
    return value


def _path(name: str, value: Any) -> str:
    """A file or folder name: text with no NUL character (no system takes one)."""
    if "\0" in _text(name, value):
        raise ConfigError(f"{name}: a path cannot hold a NUL character")
    return value


def _base_location(folder: Path, value: str) -> Location:
    """The fact base: a PostgreSQL server's address as it is, a file relative to ``folder``."""
    where = location(value)
    return where if isinstance(where, ServerAddress) else folder / where


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _id(name: str, value: Any) -> int:
    """A Discord id: a whole number (in quotes or not)."""
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        value = int(value)  # ASCII digits only: "１２３" is no id Discord gives
    if not _whole(value) or not 1 <= value < MAX_ID:
        raise ConfigError(
            f"{name}: {str(value)[:40]!r} is not an id; copy it from Discord (Developer Mode, "
            "right-click -> Copy ID): a whole number such as 123456789012345678"
        )
    return value


def _list_of(check: Check, example: str) -> Check:
    """A list of values each passing ``check``; null or an empty list is none."""

    def checked(name: str, value: Any) -> tuple[Any, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            raise ConfigError(f"{name}: must be a list, such as [{example}]")
        return tuple(check(f"{name}[{n}]", item) for n, item in enumerate(value))

    return checked


_ids = _list_of(_id, "123456789012345678")


def _flag(name: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{name}: {value!r} is not true or false")
    return value


def _seconds(name: str, value: Any) -> int:
    if not _whole(value) or not 1 <= value <= MAX_SECONDS:
        raise ConfigError(
            f"{name}: {str(value)[:40]!r} must be a whole number of seconds, 1 to {MAX_SECONDS:,}"
        )
    return value


def _page_timeout(name: str, value: Any) -> int:
    seconds = _seconds(name, value)
    if seconds > MAX_PAGE_TIMEOUT:
        # Discord lets a bot edit an interaction's answer for 15 minutes only.
        raise ConfigError(f"{name}: at most {MAX_PAGE_TIMEOUT}")
    return seconds


def _time_of_day(name: str, value: Any) -> time:
    if _whole(value) and 0 <= value < 24 * 60:  # YAML reads 08:00 as minutes (sexagesimal)
        return time(value // 60, value % 60)
    if isinstance(value, str):
        with suppress(ValueError):
            return time.fromisoformat(value)
    raise ConfigError(f'{name}: {value!r} is not a time of day like "08:00"')


def _zone(name: str, value: Any) -> str:
    _text(name, value)
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:  # OSError: a name too long
        raise ConfigError(
            f"{name}: unknown time zone {value[:60]!r}; use an IANA name such as Europe/Berlin"
        ) from exc
    return value


def _optional(check: Check) -> Check:
    """``check``, with null meaning "not set"."""

    def checked(name: str, value: Any) -> Any:
        return None if value is None else check(name, value)

    return checked


def _count(least: int, most: int) -> Check:
    def checked(name: str, value: Any) -> int:
        if not _whole(value) or not least <= value <= most:
            raise ConfigError(
                f"{name}: {str(value)[:40]!r} must be a whole number from {least} to {most:,}"
            )
        return value

    return checked


DISCORD_CHECKS: dict[str, Check] = {
    "token_env": _text,
    "guild_id": _optional(_id),
    "admin_guild_ids": _ids,
    "digest_channel_id": _optional(_id),
    "digest_time": _time_of_day,
    "digest_timezone": _zone,
    "digest_skip_empty": _flag,
    "poll_seconds": _seconds,
    "admin_role": _optional(_text),
    "page_timeout_seconds": _page_timeout,
    "shard_count": _optional(_count(1, MAX_SHARDS)),
    "shard_ids": _list_of(_count(0, MAX_SHARDS - 1), "0, 1"),
}
assert set(DISCORD_CHECKS) == {f.name for f in fields(DiscordSettings)}


WEB_CHECKS: dict[str, Check] = {
    "feeds": _list_of(_text, "https://example.org/feed.xml"),
    "poll_minutes": _count(1, 7 * 24 * 60),
    "max_failures": _count(1, 1000),
    "timeout_seconds": _count(1, 600),
    "max_bytes": _count(1_000, 100_000_000),
    "max_redirects": _count(0, 20),
    "host_interval_seconds": _count(0, 3600),
    "allow_hosts": _list_of(_text, "mirror.example.org"),
}
assert set(WEB_CHECKS) == {f.name for f in fields(WebSettings)}


def _section(name: str, raw: Any, checks: dict[str, Check]) -> dict[str, Any]:
    """A section's settings, each checked; a ConfigError for an unknown one."""
    if not isinstance(raw, dict):
        raise ConfigError(f"{name}: must be a mapping of settings")
    unknown = sorted(set(raw) - set(checks), key=str)
    if unknown:
        raise ConfigError(f"{name}.{unknown[0]}: unknown setting")
    return {key: checks[key](f"{name}.{key}", value) for key, value in raw.items()}


def _discord(raw: dict[str, Any]) -> DiscordSettings:
    if "token" in raw:
        env = raw.get("token_env") if isinstance(raw.get("token_env"), str) else "DISCORD_TOKEN"
        raise ConfigError(
            "discord.token: the bot token is never read from the config file (so the file "
            f"can be shared); remove this line and set the environment variable {env} "
            "instead (see README, 'Give it the token')"
        )
    unknown = sorted(set(raw) - set(DISCORD_CHECKS), key=str)
    if unknown:
        raise ConfigError(f"discord.{unknown[0]}: unknown setting")
    settings = DiscordSettings(
        **{key: DISCORD_CHECKS[key](f"discord.{key}", value) for key, value in raw.items()}
    )
    _check_shards(settings.shard_count, settings.shard_ids)
    return settings


def _check_shards(count: int | None, ids: tuple[int, ...]) -> None:
    """Shard ids name shards of ``shard_count`` (0 to count - 1), each once: Discord closes
    the connection of a shard outside the count, and two processes running one shard
    would take turns disconnecting each other."""
    if not ids:
        return
    if count is None:
        raise ConfigError("discord.shard_ids: set discord.shard_count too (the shards in all)")
    outside = [i for i in ids if i >= count]
    if outside:
        raise ConfigError(
            f"discord.shard_ids: shard {outside[0]} is not one of the {count} shards "
            f"of discord.shard_count (0 to {count - 1})"
        )
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise ConfigError(f"discord.shard_ids: shard {twice[0]} is listed twice")


def _read(file: Path) -> dict[str, Any]:
    """The settings file as a mapping, or a ConfigError saying why it is none. Only a
    regular file of at most ``MAX_CONFIG_BYTES`` is read (a pipe would block, /dev/zero
    never end), and the settings it makes may hold at most ``MAX_CONFIG_ITEMS`` values (YAML
    aliases can make millions from a few lines)."""
    try:
        info = file.stat()
        if not stat.S_ISREG(info.st_mode):
            raise ConfigError(f"config file {file} is not a regular file")
        if info.st_size > MAX_CONFIG_BYTES:
            raise ConfigError(f"config file {file} is over {MAX_CONFIG_BYTES:,} bytes")
        raw = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise ConfigError(f"cannot read config file {file}: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"config file {file} is not UTF-8 text (byte {exc.start:,}); save it as UTF-8"
        ) from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"config file {file} is not valid YAML: {_one_line(exc)}") from exc
    except RecursionError as exc:
        raise ConfigError(f"config file {file} is nested too deeply") from exc
    if not isinstance(raw, dict):
        raise ConfigError(f"config file {file} must be a mapping of settings")
    try:
        too_many = _values(raw) > MAX_CONFIG_ITEMS
    except RecursionError as exc:  # a YAML alias that holds itself
        raise ConfigError(f"config file {file} refers to itself or is nested too deeply") from exc
    if too_many:
        raise ConfigError(f"config file {file} holds over {MAX_CONFIG_ITEMS:,} values")
    return raw


def _values(value: Any, budget: int = MAX_CONFIG_ITEMS + 1) -> int:
    """How many values a loaded setting holds, counted up to ``budget`` (so that counting a
    YAML alias bomb stops early)."""
    if isinstance(value, dict):
        value = [*value.keys(), *value.values()]
    if not isinstance(value, list):
        return 1
    count = 1
    for item in value:
        count += _values(item, budget - count)
        if count >= budget:
            break
    return count


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())


def load_settings(path: str | Path | None = None) -> Settings:
    """Read settings from ``path``, else $FACTBOT_CONFIG, else ./config.yaml if present (an
    empty path or variable is no choice, as it is unset)."""
    chosen = path or os.environ.get(CONFIG_ENV) or None
    if chosen is None and Path(DEFAULT_CONFIG_FILE).is_file():
        chosen = DEFAULT_CONFIG_FILE
    if chosen is None:
        return Settings()
    file = Path(chosen)
    raw = _read(file)
    unknown = sorted(set(raw) - {"knowledge_dir", "db_path", "discord", "web"}, key=str)
    if unknown:
        raise ConfigError(f"{unknown[0]}: unknown setting in {file}")
    base = file.parent
    knowledge = base / _path("knowledge_dir", raw.get("knowledge_dir", "knowledge"))
    db = _base_location(base, _path("db_path", raw.get("db_path", "factbot.sqlite3")))
    discord_raw = raw.get("discord") or {}
    if not isinstance(discord_raw, dict):
        raise ConfigError("discord: must be a mapping of settings")
    web = WebSettings(**_section("web", raw.get("web") or {}, WEB_CHECKS))
    return Settings(knowledge_dir=knowledge, db_path=db, discord=_discord(discord_raw), web=web)
