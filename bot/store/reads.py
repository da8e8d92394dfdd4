"""The named questions the query layer asks of the base, each one SQL statement or a few.

Every read is bounded by what it is asked for (ids, a limit), never by the size of the base:
a widely named entity's rows are read newest first up to a limit, and full-text matches are
taken from the most recently indexed. Rows come back as ``Row`` (read by column
name), so the query layer never needs to know how the tables are laid out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from bot.identity import FULLEST
from bot.store.dialect import Connection, Dialect, Row

# Rows per IN (...) list, well under SQLite's limit on bound parameters.
_CHUNK = 500
# The forms of an entity, as a subquery taking the entity id.
_FORMS_OF = "SELECT id FROM forms WHERE entity_id = ?"
# Articles indexed in a window: ingested_at > :since AND ingested_at <= :until.
_WINDOW = "SELECT id FROM articles WHERE ingested_at > :since AND ingested_at <= :until"


def _marks(values: Sequence[object]) -> str:
    return ",".join("?" * len(values))


def _chunks(values: Iterable[object]) -> Iterable[list[object]]:
    values = list(values)
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


class Reads:
    """The named questions the answers ask of one connection's base (``Store.read``)."""

    def __init__(self, conn: Connection, dialect: Dialect) -> None:
        self._conn = conn
        self._dialect = dialect

    # -- articles and sentences -----------------------------------------------------------------

    def article_meta(self, ids: Iterable[str]) -> dict[str, Row]:
        """Title, outlet, date and address of each article."""
        found: dict[str, Row] = {}
        for chunk in _chunks(ids):
            for row in self._conn.execute(
                "SELECT id, title, source, published, url FROM articles"
                f" WHERE id IN ({_marks(chunk)})",
                chunk,
            ):
                found[row["id"]] = row
        return found

    def sentence_texts(self, wanted: Mapping[str, Iterable[int]]) -> dict[tuple[str, int], str]:
        """The text of the given sentences (indexes by article id), by (article id, index): one
        query per ``_CHUNK`` sentences, whatever the number of articles."""
        pairs = sorted({(article_id, i) for article_id, indexes in wanted.items() for i in indexes})
        found: dict[tuple[str, int], str] = {}
        for chunk in _chunks(pairs):
            rows = self._conn.execute(
                "SELECT s.article_id, s.idx, s.text FROM"
                f" (VALUES {','.join(['(?, ?)'] * len(chunk))}) AS w"
                " JOIN sentences s ON s.article_id = w.column1 AND s.idx = w.column2",
                [value for pair in chunk for value in pair],  # type: ignore[attr-defined]
            )
            found.update(((article_id, idx), text) for article_id, idx, text in rows)
        return found

    def article_listing(self, limit: int, offset: int = 0) -> list[Row]:
        """The newest articles with how many entities, figures and quotes each gave (every
        one for a negative ``limit``)."""
        return self._conn.execute(
            "SELECT a.id,"
            " (SELECT count(*) FROM article_entities e WHERE e.article_id = a.id) AS entities,"
            " (SELECT count(*) FROM figures f WHERE f.article_id = a.id) AS figures,"
            " (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes"
            " FROM articles a ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?",
            (self._dialect.no_limit if limit < 0 else limit, offset),
        ).fetchall()

    def article_ids_from(self, prefix: str, limit: int) -> list[str]:
        """Article ids beginning with ``prefix``, in order."""
        return [
            row[0]
            for row in self._conn.execute(
                "SELECT id FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
                (prefix, prefix + "\U0010ffff", limit),
            )
        ]

    def entities_of_article(self, article_id: str) -> list[Row]:
        """The article's entities: base-wide name and type, the article's own name, mentions,
        and the first sentence naming each."""
        return self._conn.execute(
            "SELECT e.name, e.type, ae.name AS local, ae.mentions,"
            " (SELECT min(m.sentence_idx) FROM mentions m WHERE m.ae_id = ae.id) AS first"
            " FROM article_entities ae JOIN forms f ON f.id = ae.form_id"
            " JOIN entities e ON e.id = f.entity_id"
            " WHERE ae.article_id = ? ORDER BY ae.mentions DESC, e.name",
            (article_id,),
        ).fetchall()

    def figures_of_article(self, article_id: str) -> list[Row]:
        return self._conn.execute(
            "SELECT * FROM figures WHERE article_id = ? ORDER BY sentence_idx, id", (article_id,)
        ).fetchall()

    def quotes_of_article(self, article_id: str) -> list[Row]:
        """The article's quotes, with the base-wide name of each speaker that is an entity."""
        return self._conn.execute(
            "SELECT q.*, e.name AS entity_name FROM quotes q"
            " LEFT JOIN forms f ON f.id = q.form_id LEFT JOIN entities e ON e.id = f.entity_id"
            " WHERE q.article_id = ? ORDER BY q.sentence_idx, q.id",
            (article_id,),
        ).fetchall()

    # -- full text ------------------------------------------------------------------------------

    def best_sentences(self, query: str, scanned: int, limit: int) -> list[tuple[str, int]]:
        """(article id, sentence index) of the sentences matching an FTS5 query best (bm25,
        or PostgreSQL's rank), among the ``scanned`` most recently indexed matches."""
        matching, parameters = self._dialect.match("sentences", query)
        ranked = self._conn.execute(
            f"SELECT id, score FROM ({matching}) AS m ORDER BY id DESC LIMIT ?",
            [*parameters, scanned],
        ).fetchall()
        best = [row[0] for row in sorted(ranked, key=lambda row: row[1])[:limit]]
        if not best:
            return []
        where = {
            row[0]: (row[1], row[2])
            for row in self._conn.execute(
                f"SELECT id, article_id, idx FROM sentences WHERE id IN ({_marks(best)})", best
            )
        }
        return [where[sentence] for sentence in best]

    def figures_in_matching(self, query: str, limit: int) -> list[Row]:
        """Figures with a value (not "millions of") of the sentences matching an FTS5 query,
        the most recently published first (undated ones after every dated one, the most
        recently indexed first)."""
        matching, parameters = self._dialect.match("sentences", query)
        return self._conn.execute(
            f"SELECT f.*, a.published FROM ({matching}) AS m"
            " JOIN sentences s ON s.id = m.id"
            " JOIN figures f ON f.article_id = s.article_id AND f.sentence_idx = s.idx"
            " JOIN articles a ON a.id = f.article_id"
            " WHERE f.value IS NOT NULL"
            " ORDER BY a.published IS NULL, a.published DESC, m.id DESC LIMIT ?",
            [*parameters, limit],
        ).fetchall()

    def places_in_sentences(self, refs: Iterable[tuple[str, int]]) -> list[Row]:
        """The places named in the given (article id, sentence index) sentences: article_id,
        sentence_idx, start and end (characters into the sentence) and the place's base-wide
        name."""
        wanted = set(refs)
        found: list[Row] = []
        for chunk in _chunks(sorted({article for article, _ in wanted})):
            indexes = sorted({index for article, index in wanted if article in chunk})
            rows = self._conn.execute(
                "SELECT ae.article_id, m.sentence_idx, m.start - s.start AS start,"
                ' m."end" - s.start AS "end", coalesce(e.name, ae.name) AS name'
                " FROM article_entities ae JOIN mentions m ON m.ae_id = ae.id"
                " JOIN sentences s ON s.article_id = ae.article_id AND s.idx = m.sentence_idx"
                " LEFT JOIN forms f ON f.id = ae.form_id LEFT JOIN entities e ON e.id = f.entity_id"
                f" WHERE ae.article_id IN ({_marks(chunk)})"
                f" AND m.sentence_idx IN ({_marks(indexes)})"
                " AND coalesce(e.type, ae.type) = 'GPE'",
                [*chunk, *indexes],
            )
            found += [r for r in rows if (r["article_id"], r["sentence_idx"]) in wanted]
        return found

    # -- entities -------------------------------------------------------------------------------

    def all_entities(self) -> list[Row]:
        """Every entity: id, name, type and how many articles name it."""
        return self._conn.execute("SELECT id, name, type, articles FROM entities").fetchall()

    # -- names --------------------------------------------------------------------------------

    def name_words_between(self, low: str, high: str) -> list[str]:
        """The words of entities' names from ``low`` up to (not including) ``high``."""
        return [
            row[0]
            for row in self._conn.execute(
                "SELECT DISTINCT word FROM name_words WHERE word >= ? AND word < ? ORDER BY word",
                (low, high),
            )
        ]

    def known_name_words(self, words: Iterable[str]) -> set[str]:
        """Which of ``words`` are words of entities' names."""
        found: set[str] = set()
        for chunk in _chunks(sorted(set(words))):
            found.update(
                row[0]
                for row in self._conn.execute(
                    f"SELECT DISTINCT word FROM name_words WHERE word IN ({_marks(chunk)})", chunk
                )
            )
        return found

    def name_words_of_length(self, shortest: int, longest: int) -> list[tuple[int, str]]:
        """(length, word) of every word of entities' names of ``shortest`` to ``longest``
        letters."""
        return [
            (row[0], row[1])
            for row in self._conn.execute(
                "SELECT length, word FROM name_vocabulary WHERE length >= ? AND length <= ?",
                (shortest, longest),
            )
        ]

    def names_with_words(self, words: Iterable[str], share: float) -> list[Row]:
        """The names (as ``_named`` gives them) with any of ``words`` among their words."""
        found: list[Row] = []
        for chunk in _chunks(sorted(set(words))):
            hits = (
                "SELECT DISTINCT form_id, name, folded FROM name_words"
                f" WHERE word IN ({_marks(chunk)})"
            )
            found += self._named(hits, chunk, share)
        return found

    def names_starting_with(
        self,
        prefix: str,
        words: Sequence[str],
        share: float,
        entities: Sequence[int] | None = None,
    ) -> list[Row]:
        """The names (as ``_named`` gives them) with a word beginning with ``prefix`` and
        every one of ``words``: of every entity, or of the given ``entities`` only.

        The rows are found from the ``entities``' forms when they are given; else from the
        names holding the first of ``words`` when there are any (a prefix of a letter or
        two begins words of a good part of the names); else from the words beginning
        with ``prefix``."""
        holds = (
            " AND EXISTS (SELECT 1 FROM name_words h WHERE h.word = ?"
            " AND h.form_id = w.form_id AND h.name = w.name)"
        )
        # A beginning compared as a string, which no index answers, keeps the planner
        # from reading every word with that beginning when the rows are found otherwise.
        begins = (
            " AND EXISTS (SELECT 1 FROM name_words b WHERE b.form_id = w.form_id"
            " AND b.name = w.name AND substr(b.word, 1, ?) = ?)"
        )
        if entities is None and words:
            hits = (
                "SELECT DISTINCT w.form_id, w.name, w.folded FROM name_words w WHERE w.word = ?"
                + holds * (len(words) - 1)
                + begins
            )
            return self._named(hits, [*words, len(prefix), prefix], share)
        if entities is None:
            # Folded words hold only [0-9a-z], and "{" sorts after "z".
            hits = (
                "SELECT DISTINCT form_id, name, folded FROM name_words WHERE word >= ? AND word < ?"
            )
            return self._named(hits, [prefix, prefix + "{"], share)
        found: list[Row] = []
        for chunk in _chunks(entities):
            hits = (
                "SELECT DISTINCT w.form_id, w.name, w.folded FROM forms f"
                f" JOIN name_words w ON w.form_id = f.id WHERE f.entity_id IN ({_marks(chunk)})"
                + holds * len(words)
                + begins
            )
            found += self._named(hits, [*chunk, *words, len(prefix), prefix], share)
        return found

    def name_word_count(self, prefix: str, at_most: int) -> int:
        """How many words of names (counting each name's) begin with ``prefix``, counted up
        to ``at_most``."""
        return self._conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM name_words WHERE word >= ? AND word < ?"
            " LIMIT ?) AS w",
            (prefix, prefix + "{", at_most),
        ).fetchone()[0]

    def _named(self, hits: str, parameters: Sequence[object], share: float) -> list[Row]:
        """Each name of an entity among the (form_id, name, folded) rows of the query
        ``hits``: the entity's id, name, type and articles, the name ``folded``, and
        whether it is the entity's own name (``canonical``). A name counts when an article
        gives it as the entity's fullest name, or when the articles use it (a surname, an
        acronym, a declared name) in at least ``share`` of the entity's articles."""
        return self._conn.execute(
            "SELECT e.id, e.name, e.type, e.articles, w.folded,"
            " CASE WHEN w.name = e.name THEN 1 ELSE 0 END AS canonical"
            f" FROM ({hits}) AS w"
            " JOIN form_names n ON n.form_id = w.form_id AND n.name = w.name"
            " JOIN forms f ON f.id = w.form_id JOIN entities e ON e.id = f.entity_id"
            " GROUP BY e.id, e.name, e.type, e.articles, w.name, w.folded"
            " HAVING max(CASE WHEN n.kind = ? THEN 1 ELSE 0 END) = 1"
            " OR sum(n.uses) >= ? * e.articles",
            [*parameters, FULLEST, share],
        ).fetchall()

    def entities_named(self, folded: str) -> list[Row]:
        """The entities (id, name, type, articles) whose own name folds to ``folded``."""
        return self._conn.execute(
            "SELECT DISTINCT e.id, e.name, e.type, e.articles FROM name_words w"
            " JOIN forms f ON f.id = w.form_id JOIN entities e ON e.id = f.entity_id"
            " WHERE w.word = ? AND w.folded = ? AND e.name = w.name",
            (folded.split()[0], folded),
        ).fetchall()

    def own_names_folded(self, entity_ids: Iterable[int]) -> dict[int, str]:
        """The folded own name of each of the entities."""
        found: dict[int, str] = {}
        for chunk in _chunks(sorted(set(entity_ids))):
            found.update(
                (row[0], row[1])
                for row in self._conn.execute(
                    "SELECT e.id, w.folded FROM entities e JOIN forms f ON f.entity_id = e.id"
                    " JOIN name_words w ON w.form_id = f.id AND w.name = e.name"
                    f" WHERE e.id IN ({_marks(chunk)})",
                    chunk,
                )
            )
        return found

    def ranked_entities(self, limit: int, offset: int = 0) -> list[Row]:
        """Entities (id, name, type, articles) in order of how many articles name them,
        the most first (among equals, by name)."""
        return self._conn.execute(
            "SELECT id, name, type, articles FROM entities ORDER BY articles DESC, name"
            " LIMIT ? OFFSET ?",
            (limit, offset),
        ).fetchall()

    def keys_of_others(self, entity_id: int, keys: Iterable[str], least: int) -> set[str]:
        """Which of ``keys`` name a form of another entity in ``least`` articles or more."""
        return {
            key
            for key in set(keys)
            if self._conn.execute(
                "SELECT 1 FROM forms WHERE key = ? AND entity_id != ? AND articles >= ? LIMIT 1",
                (key, entity_id, least),
            ).fetchone()
        }

    def entity_names(self, entity_id: int) -> list[tuple[str, int]]:
        """The names articles use for an entity, with how many article entities used each."""
        return [
            (row[0], row[1])
            for row in self._conn.execute(
                "SELECT n.name, sum(n.uses) FROM form_names n WHERE n.form_id IN"
                f" ({_FORMS_OF}) GROUP BY n.name",
                (entity_id,),
            )
        ]

    def entity_roles(self, entity_id: int, limit: int) -> list[Row]:
        """(text, key) of how the most recently indexed articles describe an entity: the role
        and the key of the name the article gives the entity."""
        return self._conn.execute(
            "SELECT d.text, f.key FROM descriptions d JOIN article_entities ae ON ae.id = d.ae_id"
            " JOIN forms f ON f.id = ae.form_id"
            f" WHERE ae.form_id IN ({_FORMS_OF}) ORDER BY d.ae_id DESC LIMIT ?",
            (entity_id, limit),
        ).fetchall()

    def entity_articles(self, entity_id: int, limit: int) -> list[Row]:
        """(article_id, mentions) of the most recently indexed articles naming an entity."""
        return self._conn.execute(
            "SELECT article_id, sum(mentions) AS mentions FROM article_entities"
            f" WHERE id IN (SELECT id FROM article_entities WHERE form_id IN ({_FORMS_OF})"
            " ORDER BY id DESC LIMIT ?) GROUP BY article_id",
            (entity_id, limit),
        ).fetchall()

    def entity_mentions(self, entity_id: int, article_ids: Sequence[str]) -> list[Row]:
        """(article_id, sentence_idx, offset in the sentence) of an entity's mentions in the
        given articles."""
        if not article_ids:
            return []
        return self._conn.execute(
            "SELECT ae.article_id, m.sentence_idx, m.start - s.start AS offset FROM mentions m"
            " JOIN article_entities ae ON ae.id = m.ae_id"
            " JOIN sentences s ON s.article_id = ae.article_id AND s.idx = m.sentence_idx"
            f" WHERE ae.form_id IN ({_FORMS_OF}) AND ae.article_id IN ({_marks(article_ids)})",
            [entity_id, *article_ids],
        ).fetchall()

    def entity_quoted_in(self, entity_id: int, article_ids: Sequence[str]) -> list[Row]:
        """Sentences of the given articles where an entity is quoted (and where the quote is
        attributed)."""
        if not article_ids:
            return []
        return self._conn.execute(
            "SELECT q.article_id, q.sentence_idx, q.cite_idx FROM quotes q"
            f" JOIN forms f ON f.id = q.form_id WHERE q.article_id IN ({_marks(article_ids)})"
            " AND f.entity_id = ?",
            [*article_ids, entity_id],
        ).fetchall()

    def entity_roles_in(self, entity_id: int, article_ids: Sequence[str]) -> list[Row]:
        """(article_id, text) of how the given articles describe an entity."""
        if not article_ids:
            return []
        return self._conn.execute(
            "SELECT ae.article_id, d.text FROM descriptions d"
            " JOIN article_entities ae ON ae.id = d.ae_id"
            f" WHERE ae.article_id IN ({_marks(article_ids)}) AND ae.form_id IN ({_FORMS_OF})",
            [*article_ids, entity_id],
        ).fetchall()

    def mention_count(self, entity_id: int) -> int:
        return self._conn.execute(
            "SELECT coalesce(sum(mentions), 0) FROM forms WHERE entity_id = ?", (entity_id,)
        ).fetchone()[0]

    # -- quotes ---------------------------------------------------------------------------------

    def quote_count(self, entity_id: int) -> int:
        return self._conn.execute(
            f"SELECT count(*) FROM quotes WHERE form_id IN ({_FORMS_OF})", (entity_id,)
        ).fetchone()[0]

    def newest_quotes(self, entity_id: int, limit: int) -> list[Row]:
        """An entity's quotes (and fragments) with their article's date, the most recently
        published first (undated last), at most ``limit`` of them."""
        return self._conn.execute(
            "SELECT q.*, a.published FROM quotes q JOIN articles a ON a.id = q.article_id"
            f" WHERE q.form_id IN ({_FORMS_OF})"
            " ORDER BY coalesce(a.published, '') DESC, q.article_id, q.sentence_idx, q.id LIMIT ?",
            (entity_id, limit),
        ).fetchall()

    def quotes_matching(self, entity_id: int, query: str) -> list[Row]:
        """All of an entity's quotes (and fragments) whose words match an FTS5 query, with
        their article's date, the most recently published first."""
        matching, parameters = self._dialect.match("quotes", query)
        return self._conn.execute(
            f"SELECT q.*, a.published FROM ({matching}) AS m JOIN quotes q ON q.id = m.id"
            " JOIN articles a ON a.id = q.article_id"
            f" WHERE q.form_id IN ({_FORMS_OF})"
            " ORDER BY coalesce(a.published, '') DESC, q.article_id, q.sentence_idx, q.id",
            [*parameters, entity_id],
        ).fetchall()

    # -- the digest window ----------------------------------------------------------------------

    def window_count(self, window: dict[str, str]) -> int:
        return self._conn.execute(f"SELECT count(*) FROM ({_WINDOW}) AS w", window).fetchone()[0]

    def window_articles(self, window: dict[str, str], limit: int) -> list[Row]:
        """The window's articles, newest first, with their first sentence after the title."""
        return self._conn.execute(
            "SELECT a.id, (SELECT min(s.idx) FROM sentences s WHERE s.article_id = a.id"
            f" AND s.text <> a.title) AS lead FROM articles a WHERE a.id IN ({_WINDOW})"
            " ORDER BY coalesce(a.published, '') DESC, a.ingested_at DESC, a.id LIMIT :limit",
            {**window, "limit": limit},
        ).fetchall()

    def window_entities(self, window: dict[str, str], limit: int) -> list[Row]:
        """The entities the window's articles mention most, with where each is first named."""
        return self._conn.execute(
            "WITH named AS (SELECT f.entity_id, ae.article_id, ae.mentions,"
            " (SELECT min(m.sentence_idx) FROM mentions m WHERE m.ae_id = ae.id) AS first,"
            " coalesce(a.published, '') AS published"
            " FROM article_entities ae JOIN forms f ON f.id = ae.form_id"
            f" JOIN articles a ON a.id = ae.article_id WHERE ae.article_id IN ({_WINDOW})),"
            " firsts AS (SELECT entity_id, article_id, first, row_number() OVER"
            " (PARTITION BY entity_id ORDER BY published DESC, article_id, first) AS n FROM named)"
            " SELECT e.name, sum(n.mentions) AS mentions, count(DISTINCT n.article_id) AS articles,"
            " f.article_id, f.first FROM named n JOIN entities e ON e.id = n.entity_id"
            " JOIN firsts f ON f.entity_id = e.id AND f.n = 1"
            " GROUP BY e.id, e.name, f.article_id, f.first"
            " ORDER BY mentions DESC, articles DESC, e.name LIMIT :limit",
            {**window, "limit": limit},
        ).fetchall()

    def window_figures(self, window: dict[str, str], limit: int) -> list[Row]:
        return self._conn.execute(
            "SELECT f.* FROM figures f JOIN articles a ON a.id = f.article_id"
            f" WHERE f.article_id IN ({_WINDOW})"
            " ORDER BY coalesce(a.published, '') DESC, a.id, f.sentence_idx, f.id LIMIT :limit",
            {**window, "limit": limit},
        ).fetchall()

    def window_quotes(self, window: dict[str, str], min_chars: int) -> list[Row]:
        """The window's full quotes (never fragments) with a speaker, longest first, each with
        the speaker's base-wide name where it is an entity (``entity_name``) and the name to
        tell speakers apart by (``speaker_name``: that name, else the speaker's words)."""
        return self._conn.execute(
            "SELECT q.*, e.name AS entity_name, coalesce(e.name, q.speaker) AS speaker_name"
            " FROM quotes q"
            " LEFT JOIN forms f ON f.id = q.form_id LEFT JOIN entities e ON e.id = f.entity_id"
            f" WHERE q.article_id IN ({_WINDOW}) AND q.fragment = 0 AND q.speaker IS NOT NULL"
            " AND length(q.quote) >= :min_chars ORDER BY length(q.quote) DESC, q.article_id, q.id",
            {**window, "min_chars": min_chars},
        ).fetchall()

    def base_version(self) -> tuple[int, int]:
        """A value that changes whenever the base does, by any connection's writes."""
        return self._dialect.base_version(self._conn)
