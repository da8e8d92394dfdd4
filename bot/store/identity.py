"""The identity step's reads and writes: which forms to resolve, and saving the entities.

Writing an article marks the forms it touched ``dirty``. Before each commit, ``settle``
takes the dirty forms, grows them into the part of the base they can interact with (every
form that shares a blocking key with one of them, and every form of the entities those are
in), resolves that part with ``bot.identity.resolve`` and saves the entities it makes. The work
follows the size of what was touched, not the size of the base. ``relink`` does the same for
every form at once; its result depends only on the forms, never on the order articles came
in. Settling batch by batch gives the same entities but for a few spellings joined only by
what is named around them, which a form's cached context may not show yet."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from functools import partial
from typing import Any

from bot.identity import Cluster, FormData, resolve
from bot.identity.cluster import describe, related
from bot.identity.profile import CONTEXT_WORDS, Around, Profile, is_hub, met_by
from bot.store.dialect import Connection, Dialect
from bot.store.names import drop_name_words

_CHUNK = 500
# Articles of a form whose other names make its context; names in more than one article
# in ``UBIQUITOUS`` (and in at least ``UBIQUITOUS_FLOOR`` articles) are left out of every
# context (in a base about one country, its name and its leader are around every name and
# tell none apart; in a small base, a name in a few dozen articles still tells a topic).
CONTEXT_ARTICLES = 200
UBIQUITOUS = 50
UBIQUITOUS_FLOOR = 100


# How much may be kept between settlements, counting a profile (a few kilobytes) as
# ``PROFILE_WEIGHT`` rule verdicts (a hundred bytes or so each): some 150 MB at most.
MAX_REMEMBERED = 600_000
PROFILE_WEIGHT = 20


class Profiles:
    """The profiles of forms that have not changed, kept between the settlements of one
    connection: the forms a batch of articles touches are mostly the same few hundred, and
    what the rules ask of each is worked out once. Forgotten when another connection
    writes to the base, and after a rollback."""

    def __init__(self) -> None:
        self.known: dict[int, Profile] = {}
        self.version: int | None = None
        # A form's context, with its article count when read: read again once the form is
        # named in more or fewer articles.
        self.contexts: dict[int, tuple[int, Around]] = {}

    def clear(self) -> None:
        self.known.clear()
        self.contexts.clear()
        self.version = None

    def check(self, conn: Connection, dialect: Dialect) -> None:
        """Start afresh when another connection wrote to the base, or when what is kept
        has grown past ``MAX_REMEMBERED`` (so that memory stays flat on any base, at the
        cost of one slower settlement now and then)."""
        version = dialect.data_version(conn)
        verdicts = sum(len(p.memo) for p in self.known.values())
        kept = PROFILE_WEIGHT * len(self.known) + verdicts
        if version != self.version or kept > MAX_REMEMBERED:
            self.clear()
            self.version = version

    def get(self, conn: Connection, ids: Iterable[int]) -> dict[int, Profile]:
        missing = sorted(i for i in ids if i not in self.known)
        self.known.update(
            (i, Profile(f, partial(self._context, conn, f.articles)))
            for i, f in _load(conn, missing).items()
        )
        return {i: self.known[i] for i in ids if i in self.known}

    def recount(self, conn: Connection, ids: Iterable[int]) -> None:
        """Forms whose counts changed: a known profile takes its new counts in place,
        keeping what the rules said of it (and its serial, so that what other profiles
        remember of it stays valid), as long as its names, the names declared its (with
        how often) and the articles naming it are the same: the names around it, which
        some rules weigh, are those of its articles. A popular form's mentions change in
        every batch; its names seldom do."""
        known = [i for i in ids if i in self.known]
        for form_id, form in _load(conn, known).items():
            profile, fresh = self.known[form_id], Profile(form)
            unchanged = (fresh.display, fresh.declared, form.articles) == (
                profile.display,
                profile.declared,
                profile.form.articles,
            )
            if unchanged:
                profile.form = replace(form, context=profile.form.context)
            else:
                del self.known[form_id]

    def _context(self, conn: Connection, articles: int, form_id: int) -> Around:
        known = self.contexts.get(form_id)
        if known is None or articles != known[0]:
            known = self.contexts[form_id] = (articles, context(conn, form_id))
        return known[1]


def settle(conn: Connection, dialect: Dialect, profiles: Profiles | None = None) -> int:
    """Bring the entities of every dirty form up to date; return how many forms that took.

    A form whose names changed (or that is new, or gone) is resolved again with everything
    it can join. A form whose counts alone changed, in an entity whose making no count
    decided (``settled``), keeps its entity: only the entity's name, type and article
    count are worked out again.
    """
    profiles = profiles or Profiles()
    profiles.check(conn, dialect)
    rows = conn.execute(
        "SELECT f.id, f.dirty, f.articles, coalesce(e.settled, 0) FROM forms f"
        " LEFT JOIN entities e ON e.id = f.entity_id WHERE f.dirty > 0"
    ).fetchall()
    if not rows:
        return 0
    for row in rows:
        if row[1] == 2 or row[2] <= 0:
            profiles.known.pop(row[0], None)
    profiles.recount(conn, [r[0] for r in rows if r[1] != 2 and r[2] > 0])
    changed = [r[0] for r in rows if r[1] == 2 or not r[3] or r[2] <= 0]
    counted = [r[0] for r in rows if not (r[1] == 2 or not r[3] or r[2] <= 0)]
    moved = _keys_moved(conn, profiles, counted)
    resolved = _resolve_from(conn, changed + sorted(moved), profiles) if changed or moved else set()
    _refresh(conn, [f for f in counted if f not in moved and f not in resolved], profiles)
    return len(resolved) + len(counted)


def relink(conn: Connection, dialect: Dialect) -> int:
    """Resolve every form of the base afresh; return how many there are."""
    conn.execute("UPDATE forms SET dirty = 2")
    return settle(conn, dialect)


def _keys_moved(conn: Connection, profiles: Profiles, forms: list[int]) -> set[int]:
    """Forms whose blocking keys are no longer those stored (their most used spelling
    changed, and with it what they can join)."""
    stored = _keys_by_form(conn, forms)
    return {f for f, p in profiles.get(conn, forms).items() if p.blocking_keys != stored[f]}


def _refresh(conn: Connection, forms: list[int], profiles: Profiles) -> None:
    """Name, type and count again the entities of forms whose counts changed."""
    entities = _ids(conn, "SELECT entity_id FROM forms WHERE id IN ({})", forms)
    members: dict[int, list[int]] = defaultdict(list)
    for form_id, entity_id in _rows(
        conn, "SELECT id, entity_id FROM forms WHERE entity_id IN ({})", entities
    ):
        members[entity_id].append(form_id)
    known = profiles.get(conn, [f for ids in members.values() for f in ids])
    updates = []
    for entity_id, ids in members.items():
        cluster = describe(known[f] for f in ids)
        updates.append((cluster.name, cluster.type, cluster.articles, entity_id))
    conn.executemany("UPDATE entities SET name = ?, type = ?, articles = ? WHERE id = ?", updates)
    conn.executemany("UPDATE forms SET dirty = 0 WHERE id = ?", [(f,) for f in forms])


def _resolve_from(conn: Connection, dirty: list[int], profiles: Profiles) -> set[int]:
    """Resolve the neighbourhood of forms whose names changed: every form that shares a
    blocking key with one of them (before or after the change), with all the forms of the
    entities those are in, so that no entity is resolved in part. A form that no rule
    relates to any form it can meet is settled on its own (most new names of a batch)."""
    old_keys = _keys_by_form(conn, dirty)
    dead = _ids(conn, "SELECT id FROM forms WHERE id IN ({}) AND articles <= 0", dirty)
    live = profiles.get(conn, [f for f in dirty if f not in dead])
    entities = _entities_of(conn, dead)
    _forget_forms(conn, dead)
    _replace_keys(conn, live)
    alone = _alone(conn, live, profiles)
    _save(conn, [describe([live[f]]) for f in sorted(alone)], alone, _entities_of(conn, alone))
    rest = [f for f in dirty if f not in alone]
    if not rest:
        return alone
    neighbours = _sharing_keys(conn, {k for f in rest for k in old_keys.get(f, ())}) - alone
    entities |= _entities_of(conn, neighbours | set(rest))
    changed = [f for f in live if f not in alone]
    keys = {k for f in changed for k in live[f].blocking_keys}  # as just stored
    part = neighbours | set(changed) | _sharing_keys(conn, keys)
    part |= _sharing_keys(conn, _hub_keys(conn, part))
    part -= dead | alone
    entities |= _entities_of(conn, part)
    part |= _ids(conn, "SELECT id FROM forms WHERE entity_id IN ({})", entities)
    clusters = resolve(profiles.get(conn, sorted(part)).values())
    _save(conn, clusters, part, entities)
    return part | alone


def _alone(conn: Connection, live: dict[int, Profile], profiles: Profiles) -> set[int]:
    """The forms of ``live`` (their keys stored) that were in no entity with other forms
    and that no rule relates to any form sharing a blocking key with them."""
    holders: dict[str, set[int]] = defaultdict(set)
    keys = met_by(k for p in live.values() for k in p.blocking_keys)
    for key, form_id in _rows(conn, "SELECT key, form_id FROM form_keys WHERE key IN ({})", keys):
        holders[key].add(form_id)
    crowded = _ids(
        conn,
        "SELECT f.id FROM forms f JOIN forms g ON g.entity_id = f.entity_id AND g.id != f.id"
        " WHERE f.id IN ({})",
        live,
    )
    near = {
        f: set().union(*(holders[m] for m in met_by(p.blocking_keys))) - {f}
        for f, p in live.items()
        if f not in crowded
    }
    others = profiles.get(conn, set().union(*near.values()))
    return {
        f
        for f, around in near.items()
        if not any(related(live[f], others[n]) for n in around if n in others)
    }


def _keys_by_form(conn: Connection, forms: Iterable[int]) -> dict[int, set[str]]:
    """The blocking keys stored for each of ``forms``."""
    found: dict[int, set[str]] = defaultdict(set)
    for key, form_id in _rows(
        conn, "SELECT key, form_id FROM form_keys WHERE form_id IN ({})", forms
    ):
        found[form_id].add(key)
    return found


def _hub_keys(conn: Connection, forms: Iterable[int]) -> set[str]:
    """The hub keys (``is_hub``) stored for ``forms``."""
    return {k for keys in _keys_by_form(conn, forms).values() for k in keys if is_hub(k)}


def _entities_of(conn: Connection, forms: Iterable[int]) -> set[int]:
    return _ids(
        conn, "SELECT entity_id FROM forms WHERE id IN ({}) AND entity_id IS NOT NULL", forms
    )


def _ids(conn: Connection, sql: str, values: Iterable[int]) -> set[int]:
    return {r[0] for r in _rows(conn, sql, values)}


def _sharing_keys(conn: Connection, keys: Iterable[str]) -> set[int]:
    """The forms that meet a holder of one of ``keys`` (``meeting``)."""
    met = met_by(keys)
    return {r[0] for r in _rows(conn, "SELECT form_id FROM form_keys WHERE key IN ({})", met)}


def _load(conn: Connection, ids: list[int]) -> dict[int, FormData]:
    """The forms with these ids, as the resolver reads them (their context left to be
    asked for, by ``context``)."""
    names: dict[int, list[tuple[str, int, int]]] = defaultdict(list)
    for form, name, kind, uses in _rows(
        conn,
        "SELECT form_id, name, kind, uses FROM form_names WHERE form_id IN ({}) AND uses > 0",
        ids,
    ):
        names[form].append((name, uses, kind))
    return {
        form_id: FormData(
            id=form_id,
            key=key,
            type=kind,
            articles=articles,
            mentions=mentions,
            names=tuple(sorted(names[form_id])),
            context=None,
        )
        for form_id, key, kind, articles, mentions in _rows(
            conn, "SELECT id, key, type, articles, mentions FROM forms WHERE id IN ({})", ids
        )
    }


def context(conn: Connection, form_id: int) -> Around:
    """The keys of the typed names mentioned most often in the articles naming a form
    (each with whether an article typed it a person),
    ubiquitous names aside: among the first ``CONTEXT_ARTICLES`` of them by id, so that the
    sample does not depend on the order they were indexed in. Among names mentioned as
    often, the ones the base names more often come first: a form seen in one article has
    a context of equals, and the better-known of them are the likelier to be shared by
    another spelling of the same name."""
    return tuple(
        (key, bool(person))
        for key, person in conn.execute(
            "SELECT f.key, max(CASE WHEN f.type = 'PERSON' THEN 1 ELSE 0 END)"
            " FROM article_entities other JOIN forms f ON f.id = other.form_id"
            " WHERE other.article_id IN (SELECT article_id FROM article_entities"
            " WHERE form_id = ? ORDER BY article_id LIMIT ?)"
            " AND other.form_id != ? AND f.type != 'OTHER'"
            " AND (f.articles < ? OR f.articles * ? <= (SELECT count(*) FROM articles))"
            " GROUP BY f.key ORDER BY count(*) DESC, max(f.articles) DESC, f.key LIMIT ?",
            (form_id, CONTEXT_ARTICLES, form_id, UBIQUITOUS_FLOOR, UBIQUITOUS, CONTEXT_WORDS),
        )
    )


def _replace_keys(conn: Connection, forms: dict[int, Profile]) -> None:
    """Store the blocking keys of forms whose names may have changed."""
    conn.executemany("DELETE FROM form_keys WHERE form_id = ?", [(f,) for f in sorted(forms)])
    conn.executemany(
        "INSERT INTO form_keys(key, form_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
        [(key, form_id) for form_id, p in forms.items() for key in p.blocking_keys],
    )


def _forget_forms(conn: Connection, dead: set[int]) -> None:
    """Drop forms no article uses any more, with their names, their names' words and keys."""
    rows = [(f,) for f in sorted(dead)]
    named = _rows(conn, "SELECT DISTINCT form_id, name FROM name_words WHERE form_id IN ({})", dead)
    for table in ("form_keys", "form_names"):
        conn.executemany(f"DELETE FROM {table} WHERE form_id = ?", rows)
    drop_name_words(conn, named)
    conn.executemany("DELETE FROM forms WHERE id = ?", rows)


def _save(conn: Connection, clusters: list[Cluster], part: set[int], before: set[int]) -> None:
    """Give each cluster an entity: the one most of its forms already had, if no bigger
    cluster took it first, else a new one; drop the entities ``before`` that none kept.
    Only what changed is written: most of a neighbourhood comes out as it went in."""
    current = _forms_now(conn, part)
    before = before | {e for e, _ in current.values() if e is not None}
    stored = _entities_now(conn, before)
    kept: set[int] = set()
    entity_rows: list[tuple[str, str, int, int, int]] = []
    assignments: list[tuple[int, int]] = []
    for cluster in sorted(clusters, key=lambda c: (-c.articles, c.forms)):
        votes: dict[int, int] = defaultdict(int)
        for form_id in cluster.forms:
            entity_id = current.get(form_id, (None, 0))[0]
            if entity_id is not None and entity_id not in kept:
                votes[entity_id] += 1
        row = (cluster.name, cluster.type, cluster.articles, int(cluster.settled))
        if votes:
            entity_id = max(votes, key=lambda e: (votes[e], -e))
            if stored.get(entity_id) != row:
                entity_rows.append((*row, entity_id))
        else:
            entity_id = conn.execute(
                "INSERT INTO entities(name, type, articles, settled) VALUES (?, ?, ?, ?)"
                " RETURNING id",
                row,
            ).fetchone()[0]
        kept.add(entity_id)
        assignments.extend(
            (entity_id, form_id)
            for form_id in cluster.forms
            if current.get(form_id) != (entity_id, 0)
        )
    conn.executemany(
        "UPDATE entities SET name = ?, type = ?, articles = ?, settled = ? WHERE id = ?",
        entity_rows,
    )
    conn.executemany("UPDATE forms SET entity_id = ?, dirty = 0 WHERE id = ?", assignments)
    conn.executemany("DELETE FROM entities WHERE id = ?", [(e,) for e in sorted(before - kept)])


def _forms_now(conn: Connection, forms: set[int]) -> dict[int, tuple[int | None, int]]:
    """Each form's entity and dirty mark as stored."""
    return {
        r[0]: (r[1], r[2])
        for r in _rows(conn, "SELECT id, entity_id, dirty FROM forms WHERE id IN ({})", forms)
    }


def _entities_now(conn: Connection, entities: set[int]) -> dict[int, tuple[str, str, int, int]]:
    """Each entity's name, type, article count and settled flag as stored."""
    sql = "SELECT id, name, type, articles, settled FROM entities WHERE id IN ({})"
    return {r[0]: (r[1], r[2], r[3], r[4]) for r in _rows(conn, sql, entities)}


def _rows(conn: Connection, sql: str, ids: Iterable[Any]) -> list[tuple[Any, ...]]:
    """The rows ``sql`` (with ``{}`` for a list of ids) gives for ``ids``, a chunk at a
    time (SQLite limits the number of parameters; an empty list is no query)."""
    values = sorted(ids)
    rows: list[tuple[Any, ...]] = []
    for start in range(0, len(values), _CHUNK):
        chunk = values[start : start + _CHUNK]
        rows.extend(conn.execute(sql.format(",".join("?" * len(chunk))), chunk))
    return rows
