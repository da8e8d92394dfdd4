"""What Discord accepts: request bodies checked against the OpenAPI description and the docs.

Two layers, because the published description is known to be looser than the documentation
(see the spec's SOURCE.md): the JSON Schema of each endpoint's body, then the documented
limits the schema lacks or states more loosely (2000-character content, 6000 characters of
embed text per message, 25 autocomplete choices of at most 100 characters, the command-name
pattern). A third check is the team's own rule that no message may ping anyone: every body
that carries content or embeds must say ``allowed_mentions`` with nothing to parse.

Files are sent as multipart/form-data: the JSON body in a ``payload_json`` part and each file
in a ``files[n]`` part, described by the entry of ``attachments`` whose ``id`` is ``n``
(``upload_problems``). The documentation writes that id as the integer ``n``, where the
description's schema asks for a snowflake string; as elsewhere, the documentation wins, so
an integer id is read as its string before the schema check.

The full description is read from ``../shared/discord-api-spec/openapi.json`` next to the
repository when it exists, otherwise from the extract kept beside this module.
"""

from __future__ import annotations

import copy
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from .extract_spec import EXTRACT, request_schemas

REPO_ROOT = Path(__file__).resolve().parents[2]
FULL_SPEC = REPO_ROOT.parent / "shared" / "discord-api-spec" / "openapi.json"

CONTENT_MAX = 2000
EMBEDS_MAX = 10
EMBED_TOTAL_MAX = 6000
EMBED_LIMITS = {"title": 256, "description": 4096}
FIELDS_MAX = 25
FIELD_NAME_MAX = 256
FIELD_VALUE_MAX = 1024
FOOTER_MAX = 2048
AUTHOR_MAX = 256
CHOICES_MAX = 25
CHOICE_MAX = 100
NAME_MAX = 32
DESCRIPTION_MAX = 100
OPTIONS_MAX = 25
CHAT_COMMANDS_MAX = 100

# Interaction callback types that carry a message body.
MESSAGE_CALLBACKS = {4, 7}
FILES_MAX = 10
# The upload limit the fake's interactions announce (``attachment_size_limit``).
ATTACHMENT_SIZE_MAX = 10 * 1024 * 1024
_FILE_PART = re.compile(r"^files\[(\d+)\]$")
# Endpoints that take files.
_FILE_ENDPOINTS = frozenset(
    (
        "POST /interactions/{interaction_id}/{interaction_token}/callback",
        "POST /webhooks/{webhook_id}/{webhook_token}",
        "PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original",
        "PATCH /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}",
        "POST /channels/{channel_id}/messages",
        "PATCH /channels/{channel_id}/messages/{message_id}",
    )
)


@dataclass(frozen=True)
class Upload:
    """One file part of a multipart request: its part name ("files[0]"), name and bytes."""

    field: str
    filename: str
    data: bytes

    @property
    def index(self) -> str:
        """The n of "files[n]", as the id its attachment description gives ("" if none)."""
        match = _FILE_PART.match(self.field)
        return match.group(1) if match else ""


def attachments_of(body: Any) -> list[dict[str, Any]]:
    """The attachment descriptions of a message body (inside ``data`` for a callback)."""
    if not isinstance(body, dict):
        return []
    holder = body.get("data") if "data" in body and "type" in body else body
    found = (holder or {}).get("attachments") if isinstance(holder, dict) else None
    return [a for a in found if isinstance(a, dict)] if isinstance(found, list) else []


def upload_problems(endpoint: str, body: Any, uploads: list[Upload]) -> list[str]:
    """Every way the files of a multipart request break the documented rules."""
    if not uploads:
        return []
    if endpoint not in _FILE_ENDPOINTS:
        return [f"{endpoint}: files sent to an endpoint that takes none"]
    problems: list[str] = []
    if len(uploads) > FILES_MAX:
        problems.append(f"{len(uploads)} files, at most {FILES_MAX}")
    described = {str(a.get("id")): a for a in attachments_of(body)}
    for upload in uploads:
        at = f"multipart part {upload.field!r}"
        if not upload.index:
            problems.append(f"{at}: file parts are named files[n]")
            continue
        if not 0 < len(upload.data) <= ATTACHMENT_SIZE_MAX:
            problems.append(f"{at}: {len(upload.data)} bytes, 1 to {ATTACHMENT_SIZE_MAX}")
        meta = described.get(upload.index)
        if meta is None:
            problems.append(f"{at}: no attachments entry with id {upload.index}")
        elif meta.get("filename") not in (None, upload.filename):
            problems.append(f"{at}: attachments[].filename {meta.get('filename')!r} differs")
        if not upload.filename:
            problems.append(f"{at}: no file name")
    return [f"{endpoint}: {p}" for p in problems]


def _documented_ids(body: Any) -> Any:
    """``body`` with integer attachment ids (as the documentation writes them) as strings."""
    if not attachments_of(body):
        return body
    body = copy.deepcopy(body)
    for attachment in attachments_of(body):
        if isinstance(attachment.get("id"), int):
            attachment["id"] = str(attachment["id"])
    return body


@cache
def spec_document() -> dict[str, Any]:
    """Endpoint body schemas plus components, from the full spec if present, else the extract."""
    if FULL_SPEC.is_file():
        return request_schemas(json.loads(FULL_SPEC.read_text(encoding="utf-8")))
    return json.loads(EXTRACT.read_text(encoding="utf-8"))


@cache
def _validator(endpoint: str) -> Draft202012Validator:
    document = spec_document()
    # References are written "#/components/schemas/X": give them the components as root.
    schema = {**document["endpoints"][endpoint], "components": document["components"]}
    return Draft202012Validator(schema)


def _path(error_path: Any) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error_path) or "."


def _is_name(name: Any) -> bool:
    """Discord's ``^[-_\\p{L}\\p{N}]{1,32}$``, lowercase where the letter has a lowercase."""
    if not isinstance(name, str) or not 1 <= len(name) <= NAME_MAX:
        return False
    if name != name.lower():
        return False
    return all(c in "-_" or unicodedata.category(c)[0] in "LN" for c in name)


def _embed_problems(embeds: list[dict[str, Any]], where: str) -> list[str]:
    problems: list[str] = []
    if len(embeds) > EMBEDS_MAX:
        problems.append(f"{where}: {len(embeds)} embeds, at most {EMBEDS_MAX}")
    total = 0
    for n, embed in enumerate(embeds):
        at = f"{where}[{n}]"
        for key, limit in EMBED_LIMITS.items():
            text = embed.get(key) or ""
            total += len(text)
            if len(text) > limit:
                problems.append(f"{at}.{key}: {len(text)} characters, at most {limit}")
        fields = embed.get("fields") or []
        if len(fields) > FIELDS_MAX:
            problems.append(f"{at}.fields: {len(fields)} fields, at most {FIELDS_MAX}")
        for m, field in enumerate(fields):
            name, value = field.get("name") or "", field.get("value") or ""
            total += len(name) + len(value)
            if not name or len(name) > FIELD_NAME_MAX:
                problems.append(f"{at}.fields[{m}].name: {len(name)} characters, 1-256")
            if not value or len(value) > FIELD_VALUE_MAX:
                problems.append(f"{at}.fields[{m}].value: {len(value)} characters, 1-1024")
        footer = (embed.get("footer") or {}).get("text") or ""
        author = (embed.get("author") or {}).get("name") or ""
        total += len(footer) + len(author)
        if len(footer) > FOOTER_MAX:
            problems.append(f"{at}.footer.text: {len(footer)} characters, at most {FOOTER_MAX}")
        if len(author) > AUTHOR_MAX:
            problems.append(f"{at}.author.name: {len(author)} characters, at most {AUTHOR_MAX}")
    if total > EMBED_TOTAL_MAX:
        problems.append(f"{where}: {total} characters of embed text, at most {EMBED_TOTAL_MAX}")
    return problems


def _message_problems(body: dict[str, Any], where: str) -> list[str]:
    """Documented message limits, and the rule that nothing may ping anyone."""
    problems: list[str] = []
    content = body.get("content")
    if isinstance(content, str) and len(content) > CONTENT_MAX:
        problems.append(f"{where}.content: {len(content)} characters, at most {CONTENT_MAX}")
    embeds = body.get("embeds")
    if isinstance(embeds, list):
        problems += _embed_problems(embeds, f"{where}.embeds")
    if content or embeds:
        mentions = body.get("allowed_mentions")
        if (
            not isinstance(mentions, dict)
            or mentions.get("parse") != []
            or mentions.get("users")
            or mentions.get("roles")
            or mentions.get("replied_user")
        ):
            problems.append(f"{where}.allowed_mentions: {mentions!r} may ping; must parse nothing")
    return problems


def _option_problems(options: list[dict[str, Any]], where: str) -> list[str]:
    problems: list[str] = []
    if len(options) > OPTIONS_MAX:
        problems.append(f"{where}: {len(options)} options, at most {OPTIONS_MAX}")
    seen_optional = False
    for n, option in enumerate(options):
        at = f"{where}[{n}]"
        if not _is_name(option.get("name")):
            problems.append(f"{at}.name: {option.get('name')!r} is not a valid option name")
        description = option.get("description") or ""
        if not 1 <= len(description) <= DESCRIPTION_MAX:
            problems.append(f"{at}.description: {len(description)} characters, 1-100")
        if option.get("required"):
            if seen_optional:
                problems.append(f"{at}: required option after an optional one")
        else:
            seen_optional = True
        if option.get("choices") and option.get("autocomplete"):
            problems.append(f"{at}: choices and autocomplete are exclusive")
        problems += _option_problems(option.get("options") or [], f"{at}.options")
    return problems


def _commands_problems(commands: list[dict[str, Any]]) -> list[str]:
    problems: list[str] = []
    chat = [c for c in commands if c.get("type", 1) == 1]
    if len(chat) > CHAT_COMMANDS_MAX:
        problems.append(f"body: {len(chat)} slash commands, at most {CHAT_COMMANDS_MAX}")
    names = [c.get("name") for c in chat]
    if len(set(names)) != len(names):
        problems.append(f"body: duplicate command names in {names}")
    for n, command in enumerate(chat):
        at = f"body[{n}]"
        if not _is_name(command.get("name")):
            problems.append(f"{at}.name: {command.get('name')!r} is not a valid command name")
        description = command.get("description") or ""
        if not 1 <= len(description) <= DESCRIPTION_MAX:
            problems.append(f"{at}.description: {len(description)} characters, 1-100")
        problems += _option_problems(command.get("options") or [], f"{at}.options")
    return problems


def _callback_problems(body: dict[str, Any]) -> list[str]:
    kind, data = body.get("type"), body.get("data") or {}
    if kind in MESSAGE_CALLBACKS:
        return _message_problems(data, "body.data")
    if kind != 8:
        return []
    choices = data.get("choices") or []
    problems: list[str] = []
    if len(choices) > CHOICES_MAX:
        problems.append(f"body.data.choices: {len(choices)} choices, at most {CHOICES_MAX}")
    for n, choice in enumerate(choices):
        name, value = choice.get("name") or "", choice.get("value")
        if not 1 <= len(name) <= CHOICE_MAX:
            problems.append(f"body.data.choices[{n}].name: {len(name)} characters, 1-100")
        if isinstance(value, str) and len(value) > CHOICE_MAX:
            problems.append(f"body.data.choices[{n}].value: {len(value)} characters, at most 100")
    return problems


def check(endpoint: str, body: Any) -> list[str]:
    """Every way ``body`` breaks the description or the documented limits; empty if none.

    ``endpoint`` is "METHOD /path/template" as listed in ``extract_spec.ENDPOINTS``.
    """
    problems = [
        f"{_path(error.absolute_path)}: {error.message}"
        for error in _validator(endpoint).iter_errors(_documented_ids(body))
    ]
    if endpoint.endswith("/commands"):
        problems += _commands_problems(body if isinstance(body, list) else [])
    elif endpoint.endswith("/callback"):
        problems += _callback_problems(body if isinstance(body, dict) else {})
    elif endpoint != "POST /users/@me/channels":
        problems += _message_problems(body if isinstance(body, dict) else {}, "body")
    return [f"{endpoint}: {p}" for p in problems]
