"""PETRARCH verb dictionary import (a small dictionary written here in the PETRARCH format), coding with
it, and the unit-test runner's interface."""
from __future__ import annotations

from pathlib import Path

import pytest

from tacitus.events.petrarch import PetrarchEventStage, match_verb, parse_pattern, read_verbs, regular_forms

VERBS = """<!-- a test dictionary -->
&SANCT
+ECONOMIC SANCTIONS
+EMBARGO_

&BIGSANCT
+&SANCT
+TOTAL BLOCKADE

--- SLAM  [111] ---
SLAM {SLAMMED SLAMMING}
BLAST   # a synonym with the block code
- * &BIGSANCT [163]
- STRONGLY_* [1111]
- * OFF_ [---]

--- VISIT [042:043] ---
VISIT
+PAY_A_VISIT

--- BROKEN LINE ---
- * NOTHING
"""


@pytest.fixture()
def verbs(tmp_path: Path):
    path = tmp_path / "test.verbs.txt"
    path.write_text(VERBS, encoding="utf-8")
    return read_verbs(path)


def test_reads_blocks_forms_synsets_and_reports_bad_lines(verbs):
    dictionary, errors = verbs
    assert [b.name for b in dictionary.blocks] == ["SLAM", "VISIT", "BROKEN LINE"]
    assert {"slam", "slams", "slammed", "slamming", "blast", "blasted"} <= set(dictionary.forms)
    assert ("economic", "sanctions") in dictionary.synsets["BIGSANCT"]  # nested synset
    assert ("embargo",) in dictionary.synsets["SANCT"] and ("embargos",) not in dictionary.synsets["SANCT"]
    assert ("total", "blockades") in dictionary.synsets["BIGSANCT"]  # regular plural added
    assert len(errors) == 1 and ":22:" in errors[0] and "code" in errors[0]


def test_pattern_syntax():
    pattern = parse_pattern(" SAID WOULD_*_TALKS + [102]", 1, {})
    assert [i.value for i in pattern.before] == ["said", "would"] and pattern.verb_adjacent
    assert [i.kind for i in pattern.after] == ["word", "target"] and pattern.after[0].adjacent
    assert pattern.code == "102" and pattern.weight == 3
    with pytest.raises(ValueError):
        parse_pattern(" NO VERB HERE [010]", 1, {})


def test_regular_forms():
    assert {"ban", "bans", "banned", "banning"} <= regular_forms("ban")
    assert {"deny", "denies", "denied"} <= regular_forms("deny")


def test_most_specific_pattern_wins(nlp, verbs):
    dictionary, _ = verbs
    doc = nlp("Russia slammed the economic sanctions and strongly slammed Ukraine.")
    slammed = [t for t in doc if t.lower_ == "slammed"]
    assert match_verb(dictionary, slammed[0]).code == "163"
    assert match_verb(dictionary, slammed[1]).code == "1111"
    assert match_verb(dictionary, nlp("Russia slammed Ukraine off.")[1]).code == "---"


def test_stage_codes_dyads_and_paired_codes(coder, verbs):
    from tacitus.pipeline import Coder

    dictionary, _ = verbs
    stages = [*coder.stages[:-1], PetrarchEventStage(dictionary)]
    petrarch = Coder(nlp=coder.nlp, stages=stages)
    coded = petrarch.code("The president of Kenya visited Uganda on Monday.", date="2020-01-01")
    got = {(coded.actor(e.source).country, e.cameo, coded.actor(e.target).country) for e in coded.events}
    assert got == {("KEN", "042", "UGA"), ("UGA", "043", "KEN")}
    assert not petrarch.code("Kenya blasted.", date="2020-01-01").events  # no target: no dyad, no event


def test_unit_test_runner_reports_rates(tmp_path):
    from tacitus.events.petrarch import unit_test_pass_rate

    with pytest.raises(ValueError, match="records"):
        unit_test_pass_rate(tmp_path)
