"""The identity step's reads and writes: which forms to resolve, and saving the entities.

Writing an article marks the forms it touched ``dirty``. Before each commit, ``settle``
takes the dirty forms, grows them into the part of the base they can interact with (every
form that shares a blocking key with one of them, and so on until nothing new is reached),
resolves that part with ``bot.identity.resolve`` and saves the entities it makes. The work
follows the size of what was touched, not the size of the base; ``relink`` does the same for
every form, which gives the same entities (the resolution depends only on the forms).
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable

from bot.identity import Cluster, FormData, resolve
from bot.identity.profile import CONTEXT_WORDS, Profile

_CHUNK = 500


def settle(conn: sqlite3.Connection) -> int:
    """Resolve the entities of every dirty form and what it can join; return how many
    forms were resolved."""
    dirty = [r[0] for r in conn.execute("SELECT id FROM forms WHERE dirty = 1")]
    if not dirty:
        return 0
    return _resolve_from(conn, dirty)


def relink(conn: sqlite3.Connection) -> int:
    """Resolve every form of the base afresh; return how many there are."""
    conn.execute("UPDATE forms SET dirty = 1")
    return settle(conn)


def _resolve_from(conn: sqlite3.Connection, dirty: list[int]) -> int:
    # What the dirty forms were joined with before (their old keys and entities), so that
    # an entity they leave is resolved again too.
    seeds = set(dirty)
    seeds |= _sharing_keys(conn, _keys_of(conn, dirty))
    seeds |= _ids(
        conn,
        "SELECT id FROM forms WHERE entity_id IN "
        "(SELECT entity_id FROM forms WHERE id IN ({}) AND entity_id IS NOT NULL)",
        dirty,
    )
    entities = _ids(
        conn, "SELECT entity_id FROM forms WHERE id IN ({}) AND entity_id IS NOT NULL", seeds
    )
    dead = _ids(conn, "SELECT id FROM forms WHERE id IN ({}) AND articles <= 0", dirty)
    _forget_forms(conn, dead)
    live = [f for f in dirty if f not in dead]
    forms = _load(conn, live)
    _replace_keys(conn, forms)
    part = _closure(conn, seeds - dead)
    forms.update(_load(conn, sorted(part - set(forms))))
    clusters = resolve(forms[i] for i in sorted(part))
    _save(conn, clusters, part, entities)
    return len(part)


def _ids(conn: sqlite3.Connection, sql: str, values: Iterable[int]) -> set[int]:
    found: set[int] = set()
    values = list(values)
    for start in range(0, len(values), _CHUNK):
        chunk = values[start : start + _CHUNK]
        found.update(r[0] for r in conn.execute(sql.format(",".join("?" * len(chunk))), chunk))
    return found


def _keys_of(conn: sqlite3.Connection, forms: Iterable[int]) -> set[str]:
    keys: set[str] = set()
    forms = list(forms)
    for start in range(0, len(forms), _CHUNK):
        chunk = forms[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        keys.update(
            r[0]
            for r in conn.execute(f"SELECT key FROM form_keys WHERE form_id IN ({marks})", chunk)
        )
    return keys


def _sharing_keys(conn: sqlite3.Connection, keys: Iterable[str]) -> set[int]:
    found: set[int] = set()
    keys = list(keys)
    for start in range(0, len(keys), _CHUNK):
        chunk = keys[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        found.update(
            r[0]
            for r in conn.execute(f"SELECT form_id FROM form_keys WHERE key IN ({marks})", chunk)
        )
    return found


def _closure(conn: sqlite3.Connection, seeds: set[int]) -> set[int]:
    """Every form reachable from ``seeds`` through shared blocking keys."""
    reached = set(seeds)
    frontier = set(seeds)
    seen_keys: set[str] = set()
    while frontier:
        keys = _keys_of(conn, frontier) - seen_keys
        seen_keys |= keys
        frontier = _sharing_keys(conn, keys) - reached
        reached |= frontier
    return reached


def _load(conn: sqlite3.Connection, ids: list[int]) -> dict[int, FormData]:
    """The forms with these ids, as the resolver reads them."""
    rows: dict[int, sqlite3.Row] = {}
    names: dict[int, list[tuple[str, int, bool]]] = defaultdict(list)
    context: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(
            f"SELECT id, key, type, articles, mentions FROM forms WHERE id IN ({marks})", chunk
        ):
            rows[row[0]] = row
        for form, name, fullest, uses in conn.execute(
            f"SELECT form_id, name, fullest, uses FROM form_names WHERE form_id IN ({marks})"
            " AND uses > 0",
            chunk,
        ):
            names[form].append((name, uses, bool(fullest)))
        for form, key, uses in conn.execute(
            f"SELECT form_id, key, uses FROM form_context WHERE form_id IN ({marks}) AND uses > 0",
            chunk,
        ):
            context[form].append((uses, key))
    return {
        form_id: FormData(
            id=form_id,
            key=row["key"],
            type=row["type"],
            articles=row["articles"],
            mentions=row["mentions"],
            names=tuple(sorted(names[form_id])),
            context=tuple(key for _, key in sorted(context[form_id], key=lambda c: (-c[0], c[1])))[
                :CONTEXT_WORDS
            ],
        )
        for form_id, row in rows.items()
    }


def _replace_keys(conn: sqlite3.Connection, forms: dict[int, FormData]) -> None:
    """Store the blocking keys of forms whose names may have changed."""
    ids = list(forms)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        conn.execute(
            f"DELETE FROM form_keys WHERE form_id IN ({','.join('?' * len(chunk))})", chunk
        )
    conn.executemany(
        "INSERT OR IGNORE INTO form_keys(key, form_id) VALUES (?, ?)",
        [(key, form.id) for form in forms.values() for key in Profile(form).blocking_keys()],
    )


def _forget_forms(conn: sqlite3.Connection, dead: set[int]) -> None:
    """Drop forms no article uses any more, with their names, keys and context."""
    rows = [(f,) for f in sorted(dead)]
    for table in ("form_keys", "form_names", "form_context"):
        conn.executemany(f"DELETE FROM {table} WHERE form_id = ?", rows)
    conn.executemany("DELETE FROM forms WHERE id = ?", rows)


def _save(
    conn: sqlite3.Connection, clusters: list[Cluster], part: set[int], before: set[int]
) -> None:
    """Give each cluster an entity: the one most of its forms already had, if no bigger
    cluster took it first, else a new one; drop the entities ``before`` that none kept."""
    current = dict(_pairs(conn, part))
    before = before | {e for e in current.values() if e is not None}
    articles = {c.forms: c.articles for c in clusters}
    kept: set[int] = set()
    assignments: list[tuple[int, int]] = []
    for cluster in sorted(clusters, key=lambda c: (-c.articles, c.forms)):
        votes: dict[int, int] = defaultdict(int)
        for form_id in cluster.forms:
            entity_id = current.get(form_id)
            if entity_id is not None and entity_id not in kept:
                votes[entity_id] += 1
        if votes:
            entity_id = max(votes, key=lambda e: (votes[e], -e))
            conn.execute(
                "UPDATE entities SET name = ?, type = ?, articles = ? WHERE id = ?",
                (cluster.name, cluster.type, articles[cluster.forms], entity_id),
            )
        else:
            entity_id = conn.execute(
                "INSERT INTO entities(name, type, articles) VALUES (?, ?, ?)",
                (cluster.name, cluster.type, articles[cluster.forms]),
            ).lastrowid
            assert entity_id is not None
        kept.add(entity_id)
        assignments.extend((entity_id, form_id) for form_id in cluster.forms)
    conn.executemany("UPDATE forms SET entity_id = ?, dirty = 0 WHERE id = ?", assignments)
    conn.executemany("DELETE FROM entities WHERE id = ?", [(e,) for e in sorted(before - kept)])


def _pairs(conn: sqlite3.Connection, forms: set[int]) -> list[tuple[int, int | None]]:
    ids = sorted(forms)
    pairs: list[tuple[int, int | None]] = []
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        pairs.extend(
            (r[0], r[1])
            for r in conn.execute(f"SELECT id, entity_id FROM forms WHERE id IN ({marks})", chunk)
        )
    return pairs
