"""Time of reading pathological texts, at two sizes, so that nothing grows worse than linearly
with its input (a small file must never stall the bot). Run by hand:

    .venv/bin/python benchmarks/bench_hostile.py [--size 50000]

Each text is built as the indexer builds an article, then extracted. For every case the
time at the full size and at a quarter of it are printed with their ratio: a linear reading
stays near 4, a quadratic one near 16. Anything over ``LIMIT_S`` at the full size is flagged.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.extract import extract
from bot.indexer import extract_raw
from bot.ingest import Failure, build_article, read_file

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=50_000, help="characters of each text")
    args = parser.parse_args()
    seconds(LEAD)  # the word lists are loaded once, before timing
    print("| case | quarter size | full size | ratio |\n| --- | ---: | ---: | ---: |")
    slow = 0
    cases = [(name, make, seconds) for name, make in CASES.items()]
    cases += [(name, make, markdown_seconds) for name, make in MARKDOWN_CASES.items()]
    for name, make, timed in cases:
        small, large = timed(make(args.size // 4)), timed(make(args.size))
        flag = " ⚠" if large > LIMIT_S else ""
        slow += bool(flag)
        ratio = large / small if small > 0 else float("inf")
        print(f"| {name} | {small:.3f} s | {large:.3f} s{flag} | {ratio:.1f} |")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
