"""The phrases of one article that may name an actor, collected before any is resolved: lexicon matches
(countries, demonyms, seats, organisations, sector nouns, misspelt country words), persons' names from the
recogniser, towns and regions from the gazetteer (``locate.py``) and organisations read off their names
(``orgnames.py``); and the country context they give (the sentence's first country, the article's
dominant one) for actors whose own phrase names none.
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from ..nlp import token_view
from .dictionary import MAX_NAME_WORDS
from .lexicon import Entry, Hit, Lexicon
from .locate import BARE_MIN_POPULATION, place_hits
from .orgnames import org_name_hits
from .phrases import keep_hit

ARTICLES = frozenset({"the", "a", "an"})
POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})
NON_STATES = frozenset({"IGO", "NGO", "IMG"})
# Lowercase words inside persons' names ("Osama bin Laden", "Bill de Blasio", "Ludwig van Beethoven").
NAME_PARTICLES = frozenset({"bin", "ibn", "al", "el", "de", "da", "del", "della", "di", "du", "van", "von", "der",
                            "den", "la", "le", "dos", "das", "y", "abu", "ben", "'s", "\u2019s"})
# A capital's name means a town of another country only if that town has at least a tenth of its people.
REHOME_RATIO = 10
# Prepositions after which a one-word name the gazetteer knows as a large town is that town ("met in Malmo").
TOWN_PREPS = frozenset({"in", "near", "at", "outside", "inside", "around", "across", "into", "to"})
# How many times, at least, an article must name its dominant country for a domestic title to take it.
PRIOR_MIN = 3


class ArticleHits:
    """``hits`` (sorted, not overlapping), ``hit_at`` (token -> hit), ``person_ents`` (start -> name span),
    ``person_tokens`` (tokens of names of several words), ``country_counts`` and ``view``."""

    def __init__(self, doc: Doc, lexicon: Lexicon) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.view = token_view(doc)
        ents = list(self.view.ents)
        self.ent_label = {i: e.label_ for e in ents for i in range(e.start, e.end)}
        raw_hits = self._with_dictionary_names(doc, lexicon.match(doc))
        hit_at = {i: h for h in raw_hits for i in range(h.start, h.end)}
        people = [p for p in (self._person_span(e.start, e.end, hit_at) for e in ents if e.label_ == "PERSON") if p]
        people = [(s, e) for s, e in people if not _lexicon_name(hit_at, s, e) and not self._town_after_preposition(s, e)]
        self.person_ents = {s: (s, e) for s, e in people}
        self.person_tokens = {i for s, e in people if e - s > 1 for i in range(s, e)}
        self.hits = [h for h in raw_hits if keep_hit(doc, h, self.ent_label, self.person_tokens)]
        self._index_hits()
        self._add_places(people)

    def _with_dictionary_names(self, doc: Doc, hits: list[Hit]) -> list[Hit]:
        """Names of states, organisations and groups an imported actor dictionary knows ("Arnor [ARN]",
        "Minas Tirith [GON]") and the lexicon does not: hits like the lexicon's own, so that they name actors
        and give titles their country ("Dagolath's Deputy Prime Minister")."""
        finders = [d for d, _ in getattr(self, "dictionaries", []) if hasattr(d, "actor_at")]
        if not finders:
            return hits
        taken = {i for h in hits for i in range(h.start, h.end)}
        found: list[Hit] = []
        view = self.view
        i = 0
        while i < len(view):
            if i in taken or not view.caps[i]:
                i += 1
                continue
            end = min(view.sent_bounds[i][1], i + MAX_NAME_WORDS)
            words = view.text[i:end]
            match = next((m for m in (d.actor_at(words, getattr(self, "date", None)) for d in finders) if m), None)
            if match is None:
                i += 1
                continue
            length, entry = match
            kind = "org" if entry.sector else "country"
            form = view.span_text(i, i + length)  # (the dictionary's own names are in capitals)
            found.append(Hit(i, i + length, Entry(form, kind, entry.country, entry.sector, name=form)))
            i += length
        return sorted(hits + found, key=lambda h: h.start) if found else hits

    def _town_after_preposition(self, start: int, end: int) -> bool:
        """ "met in Malmo": a one-word "person" right after a locative preposition that the gazetteer knows as
        a town is the town (the recogniser takes foreign town names for persons)."""
        if end - start != 1 or start == 0 or self.view.lower[start - 1] not in TOWN_PREPS:
            return False
        places = self.lexicon.places.lookup(self.view.text[start])
        return bool(places) and (places[0].kind == "region" or places[0].population >= BARE_MIN_POPULATION)

    def _add_places(self, people: list[tuple[int, int]]) -> None:
        """Towns and regions from the gazetteer where the lexicon found nothing, or where a longer place name
        holds a capital's ("East Jerusalem" over "Jerusalem")."""
        capitals = {i for h in self.hits if h.entry.kind == "seat" for i in range(h.start, h.end)}
        taken = (set(self.hit_at) - capitals) | {i for s, e in people for i in range(s, e)}
        places = place_hits(self.doc, self.view, self.lexicon.places, taken, self.person_tokens, self._country_near)
        places = [p for p in places if not any(i in capitals for i in range(p.start, p.end))
                  or all(h.start >= p.start and h.end <= p.end and h.end - h.start < p.end - p.start
                         for h in self.hits if h.start < p.end and p.start < h.end)]
        placed = {i for p in places for i in range(p.start, p.end)}
        kept = [h for h in self.hits if not any(i in placed for i in range(h.start, h.end))]
        self.hits = [self._rehomed(h) for h in sorted(kept + places, key=lambda h: h.start)]
        self._index_hits()
        self._add_organisations()

    def _add_organisations(self) -> None:
        """Organisations read off their names; they replace the lexicon hits inside the name."""
        orgs = org_name_hits(self.doc, self.view, self.lexicon, self.hit_at, self.person_tokens,
                             lambda i: self._dominant_country() or self._context_country(i, exclude=set()))
        named = {i for h in orgs for i in range(h.start, h.end)}
        kept = [h for h in self.hits if not any(i in named for i in range(h.start, h.end))]
        self.hits = sorted(kept + orgs, key=lambda h: h.start)
        self._index_hits()

    def _index_hits(self) -> None:
        self.hit_at = {i: h for h in self.hits for i in range(h.start, h.end)}
        self.country_counts = Counter(h.entry.country for h in self.hits if _national(h.entry))

    def _rehomed(self, hit: Hit) -> Hit:
        """A capital's name is another country's town when the sentence names that country and the article
        never names the capital's own ("Tripoli, the north Lebanese port")."""
        entry = hit.entry
        if entry.kind != "seat" or entry.sector == "GOV":
            return hit
        sent_start, sent_end = self.view.sent_bounds[hit.start]
        named = [h.entry.country for h in self.hits if h.entry.kind in ("country", "demonym")]
        if entry.country in named:
            return hit
        in_sentence = {h.entry.country for h in self.hits if sent_start <= h.start < sent_end
                       and h.entry.kind in ("country", "demonym")}
        places = self.lexicon.places.lookup(self._text(hit.start, hit.end))
        capital = max((p.population for p in places if p.country == entry.country), default=0)
        for place in places:  # a town of another country, not a hamlet of the same name ("Paris, Texas")
            if (place.country != entry.country and place.country in in_sentence
                    and place.population * REHOME_RATIO >= capital):
                return Hit(hit.start, hit.end, Entry(entry.form, "city", place.country, name=entry.name))
        return hit

    def _country_near(self, token_i: int, countries: list[str]) -> str | None:
        """Of ``countries``, the first one the sentence of token ``token_i`` names, else the one the article
        names most."""
        sent_start, sent_end = self.view.sent_bounds[token_i]
        for hit in self.hits:
            if sent_start <= hit.start < sent_end and hit.entry.country in countries:
                return hit.entry.country
        named = [c for c in countries if self.country_counts.get(c)]
        return max(named, key=lambda c: self.country_counts[c]) if named else None

    def _person_span(self, start: int, end: int, hit_at: dict[int, Hit]) -> tuple[int, int] | None:
        """A PERSON entity without a trailing possessive and without a leading country, title or article
        the NER took in ("Jordan's King Abdullah II" -> "Abdullah II")."""
        view = self.view
        for i in range(start + 1, end):  # "Trump avoids": a lowercase word ends the name ("bin", "de" do not)
            if view.text[i][:1].islower() and view.lower[i] not in NAME_PARTICLES:
                end = i
                break
        while end > start and (view.text[end - 1] in POSSESSIVE or view.punct[end - 1] or view.space[end - 1]):
            end -= 1
        while start < end:
            hit = hit_at.get(start)
            if hit is not None and hit.end < end:
                start = hit.end
            elif (view.text[start] in POSSESSIVE or view.lower[start] in ARTICLES or view.punct[start]
                  or view.space[start]):
                start += 1
            else:
                break
        return (start, end) if end > start else None

    def _dominant_country(self, sole: bool = True) -> str | None:
        """The country the article is about: the only one it names (when ``sole``), or one it names at least
        PRIOR_MIN times and at least twice as often as any other."""
        ranked = self.country_counts.most_common(2)
        if len(ranked) == 1 and sole:
            return ranked[0][0]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0
        if not ranked or ranked[0][1] < PRIOR_MIN or ranked[0][1] < 2 * runner_up:
            return None
        return ranked[0][0]

    def _context_country(self, token_i: int, exclude: set[str], article: bool = True) -> str | None:
        """A country for an actor whose phrase names none: the first country named in its sentence (a
        country or place named by itself before one that only describes another actor: "Israeli jets
        struck southern Lebanon, killing four people" are Lebanese), else the article's most named country."""
        sent_start, sent_end = self.view.sent_bounds[token_i]
        named = [hit.entry for hit in self.hits if sent_start <= hit.start < sent_end and _national(hit.entry)
                 and hit.entry.country not in exclude]
        if named:
            return next((e for e in named if e.kind not in ("demonym", "prefix")), named[0]).country
        if not article:
            return None
        for country, _ in self.country_counts.most_common():
            if country not in exclude:
                return country
        return None

    def _text(self, start: int, end: int) -> str:
        return self.view.span_text(start, end)


def _lexicon_name(hit_at: dict[int, Hit], start: int, end: int) -> bool:
    """Whether one country or organisation name of the lexicon covers tokens start..end ("Sri Lanka" is no
    person's name, whatever the recogniser says)."""
    hit = hit_at.get(start)
    return hit is not None and hit.start == start and hit.end == end and not hit.entry.is_sector


def _national(entry: Entry) -> bool:
    """Whether a lexicon entry places an actor in a country (an ISO3 code, not IGO/NGO/IMG)."""
    return bool(entry.country) and (entry.is_country or entry.kind == "org") and entry.country not in NON_STATES
