"""PETRARCH's unit-test suite: code ``PETR.UnitTest.records.xml`` with the suite's own ``PETR.Validate.*``
dictionaries and count the records coded right."""
from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from .dictionary import _strip, read_verbs
from .stage import PetrarchEventStage

@dataclass
class Record:
    id: str
    category: str
    date: str | None
    text: str
    expected: set[tuple[str, str, str]]


def read_records(path: str | Path) -> list[Record]:
    path = Path(path)
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise ValueError(f"{path}: cannot read the PETRARCH records ({exc})") from None
    records = []
    for sentence in root.iter("Sentence"):
        text = " ".join((sentence.findtext("Text") or "").split())
        expected = set()
        for coding in sentence.iter("EventCoding"):
            if coding.get("noevents"):
                continue
            expected.add((coding.get("sourcecode", ""), coding.get("targetcode", ""), coding.get("eventcode", "")))
        date = sentence.get("date")
        iso = f"{date[:4]}-{date[4:6]}-{date[6:8]}" if date and len(date) == 8 else None
        records.append(Record(sentence.get("id", ""), sentence.get("category", ""), iso, text, expected))
    return records


def _coder(folder: Path, require_dyad: bool = True):
    from ...actors import ActorStage
    from ...actors.dictionary import ActorDictionary
    from ...actors.petrarch import read_dictionary
    from ...pipeline import Coder
    from ...quotes import QuoteStage
    from ...when import TimeStage
    from ...where import PlaceStage

    entries = []
    for name in ("PETR.Validate.actors.txt", "PETR.Validate.agents.txt"):
        found, _ = read_dictionary(folder / name)
        entries.extend(found)
    verbs, _ = read_verbs(folder / "PETR.Validate.verbs.txt")
    discards = _read_discards(folder / "PETR.Validate.discards.txt")
    stages = [ActorStage(dictionary=ActorDictionary(entries)), QuoteStage(), TimeStage(), PlaceStage(),
              PetrarchEventStage(verbs, discards, require_dyad)]
    return Coder(stages=stages)


def _read_discards(path: Path) -> list[str]:
    if not path.exists():
        return []
    out = []
    for _, line in _strip(path.read_text(encoding="utf-8", errors="replace").splitlines()):
        phrase = line.split(";", 1)[0].strip().lstrip("+").strip()
        if phrase:
            out.append(phrase)
    return out


def unit_test_pass_rate(folder: str | Path) -> dict:
    """Code PETRARCH's unit-test records with the suite's own dictionaries; the share of records coded
    exactly right (all and only the expected (source, target, event) triples), and of records whose event
    codes alone are right when the subject and object stand in for actors the actor stage did not resolve
    (what the verb dictionary import does by itself), with counts and the failures by category."""
    folder = Path(folder)
    records = read_records(folder / "PETR.UnitTest.records.xml")
    coder, lenient = _coder(folder), _coder(folder, require_dyad=False)
    exact = codes = 0
    failures: dict[str, int] = {}
    details = []
    for record in records:
        coded = coder.code(record.text, date=record.date)
        got = set()
        for event in coded.events:
            source, target = coded.actor(event.source), coded.actor(event.target)
            got.add((source.code if source else "", target.code if target else "", event.cameo))
        ok = got == record.expected
        # the verb dictionary alone: event codes, with a subject and an object standing in for actors
        # the actor stage did not resolve
        loose = {e.cameo for e in lenient.code(record.text, date=record.date).events}
        ok_codes = loose == {c for _, _, c in record.expected}
        exact += ok
        codes += ok_codes
        if not ok:
            failures[record.category] = failures.get(record.category, 0) + 1
        details.append({"id": record.id, "expected": sorted(record.expected), "coded": sorted(got), "pass": ok})
    n = len(records)
    return {"records": n, "passed": exact, "pass_rate": round(exact / n, 4) if n else 0.0,
            "event_codes_passed": codes, "event_code_pass_rate": round(codes / n, 4) if n else 0.0,
            "failures_by_category": dict(sorted(failures.items())), "details": details}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m tacitus.events.petrarch FOLDER  (the folder of PETR.UnitTest.records.xml)",
              file=sys.stderr)
        return 2
    try:
        result = unit_test_pass_rate(args[0])
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"PETRARCH unit tests: {result['passed']}/{result['records']} records coded exactly "
          f"({result['pass_rate']:.1%}); event codes right in {result['event_codes_passed']} "
          f"({result['event_code_pass_rate']:.1%})")
    for category, count in result["failures_by_category"].items():
        print(f"  {category}: {count} failing")
    return 0
