"""Moving a fact base from one database to another (``factbot copy``): an SQLite file into
PostgreSQL, or back, row for row, so nothing is extracted or settled again.
"""

from __future__ import annotations

from bot.store import Store, StoreError
from bot.store.schema import SCHEMA_KEY

# Parents before the rows that refer to them; a form's names before the form, so that the
# trigger marking a form whose names change finds no form to mark, and the forms keep
# the marks they had.
ORDER = (
    "meta",
    "articles",
    "sentences",
    "entities",
    "form_names",
    "name_words",
    "name_vocabulary",
    "form_keys",
    "forms",
    "article_entities",
    "aliases",
    "mentions",
    "descriptions",
    "figures",
    "quotes",
)
# Rows read and written at a time.
BATCH = 5_000
# Columns a database computes for itself (PostgreSQL's text search vectors).
_COMPUTED = frozenset({"tsv"})


def copy_base(source: Store, target: Store) -> int:
    """Copy every row of ``source`` into ``target``, which must hold no article; return
    how many articles were copied. All or nothing: a failure leaves ``target`` empty."""
    if target.article_count():
        raise StoreError(f"{target.name} already holds articles: copy into an empty base")
    with target.transaction() as conn:
        for table in ORDER:
            rows = source.conn.execute(f"SELECT * FROM {table}")
            batch: list[tuple[object, ...]] = []
            columns: list[str] = []
            for row in rows:
                if not columns:
                    names = row.keys()
                    columns = [c for c in names if c not in _COMPUTED]
                if table == "meta" and row["key"] == SCHEMA_KEY:
                    continue  # each base keeps its own schema version
                batch.append(tuple(row[c] for c in columns))
                if len(batch) == BATCH:
                    target.dialect.insert_rows(conn, table, columns, batch)
                    batch = []
            if batch:
                target.dialect.insert_rows(conn, table, columns, batch)
        target.dialect.after_copy(conn)
    return target.article_count()
