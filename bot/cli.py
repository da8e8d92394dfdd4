"""The ``factbot`` command line: a thin adapter over the core.

Commands: ``extract`` (facts of files, as JSON lines), ``index`` (build or update the fact
base), ``ask`` (answer a question exactly as the Discord bot would), ``articles`` (what is
indexed) and ``run`` (start the Discord bot). Problems are reported as one line on stderr
with a non-zero exit, never as a traceback; each kind of fault of the fact base has its own
exit status (``EXIT_STATUS``, listed in the README), and an answer that finds nothing is not
an error.
"""

from __future__ import annotations

import argparse
import asyncio
import errno
import io
import json
import logging
import os
import signal
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import suppress
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import IO, TYPE_CHECKING

from tqdm import tqdm

from bot.config import ConfigError, Settings, load_settings
from bot.entry import STOPPED, interrupt
from bot.extract import extraction_json
from bot.indexer import IndexReport, WorkerLost, extract_raw, forget, index_paths
from bot.ingest import Failure, Loaded, count_articles, discover, read_file
from bot.ingest.characters import repair_surrogates
from bot.model import Extraction
from bot.query.catalog import ANSWERED
from bot.store import Store, StoreError, base_exists, location
from bot.store.base import (
    BusyError,
    DamagedError,
    FullError,
    OpenError,
    ReadOnlyError,
    SchemaError,
)
from bot.store.copy import copy_base
from bot.store.sqlite import fault

if TYPE_CHECKING:
    from bot.query.answer import Answer
    from bot.web.feeds import FeedState
    from bot.web.follow import Outcome

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_CONFIG, EXIT_NO_BASE = 0, 1, 2, 3, 4
EXIT_STOPPED = STOPPED
# The exit status of each fault of the fact base, so that scripts can tell them apart.
EXIT_STATUS: dict[type[StoreError], int] = {
    BusyError: 5,
    ReadOnlyError: 6,
    FullError: 7,
    DamagedError: 8,
    SchemaError: 9,
    OpenError: 10,
}
LISTED_ARTICLES = 50
# Errors of writing the output, not of the work: a full disk behind stdout, a closed pipe.
_OUTPUT_ERRORS = frozenset({errno.ENOSPC, errno.EBADF, errno.EIO, errno.EPIPE})
_MAX_DIGITS = 12
# Worker processes at most: more than the machine's cores only costs memory.
MAX_JOBS = max(1, 4 * (os.cpu_count() or 1))


_DB_HELP = "fact base file or postgresql:// address (default: from the config)"


class CliError(Exception):
    """A problem to report as one line, with an exit status."""

    def __init__(self, message: str, status: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.status = status


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="factbot",
        description="Turn news articles into a cited fact base and answer questions about it.",
    )
    parser.add_argument(
        "--config", help="settings file (default: $FACTBOT_CONFIG or ./config.yaml)"
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = commands.add_parser("extract", help="print the facts of article files")
    p.add_argument("--json", action="store_true", help="one JSON object per article")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")

    p = commands.add_parser("index", help="build or update the fact base")
    p.add_argument("--db", type=location, help=_DB_HELP)
    p.add_argument(
        "--jobs",
        type=_jobs,
        default=os.cpu_count() or 1,
        help="worker processes for extraction (default: one per CPU)",
    )
    p.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="article files or folders (default: the knowledge folder)",
    )

    p = commands.add_parser("forget", help="remove articles from the fact base by id")
    p.add_argument("--db", type=location, help=_DB_HELP)
    p.add_argument("ids", nargs="+", metavar="ID")

    p = commands.add_parser("relink", help="work out who is who across the whole base afresh")
    p.add_argument("--db", type=location, help=_DB_HELP)

    p = commands.add_parser("copy", help="copy a fact base into an empty one (a file, a server)")
    p.add_argument("--from", dest="source", type=location, required=True, metavar="BASE")
    p.add_argument("--to", dest="target", type=location, required=True, metavar="BASE")

    p = commands.add_parser("ask", help='answer a question, e.g. "/who Ortiz"')
    p.add_argument("--db", type=location, help=_DB_HELP)
    p.add_argument("--json", action="store_true", help="print the answer as JSON")
    p.add_argument(
        "--chart",
        type=Path,
        metavar="FILE",
        help="write the answer's timeline chart (a PNG, as the bot attaches it) to FILE",
    )
    p.add_argument(
        "question",
        help=", ".join(f'"{command.usage}"' for command in ANSWERED) + ", or plain words",
    )

    p = commands.add_parser(
        "fetch", help="fetch web pages' articles into the knowledge folder and index them"
    )
    p.add_argument("--db", type=location, help=_DB_HELP)
    p.add_argument("urls", nargs="+", metavar="URL")

    p = commands.add_parser(
        "poll", help="poll the followed feeds now (those due, or all with --all) and index"
    )
    p.add_argument("--db", type=location, help=_DB_HELP)
    p.add_argument("--all", action="store_true", help="poll every feed, due or not")

    p = commands.add_parser("articles", help="list the indexed articles, newest first")
    p.add_argument("--db", type=location, help=_DB_HELP)
    shown = p.add_mutually_exclusive_group()
    shown.add_argument(
        "--limit",
        type=_count,
        default=LISTED_ARTICLES,
        metavar="N",
        help=f"list the N newest (default: {LISTED_ARTICLES})",
    )
    shown.add_argument("--all", action="store_true", help="list every article")

    commands.add_parser("run", help="start the Discord bot (token from the environment)")
    return parser


def _version() -> str:
    try:
        return version("factbot")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "(not installed)"


def _positive(text: str, what: str, most: int = 10**9) -> int:
    """A whole number from 1 to ``most`` written in ASCII digits (what SQLite and the
    process pool can take)."""
    number = int(text) if text.isascii() and text.isdigit() and len(text) < _MAX_DIGITS else 0
    if not 1 <= number <= most:
        raise argparse.ArgumentTypeError(f"{text[:20]!r} is not a number of {what} (1 to {most:,})")
    return number


def _jobs(text: str) -> int:
    return _positive(text, "processes", MAX_JOBS)


def _count(text: str) -> int:
    return _positive(text, "articles")


def _existing_store(args: argparse.Namespace, settings: Settings) -> Store:
    """The base a command that changes it without indexing works on (forget, relink): one
    of the schema a newer factbot upgrades in place is upgraded, never rebuilt."""
    path = args.db or settings.db_path
    if not base_exists(path):
        raise CliError(f"no fact base at {path}: run 'factbot index' first", EXIT_NO_BASE)
    return Store(path, upgrade_in_place=True)


def _say_busy(store: Store) -> Callable[[], None]:
    def busy() -> None:
        print(
            f"factbot: another indexing run is writing to {store.name}; waiting for it to end",
            file=sys.stderr,
        )

    return busy


def _print_report(report: IndexReport) -> None:
    for failure in report.failed:
        print(f"skipped {failure}", file=sys.stderr)
    for warning in report.warnings:
        print(f"note: {warning}", file=sys.stderr)
    print(f"indexed: {report.summary()}")


def _extractions(path: Path) -> Iterator[tuple[Loaded, Extraction] | Failure]:
    """The facts of each article of a file, or why an article has none."""
    for item in read_file(path):
        if isinstance(item, Failure):
            yield item
            continue
        _, loaded, facts = extract_raw(item)
        if isinstance(loaded, Failure) or facts is None:
            yield loaded if isinstance(loaded, Failure) else Failure(item.path, item.id)
        else:
            yield loaded, facts


def cmd_extract(args: argparse.Namespace, settings: Settings) -> int:
    files, failures = discover(args.files)
    extracted = 0
    for path in files:
        for item in _extractions(path):
            if isinstance(item, Failure):
                failures.append(item)
                continue
            loaded, facts = item
            record = extraction_json(loaded.article, facts)
            extracted += 1
            if args.json:
                print(json.dumps(record, ensure_ascii=False))
            else:
                print(_extraction_text(record))
    for failure in failures:
        print(f"factbot: skipped {failure}", file=sys.stderr)
    if not extracted and not failures:
        print("factbot: the files hold no articles (empty or only blank lines)", file=sys.stderr)
    return EXIT_FAILED if not extracted else EXIT_OK


def _extraction_text(record: dict) -> str:
    lines = [f"{record['id']}: {record['title']} ({record['published'] or 'no date'})"]
    for e in record["entities"]:
        aka = f" (also {', '.join(e['aliases'])})" if e["aliases"] else ""
        lines.append(f"  entity  {e['type']:<6} {e['name']}{aka}")
    for f in record["figures"]:
        lines.append(f"  figure  {f['text']}  [{f['predicate'] or '-'}]")
    for q in record["quotes"]:
        lines.append(f'  quote   {q["speaker"]}: "{q["quote"]}"')
    return "\n".join(lines)


def cmd_index(args: argparse.Namespace, settings: Settings) -> int:
    paths = args.paths or [settings.knowledge_dir]
    shown = sys.stderr.isatty()
    total = count_articles(discover(paths)[0]) if shown else None
    with (
        Store(args.db or settings.db_path, upgrade=True) as store,
        tqdm(total=total, unit=" articles", disable=not shown, file=sys.stderr) as bar,
    ):
        report = index_paths(store, paths, args.jobs, bar.update, _say_busy(store))
    _print_report(report)
    indexed_nothing = not (report.added or report.updated or report.unchanged)
    return EXIT_FAILED if report.failed and indexed_nothing else EXIT_OK


def _store_for_questions(args: argparse.Namespace, settings: Settings) -> Store:
    """The base to answer from; the default one is filled from the knowledge folder first."""
    if args.db:
        if not base_exists(args.db):
            raise CliError(
                f"no fact base at {args.db}: run 'factbot index --db {args.db}' first",
                EXIT_NO_BASE,
            )
        return Store(args.db)
    store = Store(settings.db_path, upgrade=True)
    if store.article_count() == 0 and settings.knowledge_dir.is_dir():
        try:
            report = index_paths(store, [settings.knowledge_dir])
        except StoreError:
            store.close()
            raise
        print(
            f"factbot: first use, {report.summary()} from {settings.knowledge_dir}", file=sys.stderr
        )
    return store


def _empty_base(args: argparse.Namespace, settings: Settings) -> CliError:
    """What to say when the base to answer from holds no article: how to fill it."""
    if args.db:
        how = f"index articles into it with 'factbot index --db {args.db} PATH...'"
    else:
        how = (
            f"put article files in {settings.knowledge_dir} and ask again, "
            "or run 'factbot index PATH...'"
        )
    path = args.db or settings.db_path
    return CliError(f"the fact base {path} is empty: {how}", EXIT_NO_BASE)


def cmd_forget(args: argparse.Namespace, settings: Settings) -> int:
    with _existing_store(args, settings) as store:
        removed, unknown = forget(store, [repair_surrogates(i) for i in args.ids])
    for article_id in unknown:
        print(f"factbot: no article {article_id!r} in the base", file=sys.stderr)
    print(f"removed {len(removed)} article{'s' if len(removed) != 1 else ''}")
    return EXIT_FAILED if unknown and not removed else EXIT_OK


def cmd_relink(args: argparse.Namespace, settings: Settings) -> int:
    with _existing_store(args, settings) as store, store.writing(_say_busy(store)):
        forms = store.relink()
    print(f"relinked {forms} names")
    return EXIT_OK


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    from bot.query import ask
    from bot.render.text import render_text

    with _store_for_questions(args, settings) as store:
        # Bytes of an argument that are not UTF-8 arrive as lone surrogates: U+FFFD instead.
        answer = ask(store, repair_surrogates(args.question))
        nothing = not answer.items and answer.entity is None and answer.command != "help"
        if nothing and store.article_count() == 0:
            raise _empty_base(args, settings)
    if args.json:
        print(json.dumps(answer.to_json(), ensure_ascii=False))
    else:
        print(render_text(answer))
    if args.chart:
        _write_chart(answer, args.chart)
    return EXIT_OK


_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _a_png(path: Path) -> bool:
    """Whether the file at ``path`` is a PNG image (a chart written before): the only
    kind of file a chart may replace."""
    with path.open("rb") as file:
        return file.read(len(_PNG_SIGNATURE)) == _PNG_SIGNATURE


def _write_chart(answer: Answer, path: Path) -> None:
    """Write the answer's chart to ``path``; say so on stderr when it has none."""
    from bot.query.figures import MIN_CHART_DAYS
    from bot.render.chart import render_chart

    if answer.chart is None:
        print(
            "factbot: this answer has no chart (/figures draws one for a measure reported"
            f" on {MIN_CHART_DAYS} or more days)",
            file=sys.stderr,
        )
        return
    image = render_chart(answer.chart)
    try:
        if path.exists() and not path.is_file():  # a FIFO would block, a device swallow it
            raise CliError(f"cannot write the chart to {path}: it is not a regular file")
        if path.exists() and not _a_png(path):  # the fact base itself, say, or any document
            raise CliError(f"will not write the chart over {path}: it holds something else")
        path.write_bytes(image.png)
    except OSError as exc:
        raise CliError(f"cannot write the chart to {path}: {exc.strerror or exc}") from exc
    print(f"factbot: chart written to {path} ({image.description})", file=sys.stderr)


def cmd_articles(args: argparse.Namespace, settings: Settings) -> int:
    with _store_for_questions(args, settings) as store:
        total = store.article_count()
        if not total:
            raise _empty_base(args, settings)
        rows = store.read.article_listing(-1 if args.all else args.limit)
        titles = store.read.article_meta([row["id"] for row in rows])
    print(f"{total} article{'s' if total != 1 else ''} indexed, newest first")
    for row in rows:
        meta = titles[row["id"]]
        counts = f"{row['entities']} entities, {row['figures']} figures, {row['quotes']} quotes"
        print(f"{row['id']}  {meta['published'] or '----------'}  {meta['title']}  ({counts})")
    if len(rows) < total:
        print(f"... and {total - len(rows)} older: --limit N or --all lists more")
    return EXIT_OK


def cmd_fetch(args: argparse.Namespace, settings: Settings) -> int:
    from bot.web import follow

    async def fetched() -> list[follow.Fetch]:
        async with follow.client(settings.web) as web:
            return await follow.fetch_links(web, [repair_surrogates(u) for u in args.urls])

    with Store(args.db or settings.db_path, upgrade=True) as store:
        outcomes = follow.save_all(store, settings.knowledge_dir, asyncio.run(fetched()))
        _index_fetched(store, outcomes)
    for outcome in outcomes:
        print(outcome.line(), file=sys.stdout if outcome.path else sys.stderr)
    return EXIT_OK if any(o.path for o in outcomes) else EXIT_FAILED


def cmd_poll(args: argparse.Namespace, settings: Settings) -> int:
    from bot.web import follow

    with Store(args.db or settings.db_path, upgrade=True) as store:
        states = follow.followed(store, settings.web)
        now = time.time()

        async def polled() -> list[tuple[FeedState, list[follow.Fetch]]]:
            async with follow.client(settings.web) as web:
                due = states if args.all else [s for s in states if s.due(now)]
                for state in due:
                    state.next_poll = 0.0
                return await follow.poll_feeds(web, due, now, settings.web)

        rounds = follow.save_round(store, settings.knowledge_dir, asyncio.run(polled()))
        _index_fetched(store, [o for _, outcomes in rounds for o in outcomes])
    if not states:
        print("no feeds are followed: list them under web.feeds in the config")
    for state, outcomes in rounds:
        print(state.line())
        for outcome in outcomes:
            print(f"  {outcome.line()}")
    return EXIT_OK


def _index_fetched(store: Store, outcomes: list[Outcome]) -> None:
    saved = [o.path for o in outcomes if o.path is not None]
    if saved:
        index_paths(store, saved)


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    from bot.discord import run_bot

    run_bot(settings)
    return EXIT_OK


def cmd_copy(args: argparse.Namespace, settings: Settings) -> int:
    if not base_exists(args.source):
        raise CliError(f"no fact base at {args.source}", EXIT_NO_BASE)
    with Store(args.source) as source, Store(args.target, upgrade=True) as target:
        copied = copy_base(source, target)
    print(f"copied {copied} articles from {args.source} to {args.target}")
    return EXIT_OK


COMMANDS = {
    "extract": cmd_extract,
    "index": cmd_index,
    "forget": cmd_forget,
    "relink": cmd_relink,
    "copy": cmd_copy,
    "ask": cmd_ask,
    "articles": cmd_articles,
    "fetch": cmd_fetch,
    "poll": cmd_poll,
    "run": cmd_run,
}


def _stop_at_once_on_another_signal() -> None:
    """Once a command is stopping (its open transaction already undone), a second Ctrl-C or
    SIGTERM ends the process there and then, instead of breaking into the clean-up."""
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, _exit_stopped)


def _exit_stopped(signum: int, frame: object) -> None:
    os._exit(EXIT_STOPPED)


def _fail(message: object, status: int) -> int:
    """Say what went wrong on one line, and end with ``status`` even when even that line
    cannot be written (stderr full or closed)."""
    with suppress(OSError):
        print(f"factbot: {message}", file=sys.stderr)
    return status


def _never_raise_on_output() -> None:
    """Print what cannot be encoded as escapes rather than stopping on it: whatever slips
    past ingestion (or a terminal that is not UTF-8) never ends a run with a traceback."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


class _Parser(argparse.ArgumentParser):
    """argparse's parser, except that help it cannot write is an error, not silence."""

    def _print_message(self, message: str, file: IO[str] | None = None) -> None:
        if message:
            stream = file or sys.stderr
            stream.write(message)
            stream.flush()


def _parse(argv: Sequence[str] | None) -> argparse.Namespace | int:
    """The parsed command line, or the status to end with when ``--help`` could not be
    written (stdout full or closed)."""
    try:
        return _parser().parse_args(argv)
    except OSError as exc:
        return _output_lost(exc)


def _output_lost(exc: OSError) -> int:
    """The status to end with when stdout is full, closed or gone, or the system refuses
    something else (too many open files): said on one line where it can still be read."""
    if exc.errno not in _OUTPUT_ERRORS:
        return _fail(f"the system refused: {exc.strerror or exc}", EXIT_FAILED)
    return _fail(f"cannot write the output ({exc.strerror})", EXIT_FAILED)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse(argv)
    if isinstance(args, int):
        return args
    level = logging.INFO if args.command == "run" else logging.WARNING
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # Drawing a chart still works where matplotlib cannot keep its cache (an unwritable
    # MPLCONFIGDIR); its warnings about that are no concern of the reader.
    logging.getLogger("matplotlib").setLevel(logging.ERROR)
    _never_raise_on_output()
    if args.command != "run":  # the bot ends its own way, closing its connection to Discord
        for signum in (signal.SIGTERM, signal.SIGHUP):  # SIGHUP: its terminal was closed
            signal.signal(signum, interrupt)
    if sys.stdout is not None or args.command == "run":
        return _command(args)
    # Stdout closed: the command runs all the same, so that its own problem (no base, a
    # bad setting) is what it says; an answer it had to give is then said to be lost.
    sys.stdout = unwritten = io.StringIO()
    try:
        status = _command(args)
    finally:
        sys.stdout = None
    if status == EXIT_OK and unwritten.getvalue():
        return _fail("cannot write the output (stdout is closed)", EXIT_FAILED)
    return status


def _command(args: argparse.Namespace) -> int:
    """Run the command ``args`` name; every problem is one line and its status."""
    try:
        settings = load_settings(args.config)
    except ConfigError as exc:
        return _fail(exc, EXIT_CONFIG)
    try:
        return COMMANDS[args.command](args, settings)
    except ConfigError as exc:
        return _fail(exc, EXIT_CONFIG)
    except CliError as exc:
        return _fail(exc, exc.status)
    except StoreError as exc:
        return _fail(exc, EXIT_STATUS.get(type(exc), EXIT_FAILED))
    except sqlite3.Error as exc:  # met while reading, outside any transaction
        problem = fault(exc, getattr(args, "db", None) or settings.db_path)
        return _fail(problem, EXIT_STATUS.get(type(problem), EXIT_FAILED))
    except WorkerLost as exc:
        return _fail(f"{exc}; what was indexed before is kept: run again to finish", EXIT_FAILED)
    except KeyboardInterrupt:
        _stop_at_once_on_another_signal()
        with suppress(OSError):
            print("factbot: stopped; what was stored before is kept", file=sys.stderr)
        return EXIT_STOPPED
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:
        return _output_lost(exc)
    except MemoryError:
        return _fail("out of memory: what was stored before is kept", EXIT_FAILED)


if __name__ == "__main__":
    sys.exit(main())
