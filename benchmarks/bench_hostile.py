"""Time of reading pathological texts, at two sizes, so that nothing grows worse than linearly
with its input (a small file must never stall the bot). Run by hand:

    .venv/bin/python benchmarks/bench_hostile.py [--size 50000]

Each text is built as the indexer builds an article, then extracted. For every case the
time at the full size and at a quarter of it are printed with their ratio: a linear reading
stays near 4, a quadratic one near 16. Anything over ``LIMIT_S`` at the full size is flagged.
The base cases index a JSON Lines file of many small articles into a new base (``--articles``
of them, and a quarter as many), where the identity step must stay linear too: people of
one surname, each in an article of their own, are the worst case for it.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.extract import extract
from bot.indexer import extract_raw, index_paths
from bot.ingest import Failure, build_article, read_file
from bot.store import Store

LIMIT_S = 5.0
LEAD = "Harbour news\n\nThe port of Lowater opened on Monday, Ada Quill said."
CASES: dict[str, Callable[[int], str]] = {
    "leading blank lines": lambda n: "\n" * n + LEAD,
    "leading spaces": lambda n: " " * n + LEAD,
    "a run of !": lambda n: "!" * n,
    "a run of ?": lambda n: "a" + "?" * n + "b",
    "short quotes": lambda n: '"a" ' * (n // 4),
    "guillemets": lambda n: "«a» " * (n // 4),
    "one long word": lambda n: "x" * n,
    "digits and commas": lambda n: "1," * (n // 2),
    "capitalised words": lambda n: "Harbour " * (n // 8),
    "open brackets": lambda n: "(" * n,
    "quotes each said": lambda n: '"x," said ' * (n // 10),
    "counts of people": lambda n: "583,269 people " * (n // 15),
}
# Markdown files are read through the file reader, which turns their markup into text.
MARKDOWN_CASES: dict[str, Callable[[int], str]] = {
    "emphasis never closed": lambda n: "**a " * (n // 4),
    "image links never closed": lambda n: "![" * (n // 2),
    "links never closed": lambda n: "[a](" * (n // 4),
}


def _invented_name(draw: random.Random) -> str:
    return "".join(draw.choice("bcdfghklmnprstvz") + draw.choice("aeiou") for _ in range(3))


def _people(count: int, one_surname: bool) -> list[str]:
    """``count`` articles, each naming one person once in full and once by surname."""
    draw = random.Random(count)
    texts = []
    for n in range(count):
        surname = "Quillory" if one_surname else _invented_name(draw).capitalize()
        given = _invented_name(draw).capitalize()
        texts.append(f"{given} {surname} said {n + 2} people fled. Later {surname} left.")
    return texts


# Articles written as one JSON Lines file, indexed into a new base.
BASE_CASES: dict[str, Callable[[int], list[str]]] = {
    "people of one surname": lambda n: _people(n, one_surname=True),
    "people of distinct surnames": lambda n: _people(n, one_surname=False),
}


def seconds(text: str) -> float:
    started = time.perf_counter()
    article = build_article("hostile", text)
    if not isinstance(article, str):
        extract(article)
    return time.perf_counter() - started


def markdown_seconds(text: str) -> float:
    """The time to read and extract ``text`` as a Markdown file, as the indexer does."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "hostile.md"
        path.write_text(text, encoding="utf-8")
        started = time.perf_counter()
        for raw in read_file(path):
            if not isinstance(raw, Failure):
                extract_raw(raw)
        return time.perf_counter() - started


def index_seconds(texts: list[str]) -> float:
    """The time to index ``texts``, one article each, into a new base."""
    with tempfile.TemporaryDirectory() as folder:
        feed = Path(folder) / "feed.jsonl"
        lines = (json.dumps({"id": f"a{n}", "text": text}) for n, text in enumerate(texts))
        feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
        started = time.perf_counter()
        with Store(Path(folder) / "base.sqlite3") as store:
            index_paths(store, [feed])
        return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=50_000, help="characters of each text")
    parser.add_argument("--articles", type=int, default=2_000, help="articles of a base case")
    args = parser.parse_args()
    seconds(LEAD)  # the word lists are loaded once, before timing
    print("| case | quarter size | full size | ratio |\n| --- | ---: | ---: | ---: |")
    slow = 0
    cases = [(name, make, seconds) for name, make in CASES.items()]
    cases += [(name, make, markdown_seconds) for name, make in MARKDOWN_CASES.items()]
    sizes = dict.fromkeys(CASES.keys() | MARKDOWN_CASES.keys(), args.size)
    cases += [(name, make, index_seconds) for name, make in BASE_CASES.items()]
    sizes.update(dict.fromkeys(BASE_CASES, args.articles))
    for name, make, timed in cases:
        small, large = timed(make(sizes[name] // 4)), timed(make(sizes[name]))
        flag = " ⚠" if large > LIMIT_S else ""
        slow += bool(flag)
        ratio = large / small if small > 0 else float("inf")
        print(f"| {name} | {small:.3f} s | {large:.3f} s{flag} | {ratio:.1f} |")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
