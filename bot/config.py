"""Settings: a YAML file over built-in defaults, and the bot token from the environment.

The defaults are enough to index the shipped ``knowledge/`` folder and answer questions, so
the command line works with no file at all. The token is never read from the file, so a
config file can be shared or committed without leaking it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from datetime import time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

DEFAULT_CONFIG_FILE = "config.yaml"
CONFIG_ENV = "FACTBOT_CONFIG"
MAX_PAGE_TIMEOUT = 840


class ConfigError(Exception):
    """A setting is missing or wrong; the message names it."""


@dataclass(frozen=True, slots=True)
class DiscordSettings:
    token_env: str = "DISCORD_TOKEN"
    guild_id: int | None = None
    digest_channel_id: int | None = None
    digest_time: time = time(8, 0)
    digest_timezone: str = "UTC"
    digest_skip_empty: bool = True
    poll_seconds: int = 60
    admin_role: str | None = None
    page_timeout_seconds: int = 600

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


@dataclass(frozen=True, slots=True)
class Settings:
    knowledge_dir: Path = Path("knowledge")
    db_path: Path = Path("factbot.sqlite3")
    discord: DiscordSettings = field(default_factory=DiscordSettings)


def _parse_time(value: Any) -> time:
    if isinstance(value, int):  # YAML reads 08:00 as sexagesimal minutes
        return time(value // 60 % 24, value % 60)
    try:
        return time.fromisoformat(str(value))
    except ValueError as exc:
        raise ConfigError(f"discord.digest_time: {value!r} is not a time like 08:00") from exc


def _discord(raw: dict[str, Any]) -> DiscordSettings:
    known = {f.name for f in fields(DiscordSettings)}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise ConfigError(f"discord.{unknown[0]}: unknown setting")
    if "token" in raw:
        raise ConfigError("discord.token: the token is read from the environment, not the file")
    values = dict(raw)
    for key in ("guild_id", "digest_channel_id"):
        if values.get(key) is not None:
            try:
                values[key] = int(values[key])
            except (TypeError, ValueError) as exc:
                raise ConfigError(f"discord.{key}: {values[key]!r} is not an id") from exc
    if "digest_time" in values:
        values["digest_time"] = _parse_time(values["digest_time"])
    for key in ("poll_seconds", "page_timeout_seconds"):
        if key in values and (not isinstance(values[key], int) or values[key] < 1):
            raise ConfigError(f"discord.{key}: must be a whole number of seconds, at least 1")
    if values.get("page_timeout_seconds", 0) > MAX_PAGE_TIMEOUT:
        # Discord lets a bot edit an interaction's answer for 15 minutes only.
        raise ConfigError(f"discord.page_timeout_seconds: at most {MAX_PAGE_TIMEOUT}")
    settings = DiscordSettings(**values)
    try:
        settings.zone  # noqa: B018 - validates the name now rather than at digest time
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(
            f"discord.digest_timezone: unknown time zone {settings.digest_timezone!r}"
        ) from exc
    return settings


def load_settings(path: str | Path | None = None) -> Settings:
    """Read settings from ``path``, else $FACTBOT_CONFIG, else ./config.yaml if present."""
    chosen = path or os.environ.get(CONFIG_ENV)
    if chosen is None and Path(DEFAULT_CONFIG_FILE).is_file():
        chosen = DEFAULT_CONFIG_FILE
    if chosen is None:
        return Settings()
    file = Path(chosen)
    try:
        raw = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise ConfigError(f"cannot read config file {file}: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"config file {file} is not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise ConfigError(f"config file {file} must be a mapping of settings")
    unknown = sorted(set(raw) - {"knowledge_dir", "db_path", "discord"})
    if unknown:
        raise ConfigError(f"{unknown[0]}: unknown setting in {file}")
    base = file.parent
    knowledge = base / str(raw.get("knowledge_dir", "knowledge"))
    db = base / str(raw.get("db_path", "factbot.sqlite3"))
    discord_raw = raw.get("discord") or {}
    if not isinstance(discord_raw, dict):
        raise ConfigError("discord: must be a mapping of settings")
    return Settings(knowledge_dir=knowledge, db_path=db, discord=_discord(discord_raw))
