"""Quote extraction against hand-annotated gold: precision, recall and speaker accuracy.

Run by hand (not part of the test suite):

    python benchmarks/eval_quotes.py [--gold benchmarks/gold/quotes.jsonl] [-v]

Each gold article (format in ``benchmarks/gold/README.md``) is read from the corpora next to
this checkout and built exactly as the indexer builds it (``bot.ingest.build_article`` from the
record's fields), then extracted. A gold quote's text is its spans joined with a space. A
predicted quote matches a gold quote by token F1 over folded word tokens, one to one, best
pairs first: a strict match has F1 >= 0.8, a loose one >= 0.3.

- The main score counts statements only: gold fragments and predicted fragments are left out.
  A predicted statement that matches a gold fragment counts neither way; it is reported with
  the fragments.
- Each part of the gold (a line's ``part``: the hash-ordered "sample", the "attribution"
  articles chosen for hard attributions) is scored on its own.
- Speaker accuracy: among loosely matched gold quotes with a named speaker, the share whose
  predicted speaker matches (one name's word set contained in the other's, after folding);
  nominal speakers ("a spokesman for the ministry") are scored the same way, apart.

With ``-v`` every article's misses are printed: gold quotes not matched strictly, wrong
speakers and predicted quotes that match nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from samples import records

from bot.extract import extract
from bot.ingest import build_article
from bot.model import Article, Quote
from bot.textnorm import fold

GOLD = Path(__file__).resolve().parent / "gold" / "quotes.jsonl"
STRICT, LOOSE = 0.8, 0.3
# Words that do not tell two speakers apart ("the ministry" is "ministry").
_SPEAKER_STOPWORDS = frozenset({"the", "a", "an", "of", "for", "al", "el"})


@dataclass(slots=True)
class GoldQuote:
    text: str
    speaker: str | None
    kind: str
    fragment: bool


@dataclass(slots=True)
class Match:
    gold: GoldQuote
    predicted: Quote
    f1: float


def token_f1(a: str, b: str) -> float:
    """F1 of the folded word tokens two texts share (as multisets)."""
    left, right = Counter(fold(a).split()), Counter(fold(b).split())
    common = sum((left & right).values())
    if not common:
        return 0.0
    precision, recall = common / sum(left.values()), common / sum(right.values())
    return 2 * precision * recall / (precision + recall)


def speaker_match(predicted: str | None, gold: str | None) -> bool:
    """One speaker's folded words contain the other's ("Trump" and "Donald Trump")."""
    if not predicted or not gold:
        return False
    p = set(fold(predicted).split()) - _SPEAKER_STOPWORDS
    g = set(fold(gold).split()) - _SPEAKER_STOPWORDS
    return bool(p and g) and (p <= g or g <= p)


def build(record: dict) -> Article:
    """The article as the indexer builds it from a JSON-lines record."""
    fields = {k: record.get(k) for k in ("title", "source", "published", "url")}
    built = build_article(
        str(record["id"]),
        record["text"],
        **{k: v if isinstance(v, str) else None for k, v in fields.items()},
    )
    if isinstance(built, str):
        raise ValueError(f"{record['id']}: {built}")
    return built


def load_gold(path: Path) -> list[tuple[dict, list[GoldQuote], str]]:
    """(corpus record, gold quotes, part) of every annotated article, in the gold file's
    order; the part is the line's ``part`` ("sample" when it gives none)."""
    lines = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    wanted: dict[str, set[str]] = {}
    for line in lines:
        wanted.setdefault(line["corpus"], set()).add(line["id"])
    found: dict[str, dict] = {}
    for corpus, ids in wanted.items():
        for record in records(corpus):
            if record["id"] in ids:
                found[record["id"]] = record
                if ids <= found.keys():
                    break
    annotated = []
    for line in lines:
        raw = found[line["id"]]["text"]
        quotes = [
            GoldQuote(
                text=" ".join(raw[start:end] for start, end in q["spans"]),
                speaker=q["speaker"],
                kind=q["speaker_kind"],
                fragment=q["fragment"],
            )
            for q in line["quotes"]
        ]
        annotated.append((found[line["id"]], quotes, line.get("part", "sample")))
    return annotated


def pair(golds: list[GoldQuote], predicted: list[Quote]) -> list[Match]:
    """One-to-one matches of at least loose overlap, the best-overlapping pairs first."""
    candidates = sorted(
        (
            (f1, g, p)
            for g, gold in enumerate(golds)
            for p, quote in enumerate(predicted)
            if (f1 := token_f1(quote.quote, gold.text)) >= LOOSE
        ),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    matches = []
    for f1, g, p in candidates:
        if g not in used_gold and p not in used_predicted:
            used_gold.add(g)
            used_predicted.add(p)
            matches.append(Match(golds[g], predicted[p], f1))
    return matches


@dataclass(slots=True)
class Tally:
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    loose: int = 0
    named: int = 0
    named_right: int = 0
    nominal: int = 0
    nominal_right: int = 0
    gold_fragments: int = 0
    predicted_fragments: int = 0
    fragments_found: int = 0
    fragments_as_statements: int = 0
    statements_as_fragments: int = 0


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def score_article(record: dict, golds: list[GoldQuote], tally: Tally, verbose: bool) -> None:
    extracted = [q for q in extract(build(record)).quotes]
    statements = [q for q in extracted if not q.fragment]
    fragments = [q for q in extracted if q.fragment]
    gold_statements = [g for g in golds if not g.fragment]
    gold_fragments = [g for g in golds if g.fragment]
    matches = pair(gold_statements, statements)
    matched_predicted = {id(m.predicted) for m in matches}
    leftover = [q for q in statements if id(q) not in matched_predicted]
    as_fragments = pair(gold_fragments, leftover)  # statements the gold calls fragments
    neutral = {id(m.predicted) for m in as_fragments}

    tally.gold += len(gold_statements)
    tally.predicted += len(statements) - len(neutral)
    tally.strict += sum(m.f1 >= STRICT for m in matches)
    tally.loose += len(matches)
    tally.gold_fragments += len(gold_fragments)
    tally.predicted_fragments += len(fragments)
    tally.fragments_found += len(pair(gold_fragments, fragments))
    tally.fragments_as_statements += len(as_fragments)
    tally.statements_as_fragments += len(
        pair([g for g in gold_statements if all(m.gold is not g for m in matches)], fragments)
    )
    wrong: list[Match] = []
    for m in matches:
        right = speaker_match(m.predicted.speaker, m.gold.speaker)
        if m.gold.kind == "named":
            tally.named += 1
            tally.named_right += right
        elif m.gold.kind == "nominal":
            tally.nominal += 1
            tally.nominal_right += right
        if not right:
            wrong.append(m)
    if not verbose:
        return
    strict = {id(m.gold) for m in matches if m.f1 >= STRICT}
    lines = []
    for g in gold_statements:
        if id(g) not in strict:
            best = next((m for m in matches if m.gold is g), None)
            got = f"loose {best.f1:.2f}: {_short(best.predicted.quote, 60)!r}" if best else "none"
            lines.append(f"  MISS   [{g.speaker}] {_short(g.text)!r}\n         -> {got}")
    for m in wrong:
        lines.append(
            f"  SPEAKER {m.predicted.speaker!r} for [{m.gold.speaker}] {_short(m.gold.text, 60)!r}"
        )
    for q in leftover:
        if id(q) not in neutral:
            lines.append(f"  EXTRA  [{q.speaker}] {_short(q.quote)!r}")
    if lines:
        print(f"{record['id']}:")
        print("\n".join(lines))


def _prf(right_p: int, predicted: int, right_r: int, gold: int) -> str:
    p = right_p / predicted if predicted else 0.0
    r = right_r / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P={p:.2f} R={r:.2f} F1={f:.2f}"


def _share(right: int, total: int) -> str:
    return f"{right / total:.2f} ({right}/{total})" if total else "n/a"


def report(name: str, articles: int, tally: Tally) -> None:
    print(
        f"[{name}] articles {articles}, gold statements {tally.gold}, "
        f"predicted statements {tally.predicted}"
    )
    print(f"strict (>= {STRICT}): {_prf(tally.strict, tally.predicted, tally.strict, tally.gold)}")
    print(f"loose  (>= {LOOSE}): {_prf(tally.loose, tally.predicted, tally.loose, tally.gold)}")
    print(f"named speaker accuracy:   {_share(tally.named_right, tally.named)}")
    print(f"nominal speaker accuracy: {_share(tally.nominal_right, tally.nominal)}")
    print(
        f"fragments: gold {tally.gold_fragments}, predicted {tally.predicted_fragments}, "
        f"found as fragments {tally.fragments_found}, "
        f"reported as statements {tally.fragments_as_statements}; "
        f"gold statements reported as fragments {tally.statements_as_fragments}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("-v", "--verbose", action="store_true", help="print each article's misses")
    args = parser.parse_args()
    tallies: dict[str, Tally] = {}
    articles: Counter[str] = Counter()
    for record, golds, part in load_gold(args.gold):
        score_article(record, golds, tallies.setdefault(part, Tally()), args.verbose)
        articles[part] += 1
    for part, tally in tallies.items():
        report(part, articles[part], tally)
    return 0


if __name__ == "__main__":
    sys.exit(main())
