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
from functools import partial

from bot.identity import Cluster, FormData, resolve
from bot.identity.cluster import describe
from bot.identity.profile import CONTEXT_WORDS, Profile

_CHUNK = 500
# Articles of a form whose other names make its context; names in more than one article
# in ``UBIQUITOUS`` are left out of every context (in a base about one country, its name
# and its leader are around every name and tell none apart).
CONTEXT_ARTICLES = 200
UBIQUITOUS = 50


class Profiles:
    """The profiles of forms that have not changed, kept between the settlements of one
    connection: the forms a batch of articles touches are mostly the same few hundred, and
    what the rules ask of each is worked out once. Forgotten when another connection
    writes to the base, and after a rollback."""

    def __init__(self) -> None:
        self.known: dict[int, Profile] = {}
        self.version: int | None = None
        # A form's context, with its article count when read: read again only once the
        # form has grown by half, since a few more articles hardly change who is around it.
        self.contexts: dict[int, tuple[int, tuple[str, ...]]] = {}

    def clear(self) -> None:
        self.known.clear()
        self.contexts.clear()
        self.version = None

    def check(self, conn: sqlite3.Connection) -> None:
        version = conn.execute("PRAGMA data_version").fetchone()[0]
        if version != self.version:
            self.clear()
            self.version = version

    def get(self, conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, Profile]:
        missing = sorted(i for i in ids if i not in self.known)
        self.known.update(
            (i, Profile(f, partial(self._context, conn, f.articles)))
            for i, f in _load(conn, missing).items()
        )
        return {i: self.known[i] for i in ids if i in self.known}

    def _context(self, conn: sqlite3.Connection, articles: int, form_id: int) -> tuple[str, ...]:
        known = self.contexts.get(form_id)
        if known is None or 2 * articles > 3 * known[0]:
            known = self.contexts[form_id] = (articles, context(conn, form_id))
        return known[1]


def settle(conn: sqlite3.Connection, profiles: Profiles | None = None) -> int:
    """Bring the entities of every dirty form up to date; return how many forms that took.

    A form whose names changed (or that is new, or gone) is resolved again with everything
    it can join. A form whose counts alone changed, in an entity whose making no count
    decided (``settled``), keeps its entity: only the entity's name, type and article
    count are worked out again.
    """
    profiles = profiles or Profiles()
    profiles.check(conn)
    rows = conn.execute(
        "SELECT f.id, f.dirty, f.articles, coalesce(e.settled, 0) FROM forms f"
        " LEFT JOIN entities e ON e.id = f.entity_id WHERE f.dirty > 0"
    ).fetchall()
    if not rows:
        return 0
    for row in rows:
        profiles.known.pop(row[0], None)
    changed = [r[0] for r in rows if r[1] == 2 or not r[3] or r[2] <= 0]
    counted = [r[0] for r in rows if not (r[1] == 2 or not r[3] or r[2] <= 0)]
    moved = _keys_moved(conn, profiles, counted)
    resolved = _resolve_from(conn, changed + sorted(moved), profiles) if changed or moved else set()
    _refresh(conn, [f for f in counted if f not in moved and f not in resolved], profiles)
    return len(resolved) + len(counted)


def relink(conn: sqlite3.Connection) -> int:
    """Resolve every form of the base afresh; return how many there are."""
    conn.execute("UPDATE forms SET dirty = 2")
    return settle(conn)


def _keys_moved(conn: sqlite3.Connection, profiles: Profiles, forms: list[int]) -> set[int]:
    """Forms whose blocking keys are no longer those stored (their most used spelling
    changed, and with it what they can join)."""
    stored: dict[int, set[str]] = defaultdict(set)
    for start in range(0, len(forms), _CHUNK):
        chunk = forms[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for key, form_id in conn.execute(
            f"SELECT key, form_id FROM form_keys WHERE form_id IN ({marks})", chunk
        ):
            stored[form_id].add(key)
    return {f for f, p in profiles.get(conn, forms).items() if p.blocking_keys != stored[f]}


def _refresh(conn: sqlite3.Connection, forms: list[int], profiles: Profiles) -> None:
    """Name, type and count again the entities of forms whose counts changed."""
    entities = _ids(conn, "SELECT entity_id FROM forms WHERE id IN ({})", forms)
    members: dict[int, list[int]] = defaultdict(list)
    for start in range(0, len(entities), _CHUNK):
        chunk = sorted(entities)[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for form_id, entity_id in conn.execute(
            f"SELECT id, entity_id FROM forms WHERE entity_id IN ({marks})", chunk
        ):
            members[entity_id].append(form_id)
    known = profiles.get(conn, [f for ids in members.values() for f in ids])
    updates = []
    for entity_id, ids in members.items():
        cluster = describe(known[f] for f in ids)
        updates.append((cluster.name, cluster.type, cluster.articles, entity_id))
    conn.executemany("UPDATE entities SET name = ?, type = ?, articles = ? WHERE id = ?", updates)
    conn.executemany("UPDATE forms SET dirty = 0 WHERE id = ?", [(f,) for f in forms])


def _resolve_from(conn: sqlite3.Connection, dirty: list[int], profiles: Profiles) -> set[int]:
    """Resolve the neighbourhood of forms whose names changed: every form that shares a
    blocking key with one of them (before or after the change), with all the forms of the
    entities those are in, so that no entity is resolved in part."""
    neighbours = _sharing_keys(conn, _keys_of(conn, dirty))
    dead = _ids(conn, "SELECT id FROM forms WHERE id IN ({}) AND articles <= 0", dirty)
    live = profiles.get(conn, [f for f in dirty if f not in dead])
    entities = _entities_of(conn, neighbours | set(dirty))
    _forget_forms(conn, dead)
    _replace_keys(conn, live)
    part = (neighbours | set(live) | _sharing_keys(conn, _keys_of(conn, live))) - dead
    entities |= _entities_of(conn, part)
    part |= _ids(conn, "SELECT id FROM forms WHERE entity_id IN ({})", entities)
    clusters = resolve(profiles.get(conn, sorted(part)).values())
    _save(conn, clusters, part, entities)
    return part


def _entities_of(conn: sqlite3.Connection, forms: Iterable[int]) -> set[int]:
    return _ids(
        conn, "SELECT entity_id FROM forms WHERE id IN ({}) AND entity_id IS NOT NULL", forms
    )


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


def _load(conn: sqlite3.Connection, ids: list[int]) -> dict[int, FormData]:
    """The forms with these ids, as the resolver reads them (their context left to be
    asked for, by ``context``)."""
    rows: dict[int, sqlite3.Row] = {}
    names: dict[int, list[tuple[str, int, int]]] = defaultdict(list)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(
            f"SELECT id, key, type, articles, mentions FROM forms WHERE id IN ({marks})", chunk
        ):
            rows[row[0]] = row
        for form, name, kind, uses in conn.execute(
            f"SELECT form_id, name, kind, uses FROM form_names WHERE form_id IN ({marks})"
            " AND uses > 0",
            chunk,
        ):
            names[form].append((name, uses, kind))
    return {
        form_id: FormData(
            id=form_id,
            key=row["key"],
            type=row["type"],
            articles=row["articles"],
            mentions=row["mentions"],
            names=tuple(sorted(names[form_id])),
            context=None,
        )
        for form_id, row in rows.items()
    }


def context(conn: sqlite3.Connection, form_id: int) -> tuple[str, ...]:
    """The keys of the typed names mentioned most often in the articles naming a form,
    ubiquitous names aside: among the first ``CONTEXT_ARTICLES`` of them by id, so that the
    sample does not depend on the order they were indexed in."""
    return tuple(
        row[0]
        for row in conn.execute(
            "SELECT f.key FROM article_entities other JOIN forms f ON f.id = other.form_id"
            " WHERE other.article_id IN (SELECT article_id FROM article_entities"
            " WHERE form_id = ? ORDER BY article_id LIMIT ?)"
            " AND other.form_id != ? AND f.type != 'OTHER'"
            " AND f.articles * ? <= (SELECT count(*) FROM articles)"
            " GROUP BY f.key ORDER BY count(*) DESC, f.key LIMIT ?",
            (form_id, CONTEXT_ARTICLES, form_id, UBIQUITOUS, CONTEXT_WORDS),
        )
    )


def _replace_keys(conn: sqlite3.Connection, forms: dict[int, Profile]) -> None:
    """Store the blocking keys of forms whose names may have changed."""
    ids = list(forms)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        conn.execute(
            f"DELETE FROM form_keys WHERE form_id IN ({','.join('?' * len(chunk))})", chunk
        )
    conn.executemany(
        "INSERT OR IGNORE INTO form_keys(key, form_id) VALUES (?, ?)",
        [(key, form_id) for form_id, p in forms.items() for key in p.blocking_keys],
    )


def _forget_forms(conn: sqlite3.Connection, dead: set[int]) -> None:
    """Drop forms no article uses any more, with their names and keys."""
    rows = [(f,) for f in sorted(dead)]
    for table in ("form_keys", "form_names"):
        conn.executemany(f"DELETE FROM {table} WHERE form_id = ?", rows)
    conn.executemany("DELETE FROM forms WHERE id = ?", rows)


def _save(
    conn: sqlite3.Connection, clusters: list[Cluster], part: set[int], before: set[int]
) -> None:
    """Give each cluster an entity: the one most of its forms already had, if no bigger
    cluster took it first, else a new one; drop the entities ``before`` that none kept."""
    current = dict(_pairs(conn, part))
    before = before | {e for e in current.values() if e is not None}
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
                "UPDATE entities SET name = ?, type = ?, articles = ?, settled = ? WHERE id = ?",
                (cluster.name, cluster.type, cluster.articles, cluster.settled, entity_id),
            )
        else:
            entity_id = conn.execute(
                "INSERT INTO entities(name, type, articles, settled) VALUES (?, ?, ?, ?)",
                (cluster.name, cluster.type, cluster.articles, cluster.settled),
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
