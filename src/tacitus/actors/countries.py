"""Which country (and whose dictionary entry) an actor phrase's country comes from when the phrase itself
does not name one: a dictionary entry for a titled person's name (also a misspelt one), the article's
dominant country for a domestic title, a person named as a modifier ("the Bush administration"), a
transnational modifier ("a regional force": IGO), the country an ethnic group lives in, else the sentence.
A mixin of ``ArticleResolver``: it reads the hits and dictionaries the resolver holds.
"""
from __future__ import annotations

from .collect import ArticleHits
from .phrases import RolePhrase

NON_GOVERNMENTAL = "NGO"


class CountryRules(ArticleHits):
    """Countries for phrases over the article's hits. The resolver sets ``dictionaries`` ((lookup, source)
    pairs: the user's dictionary, then the built-in figures) and ``date``."""

    dictionaries: list[tuple[object, str]]
    date: str | None

    def _phrase_country(self, phrase: RolePhrase, sentence: int) -> tuple[list[str], str]:
        """(countries, how): how is "title" when the phrase names them, the dictionary source when a
        dictionary does, "context" otherwise."""
        if phrase.ethnic:
            return self._ethnic_country(phrase), "context"
        countries = []
        for hit in phrase.carriers:
            if hit.entry.country and hit.entry.country not in countries:
                countries.append(hit.entry.country)
        if countries:
            return countries, "title"
        speaker = self._speaker_country(phrase.root) if phrase.first_person else None
        if speaker:
            return [speaker], "context"  # "'our troops will stay,' the minister said": the speaker's
        if phrase.person and phrase.name:
            return self._titled_person_country(phrase)
        named = self._named_modifier_country(phrase) or self._transnational(phrase)
        if named:
            return [named], "title"
        country = self._context_country(phrase.left, exclude=set())
        return ([country] if country else []), "context"

    def _titled_person_country(self, phrase: RolePhrase) -> tuple[list[str], str]:
        """"President Reagan": a titled person whose phrase names no country takes it from a dictionary; else
        a domestic office holder takes the article's country or else the sentence's, a head of state or a
        foreign minister only a country the article names far more than any other (a country named nearby
        is as likely the counterpart's), and one posted abroad none."""
        name = self._text(*phrase.name)
        known = self._known_person(name) or self._misspelt_figure(name)
        if known is not None and known[0].country:
            return [known[0].country], known[1]
        reach = phrase.entry.reach
        if reach == "abroad":
            return [], "context"
        if reach == "international":
            prior = self._dominant_country(sole=False)
        else:  # a domestic office: the article's country, else the sentence's ("the minister of the economy")
            prior = self._dominant_country() or self._context_country(phrase.left, exclude=set(), article=False)
        return ([prior] if prior else []), "context"

    def _misspelt_figure(self, name: str) -> tuple[object, str] | None:
        for dictionary, source in self.dictionaries:
            near = getattr(dictionary, "near", None)
            entry = near(name, self.date) if near else None
            if entry is not None:
                return entry, source
        return None

    def _transnational(self, phrase: RolePhrase) -> str | None:
        """"a regional peacekeeping force": IGO; "a human rights group" of no named country: NGO."""
        for word in self.view.lower[phrase.left:phrase.hit.start]:
            code = self.lexicon.transnational.get(word)
            if code:
                return code
        return NON_GOVERNMENTAL if phrase.sector == NON_GOVERNMENTAL and not phrase.person else None

    def _named_modifier_country(self, phrase: RolePhrase) -> str | None:
        """"the Bush administration", "Erdogan's government": a proper-noun modifier a dictionary knows as a
        person gives a group its country."""
        pos, i = self.view.pos, phrase.left
        while i < phrase.hit.start:
            if pos[i] != "PROPN" or i in self.hit_at:
                i += 1
                continue
            j = i
            while j < phrase.hit.start and pos[j] == "PROPN" and j not in self.hit_at:
                j += 1
            known = self._known_person(self._text(i, j))
            if known is not None and known[0].country:
                return known[0].country
            i = j
        return None

    def _ethnic_country(self, phrase: RolePhrase) -> list[str]:
        """"ethnic Albanians in south Serbia": an ethnic group is coded with the country it lives in, named
        after it or else elsewhere in the sentence; its own nation only when nothing else is named."""
        own = {h.entry.country for h in phrase.carriers if h.start < phrase.hit.start}
        if phrase.entry.is_country:
            own.add(phrase.entry.country)  # the people's own nation ("Albanians") is not where they live
        placed = [h.entry.country for h in phrase.carriers if h.start >= phrase.hit.end and h.entry.country]
        if placed:
            return placed[:1]
        country = self._context_country(phrase.left, exclude=own, article=False)
        return [country] if country else sorted(c for c in own if c)

    def _known_names(self, covered: set[int]) -> list[tuple[int, int]]:
        """Runs of proper nouns the NER did not tag as persons but a dictionary knows as persons (a bare
        surname only from the user's dictionary: "May" or "Brown" alone is no built-in figure)."""
        if not self.dictionaries:
            return []
        taken = covered | set(self.hit_at) | {i for s, e in self.person_ents.values() for i in range(s, e)}
        out, i, pos = [], 0, self.view.pos
        while i < len(pos):
            if pos[i] != "PROPN" or i in taken:
                i += 1
                continue
            j = i
            while j < len(pos) and pos[j] == "PROPN" and j not in taken:
                j += 1
            if self._known_person(self._text(i, j), surname_ok=j - i > 1):
                out.append((i, j))
            i = j
        return out

    def _known_person(self, name: str, surname_ok: bool = True) -> tuple[object, str] | None:
        """(dictionary entry, source) of a person a dictionary knows by ``name``."""
        for dictionary, source in self.dictionaries:
            entry = dictionary.lookup(name, self.date)
            if entry is None or entry.kind != "person":
                continue
            if surname_ok or source == "dictionary" or dictionary.get(name) is not None:
                return entry, source
        return None
