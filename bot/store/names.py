"""Keeping ``name_words`` in step with ``form_names``: the folded words of every name.

A name typed in a question is looked up by its words (``bot.store.reads``), so the words of
every name a form goes by are stored beside it, folded by ``bot.textnorm.fold`` as a typed
name is, and each distinct word once more by its length (``name_vocabulary``), where typos
are looked for. Every write that adds a (form, name) pair to ``form_names`` adds its words,
and every write that takes the last row of a pair away removes them (and the words no
other name has): no read ever folds a stored name.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.store.dialect import Connection, Dialect
from bot.textnorm import fold

_COLUMNS = ("word", "form_id", "name", "folded")
# Pairs read at a time when filling the table of a whole base.
_BATCH = 20_000


def _word_rows(pairs: Iterable[tuple[int, str]]) -> list[tuple[str, int, str, str]]:
    """A row for each distinct word of each (form id, name) pair; none for a name with no
    letter or digit."""
    rows: list[tuple[str, int, str, str]] = []
    for form_id, name in dict.fromkeys(pairs):
        folded = fold(name)
        rows.extend((word, form_id, name, folded) for word in dict.fromkeys(folded.split()))
    return rows


def add_name_words(conn: Connection, pairs: Iterable[tuple[int, str]]) -> None:
    """Store the words of names that forms may just have been given (those already stored
    are left as they are)."""
    rows = _word_rows(pairs)
    conn.executemany(
        "INSERT INTO name_words(word, form_id, name, folded) VALUES (?, ?, ?, ?)"
        " ON CONFLICT DO NOTHING",
        rows,
    )
    conn.executemany(
        "INSERT INTO name_vocabulary(length, word) VALUES (?, ?) ON CONFLICT DO NOTHING",
        sorted({(len(word), word) for word, *_ in rows}),
    )


def drop_name_words(conn: Connection, pairs: Iterable[tuple[int, str]]) -> None:
    """Remove the words of the (form id, name) pairs that ``form_names`` no longer holds,
    and from the vocabulary the words that no name has any more."""
    pairs = sorted(set(pairs))
    conn.executemany(
        "DELETE FROM name_words WHERE form_id = ? AND name = ? AND NOT EXISTS"
        " (SELECT 1 FROM form_names n WHERE n.form_id = ? AND n.name = ?)",
        [(form_id, name, form_id, name) for form_id, name in pairs],
    )
    conn.executemany(
        "DELETE FROM name_vocabulary WHERE length = ? AND word = ?"
        " AND NOT EXISTS (SELECT 1 FROM name_words w WHERE w.word = ?)",
        sorted({(len(word), word, word) for word, *_ in _word_rows(pairs)}),
    )


def fill_name_words(conn: Connection, dialect: Dialect) -> None:
    """Store the words of every name of every form: the upgrade of a base written before
    ``name_words`` existed (the tables are new, so there is nothing to replace)."""
    rows = conn.execute("SELECT DISTINCT form_id, name FROM form_names ORDER BY form_id, name")
    pairs = [(row[0], row[1]) for row in rows]
    for start in range(0, len(pairs), _BATCH):
        dialect.insert_rows(conn, "name_words", _COLUMNS, _word_rows(pairs[start : start + _BATCH]))
    conn.execute(
        "INSERT INTO name_vocabulary(length, word) SELECT DISTINCT length(word), word"
        " FROM name_words"
    )
