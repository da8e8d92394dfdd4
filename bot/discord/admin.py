"""Who may change the fact base from Discord, what an upload may be, and the index report.

Only members with the Manage Server permission, or with the role named by
``discord.admin_role``, may add articles (``/ingest``) or rescan the folder (``/reindex``);
nobody can in a DM, where there is no server to manage. An upload becomes a file in the
knowledge folder, so the folder stays the one source of truth and a later re-index from the
command line sees the same articles.
"""

from __future__ import annotations

import os
from pathlib import Path

import discord

from bot.indexer import IndexReport
from bot.ingest import MAX_ARTICLE_BYTES, SUFFIXES, supported
from bot.render.markdown import escape

LISTED_IDS = 10
LISTED_FAILURES = 5
LINE_CHARS = 300


class UploadError(Exception):
    """The attached file cannot become an article file; the message says why."""


def is_admin(interaction: discord.Interaction, admin_role: str | None) -> bool:
    """Manage Server in this guild, or the configured admin role."""
    member = interaction.user
    if interaction.guild is None or not isinstance(member, discord.Member):
        return False
    if interaction.permissions.manage_guild:
        return True
    wanted = admin_role.casefold() if admin_role else None
    return wanted is not None and any(role.name.casefold() == wanted for role in member.roles)


def refusal(command: str, admin_role: str | None) -> str:
    role = f" or the “{admin_role}” role" if admin_role else ""
    return f"/{command} is for server admins: it needs the Manage Server permission{role}."


def upload_name(filename: str, size: int) -> str:
    """The file name an upload is saved under, or ``UploadError`` if it is not acceptable."""
    name = Path(filename.replace("\\", "/")).name
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
        lines.append(f"Failed: {escape(where)}: {escape(failure.message)}"[:LINE_CHARS])
    if len(report.failed) > LISTED_FAILURES:
        lines.append(f"… and {len(report.failed) - LISTED_FAILURES} more failures (see the log)")
    return "\n".join(lines) or "No article files found."
