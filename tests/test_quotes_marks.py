"""Quotation marks: passages found in one linear pass, whatever the marks and however unbalanced."""
from __future__ import annotations

import time

from tacitus.quotes.marks import scan


def passages(text: str) -> list[list[str]]:
    regions, _ = scan(text)
    return [[text[a:b] for a, b in r.spans] for r in regions]


def test_straight_and_curly_marks():
    text = 'She said "we stay" and “we fight”.'
    assert passages(text) == [['"we stay"'], ["“we fight”"]]


def test_nested_single_marks_stay_inside():
    text = "He said: “They told me ‘no way’ twice.” Then he left."
    assert passages(text) == [["“They told me ‘no way’ twice.”"]]


def test_apostrophes_are_not_marks_in_single_quoted_text():
    text = "The mayor said: ‘We don’t sell the port.’ The council’s vote is on Monday."
    assert passages(text) == [["‘We don’t sell the port.’"]]


def test_paragraph_convention_opening_mark_on_each_paragraph():
    text = "He said: “First part.\n\n“Second part.\n\n“Last part.”\n\nNarration."
    assert passages(text) == [["“First part.", "“Second part.", "“Last part.”"]]


def test_unbalanced_mark_closed_at_paragraph_end_with_warning():
    text = "He said: “We will win the vote\n\nThe next paragraph is narration."
    regions, warnings = scan(text)
    assert [text[a:b] for a, b in regions[0].spans] == ["“We will win the vote"]
    assert not regions[0].closed
    assert warnings and "unbalanced" in warnings[0]


def test_new_opening_mark_while_open_starts_a_new_passage():
    text = "“One is open. “Two is closed.” End."
    assert passages(text) == [["“One is open."], ["“Two is closed.”"]]


def test_wrongly_curled_opening_mark_at_paragraph_start():
    text = "Intro.\n\n”Wrongly curled,” she said."
    assert passages(text) == [["”Wrongly curled,”"]]


def test_hard_wrapped_text_keeps_a_quote_across_line_breaks():
    lines = ["The minister spoke to reporters on Monday and", "said: \"We will not sell the port to anyone",
             "at any price, now or later,\" adding that", "the talks were over for the year and more.",
             "Nothing else was said at the meeting today.", "The end of the story is here for now."]
    text = "\n".join(lines)
    found = passages(text)
    assert len(found) == 1 and found[0][0].endswith('later,"')


def test_one_megabyte_paragraph_of_unbalanced_marks_is_linear():
    text = ('He said "yes and ' * 60000)[:1_000_000]
    start = time.perf_counter()
    regions, warnings = scan(text)
    assert time.perf_counter() - start < 3
    assert regions and warnings


def test_a_mark_with_a_stray_space_before_it_closes_the_passage():
    text = "''We built this coalition, '' said the organiser. ''It will last.''"
    regions, warnings = scan(text)
    assert [text[r.start:r.end] for r in regions] == ["''We built this coalition, ''", "''It will last.''"]
    assert warnings == []
