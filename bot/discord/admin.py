"""Who may change the fact base from Discord, what an upload may be, and the index report.

Admins are members of one of the configured admin servers (``discord.admin_guild_ids``, else
``discord.guild_id``) with the Manage Server permission or the role named by
``discord.admin_role``. Holding Manage Server in some other server counts for nothing: anyone
can add a public bot to a server of their own. Only admins may add articles (``/ingest``) or
rescan the folder (``/reindex``); nobody can in a DM, where there is no server to manage.

An upload becomes a file in the knowledge folder, so the folder stays the one source of truth
and a later re-index from the command line sees the same articles. It never replaces an
article silently: a file name or an article id that is already taken is refused, naming the
article, unless the admin confirms with ``replace``; an id taken by another file that is
still there is refused even then, since that file keeps it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import discord

from bot.config import DiscordSettings
from bot.indexer import IndexReport
from bot.ingest import MAX_ARTICLE_BYTES, SUFFIXES, Raw, read_file, supported
from bot.ingest.characters import has_controls, shown
from bot.render.markdown import escape
from bot.store import Store

LISTED_IDS = 10
LISTED_FAILURES = 5
LISTED_REPLACED = 3
LINE_CHARS = 300


class UploadError(Exception):
    """The attached file cannot become an article file; the message says why."""


def in_admin_server(interaction: discord.Interaction, settings: DiscordSettings) -> bool:
    return interaction.guild_id is not None and interaction.guild_id in settings.admin_guilds


def is_admin(interaction: discord.Interaction, settings: DiscordSettings) -> bool:
    """Manage Server, or the configured admin role, in one of the admin servers."""
    member = interaction.user
    if not in_admin_server(interaction, settings) or not isinstance(member, discord.Member):
        return False
    if interaction.permissions.manage_guild:
        return True
    wanted = settings.admin_role.casefold() if settings.admin_role else None
    return wanted is not None and any(role.name.casefold() == wanted for role in member.roles)


def refusal(command: str, interaction: discord.Interaction, settings: DiscordSettings) -> str:
    if not in_admin_server(interaction, settings):
        return f"/{command} works only in the server this bot belongs to."
    role = f" or the “{settings.admin_role}” role" if settings.admin_role else ""
    return f"/{command} is for server admins: it needs the Manage Server permission{role}."


def upload_name(filename: str, size: int) -> str:
    """The file name an upload is saved under, or ``UploadError`` if it is not acceptable."""
    name = Path(filename.replace("\\", "/")).name
    if has_controls(filename):
        raise UploadError("the file name holds control characters; rename the file")
    if not name or name.startswith(".") or not supported(Path(name)):
        raise UploadError(
            f"“{escape(filename)}” is not an article file; attach one of: {', '.join(SUFFIXES)}"
        )
    if size > MAX_ARTICLE_BYTES:
        raise UploadError(
            f"“{escape(name)}” is {size:,} bytes; the limit is {MAX_ARTICLE_BYTES:,} bytes"
        )
    return name


def save_upload(folder: Path, name: str, data: bytes) -> Path:
    """Write ``data`` to ``folder/name`` atomically (an indexer never sees half a file)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    partial = folder / f".{name}.uploading"
    partial.write_bytes(data)
    os.replace(partial, target)
    return target


@dataclass(frozen=True, slots=True)
class Upload:
    """A saved upload: where it is, and what it replaced (said to the admin first)."""

    path: Path
    replaced: str = ""


def _named(store: Store, ids: list[str]) -> str:
    """“Title” (id), for a few articles, and how many more."""
    titles = store.read.article_meta(ids[:LISTED_REPLACED])
    shown = ", ".join(
        f"“{escape(titles[i]['title'])}” ({escape(i)})" if i in titles else escape(i)
        for i in ids[:LISTED_REPLACED]
    )
    more = len(ids) - LISTED_REPLACED
    return shown + (f" and {more} more" if more > 0 else "")


def place_upload(store: Store, folder: Path, name: str, data: bytes, replace: bool) -> Upload:
    """Save an upload into the knowledge folder after checking what it would replace.

    Runs on the writer thread, so no indexing run and no other upload comes between the
    check and the save. Raises ``UploadError`` (nothing saved) when the file name or one of
    its article ids is taken and ``replace`` is not set, or when an id belongs to an article
    of another file that is still there (indexing keeps that one: see ``bot.indexer``).
    """
    target = folder.resolve() / name
    owners = store.article_sources()
    ids = [item.id for item in read_file(target, data) if isinstance(item, Raw)]
    for article_id in ids:
        owner = owners.get(article_id)
        if owner and owner != str(target) and Path(owner).exists():
            raise UploadError(
                f"“{escape(name)}” was not saved: its article id “{escape(article_id)}” "
                f"is already {_named(store, [article_id])} from {escape(Path(owner).name)}. "
                "Give the article another id, or remove that file first."
            )
    taken = sorted(
        {i for i, path in owners.items() if path == str(target)}.union(
            i for i in ids if i in owners
        )
    )
    if not replace and (taken or target.exists()):
        what = _named(store, taken) if taken else f"the file “{escape(name)}”"
        raise UploadError(
            f"“{escape(name)}” was not saved: it would replace {what}. "
            "To replace, run /ingest again with replace: True."
        )
    path = save_upload(folder, name, data)
    return Upload(path, f"Replaced {_named(store, taken)}.\n" if taken else "")


def _listing(label: str, ids: list[str]) -> str:
    shown = ", ".join(escape(i) for i in ids[:LISTED_IDS])
    more = f" and {len(ids) - LISTED_IDS} more" if len(ids) > LISTED_IDS else ""
    return f"{label} {len(ids)}: {shown}{more}"[:LINE_CHARS]


def report_text(report: IndexReport) -> str:
    """An index report as a short message, well under Discord's 2000 characters."""
    lines = [
        _listing(label, ids)
        for label, ids in (
            ("Added", report.added),
            ("Updated", report.updated),
            ("Unchanged", report.unchanged),
        )
        if ids
    ]
    for failure in report.failed[:LISTED_FAILURES]:
        where = Path(failure.path).name + (f":{failure.line}" if failure.line else "")
        lines.append(f"Failed: {escape(shown(where))}: {escape(failure.message)}"[:LINE_CHARS])
    if len(report.failed) > LISTED_FAILURES:
        lines.append(f"… and {len(report.failed) - LISTED_FAILURES} more failures (see the log)")
    return "\n".join(lines) or "No article files found."
