"""Query latency on synthetic bases of 10,000 and 100,000 articles. Run by hand:

    .venv/bin/python benchmarks/bench_query.py                 # both sizes
    .venv/bin/python benchmarks/bench_query.py --sizes 10000 --runs 100
    .venv/bin/python benchmarks/bench_query.py --db factbot.sqlite3   # a real base

Bases are built once and kept under the temp directory (``--dir``), so later runs start at
once. The first ``SEED_ARTICLES`` articles go through ``Store.put_article``, linking and
all; a larger base is then made of copies of those under new article ids (and later dates),
copied row by row in SQL, which is what ``put_article`` would have written for them.
Targets: every command under 50 ms at p99 on 100,000 articles, autocomplete under 10 ms.
Each command is timed as the bot runs it: the answer and its Discord pages.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from synthetic import NOUNS, PREDICATES, VOCABULARY, article, cast

from bot.query import autocomplete, run
from bot.render import render_pages
from bot.store import Store

# Indexes the query layer relies on beyond bot/store.py's schema; applied to the synthetic
# bases, and reported while the store lacks them.
SUGGESTED_INDEXES = {
    "articles_published": "CREATE INDEX IF NOT EXISTS articles_published"
    " ON articles(published, id)",
}
SEED_ARTICLES = 10_000
ENTITIES = 400
TARGET_MS = {"autocomplete": 10.0}
DEFAULT_TARGET_MS = 50.0


def build(size: int, directory: Path) -> Path:
    """The path of a base of ``size`` articles, built unless already there."""
    path = directory / f"synthetic-{size}.sqlite3"
    if path.exists():
        with Store(path) as store:
            if store.get_meta("synthetic_articles") == str(size):
                return path
        path.unlink()
    started = time.perf_counter()
    if size > SEED_ARTICLES:
        shutil.copyfile(build(SEED_ARTICLES, directory), path)
    with Store(path) as store:
        people = cast(ENTITIES)
        rng = random.Random(SEED_ARTICLES)
        for number in range(store.article_count(), min(size, SEED_ARTICLES)):
            store.put_article(*article(number, people, rng), content_hash=str(number))
            if (number + 1) % 1000 == 0:
                print(f"  {number + 1:,} articles linked", file=sys.stderr, flush=True)
        for copy in range(1, -(-size // SEED_ARTICLES)):
            _copy_articles(store, copy, min(SEED_ARTICLES, size - copy * SEED_ARTICLES))
            print(f"  copy {copy} made", file=sys.stderr, flush=True)
        store.set_meta("synthetic_articles", str(size))
    print(f"built {size:,} articles in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return path


def _copy_articles(store: Store, copy: int, count: int) -> None:
    """Add ``count`` of the seeded articles again as "<id>-c<copy>", ``copy`` years later,
    with their entities under the same forms, then count the forms and entities again."""
    suffix = f"-c{copy}"
    old = "IN (SELECT id FROM articles WHERE instr(id, '-c') = 0 ORDER BY id LIMIT :count)"
    old_entities = f"IN (SELECT id FROM article_entities WHERE article_id {old})"
    end = '"end"'
    with store.transaction() as conn:
        before = conn.execute("SELECT coalesce(max(id), 0) FROM sentences").fetchone()[0]
        quotes_before = conn.execute("SELECT coalesce(max(id), 0) FROM quotes").fetchone()[0]
        shift = conn.execute("SELECT coalesce(max(id), 0) FROM article_entities").fetchone()[0]
        values = {"count": count, "shift": shift, "suffix": suffix, "years": f"+{copy} years"}
        for statement in (
            "INSERT INTO articles SELECT id || :suffix, path, content_hash, title, source,"
            f" date(published, :years), url, ingested_at, text FROM articles WHERE id {old}",
            f"INSERT INTO sentences(article_id, idx, start, {end}, text) SELECT"
            f" article_id || :suffix, idx, start, {end}, text FROM sentences"
            f" WHERE article_id {old}",
            "INSERT INTO article_entities SELECT id + :shift, article_id || :suffix, form_id,"
            f" name, type, mentions FROM article_entities WHERE id {old_entities}",
            "INSERT INTO aliases SELECT ae_id + :shift, alias, kind FROM aliases"
            f" WHERE ae_id {old_entities}",
            f"INSERT INTO mentions SELECT ae_id + :shift, sentence_idx, start, {end}"
            f" FROM mentions WHERE ae_id {old_entities}",
            "INSERT INTO descriptions SELECT ae_id + :shift, text FROM descriptions"
            f" WHERE ae_id {old_entities}",
            "INSERT INTO figures(article_id, sentence_idx, value, value_high, text, what,"
            " predicate, approx, unit, per) SELECT article_id || :suffix, sentence_idx, value,"
            " value_high, text, what, predicate, approx, unit, per FROM figures"
            f" WHERE article_id {old}",
            "INSERT INTO quotes(article_id, sentence_idx, cite_idx, speaker, ae_id, form_id,"
            " quote, fragment) SELECT article_id || :suffix, sentence_idx, cite_idx, speaker,"
            f" ae_id + :shift, form_id, quote, fragment FROM quotes WHERE article_id {old}",
        ):
            conn.execute(statement, values)
        conn.execute(
            "INSERT INTO sentences_fts(rowid, text) SELECT id, text FROM sentences WHERE id > ?",
            (before,),
        )
        conn.execute(
            "INSERT INTO quotes_fts(rowid, quote) SELECT id, quote FROM quotes WHERE id > ?",
            (quotes_before,),
        )
        conn.execute(
            "UPDATE forms SET articles = (SELECT count(*) FROM article_entities"
            " WHERE form_id = forms.id)"
        )
        conn.execute(
            "UPDATE entities SET articles = (SELECT sum(articles) FROM forms"
            " WHERE entity_id = entities.id)"
        )


def missing_from_schema() -> list[str]:
    """The suggested indexes a fresh base made by bot/store does not have."""
    with Store(":memory:") as fresh:
        present = {row[0] for row in fresh.conn.execute("SELECT name FROM sqlite_master")}
    return [sql for name, sql in SUGGESTED_INDEXES.items() if name not in present]


def workloads(store: Store, vocabulary: list[str]) -> dict[str, list[Callable[[], object]]]:
    """Calls to time, per command, over a spread of arguments: frequent, rare, missing."""
    rng = random.Random(0)
    rows = sorted(store.read.all_entities(), key=lambda r: -r["articles"])
    names = [r["name"] for r in rows]
    sample = names[:5] + rng.sample(names, 15)
    typos = [n[:-2] + n[-1] for n in sample[:8]]
    surnames = [n.split()[-1] for n in sample[:8]]
    who_args = [*sample, *typos, *surnames, "Zyxwvut Qqq", "Marlowe"]
    topics = [*PREDICATES, *NOUNS[:5], "families displaced", "people killed", "unicorns"]
    searches = [
        *vocabulary[:15],
        "river convoy",
        "ceasefire talks winter",
        sample[0],
        "NEAR(river",
        "unicorns",
    ]
    abouts = ["", "", *vocabulary[:8]]
    article_ids = [row["id"] for row in store.read.article_listing(20)]
    partials = ["", *(n[:k] for n in sample for k in (1, 2, 3, 5)), "zz", "al-"]

    def answer(command: str, argument: str = "", about: str = "") -> Callable[[], object]:
        return lambda: render_pages(run(store, command, argument, about))

    return {
        "/who": [answer("who", a) for a in who_args],
        "/figures": [answer("figures", t) for t in topics],
        "/quote": [answer("quote", n, rng.choice(abouts)) for n in sample + typos],
        "/quote NAME about WORD": [answer("quote", n, w) for n in names[:5] for w in abouts[2:]],
        "/search": [answer("search", s) for s in searches],
        "/articles": [answer("articles")],
        "/article": [answer("article", i) for i in article_ids],
        "autocomplete": [lambda p=p: autocomplete(store, p) for p in partials],
    }


def _index_build(path: Path) -> float:
    """Milliseconds to build the name index, as a new connection must (files in cache)."""
    with Store(path) as store:
        started = time.perf_counter()
        autocomplete(store, "")
        return (time.perf_counter() - started) * 1000


def measure(calls: list[Callable[[], object]], runs: int) -> tuple[float, float]:
    """p50 and p99 in milliseconds over ``runs`` calls, cycling through ``calls``."""
    for call in calls:
        call()
    timings = []
    for index in range(runs):
        started = time.perf_counter()
        calls[index % len(calls)]()
        timings.append((time.perf_counter() - started) * 1000)
    cuts = statistics.quantiles(timings, n=100, method="inclusive")
    return cuts[49], cuts[98]


# Words news quotes often hold, for "about WORD" on a real base.
REAL_VOCABULARY = [
    "wall", "border", "taxes", "jobs", "war", "election", "economy", "police", "vote", "health",
    "china", "climate", "court", "deal", "media",
]  # fmt: skip


def measure_real(path: Path, runs: int) -> None:
    """p50 and p99 of every command on a real base (which it does not change)."""
    with Store(path) as store:
        print("| command | p50 | p99 |\n|---|---:|---:|")
        for command, calls in workloads(store, REAL_VOCABULARY).items():
            p50, p99 = measure(calls, runs)
            print(f"| {command} | {p50:.1f} ms | {p99:.1f} ms |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=300, help="timed calls per command")
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "factbot-bench")
    parser.add_argument("--db", type=Path, help="time a real base instead")
    options = parser.parse_args()
    if options.db:
        measure_real(options.db, options.runs)
        return
    options.dir.mkdir(parents=True, exist_ok=True)

    results: dict[int, dict[str, tuple[float, float]]] = {}
    rebuild: dict[int, float] = {}
    for size in options.sizes:
        path = build(size, options.dir)
        with Store(path) as store:
            with store.transaction() as conn:
                for sql in SUGGESTED_INDEXES.values():
                    conn.execute(sql)
            results[size] = {
                command: measure(calls, options.runs)
                for command, calls in workloads(store, VOCABULARY).items()
            }
        rebuild[size] = statistics.median(_index_build(path) for _ in range(3))

    header = "| command | " + " | ".join(f"{size:,} articles p50 | p99" for size in options.sizes)
    print(header + " |")
    print("|---|" + "---:|---:|" * len(options.sizes))
    for command in results[options.sizes[0]]:
        cells = []
        for size in options.sizes:
            p50, p99 = results[size][command]
            target = TARGET_MS.get(command, DEFAULT_TARGET_MS)
            flag = "" if p99 <= target else " ⚠"
            cells.append(f"{p50:.1f} ms | {p99:.1f} ms{flag}")
        print(f"| {command} | " + " | ".join(cells) + " |")
    print(
        "| name index rebuild (first question after the base changes) | "
        + " | ".join(f"{rebuild[size]:.0f} ms | –" for size in options.sizes)
        + " |"
    )
    for sql in missing_from_schema():
        print(f"\nMeasured with an index bot/store.py does not create yet: {sql};")


if __name__ == "__main__":
    main()
