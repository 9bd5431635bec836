"""Reading the generic gold formats: valid files load as they are; malformed ones fail with the file, the
line and the field."""
from __future__ import annotations

import json

import pytest

from tacitus.eval.formats import GoldError, check_task, read_items


def write_lines(tmp_path, *lines: str, name: str = "gold.jsonl"):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def line(**item) -> str:
    return json.dumps(item)


def test_valid_file_keeps_absent_and_null_apart(tmp_path):
    path = write_lines(
        tmp_path,
        line(id="s1", text="Ruritania met Freedonia.", date="2012-10-24",
             events=[{"plover": "CONSULT", "cameo": "040", "source": {"country": "RUT", "text": "Ruritania"},
                      "target": None}]),
        "",
        line(id=2, text="Nothing happened.", events=[]),
        line(text="A text without events or id."))
    items = read_items(path, "events")
    assert [i["id"] for i in items] == ["s1", "2", "line4"]
    assert items[0]["events"][0]["target"] is None and "events" not in items[2]


@pytest.mark.parametrize("task, bad, where", [
    ("events", "{not json", "not valid JSON"),
    ("events", '["a", "list"]', "expected a JSON object"),
    ("events", line(id="x", events=[]), "text: missing"),
    ("events", line(id="x", text=5), "text: must be a string"),
    ("events", line(id="x", text="t", events=[{"plover": "DEMAND"}]), "events[0].plover: unknown PLOVER 2.0 type"),
    ("events", line(id="x", text="t", events=[{"cameo": "999"}]), "events[0].cameo: unknown CAMEO code"),
    ("events", line(id="x", text="t", events={"plover": "AID"}), "events: must be a list"),
    ("events", line(id="x", text="t", pentaclass=7), "pentaclass: must be an integer 0-4"),
    ("events", line(id="x", text="t", date="24/10/2012"), "date: must be YYYY-MM-DD"),
    ("events", line(id="x", text="t", events=[{"source": "RUS"}]), "events[0].source: must be an object"),
    ("actors", line(id="x", text="t", country=3), "country: must be a string or null"),
    ("quotes", line(id="x", text="short", quotes=[{"content": [[0, 99]]}]), "quotes[0].content[0]: offsets [0, 99] out of range"),
    ("quotes", line(id="x", text="short", quotes=[{"content": [[3, 1]]}]), "out of range or empty"),
    ("quotes", line(id="x", text="short", quotes=[{"content": [0, 3]}]), "quotes[0].content[0]: a span must be a [start, end] pair"),
    ("quotes", line(id="x", text="short", quotes=[{"speaker": [[0, 1]]}]), "quotes[0].content: missing"),
    ("quotes", line(id="x", text="short", quotes=[{"content": [[0, 3]], "speaker": []}]), "quotes[0].speaker: must be a non-empty list"),
    ("places", line(id="x", text="Minsk", places=[{"start": 0, "end": 9}]), "places[0]: offsets [0, 9] out of range"),
    ("places", line(id="x", text="Minsk", places=[{"start": 0, "end": 5, "lat": 123}]), "places[0].lat: must be a number"),
    ("places", line(id="x", text="Minsk", places=[{"end": 5}]), "places[0].start: missing"),
])
def test_malformed_items_name_file_line_and_field(tmp_path, task, bad, where):
    path = write_lines(tmp_path, line(id="ok", text="A good first line."), bad)
    with pytest.raises(GoldError) as caught:
        read_items(path, task)
    message = str(caught.value)
    assert message.startswith(f"{path}:2: ")
    assert where in message


def test_repeated_id_names_both_lines(tmp_path):
    path = write_lines(tmp_path, line(id="a", text="x"), line(id="b", text="y"), line(id="a", text="z"))
    with pytest.raises(GoldError, match=r"gold\.jsonl:3: id: 'a' repeats line 1"):
        read_items(path, "actors")


def test_unknown_task_missing_file_and_bad_encoding(tmp_path):
    with pytest.raises(GoldError, match="unknown task 'relations'"):
        check_task("relations")
    with pytest.raises(GoldError, match="unknown task"):
        read_items(write_lines(tmp_path, line(text="x")), "relations")
    with pytest.raises(GoldError, match="no such file"):
        read_items(tmp_path / "absent.jsonl", "events")
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes('{"text": "Bogotá"}\n'.encode("latin-1"))
    with pytest.raises(GoldError, match="not UTF-8"):
        read_items(latin, "events")
