"""Reading article files into clean, sentence-split ``Article`` objects.

Supported: ``.txt`` and ``.md`` (one article a file, id = file stem) and ``.jsonl`` /
``.jsonl.gz`` (one article a line: ``{"id","title","source","published","url","text"}``).
Bad input never raises: each problem comes back as a ``Failure`` naming the file (and line),
so one broken article costs only itself.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from bot.ingest.clean import clean_field, clean_text, clean_title, iso_date
from bot.ingest.sentences import split_sentences
from bot.model import Article

MAX_ARTICLE_BYTES = 5 * 1024 * 1024
SUFFIXES = (".txt", ".md", ".jsonl", ".jsonl.gz")
_MD_HEADING = re.compile(r"^#{1,6}\s+", re.MULTILINE)
_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


@dataclass(frozen=True, slots=True)
class Loaded:
    """An article ready to extract, with the hash of the bytes it came from."""

    article: Article
    content_hash: str


@dataclass(frozen=True, slots=True)
class Failure:
    """Why a file, or one line of it, could not become an article."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


def supported(path: Path) -> bool:
    return path.name.lower().endswith(SUFFIXES)


def discover(paths: Iterable[Path]) -> tuple[list[Path], list[Failure]]:
    """Expand folders into their article files; report paths that do not exist."""
    files: list[Path] = []
    failures: list[Failure] = []
    for path in paths:
        if path.is_dir():
            files.extend(p for p in sorted(path.rglob("*")) if p.is_file() and supported(p))
        elif path.is_file():
            files.append(path)
        else:
            failures.append(Failure(str(path), "no such file or folder"))
    return files, failures


def _decode(data: bytes) -> tuple[str, str | None]:
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "not valid UTF-8; read as Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "not valid UTF-8; read as Latin-1"


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return bool(head) and controls / len(head) > 0.05


def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def build_article(
    article_id: str,
    raw_text: str,
    *,
    title: str | None = None,
    source: str | None = None,
    published: str | None = None,
    url: str | None = None,
    path: str | None = None,
) -> Article | str:
    """Clean and split one article; return an error message if nothing usable is left."""
    cleaned = clean_text(raw_text)
    text = cleaned.text
    title = (clean_title(title) if title else None) or _headline(text)
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}" if text else title
    sentences = split_sentences(text)
    if not sentences or not any(c.isalpha() for c in text):
        return "empty article: no text left after cleaning"
    if not title:
        first = sentences[0].text
        title = first if len(first) <= 90 else first[:89].rsplit(" ", 1)[0] + "…"
    valid_date = iso_date(published) or cleaned.published
    return Article(
        id=article_id,
        title=title,
        text=text,
        sentences=sentences,
        source=clean_field(source),
        published=valid_date,
        url=clean_field(url),
        path=path,
        warnings=cleaned.notes,
    )


def _headline(text: str) -> str | None:
    """The first paragraph, when it reads as a headline rather than a sentence."""
    first, _, rest = text.partition("\n\n")
    if rest and len(first) <= 200 and first[-1:] not in ".!\"'":
        return first
    return None


def _markdown_to_text(text: str) -> str:
    text = _MD_HEADING.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    return _MD_EMPHASIS.sub(r"\2", text)


@dataclass(frozen=True, slots=True)
class Raw:
    """One article as read from its file, before cleaning: cheap to read, and all that the
    costly steps (cleaning, splitting, extraction) need, so they can run in another
    process."""

    id: str
    path: str
    content_hash: str
    text: str
    line: int | None = None
    fields: tuple[tuple[str, str | None], ...] = ()  # title, source, published, url
    warning: str | None = None
    markdown: bool = False


def build(raw: Raw) -> Loaded | Failure:
    """Clean and split one article read from a file."""
    text = _markdown_to_text(raw.text) if raw.markdown else raw.text
    built = build_article(raw.id, text, path=raw.path, **dict(raw.fields))
    if isinstance(built, str):
        message = f"{raw.id}: {built}" if raw.line else built
        return Failure(raw.path, message, raw.line)
    if raw.warning:
        built.warnings.append(raw.warning)
    return Loaded(built, raw.content_hash)


def _read_document(path: Path, data: bytes) -> Raw:
    text, warning = _decode(data)
    markdown = path.suffix.lower() == ".md"
    return Raw(path.stem, str(path), _hash(data), text, warning=warning, markdown=markdown)


def _read_jsonl(path: Path, lines: Iterable[bytes]) -> Iterator[Raw | Failure]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if len(line) > MAX_ARTICLE_BYTES:
            yield Failure(str(path), "article larger than 5 MB, skipped", number)
            continue
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield Failure(str(path), f"not a JSON object ({exc.__class__.__name__})", number)
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield Failure(str(path), 'not an article object with a "text" string', number)
            continue
        article_id = str(record.get("id") or f"{path.name.split('.')[0]}-{number}")
        fields = tuple(
            (k, v if isinstance(v, str) else None)
            for k, v in ((k, record.get(k)) for k in ("title", "source", "published", "url"))
        )
        yield Raw(article_id, str(path), _hash(line), record["text"], number, fields)


def read_file(path: Path) -> Iterator[Raw | Failure]:
    """Every article of one file as read, before cleaning, or the reasons it has none."""
    name = path.name.lower()
    if not supported(path):
        yield Failure(str(path), f"unsupported file type (use {', '.join(SUFFIXES)})")
        return
    try:
        if name.endswith(".jsonl.gz"):
            with gzip.open(path, "rb") as stream:
                yield from _read_jsonl(path, stream)
            return
        if name.endswith(".jsonl"):
            with path.open("rb") as stream:
                yield from _read_jsonl(path, stream)
            return
        if path.stat().st_size > MAX_ARTICLE_BYTES:
            yield Failure(str(path), "file larger than 5 MB, skipped")
            return
        data = path.read_bytes()
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield Failure(str(path), f"cannot read: {getattr(exc, 'strerror', None) or exc}")
        return
    if _looks_binary(data):
        yield Failure(str(path), "binary file, not text: skipped")
        return
    yield _read_document(path, data)


def count_articles(files: Iterable[Path]) -> int:
    """How many articles ``files`` hold, at most (a JSONL file's lines counted unread)."""
    total = 0
    for path in files:
        name = path.name.lower()
        try:
            if name.endswith(".jsonl.gz"):
                with gzip.open(path, "rb") as stream:
                    total += sum(1 for line in stream if line.strip())
            elif name.endswith(".jsonl"):
                with path.open("rb") as stream:
                    total += sum(1 for line in stream if line.strip())
            else:
                total += 1
        except (OSError, EOFError, gzip.BadGzipFile):
            continue
    return total


def load_file(path: Path) -> Iterator[Loaded | Failure]:
    """Every article of one file, cleaned and split, or the reasons it has none."""
    for item in read_file(path):
        yield item if isinstance(item, Failure) else build(item)
