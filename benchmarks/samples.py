"""Reproducible samples of the shared corpora for hand annotation (quotes, figures).

The samples are chosen by a fixed rule, never by what the extractor gets right: articles are
ordered by the SHA-256 of their id, and the first ones that fit a plain size and content rule
are taken. Articles of the name-resolution development set are left out, so the annotated
samples are articles nobody has tuned on.

Only locations are stored in the gold files (article id and character offsets into the
corpus record's raw ``text``); the text itself stays in the corpora and is read from there.

    python benchmarks/samples.py quotes     # the 30 articles of the quote sample
    python benchmarks/samples.py attribution  # 32 articles chosen for hard attributions
    python benchmarks/samples.py figures    # the 200 sentences of the figure sample
    python benchmarks/samples.py measures   # 100 more, from the whole allsides corpus
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


# Attribution sample: allsides articles chosen for the ways a quote is attributed that are
# hardest to get right, eight of each kind, of ordinary length and with quotation marks.
ATTRIBUTION_KINDS = {
    # "the president said", "the senator told reporters"
    "nominal": re.compile(
        r"\bthe (?:president|senator|minister|spokesman|spokeswoman|leader|governor|"
        r"secretary|congressman|congresswoman|official|chairman|speaker)\b[^.\n]{0,30}"
        r"\b(?:said|says|told|added)\b"
    ),
    # "..." he said; "...," she added
    "pronoun": re.compile(r"[\u201d\"],? (?:he|she) (?:said|added|told|wrote)\b"),
    # said Sens. A and B; A and B said in a statement
    "joint": re.compile(
        r"\bsaid (?:Sens?\.|Reps?\.) [A-Z]\w+(?: [A-Z]\w+)? and |"
        r"\b[A-Z]\w+ and [A-Z]\w+ (?:[A-Z]\w+ )?said in a (?:joint )?statement"
    ),
    # NAME: words (an interview transcript)
    "interview": re.compile(r"(?m)^[A-Z][A-Za-z.' ]{1,30}: \S"),
}
ATTRIBUTION_QUOTA = 8
ATTRIBUTION_CHARS = (1500, 6000)


def attribution_sample() -> list[tuple[str, str, dict]]:
    """(kind, corpus, record) of the articles of the attribution sample."""
    low, high = ATTRIBUTION_CHARS
    taken = {record["id"] for _, record in quote_sample()}
    candidates = _ranked(
        "allsides",
        lambda r: low <= len(r["text"]) <= high and len(_QUOTE_MARK.findall(r["text"])) >= 4,
    )
    sample: list[tuple[str, str, dict]] = []
    for kind, pattern in ATTRIBUTION_KINDS.items():
        chosen = [r for r in candidates if r["id"] not in taken and pattern.search(r["text"])]
        for record in chosen[:ATTRIBUTION_QUOTA]:
            taken.add(record["id"])
            sample.append((kind, "allsides", record))
    return sample


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


# Second figure sample: 100 sentences from the whole allsides corpus, one an article, in the
# hash order of a salted id (so not the first sample's articles), left out the articles of
# the first sample.
SECOND_FIGURES = 100
SECOND_SALT = "measures"


def second_figure_sample() -> list[tuple[str, dict, int, int]]:
    """(corpus, record, start, end) of the sentences of the second figure sample."""
    from bot.ingest.sentences import split_sentences

    taken = {record["id"] for _, record, _, _ in figure_sample()}
    excluded = _excluded() | taken
    chosen = [r for r in records("allsides") if r["id"] not in excluded and r["text"].strip()]
    chosen.sort(key=lambda r: _order(SECOND_SALT + r["id"]))
    sample: list[tuple[str, dict, int, int]] = []
    for record in chosen:
        for sentence in split_sentences(record["text"]):
            text = sentence.text
            if 30 <= len(text) <= 400 and (_DIGIT.search(text) or _NUMBER_WORD.search(text)):
                sample.append(("allsides", record, sentence.start, sentence.end))
                break
        if len(sample) == SECOND_FIGURES:
            break
    return sample


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", choices=("quotes", "attribution", "figures", "measures"))
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    if args.kind == "quotes":
        for corpus, record in quote_sample():
            print(json.dumps({"corpus": corpus, "id": record["id"], "chars": len(record["text"])}))
    elif args.kind == "attribution":
        for kind, corpus, record in attribution_sample():
            line = {"corpus": corpus, "id": record["id"], "kind": kind}
            print(json.dumps(line | {"chars": len(record["text"])}))
    else:
        sample = figure_sample() if args.kind == "figures" else second_figure_sample()
        for corpus, record, start, end in sample:
            print(json.dumps({"corpus": corpus, "id": record["id"], "start": start, "end": end}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
