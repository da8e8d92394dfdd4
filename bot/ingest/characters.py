"""Characters that no article carries past ingestion, and showing the ones that arrive.

Article text is shown on terminals and in Discord. A terminal obeys escape sequences found
in it (``ESC [2J`` clears the screen, ``ESC ]0;…BEL`` retitles the window) and other control
characters; Discord shows them as garbage. A lone surrogate (``"\\ud800"`` in a JSON line)
is not a character at all: it cannot be written as UTF-8, so SQLite, a terminal and Discord
all refuse it. Both are removed here, once, at the edge of the program, so that nothing
after ingestion has to think about them.
"""

from __future__ import annotations

import re
import unicodedata

REPLACEMENT = "\ufffd"
MAX_ID_CHARS = 200
# Spaces and marks around a question's words, which are dropped from them.
EDGE_MARKS = " \t\n?!.,;:\"'“”‘’«»"
# Unicode categories of characters that show nothing or reorder text: format (bidi
# controls, zero-width), line and paragraph separators, private use, unassigned.
_INVISIBLE_CATEGORIES = frozenset({"Cf", "Zl", "Zp", "Co", "Cn"})

# Whole escape sequences (so that "[2J" does not stay behind as text): CSI sequences (ESC [
# or the 8-bit CSI), OSC strings up to their terminator (BEL, ESC \ or the 8-bit ST), and the
# short ESC sequences (ESC c resets a terminal, ESC ( B picks a character set); then every
# other C0 and C1 control character and DEL, except tab, newline and carriage return, which
# are spacing.
_UNWANTED = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]{0,2000}(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-~]"
    r"|[\x00-\x08\x0e-\x1f\x7f-\x9f]"
)
_ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_UNSHOWABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def strip_controls(text: str) -> str:
    """``text`` without terminal escape sequences and control characters."""
    # Vertical tab and form feed break lines: they become newlines, not nothing.
    return _UNWANTED.sub("", text.replace("\x0b", "\n").replace("\x0c", "\n"))


def has_controls(text: str) -> bool:
    """Whether ``text`` holds a control character (tab and newline included)."""
    return bool(_ANY_CONTROL.search(text))


def has_surrogates(text: str) -> bool:
    """Whether ``text`` holds a lone surrogate, which no encoding can write."""
    return not text.isascii() and bool(_SURROGATE.search(text))


def repair_surrogates(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD, the replacement character."""
    return _SURROGATE.sub(REPLACEMENT, text) if has_surrogates(text) else text


def shown(text: str) -> str:
    """``text`` safe to print in a message: control characters and lone surrogates are
    written as escapes (``\\x1b``, ``\\ud800``), so a file name cannot drive a terminal."""
    return _UNSHOWABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def id_problem(article_id: str) -> str | None:
    """Why ``article_id`` cannot name an article, or None. An id is typed by users (in
    "/article ID") and printed everywhere, so it is plain text of at most ``MAX_ID_CHARS``
    characters: no control, format or invisible characters (bidi controls, line
    separators), no lone surrogates, no ".." (it could read as a path), and it neither
    starts nor ends with a space or with punctuation a question drops (``EDGE_MARKS``),
    so that "/article ID" always reaches it."""
    if not article_id:
        return "is empty"
    if len(article_id) > MAX_ID_CHARS:
        return f"is over {MAX_ID_CHARS} characters"
    if has_surrogates(article_id):
        return "is not valid Unicode (it holds a lone surrogate)"
    if has_controls(article_id) or any(
        unicodedata.category(c) in _INVISIBLE_CATEGORIES for c in article_id
    ):
        return "holds control characters or invisible ones"
    if article_id.strip(EDGE_MARKS) != article_id:
        return "starts or ends with a space or a mark a question drops"
    if ".." in article_id:
        return 'holds ".."'
    return None
