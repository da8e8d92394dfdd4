"""Linking an article's entities to the base-wide entities they are.

Articles name the same people and bodies differently: "Çelikoğlu" and "Tayfun Celikoglu",
"Omar al-Rashid" and "Rashid", "Coastal Rights Observatory" and "Observatory for Coastal
Rights", "National Unity Government (NUG)" and "Government of National Unity".
The rules, strongest first:

1. a full name (two or more content words) with the same folded, order-free key
   (``textnorm.name_key``) is the same entity, whatever its type in either article;
2. a shared acronym alias (NUG, CRA) joins entities of the same type;
3. an article that only gives a person's single word ("Rashid") joins the person who already
   carries that word as an alias, the most widely cited one if several do; any other single
   word joins only an entity of that very name;
4. when a person's full name arrives, entities known so far only by one of its single-word
   aliases are folded into it.

A full name never joins another full name on a shared surname alone: Donna and Mark
Reyes stay two people.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass

from bot.extract.tokens import is_acronym
from bot.model import Entity
from bot.textnorm import KEY_STOPWORDS, name_key, words


def _initials(name: str) -> str:
    """'Government of National Unity' -> 'gnu' (as a name key spells an acronym)."""
    return "".join(w[0] for w in words(name) if w not in KEY_STOPWORDS)


def _is_full(name: str) -> bool:
    return len(name_key(name).split()) >= 2


@dataclass(frozen=True, slots=True)
class Withdrawn:
    """What an article being removed contributed, to settle once its rows are gone."""

    entities: list[int]
    keys: list[tuple[int, str]]


class Linker:
    """Links within an open transaction; the caller commits or rolls back.

    Every lookup goes through ``alias_keys`` (one row per entity and name key) and the
    ``entities.articles`` count, both kept up to date as articles come and go, so linking
    an article costs the same on a base of a hundred articles or a hundred thousand.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def link_article(self, article_id: str, entities: list[Entity]) -> dict[str, int]:
        """Store the article's entities; return each of their names mapped to its entity id."""
        names: dict[str, int] = {}
        for entity in entities:
            entity_id = self._find(entity) or self._create(entity)
            self._attach(article_id, entity_id, entity)
            self._absorb_short_forms(entity_id, entity)
            for name in (entity.name, *entity.aliases):
                names.setdefault(name, entity_id)
        return names

    def withdraw(self, article_id: str) -> Withdrawn:
        """Take an article's share out of the counts, before its rows are deleted."""
        entities = [
            r[0]
            for r in self.conn.execute(
                "SELECT entity_id FROM article_entities WHERE article_id = ?", (article_id,)
            )
        ]
        keys = self.conn.execute(
            "SELECT DISTINCT entity_id, key FROM aliases WHERE article_id = ?", (article_id,)
        ).fetchall()
        self.conn.executemany(
            "UPDATE entities SET articles = articles - 1 WHERE id = ?", [(e,) for e in entities]
        )
        return Withdrawn(entities, [(r[0], r[1]) for r in keys])

    def settle(self, withdrawn: Withdrawn) -> None:
        """After the article's rows are gone: drop keys and entities nothing names any more."""
        for entity_id, key in withdrawn.keys:
            still = self.conn.execute(
                "SELECT 1 FROM aliases WHERE entity_id = ? AND key = ? LIMIT 1", (entity_id, key)
            ).fetchone()
            if not still:
                self.conn.execute(
                    "DELETE FROM alias_keys WHERE key = ? AND entity_id = ?", (key, entity_id)
                )
        self.conn.execute(
            "DELETE FROM alias_keys WHERE entity_id IN "
            "(SELECT id FROM entities WHERE articles <= 0)"
        )
        self.conn.execute("DELETE FROM entities WHERE articles <= 0")
        for entity_id in withdrawn.entities:
            self._refresh(entity_id)

    # -- finding ----------------------------------------------------------------------------

    def _candidates(self, keys: set[str]) -> list[sqlite3.Row]:
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        return self.conn.execute(
            f"SELECT DISTINCT e.id, e.type, e.name, e.articles FROM alias_keys k "
            f"JOIN entities e ON e.id = k.entity_id WHERE k.key IN ({marks}) "
            f"ORDER BY e.articles DESC, e.id",
            sorted(keys),
        ).fetchall()

    def _find(self, entity: Entity) -> int | None:
        names = (entity.name, *entity.aliases)
        full = {name_key(n) for n in names if _is_full(n)}
        rows = self._candidates(full)
        if rows:
            same_type = [r for r in rows if r["type"] == entity.type]
            return (same_type or rows)[0]["id"]
        acronyms = {name_key(n) for n in names if is_acronym(n)}
        rows = [r for r in self._candidates(acronyms) if r["type"] == entity.type]
        if rows or full:
            # A full name joins only through an acronym, never through a single shared word.
            return rows[0]["id"] if rows else None
        key = name_key(entity.name)
        rows = [r for r in self._candidates({key}) if r["type"] == entity.type]
        if entity.type != "PERSON":
            # Only a person is called by one word of their name ("Rashid"); "Congress" is not
            # the "Libyan National Congress" just because an article once called it that.
            rows = [r for r in rows if name_key(r["name"]) == key]
        return rows[0]["id"] if rows else None

    def _create(self, entity: Entity) -> int:
        cur = self.conn.execute(
            "INSERT INTO entities(name, type) VALUES (?, ?)", (entity.name, entity.type)
        )
        return int(cur.lastrowid or 0)

    # -- storing ----------------------------------------------------------------------------

    def _attach(self, article_id: str, entity_id: int, entity: Entity) -> None:
        new = self.conn.execute(
            "INSERT OR IGNORE INTO article_entities(article_id, entity_id, name, type, mentions)"
            " VALUES (?, ?, ?, ?, ?)",
            (article_id, entity_id, entity.name, entity.type, len(entity.mentions)),
        ).rowcount
        if new:
            self.conn.execute(
                "UPDATE entities SET articles = articles + 1 WHERE id = ?", (entity_id,)
            )
        else:
            self.conn.execute(
                "UPDATE article_entities SET mentions = mentions + ? "
                "WHERE article_id = ? AND entity_id = ?",
                (len(entity.mentions), article_id, entity_id),
            )
        aliases = [
            (entity_id, article_id, name, name_key(name))
            for name in dict.fromkeys((entity.name, *entity.aliases))
            if name_key(name)
        ]
        self.conn.executemany(
            "INSERT OR IGNORE INTO aliases(entity_id, article_id, alias, key) VALUES (?, ?, ?, ?)",
            aliases,
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO alias_keys(key, entity_id) VALUES (?, ?)",
            [(key, entity_id) for entity_id, _, _, key in aliases],
        )
        self.conn.executemany(
            'INSERT INTO mentions(article_id, entity_id, sentence_idx, start, "end") '
            "VALUES (?, ?, ?, ?, ?)",
            [(article_id, entity_id, m.sentence, m.start, m.end) for m in entity.mentions],
        )
        self.conn.executemany(
            "INSERT INTO descriptions(article_id, entity_id, text) VALUES (?, ?, ?)",
            [(article_id, entity_id, d) for d in dict.fromkeys(entity.descriptions)],
        )
        current = self.conn.execute(
            "SELECT name, type, articles FROM entities WHERE id = ?", (entity_id,)
        ).fetchone()
        if current["articles"] <= 1 or (current["name"], current["type"]) != (
            entity.name,
            entity.type,
        ):
            self._refresh(entity_id)

    def _absorb_short_forms(self, entity_id: int, entity: Entity) -> None:
        if entity.type != "PERSON" or not _is_full(entity.name):
            return
        short = {name_key(n) for n in entity.aliases if not _is_full(n)}
        for row in self._candidates(short):
            other = row["id"]
            if other == entity_id or row["type"] != entity.type:
                continue
            their_keys = self.conn.execute(
                "SELECT key FROM alias_keys WHERE entity_id = ?", (other,)
            ).fetchall()
            if any(len(r[0].split()) >= 2 for r in their_keys):
                continue
            self._merge(other, into=entity_id)

    def _merge(self, other: int, into: int) -> None:
        for table in ("aliases", "mentions", "descriptions", "quotes"):
            self.conn.execute(
                f"UPDATE OR IGNORE {table} SET entity_id = ? WHERE entity_id = ?", (into, other)
            )
        self.conn.execute(
            "INSERT OR IGNORE INTO alias_keys(key, entity_id) "
            "SELECT key, ? FROM alias_keys WHERE entity_id = ?",
            (into, other),
        )
        rows = self.conn.execute(
            "SELECT article_id, name, type, mentions FROM article_entities WHERE entity_id = ?",
            (other,),
        ).fetchall()
        for row in rows:
            self.conn.execute(
                "INSERT INTO article_entities(article_id, entity_id, name, type, mentions) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT(article_id, entity_id) DO UPDATE SET "
                "mentions = mentions + excluded.mentions",
                (row["article_id"], into, row["name"], row["type"], row["mentions"]),
            )
        for table in ("aliases", "alias_keys", "article_entities"):
            self.conn.execute(f"DELETE FROM {table} WHERE entity_id = ?", (other,))
        self.conn.execute("DELETE FROM entities WHERE id = ?", (other,))
        self.conn.execute(
            "UPDATE entities SET articles = "
            "(SELECT count(*) FROM article_entities WHERE entity_id = ?) WHERE id = ?",
            (into, into),
        )
        self._refresh(into)

    def _refresh(self, entity_id: int) -> None:
        """Canonical name: the full name articles use most (a full name beats a lone surname);
        the type: the one most mentions carry."""
        rows = self.conn.execute(
            "SELECT name, type, count(*) AS uses, sum(mentions) AS mentions "
            "FROM article_entities WHERE entity_id = ? GROUP BY name, type",
            (entity_id,),
        ).fetchall()
        if not rows:
            return
        uses: Counter[str] = Counter()
        types: Counter[str] = Counter()
        for r in rows:
            uses[r["name"]] += r["uses"]
            types[r["type"]] += r["mentions"] or r["uses"]
        # Among equals: the name its acronym stands for ("Government of National Unity" for
        # NUG), then the spelling that keeps its accents (Yıldırımoğlu over Yildirimoglu).
        keys = {
            r[0]
            for r in self.conn.execute(
                "SELECT key FROM alias_keys WHERE entity_id = ? LIMIT 200", (entity_id,)
            )
        }
        name = max(
            uses,
            key=lambda n: (
                _is_full(n),
                uses[n],
                _initials(n) in keys,
                sum(ord(c) > 127 for c in n),
                n,
            ),
        )
        self.conn.execute(
            "UPDATE entities SET name = ?, type = ? WHERE id = ?",
            (name, types.most_common(1)[0][0], entity_id),
        )
