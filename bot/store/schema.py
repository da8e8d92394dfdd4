"""The tables of the fact base, and what a base written by an older factbot needs.

Entities live at three levels:

- ``article_entities``: each article's own entities, as its text gives them (name, type,
  mentions, aliases, descriptions);
- ``forms``: one row for each name and type the articles use ("Jim Halvorsen" as a PERSON),
  with counts kept up to date as articles come and go (``form_names``)
  and the cheap keys under which forms that may be one entity meet (``form_keys``);
- ``entities``: what the identity step (``bot.store.identity``) makes of the forms;
- ``name_words``: the folded words of every name in ``form_names``, so that a name typed
  in a question is looked up by its words (``bot.query.names``) without reading every name.

Replacing or removing an article withdraws exactly what it added to the counts, and marks
the forms it touched ``dirty`` for the identity step (``Store.settle``), which a write of
one article runs before it commits and a bulk run once a minute and at its end.

The tables are written once, in SQL both databases read (``TABLES_SQL``); each database adds
its own full-text index and triggers (``SQLITE_STATEMENTS``, ``POSTGRES_STATEMENTS``), all
run inside the transaction that creates the base.
"""

from __future__ import annotations

import re
import sqlite3

SCHEMA_VERSION = 6
# The ``meta`` key holding the schema version on PostgreSQL (SQLite keeps it in
# ``user_version``).
SCHEMA_KEY = "schema version"
# The older schema that a write command brings up to date in place, keeping every row
# (``SQLITE_UPGRADE``, ``POSTGRES_UPGRADE``); a base older still is rebuilt from its
# article files.
UPGRADABLE = 5

TABLES_SQL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    path TEXT,
    content_hash TEXT NOT NULL,
    title TEXT NOT NULL,
    source TEXT,
    published TEXT,
    url TEXT,
    ingested_at TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX articles_ingested ON articles(ingested_at);
CREATE INDEX articles_published ON articles(published, id);
CREATE INDEX articles_path ON articles(path);
CREATE TABLE sentences (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (article_id, idx)
);
-- settled: its forms were joined by no decision that counts could change (see
-- bot.identity.cluster.Cluster), so new counts only change its name, type and articles.
CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    articles INTEGER NOT NULL DEFAULT 0,
    settled INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE forms (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL,
    type TEXT NOT NULL,
    entity_id INTEGER REFERENCES entities(id),
    articles INTEGER NOT NULL DEFAULT 0,
    mentions INTEGER NOT NULL DEFAULT 0,
    dirty INTEGER NOT NULL DEFAULT 2,
    UNIQUE (key, type)
);
CREATE INDEX forms_entity ON forms(entity_id);
-- dirty: 0 resolved, 1 its counts changed, 2 its names changed (or it is new).
CREATE INDEX forms_dirty ON forms(dirty) WHERE dirty > 0;
-- Spellings of a form, with how many article entities used each: as their fullest name
-- (kind 1), as another name (kind 0: a surname, an acronym) or as a name the article
-- declares to be the same ("also known as": kind 2).
CREATE TABLE form_names (
    form_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    kind INTEGER NOT NULL,
    uses INTEGER NOT NULL,
    PRIMARY KEY (form_id, name, kind)
) WITHOUT ROWID;
CREATE TABLE form_keys (
    key TEXT NOT NULL,
    form_id INTEGER NOT NULL,
    PRIMARY KEY (key, form_id)
) WITHOUT ROWID;
CREATE INDEX form_keys_form ON form_keys(form_id);
CREATE TABLE article_entities (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    form_id INTEGER NOT NULL REFERENCES forms(id),
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    mentions INTEGER NOT NULL
);
CREATE INDEX article_entities_form ON article_entities(form_id, article_id);
CREATE INDEX article_entities_article ON article_entities(article_id);
-- The other names an article uses for its entity (the name itself is on the entity).
CREATE TABLE aliases (
    ae_id INTEGER NOT NULL REFERENCES article_entities(id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    kind INTEGER NOT NULL
);
CREATE INDEX aliases_ae ON aliases(ae_id);
CREATE TABLE mentions (
    ae_id INTEGER NOT NULL REFERENCES article_entities(id) ON DELETE CASCADE,
    sentence_idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX mentions_ae ON mentions(ae_id);
CREATE TABLE descriptions (
    ae_id INTEGER NOT NULL REFERENCES article_entities(id) ON DELETE CASCADE,
    text TEXT NOT NULL
);
CREATE INDEX descriptions_ae ON descriptions(ae_id);
CREATE TABLE figures (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    sentence_idx INTEGER NOT NULL,
    value DOUBLE PRECISION,
    value_high DOUBLE PRECISION,
    text TEXT NOT NULL,
    what TEXT NOT NULL,
    predicate TEXT NOT NULL,
    approx TEXT NOT NULL,
    unit TEXT NOT NULL,
    per TEXT NOT NULL,
    scope TEXT NOT NULL DEFAULT '',
    how TEXT NOT NULL DEFAULT ''
);
CREATE INDEX figures_article ON figures(article_id, sentence_idx);
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    sentence_idx INTEGER NOT NULL,
    cite_idx INTEGER,
    speaker TEXT,
    ae_id INTEGER REFERENCES article_entities(id) ON DELETE CASCADE,
    form_id INTEGER,
    quote TEXT NOT NULL,
    fragment INTEGER NOT NULL,
    how TEXT NOT NULL DEFAULT ''
);
CREATE INDEX quotes_form ON quotes(form_id, id);
CREATE INDEX quotes_article ON quotes(article_id);
"""

# Added by schema 6, and all that an upgrade from schema 5 creates (then fills in from
# ``form_names``). A row for each word of each name of each form (``fold``ed in Python, as
# lookups fold what is typed): written when a form first gets the name, removed when no
# article gives it any more; and each such word once, by length. The entities in order of
# how many articles name them, for autocomplete of nothing typed.
NAMES_SQL = """
CREATE TABLE name_words (
    word TEXT NOT NULL,
    form_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    folded TEXT NOT NULL,
    PRIMARY KEY (word, form_id, name)
) WITHOUT ROWID;
CREATE INDEX name_words_form ON name_words(form_id, name);
-- Each distinct word of name_words once, by length: the words a typo may stand for are
-- those a few letters longer or shorter.
CREATE TABLE name_vocabulary (
    length INTEGER NOT NULL,
    word TEXT NOT NULL,
    PRIMARY KEY (length, word)
) WITHOUT ROWID;
CREATE INDEX entities_ranked ON entities(articles DESC, name);
"""


# SQLite's own: the triggers that mark a form whose names change, and the FTS5 indexes.
SQLITE_EXTRA = """
CREATE TRIGGER form_names_new AFTER INSERT ON form_names BEGIN
    UPDATE forms SET dirty = 2 WHERE id = NEW.form_id;
END;
CREATE TRIGGER form_names_gone AFTER DELETE ON form_names BEGIN
    UPDATE forms SET dirty = 2 WHERE id = OLD.form_id;
END;
-- Full-text index of sentences (the text itself stays in sentences, whose id is its rowid).
CREATE VIRTUAL TABLE sentences_fts USING fts5(
    text, content = 'sentences', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
-- Full-text index of the quotes' own words, for "/quote NAME about WORD" at any size.
CREATE VIRTUAL TABLE quotes_fts USING fts5(
    quote, content = 'quotes', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
"""


def _statements(script: str) -> tuple[str, ...]:
    """The statements of a script, each whole (a trigger's body holds semicolons too)."""
    statements: list[str] = []
    current = ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return tuple(statements)


SQLITE_STATEMENTS = _statements(TABLES_SQL + NAMES_SQL + SQLITE_EXTRA)


def _postgres_table(statement: str) -> str:
    """A statement of ``TABLES_SQL`` as PostgreSQL needs it: ids counted by the table, text
    compared character by character as SQLite does (whatever the database's locale), and
    no ``WITHOUT ROWID`` (PostgreSQL tables have no rowid to do without)."""
    statement = statement.replace(
        "INTEGER PRIMARY KEY", "INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
    )
    statement = re.sub(r"\bTEXT\b", 'TEXT COLLATE "C"', statement)
    return statement.replace(") WITHOUT ROWID", ")")


# The text search configuration: words folded (accents dropped) and stemmed as FTS5's
# "porter unicode61 remove_diacritics" tokenizer does, with no stop words (FTS5 has none).
_WORD_TOKENS = (
    "asciiword, word, numword, asciihword, hword, numhword, hword_asciipart, hword_part,"
    " hword_numpart"
)
POSTGRES_EXTRA = (
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE TEXT SEARCH DICTIONARY factbot_stem (TEMPLATE = snowball, Language = english)",
    "CREATE TEXT SEARCH CONFIGURATION factbot (COPY = simple)",
    f"ALTER TEXT SEARCH CONFIGURATION factbot ALTER MAPPING FOR {_WORD_TOKENS}"
    " WITH unaccent, factbot_stem",
    "ALTER TABLE sentences ADD COLUMN tsv tsvector"
    " GENERATED ALWAYS AS (to_tsvector('factbot', text)) STORED",
    "CREATE INDEX sentences_tsv ON sentences USING gin (tsv)",
    "ALTER TABLE quotes ADD COLUMN tsv tsvector"
    " GENERATED ALWAYS AS (to_tsvector('factbot', quote)) STORED",
    "CREATE INDEX quotes_tsv ON quotes USING gin (tsv)",
    "CREATE FUNCTION form_names_changed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
    " UPDATE forms SET dirty = 2"
    " WHERE id = CASE TG_OP WHEN 'DELETE' THEN OLD.form_id ELSE NEW.form_id END;"
    " RETURN NULL; END $$",
    "CREATE TRIGGER form_names_changed AFTER INSERT OR DELETE ON form_names"
    " FOR EACH ROW EXECUTE FUNCTION form_names_changed()",
    # Advanced by every commit: how a connection learns that the base changed.
    "CREATE SEQUENCE base_version",
)
POSTGRES_STATEMENTS = (
    *(_postgres_table(s) for s in _statements(TABLES_SQL + NAMES_SQL)),
    *POSTGRES_EXTRA,
)
# What an upgrade from schema ``UPGRADABLE`` runs, on each database, before filling in
# ``name_words``.
SQLITE_UPGRADE = _statements(NAMES_SQL)
POSTGRES_UPGRADE = tuple(_postgres_table(s) for s in _statements(NAMES_SQL))
# What a PostgreSQL base holds besides its tables, dropped to rebuild an older base.
POSTGRES_OBJECTS = (
    "SEQUENCE IF EXISTS base_version",
    "FUNCTION IF EXISTS form_names_changed CASCADE",
    "TEXT SEARCH CONFIGURATION IF EXISTS factbot CASCADE",
    "TEXT SEARCH DICTIONARY IF EXISTS factbot_stem CASCADE",
)
# Every table, in an order that drops dependants first; used to rebuild an older base.
TABLES = (
    "quotes_fts",
    "quotes",
    "figures",
    "descriptions",
    "mentions",
    "aliases",
    "article_entities",
    "form_keys",
    "name_vocabulary",
    "name_words",
    "form_names",
    "forms",
    "entities",
    "sentences_fts",
    "sentences",
    "articles",
    "meta",
)
# SQLite's full-text indexes, and the tables of a PostgreSQL base (which has none).
FTS_TABLES = tuple(t for t in TABLES if t.endswith("_fts"))
POSTGRES_TABLES = tuple(t for t in TABLES if t not in FTS_TABLES)
# Tables of schema 1 that schema 2 no longer has.
RETIRED = ("alias_keys", "form_context")
