"""A small Discord on 127.0.0.1: the HTTP API and the gateway, enough for one bot (or its shards).

The real discord.py client logs in to it unchanged once its two addresses point here
(``FakeDiscord.pointed_at`` sets ``discord.http.Route.BASE`` and the gateway address). The
fake keeps a tiny world: the newsroom's guild with two text channels, a second guild whose
owner added the bot to it (someone else's server), a few users, the bot's application, the
slash commands it registered and every message it sent. Every request
body is checked against Discord's published description and documented limits
(``contract.check``); a violation answers 400 like Discord would, and is kept in
``violations`` so the test fails. Files come as multipart/form-data (``payload_json`` and
``files[n]`` parts): their metadata is checked too (``contract.upload_problems``), and the
message shows them as attachments served from the fake's CDN (``uploads`` keeps the bytes).

Tests drive it the way Discord would: push INTERACTION_CREATE (a slash command, an
autocomplete, a button click) and MESSAGE_CREATE (a DM) over the gateway, read what the bot
answered, and drop the gateway connection to watch the bot resume or identify again.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import secrets
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

import aiohttp
import discord
import discord.gateway
import discord.http
import yarl
from aiohttp import WSMsgType, web

from . import contract

T = TypeVar("T")
Json = dict[str, Any]

API = "/api/v10"
EPHEMERAL = 1 << 6
LOADING = 1 << 7
MANAGE_GUILD = 1 << 5
DEFAULT_PERMISSIONS = (1 << 10) | (1 << 11) | (1 << 16) | (1 << 31)  # view, send, history, cmds
INTENT_GUILD_MESSAGES = 1 << 9
INTENT_DIRECT_MESSAGES = 1 << 12
INTENT_MESSAGE_CONTENT = 1 << 15
WAIT = 5.0  # the longest any single wait in a test may take, in seconds
PNG = b"\x89PNG\r\n\x1a\n"

_ids = itertools.count(1_100_000_000_000_000_000)


def snowflake() -> str:
    return str(next(_ids))


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _json(data: Any, status: int = 200) -> web.Response:
    """A JSON response typed exactly "application/json", as discord.py requires."""
    return web.Response(
        body=json.dumps(data).encode(), status=status, content_type="application/json"
    )


class DiscordError(Exception):
    """Raised by handlers to answer with Discord's error shape."""

    def __init__(self, status: int, code: int, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


@dataclass
class FakeUser:
    id: str
    name: str
    bot: bool = False

    def payload(self) -> Json:
        return {
            "id": self.id,
            "username": self.name,
            "global_name": self.name,
            "discriminator": "0",
            "avatar": None,
            "bot": self.bot,
            "public_flags": 0,
        }


@dataclass
class FakeInteraction:
    """One interaction the test pushed, and everything the bot answered to it."""

    id: str
    token: str
    payload: Json
    callbacks: list[Json] = field(default_factory=list)
    original: str | None = None
    followups: list[str] = field(default_factory=list)

    @property
    def user(self) -> Json:
        return self.payload.get("member", {}).get("user") or self.payload["user"]


@dataclass
class Session:
    id: str
    events: list[Json] = field(default_factory=list)

    @property
    def seq(self) -> int:
        return len(self.events)


@dataclass
class Recorded:
    method: str
    path: str
    endpoint: str
    body: Any
    uploads: list[contract.Upload] = field(default_factory=list)


class FakeDiscord:
    """The fake server: start it, point discord.py at it, drive it, read what happened."""

    def __init__(self, token: str = "fake-token.for-tests") -> None:
        self.token = token
        self.bot = FakeUser(snowflake(), "factbot", bot=True)
        self.application_id = self.bot.id
        self.alice = FakeUser(snowflake(), "alice")  # holds the admin role
        self.bob = FakeUser(snowflake(), "bob")
        self.carol = FakeUser(snowflake(), "carol")  # has Manage Server
        # Owns the other guild: Manage Server and a role named like the admin role there.
        self.dave = FakeUser(snowflake(), "dave")
        self.users = {u.id: u for u in (self.bot, self.alice, self.bob, self.carol, self.dave)}
        self.guild_id = snowflake()
        self.other_guild_id = snowflake()
        self.admin_role = {"id": snowflake(), "name": "fact admins"}
        self.other_admin_role = {"id": snowflake(), "name": "fact admins"}
        self.general_channel = snowflake()
        self.digest_channel = snowflake()
        self.other_channel = snowflake()
        self.channels: dict[str, Json] = {
            cid: {
                "id": cid,
                "type": 0,
                "guild_id": guild,
                "name": name,
                "position": n,
                "permission_overwrites": [],
                "nsfw": False,
                "parent_id": None,
                "topic": None,
                "last_message_id": None,
                "rate_limit_per_user": 0,
            }
            for n, (cid, name, guild) in enumerate(
                [
                    (self.general_channel, "general", self.guild_id),
                    (self.digest_channel, "digest", self.guild_id),
                    (self.other_channel, "general", self.other_guild_id),
                ]
            )
        }
        # Channel id -> which of the bot's messages to it are refused (counting every
        # attempt from 1), and with what status: a missing permission, say.
        self.refusals: dict[str, dict[int, tuple[int, int, str]]] = {}
        self.posts: dict[str, int] = {}
        self.dm_channels: dict[str, str] = {}  # user id -> DM channel id
        self.commands: dict[str | None, list[Json]] = {}  # guild id (None: global) -> list
        self.messages: dict[str, Json] = {}
        self.deleted: set[str] = set()
        self.interactions: dict[str, FakeInteraction] = {}
        self.attachments: dict[str, bytes] = {}
        self.uploads: dict[str, contract.Upload] = {}  # attachment id -> file the bot sent
        self._request_uploads: list[contract.Upload] = []
        self.requests: list[Recorded] = []
        self.violations: list[str] = []
        self.identify_payloads: list[Json] = []
        self.resumes = 0
        self.session: Session | None = None
        self._ws: web.WebSocketResponse | None = None
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.base = ""

    # -- life cycle -----------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application(client_max_size=32 * 1024 * 1024)
        app.router.add_route("GET", "/gateway", self._gateway)
        app.router.add_route("GET", "/attachments/{id}/{name}", self._attachment)
        app.router.add_route("*", API + "/{tail:.*}", self._api)
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.base = f"http://127.0.0.1:{port}"

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_url(self) -> str:
        return self.base + API

    @property
    def gateway_url(self) -> str:
        return self.base.replace("http://", "ws://") + "/gateway"

    @contextmanager
    def pointed_at(self) -> Iterator[None]:
        """Point discord.py's HTTP base and default gateway at this server, then restore."""
        route_base = discord.http.Route.BASE
        gateway = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
        discord.http.Route.BASE = self.api_url
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(self.gateway_url)
        try:
            yield
        finally:
            discord.http.Route.BASE = route_base
            discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = gateway

    # -- waiting --------------------------------------------------------------------------

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def wait_for(self, probe: Callable[[], T | None], timeout: float = WAIT) -> T:
        """Wait until ``probe()`` returns something truthy, and return it."""
        async with self._changed:
            return await asyncio.wait_for(self._changed.wait_for(probe), timeout)

    async def wait_connected(
        self, identifies: int = 1, resumes: int = 0, timeout: float = WAIT
    ) -> None:
        """Wait until the bot has identified (and resumed) at least that many times."""
        await self.wait_for(
            lambda: (
                self._ws is not None
                and len(self.identify_payloads) >= identifies
                and self.resumes >= resumes
            ),
            timeout,
        )

    async def wait_commands(self, guild_id: str | None) -> list[Json]:
        """Wait for the bot to register its slash commands (in a guild, or globally)."""
        return await self.wait_for(lambda: self.commands.get(guild_id))

    def channel_messages(self, channel_id: str) -> list[Json]:
        return [m for m in self.messages.values() if m["channel_id"] == channel_id]

    def dm_channel(self, user: FakeUser) -> str:
        if user.id not in self.dm_channels:
            self.dm_channels[user.id] = snowflake()
        return self.dm_channels[user.id]

    # -- gateway --------------------------------------------------------------------------

    async def dispatch(self, event: str, data: Json) -> None:
        """Send a gateway event to the bot's session (kept for replay on RESUME)."""
        if self.session is None:
            raise AssertionError(f"no gateway session to dispatch {event} to")
        payload = {"op": 0, "t": event, "s": self.session.seq + 1, "d": data}
        self.session.events.append(payload)
        if self._ws is not None and not self._ws.closed:
            await self._ws.send_str(json.dumps(payload))

    async def drop_connection(
        self, *, forget_session: bool = False, code: int = 4000, reason: bytes = b"dropped by test"
    ) -> None:
        """Close the gateway connection the way a network fault or Discord restart would.

        With ``forget_session`` the next RESUME is refused (INVALID_SESSION), so the bot
        has to IDENTIFY again. ``code`` 4004 is Discord's "Authentication failed": the
        token was reset while the bot ran.
        """
        ws, self._ws = self._ws, None
        if forget_session:
            self.session = None
        if ws is not None:
            await ws.close(code=code, message=reason)

    def refuse(self, channel: str, attempt: int, status: int = 403) -> None:
        """Refuse the bot's ``attempt``-th message to ``channel`` (counted from 1, refusals
        included), once, as Discord does when a permission is missing."""
        self.refusals.setdefault(channel, {})[attempt] = (status, 50013, "Missing Permissions")

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        await ws.send_json({"op": 10, "d": {"heartbeat_interval": 41250}, "s": None, "t": None})
        async for msg in ws:
            if msg.type is not WSMsgType.TEXT:
                continue
            frame = json.loads(msg.data)
            op, data = frame.get("op"), frame.get("d")
            if op == 1:
                await ws.send_json({"op": 11, "d": None, "s": None, "t": None})
            elif op == 2:
                await self._identify(ws, data)
            elif op == 6:
                await self._resume(ws, data)
        if self._ws is ws:
            self._ws = None
        return ws

    async def _identify(self, ws: web.WebSocketResponse, data: Json) -> None:
        if data.get("token") != self.token:
            await ws.close(code=4004, message=b"Authentication failed.")
            return
        self.identify_payloads.append(data)
        self.session = Session(secrets.token_hex(8))
        self._ws = ws
        # A sharded connection is sent the guilds of its shard only, as Discord does.
        shard, count = data.get("shard") or [0, 1]
        guilds = [
            guild
            for guild in (self.guild_id, self.other_guild_id)
            if (int(guild) >> 22) % count == shard
        ]
        await self.dispatch(
            "READY",
            {
                "v": 10,
                "user": self.bot.payload(),
                "guilds": [{"id": guild, "unavailable": True} for guild in guilds],
                "session_id": self.session.id,
                "resume_gateway_url": self.gateway_url,
                "shard": [shard, count],
                "application": {"id": self.application_id, "flags": 0},
            },
        )
        for guild in guilds:
            await self.dispatch("GUILD_CREATE", self._guild_payload(guild))
        await self._notify()

    async def _resume(self, ws: web.WebSocketResponse, data: Json) -> None:
        session = self.session
        if data.get("token") != self.token or session is None or data["session_id"] != session.id:
            await ws.send_json({"op": 9, "d": False, "s": None, "t": None})
            return
        self._ws = ws
        self.resumes += 1
        for payload in session.events[int(data.get("seq") or 0) :]:
            await ws.send_str(json.dumps(payload))
        await self.dispatch("RESUMED", {})
        await self._notify()

    def _guild_payload(self, guild: str) -> Json:
        everyone = {
            "id": guild,
            "name": "@everyone",
            "permissions": str(DEFAULT_PERMISSIONS),
            "position": 0,
            "color": 0,
            "hoist": False,
            "managed": False,
            "mentionable": False,
            "flags": 0,
        }
        ours = guild == self.guild_id
        admin = {**everyone, **(self.admin_role if ours else self.other_admin_role), "position": 1}
        return {
            "id": guild,
            "name": "Newsroom" if ours else "Elsewhere",
            "owner_id": (self.carol if ours else self.dave).id,
            "roles": [everyone, admin],
            "channels": [c for c in self.channels.values() if c["guild_id"] == guild],
            "members": [],
            "emojis": [],
            "stickers": [],
            "features": [],
            "member_count": len(self.users),
            "large": False,
            "unavailable": False,
            "joined_at": _now(),
            "threads": [],
            "voice_states": [],
            "presences": [],
        }

    # -- what the test does as a user ------------------------------------------------------

    def _member(self, user: FakeUser, guild: str) -> Json:
        if guild == self.guild_id:
            roles = [self.admin_role["id"]] if user is self.alice else []
            manages = user is self.carol
        else:
            roles = [self.other_admin_role["id"]] if user is self.dave else []
            manages = user is self.dave
        permissions = DEFAULT_PERMISSIONS | (MANAGE_GUILD if manages else 0)
        return {
            "user": user.payload(),
            "roles": roles,
            "joined_at": _now(),
            "deaf": False,
            "mute": False,
            "flags": 0,
            "pending": False,
            "nick": None,
            "avatar": None,
            "permissions": str(permissions),
        }

    def _interaction_payload(
        self, kind: int, user: FakeUser, dm: bool, data: Json, guild: str | None = None
    ) -> Json:
        payload: Json = {
            "id": snowflake(),
            "application_id": self.application_id,
            "type": kind,
            "data": data,
            "token": secrets.token_urlsafe(24),
            "version": 1,
            "locale": "en-US",
            "entitlements": [],
            "attachment_size_limit": 10 * 1024 * 1024,
            "app_permissions": str(DEFAULT_PERMISSIONS),
        }
        if dm:
            channel = self.dm_channel(user)
            payload |= {
                "channel_id": channel,
                "channel": {"id": channel, "type": 1, "recipients": [user.payload()]},
                "user": user.payload(),
                "context": 1,
                "authorizing_integration_owners": {"0": self.guild_id},
            }
        else:
            guild = guild or self.guild_id
            channel = self.general_channel if guild == self.guild_id else self.other_channel
            payload |= {
                "guild_id": guild,
                "guild_locale": "en-US",
                "channel_id": channel,
                "channel": self.channels[channel],
                "member": self._member(user, guild),
                "context": 0,
                "authorizing_integration_owners": {"0": guild},
            }
        return payload

    def offered(self, name: str, guild: str | None) -> Json | None:
        """The command ``/name`` as Discord offers it in ``guild`` (None: in a DM): one
        registered in that guild, else a global one."""
        for scope in (guild, None) if guild else (None,):
            for command in self.commands.get(scope) or []:
                if command["name"] == name:
                    return command
        return None

    def _command(self, name: str, dm: bool, guild: str | None = None) -> Json:
        command = self.offered(name, None if dm else guild or self.guild_id)
        if command is None:
            raise AssertionError(f"the bot registered no command /{name} there")
        return command

    async def _push(self, payload: Json) -> FakeInteraction:
        interaction = FakeInteraction(payload["id"], payload["token"], payload)
        self.interactions[interaction.id] = interaction
        self.interactions[interaction.token] = interaction
        await self.dispatch("INTERACTION_CREATE", payload)
        return interaction

    async def slash(
        self,
        name: str,
        user: FakeUser,
        /,
        *,
        dm: bool = False,
        guild: str | None = None,
        command_from: str | None = None,
        attachment: Json | None = None,
        **options: str | bool,
    ) -> FakeInteraction:
        """Use the registered slash command ``/name`` with string or boolean options, in
        ``guild`` (the newsroom's unless given) or a DM. ``command_from`` takes the command
        as registered in another guild: an interaction Discord itself would not send."""
        command = self._command(name, dm, command_from or guild)
        values: list[Json] = [
            {"name": k, "type": 5 if isinstance(v, bool) else 3, "value": v}
            for k, v in options.items()
        ]
        data: Json = {"id": command["id"], "name": name, "type": 1, "options": values}
        if command.get("guild_id"):
            data["guild_id"] = command["guild_id"]
        if attachment is not None:
            values.insert(0, {"name": "file", "type": 11, "value": attachment["id"]})
            data["resolved"] = {"attachments": {attachment["id"]: attachment}}
        return await self._push(self._interaction_payload(2, user, dm, data, guild))

    async def autocomplete(
        self, name: str, option: str, partial: str, user: FakeUser, *, dm: bool = False
    ) -> FakeInteraction:
        """Type ``partial`` into option ``option`` of ``/name``."""
        command = self._command(name, dm)
        values = [{"name": option, "type": 3, "value": partial, "focused": True}]
        data: Json = {"id": command["id"], "name": name, "type": 1, "options": values}
        if command.get("guild_id"):
            data["guild_id"] = command["guild_id"]
        return await self._push(self._interaction_payload(4, user, dm, data))

    async def click(self, message: Json, label: str, user: FakeUser) -> FakeInteraction:
        """Press the button labelled ``label`` (or containing it) on ``message``."""
        for row in message.get("components") or []:
            for button in row.get("components", []):
                if label in (button.get("label") or ""):
                    data = {"custom_id": button["custom_id"], "component_type": 2}
                    dm = "guild_id" not in message
                    payload = self._interaction_payload(3, user, dm, data)
                    payload["message"] = message
                    return await self._push(payload)
        raise AssertionError(f"no button {label!r} on message {message['id']}")

    async def send_dm(self, user: FakeUser, content: str) -> Json:
        """The user writes ``content`` to the bot in a direct message."""
        message = self._message(self.dm_channel(user), user, {"content": content})
        await self._message_created(message)
        return message

    def add_attachment(self, filename: str, data: bytes) -> Json:
        """A file the user attaches to a command; served from the fake's CDN."""
        attachment_id = snowflake()
        self.attachments[attachment_id] = data
        url = f"{self.base}/attachments/{attachment_id}/{filename}"
        return {
            "id": attachment_id,
            "filename": filename,
            "size": len(data),
            "url": url,
            "proxy_url": url,
            "content_type": "text/plain; charset=utf-8",
        }

    # -- reading what the bot answered ------------------------------------------------------

    def _visible(self, interaction: FakeInteraction) -> Json | None:
        ids = [i for i in (interaction.original, *interaction.followups) if i]
        shown = [
            self.messages[i]
            for i in ids
            if i not in self.deleted and not self.messages[i]["flags"] & LOADING
        ]
        return shown[-1] if shown else None

    async def reply(self, interaction: FakeInteraction) -> Json:
        """The message the bot answered ``interaction`` with (after any deferral)."""
        return await self.wait_for(lambda: self._visible(interaction))

    async def callback(self, interaction: FakeInteraction, n: int = 0) -> Json:
        """The n-th interaction callback body the bot sent for ``interaction``."""
        return await self.wait_for(
            lambda: interaction.callbacks[n] if len(interaction.callbacks) > n else None
        )

    async def dm_reply(self, user: FakeUser, after: Json) -> Json:
        """The bot's first message in the user's DM after the message ``after``."""
        channel = self.dm_channel(user)

        def probe() -> Json | None:
            for message in self.channel_messages(channel):
                if message["author"]["id"] == self.bot.id and int(message["id"]) > int(after["id"]):
                    return message
            return None

        return await self.wait_for(probe)

    # -- messages -------------------------------------------------------------------------

    def _message(
        self,
        channel_id: str,
        author: FakeUser,
        body: Json,
        *,
        interaction: FakeInteraction | None = None,
        flags: int = 0,
    ) -> Json:
        message: Json = {
            "id": snowflake(),
            "channel_id": channel_id,
            "author": author.payload(),
            "content": body.get("content") or "",
            "embeds": body.get("embeds") or [],
            "components": body.get("components") or [],
            "attachments": self._attached(body),
            "timestamp": _now(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "pinned": False,
            "type": 0,
            "flags": flags | (body.get("flags") or 0),
        }
        channel = self.channels.get(channel_id)
        if channel is not None:
            message["guild_id"] = channel["guild_id"]
        if interaction is not None:
            message |= {
                "type": 20 if interaction.payload["type"] == 2 else 19,
                "webhook_id": self.application_id,
                "application_id": self.application_id,
                "interaction_metadata": {
                    "id": interaction.id,
                    "type": interaction.payload["type"],
                    "user": interaction.user,
                    "authorizing_integration_owners": {"0": self.guild_id},
                },
            }
        self.messages[message["id"]] = message
        return message

    def _attached(self, body: Json) -> list[Json]:
        """Attachments for the files of the current request, as Discord shows them."""
        described = {str(a.get("id")): a for a in contract.attachments_of(body)}
        shown = []
        for upload in self._request_uploads:
            attachment_id = snowflake()
            self.attachments[attachment_id] = upload.data
            self.uploads[attachment_id] = upload
            url = f"{self.base}/attachments/{attachment_id}/{upload.filename}"
            meta = described.get(upload.index, {})
            shown.append(
                {
                    "id": attachment_id,
                    "filename": upload.filename,
                    "size": len(upload.data),
                    "url": url,
                    "proxy_url": url,
                    "content_type": "image/png" if upload.data.startswith(PNG) else None,
                    "description": meta.get("description"),
                }
            )
        self._request_uploads = []
        return shown

    def _edit(self, message_id: str, body: Json) -> Json:
        message = self.messages[message_id]
        if self._request_uploads:
            message["attachments"] = message["attachments"] + self._attached(body)
        for key in ("content", "embeds", "components"):
            if key in body:
                message[key] = (
                    body[key] if body[key] is not None else ([] if key != "content" else "")
                )
        message["flags"] &= ~LOADING
        message["edited_timestamp"] = _now()
        return message

    async def _message_created(self, message: Json) -> None:
        """Tell the bot about a new message, as far as its intents let it see it."""
        intents = self.identify_payloads[-1]["intents"] if self.identify_payloads else 0
        in_guild = "guild_id" in message
        if not intents & (INTENT_GUILD_MESSAGES if in_guild else INTENT_DIRECT_MESSAGES):
            return
        if in_guild and not intents & INTENT_MESSAGE_CONTENT:
            message = {**message, "content": "", "embeds": [], "components": []}
        await self.dispatch("MESSAGE_CREATE", message)

    # -- HTTP -----------------------------------------------------------------------------

    async def _attachment(self, request: web.Request) -> web.Response:
        data = self.attachments.get(request.match_info["id"])
        if data is None:
            raise web.HTTPNotFound()
        return web.Response(body=data)

    async def _api(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        body, uploads = await self._body(request)
        for method, pattern, endpoint, handler in self._routes():
            match = re.fullmatch(pattern, path)
            if method != request.method or match is None:
                continue
            self.requests.append(Recorded(request.method, path, endpoint, body, uploads))
            if not endpoint.startswith(("GET ", "DELETE ")):
                problems = contract.check(endpoint, body)
                problems += contract.upload_problems(endpoint, body, uploads)
                if problems:
                    self.violations += problems
                    await self._notify()
                    return _json(
                        {"code": 50035, "message": "Invalid Form Body", "errors": problems},
                        status=400,
                    )
            needs_auth = not endpoint.split(" ")[1].startswith(("/webhooks", "/interactions"))
            if needs_auth and request.headers.get("Authorization") != f"Bot {self.token}":
                return _json({"code": 0, "message": "401: Unauthorized"}, status=401)
            # The files of this request, for the message its handler creates or edits.
            self._request_uploads = uploads
            try:
                result = await handler(body, **match.groupdict())
            except DiscordError as error:
                return _json({"code": error.code, "message": error.message}, status=error.status)
            finally:
                await self._notify()
            if result is None:
                return web.Response(status=204)
            return _json(result)
        self.violations.append(f"unexpected request {request.method} {path}")
        await self._notify()
        return _json({"code": 0, "message": "404: Not Found"}, status=404)

    @staticmethod
    async def _body(request: web.Request) -> tuple[Any, list[contract.Upload]]:
        """The JSON body (``payload_json`` of a multipart request) and the files sent."""
        if not request.can_read_body:
            return None, []
        if not request.content_type.startswith("multipart/"):
            return await request.json(), []
        body: Any = None
        uploads: list[contract.Upload] = []
        reader = await request.multipart()
        async for part in reader:
            if not isinstance(part, aiohttp.BodyPartReader):
                continue
            data = await part.read()
            if part.name == "payload_json":
                body = json.loads(data)
            else:
                uploads.append(contract.Upload(part.name or "", part.filename or "", bytes(data)))
        return body, uploads

    def _routes(self) -> list[tuple[str, str, str, Callable[..., Awaitable[Any]]]]:
        app = r"(?P<app>\d+)"
        token = r"(?P<token>[^/]+)"
        return [
            ("GET", r"/users/@me", "GET /users/@me", self._me),
            ("GET", r"/oauth2/applications/@me", "GET /oauth2/applications/@me", self._app),
            ("GET", r"/gateway/bot", "GET /gateway/bot", self._gateway_bot),
            ("GET", r"/gateway", "GET /gateway", self._gateway_bot),
            (
                "PUT",
                rf"/applications/{app}/commands",
                "PUT /applications/{application_id}/commands",
                self._put_commands,
            ),
            (
                "PUT",
                rf"/applications/{app}/guilds/(?P<guild>\d+)/commands",
                "PUT /applications/{application_id}/guilds/{guild_id}/commands",
                self._put_commands,
            ),
            (
                "POST",
                rf"/interactions/(?P<iid>\d+)/{token}/callback",
                "POST /interactions/{interaction_id}/{interaction_token}/callback",
                self._callback,
            ),
            (
                "POST",
                rf"/webhooks/{app}/{token}",
                "POST /webhooks/{webhook_id}/{webhook_token}",
                self._followup,
            ),
            (
                "PATCH",
                rf"/webhooks/{app}/{token}/messages/(?P<mid>@original)",
                "PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original",
                self._edit_webhook_message,
            ),
            (
                "PATCH",
                rf"/webhooks/{app}/{token}/messages/(?P<mid>\d+)",
                "PATCH /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}",
                self._edit_webhook_message,
            ),
            (
                "DELETE",
                rf"/webhooks/{app}/{token}/messages/(?P<mid>@original|\d+)",
                "DELETE /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}",
                self._delete_webhook_message,
            ),
            (
                "POST",
                r"/channels/(?P<channel>\d+)/messages",
                "POST /channels/{channel_id}/messages",
                self._create_message,
            ),
            (
                "PATCH",
                r"/channels/(?P<channel>\d+)/messages/(?P<mid>\d+)",
                "PATCH /channels/{channel_id}/messages/{message_id}",
                self._edit_message,
            ),
            ("GET", r"/channels/(?P<channel>\d+)", "GET /channels/{channel_id}", self._channel),
            ("POST", r"/users/@me/channels", "POST /users/@me/channels", self._open_dm),
        ]

    async def _me(self, body: Any) -> Json:
        return self.bot.payload()

    async def _app(self, body: Any) -> Json:
        return {
            "id": self.application_id,
            "name": "factbot",
            "description": "",
            "icon": None,
            "bot_public": True,
            "bot_require_code_grant": False,
            "owner": self.carol.payload(),
            "team": None,
            "verify_key": "0" * 64,
            "flags": 0,
            "rpc_origins": [],
        }

    async def _gateway_bot(self, body: Any) -> Json:
        return {
            "url": self.gateway_url,
            "shards": 1,
            "session_start_limit": {
                "total": 1000,
                "remaining": 999,
                "reset_after": 0,
                "max_concurrency": 1,
            },
        }

    async def _put_commands(self, body: list[Json], app: str, guild: str | None = None) -> Any:
        if guild is not None and guild not in (self.guild_id, self.other_guild_id):
            raise DiscordError(403, 50001, "Missing Access")
        registered = []
        for command in body:
            entry = {
                **command,
                "id": snowflake(),
                "application_id": self.application_id,
                "version": snowflake(),
                "type": command.get("type", 1),
                "default_member_permissions": command.get("default_member_permissions"),
                "nsfw": command.get("nsfw", False),
            }
            if guild is not None:
                entry["guild_id"] = guild
            registered.append(entry)
        self.commands[guild] = registered
        return registered

    def _interaction(self, token: str) -> FakeInteraction:
        interaction = self.interactions.get(token)
        if interaction is None:
            raise DiscordError(404, 10015, "Unknown Webhook")
        return interaction

    async def _callback(self, body: Json, iid: str, token: str) -> Json:
        interaction = self.interactions.get(iid)
        if interaction is None or interaction.token != token:
            raise DiscordError(404, 10062, "Unknown interaction")
        if interaction.callbacks:
            raise DiscordError(400, 40060, "Interaction has already been acknowledged.")
        interaction.callbacks.append(body)
        kind, data = body["type"], body.get("data") or {}
        channel = interaction.payload["channel_id"]
        message: Json | None = None
        if kind == 4:
            message = self._message(channel, self.bot, data, interaction=interaction)
            interaction.original = message["id"]
        elif kind == 5:
            message = self._message(
                channel, self.bot, {}, interaction=interaction, flags=LOADING | data.get("flags", 0)
            )
            interaction.original = message["id"]
        elif kind == 7:
            message = self._edit(interaction.payload["message"]["id"], data)
        answer: Json = {
            "interaction": {
                "id": interaction.id,
                "type": interaction.payload["type"],
                "response_message_id": message["id"] if message else None,
                "response_message_loading": kind == 5,
                "response_message_ephemeral": bool(message and message["flags"] & EPHEMERAL),
            }
        }
        if message is not None:
            answer["resource"] = {"type": kind, "message": message}
        return answer

    async def _followup(self, body: Json, app: str, token: str) -> Json:
        interaction = self._interaction(token)
        if not interaction.callbacks:
            raise DiscordError(404, 10015, "Unknown Webhook")
        original = interaction.original
        if (
            original
            and original not in self.deleted
            and self.messages[original]["flags"] & LOADING
            and not interaction.followups
        ):
            # The first follow-up after a deferral fills in the "thinking" message.
            return self._edit(original, body)
        message = self._message(
            interaction.payload["channel_id"], self.bot, body, interaction=interaction
        )
        interaction.followups.append(message["id"])
        return message

    def _webhook_message(self, interaction: FakeInteraction, mid: str) -> str:
        target = interaction.original if mid == "@original" else mid
        if target is None or target in self.deleted or target not in self.messages:
            raise DiscordError(404, 10008, "Unknown Message")
        return target

    async def _edit_webhook_message(self, body: Json, app: str, token: str, mid: str) -> Json:
        interaction = self._interaction(token)
        return self._edit(self._webhook_message(interaction, mid), body)

    async def _delete_webhook_message(self, body: Any, app: str, token: str, mid: str) -> None:
        interaction = self._interaction(token)
        self.deleted.add(self._webhook_message(interaction, mid))

    def _known_channel(self, channel: str) -> None:
        if channel not in self.channels and channel not in self.dm_channels.values():
            raise DiscordError(404, 10003, "Unknown Channel")

    async def _create_message(self, body: Json, channel: str) -> Json:
        self._known_channel(channel)
        self.posts[channel] = attempt = self.posts.get(channel, 0) + 1
        refusal = self.refusals.get(channel, {}).pop(attempt, None)
        if refusal is not None:
            raise DiscordError(*refusal)
        message = self._message(channel, self.bot, body)
        await self._message_created(message)
        return message

    async def _edit_message(self, body: Json, channel: str, mid: str) -> Json:
        self._known_channel(channel)
        if mid not in self.messages or mid in self.deleted:
            raise DiscordError(404, 10008, "Unknown Message")
        return self._edit(mid, body)

    async def _channel(self, body: Any, channel: str) -> Json:
        self._known_channel(channel)
        if channel in self.channels:
            return self.channels[channel]
        user = next(u for u, c in self.dm_channels.items() if c == channel)
        return {"id": channel, "type": 1, "recipients": [self.users[user].payload()]}

    async def _open_dm(self, body: Json) -> Json:
        user = self.users[body["recipient_id"]]
        channel = self.dm_channel(user)
        return {"id": channel, "type": 1, "recipients": [user.payload()]}
