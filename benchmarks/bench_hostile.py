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
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.extract import extract
from bot.ingest import build_article

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
}


def seconds(text: str) -> float:
    started = time.perf_counter()
    article = build_article("hostile", text)
    if not isinstance(article, str):
        extract(article)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=50_000, help="characters of each text")
    args = parser.parse_args()
    seconds(LEAD)  # the word lists are loaded once, before timing
    print("| case | quarter size | full size | ratio |\n| --- | ---: | ---: | ---: |")
    slow = 0
    for name, make in CASES.items():
        small, large = seconds(make(args.size // 4)), seconds(make(args.size))
        flag = " ⚠" if large > LIMIT_S else ""
        slow += bool(flag)
        ratio = large / small if small > 0 else float("inf")
        print(f"| {name} | {small:.3f} s | {large:.3f} s{flag} | {ratio:.1f} |")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
