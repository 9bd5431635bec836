"""The shared spaCy layer: offsets survive paragraph and chunk splitting; blank lines end sentences."""
from __future__ import annotations

import pytest

from tacitus import nlp as nlp_layer


@pytest.mark.parametrize("text", ["", "one", "\n\nX", "Head line\n\nBody one. Body two.\n\n\n  Tail.  \n",
                                  "  \n\nHello.\n\n", "a. " * 30000])
def test_pieces_join_back_to_the_text(text):
    assert "".join(nlp_layer.pieces_of(text)) == text


def test_long_paragraph_is_cut_at_sentence_stops():
    text = "This is a sentence. " * 5000
    pieces = nlp_layer.split_long(text, limit=1000)
    assert "".join(pieces) == text
    assert all(len(p) <= 1000 for p in pieces) and all(p.endswith(". ") for p in pieces[:-1])


def test_parse_keeps_text_and_splits_at_blank_lines(nlp):
    texts = ["Leaders meet in Minsk\n\nPresident Alpha of Belarus met Beta on Tuesday. They talked.",
             "Second text without breaks."]
    docs = list(nlp_layer.parse(texts, nlp))
    assert [d.text for d in docs] == texts
    sentences = [s.text.strip() for s in docs[0].sents]
    assert sentences == ["Leaders meet in Minsk", "President Alpha of Belarus met Beta on Tuesday.", "They talked."]


def test_parse_long_text_in_pieces(nlp, monkeypatch):
    monkeypatch.setattr(nlp_layer, "CHUNK_CHARS", 200)
    text = "The minister met the ambassador in the capital. " * 20
    [doc] = nlp_layer.parse([text], nlp)
    assert doc.text == text and len(list(doc.sents)) == 20


def test_token_extensions_are_registered(nlp):
    token = nlp("Hello there")[0]
    assert token._.mention is None and token._.quote is None and token._.time is None and token._.place is None
