"""Reproducible samples of the shared corpora for hand annotation (quotes, figures).

The samples are chosen by a fixed rule, never by what the extractor gets right: articles are
ordered by the SHA-256 of their id, and the first ones that fit a plain size and content rule
are taken. Articles of the name-resolution development set are left out, so the annotated
samples are articles nobody has tuned on.

Only locations are stored in the gold files (article id and character offsets into the
corpus record's raw ``text``); the text itself stays in the corpora and is read from there.

    python benchmarks/samples.py quotes     # the 30 articles of the quote sample
    python benchmarks/samples.py figures    # the 200 sentences of the figure sample
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPORA = SHARED / "corpora"
CORPUS_FILES = {
    "allsides": CORPORA / "allsides" / "articles.jsonl.gz",
    "allsides-mideast": CORPORA / "allsides-mideast" / "articles.jsonl",
    "fakes-syria": CORPORA / "fakes-syria" / "articles.jsonl",
}
DEV_SET = SHARED / "eval" / "scale" / "articles.txt"

# Quote sample: 20 general political articles and 10 Middle East ones, of ordinary length,
# with at least two pairs of quotation marks.
QUOTE_QUOTAS = {"allsides": 20, "allsides-mideast": 10}
QUOTE_CHARS = (1500, 7000)
# Figure sample: sentences with a digit or a number word, at most two an article, from all
# three corpora in turn.
FIGURE_QUOTAS = {"allsides": 100, "allsides-mideast": 60, "fakes-syria": 40}
FIGURES_PER_ARTICLE = 2
_NUMBER_WORD = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|"
    r"trillion|dozen|dozens|half|third|thirds|quarter|percent)\b",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_QUOTE_MARK = re.compile('["\u201c\u201d]')


def records(corpus: str) -> Iterator[dict]:
    path = CORPUS_FILES[corpus]
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as stream:
        for line in stream:
            yield json.loads(line)


def _order(article_id: str) -> str:
    return hashlib.sha256(article_id.encode()).hexdigest()


def _excluded() -> set[str]:
    return set(DEV_SET.read_text().split()) if DEV_SET.exists() else set()


def _ranked(corpus: str, keep) -> list[dict]:
    """The corpus's records that ``keep`` accepts, in the fixed hash order."""
    excluded = _excluded()
    chosen = [r for r in records(corpus) if r["id"] not in excluded and keep(r)]
    chosen.sort(key=lambda r: _order(r["id"]))
    return chosen


def quote_sample() -> list[tuple[str, dict]]:
    """(corpus, record) of the articles of the quote sample."""
    low, high = QUOTE_CHARS

    def keep(record: dict) -> bool:
        text = record["text"]
        return low <= len(text) <= high and len(_QUOTE_MARK.findall(text)) >= 4

    # allsides-mideast is a subset of allsides: an article is annotated once, in the subset.
    topical = {r["id"] for r in records("allsides-mideast")}
    return [
        (corpus, record)
        for corpus, quota in QUOTE_QUOTAS.items()
        for record in _ranked(
            corpus, lambda r, c=corpus: keep(r) and (c != "allsides" or r["id"] not in topical)
        )[:quota]
    ]


def figure_sample() -> list[tuple[str, dict, int, int]]:
    """(corpus, record, start, end) of the sentences of the figure sample."""
    from bot.ingest.sentences import split_sentences

    sample: list[tuple[str, dict, int, int]] = []
    seen: set[str] = set()  # the same sentence in two articles (a syndicated story) once
    for corpus, quota in FIGURE_QUOTAS.items():
        taken = 0
        for record in _ranked(corpus, lambda r: bool(r["text"].strip())):
            picked = 0
            for sentence in split_sentences(record["text"]):
                if picked == FIGURES_PER_ARTICLE or taken == quota:
                    break
                text = sentence.text
                if text in seen:
                    continue
                if 30 <= len(text) <= 400 and (_DIGIT.search(text) or _NUMBER_WORD.search(text)):
                    seen.add(text)
                    sample.append((corpus, record, sentence.start, sentence.end))
                    picked += 1
                    taken += 1
            if taken == quota:
                break
    return sample


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", choices=("quotes", "figures"))
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    if args.kind == "quotes":
        for corpus, record in quote_sample():
            print(json.dumps({"corpus": corpus, "id": record["id"], "chars": len(record["text"])}))
    else:
        for corpus, record, start, end in figure_sample():
            print(json.dumps({"corpus": corpus, "id": record["id"], "start": start, "end": end}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
