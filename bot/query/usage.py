"""The commands, as users type them: one list for /help, usage hints and error messages."""

from __future__ import annotations

HELP: list[tuple[str, str]] = [
    ("/who NAME", "who or what NAME is: type, other names, roles, and cited sentences"),
    ("/figures TOPIC", "numbers reported about TOPIC by measure, newest first, with a timeline"),
    ("/quote NAME [ABOUT]", "all NAME said in direct quotes, newest first, optionally about ABOUT"),
    ("/search TEXT", "sentences containing the words of TEXT, best matches first"),
    ("/articles", "the indexed articles with how many facts each gave"),
    ("/article ID", "everything drawn from one article"),
    ("/help", "this list"),
]

# "who" -> "/who NAME"
USAGE = {usage.split()[0].lstrip("/"): usage for usage, _ in HELP}


def help_text() -> str:
    """The command list, one command a line."""
    return "\n".join(f"{usage} — {what}" for usage, what in HELP)
