"""Converters from each published gold format, on tiny hand-written fixtures in that format, and on the
real sets in ../shared/eval when present (counts checked against their SOURCE.txt)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tacitus.eval import convert
from tacitus.eval.convert import ConvertError
from tacitus.eval.convert.conflibert import detokenize
from tacitus.eval.formats import read_items
from tacitus.eval.score import score

from conftest import eval_path

FIXTURES = Path(__file__).parent / "fixtures" / "eval"


def by_id(conversion):
    return {item["id"]: item for item in conversion.items}


# --- PLOVER GSR ---------------------------------------------------------------------------------------------

def test_plover_gsr_maps_labels_and_expands_compound_actors():
    conv = convert.read("plover-gsr", FIXTURES / "plover_gsr.json")
    items = by_id(conv)
    assert set(items) == {"TEST-AGREE-0001", "TEST-DEMAND-0001", "TEST-FIGHT-0001", "TEST-DEMAND-0001-2"}
    assert conv.counts["left out: 0.5b1 label WHATEVER has no PLOVER 2.0 type"] == 1
    assert conv.counts["repeated record ids made unique"] == 1
    # reciprocal "A and B agreed": both orders, no separate target
    agree = items["TEST-AGREE-0001"]["events"]
    assert [(e["source"]["country"], e["target"]["country"]) for e in agree] == [("NOR", "CHL"), ("CHL", "NOR")]
    assert {e["plover"] for e in agree} == {"AGREE"}
    demand = items["TEST-DEMAND-0001"]["events"]
    assert demand == [{"plover": "REQUEST",
                       "source": {"country": "TUR", "sector": "CVL", "code": "TURCVLKUR", "text": "Kurdish farmers"},
                       "target": {"country": "TUR", "sector": "GOV", "code": "TURGOV", "text": "the Turkish government"},
                       "place": {"name": "Diyarbakir"}}]
    fight = items["TEST-FIGHT-0001"]["events"]
    assert [e["plover"] for e in fight] == ["ASSAULT", "ASSAULT"]
    assert all(e["source"] is None for e in fight)
    assert "sector" not in fight[1]["target"]  # *** = unknown, not scored
    assert items["TEST-DEMAND-0001-2"]["events"][0]["source"]["sector"] is None  # no sector given = none


def test_plover_gsr_actors_one_item_per_actor_text_with_sentence_context():
    conv = convert.read("plover-gsr-actors", FIXTURES / "plover_gsr.json")
    texts = [(i["text"], i["country"], i.get("sector", "absent")) for i in conv.items]
    assert ("Norwegian", "NOR", "GOV") in texts and ("Lima", "PER", "absent") in texts
    assert ("Ghana", "GHA", None) in texts  # actors do not depend on the event label
    farmers = next(i for i in conv.items if i["text"] == "Kurdish farmers")
    assert farmers["context"].startswith("Kurdish farmers in Diyarbakir") and farmers["sector"] == "CVL"
    assert len({i["id"] for i in conv.items}) == len(conv.items) == 9


# --- CAMEO codebook -----------------------------------------------------------------------------------------

def test_cameo_codebook_repairs_mojibake_and_strips_notes():
    conv = convert.read("cameo-codebook", FIXTURES / "cameo-codes.csv")
    items = by_id(conv)
    assert set(items) == {"cameo-010", "cameo-0311"}
    assert items["cameo-010"]["text"] == "The mayor of Tarnow said on Friday the river’s level was falling."
    assert items["cameo-0311"]["text"] == "Ruritania promised “closer trade” with its neighbour on Tuesday."
    assert items["cameo-0311"]["events"] == [{"cameo": "0311"}]
    assert conv.counts["codes without an example"] == 2
    assert conv.counts["examples with a Note removed"] == 1


# --- ConfliBERT ---------------------------------------------------------------------------------------------

def test_conflibert_class_reads_crlf_rows():
    conv = convert.read("conflibert-class", FIXTURES / "cameo_class.tsv")
    assert [(i["id"], i["pentaclass"]) for i in conv.items] == [
        ("eval-cameo_class-1", 0), ("eval-cameo_class-2", 1), ("eval-cameo_class-3", 4)]
    assert conv.items[0]["text"] == "The council of Tarnow said on Friday it would repair the bridge."


def test_conflibert_class_bad_label_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("A fine sentence.\t2\nA sentence with a bad label.\t7\n", encoding="utf-8")
    with pytest.raises(ConvertError, match=r"bad\.tsv:2"):
        convert.read("conflibert-class", bad)


def test_detokenize_joins_punctuation_hyphens_clitics_and_quotes():
    text, spans = detokenize(["Sylvania", "'", "s", "post", "near", "Port", "-", "Royal", ",", "he", "said",
                              '"', "in", "good", "faith", '"', "."])
    assert text == 'Sylvania\'s post near Port-Royal, he said "in good faith".'
    assert [text[s:e] for s, e in spans][:3] == ["Sylvania", "'", "s"]


def test_conflibert_ner_spans_become_source_and_target_texts():
    conv = convert.read("conflibert-ner", FIXTURES / "cameo_ner.txt")
    first, second, third = conv.items
    assert first["text"] == "Freedonian soldiers fired on Sylvania's border post near Port-Royal."
    assert first["events"] == [{"source": {"text": "Freedonian soldiers"}, "target": {"text": "border post"}}]
    # R span = source and target; officials = a second source
    sources = {e["source"]["text"] for e in second["events"]}
    targets = {e["target"]["text"] for e in second["events"]}
    assert sources == {"Senior Ruritanian and Freedonian envoys", "officials"}
    assert targets == {"Senior Ruritanian and Freedonian envoys"}
    assert third["events"] == [{"source": None, "target": None}]
    assert first["id"] == "eval-cameo_ner-1" and second["id"] == "eval-cameo_ner-16"


def test_conflibert_ner_malformed_tag_names_line(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("Word O\nOther B-X\n", encoding="utf-8")
    with pytest.raises(ConvertError, match=r"bad\.txt:2"):
        convert.read("conflibert-ner", bad)


# --- PETRARCH -----------------------------------------------------------------------------------------------

def test_petrarch_records_keep_codes_and_mark_no_event():
    conv = convert.read("petrarch", FIXTURES / "petrarch.xml")
    items = by_id(conv)
    assert set(items) == {"FIX-01", "FIX-02", "FIX-03", "FIX-01-2"}
    first = items["FIX-01"]
    assert first["text"] == "Arnor and Gondor will restore diplomatic ties this week."
    assert first["date"] == "1995-01-01"
    assert first["events"][0] == {"cameo": "064", "source": {"code": "ARN", "country": "ARN"},
                                  "target": {"code": "GONGOV", "country": "GON"}}
    assert items["FIX-02"]["events"] == [] and items["FIX-03"]["events"] == []
    assert items["FIX-01-2"]["events"][0]["source"] == {"code": "---GOV"}  # unknown country: not scored
    assert items["FIX-01-2"]["events"][0]["target"] == {"code": '"THE MINISTRY OF MAGIC"'}
    assert conv.counts["left out: event code not in CAMEO"] == 1


def test_petrarch_broken_xml_names_line(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text("<Validation>\n<Sentence>\n</Validation>\n", encoding="utf-8")
    with pytest.raises(ConvertError, match=r"bad\.xml:3"):
        convert.read("petrarch", bad)


# --- PolNeAR ------------------------------------------------------------------------------------------------

def test_polnear_one_annotator_per_article_discontinuous_and_direct():
    conv = convert.read("polnear", FIXTURES / "polnear")
    items = by_id(conv)
    assert set(items) == {"art-one", "art-two"}
    one = items["art-one"]
    assert one["annotator"] == "a1"  # the lowest annotator id of the two
    text = one["text"]
    quotes = one["quotes"]
    assert len(quotes) == 3
    indirect, direct, no_source = quotes
    assert text[slice(*indirect["content"][0])] == "the bridge would reopen" and indirect["direct"] is False
    assert text[slice(*indirect["speaker"][0])] == "Mayor Ana Ruiz"
    assert [text[s:e] for s, e in direct["content"]] == ['"We are nearly done,"', '"and the river is calm."']
    assert direct["direct"] is True and text[slice(*direct["cue"][0])] == "told"
    assert no_source["speaker"] is None and no_source["direct"] is False
    assert conv.counts["relations without content (left out)"] == 1
    assert conv.counts["articles annotated by several annotators (first id kept)"] == 1
    assert items["art-two"]["quotes"][0]["direct"] is True  # "no comment." inside quotation marks


def test_polnear_needs_a_split_folder(tmp_path):
    with pytest.raises(ConvertError, match="text/ and attributions/"):
        convert.read("polnear", tmp_path)


# --- GeoVirus -----------------------------------------------------------------------------------------------

def test_geovirus_aligns_offsets_and_reads_nested_locations():
    conv = convert.read("geovirus", FIXTURES / "geovirus.xml")
    assert len(conv.items) == 2  # the commented-out template is not an article
    first, second = conv.items
    assert [(first["text"][p["start"]:p["end"]], p["lat"]) for p in first["places"]] == [("Lyon", 45.76), ("Porto", 41.15)]
    assert second["places"][0]["start"] == 37  # nearest occurrence of the name
    assert conv.counts["place offsets: shifted by -1"] == 1
    assert conv.counts["place offsets: shifted by -2"] == 1
    assert conv.counts["place offsets: name not in text (left out)"] == 1


# --- the command layer --------------------------------------------------------------------------------------

def test_unknown_format_and_missing_source(tmp_path):
    with pytest.raises(ConvertError, match="unknown format"):
        convert.read("nonsense", FIXTURES / "geovirus.xml")
    with pytest.raises(ConvertError, match="no such file"):
        convert.read("geovirus", tmp_path / "absent.xml")


@pytest.mark.parametrize("fmt, source, task", [
    ("plover-gsr", "plover_gsr.json", "events"), ("plover-gsr-actors", "plover_gsr.json", "actors"),
    ("cameo-codebook", "cameo-codes.csv", "events"), ("conflibert-class", "cameo_class.tsv", "events"),
    ("conflibert-ner", "cameo_ner.txt", "events"), ("petrarch", "petrarch.xml", "events"),
    ("polnear", "polnear", "quotes"), ("geovirus", "geovirus.xml", "places"),
])
def test_converted_files_read_back_and_score_perfectly_against_themselves(tmp_path, fmt, source, task):
    out = tmp_path / "out.jsonl"
    conv = convert.convert(fmt, FIXTURES / source, out)
    items = read_items(out, task)
    assert len(items) == len(conv.items)
    scores = score(task, items, items)
    assert scores.figures
    for figure in scores.figures:
        assert figure.value in (None, 1.0) or (figure.key == "median_error_km" and figure.value == 0.0), figure


# --- the real sets ------------------------------------------------------------------------------------------

REAL = [  # format, path under ../shared/eval, items SOURCE.txt (or FORMATS.md) leads us to expect
    ("plover-gsr", ("plover_gsr", "PLOVER_GSR_CAMEO.json"), 322),  # 323 records = 1 DOCUMENT + 322 sentences
    ("cameo-codebook", ("cameo_codebook_examples", "cameo-codes.csv"), 277),  # 277 codes have an example
    ("conflibert-class", ("conflibert_cameo", "cameo_class", "test.tsv"), 451),
    ("conflibert-class", ("conflibert_cameo", "cameo_class", "train.tsv"), 1349),
    ("conflibert-ner", ("conflibert_cameo", "cameo_ner", "test.txt"), 451),
    ("conflibert-ner", ("conflibert_cameo", "cameo_ner", "train.txt"), 1153),
    ("polnear", ("polnear", "dev"), 84),  # dev: 84 articles
]


@pytest.mark.parametrize("fmt, parts, expected", REAL)
def test_real_sets_convert_with_the_published_counts(fmt, parts, expected):
    conv = convert.read(fmt, eval_path(*parts))
    assert len(conv.items) == expected


def test_real_cameo_codebook_has_no_mojibake_left():
    conv = convert.read("cameo-codebook", eval_path("cameo_codebook_examples", "cameo-codes.csv"))
    assert conv.counts["codes read"] == 312
    assert not any("Ä" in i["text"] or "‚" in i["text"] or "Note:" in i["text"] for i in conv.items)


def test_real_polnear_dev_relations_match_source_counts():
    folder = eval_path("polnear", "dev")
    from tacitus.eval.convert.polnear import annotation_files, parse_ann

    files = [path for group in annotation_files(folder).values() for _, path in group]
    assert len(files) == 94  # SOURCE.txt: dev 84 articles / 94 .ann files / 2,320 relations
    assert sum(len(parse_ann(path)) for path in files) == 2320


def test_real_petrarch_suite_reads_every_sentence():
    conv = convert.read("petrarch", eval_path("petrarch_unittest", "PETR.UnitTest.records.xml"))
    assert conv.counts["sentences read"] == 284  # SOURCE.txt: 284 <Sentence> records
    codings = conv.counts["events"] + conv.counts["codings: no event"] + conv.counts["codings: error (to be rejected)"]
    assert codings <= 385 and conv.counts["codings: no event"] == 19


def test_real_geovirus_places_all_align_to_their_names():
    conv = convert.read("geovirus", eval_path("geovirus", "GeoVirus.xml"))
    # FORMATS.md counts 238 articles / 2,197 places including 9 commented-out empty templates
    assert len(conv.items) == 229
    assert conv.counts["places"] == 2170
    assert all(item["text"][p["start"]:p["end"]] == p["name"] for item in conv.items for p in item["places"])


def test_real_plover_gsr_labels_all_map_to_plover_2():
    conv = convert.read("plover-gsr", eval_path("plover_gsr", "PLOVER_GSR_CAMEO.json"))
    assert not [k for k in conv.counts if k.startswith("left out")]
    actors = convert.read("plover-gsr-actors", eval_path("plover_gsr", "PLOVER_GSR_CAMEO.json"))
    assert len(actors.items) == 650  # every actorText of the 322 records


def test_committed_accuracy_report_holds_no_gold_text():
    docs = [Path(__file__).resolve().parents[1] / "docs" / name for name in ("accuracy.md", "accuracy.json")]
    assert all(d.exists() for d in docs), "docs/accuracy.* are committed (make eval)"
    published = "\n".join(d.read_text(encoding="utf-8") for d in docs)
    for fmt, parts in (("plover-gsr", ("plover_gsr", "PLOVER_GSR_CAMEO.json")),
                       ("cameo-codebook", ("cameo_codebook_examples", "cameo-codes.csv")),
                       ("polnear", ("polnear", "dev"))):
        for item in convert.read(fmt, eval_path(*parts)).items:
            words = item["text"].split()
            assert " ".join(words[:8]) not in published, item["id"]


@pytest.mark.parametrize("text, parts, direct", [
    # a quotation the annotator cut at its sentence end
    ('She said: "We will stay. We will not leave." Then she left.', ["We will stay.", "We will not leave."], True),
    # a quotation running over two paragraphs, the first left open by convention
    ('He said: "The rains came late.\n\n"The harvest is lost."', ["The rains came late.", "The harvest is lost."],
     True),
    # a paragraph opened with a closing mark, as some agencies print it
    ("”Nobody told us,” the farmer said.", ["Nobody told us,"], True),
    # words outside the marks between the parts: each part must be quoted on its own
    ('"We are done," she said, and the river is calm.', ["We are done,", "the river is calm."], False),
    ("The minister said the bridge would reopen.", ["the bridge would reopen"], False),
])
def test_polnear_direct_means_inside_quotation_marks(text, parts, direct):
    from tacitus.eval.convert.polnear import is_direct

    content = [(text.index(p), text.index(p) + len(p)) for p in parts]
    assert is_direct(text, content) is direct
