"""The where stage: place names found in the article and resolved offline against the gazetteer."""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from ..model import CodedArticle, Place
from .candidates import Candidate, find_candidates
from .dateline import dateline_span
from .gazetteer import Entry, Gazetteer, gazetteer
from .resolve import EXPLICIT_COUNTRY_WEIGHT, Context, best, score

CONFIDENT_MARGIN = 3.0

ACTOR_COUNTRY_WEIGHT = 1


class PlaceStage:
    """Fills ``coded.places`` and ``Token._.place``. The gazetteer is built on first use, once per process."""

    def __init__(self, gaz: Gazetteer | None = None, **_: object) -> None:
        self._gaz = gaz

    @property
    def gaz(self) -> Gazetteer:
        if self._gaz is None:
            self._gaz = gazetteer()
        return self._gaz

    def __call__(self, doc: Doc, coded: CodedArticle) -> None:
        gaz = self.gaz
        # (actors' person mentions are not used to veto places: on news they cover "Glasgow", "Java" and
        # titles such as "Mexico City Health Minister ...", and cost more places than they save)
        candidates = find_candidates(doc, gaz)
        _add_dateline(doc, candidates, gaz)
        entries = [gaz.lookup_loose(_lookup_name(c))[0] for c in candidates]
        primary = [{id(e) for e in options if gaz.is_primary(c.span.text, e)} for c, options in
                   zip(candidates, entries)]
        first = [best(e, Context(Counter(), []), primary=p) for e, p in zip(entries, primary)]
        context = _context(first, entries, coded, gaz)
        # right to left, so that in "Guildford, Surrey, UK" Surrey is read (in the UK) before Guildford
        chosen: list[Entry | None] = [None] * len(candidates)
        for i in range(len(candidates) - 1, -1, -1):
            container = _container(i, candidates, chosen, coded.article.text)
            others = _without_own(context, first[i], entries[i], candidates[i].span.text, candidates, first)
            chosen[i] = best(entries[i], others, container, primary=primary[i])
        for i, (cand, choice) in enumerate(zip(candidates, chosen)):
            place = _place(f"p{len(coded.places) + 1}", cand, choice, coded, gaz)
            coded.places.append(place)
            for token in cand.span:
                token._.place = place.id


def _lookup_name(cand: Candidate) -> str:
    text = cand.span.text
    return text.title() if cand.source == "dateline" and text.isupper() else text


def _context(first: list[Entry | None], entries: list[list[Entry]], coded: CodedArticle, gaz: Gazetteer) -> Context:
    """Countries the article is about and points of the places it names, counting only names read with
    confidence: an ambiguous name repeated five times must not vote for its own first reading."""
    countries: Counter = Counter()
    points = []
    empty = Context(Counter(), [])
    for pick, options in zip(first, entries):
        if pick is None or not _confident(pick, options, empty):
            continue
        if pick.cc:
            countries[pick.cc] += EXPLICIT_COUNTRY_WEIGHT if pick.feature == "country" else 1
        if pick.feature in ("city", "admin1", "admin2"):
            points.append((pick.lat, pick.lon))
    for actor in coded.actors:
        cc = gaz.iso2.get(actor.country or "")
        if cc:
            countries[cc] += ACTOR_COUNTRY_WEIGHT
    return Context(countries, points)


def _without_own(context: Context, pick: Entry | None, options: list[Entry], name: str,
                 candidates: list[Candidate], first: list[Entry | None]) -> Context:
    """The context minus what this very name put into it: "Paris" read first as the French capital must not
    vote for itself against "Paris, Texas"."""
    if pick is None or not _confident(pick, options, Context(Counter(), [])):
        return context
    same = sum(1 for c, f in zip(candidates, first) if f is pick and c.span.text == name)
    countries = context.countries.copy()
    if pick.cc:
        countries[pick.cc] -= same * (EXPLICIT_COUNTRY_WEIGHT if pick.feature == "country" else 1)
    points = [p for p in context.points if p != (pick.lat, pick.lon)]
    return Context(+countries, points)


def _confident(pick: Entry, options: list[Entry], context: Context) -> bool:
    """One country among the readings, or a reading far ahead of the others ("Queensland" the state,
    not the Calgary neighbourhood)."""
    if len({e.cc for e in options}) == 1:
        return True
    runner_up = max(score(e, context) for e in options if e is not pick)
    return score(pick, context) - runner_up >= CONFIDENT_MARGIN


def _add_dateline(doc: Doc, candidates: list[Candidate], gaz: Gazetteer) -> None:
    """The dateline town ("ROME, Oct 24 (Agency) -") is a place even when the tagger missed it."""
    span = dateline_span(doc.text)
    if span is None or any(c.span.start_char < span[1] and span[0] < c.span.end_char for c in candidates):
        return
    name = doc.char_span(span[0], span[1], alignment_mode="contract")
    if name is not None and len(name) and gaz.lookup(name.text.title()):
        candidates.insert(0, Candidate(name, "dateline"))


def _container(i: int, candidates: list[Candidate], chosen: list[Entry | None], text: str) -> Entry | None:
    """The place right after "X, " that holds X ("Pandi, Bulacan", "Sochi, Russia")."""
    if i + 1 >= len(candidates):
        return None
    here, after = candidates[i].span, candidates[i + 1].span
    between = text[here.end_char:after.start_char]
    if between.strip() != ",":
        return None
    return chosen[i + 1]


def _place(place_id: str, cand: Candidate, entry: Entry | None, coded: CodedArticle, gaz: Gazetteer) -> Place:
    span = cand.span
    place = Place(id=place_id, name=span.text, start=span.start_char, end=span.end_char,
                  sentence=coded.sentence_at(span.start_char))
    if entry is None:
        place.reason = "not in gazetteer"
        return place
    place.lat, place.lon = round(entry.lat, 4), round(entry.lon, 4)
    place.country = gaz.iso3.get(entry.cc or "")
    place.admin1 = entry.admin1
    place.geonames_id = entry.geonames_id
    place.feature = entry.feature
    place.resolved = True
    return place
