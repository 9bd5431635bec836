"""PETRARCH compatibility: read a PETRARCH (TABARI-style) verb dictionary and code with it, and run
PETRARCH's unit-test suite.

A PETRARCH verb dictionary (the format of ``PETR.Validate.verbs.txt``) has

- synsets: ``&NAME`` followed by ``+PHRASE`` lines (words joined by ``_`` or spaces; a regular plural is
  added unless the phrase or the label ends in ``_``; a synset may name another synset);
- verb blocks: a header ``--- NAME [CODE] ---``, verb lines ``VERB [CODE] {IRREGULAR FORMS}`` (``+`` inside
  a multi-word verb marks its verb: ``WIRE_+TAP``, ``+BREAK_DOWN``), and pattern lines
  ``- WORDS * WORDS [CODE]`` where ``*`` is the verb, ``_`` joins adjacent words, ``&NAME`` is a synset,
  ``+`` the target, ``$`` the source, ``%`` a compound (reciprocal) actor and ``^`` any one word;
- ``#`` comments and ``<!-- -->`` blocks. A code ``---`` codes nothing; ``[A:B]`` codes A from source to
  target and B back.

``read_verbs(path)`` returns the dictionary and the ``file:line: message`` of each line it could not read.
``PetrarchEventStage(verbs)`` codes with it in place of Tacitus's own lexicon: a verb of the dictionary
with its most specific matching pattern (most words), source and target from the pattern's ``$``/``+`` or
from the parse (subject; first actor after the verb). Like PETRARCH it reads no modality: its patterns
carry that.

``unit_test_pass_rate(folder)`` codes ``PETR.UnitTest.records.xml`` with the ``PETR.Validate.*``
dictionaries of ``folder`` (actors and agents through ``tacitus.actors.petrarch``) and returns the share of
records whose events match exactly (source code, target code, event code), and of records whose event
codes match. ``python -m tacitus.events.petrarch FOLDER`` prints it.
"""
from __future__ import annotations

from .dictionary import PetrarchVerbs, parse_pattern, read_verbs, regular_forms
from .matching import match_verb
from .stage import PetrarchEventStage
from .suite import read_records, unit_test_pass_rate

__all__ = ["PetrarchVerbs", "PetrarchEventStage", "match_verb", "parse_pattern", "read_records", "read_verbs",
           "regular_forms", "unit_test_pass_rate"]
