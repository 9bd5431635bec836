"""Place names the tagger cut short are grown back to the whole known name (candidates._repaired).

The documents are built by hand (words, parts of speech, entities) so that each test fixes what the tagger
found, whatever the model's version does with the sentence."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from tacitus.where.candidates import find_candidates
from tacitus.where.gazetteer import gazetteer


def _doc(nlp, words: list[str], pos: list[str], places: list[tuple[int, int]]) -> Doc:
    doc = Doc(nlp.vocab, words=words, pos=pos)
    doc.ents = [doc.char_span(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), label="GPE") for s, e in places]
    return doc


def _names(doc: Doc) -> list[str]:
    return [c.span.text for c in find_candidates(doc, gazetteer())]


@pytest.mark.parametrize("words,pos,places,expected", [
    # the tagger took the first word of a two-word town
    ("Doctors arrived from Beni Suef yesterday .".split(),
     ["NOUN", "VERB", "ADP", "PROPN", "PROPN", "NOUN", "PUNCT"], [(3, 4)], ["Beni Suef"]),
    # ... or the last word
    ("Camps near Goz Beida were full .".split(),
     ["NOUN", "ADP", "PROPN", "PROPN", "AUX", "ADJ", "PUNCT"], [(3, 4)], ["Goz Beida"]),
    # a name joined by a small word ("do"), then a list
    ("Cases rose in Rio Grande do Sul and Bahia .".split(),
     ["NOUN", "VERB", "ADP", "PROPN", "PROPN", "ADP", "PROPN", "CCONJ", "PROPN", "PUNCT"], [(3, 5), (8, 9)],
     ["Rio Grande do Sul", "Bahia"]),
    # a country cut in two entities
    ("Aid reached the Democratic Republic of the Congo .".split(),
     ["NOUN", "VERB", "DET", "PROPN", "PROPN", "ADP", "DET", "PROPN", "PUNCT"], [(3, 7), (7, 8)],
     ["Democratic Republic of the Congo"]),
    # a compass word after a division's name
    ("Cases rose in Mashonaland West .".split(),
     ["NOUN", "VERB", "ADP", "PROPN", "PROPN", "PUNCT"], [(3, 4)], ["Mashonaland West"]),
])
def test_cut_names_grow_back(nlp, words, pos, places, expected):
    assert _names(_doc(nlp, words, pos, places)) == expected


def test_names_do_not_grow_into_other_words(nlp):
    """A town followed by a name that makes no known place stays as tagged; "and" joins two listed places
    only when the whole is one known name."""
    doc = _doc(nlp, "Paris Hilton visited Utah and Nevada .".split(),
               ["PROPN", "PROPN", "VERB", "PROPN", "CCONJ", "PROPN", "PUNCT"], [(0, 1), (3, 4), (5, 6)])
    assert _names(doc) == ["Paris", "Utah", "Nevada"]
    doc = _doc(nlp, "Flights to Trinidad and Tobago resumed .".split(),
               ["NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "VERB", "PUNCT"], [(2, 3), (4, 5)])
    assert _names(doc) == ["Trinidad and Tobago"]
