"""Reading article files into clean, sentence-split ``Article`` objects.

Supported: ``.txt`` and ``.md`` (one article a file, id = file stem) and ``.jsonl`` /
``.jsonl.gz`` (one article a line: ``{"id","title","source","published","url","text"}``).
Bad input never raises: each problem comes back as a ``Failure`` naming the file (and line),
so one broken article costs only itself.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import json
import os
import re
import stat
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, AnyStr

from bot.ingest.characters import has_surrogates, id_problem, repair_surrogates, shown
from bot.ingest.clean import clean_field, clean_text, clean_title, iso_date
from bot.ingest.dates import found_date
from bot.ingest.sentences import split_sentences
from bot.model import Article

MAX_ARTICLE_BYTES = 5 * 1024 * 1024
SUFFIXES = (".txt", ".md", ".jsonl", ".jsonl.gz")
_MD_HEADING = re.compile(r"^#{1,6}\s+", re.MULTILINE)
# Spans bounded in length, so that text with openers and no closers ("![![![", "**a **a")
# costs each opener a bounded look ahead, not the rest of the line.
_MD_LINK = re.compile(r"!?\[([^\]\n]{0,200})\]\([^)\n]{0,500}\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)([^\n]{1,200}?)(?<=\S)\1")
# Byte order marks, longest first: a UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# What reading a file can raise besides OSError: a truncated or corrupt gzip stream.
_READ_ERRORS = (OSError, EOFError, zlib.error)


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
        return shown(f"{where}: {self.message}")


def supported(path: Path) -> bool:
    return path.name.lower().endswith(SUFFIXES)


def discover(paths: Iterable[Path]) -> tuple[list[Path], list[Failure]]:
    """Expand folders into their article files; report paths that do not exist."""
    files: list[Path] = []
    failures: list[Failure] = []
    for path in paths:
        try:
            if path.is_dir():
                found, skipped = _walk(path)
                files.extend(found)
                failures.extend(skipped)
            elif path.is_file():
                files.append(path)
            elif path.is_symlink():
                failures.append(Failure(str(path), "a link that leads nowhere (or in a loop)"))
            else:
                failures.append(Failure(str(path), "no such file or folder"))
        except OSError as exc:  # a name too long for the file system, a folder gone
            failures.append(Failure(str(path), f"cannot be read ({exc.strerror or exc})"))
    return files, failures


def _walk(folder: Path) -> tuple[list[Path], list[Failure]]:
    """The article files of a folder and its subfolders, in order, and what was skipped
    with why: a subfolder that cannot be read, a link that leads outside the folder (an
    article folder never serves another part of the disk) or nowhere, anything that is
    not a regular file (a pipe would block the reader). Links are not followed into
    folders, so a link that loops costs nothing."""
    root = folder.resolve()
    files: list[Path] = []
    skipped: list[Failure] = []

    def unreadable(error: OSError) -> None:
        skipped.append(Failure(str(error.filename), "cannot be read; skipped"))

    for here, dirs, names in os.walk(folder, onerror=unreadable):
        dirs.sort()
        for name in sorted(names):
            path = Path(here) / name
            if not supported(path):
                continue
            problem = _not_an_article_file(path, root)
            if problem:
                skipped.append(Failure(str(path), problem))
            else:
                files.append(path)
    return sorted(files), skipped


def _not_an_article_file(path: Path, root: Path) -> str | None:
    """Why ``path``, found in the folder ``root``, is not read, or None."""
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            return "a link that leads nowhere; skipped"
        if not target.is_relative_to(root):
            return "a link to a file outside the folder; skipped"
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc}); skipped"
    return None if stat.S_ISREG(mode) else "not a regular file; skipped"


def _bom_encoding(head: bytes) -> str | None:
    """The encoding a byte order mark at the start of a file announces, if any."""
    return next((encoding for bom, encoding in _BOMS if head.startswith(bom)), None)


def _decode(data: bytes) -> tuple[str, str | None]:
    """The text of a file, and a note when it had to be guessed. A byte order mark decides
    (UTF-8, UTF-16, UTF-32); without one, UTF-8, else Windows-1252, else Latin-1."""
    encoding = _bom_encoding(data[:4])
    if encoding:
        return data.decode(encoding, errors="replace"), None
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "not valid UTF-8; read as Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "not valid UTF-8; read as Latin-1"


def _binary_problem(data: bytes) -> str | None:
    """Why ``data`` is not a text file, or None. Text in UTF-16 or UTF-32 is full of NUL
    bytes, so a byte order mark is trusted; otherwise a NUL byte anywhere (a text file with
    a binary tail is still not an article), or many control bytes in the first 8 kB."""
    if _bom_encoding(data[:4]) in ("utf-16", "utf-32"):
        return None
    nul = data.find(b"\x00")
    if nul >= 0:
        return f"binary file, not text (a NUL byte at byte {nul:,})"
    head = data[:8192]
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    if head and controls / len(head) > 0.05:
        return "binary file, not text"
    return None


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
    valid_date = iso_date(published) or cleaned.published or found_date(raw_text, url)
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


def _read_document(path: Path, data: bytes) -> Raw | Failure:
    problem = id_problem(path.stem)
    if problem:
        return Failure(str(path), f"the file name {problem}; rename the file")
    binary = _binary_problem(data)
    if binary:
        return Failure(str(path), binary)
    text, warning = _decode(data)
    markdown = path.suffix.lower() == ".md"
    return Raw(path.stem, str(path), _hash(data), text, warning=warning, markdown=markdown)


def _json_record(line: bytes) -> tuple[Any, str | None]:
    """The JSON value of one line, or why there is none.

    Besides malformed JSON, the json module refuses a line nested deeper than Python's
    recursion limit (RecursionError) and an integer of more than 4,300 digits (ValueError);
    each such line costs only itself."""
    try:
        return json.loads(line), None
    except RecursionError:
        return None, "not a JSON object: nested too deeply"
    except UnicodeDecodeError:
        return None, "not a JSON object: not UTF-8 text"
    except json.JSONDecodeError as exc:
        return None, f"not a JSON object: {exc.msg} at column {exc.colno}"
    except ValueError:
        return None, "not a JSON object: holds a number too long to read"


_FIELDS = ("title", "source", "published", "url")


def _string(value: object) -> str | None:
    """A metadata value that is text, with any lone surrogate repaired; else None."""
    return repair_surrogates(value) if isinstance(value, str) else None


def _jsonl_article(path: Path, number: int, line: bytes) -> Raw | Failure:
    """One line of a JSONL file as an article, or the reason it is none."""
    record, problem = _json_record(line)
    if problem:
        return Failure(str(path), problem, number)
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return Failure(str(path), 'not an article object with a "text" string', number)
    given = record.get("id")
    if given is None or given == "":
        article_id = f"{path.name.split('.')[0]}-{number}"
    elif isinstance(given, int) and not isinstance(given, bool):
        article_id = str(given)  # a record number: its digits
    elif isinstance(given, str):
        article_id = given
    else:
        return Failure(str(path), "the article id must be text or a whole number", number)
    problem = id_problem(article_id)
    if problem:
        return Failure(str(path), f"the article id {problem}", number)
    strings = [v for v in (record["text"], *map(record.get, _FIELDS)) if isinstance(v, str)]
    repaired = any(map(has_surrogates, strings))
    warning = f"{path.name}:{number}: lone surrogates replaced with U+FFFD" if repaired else None
    fields = tuple((k, _string(record.get(k))) for k in _FIELDS)
    text = repair_surrogates(record["text"])
    return Raw(article_id, str(path), _hash(line), text, number, fields, warning)


def _bounded_lines(stream: IO[AnyStr], newline: AnyStr) -> Iterator[AnyStr]:
    """The lines of a stream, each cut after ``MAX_ARTICLE_BYTES`` + 1 units (the rest of
    such a line is skipped without being held in memory), so one endless line cannot fill
    it; the cut line is then refused as too large."""
    while line := stream.readline(MAX_ARTICLE_BYTES + 1):
        yield line
        if len(line) > MAX_ARTICLE_BYTES and not line.endswith(newline):
            while (rest := stream.readline(MAX_ARTICLE_BYTES)) and not rest.endswith(newline):
                pass


# How much of a JSONL file is looked at to tell how its lines end.
_SNIFF_BYTES = 65536


def _utf8_lines(stream: IO[bytes]) -> Iterator[bytes]:
    """The lines of a JSONL stream as UTF-8. A byte order mark is dropped; text in UTF-16
    or UTF-32 (known by its mark) is decoded and encoded again as UTF-8; lines ended by
    carriage returns alone are lines."""
    head = stream.read(_SNIFF_BYTES)
    encoding = _bom_encoding(head[:4])
    stream.seek(0)
    cr_only = encoding is None and b"\r" in head and b"\n" not in head
    if encoding is None and not cr_only:
        yield from _bounded_lines(stream, b"\n")
        return
    # Lines ended by a carriage return alone (old Mac files) are read as lines too.
    text = io.TextIOWrapper(
        stream,
        encoding=encoding or "utf-8",
        errors="surrogateescape" if cr_only else "replace",
        newline=None if cr_only else "\n",
    )
    try:
        for line in _bounded_lines(text, "\n"):
            yield line.encode("utf-8", "surrogateescape")
    finally:
        text.detach()  # the caller closes the stream


def _read_jsonl(path: Path, lines: Iterable[bytes]) -> Iterator[Raw | Failure]:
    """One article a line; a file with no line at all to read is said to be one."""
    read = False
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        read = True
        if len(line) > MAX_ARTICLE_BYTES:
            yield Failure(str(path), "article larger than 5 MB, skipped", number)
            continue
        yield _jsonl_article(path, number, line)
    if not read:
        yield Failure(str(path), "holds no articles (empty or only blank lines)")


# A gzipped JSONL file may hold at most this many times its own size, and at least
# ``GZIP_FLOOR_BYTES``: news text packs about three to one, while a decompression bomb packs
# a thousand to one and would keep a run reading for minutes.
GZIP_RATIO = 20
GZIP_FLOOR_BYTES = 2 * 1024 * 1024


class _Unpacked(Exception):
    """A gzipped file unpacked past its budget."""


def _within(lines: Iterable[bytes], budget: int) -> Iterator[bytes]:
    """The lines, until their bytes pass ``budget``."""
    total = 0
    for line in lines:
        total += len(line)
        if total > budget:
            raise _Unpacked
        yield line


def _unpacking_budget(path: Path, data: bytes | None) -> int | None:
    """How many bytes a gzipped file may unpack to (None: not gzipped)."""
    if not path.name.lower().endswith(".gz"):
        return None
    packed = len(data) if data is not None else path.stat().st_size
    return max(GZIP_FLOOR_BYTES, GZIP_RATIO * packed)


def _lines_of(path: Path, data: bytes | None, stream: IO[bytes]) -> Iterator[bytes]:
    """A JSONL file's lines as UTF-8, within the unpacking budget of a gzipped one."""
    budget = _unpacking_budget(path, data)
    lines = _utf8_lines(stream)
    return lines if budget is None else _within(lines, budget)


class _Gunzipped(io.RawIOBase):
    """The unpacked bytes of a gzip stream, member after member, up to bytes that begin no
    member: a file with something appended after its gzip data (a download's error page,
    padding) still gives the articles it holds, and ``trailing`` says how much was left."""

    _MAGIC = b"\x1f\x8b"
    _CHUNK = 65536

    def __init__(self, packed: IO[bytes]) -> None:
        super().__init__()
        self._packed = packed
        self.seek(0)

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        """Only back to the start (to read a file's head twice)."""
        if (offset, whence) != (0, io.SEEK_SET):
            raise io.UnsupportedOperation("a gzip stream is only rewound")
        self._packed.seek(0)
        self._unpacker: Any = None  # a zlib decompressor, None before the first member
        self._pending = b""
        self._position = 0
        self.trailing = 0
        return 0

    def tell(self) -> int:
        return self._position

    def readinto(self, buffer: Any) -> int:
        while not self._pending and self._more():
            pass
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        self._position += size
        return size

    def _more(self) -> bool:
        """Unpack the next chunk; False at the end of the gzip data."""
        if self._unpacker is None or self._unpacker.eof:
            done = self._unpacker.unused_data if self._unpacker else b""
            rest = done + self._packed.read(self._CHUNK)
            if not rest:
                return False
            if not rest.startswith(self._MAGIC):
                if self._unpacker is None:
                    raise OSError("not a gzipped file")
                here = self._packed.tell()
                self.trailing = len(rest) + self._packed.seek(0, io.SEEK_END) - here
                return False
            self._unpacker = zlib.decompressobj(wbits=31)
            chunk = rest
        else:
            chunk = self._unpacker.unconsumed_tail or self._packed.read(self._CHUNK)
            if not chunk:
                raise EOFError("the gzip data ends before its end")
        self._pending = self._unpacker.decompress(chunk, self._CHUNK)
        return True


def _stream(path: Path, data: bytes | None) -> IO[bytes]:
    """The bytes of a JSONL file, gzipped or not: from disk, or from ``data``."""
    packed = path.open("rb") if data is None else io.BytesIO(data)
    if not path.name.lower().endswith(".gz"):
        return packed
    return io.BufferedReader(_Gunzipped(packed))


def _trailing(path: Path, stream: IO[bytes]) -> Iterator[Failure]:
    """A failure line for bytes after a gzipped file's gzip data, if there were any."""
    unpacked = getattr(stream, "raw", None)
    if isinstance(unpacked, _Gunzipped) and unpacked.trailing:
        yield Failure(
            str(path),
            f"ends in {unpacked.trailing} bytes that are not gzip data, ignored"
            " (the articles before them are kept)",
        )


def read_file(path: Path, data: bytes | None = None) -> Iterator[Raw | Failure]:
    """Every article of one file as read, before cleaning, or the reasons it has none.

    ``data``: the file's bytes when they are not on disk yet (an upload checked before it is
    saved as ``path``)."""
    name = path.name.lower()
    if not supported(path):
        yield Failure(str(path), f"unsupported file type (use {', '.join(SUFFIXES)})")
        return
    try:
        if name.endswith((".jsonl", ".jsonl.gz")):
            with _stream(path, data) as stream:
                yield from _read_jsonl(path, _lines_of(path, data, stream))
                yield from _trailing(path, stream)
            return
        if data is None:
            if path.stat().st_size > MAX_ARTICLE_BYTES:
                yield Failure(str(path), "file larger than 5 MB, skipped")
                return
            data = path.read_bytes()
    except _READ_ERRORS as exc:
        yield Failure(str(path), f"cannot read: {getattr(exc, 'strerror', None) or exc}")
        return
    except _Unpacked:
        yield Failure(
            str(path),
            f"unpacks to over {GZIP_RATIO} times its size: refused as a decompression bomb"
            " (the articles before that point are kept)",
        )
        return
    yield _read_document(path, data)


def count_articles(files: Iterable[Path]) -> int:
    """How many articles ``files`` hold, at most (a JSONL file's lines counted unread)."""
    total = 0
    for path in files:
        name = path.name.lower()
        try:
            if name.endswith((".jsonl", ".jsonl.gz")):
                with _stream(path, None) as stream:
                    total += sum(1 for line in _lines_of(path, None, stream) if line.strip())
            else:
                total += 1
        except (*_READ_ERRORS, _Unpacked):
            continue
    return total


def load_file(path: Path) -> Iterator[Loaded | Failure]:
    """Every article of one file, cleaned and split, or the reasons it has none."""
    for item in read_file(path):
        yield item if isinstance(item, Failure) else build(item)
