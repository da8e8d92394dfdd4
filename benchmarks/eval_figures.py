"""Figure extraction against the hand-annotated sentences of ``benchmarks/gold/figures.jsonl``.

Run by hand (not part of the test suite):

    python benchmarks/eval_figures.py [-v] [--gold FILE]

Each annotated sentence is read from its corpus record (``../shared/corpora``), fed alone to
the extractor as an article with no title, and its figures are scored against the gold:

- a prediction matches a gold figure when the values are equal (relative tolerance 1e-3) and
  so are the upper ends of a range (``value_high``, None for a single value); a vague gold
  amount (value null) is matched by a vague prediction whose text overlaps it;
- each gold figure takes at most one prediction, overlapping ones first; optional gold
  figures count neither way (a prediction that matches one is not counted);
- precision, recall and F1 of values overall; recall by gold category; precision by what
  the prediction looks like (money, percent, range, duration, ...);
- on matched figures, unit accuracy, agreement on what is counted (the measure) and, where
  the gold names one, on the scope (the place or entity the figure is about);
- each part of the gold (a line's ``part``: the first "sample", the "measures" sentences
  of the whole corpus, the "written" sentences of other kinds of news) is scored apart.

``-v`` lists every miss and false positive with its sentence.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from samples import records  # noqa: E402

from bot.extract.figures import extract_figures  # noqa: E402
from bot.ingest import build_article  # noqa: E402
from bot.textnorm import stems  # noqa: E402

GOLD = ROOT / "benchmarks" / "gold" / "figures.jsonl"
CURRENCY_SIGNS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "dollars": "USD"}
DURATION_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}
# Words that name the unit rather than the counted thing: left out when comparing "what".
UNIT_WORDS = set(stems(" ".join(DURATION_UNITS) + " percent old times")) | {"s"}


@dataclass
class Predicted:
    value: float | None
    value_high: float | None
    unit: str
    what: str
    text: str
    start: int  # offsets into the sentence
    end: int
    scope: str = ""


@dataclass
class Gold:
    value: float | None
    value_high: float | None
    unit: str
    what: str
    text: str
    category: str
    optional: bool
    start: int
    end: int
    scope: str = ""


def _load_texts(gold: list[dict]) -> dict[tuple[str, str], str]:
    """Each line's article text: from its corpus record, or its own ``text`` (sentences
    written for the gold, corpus "written")."""
    wanted: dict[str, set[str]] = {}
    texts = {(line["corpus"], line["id"]): line["text"] for line in gold if "text" in line}
    for line in gold:
        if "text" not in line:
            wanted.setdefault(line["corpus"], set()).add(line["id"])
    for corpus, ids in wanted.items():
        for record in records(corpus):
            if record["id"] in ids:
                texts[corpus, record["id"]] = record["text"]
    return texts


def predict(sentence: str) -> list[Predicted]:
    """The figures the extractor finds in ``sentence`` alone."""
    article = build_article("gold", sentence)
    if isinstance(article, str):
        return []
    found = []
    searched = 0
    for f in extract_figures(article):
        at = sentence.find(f.text, searched)
        if at < 0:
            at = max(0, article.text.find(f.text))
        found.append(
            Predicted(
                f.value,
                getattr(f, "value_high", None),
                f.unit,
                f.what,
                f.text,
                at,
                at + len(f.text),
                getattr(f, "scope", ""),
            )
        )
        searched = at
    return found


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-3 * max(1.0, abs(b))  # "two-thirds" annotated as 0.6667


def _overlap(p: Predicted, g: Gold) -> bool:
    return p.start < g.end and g.start < p.end


def matches(p: Predicted, g: Gold) -> bool:
    if g.value is None:
        return p.value is None and _overlap(p, g)
    return _same(p.value, g.value) and _same(p.value_high, g.value_high)


def pair(predicted: list[Predicted], gold: list[Gold]) -> dict[int, int]:
    """Gold index -> predicted index, one to one; required gold first, overlapping first."""
    taken: dict[int, int] = {}
    order = sorted(range(len(gold)), key=lambda i: gold[i].optional)
    for gi in order:
        candidates = [
            pi
            for pi, p in enumerate(predicted)
            if pi not in taken.values() and matches(p, gold[gi])
        ]
        candidates.sort(key=lambda pi: not _overlap(predicted[pi], gold[gi]))
        if candidates:
            taken[gi] = candidates[0]
    return taken


def kind(p: Predicted) -> str:
    """What a prediction looks like, named as the gold categories are."""
    if p.value is None:
        return "vague"
    if p.value_high is not None:
        return "range"
    unit = _unit(p.unit)
    if unit == "%":
        return "percent"
    if len(unit) == 3 and unit.isupper():
        return "money"
    if unit in DURATION_UNITS:
        text = p.text.lower()
        age = "old" in text or "aged" in text or (unit == "year" and text.isdigit())
        return "age" if age else "duration"  # "a 40-year-old", "Ada Quill, 52,"
    if unit:
        return "measure"
    return "fraction" if p.value < 1 else "count"


def _unit(unit: str) -> str:
    unit = CURRENCY_SIGNS.get(unit, unit)
    if unit.endswith("s") and unit[:-1] in DURATION_UNITS | {"mile", "ton", "inch"}:
        return unit[:-1]
    return unit


def _what_agrees(p: Predicted, g: Gold) -> bool:
    """The measure as predicted (what, with the scope: an age is "age" of someone) shares
    a stem with the gold's, or both say nothing."""
    predicted = set(stems(f"{p.what} {p.scope}")) - UNIT_WORDS
    wanted = set(stems(g.what)) - UNIT_WORDS
    return predicted == wanted if not (predicted and wanted) else bool(predicted & wanted)


def _scope_agrees(p: Predicted, g: Gold) -> bool:
    """The predicted scope shares a word with the gold's (stems, case aside)."""
    return bool(set(stems(p.scope)) & set(stems(g.scope)))


def _prf(tp_p: int, n_p: int, tp_r: int, n_r: int) -> tuple[float, float, float]:
    p = tp_p / n_p if n_p else 1.0
    r = tp_r / n_r if n_r else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Tally:
    gold_n: Counter = field(default_factory=Counter)
    gold_hit: Counter = field(default_factory=Counter)
    pred_n: Counter = field(default_factory=Counter)
    pred_hit: Counter = field(default_factory=Counter)
    matched: int = 0
    unit_ok: int = 0
    what_ok: int = 0
    scoped: int = 0  # matched figures whose gold gives a scope
    scope_ok: int = 0
    sentences: int = 0
    report: list[str] = field(default_factory=list)


def score_line(line: dict, raw: str, tally: Tally) -> None:
    sentence = raw[line["start"] : line["end"]]
    gold = [
        Gold(
            g["value"],
            g["value_high"],
            g["unit"],
            g["what"],
            raw[g["span"][0] : g["span"][1]],
            g["category"],
            g["optional"],
            g["span"][0] - line["start"],
            g["span"][1] - line["start"],
            g.get("scope", ""),
        )
        for g in line["figures"]
    ]
    predicted = predict(sentence)
    taken = pair(predicted, gold)
    notes = []
    tally.sentences += 1
    for gi, g in enumerate(gold):
        if g.optional:
            continue
        tally.gold_n[g.category] += 1
        if gi in taken:
            tally.gold_hit[g.category] += 1
            p = predicted[taken[gi]]
            tally.matched += 1
            tally.unit_ok += _unit(p.unit) == g.unit
            agrees = _what_agrees(p, g)
            tally.what_ok += agrees
            if g.scope:
                tally.scoped += 1
                tally.scope_ok += _scope_agrees(p, g)
            if _unit(p.unit) != g.unit:
                notes.append(f"  unit {p.unit!r} for {g.unit!r}: {g.text!r}")
            if not agrees:
                notes.append(f"  WHAT {p.what!r} for {g.what!r}: {g.text!r}")
        else:
            notes.append(f"  MISS [{g.category}] {g.text!r} = {g.value} {g.value_high}")
    optional_hits = {pi for gi, pi in taken.items() if gold[gi].optional}
    required_hits = {pi for gi, pi in taken.items() if not gold[gi].optional}
    for pi, p in enumerate(predicted):
        if pi in optional_hits:
            continue
        tally.pred_n[kind(p)] += 1
        if pi in required_hits:
            tally.pred_hit[kind(p)] += 1
        else:
            notes.append(f"  FALSE [{kind(p)}] {p.text!r} = {p.value} {p.value_high}")
    if notes:
        tally.report.append(f"{line['id']} {sentence!r}\n" + "\n".join(notes))


def print_tally(part: str, tally: Tally, verbose: bool) -> None:
    gold_n, gold_hit, pred_n, pred_hit = tally.gold_n, tally.gold_hit, tally.pred_n, tally.pred_hit
    matched = tally.matched
    p, r, f = _prf(sum(pred_hit.values()), sum(pred_n.values()), matched, sum(gold_n.values()))
    print(f"[{part}] {tally.sentences} sentences, {sum(gold_n.values())} gold figures")
    print(f"(optional left out), {sum(pred_n.values())} predicted\n")
    print(f"value  P {p:.2f}  R {r:.2f}  F1 {f:.2f}")
    if matched:
        scope = f", scope {tally.scope_ok / tally.scoped:.2f}" if tally.scoped else ""
        print(
            f"on {matched} matched: unit {tally.unit_ok / matched:.2f}, "
            f"measure (what) {tally.what_ok / matched:.2f}{scope}\n"
        )
    print("| category | gold | recall | predicted | precision |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for category in sorted(set(gold_n) | set(pred_n), key=lambda c: -gold_n[c]):
        recall = f"{gold_hit[category] / gold_n[category]:.2f}" if gold_n[category] else "-"
        precision = f"{pred_hit[category] / pred_n[category]:.2f}" if pred_n[category] else "-"
        print(f"| {category} | {gold_n[category]} | {recall} | {pred_n[category]} | {precision} |")
    print()
    if verbose:
        print("\n".join(tally.report) + "\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and FPs")
    parser.add_argument("--gold", type=Path, default=GOLD)
    args = parser.parse_args()
    lines = [json.loads(line) for line in args.gold.read_text().splitlines() if line.strip()]
    texts = _load_texts(lines)
    tallies: dict[str, Tally] = {}
    for line in lines:
        tally = tallies.setdefault(line.get("part", "sample"), Tally())
        score_line(line, texts[line["corpus"], line["id"]], tally)
    for part, tally in tallies.items():
        print_tally(part, tally, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
