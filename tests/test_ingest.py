"""Reading inputs: formats, titles, dates, and a clear error for every kind of bad input."""
from __future__ import annotations

import json

import pytest

from tacitus.ingest import Article, InputError, ReadOptions, headline, normalize_date, read_bytes, read_paths

ENGLISH = ("The foreign minister said on Monday that the two governments would meet again next month "
           "to discuss trade and border security, officials in the capital said.")


def read(data: bytes, origin: str = "in.txt", **options) -> list:
    return list(read_bytes(data, origin, ReadOptions(**options)))


def test_plain_text_with_headline_and_date_argument():
    [article] = read(f"Ministers meet\n\n{ENGLISH}\n".encode(), date="2024-03-01")
    assert isinstance(article, Article)
    assert article.title == "Ministers meet"
    assert article.date == "2024-03-01" and article.date_source == "argument"
    assert article.text.startswith("Ministers meet\n\n")


def test_article_id_is_a_content_hash_insensitive_to_white_space():
    [a] = read(ENGLISH.encode())
    [b] = read(("  " + ENGLISH.replace(" ", "  ") + "\n").encode())
    [c] = read((ENGLISH + " More.").encode())
    assert a.id == b.id != c.id


def test_crlf_is_normalised():
    [article] = read(f"Title line\r\n\r\n{ENGLISH}\r\n".encode())
    assert "\r" not in article.text and article.title == "Title line"


def test_headline_requires_more_text_and_no_final_stop():
    assert headline("Short headline\n\nBody text.") == "Short headline"
    assert headline("A full sentence ends here.\n\nBody.") is None
    assert headline("Only one paragraph") is None


@pytest.mark.parametrize("data, message", [
    (b"", "empty input"),
    (b"   \n\n  ", "empty input"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary data"),
    ("Le ministre des affaires étrangères a déclaré lundi que les deux gouvernements se réuniraient "
     "le mois prochain pour discuter du commerce et de la sécurité des frontières.".encode("utf-8"), "English"),
    ("Президент заявил, что переговоры продолжатся в следующем месяце в столице страны.".encode("utf-8"), "English"),
])
def test_bad_inputs_give_one_clear_error(data, message):
    [item] = read(data, origin="bad.txt")
    assert isinstance(item, InputError)
    assert item.origin == "bad.txt" and message in item.message


def test_wrong_encoding_names_the_byte_and_suggests_a_fix():
    [item] = read(("Caf\u00e9 " + ENGLISH).encode("cp1252"))
    assert isinstance(item, InputError)
    assert "not UTF-8" in item.message and "0xe9" in item.message and "--encoding" in item.message
    [article] = read(("Caf\u00e9 " + ENGLISH).encode("cp1252"), encoding="cp1252")
    assert isinstance(article, Article) and article.text.startswith("Café")


def test_utf16_with_bom_is_read():
    [article] = read(ENGLISH.encode("utf-16"))
    assert isinstance(article, Article) and article.text == ENGLISH


def test_jsonl_reports_bad_lines_and_keeps_good_ones():
    lines = [json.dumps({"text": ENGLISH, "title": "One", "date": "2020-01-02T10:00:00Z", "url": "u"}),
             "{not json",
             json.dumps({"title": "no text"}),
             json.dumps({"text": ENGLISH + " Again.", "date": "yesterday-ish"}),
             json.dumps(["a list"]),
             json.dumps({"text": ENGLISH + " Third."})]
    items = read("\n".join(lines).encode(), origin="feed.jsonl")
    good = [i for i in items if isinstance(i, Article)]
    bad = [str(i) for i in items if isinstance(i, InputError)]
    assert [a.title for a in good] == ["One", None]
    assert good[0].date == "2020-01-02" and good[0].date_source == "field" and good[0].origin == "feed.jsonl:1"
    assert bad[0].startswith("feed.jsonl:2: not valid JSON")
    assert bad[1] == "feed.jsonl:3: no 'text' field"
    assert bad[2].startswith("feed.jsonl:4: field 'date'")
    assert bad[3].startswith("feed.jsonl:5: expected a JSON object")


def test_csv_with_columns_and_missing_column():
    data = f'headline,body,day\n"First","{ENGLISH}",2021-05-06\n'.encode()
    [article] = read(data, origin="c.csv", text_column="body", title_column="headline", date_column="day")
    assert article.title == "First" and article.date == "2021-05-06" and article.origin == "c.csv:2"
    [error] = read(data, origin="c.csv")
    assert isinstance(error, InputError) and "no column 'text'" in error.message and "body" in error.message


def test_html_main_text_title_and_date_from_metadata():
    html = (f"<html><head><title>Talks held</title><meta property='article:published_time' "
            f"content='2019-07-08T09:00:00Z'></head><body><nav>Home | News | Sport</nav><article><h1>Talks held</h1>"
            f"<p>{ENGLISH}</p><p>{ENGLISH.replace('Monday', 'Tuesday')}</p></article></body></html>").encode()
    [article] = read(html, origin="page.html")
    assert isinstance(article, Article)
    assert article.title == "Talks held" and article.date == "2019-07-08"
    assert "Home | News" not in article.text and "\n\n" in article.text


def test_broken_html_without_text_is_an_error():
    [item] = read(b"<html><body><div><script>var x = 1;</script></div>", origin="broken.html")
    assert isinstance(item, InputError) and item.origin == "broken.html"


def test_paths_folders_globs_and_missing_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(ENGLISH)
    (tmp_path / "sub" / "b.txt").write_text(ENGLISH + " B.")
    (tmp_path / "sub" / "ignored.bin").write_bytes(b"\x00\x01")
    (tmp_path / ".hidden.txt").write_text(ENGLISH + " hidden.")
    from_folder = list(read_paths([str(tmp_path)]))
    assert [a.origin.rsplit("/", 1)[-1] for a in from_folder] == ["a.txt", "b.txt"]
    from_glob = list(read_paths([str(tmp_path / "**" / "*.txt")]))
    assert len(from_glob) == 2
    [missing] = list(read_paths([str(tmp_path / "nope.txt")]))
    assert isinstance(missing, InputError) and "cannot read file" in missing.message
    [nomatch] = list(read_paths([str(tmp_path / "*.csv")]))
    assert isinstance(nomatch, InputError) and "no file matches" in nomatch.message


def test_too_large_text_is_refused(monkeypatch):
    import tacitus.ingest as ingest

    monkeypatch.setattr(ingest, "MAX_CHARS", 100)
    [item] = read((ENGLISH * 3).encode())
    assert isinstance(item, InputError) and "too large" in item.message


@pytest.mark.parametrize("value, expected", [("2012-10-24", "2012-10-24"), ("2012-10-24T23:10:00+03:00", "2012-10-24"),
                                             ("2012-10-24 08:00", "2012-10-24")])
def test_normalize_date(value, expected):
    assert normalize_date(value) == expected


def test_normalize_date_rejects_garbage():
    with pytest.raises(ValueError, match="not a date"):
        normalize_date("24/10/12 or so")


def test_jsonl_and_csv_files_are_streamed_not_read_whole(tmp_path, monkeypatch):
    jsonl = tmp_path / "feed.jsonl"
    jsonl.write_text("\n".join(json.dumps({"text": f"{ENGLISH} Number {i}."}) for i in range(50)) + "\n")
    csv_file = tmp_path / "feed.csv"
    csv_file.write_text("text,title\n" + "".join(f'"{ENGLISH} Row {i}.",T{i}\r\n' for i in range(20)))

    def refuse(self):
        raise AssertionError("the whole file was read into memory")

    monkeypatch.setattr("pathlib.Path.read_bytes", refuse)
    items = list(read_paths([str(jsonl), str(csv_file)]))
    assert all(isinstance(i, Article) for i in items) and len(items) == 70
    assert items[49].origin == f"{jsonl}:50" and items[50].origin == f"{csv_file}:2" and items[-1].title == "T19"


def test_a_bad_byte_in_a_streamed_file_keeps_the_records_before_it(tmp_path):
    path = tmp_path / "feed.jsonl"
    good = "\n".join(json.dumps({"text": f"{ENGLISH} Number {i}."}) for i in range(2)).encode()
    path.write_bytes(good + b'\n{"text": "caf\xe9 ' + ENGLISH.encode() + b'"}\n')
    items = list(read_paths([str(path)]))
    assert [type(i).__name__ for i in items] == ["Article", "Article", "InputError"]
    assert items[2].origin == f"{path}:3" and "not UTF-8 text (byte 0xe9)" in items[2].message


def test_streamed_files_with_a_bom_or_binary_content(tmp_path):
    bom = tmp_path / "bom.jsonl"
    bom.write_bytes(b"\xef\xbb\xbf" + json.dumps({"text": ENGLISH}).encode() + b"\n")
    [article] = list(read_paths([str(bom)]))
    assert isinstance(article, Article) and article.text == ENGLISH
    binary = tmp_path / "blob.csv"
    binary.write_bytes(bytes(range(256)) * 10)
    [error] = list(read_paths([str(binary)]))
    assert isinstance(error, InputError) and "binary" in error.message
