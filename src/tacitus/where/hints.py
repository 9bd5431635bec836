"""What the words around place names say about them, for the resolver (see resolve.Hints).

- a kind cue: a word right after the name ("Washington state", "Dallas County officials", "New York
  Governor") or a "<word> of" right before it ("the state of Washington", "the city of Paris"), from
  data/where/kind_cues.tsv;
- the joint between two neighbouring names: ", " or " in " makes the second contain the first ("Pandi,
  Bulacan", "Eastern Creek in New South Wales");
- lists: names joined by commas, "and", "or", with a conjunction among the joints ("Utah, Washington and
  Wisconsin"; "Stroud, Ontario, Canada" is a chain of containers, no list), whose members are read as one
  kind.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span

from ..resources import read_table

CONTAINER_JOINTS = frozenset({",", "in", "in the", ", in", ", in the", "located in", ", located in", "located in the"})
LIST_JOINTS = frozenset({",", "and", "or", ", and", ", or", "&"})
CONJUNCTIONS = frozenset({"and", "or", ", and", ", or", "&"})


@lru_cache(maxsize=1)
def _cues() -> dict[tuple[str, str], str]:
    return {(r["word"], r["position"]): r["kind"] for r in read_table("where", "kind_cues.tsv")}


def kind_cue(span: Span) -> str | None:
    """The kind of place a cue word next to ``span`` names, or None."""
    doc, cues = span.doc, _cues()
    if span.end < len(doc):
        after = doc[span.end]
        kind = cues.get((after.lower_, "after"))
        if kind:
            return kind
    if span.start >= 2 and doc[span.start - 1].lower_ == "of":
        return cues.get((doc[span.start - 2].lower_, "before"))
    return None


def joint(text: str, left: Span, right: Span) -> str:
    """The words between two names, normalised ("," / "and" / "in the" ...)."""
    return " ".join(text[left.end_char:right.start_char].split()).lower()


def list_runs(spans: list[Span], text: str) -> list[list[int]]:
    """Indices of the names that form lists."""
    runs, current = [], [0] if spans else []
    joints: list[str] = []
    for i in range(1, len(spans)):
        between = joint(text, spans[i - 1], spans[i])
        if between in LIST_JOINTS:
            current.append(i)
            joints.append(between)
            continue
        runs.append((current, joints))
        current, joints = [i], []
    if current:
        runs.append((current, joints))
    return [members for members, js in runs if any(j in CONJUNCTIONS for j in js)]
