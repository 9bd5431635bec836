"""The where stage: place names found in the article and resolved offline against the gazetteer.

Resolution runs in two passes. The first reads every name alone (prominence only) and keeps the readings
that are clear (one country among them, or far ahead of the others) as the article's context: its
countries and its points. The second reads every name again, right to left (so that in "Guildford,
Surrey, UK" Surrey is read before Guildford), with that context minus what the name itself put into it,
and with the hints of the words around it (resolve.Hints, hints.py). A county whose readings in one
country stay level (nothing in the text says which "Scott County") is left unresolved as ambiguous.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from spacy.tokens import Doc

from ..model import CodedArticle, Place
from ..nlp import token_view
from .candidates import Candidate, find_candidates
from ..dateline import dateline_name
from .gazetteer import Entry, Gazetteer, gazetteer
from .hints import CONTAINER_JOINTS, joint, kind_cue, list_runs
from .resolve import (EXPLICIT_COUNTRY_WEIGHT, KIND, MINOR_TOWN_KM, REMOTE_TOWN_POPULATION, Context, Hints, best,
                      inside, is_minor, near_km, ranked, readable, score)

SAME_SPOT_KM = 50.0  # readings this close are one place for the context (a town and its district)
# How far ahead of the next reading a first reading must be to be sure: towns of one kind compare by size (a
# town 20 times bigger than its namesakes), readings of different kinds need more (a country against a
# state of another country, "Georgia", is no sure reading).
CONFIDENT_MARGIN = 2.0
CONFIDENT_MARGIN_KINDS = 3.5
# Rank of a kind of place: a container must rank above what it holds ("China, Japan" is a list).
LEVEL = {"city": 1, "admin2": 2, "admin1": 3, "country": 4, "region": 4, "sea": 5, "continent": 5}
AMBIGUOUS_MARGIN = 1.0  # two counties of one name this close: the text does not say which
ACTOR_COUNTRY_WEIGHT = 1
EMPTY = Context(Counter(), [])


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
        reading = _Reading(candidates, coded, gaz)
        reading.resolve()
        for i, cand in enumerate(candidates):
            if cand.source == "facility" and reading.chosen[i] is None:
                continue  # a facility, not a place
            place = _place(f"p{len(coded.places) + 1}", cand, reading.chosen[i], coded, gaz, reading.ambiguous[i])
            if reading.outside[i] is not None:
                place.reason = f"no place of this name in {reading.outside[i].name}, which the text puts it in"
            elif reading.chosen[i] is None and reading.entries[i]:
                place.reason = "only small towns have this name, none near the article's other places"
            coded.places.append(place)
            for token in cand.span:
                token._.place = place.id


class _Reading:
    """The readings of one article's place names: the first pass (each name alone), the context it gives,
    then the second pass with context and hints."""

    def __init__(self, candidates: list[Candidate], coded: CodedArticle, gaz: Gazetteer) -> None:
        self.candidates, self.text = candidates, coded.article.text
        self.entries = [gaz.lookup_loose(_lookup_name(c))[0] for c in candidates]
        self.primary = [{id(e) for e in options if gaz.is_primary(c.span.text, e)} for c, options in
                        zip(candidates, self.entries)]
        self.kinds = [kind_cue(c.span) for c in candidates]
        self.first = [best(e, EMPTY, Hints(kind=k), primary=p)
                      for e, k, p in zip(self.entries, self.kinds, self.primary)]
        self.sure = self._sure(coded, gaz)
        self.countries_of = [_one_country(p, o) for p, o in zip(self.first, self.entries)]
        self.context = _context(self.sure, self.countries_of, coded, gaz, candidates)
        self.voters = self.sure  # the readings the context counts (see _without_own)
        self.coded, self.gaz = coded, gaz
        count = len(candidates)
        self.chosen: list[Entry | None] = [None] * count
        self.ambiguous = [0] * count
        self.outside: list[Entry | None] = [None] * count
        self.hinted = [False] * count

    def _sure(self, coded: CodedArticle, gaz: Gazetteer) -> list[Entry | None]:
        """Clear first readings. A minor town is never sure, and a small town only when it is plausible
        beside the article's clearer names (countries, divisions, big towns): a lone namesake village
        abroad must not make its country part of the article."""
        sure = [pick if pick is not None and not is_minor(pick) and cand.source != "facility" and
                _confident(pick, options) else None
                for cand, pick, options in zip(self.candidates, self.first, self.entries)]
        small = [i for i, pick in enumerate(sure) if pick is not None and pick.feature == "city" and
                 pick.population < REMOTE_TOWN_POPULATION]
        if small:
            clear = [None if i in small else pick for i, pick in enumerate(sure)]
            context = _context(clear, [None] * len(sure), coded, gaz, self.candidates)
            for i in small:
                if not readable([sure[i]], context):
                    sure[i] = None
        return sure

    def resolve(self) -> None:
        """Right to left, so that in "Guildford, Surrey, UK" Surrey is read before Guildford. Names the words
        around them pinned down ("Frederick, Maryland": the Maryland holding a Frederick) then join the
        context, and every name is read once more with it: a county in a state named only that way, a
        village near a province read only from "the province of Cajamarca, in Peru"."""
        self._read_all()
        pinned = [choice if choice is not None and not level and (sure is not None or hint) else None
                  for choice, sure, hint, level in zip(self.chosen, self.sure, self.hinted, self.ambiguous)]
        if any(p is not None and p is not s for p, s in zip(pinned, self.sure)):
            self.voters = pinned
            self.context = _context(pinned, self.countries_of, self.coded, self.gaz, self.candidates)
            self._read_all()
        _one_sense(self.candidates, self.chosen, self.hinted, self.ambiguous, self.outside)

    def _read_all(self) -> None:
        runs = list_runs([c.span for c in self.candidates], self.text)
        siblings = _siblings(len(self.candidates), runs, self.sure, lambda e: KIND.get(e.feature))
        sibling_countries = _siblings(len(self.candidates), runs, self.sure, lambda e: e.cc)
        listed = _listed_pairs(runs, self.sure)
        for i in range(len(self.candidates) - 1, -1, -1):
            container = None if (i, i + 1) in listed else _container(i, self.candidates, self.chosen, self.first,
                                                                      self.text)
            held = [] if (i - 1, i) in listed else _held(i, self.candidates, self.entries, self.first, self.text)
            hints = Hints(container=container, held=held, kind=self.kinds[i], siblings=siblings[i],
                          sibling_countries=sibling_countries[i])
            self._resolve_one(i, hints)

    def _resolve_one(self, i: int, hints: Hints) -> None:
        sure = self.sure[i]
        others = _without_own(self.context, self.voters[i], self.candidates[i].span.text, self.candidates,
                              self.voters)
        if self.candidates[i].source == "facility":
            # only a suburb or park of the places the article is about
            self.chosen[i] = next((e for _, e in ranked(self.entries[i], others, hints, self.primary[i])
                                   if near_km(e, others.points) <= MINOR_TOWN_KM), None)
            return
        if sure is not None and hints.container is None and not hints.held and hints.kind is None:
            # a clear name keeps its reading unless the words around it say otherwise: a hamlet called
            # Florida near New York City does not make "New York City and Florida" a pair of towns
            self.chosen[i] = sure
            return
        scored = ranked(self.entries[i], others, hints, primary=self.primary[i])
        if _contradicted(self.entries[i], scored, hints.container):
            scored, self.outside[i] = [], hints.container
        self.chosen[i] = scored[0][1] if scored else None
        self.ambiguous[i] = _ambiguity(scored, others.divisions)
        self.hinted[i] = bool(hints.container or hints.held)  # (a kind cue says what kind, not which place)


def _one_sense(candidates: list[Candidate], chosen: list[Entry | None], hinted: list[bool], ambiguous: list[int],
               outside: list[Entry | None]) -> None:
    """A name the text once pins down ("Austin, in Scott County, Indiana") means the same place wherever the
    article repeats it without a hint ("the outbreak in Scott County")."""
    pinned: dict[str, Entry] = {}
    for cand, choice, hint, level in zip(candidates, chosen, hinted, ambiguous):
        if hint and choice is not None and not level:
            pinned.setdefault(cand.span.text, choice)
    for i, cand in enumerate(candidates):
        if not hinted[i] and cand.span.text in pinned:
            chosen[i], ambiguous[i], outside[i] = pinned[cand.span.text], 0, None


def _lookup_name(cand: Candidate) -> str:
    text = cand.span.text
    return text.title() if cand.source == "dateline" and text.isupper() else text


def _confident(pick: Entry, options: list[Entry]) -> bool:
    """The only reading, readings all in one spot, or a reading far ahead of the others ("Queensland" the
    state, not the Calgary neighbourhood)."""
    others = [e for e in options if e is not pick]
    if all(near_km(e, [(pick.lat, pick.lon)]) <= SAME_SPOT_KM for e in others):
        return True
    value, runner_up = max((score(e, EMPTY), e) for e in others)
    margin = CONFIDENT_MARGIN if runner_up.feature == pick.feature else CONFIDENT_MARGIN_KINDS
    return score(pick, EMPTY) - value >= margin


def _one_country(pick: Entry | None, options: list[Entry]) -> str | None:
    """The country of a name all of whose readings lie in it ("Scott County": somewhere in the US). A small
    town's country counts only through ``_Reading._sure``, which checks that it fits the article."""
    if pick is not None and pick.feature == "city" and pick.population < REMOTE_TOWN_POPULATION:
        return None
    return pick.cc if pick is not None and pick.cc and all(e.cc == pick.cc for e in options) else None


def _context(sure: list[Entry | None], countries_of: list[str | None], coded: CodedArticle, gaz: Gazetteer,
             candidates: list[Candidate]) -> Context:
    """Countries the article is about and points of the places it names, counting only names read with
    confidence: an ambiguous name repeated five times must not vote for its own first reading. Actors
    count by their country, unless a place name read here names them ("Georgia" the actor is no evidence
    for Georgia the place)."""
    countries: Counter = Counter()
    points = []
    divisions = set()
    for pick, cc in zip(sure, countries_of):
        if cc and pick is None:
            countries[cc] += 1
        if pick is None:
            continue
        if pick.feature == "admin1" and pick.cc:
            divisions.add((pick.cc, pick.admin1))
        if pick.cc:
            countries[pick.cc] += EXPLICIT_COUNTRY_WEIGHT if pick.feature == "country" else 1
        if pick.feature in ("city", "admin1", "admin2", "country"):
            points.append((pick.lat, pick.lon))
    spans = [(c.span.start_char, c.span.end_char) for c in candidates]
    for actor in coded.actors:
        cc = gaz.iso2.get(actor.country or "")
        if cc and not _named_by_places(actor.mentions, coded, spans):
            countries[cc] += ACTOR_COUNTRY_WEIGHT
    return Context(countries, list(dict.fromkeys(points)), frozenset(divisions))


def _named_by_places(mentions: list[int], coded: CodedArticle, spans: list[tuple[int, int]]) -> bool:
    """Whether an actor is named by a place name read here ("Georgia", "the University of Georgia"): its
    country then comes from that name, which counts (or not) as a place already."""
    found = [coded.mentions[k] for k in mentions if 0 <= k < len(coded.mentions)]
    return any(any(m.start < end and start < m.end for start, end in spans) for m in found)


def _without_own(context: Context, pick: Entry | None, name: str, candidates: list[Candidate],
                 sure: list[Entry | None]) -> Context:
    """The context minus what this very name put into it: "Paris" read first as the French capital must not
    vote for itself against "Paris, Texas"."""
    if pick is None:
        return context
    same = sum(1 for c, s in zip(candidates, sure) if s is pick and c.span.text == name)
    countries = context.countries.copy()
    if pick.cc:
        countries[pick.cc] -= same * (EXPLICIT_COUNTRY_WEIGHT if pick.feature == "country" else 1)
    points = [p for p in context.points if p != (pick.lat, pick.lon)]
    return Context(+countries, points, context.divisions)


def _siblings(count: int, runs: list[list[int]], sure: list[Entry | None],
              key: Callable[[Entry], str | None]) -> list[Counter]:
    """For each name, the kinds (or countries: ``key``) of the other confidently read names of its list."""
    out = [Counter() for _ in range(count)]
    for members in runs:
        values = Counter(key(sure[m]) for m in members if sure[m] is not None)
        for m in members:
            own = Counter({key(sure[m]): 1}) if sure[m] is not None else Counter()
            out[m] = values - own
    return out


def _listed_pairs(runs: list[list[int]], sure: list[Entry | None]) -> set[tuple[int, int]]:
    """Neighbours in a list of states or countries ("in Washington, Pennsylvania and California"): the
    comma between them separates list members, it does not put the first inside the second."""
    pairs = set()
    for members in runs:
        kinds = {KIND.get(sure[m].feature) for m in members if sure[m] is not None}
        if kinds and "city" not in kinds:
            pairs.update(zip(members, members[1:]))
    return pairs


def _ambiguity(scored: list[tuple[float, Entry]], divisions: frozenset[tuple[str, str]] = frozenset()) -> int:
    """How many counties of one country share the best reading's name and score (0: not ambiguous). The
    text does say which when the best lies in a state it names and the others do not ("Fulton County" in
    an article that names Illinois)."""
    if not scored or scored[0][1].feature != "admin2":
        return 0
    top, pick = scored[0]
    level = [e for s, e in scored if e.feature == "admin2" and e.cc == pick.cc and top - s < AMBIGUOUS_MARGIN]
    named = [e for e in level if (e.cc, e.admin1) in divisions]
    if named == [pick]:
        return 0
    return len(level) if len(level) > 1 else 0


def _add_dateline(doc: Doc, candidates: list[Candidate], gaz: Gazetteer) -> None:
    """The dateline town ("ROME, Oct 24 (Agency) -") is a place even when the tagger missed it."""
    span = dateline_name(token_view(doc).doc_text)  # doc.text, joined once per Doc
    if span is None or any(c.span.start_char < span[1] and span[0] < c.span.end_char for c in candidates):
        return
    name = doc.char_span(span[0], span[1], alignment_mode="contract")
    if name is not None and len(name) and gaz.lookup(name.text.title()):
        candidates.insert(0, Candidate(name, "dateline"))


def _container(i: int, candidates: list[Candidate], chosen: list[Entry | None], first: list[Entry | None],
               text: str) -> Entry | None:
    """The place right after "X, " or "X in " that holds X ("Pandi, Bulacan", "Eastern Creek in New South
    Wales"), if it ranks above X's own first reading ("China, Japan" is no town in Japan) or is X itself
    ("Washington, D.C.")."""
    if i + 1 >= len(candidates):
        return None
    if joint(text, candidates[i].span, candidates[i + 1].span) not in CONTAINER_JOINTS:
        return None
    outer, inner = chosen[i + 1], first[i]
    if outer is None:
        return None
    if inner is not None and inner is not outer and LEVEL.get(inner.feature, 1) >= LEVEL.get(outer.feature, 1):
        return None
    return outer


def _contradicted(options: list[Entry], scored: list[tuple[float, Entry]], container: Entry | None) -> bool:
    """A town or county the text puts in a country or state ("Stroud, Ontario") none of whose readings lies
    there: the gazetteer lacks that one, and a namesake elsewhere would be a wrong point."""
    if container is None or container.feature not in ("country", "admin1"):
        return False
    if any(e.feature not in ("city", "admin2") for e in options):
        return False
    return not any(inside(e, container) for _, e in scored)


def _held(i: int, candidates: list[Candidate], entries: list[list[Entry]], first: list[Entry | None],
          text: str) -> list[Entry]:
    """The town readings of the name just before "<town>, X": X is likelier the place holding one of them
    ("Blakely, Georgia" is the Georgia with a Blakely)."""
    if i == 0 or first[i - 1] is None or first[i - 1].feature not in ("city", "admin2"):
        return []
    if joint(text, candidates[i - 1].span, candidates[i].span) not in CONTAINER_JOINTS:
        return []
    return [e for e in entries[i - 1] if e.feature in ("city", "admin2")]


def _place(place_id: str, cand: Candidate, entry: Entry | None, coded: CodedArticle, gaz: Gazetteer,
           ambiguous: int = 0) -> Place:
    span = cand.span
    place = Place(id=place_id, name=span.text, start=span.start_char, end=span.end_char,
                  sentence=coded.sentence_at(span.start_char))
    if entry is None:
        place.reason = "not in gazetteer"
        return place
    if ambiguous:
        place.country = gaz.iso3.get(entry.cc or "")
        place.reason = f"ambiguous: {ambiguous} divisions of {place.country} have this name and the text " \
                       "does not say which"
        return place
    place.lat, place.lon = round(entry.lat, 4), round(entry.lon, 4)
    place.country = gaz.iso3.get(entry.cc or "")
    place.admin1 = entry.admin1
    place.geonames_id = entry.geonames_id
    place.feature = entry.feature
    place.resolved = True
    return place
