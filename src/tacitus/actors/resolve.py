"""Resolving one article's actor phrases to actors, with within-article coreference.

The phrases come from ``collect.ArticleHits`` and countries a phrase does not name from
``countries.CountryRules``. Two passes over the Doc. The first finds every person defined by a title or an
apposition ("President of Belarus Aleksandr Lukashenko", "Dmitry Rogozin, Deputy Prime Minister of the
Russian Federation"), so a headline that names him first still resolves. The second walks the phrases in
text order and makes the mentions: names (full name, then surname, then the dictionaries), nominal titles
("the Belarusian head of state" -> the person holding that office in that country, else a new person),
groups ("Israeli troops"), countries, seats of government, organisations and pronouns (the most recent
person subject).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..model import Actor, CodedArticle, Evidence, Mention
from .collect import ARTICLES, POSSESSIVE
from .countries import NON_GOVERNMENTAL, CountryRules
from .lexicon import Entry, Hit, Lexicon
from .phrases import (GROUP_PREPS, PERSON_PRONOUNS, SUBJECT_DEPS, TITLE_PREPS, RolePhrase, bare_people,
                      name_after, span_root)

# Sector of a capital or city named as a place rather than as an actor (the PLOVER GSR convention).
PLACE_SECTOR = "CVL"
# Grammatical roles in which a capital stands for its government ("Moscow said", "warned Washington").
ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "agent", "appos", "conj"})
LABELS = {"person": "PERSON", "state": "GPE", "organization": "ORG", "group": "NORP"}
ETHNIC = frozenset({"ethnic"})
# Countries whose bodies' officers keep their title's sector (a UN or EU post is a governmental one).
STATE_BODIES = frozenset({"IGO"})
# Sectors of bodies whose titles are state offices ("president of the court", "speaker of parliament").
STATE_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "SPY"})
# Lexicon kinds that name where a people lives.
PLACE_KINDS = frozenset({"country", "seat", "city", "region"})
# Entity labels of a name that follows a body's noun and names it ("the newspaper La Prensa").
NAMED_BODY_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT"})
# Sector of the leaders, elders or officials of a people rather than a state (CAMEO elites).
PEOPLE_LEADERS = "ELI"
# Prepositions whose object is an actor rather than a place ("an admission by Moscow", "talks with Tehran").
ACTOR_PREPS = frozenset({"by", "with", "against"})


@dataclass
class Person:
    actor: Actor
    roles: set[str] = field(default_factory=set)
    surname: str = ""
    named: bool = True


class ArticleResolver(CountryRules):
    def __init__(self, doc: Doc, coded: CodedArticle, lexicon: Lexicon, dictionary=None, builtin=None) -> None:
        self.doc = doc
        self.coded = coded
        self.lexicon = lexicon
        # the user's dictionary first, then the built-in figures: (lookup, source of what it resolves)
        self.dictionaries = [(d, src) for d, src in ((dictionary, "dictionary"), (builtin, "builtin")) if d]
        self.date = coded.article.date
        self.persons: dict[str, Person] = {}
        self.surnames: dict[str, list[Person]] = {}
        self.groups: dict[tuple, Actor] = {}
        self.token_mention: dict[int, int] = {}
        self.last_subject: Person | None = None
        self.last_person: Person | None = None
        self.unnamed: list[Person] = []
        super().__init__(doc, lexicon)

    # ----- public -----------------------------------------------------------------------------------

    def run(self) -> None:
        phrases = [p for p in (self._role_phrase(h) for h in self.hits if h.entry.is_sector) if p]
        absorbed = {c.start for p in phrases for c in p.carriers}
        for phrase in phrases:
            if phrase.name and phrase.person:
                self._define_person(phrase)
        items: list[tuple[int, str, object]] = [(p.left, "phrase", p) for p in phrases]
        covered = {i for p in phrases for i in range(p.left, p.right)}
        covered |= {i for p in phrases if p.name for i in range(*p.name)}
        for hit in self.hits:
            if not hit.entry.is_sector and hit.start not in absorbed and hit.start not in covered:
                items.append((hit.start, "hit", hit))
        for start, (s, e) in self.person_ents.items():
            if not any(i in covered for i in range(s, e)):
                items.append((s, "name", (s, e)))
        items.extend((s, "name", (s, e)) for s, e in self._known_names(covered))
        for ent in self.doc.ents:
            # peoples the lexicon lacks ("Kurds", "Tamils"): civilians, placed by their modifiers or context
            if ent.label_ == "NORP" and ent.text.endswith("s") and not any(
                    i in covered or i in self.hit_at for i in range(ent.start, ent.end)):
                entry = Entry(ent.text, "demonym", None, name=ent.text, plural=True)
                items.append((ent.start, "hit", Hit(ent.start, ent.end, entry)))
        for token in self.doc:
            if token.lower_ in PERSON_PRONOUNS and token.pos_ == "PRON":
                items.append((token.i, "pronoun", token))
        people = {h.start for _, w, h in items if w == "hit" and h.entry.kind == "demonym" and h.entry.plural}
        self.people_modifiers = {h.start for h in self.hits if h.end in people and h.entry.is_country}
        for _, what, item in sorted(items, key=lambda x: x[0]):
            getattr(self, "_do_" + what)(item)
        self._finish()

    # ----- phrases ----------------------------------------------------------------------------------

    def _role_phrase(self, hit: Hit) -> RolePhrase | None:
        doc = self.doc
        root = span_root(doc, hit.start, hit.end)
        head = root.head
        if root.dep_ in ("compound", "amod", "nmod") and head.i >= hit.end and head.i != root.i:
            # a sector noun modifying another one is part of that phrase ("government troops")
            if head.i in self.hit_at and self.hit_at[head.i].entry.is_sector and self.hit_at[head.i] is not hit:
                return None
        phrase = RolePhrase(hit=hit, root=root, left=hit.start, right=hit.end, sector=hit.entry.sector)
        name = self._attached_name(phrase)
        phrase.name = name
        if name and name[0] >= hit.end:
            self._country_after_name(phrase, name[1])
        np_head = doc[name[1] - 1] if name and name[0] >= hit.end else root
        self._extend_left(phrase, np_head)
        self._extend_right(phrase)
        if name and name[1] <= hit.start:
            phrase.apposition = True
        self._officer_of_body(phrase)
        return phrase

    def _officer_of_body(self, phrase: RolePhrase) -> None:
        """A title held in a non-governmental body or a party, armed group, firm or newspaper ("president of the
        Center for American Progress", "Hamas leader") takes the body's sector and holds no state office."""
        bodies = [h.entry for h in phrase.carriers if h.entry.kind == "org" and h.entry.country not in STATE_BODIES]
        bodies = [b for b in bodies + phrase.bodies if b.sector not in STATE_SECTORS]
        if phrase.person and not phrase.entry.plural and bodies:
            body = bodies[0]
            phrase.officer = True
            phrase.sector = None if body.country == NON_GOVERNMENTAL and body.sector in (None, "NGO") else body.sector

    def _attached_name(self, phrase: RolePhrase) -> tuple[int, int] | None:
        if not phrase.person and not phrase.hit.entry.plural:
            return self._group_name(phrase)
        if not phrase.person or phrase.hit.entry.plural:
            return None
        doc, end = self.doc, phrase.hit.end
        # "President of Belarus Aleksandr Lukashenko": skip "of (the) Country" before the name
        j = end
        if j < len(doc) and doc[j].lower_ in TITLE_PREPS:
            k = j + 1 + (1 if j + 1 < len(doc) and doc[j + 1].lower_ == "the" else 0)
            if k in self.hit_at and not self.hit_at[k].entry.is_sector:
                j = self.hit_at[k].end
            else:  # "Minister for Interior Aftab Sherpao": a portfolio, then the name
                for skip in range(k, min(k + 3, len(doc))):
                    if skip + 1 in self.person_ents and doc[skip].text[:1].isupper():
                        j = skip + 1
                        break
        taken = set(self.hit_at)
        name = name_after(doc, j, taken, self.person_ents)
        if name:
            return name
        return self._apposed_name(phrase)

    def _group_name(self, phrase: RolePhrase) -> tuple[int, int] | None:
        """"the opposition newspaper La Prensa": a name right after a body's noun is that body's name (the
        recogniser may take it for a person's)."""
        i = phrase.hit.end
        if i >= len(self.doc) or i in self.hit_at or self.view.ent[i] not in NAMED_BODY_LABELS:
            return None
        end = i
        while end < len(self.doc) and self.view.ent[end] == self.view.ent[i] and end not in self.hit_at:
            end += 1
        return (i, end) if self.doc[i].ent_iob_ == "B" else None

    def _country_after_name(self, phrase: RolePhrase, end: int) -> None:
        """"Defence Minister Tomas Varga of Slovakia": the country follows the name."""
        doc = self.doc
        if end < len(doc) and doc[end].lower_ in ("of", "from"):
            k = end + 1 + (1 if end + 1 < len(doc) and doc[end + 1].lower_ == "the" else 0)
            hit = self.hit_at.get(k)
            if hit is not None and hit.start == k and hit.entry.is_country and hit.entry.kind != "city":
                phrase.carriers.append(hit)

    def _apposed_name(self, phrase: RolePhrase) -> tuple[int, int] | None:
        """"Dmitry Rogozin, Deputy Prime Minister of ...": a PERSON, a comma, then the title phrase."""
        doc = self.doc
        i = phrase.hit.start - 1
        while i >= 0 and (doc[i].lower_ in ARTICLES or (i in self.hit_at and not self.hit_at[i].entry.is_sector)
                          or doc[i].text in POSSESSIVE or (doc[i].pos_ == "ADJ" and doc[i].dep_ == "amod")
                          or (doc[i].dep_ in ("compound", "amod") and doc[i].head.i >= phrase.hit.start)):
            i -= 1
        if i < 1 or doc[i].text != ",":
            return None
        for start, (s, e) in self.person_ents.items():
            if e == i:
                return (s, e)
        return None

    def _extend_left(self, phrase: RolePhrase, np_head: Token) -> None:
        doc = self.doc
        i = phrase.hit.start - 1
        lower = max(min(_np_left(np_head), _np_left(phrase.root)), np_head.sent.start)
        if phrase.name and phrase.name[1] <= phrase.hit.start:
            lower = phrase.hit.start  # apposition: the title phrase starts after the comma
            while lower - 1 >= 0 and doc[lower - 1].text != "," and lower - 1 > phrase.name[1]:
                lower -= 1
        while i >= lower:
            token = doc[i]
            hit = self.hit_at.get(i)
            if token.is_punct and token.text not in ("-",) and token.text not in POSSESSIVE:
                break
            modifier = self.lexicon.sector_modifiers.get(token.lower_)
            if modifier and phrase.person:  # "ousted president" (the parser may read "ousted" as a verb)
                phrase.sector = modifier
            if token.pos_ in ("VERB", "AUX", "ADP") and token.lower_ not in ("of",) and token.dep_ != "amod":
                break  # a participle modifying the noun stays ("leading", "ousted")
            if hit and not hit.entry.is_sector:
                phrase.carriers.insert(0, hit)
                if hit.entry.kind == "org":
                    self._modifier_sector(phrase, hit)
                elif hit.entry.people and phrase.person and phrase.entry.weak:
                    phrase.sector = PEOPLE_LEADERS  # "Yoruba leaders", "Kurdish officials"
                i = hit.start - 1
                phrase.left = hit.start
                continue
            if hit and hit.entry.is_sector:
                self._modifier_sector(phrase, hit)
                i = hit.start - 1
                phrase.left = hit.start
                continue
            if token.lower_ in ETHNIC:
                phrase.ethnic = True
            phrase.left = i
            if token.lower_ in ARTICLES or token.pos_ == "DET":
                break
            i -= 1

    def _modifier_sector(self, phrase: RolePhrase, hit: Hit) -> None:
        """A sector noun or organisation modifying a weak noun gives it its sector ("rebel leaders" = REB,
        "UNITA militarist wing" = REB); "government" does not turn forces into the government."""
        sector = hit.entry.sector
        if phrase.entry.weak and sector and not (sector == "GOV" and phrase.entry.sector != "GOV"):
            phrase.sector = sector

    def _extend_right(self, phrase: RolePhrase) -> None:
        doc = self.doc
        preps = GROUP_PREPS if not phrase.person or phrase.entry.plural else TITLE_PREPS
        j = phrase.hit.end
        if j >= len(doc) or doc[j].lower_ not in preps or doc[j].head.i not in range(phrase.hit.start, phrase.hit.end):
            if not (j < len(doc) and doc[j].lower_ in ("of", "for")):
                return
        prep = doc[j].lower_
        k = j + 1
        stop = min(len(doc), j + 8)
        while k < stop:
            token = doc[k]
            hit = self.hit_at.get(k)
            if hit and not hit.entry.is_sector:
                if not phrase.carriers or prep in ("of", "for"):
                    phrase.carriers.append(hit)
                    phrase.located = prep not in ("of", "for")
                    if phrase.entry.weak and prep == "of" and hit.entry.kind == "org":
                        phrase.sector = hit.entry.sector  # "members of the Association": the body's sector
                phrase.right = hit.end
                k = hit.end
                if hit.entry.kind not in ("org", "demonym"):
                    break
                continue
            if hit and hit.entry.is_sector:
                if phrase.entry.weak and prep == "of":
                    phrase.sector = hit.entry.sector
                if prep == "of" and hit.entry.kind == "group":
                    phrase.bodies.append(hit.entry)
                phrase.right = hit.end
                k = hit.end
                continue
            if token.is_punct or token.pos_ in ("VERB", "AUX") or (token.pos_ == "ADP" and k > j + 1):
                break
            k += 1

    # ----- actors -----------------------------------------------------------------------------------

    def _define_person(self, phrase: RolePhrase) -> None:
        name = self._text(*phrase.name)
        sentence = self.coded.sentence_at(self.doc[phrase.left].idx)
        countries, how = self._phrase_country(phrase, sentence)
        known = self._find_person(name)
        if known is None:
            known = self._new_person(name)
        actor = known.actor
        if how == "title" or actor.country is None:
            actor.country = countries[0] if countries else actor.country
            actor.sector = phrase.sector
            actor.source = "apposition" if phrase.apposition and how == "title" else how
        if phrase.entry.role:
            known.roles.add(phrase.entry.role)
        lo = min(phrase.left, phrase.name[0])
        hi = max([phrase.right, phrase.name[1]] + [c.end for c in phrase.carriers])
        start, end = self.doc[lo].idx, self.doc[hi - 1].idx + len(self.doc[hi - 1])
        if how == "title":
            actor.evidence.append(Evidence(article=self.coded.article.id, start=start, end=end,
                                           text=self.coded.article.text[start:end], date=self.date,
                                           country=countries[0] if countries else None, sector=phrase.sector))

    def _new_person(self, name: str, named: bool = True) -> Person:
        actor = self._actor(name, kind="person")
        person = Person(actor=actor, surname=name.split()[-1].lower() if named else "", named=named)
        if named:
            self.persons[name.lower()] = person
            self.surnames.setdefault(person.surname, []).append(person)
        return person

    def _find_person(self, name: str) -> Person | None:
        key = name.lower()
        if key in self.persons:
            return self.persons[key]
        words = key.split()
        if not words:
            return None
        for candidate in self.surnames.get(words[-1], []):
            if len(words) == 1 or candidate.actor.name.lower().split()[0] == words[0]:
                return candidate
        return None

    def _actor(self, name: str, kind: str, country: str | None = None, sector: str | None = None,
               source: str | None = None) -> Actor:
        actor = Actor(id=f"a{len(self.coded.actors) + 1}", name=name, country=country, sector=sector, kind=kind,
                      source=source)
        self.coded.actors.append(actor)
        return actor

    def _group(self, country: str | None, sector: str | None, kind: str, name: str, source: str,
               by_name: bool = False) -> Actor:
        """The article's one actor for a country, sector and kind (organisations and places: and name)."""
        key = (country, sector, kind, name if by_name or kind == "organization" else None)
        if key not in self.groups:
            self.groups[key] = self._actor(name, kind=kind, country=country, sector=sector, source=source)
        return self.groups[key]

    # ----- mentions ---------------------------------------------------------------------------------

    def _mention(self, start: int, end: int, kind: str, actor: Actor | None, label: str | None = None) -> None:
        while start < end and self.doc[start].lower_ in ARTICLES and kind not in ("nominal",):
            start += 1
        if start >= end or any(i in self.token_mention for i in range(start, end)):
            return
        s, e = self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1])
        index = len(self.coded.mentions)
        self.coded.mentions.append(Mention(start=s, end=e, text=self.coded.article.text[s:e],
                                           label=label or LABELS.get(actor.kind if actor else "", "NORP"),
                                           sentence=self.coded.sentence_at(s), kind=kind,
                                           actor=actor.id if actor else None))
        for i in range(start, end):
            self.token_mention[i] = index
        if actor is not None:
            actor.mentions.append(index)

    def _do_phrase(self, phrase: RolePhrase) -> None:
        if phrase.name and phrase.person:
            person = self._find_person(self._text(*phrase.name))
            actor = person.actor if person else None
            self._whole_title(phrase, "title", actor)
            self._mention(phrase.name[0], phrase.name[1], "name", actor)
            self._note_person(person, self.doc[phrase.name[1] - 1])
            return
        if phrase.person and phrase.entry.role and not phrase.entry.plural:
            person = self._resolve_nominal(phrase)
            self._whole_title(phrase, "nominal", person.actor)
            self._note_person(person, phrase.root)
            return
        actors = self._group_actors(phrase)
        self._carrier_mentions(phrase, actors[0] if actors else None, actors)
        self._mention(self._title_start(phrase), self._title_end(phrase), "nominal", actors[0] if actors else None)
        if phrase.name:  # "the newspaper La Prensa": the body's own name
            self._mention(phrase.name[0], phrase.name[1], "organization", actors[0] if actors else None, label="ORG")

    def _whole_title(self, phrase: RolePhrase, kind: str, actor: Actor | None) -> None:
        """A person's title is one mention with the countries in it ("the Vice Premier of Russia"); a
        country named after the person's name gets its own mention of the same person."""
        inside = [c for c in phrase.carriers if phrase.left <= c.start and c.end <= phrase.right]
        outside = [c for c in phrase.carriers if c not in inside]
        start = phrase.left
        while start < phrase.hit.start and self.doc[start].text in POSSESSIVE:
            start += 1
        self._mention(start, phrase.right, kind, actor)
        for hit in outside:
            self._mention(hit.start, hit.end, _hit_kind(hit.entry), actor)

    def _title_end(self, phrase: RolePhrase) -> int:
        after = [c.start for c in phrase.carriers if c.start >= phrase.hit.end]
        return phrase.hit.end if after else phrase.right

    def _title_start(self, phrase: RolePhrase) -> int:
        before = [c.end for c in phrase.carriers if c.end <= phrase.hit.start]
        start = max(before) if before else phrase.left
        while start < phrase.hit.start and self.doc[start].text in POSSESSIVE:
            start += 1
        if start == phrase.left and self.doc[start].lower_ in ARTICLES:
            return start
        return start

    def _carrier_mentions(self, phrase: RolePhrase, actor: Actor | None, actors: list[Actor] | None = None) -> None:
        for hit in phrase.carriers:
            target = actor
            if actors:
                target = next((a for a in actors if a.country == hit.entry.country), actor)
            if (phrase.located and hit.end > phrase.hit.end) or hit.entry.kind == "org":
                self._do_hit(hit)  # "rebels in Darfur", "NATO ministers": the place, the body keep their own
                continue
            self._mention(hit.start, hit.end, _hit_kind(hit.entry), target)

    def _group_actors(self, phrase: RolePhrase) -> list[Actor]:
        sentence = self.coded.sentence_at(self.doc[phrase.left].idx)
        countries, how = self._phrase_country(phrase, sentence)
        orgs = [h.entry for h in phrase.carriers if h.entry.kind == "org"]
        name = self._text(phrase.left, phrase.right)
        if phrase.located and phrase.carriers and phrase.carriers[0].start < phrase.hit.start and how == "title":
            # "ethnic Albanians in south Serbia": the people are coded with the country they live in
            pass
        kind = "group"
        if not countries:
            return [self._group(None, phrase.sector, kind, name, "lexicon")]
        source = "lexicon" if how == "title" else "context"
        out = []
        for country in countries:
            org = next((o for o in orgs if o.country == country), None)
            sector = None if phrase.sector == country == NON_GOVERNMENTAL else phrase.sector
            out.append(self._group(country, sector, kind, org.name if org else name, source))
        return out

    def _resolve_nominal(self, phrase: RolePhrase) -> Person:
        """"the Belarusian head of state": the person holding that office in that country (a named one
        first, the most recently mentioned among equals); "the head of state": the one holding it anywhere,
        if one does; otherwise a new, unnamed person."""
        role = phrase.entry.role
        countries = [h.entry.country for h in phrase.carriers if h.entry.country]
        candidates = [] if phrase.officer else [p for p in self._all_persons() if role in p.roles and
                                                (not countries or p.actor.country in countries)]
        if candidates:
            candidates.sort(key=lambda p: (p.named, max(p.actor.mentions, default=-1)))
            return candidates[-1]
        sentence = self.coded.sentence_at(self.doc[phrase.left].idx)
        found, how = self._phrase_country(phrase, sentence) if countries else ([], "none")
        country = found[0] if found else None
        title = self._text(self._title_start(phrase), phrase.right)
        person = Person(actor=self._actor(title, kind="person", country=country, sector=phrase.sector,
                                          source="title" if country else None), roles={role}, named=False)
        self.unnamed.append(person)
        return person

    def _all_persons(self) -> list[Person]:
        return list(self.persons.values()) + self.unnamed

    def _do_hit(self, hit: Hit) -> None:
        entry = hit.entry
        if hit.start in self.people_modifiers:
            return  # "Iraqi" in "Iraqi Kurds": the people's mention takes it
        kind = _hit_kind(entry)
        if entry.kind == "org":
            actor = self._group(entry.country, entry.sector, "organization", entry.name, "lexicon")
            if entry.code and entry.code not in actor.aliases:
                actor.aliases.append(entry.code)
        elif entry.kind in ("seat", "city"):
            actor = self._place_actor(hit)
        elif entry.kind == "region":  # a province or region as a whole, like a state named as a whole
            actor = self._group(entry.country, None, "group", entry.name, "lexicon", by_name=True)
        elif entry.kind == "demonym" and entry.plural:
            actor = self._people(hit)
        elif entry.kind == "demonym" and not entry.country:
            return  # "Christian", "Kurdish" alone name no actor: the noun they modify does
        else:
            actor = self._group(entry.country, None, "state", self.lexicon.country_names.get(entry.country, entry.name), "lexicon")
        start = self._extend_republic(hit.start) if entry.kind == "country" else hit.start
        self._mention(start, hit.end, kind, actor, label="GPE" if entry.is_country and entry.kind != "demonym" else None)

    def _people(self, hit: Hit) -> Actor:
        """A people ("Palestinians") are civilians of their nation; "Bosnian Serbs" of the modifier's;
        "ethnic Albanians (in Serbia)" of the country they live in."""
        phrase = RolePhrase(hit=hit, root=self.doc[hit.end - 1], left=hit.start, right=hit.end)
        self._extend_left(phrase, phrase.root)
        self._extend_right(phrase)
        if phrase.ethnic:
            countries = self._ethnic_country(phrase) or [hit.entry.country]
        else:
            before = [h.entry.country for h in phrase.carriers if h.end <= hit.start and h.entry.country]
            placed = [h.entry.country for h in phrase.carriers if h.start >= hit.end and h.entry.country
                      and h.entry.kind in PLACE_KINDS]  # "the Albanians of southern Serbia"
            countries = before[-1:] or placed[:1] or [hit.entry.country or self._context_country(hit.start, set())]
        if bare_people(self.doc, phrase) and hit.entry.country:
            # "the Palestinians" as a whole are their nation (CAMEO codes a nationality plural as the country)
            return self._group(hit.entry.country, None, "state", self.lexicon.country_names.get(
                hit.entry.country, hit.entry.name), "lexicon")
        actor = self._group(countries[0], PLACE_SECTOR, "group", self._text(phrase.left, hit.end), "lexicon")
        for carrier in phrase.carriers:
            if carrier.end <= hit.start and carrier.start in self.people_modifiers:
                self._mention(carrier.start, carrier.end, _hit_kind(carrier.entry), actor)
        return actor

    def _place_actor(self, hit: Hit) -> Actor:
        entry = hit.entry
        root = span_root(self.doc, hit.start, hit.end)
        political = entry.sector == "GOV" and entry.kind == "seat" and not self._is_capital(entry)
        actor_role = root.dep_ in ACTOR_DEPS or (root.dep_ == "pobj" and root.head.lower_ in ACTOR_PREPS)
        if entry.kind == "seat" and (political or actor_role):
            name = self.lexicon.country_names.get(entry.country, entry.country or "")
            return self._group(entry.country, "GOV", "group", f"government of {name}", "lexicon")
        return self._group(entry.country, PLACE_SECTOR, "group", entry.name, "lexicon", by_name=True)

    def _is_capital(self, entry: Entry) -> bool:
        return entry.sector is None

    def _extend_republic(self, start: int) -> int:
        """"the Republic of Belarus", "the Kingdom of ...": the state form joins the country's mention."""
        doc = self.doc
        if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].text[:1].isupper():
            i = start - 2
            while i > 0 and doc[i - 1].text[:1].isupper() and doc[i - 1].pos_ in ("PROPN", "ADJ", "NOUN"):
                i -= 1
            if doc[start - 2].lower_ in ("republic", "kingdom", "federation", "state", "commonwealth",
                                         "principality", "sultanate", "emirate", "union"):
                return i
        return start

    def _do_name(self, span: tuple[int, int]) -> None:
        name = self._text(*span)
        if not name.strip():
            return
        person = self._find_person(name)
        if person is None:
            person = self._new_person(name)
            self._from_dictionary(person, name)
        self._mention(span[0], span[1], "name", person.actor, label="PERSON")
        self._note_person(person, self.doc[span[1] - 1])

    def _from_dictionary(self, person: Person, name: str) -> None:
        found = self._known_person(name)
        if found is None:
            return
        entry, source = found
        actor = person.actor
        actor.country, actor.sector, actor.source = entry.country, entry.sector, source
        actor.evidence.extend(entry.evidence)
        for alias in entry.aliases:
            if alias not in actor.aliases:
                actor.aliases.append(alias)

    def _do_pronoun(self, token: Token) -> None:
        person = self.last_subject or self.last_person
        if person is None:
            return
        self._mention(token.i, token.i + 1, "pronoun", person.actor, label="PERSON")

    def _note_person(self, person: Person | None, token: Token) -> None:
        if person is None:
            return
        self.last_person = person
        if token.dep_ in SUBJECT_DEPS or token.head.dep_ in SUBJECT_DEPS and token.dep_ in ("compound", "appos"):
            self.last_subject = person

    def _finish(self) -> None:
        # mentions in text order (actor ids stay stable), then each token learns its mention's final index
        new_index = self._reorder_mentions()
        for i, index in self.token_mention.items():
            self.doc[i]._.mention = new_index.get(index, index)

    def _reorder_mentions(self) -> dict[int, int]:
        """Sort mentions by position; returns old index -> new index (empty when the order stands)."""
        order = sorted(range(len(self.coded.mentions)), key=lambda k: self.coded.mentions[k].start)
        if order == list(range(len(order))):
            return {}
        new_index = {old: new for new, old in enumerate(order)}
        self.coded.mentions = [self.coded.mentions[k] for k in order]
        for actor in self.coded.actors:
            actor.mentions = sorted(new_index[m] for m in actor.mentions)
        return new_index

    def _text(self, start: int, end: int) -> str:
        return self.doc[start:end].text


def _np_left(token: Token) -> int:
    """The first token of the noun phrase ``token`` belongs to: its own left edge, or that of the noun it
    modifies ("Israeli" for "army" in "Israeli army bulldozers"; "Niger" for "ambassador" in "Niger's
    ambassador Brah Mohamane", where the parser hangs the possessive on the title)."""
    left = token.left_edge.i
    while token.dep_ in ("compound", "amod", "nmod") and token.head.i > token.i:
        token = token.head
        left = min(left, token.left_edge.i)
    return left


def _hit_kind(entry: Entry) -> str:
    if entry.kind == "org":
        return "organization"
    if entry.kind == "demonym":
        return "demonym"
    return "country"
