"""Making article text inert in Discord markdown.

Article text is data, not formatting: a headline with ``*`` or ``_`` must not turn bold, a
sentence quoting ``@everyone`` or ``<@123>`` must not ping anyone, and ``[text](url)`` must not
become a disguised link. Messages are also sent with mentions disabled; escaping is the
second lock, and it keeps the text looking as written.
"""

from __future__ import annotations

import re

# Characters Discord markdown gives a meaning to anywhere in a line ("<" opens mentions).
_SPECIAL = re.compile(r"([\\*_`~|>\[\]<])")
# Markers that only mean something at the start of a line: headings, lists, subtext.
_LINE_START = re.compile(r"^(\s*)(#|-#|-|\+|\d+\.)(?=\s)")
_MASS_MENTION = re.compile(r"@(everyone|here)", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_ZERO_WIDTH_SPACE = "\u200b"


def escape(text: str) -> str:
    """``text`` on one line, shown literally by Discord and unable to ping or link."""
    flat = _SPACES.sub(" ", text).strip()
    escaped = _SPECIAL.sub(r"\\\1", flat)
    escaped = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)
    return _MASS_MENTION.sub(lambda m: "@" + _ZERO_WIDTH_SPACE + m.group(1), escaped)


def safe_url(url: str | None) -> str | None:
    """A web address usable as a link target, or None if it is not a plain http(s) one."""
    if not url or not re.match(r"^https?://[^\s<>]+$", url):
        return None
    return url.replace("(", "%28").replace(")", "%29")
