"""/quote NAME [ABOUT]: what someone said, in their own quoted words, newest first, cited.

Only words the articles put in quotation marks and attribute to the entity are shown, never
reported speech passed off as a quote; ABOUT keeps the quotes whose own words contain it in
some form (stems: "rising" finds "rises"), all of the speaker's, found through the quotes'
full-text index. Quotes are listed by their article's publication date, newest first, all
of them (the answer's pages page through them): without ABOUT the ``MAX_READ`` most recent
are read, and the answer says so when there are more. The same statement
carried by several articles (``bot.query.statements``) is one item, in its fullest wording
as the first article to give it reported it, citing the others under "also in". Fragments
(a few quoted words inside a reported sentence) are labelled as such, shown with their
sentence, and listed after full quotes. A known entity with no quotes gets that said
plainly, with how often it is mentioned. A speaker that is no entity ("a spokesman for the
ministry") is shown as the cited sentence words it (``speaker_words``).
"""

from __future__ import annotations

import re

from bot.query import inputs, statements
from bot.query.answer import Answer, Citation, Item, plural
from bot.query.names import name_index
from bot.query.replies import lookup, match_note
from bot.query.sources import Sources
from bot.query.who import entity_card
from bot.store import Row, Store
from bot.textnorm import stems

# Quotes read for one speaker, the most recently published first, so the cost of /quote
# does not grow with the base.
MAX_READ = 1000
# "NAME about WORDS": the longest name tried when the keyword is not marked.
_MAX_NAME_WORDS = 6
_ABOUT = re.compile(r"\s+about\s+", re.IGNORECASE)
_DETERMINERS = r"(?:an?|the|one|another)"
_NON_WORD = r"\W+"


def quote(store: Store, name: str, about: str = "") -> Answer:
    name, about = _split(store, name, about)
    query = f"{name} about {about}" if about else name
    if not inputs.topic_stems(about):
        about = ""
    found = lookup(store, "quote", name)
    if isinstance(found, Answer):
        return found
    entity = found.entity
    card = entity_card(store, entity)
    read = store.read
    about_shown = " ".join(about.split())
    title = f"Quotes from {entity.name}" + (f" about “{about_shown}”" if about else "")
    total = read.quote_count(entity.id)
    if not total:
        mentions = read.mention_count(entity.id)
        message = (
            f"No direct quotes from {entity.name}. {entity.name} is mentioned "
            f"{plural(mentions, 'time')} in {plural(entity.articles, 'article')}; "
            f"/who {entity.name} shows what the articles say."
        )
        return Answer("quote", query, card, [], title=title, message=message)
    if about:
        # Every quote of the speaker with the words, through the full-text index (its
        # stems), then kept only where the words' own stems are there as asked.
        found_rows = read.quotes_matching(entity.id, inputs.fts_query(inputs.topic_terms(about)))
        wanted = set(inputs.topic_stems(about))
        rows = [r for r in found_rows if wanted <= set(stems(r["quote"]))]
        read_all = True
        if not rows:
            message = (
                f"No quote from {entity.name} mentions “{about_shown}”; "
                f"{entity.name} has {plural(total, 'quote')} in all. /quote {entity.name} lists"
                " them."
            )
            return Answer("quote", query, card, [], title=title, message=message)
    else:
        rows = read.newest_quotes(entity.id, MAX_READ)
        read_all = len(rows) == total
    said = _statements(rows)
    sources = Sources(
        read,
        [(r["article_id"], i) for group in said for r in group for i in _own(r)],
    )
    items = [_item(group, entity.name, sources) for group in said]
    notes = [note] if (note := match_note(name, found)) else []
    notes.append(_counted(items, len(rows)))
    if not read_all:
        notes.append(f"Only the {MAX_READ:,} most recent of {total:,} quotes were read.")
    return Answer("quote", query, card, items, title=title, message=" ".join(notes))


def _own(row: Row) -> tuple[int, ...]:
    """The sentences a quote is cited by: its own and the one attributing it."""
    return tuple(i for i in (row["sentence_idx"], row["cite_idx"]) if i is not None)


def _statements(rows: list[Row]) -> list[list[Row]]:
    """Full quotes as statements, then fragments the same way; each statement cites first
    the earliest article giving its fullest wording, and comes at that article's date,
    newest first (``rows`` are newest first)."""
    said = []
    for fragment in (False, True):
        oldest_first = [r for r in reversed(rows) if bool(r["fragment"]) == fragment]
        said += reversed(statements.group(oldest_first, lambda r: r["quote"]))
    return said


def _item(group: list[Row], speaker: str, sources: Sources) -> Item:
    first, *others = group
    item = quote_item(first, speaker, sources.cite(first["article_id"], *_own(first)))
    seen = {first["article_id"]}
    for row in others:
        if row["article_id"] not in seen:
            seen.add(row["article_id"])
            item.also.append(sources.cite(row["article_id"], *_own(row)))
    return item


def _counted(items: list[Item], quotes: int) -> str:
    """ "12 statements, newest first", with how many quotes repeated one."""
    text = f"{plural(len(items), 'statement')}, newest first"
    repeated = quotes - len(items)
    if repeated:
        text += f"; {plural(repeated, 'other report')} of the same words shown under “also in”"
    return text + "."


def speaker_words(entity_name: str | None, speaker: str | None, sentence: str) -> str:
    """Who said it: the entity's name, or a speaker that is no entity ("a senior official")
    as the cited ``sentence`` words it, with its article; "unattributed" when no one is."""
    if entity_name:
        return entity_name
    if not speaker:
        return "unattributed"
    parts = [re.escape(w) for w in re.findall(r"\w+", speaker)]
    pattern = rf"\b{_DETERMINERS}\s+{_NON_WORD.join(parts)}\b"
    match = re.search(pattern, sentence, re.IGNORECASE) if parts else None
    if match is None:
        return speaker
    words = match.group(0)
    return words[0].lower() + words[1:]


def quote_item(
    row: Row, speaker: str, citation: Citation, named: bool = False, group: str = ""
) -> Item:
    """A quote as an item; a fragment is labelled and shown with the sentence around it.

    ``named`` puts the speaker before the words, for lists mixing several speakers.
    """
    fragment = bool(row["fragment"])
    words = f"Fragment: “{row['quote']}”" if fragment else f"“{row['quote']}”"
    return Item(
        "quote",
        f"{speaker}: {words}" if named else words,
        citation,
        quote=row["quote"],
        speaker=speaker,
        fragment=fragment,
        context=citation.sentence if fragment else "",
        group=group,
        how=row["how"],
    )


def _split(store: Store, name: str, about: str) -> tuple[str, str]:
    """Separate the speaker from the keyword in "NAME about WORDS" or "NAME WORDS".

    Without "about", the longest run of leading words that names a known entity is the
    name, but only when the whole text does not itself name one.
    """
    if about.strip() or len(name) > inputs.MAX_NAME_CHARS:
        return name, about
    parts = _ABOUT.split(name.strip(), maxsplit=1)
    if len(parts) == 2 and all(p.strip() for p in parts):
        return parts[0], parts[1]
    index = name_index(store)
    words = name.split()
    if len(words) < 2 or index.resolve(name).recognised:
        return name, about
    for cut in range(min(len(words) - 1, _MAX_NAME_WORDS), 0, -1):
        head = " ".join(words[:cut])
        if index.resolve(head).recognised:
            return head, " ".join(words[cut:])
    return name, about
