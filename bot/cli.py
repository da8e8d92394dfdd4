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
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tqdm import tqdm

from bot.config import ConfigError, Settings, load_settings
from bot.extract import extract, extraction_json
from bot.indexer import IndexReport, forget, index_paths
from bot.ingest import Failure, count_articles, discover, load_file
from bot.store import Store, StoreError

if TYPE_CHECKING:
    from bot.query.answer import Answer

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
    p.add_argument("--db", type=Path, help="fact base file (default: from the config)")
    p.add_argument("ids", nargs="+", metavar="ID")

    p = commands.add_parser("relink", help="work out who is who across the whole base afresh")
    p.add_argument("--db", type=Path, help="fact base file (default: from the config)")

    p = commands.add_parser("ask", help='answer a question, e.g. "/who Ortiz"')
    p.add_argument("--db", type=Path, help="fact base file (default: from the config)")
    p.add_argument("--json", action="store_true", help="print the answer as JSON")
    p.add_argument(
        "--chart",
        type=Path,
        metavar="FILE",
        help="write the answer's timeline chart (a PNG, as the bot attaches it) to FILE",
    )
    p.add_argument("question", help='"/who NAME", "/figures TOPIC", "/quote NAME", ...')

    p = commands.add_parser("articles", help="list the indexed articles")
    p.add_argument("--db", type=Path, help="fact base file (default: from the config)")

    commands.add_parser("run", help="start the Discord bot (token from the environment)")
    return parser


def _jobs(text: str) -> int:
    try:
        jobs = int(text)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of processes (1 or more)")
    return jobs


def _open_store(path: Path, upgrade: bool = False) -> Store:
    try:
        return Store(path, upgrade=upgrade)
    except StoreError as exc:
        raise CliError(str(exc)) from exc
    except OSError as exc:
        raise CliError(f"cannot open fact base {path}: {exc.strerror or exc}") from exc


def _existing_store(args: argparse.Namespace, settings: Settings) -> Store:
    path = args.db or settings.db_path
    if not path.exists():
        raise CliError(f"no fact base at {path}: run 'factbot index' first")
    return _open_store(path)


def _say_busy(store: Store) -> Callable[[], None]:
    def busy() -> None:
        print(
            f"factbot: another indexing run is writing to {store.path}; waiting for it to end",
            file=sys.stderr,
        )

    return busy


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
    shown = sys.stderr.isatty()
    total = count_articles(discover(paths)[0]) if shown else None
    with (
        _open_store(args.db or settings.db_path, upgrade=True) as store,
        tqdm(total=total, unit=" articles", disable=not shown, file=sys.stderr) as bar,
    ):
        report = index_paths(store, paths, args.jobs, bar.update, _say_busy(store))
    _print_report(report)
    indexed_nothing = not (report.added or report.updated or report.unchanged)
    return EXIT_FAILED if report.failed and indexed_nothing else EXIT_OK


def _store_for_questions(args: argparse.Namespace, settings: Settings) -> Store:
    """The base to answer from; the default one is filled from the knowledge folder first."""
    if args.db:
        if not args.db.exists():
            raise CliError(f"no fact base at {args.db}: run 'factbot index --db {args.db}' first")
        return _open_store(args.db)
    store = _open_store(settings.db_path, upgrade=True)
    if store.article_count() == 0 and settings.knowledge_dir.is_dir():
        report = index_paths(store, [settings.knowledge_dir])
        print(
            f"factbot: first use, {report.summary()} from {settings.knowledge_dir}", file=sys.stderr
        )
    return store


def cmd_forget(args: argparse.Namespace, settings: Settings) -> int:
    with _existing_store(args, settings) as store:
        removed, unknown = forget(store, args.ids)
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
        answer = ask(store, args.question)
    if args.json:
        print(json.dumps(answer.to_json(), ensure_ascii=False))
    else:
        print(render_text(answer))
    if args.chart:
        _write_chart(answer, args.chart)
    return EXIT_OK


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
        path.write_bytes(image.png)
    except OSError as exc:
        raise CliError(f"cannot write the chart to {path}: {exc.strerror or exc}") from exc
    print(f"factbot: chart written to {path} ({image.description})", file=sys.stderr)


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
    "forget": cmd_forget,
    "relink": cmd_relink,
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
