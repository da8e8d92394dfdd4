"""Build bot/extract/data/common_words.txt: words that news prose mostly writes in lower case.

The entity extractor uses the list to tell a sentence-initial capital ("Backed by ...",
"Government forces ...") from a name. It is derived from word statistics of a large news
corpus (one JSON article a line, optionally gzipped), never from the articles factbot ships:

    python scripts/build_common_words.py CORPUS.jsonl.gz > bot/extract/data/common_words.txt
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections import Counter

WORD = re.compile(r"(?<![\w'])([A-Za-z][a-z]+)(?![\w'])")
SENTENCE_START = re.compile(r"(?:^|[.!?:\"]\s+|\n\s*)$")
MIN_COUNT = 30


def main(path: str) -> None:
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as stream:
        for line in stream:
            text = json.loads(line).get("text") or ""
            for match in WORD.finditer(text):
                word = match.group(1)
                if word[0].isupper():
                    if SENTENCE_START.search(text[max(0, match.start() - 3) : match.start()]):
                        continue
                    upper[word.lower()] += 1
                else:
                    lower[word] += 1
    common = [w for w, n in lower.items() if n >= MIN_COUNT and n >= 2 * upper[w]]
    print("\n".join(sorted(common)))


if __name__ == "__main__":
    main(sys.argv[1])
