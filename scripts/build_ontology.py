"""Rebuild the CAMEO ontology table (src/tacitus/data/cameo.tsv) from the public sources in ../shared/eval.

The table holds facts only: code, name, Goldstein score, quad class and the official CAMEO-to-PLOVER
mapping (type, mode, context). Run by hand when the sources change; the package ships the result.
"""
from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval"
OUT = Path(__file__).resolve().parents[1] / "src" / "tacitus" / "data" / "cameo.tsv"

# Quad classes as GDELT defines them over CAMEO root codes.
QUAD = {**{f"{r:02d}": 1 for r in range(1, 6)}, **{f"{r:02d}": 2 for r in range(6, 9)},
        **{f"{r:02d}": 3 for r in range(9, 14)}, **{f"{r:02d}": 4 for r in range(14, 21)}}

MOJIBAKE = {"\u201a\u00c4\u00f4": "'", "\u00e2\u20ac\u2122": "'"}


def read_codebook(path: Path) -> list[dict]:
    rows = []
    with path.open(encoding="latin-1", newline="") as fh:
        for row in csv.DictReader(fh):
            name = row["name"].strip()
            for bad, good in MOJIBAKE.items():
                name = name.replace(bad, good)
            rows.append({"code": row["code"].strip(), "name": name, "goldstein": float(row["goldstein"])})
    return rows


def read_plover_map(path: Path) -> dict[str, tuple[str, str, str]]:
    mapping: dict[str, tuple[str, str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([^#]*)", line)
        if not m:
            continue
        fields = [f.strip() for f in m.group(2).split(",")]
        fields += [""] * (3 - len(fields))
        ptype, mode, context = fields[:3]
        if len(m.group(1)) == 2:  # root headers ("03: AGREE") name a type only
            continue
        context = ";".join(c.strip() for c in context.split(";") if c.strip())
        mapping.setdefault(m.group(1), (ptype, mode.replace(" ", ""), context))
    return mapping


def main() -> int:
    rows = read_codebook(SHARED / "cameo_codebook_examples" / "cameo-codes.csv")
    plover = read_plover_map(SHARED / "plover_gsr" / "CAMEO2PLOVER-2021.txt")
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# CAMEO 1.1b3 codes with Goldstein scores (CAMEO codebook table) and the official CAMEO-to-PLOVER\n")
        fh.write("# map (PLOVER manual draft 0.8, 2021). quad: 1 verbal cooperation, 2 material cooperation,\n")
        fh.write("# 3 verbal conflict, 4 material conflict. Root rows (2 digits) carry the type of their x0 code.\n")
        fh.write("code\tname\tgoldstein\tquad\tplover_type\tplover_mode\tplover_context\n")
        for row in rows:
            code = row["code"]
            key = code if len(code) > 2 else code + "0"
            ptype, mode, context = plover.get(key, ("", "", ""))
            fh.write(f"{code}\t{row['name']}\t{row['goldstein']:g}\t{QUAD[code[:2]]}\t{ptype}\t{mode}\t{context}\n")
    print(f"wrote {len(rows)} codes to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
