"""The ``factbot`` command line: a thin adapter over the core.

Commands: ``extract`` (facts of files, as JSON lines), ``index`` (build or update the fact
base), ``ask`` (answer a question exactly as the Discord bot would), ``articles`` (what is
indexed) and ``run`` (start the Discord bot). Problems are reported as one line on stderr
with a non-zero exit, never as a traceback.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.config import ConfigError, Settings, load_settings
from bot.extract import extract, extraction_json
from bot.indexer import IndexReport, index_paths
from bot.ingest import Failure, discover, load_file
from bot.store import SchemaError, Store

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class CliError(Exception):
    """A problem to report as one line, with an exit status."""

    def __init__(self, message: str, status: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.status = status


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factbot",
        description="Turn news articles into a cited fact base and answer questions about it.",
    )
    parser.add_argument(
        "--config", help="settings file (default: $FACTBOT_CONFIG or ./config.yaml)"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = commands.add_parser("extract", help="print the facts of article files")
    p.add_argument("--json", action="store_true", help="one JSON object per article")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")

    p = commands.add_parser("index", help="build or update the fact base")
    p.add_argument("--db", type=Path, help="fact base file (default: from the config)")
    p.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="article files or folders (default: the knowledge folder)",
    )

    p = commands.add_parser("ask", help='answer a question, e.g. "/who Ortiz"')
    p.add_argument("--db", type=Path, help="fact base file (default: from the config)")
    p.add_argument("--json", action="store_true", help="print the answer as JSON")
    p.add_argument("question", help='"/who NAME", "/figures TOPIC", "/quote NAME", ...')

    p = commands.add_parser("articles", help="list the indexed articles")
    p.add_argument("--db", type=Path, help="fact base file (default: from the config)")

    commands.add_parser("run", help="start the Discord bot (token from the environment)")
    return parser


def _open_store(path: Path) -> Store:
    try:
        return Store(path)
    except SchemaError as exc:
        raise CliError(str(exc)) from exc
    except OSError as exc:
        raise CliError(f"cannot open fact base {path}: {exc.strerror or exc}") from exc


def _print_report(report: IndexReport) -> None:
    for failure in report.failed:
        print(f"skipped {failure}", file=sys.stderr)
    for warning in report.warnings:
        print(f"note: {warning}", file=sys.stderr)
    print(f"indexed: {report.summary()}")


def cmd_extract(args: argparse.Namespace, settings: Settings) -> int:
    files, failures = discover(args.files)
    for path in files:
        for item in load_file(path):
            if isinstance(item, Failure):
                failures.append(item)
                continue
            record = extraction_json(item.article, extract(item.article))
            if args.json:
                print(json.dumps(record, ensure_ascii=False))
            else:
                print(_extraction_text(record))
    for failure in failures:
        print(f"factbot: skipped {failure}", file=sys.stderr)
    return EXIT_FAILED if failures and not files else EXIT_OK


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
    with _open_store(args.db or settings.db_path) as store:
        report = index_paths(store, paths)
    _print_report(report)
    indexed_nothing = not (report.added or report.updated or report.unchanged)
    return EXIT_FAILED if report.failed and indexed_nothing else EXIT_OK


def _store_for_questions(args: argparse.Namespace, settings: Settings) -> Store:
    """The base to answer from; the default one is filled from the knowledge folder first."""
    if args.db:
        if not args.db.exists():
            raise CliError(f"no fact base at {args.db}: run 'factbot index --db {args.db}' first")
        return _open_store(args.db)
    store = _open_store(settings.db_path)
    if store.article_count() == 0 and settings.knowledge_dir.is_dir():
        report = index_paths(store, [settings.knowledge_dir])
        print(
            f"factbot: first use, {report.summary()} from {settings.knowledge_dir}", file=sys.stderr
        )
    return store


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    from bot.query import ask
    from bot.render.text import render_text

    with _store_for_questions(args, settings) as store:
        answer = ask(store, args.question)
    if args.json:
        print(json.dumps(answer.to_json(), ensure_ascii=False))
    else:
        print(render_text(answer))
    return EXIT_OK


def cmd_articles(args: argparse.Namespace, settings: Settings) -> int:
    from bot.query import ask
    from bot.render.text import render_text

    with _store_for_questions(args, settings) as store:
        print(render_text(ask(store, "/articles")))
    return EXIT_OK


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    from bot.discord import run_bot

    run_bot(settings)
    return EXIT_OK


COMMANDS = {
    "extract": cmd_extract,
    "index": cmd_index,
    "ask": cmd_ask,
    "articles": cmd_articles,
    "run": cmd_run,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    level = logging.INFO if args.command == "run" else logging.WARNING
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        settings = load_settings(args.config)
        return COMMANDS[args.command](args, settings)
    except (CliError, ConfigError) as exc:
        print(f"factbot: {exc}", file=sys.stderr)
        return getattr(exc, "status", EXIT_FAILED)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
