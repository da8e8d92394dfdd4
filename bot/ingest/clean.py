"""Cleaning scraped news text into prose that facts can be cited against.

Scrapers leave debris: HTML entities with their ampersand lost or spaced out (``,quot;``,
``& # 39;``, ``&amp;amp;``), template placeholders (``%MINIFYHTML…%``), a ``date
YYYY-MM-DD`` header, page furniture ("Contact Us", "Advertisement"), a comment form's
trailer with its spam-check sum (``53 + = 54``), mojibake, unicode quotes and odd spaces.
Every rule here is about the *shape* of such debris, never about a particular article.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

import ftfy

from bot.ingest.characters import strip_controls

# "&quot;" whose ampersand became a comma or a space, or spaced-out numeric entities.
_NAMED = "quot|amp|apos|lt|gt|nbsp|rsquo|lsquo|rdquo|ldquo|mdash|ndash|hellip|laquo|raquo"
_BROKEN_NAMED = re.compile(rf"(?:&|,|&\s+)({_NAMED});", re.IGNORECASE)
_BROKEN_NUMERIC = re.compile(r"&\s*#\s*(x[0-9a-f]{1,6}|[0-9]{1,7})\s*;", re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]{0,500})?/?>")
_PLACEHOLDER = re.compile(
    r"%[A-Z][A-Z0-9_]{2,}[0-9a-fA-F]*%|\{\{[^{}\n]{0,200}\}\}|\[(?:pull)?quote\]|\[/?[a-z_]+\]"
)
# Credits and tags inside a paragraph: "(AP Photo/Jane Doe)", "[ID: nL5E8N3792]", and a
# gallery's "Hide Caption 3 of 5". The caption is tried at every word, which is slow, so
# texts that cannot hold it (no "de capt" in lower case) get the bracketed forms alone.
_BRACKETED = r"\([^()\n]{0,60}\bPhoto\b[^()\n]{0,80}\)|\[ID:[^\]\n]{0,40}\]"
_INLINE_FURNITURE = re.compile(_BRACKETED + r"|\bHide Caption\b(?: \d+ of \d+)?", re.IGNORECASE)
_BRACKETED_FURNITURE = re.compile(_BRACKETED, re.IGNORECASE)
# The markers around an embedded post: "Skip Twitter post 2 by @harbourdesk", "End of
# Instagram post by @harbourdesk". The post's own words stay.
_EMBED_MARKER = re.compile(
    r"\b(?:Skip|End of) (?:Twitter|Facebook|Instagram|YouTube|TikTok) (?:post|content)"
    r"(?: \d{1,3})?(?: by @?[\w.]{1,40})?"
)
# A hover card: a linked name, the person's full name (nicknames in brackets) glued to a
# teaser of other stories, up to "MORE": "Ted Cruz Rafael (Ted) Edward CruzGOP turns ... MORE".
# The full name ends in the linked name's last word; only the linked name is kept.
_NAME_WORD = r"[A-Z][\w'’.-]*"
_HOVER_CARD = re.compile(
    rf"\b(?P<link>(?:{_NAME_WORD} ){{0,3}}(?P<last>[A-Z][\w'’-]+)) "
    rf"(?:(?:{_NAME_WORD}|\({_NAME_WORD}\)) ){{0,5}}(?P=last)(?=[A-Z0-9'\"])"
    r"[^\n]{0,600}?\bMORE\b(?: ?\([^()\n]{0,30}\))?"
)
# A sentence glued to the next one: "he said.Further" -> "he said. Further". (Patterns here
# start with the character they are about and look behind afterwards: the regex engine scans
# for a leading character quickly, but tries a leading look-behind at every position.)
_GLUED = re.compile(r"[.!?](?<=[a-z][.!?])(?=\"?[A-Z][a-z])")
# A paragraph broken inside a sentence: "have been\n\nkilled".
_BROKEN_PARAGRAPH = re.compile(r"\n\n(?<=[a-z,]\n\n)(?=[a-z])")
# Possessive quantifiers (``*+``) never give back what they took, so that a long run of
# blank lines or spaces is read once, not once for every way to split it.
_DATE_HEADER = re.compile(
    r"\A\s*+(?:(?:date|published|posted|updated)\s*+)?:?\s*+(\d{4})-(\d{2})-(\d{2})\b[^\n]*\n",
    re.IGNORECASE,
)
# UTF-8 read as Windows-1252 starts each damaged character with one of these ("â€™").
_MOJIBAKE_LEADS = "ÃÂâ"
_MOJIBAKE_HINT = re.compile(f"[{_MOJIBAKE_LEADS}][\u0080-\u00bf\u2000-\u20ff]")
_QUOTES = {
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2033": '"',
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u00b4": "'",
    "\u2013": "-",
    "\u2014": " - ",
    "\u2212": "-",
    "\u2026": "...",
}
# Replacing the few marks a text has is much faster than str.translate over all of it.
_QUOTE_MARKS = re.compile("|".join(map(re.escape, _QUOTES)))
# Runs of spacing other than a lone plain space, which is already what a run becomes.
_ODD_SPACES = "\t\u00a0\u2028\u2029\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))
_SPACES = re.compile(f" [ {_ODD_SPACES}]+|[{_ODD_SPACES}][ {_ODD_SPACES}]*")
_INVISIBLES = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE = re.compile(f"[{_INVISIBLES}]")
_PUNCTUATION = ".,;:!?"
_SPACE_BEFORE_PUNCT = re.compile(rf" (?<=\w ) *([{_PUNCTUATION}])(?=\s|$|\")")
# A closing quotation mark pushed off its sentence: `conflict. "` at a paragraph's end.
_DETACHED_CLOSE = re.compile(r'([.,!?]) +"(?=\s*$)', re.MULTILINE)

# Whole lines that are page furniture, not article text.
_FURNITURE = re.compile(
    r"""^(?:
        contact\s+us | advertisement | story\s+continued\s+below | related(?:\s+articles?)?:?
      | share\s+(?:this|on\s+\w+)(?:\s+\w+)? | follow\s+us(?:\s+on\s+\w+)? | read\s+more:?
      | sign\s+up\b.{0,120} | subscribe\b.{0,80} | click\s+here\b.{0,120}
      | (?:image|photo|video)\s+(?:copyright|caption|credit)\b.{0,120}
      | copyright\s+(?:©\s*)?\d{4}\b.{0,160} | ©.{0,160} | all\s+rights\s+reserved\.?
      | (?:please\s+)?(?:log\s*in|sign\s*in)\s+to\s+comment\.? | print | email | tweet
      | more\s+on\s+this\.* | (?:\S+\s){0,2}\S+:  # a short lead-in to links, such as "Plus:"
      | advertisement\b.{0,60}
      | (?:photos?|videos?|image|replay|hide\s+caption|more\s+videos)
        (?:\s*[:|].{0,60}|\s+\d+\s+of\s+\d+)?
      | (?:next|prev(?:ious)?|toggle)\s+(?:image|caption|photo)\b.{0,60}
      | (?:just|must)\s+watch(?:ed)?\b.* | hide\s+caption\b.* | \d{1,2}:\d{2}
      | media\s+playback\b.* | enlarge\s+this\s+image\b.*
      | please\s+verify\s+you.{0,40} | replay\s+more\s+videos\b.*
      | (?:see\s+also|read\s+(?:also|more|or\s+share))\b.{0,200} | related(?:\s\w+)?\s*:.{0,200}
      | (?:additional\s+)?(?:reporting|editing|writing)\s+by\b.{0,200}
      | our\s+standards:.* | write\s+to\s+\S.{0,80}@.* | tags\s*:.{0,200}
      | tags(?-i:(?:\s+[A-Z][\w-]*){1,15}) | (?:last\s+)?updated\s*(?::|at|on)\b.{0,40}
      | \d+\s+(?:years?|months?|weeks?|days?|hours?|minutes?)\s+ago
      | follow\s+@\w+ | contributing:.{0,120}
      | this\s+(?:article|story|post|page)\s+is\s+(?:more\s+than\s+)?\w+\s+\w+\s+old\.?
      | (?-i:[A-Z][A-Z /&-]{2,40}):(?!.{0,100}[.?!]["'\u201d)]?\s*$).{0,100}  # "LIVE: Updates"
      | \(\s*[A-Za-z][\w ]{0,30}:[^()]{0,120}\)  # a bracketed promotion: "( PHOTOS: ...)"
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# Furniture lines recognised by a word inside them. Trying these at every character is slow,
# so they are only tried on lines whose lower case holds one of _MENTION_HINTS (their words
# without the letters i, k and s, which case-insensitive matching also pairs with
# non-ASCII characters).
_FURNITURE_MENTIONS = re.compile(
    r"^(?:.*pic\.twitter\.com.*|.{0,80}\bnewsletters?\b.{0,80}"
    r"|.{0,120}\bvote\s+(?:here|in\b.{0,40}\bpoll)\b.{0,10})\s*$",
    re.IGNORECASE,
)
_MENTION_HINTS = ("tter.com", "letter", "vote")
# Lines from which everything to the end is a comment form or site footer.
_TRAILER = re.compile(
    r"^(?:leave\s+a\s+(?:reply|comment)|post\s+a\s+comment|add\s+a\s+comment|\d*\s*comments?"
    r"|your\s+email\s+address\s+will\s+not\s+be\s+published\b.*)\s*$",
    re.IGNORECASE,
)
# A spam-check sum such as "53 + = 54" or "7 x 3 = ?".
_CAPTCHA = re.compile(r"^\s*\d{1,3}\s*[-+x×*−]\s*\d{0,3}\s*=\s*\d{0,3}\s*\??\s*$")


def _sub(
    pattern: re.Pattern[str],
    replacement: str | Callable[[re.Match[str]], str],
    text: str,
    needles: Iterable[str],
) -> str:
    """``pattern.sub``, skipped when ``text`` holds none of ``needles``, one of which every
    match contains. Each regex pass over a long text costs more than finding a character
    in it, and most texts hold nothing that most of these patterns are about."""
    if any(needle in text for needle in needles):
        return pattern.sub(replacement, text)
    return text


@dataclass(slots=True)
class Cleaned:
    """The cleaned body plus what was learnt while cleaning it."""

    text: str
    published: str | None = None
    notes: list[str] = field(default_factory=list)


def iso_date(value: str | None) -> str | None:
    """``value``'s leading YYYY-MM-DD if it is a real calendar date, else None."""
    try:
        return date.fromisoformat(value[:10]).isoformat() if value else None
    except ValueError:
        return None


def fix_entities(text: str) -> str:
    """Decode HTML entities, including the broken forms scrapers leave."""
    text = _BROKEN_NUMERIC.sub(lambda m: f"&#{m.group(1)};", text)
    text = _sub(_BROKEN_NAMED, lambda m: f"&{m.group(1).lower()};", text, ";")
    for _ in range(4):  # "&amp;amp;quot;" needs several rounds
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    return text


def normalise_characters(text: str) -> str:
    """Repair mojibake, unify quotes, dashes and spaces, drop invisible characters and
    terminal control sequences."""
    if any(c in text for c in _MOJIBAKE_LEADS) and _MOJIBAKE_HINT.search(text):
        text = ftfy.fix_encoding(text)  # before controls go: mojibake is made of C1 bytes
    text = strip_controls(text)
    text = unicodedata.normalize("NFC", text)
    text = _sub(_QUOTE_MARKS, lambda m: _QUOTES[m.group()], text, _QUOTES)
    text = _sub(_INVISIBLE, "", text, _INVISIBLES)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _keep_line(line: str) -> bool:
    """Whether a line is article text, not page furniture or a spam check."""
    if _FURNITURE.match(line) or _CAPTCHA.match(line):
        return False
    lower = line.lower()
    return not (any(h in lower for h in _MENTION_HINTS) and _FURNITURE_MENTIONS.match(line))


def _clean_inline(text: str) -> str:
    """Debris inside lines: entities, tags, placeholders, credits, hover cards, glued
    sentences and odd spaces."""
    text = fix_entities(text)
    text = _TAG.sub(" ", text)
    text = _sub(_PLACEHOLDER, " ", text, "%{[")
    lower = text.lower()
    if "de capt" in lower:
        text = _INLINE_FURNITURE.sub(" ", text)
    elif "photo" in lower or "[" in text:
        text = _BRACKETED_FURNITURE.sub(" ", text)
    if "Skip " in text or "End of " in text:
        text = _EMBED_MARKER.sub(" ", text)
    if "MORE" in text:  # what ends a hover card; most texts have none
        text = _HOVER_CARD.sub(r"\g<link>", text)
    text = _GLUED.sub(r"\g<0> ", text)
    return _sub(_SPACES, " ", text, ("  ", *_ODD_SPACES))


def _tidy_punctuation(text: str) -> str:
    """No space before punctuation, no closing quotation mark pushed off its sentence."""
    text = _sub(_SPACE_BEFORE_PUNCT, r"\1", text, [" " + mark for mark in _PUNCTUATION])
    return _DETACHED_CLOSE.sub(r'\1"', text)


def clean_text(raw: str) -> Cleaned:
    """Turn raw scraped text into clean paragraphs separated by blank lines."""
    text = normalise_characters(raw)
    published = None
    header = _DATE_HEADER.match(text)
    if header:
        published = iso_date("-".join(header.groups()))
        text = text[header.end() :]
    text = _clean_inline(text)
    notes: list[str] = []
    paragraphs: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if _TRAILER.match(line):
            notes.append(f"cut trailer from {line[:40]!r}")
            break
        if _keep_line(line):
            paragraphs.append(line)
    body = _BROKEN_PARAGRAPH.sub(" ", "\n\n".join(paragraphs))
    return Cleaned(text=_tidy_punctuation(body), published=published, notes=notes)


def clean_title(raw: str) -> str:
    """A title given as a title, as one clean line. The line rules of the body do not
    apply: a title is never page furniture, so a label in capitals before a colon
    ("OPINION: ...", "FACT CHECK: ...") stays part of it."""
    text = _clean_inline(normalise_characters(raw))
    return _tidy_punctuation(" ".join(text.split()))


def clean_field(value: str | None) -> str | None:
    """A one-line metadata field (outlet, address) without control characters or line
    breaks; None when nothing is left."""
    return " ".join(strip_controls(value).split()) or None if value else None
