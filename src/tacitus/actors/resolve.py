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

from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..model import Actor, CodedArticle, Evidence, Mention
from .collect import ARTICLES, POSSESSIVE
from .countries import NON_GOVERNMENTAL, CountryRules
from ..dateline import dateline
from .generic import generic_reason
from .plural import KEY as PAIRS_KEY, PLURAL_TAGS, last_two, pair_kind
from .locate import place_words
from .orgnames import org_kinds
from .lexicon import Entry, Hit, Lexicon, norm
from .pronouns import THING_PRONOUNS, PronounTracker, in_quote, quoted, name_gender, noun_gender, thing_antecedent
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
# Tags of a capitalised word that may repeat a person's name (the tagger takes some surnames for verbs).
NAME_POS = frozenset({"PROPN", "NOUN", "VERB", "ADJ"})
# The longest organisation name taken from the recogniser alone.
MAX_ENTITY_TOKENS = 6
# Lexicon kinds of towns and provinces (not countries).
TOWN_KINDS = frozenset({"seat", "city", "region"})
# Lexicon kinds that name where a people lives.
PLACE_KINDS = frozenset({"country", "seat", "city", "region"})
# Entity labels of a name that follows a body's noun and names it ("the newspaper La Prensa").
NAMED_BODY_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT"})
# Sector of the leaders, elders or officials of a people rather than a state (CAMEO elites).
PEOPLE_LEADERS = "ELI"
# Prepositions whose object is where something is or happens, not who acts ("met in Helsinki"): a place named
# there is no actor. ("to" and "from" are left out: "aid to Haiti", "a message from Moscow".)
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "throughout", "within",
                            "along", "into", "onto", "beyond", "off", "through", "via", "past"})
# Verbs after which "to" names a destination ("flew to Nice"), not an addressee ("aid to Haiti").
MOTION_VERBS = frozenset({"fly", "travel", "go", "come", "return", "head", "move", "arrive", "flee", "drive",
                          "sail", "walk", "march", "relocate", "retreat", "withdraw", "evacuate"})
# Prepositions whose object is an actor rather than a place ("an admission by Moscow", "talks with Tehran").
ACTOR_PREPS = frozenset({"by", "with", "against"})


@dataclass
class Person:
    actor: Actor
    roles: set[str] = field(default_factory=set)
    surname: str = ""
    named: bool = True
    gender: str | None = None  # m | f, when the name, a form of address or the title tells


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
        self.pronouns = PronounTracker(doc, self._person_named)
        self.unnamed: list[Person] = []
        super().__init__(doc, lexicon)
        # the tokens of an opening dateline ("HELSINKI, 14 March 2024 -"): they name no actor
        span = dateline(coded.article.text)
        self.dateline = range(0)
        if span is not None:
            first = bisect_left(self.view.idx, span[0])  # the first token at or after each offset
            self.dateline = range(first, bisect_left(self.view.idx, span[1], first))

    # ----- public -----------------------------------------------------------------------------------

    def run(self) -> None:
        phrases = [p for p in (self._role_phrase(h) for h in self.hits if h.entry.is_sector) if p]
        heads = {h.end - 1 for h in self.hits if h.entry.is_sector}
        phrases = [p for p in phrases if generic_reason(self.doc, p, heads) is None]
        absorbed = {c.start for p in phrases for c in p.carriers}
        for phrase in phrases:
            if phrase.name and phrase.person:
                self._define_person(phrase)
        self._predefine_names(phrases)
        items: list[tuple[int, str, object]] = [(p.left, "phrase", p) for p in phrases]
        covered = {i for p in phrases for i in range(p.left, p.right)}
        covered |= {i for p in phrases if p.name for i in range(*p.name)}
        for hit in self.hits:
            if not hit.entry.is_sector and hit.start not in absorbed and hit.start not in covered:
                items.append((hit.start, "hit", hit))
        for start, (s, e) in self.person_ents.items():
            if not any(i in covered for i in range(s, e)):
                items.append((s, "name", (s, e)))
        known = self._known_names(covered)
        items.extend((s, "name", (s, e)) for s, e in known)
        taken = covered | {i for s, e in known for i in range(s, e)}
        items.extend((s, "name", (s, e)) for s, e in self._article_names(phrases, taken))
        named = taken | {i for s, e in self.person_ents.values() for i in range(s, e)} | set(self.dateline)
        named |= {i for _, what, (s, e) in ((x[0], x[1], x[2]) for x in items if x[1] == "name") for i in range(s, e)}
        for ent in self.view.ents:
            if ent.label_ == "ORG" and self._organisation_entity(ent, named):
                items.append((ent.start, "entity", (ent.start, ent.end)))  # "the IMA said", "RT"
            # peoples the lexicon lacks ("Kurds", "Tamils"): civilians, placed by their modifiers or context
            if ent.label_ == "NORP" and ent.text.endswith("s") and not any(
                    i in covered or i in self.hit_at for i in range(ent.start, ent.end)):
                entry = Entry(ent.text, "demonym", None, name=ent.text, plural=True)
                items.append((ent.start, "hit", Hit(ent.start, ent.end, entry)))
        phrase_at = {p.root.i: p for p in phrases}
        view, doc = self.view, self.doc
        for i in range(len(view)):
            if view.tag[i] in PLURAL_TAGS and pair_kind(doc[i]) is not None:
                items.append((doc[i].left_edge.i, "pair", (doc[i], phrase_at.get(i))))
            if view.pos[i] == "PRON" and view.lower[i] in PERSON_PRONOUNS:
                items.append((i, "pronoun", doc[i]))
            elif view.pos[i] == "PRON" and view.lower[i] in THING_PRONOUNS:
                items.append((i, "thing", doc[i]))
        people = {h.start for _, w, h in items if w == "hit" and h.entry.kind == "demonym" and h.entry.plural}
        self.people_modifiers = {h.start for h in self.hits if h.end in people and h.entry.is_country}
        pairs = {item[0].i for _, what, item in items if what == "pair"}
        for _, what, item in sorted(items, key=lambda x: x[0]):
            if what == "phrase" and item.root.i in pairs:
                continue  # "the two leaders": read as a pair first (``_do_pair``), as a group only failing that
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
        if name and not self._body_name(name):
            return name
        return self._apposed_name(phrase) or self._name_apposed_after(phrase, j)

    def _name_apposed_after(self, phrase: RolePhrase, j: int) -> tuple[int, int] | None:
        """ "the Iranian defence minister, Ahmad Vahidi": a person's name in apposition after a comma."""
        doc = self.doc
        if j + 1 >= len(doc) or doc[j].text != "," or j + 1 not in self.person_ents:
            return None
        start, end = self.person_ents[j + 1]
        root = span_root(doc, start, end)
        return (start, end) if root.dep_ == "appos" and root.head.i == phrase.root.i else None

    def _body_name(self, span: tuple[int, int]) -> bool:
        """A run of capitalised words that names a body ("head of the US Centers for Disease Control"), not a
        person: it holds an organisation's head word and the recogniser does not call it a person."""
        if span[0] in self.person_ents:
            return False
        heads = org_kinds().heads
        return any(w in heads or w.rstrip("s") in heads for w in self.view.lower[span[0]:span[1]])

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
        if self.dateline and lower < self.dateline.stop <= phrase.hit.start:
            lower = self.dateline.stop
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
            if token.lower_ in ("our", "my") and token.dep_ == "poss":
                phrase.first_person = True
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
        before = self.doc[phrase.name[0] - 1].text if phrase.name[0] else ""
        known.gender = known.gender or noun_gender(phrase.entry.name) or name_gender(name, before)
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
        person = Person(actor=actor, surname=norm(name).split()[-1] if named else "", named=named,
                        gender=name_gender(name) if named else None)
        if named:
            self.persons[norm(name)] = person
            self.surnames.setdefault(person.surname, []).append(person)
        return person

    def _find_person(self, name: str) -> Person | None:
        """The article's person named ``name``: the full name, the surname, the first and last name, or the
        end of the name ("De Blasio" for "Bill de Blasio", "Peña Nieto" for "Enrique Peña Nieto")."""
        key = norm(name)
        if key in self.persons:
            return self.persons[key]
        words = key.split()
        if not words:
            return None
        for candidate in self.surnames.get(words[-1], []):
            full = norm(candidate.actor.name).split()
            if len(words) == 1 or full[0] == words[0] or full[-len(words):] == words:
                return candidate
        return None

    def _article_names(self, phrases: list[RolePhrase], taken: set[int]) -> list[tuple[int, int]]:
        """Runs of proper nouns the recogniser did not tag as persons ("Tamm praised ...", "Trump openly
        admires ...") that repeat the end of a person's name the article gives elsewhere: a name with a
        title, or a name of two words or more the recogniser found."""
        self.name_ends: set[str] = set()
        names = [self._text(*p.name) for p in phrases if p.name and p.person]
        names += [self._text(s, e) for s, e in self.person_ents.values() if e - s > 1]
        ends = {" ".join(w[k:]) for w in (norm(n).split() for n in names) for k in range(1, len(w))}
        ends |= {norm(n) for n in names}
        if not ends:
            return []
        taken = taken | set(self.hit_at) | {i for s, e in self.person_ents.values() for i in range(s, e)}
        taken |= set(self.dateline)
        self.name_ends = ends
        out, i, view = [], 0, self.view
        while i < len(view):
            if i in taken or not view.caps[i] or view.pos[i] not in NAME_POS:
                i += 1
                continue
            j = i + 1  # a single capitalised word may be mistagged ("Trump openly admires": a verb)
            while j < len(view) and view.pos[j] == "PROPN" and j not in taken:
                j += 1
            if norm(self._text(i, j)) in ends:
                out.append((i, j))
            i = j
        return out

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
        if start in self.dateline:
            start = self.dateline.stop
        view = self.view
        while start < end and view.lower[start] in ARTICLES and kind not in ("nominal",):
            start += 1
        if start >= end or any(i in self.token_mention for i in range(start, end)):
            return
        s, e = view.idx[start], view.idx[end - 1] + len(view.text[end - 1])
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
            own = org.name if org else self._own_name(phrase, country) if len(countries) > 1 else name
            out.append(self._group(country, sector, kind, own, source))
        return out

    def _own_name(self, phrase: RolePhrase, country: str) -> str:
        """The name of one country's part of a phrase naming several: "Finnish leaders" and "Estonian leaders"
        for "Finnish and Estonian leaders", "officials from Sweden" for "officials from Sweden and Finland"."""
        head = self._text(phrase.hit.start, phrase.hit.end)
        carrier = next((h for h in phrase.carriers if h.entry.country == country), None)
        if carrier is None:
            return head
        if carrier.end <= phrase.hit.start:
            return f"{self._text(carrier.start, carrier.end)} {head}"
        return f"{head} {self.doc[phrase.hit.end].text} {self._text(carrier.start, carrier.end)}"

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
        if entry.kind in TOWN_KINDS and entry.country and self._only_location(hit):
            # "met in Helsinki", "a curfew in Abidjan": a town named as where something happens is no actor
            # of its own; it stands for the country it lies in (the target CAMEO codes for "imposed a
            # curfew in Abidjan" or "set up a center in Tokyo")
            actor = self._group(entry.country, None, "state", self.lexicon.country_names.get(
                entry.country, entry.country), "lexicon")
            self._mention(hit.start, hit.end, "country", actor, label="GPE")
            return
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

    def _only_location(self, hit: Hit) -> bool:
        """A place name that is the object of a locative preposition ("in Helsinki", "near Copenhagen", "in
        Williamsburg, Virginia", "in New York and New Jersey"), not a participant's name."""
        token = span_root(self.doc, hit.start, hit.end)
        for _ in range(4):
            if token.dep_ in ("appos", "conj", "compound") and token.head.i != token.i:
                token = token.head
            elif token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_ in place_words():
                token = token.head.head  # "in the Gulf of Finland", "on the outskirts of Kiev"
            else:
                break
        if token.dep_ != "pobj":
            return False
        prep = token.head
        return prep.lower_ in LOCATIVE_PREPS or (prep.lower_ == "to" and prep.head.lemma_ in MOTION_VERBS)

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
            span = self._known_prefix(span) or span
            name = self._text(*span)
            person = self._find_person(name)
        if person is None:
            person = self._new_person(name)
            self._from_dictionary(person, name)
        if person.gender is None:
            person.gender = name_gender(name, self.doc[span[0] - 1].text if span[0] else "")
        self._mention(span[0], span[1], "name", person.actor, label="PERSON")
        self._note_person(person, self.doc[span[1] - 1])

    def _known_prefix(self, span: tuple[int, int]) -> tuple[int, int] | None:
        """The longest start of a name that is a person the article knows ("Berg" of "Berg Wins")."""
        for end in range(span[1] - 1, span[0], -1):
            if self._find_person(self._text(span[0], end)) is not None:
                return span[0], end
        return None

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

    def _do_pair(self, item: tuple[Token, RolePhrase | None]) -> None:
        """ "The two leaders agreed ...": the last two persons (countries, sides) named, else a group."""
        token, phrase = item
        sentence = self.coded.sentence_at(token.idx)
        verb = token.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        own = {a.id for a in (self._actor_at(c) for c in verb.children if c.dep_ in SUBJECT_DEPS) if a}
        found = last_two(self.coded, pair_kind(token), token.idx, sentence, exclude=own)
        if not found:
            if phrase is not None:
                self._do_phrase(phrase)
            return
        self.doc.user_data.setdefault(PAIRS_KEY, {})[token.i] = [a.id for a in found]
        self._mention(token.left_edge.i, token.i + 1, "nominal", None)

    def _organisation_entity(self, ent, named: set[int]) -> bool:
        """An ORG entity that may name an organisation the lexicon lacks: short, not a person's name, not in
        quotation marks, not most of its sentence (a headline the recogniser took for a name), overlapping no
        other mention."""
        tokens = range(ent.start, ent.end)
        if any(i in named or i in self.hit_at for i in tokens) or len(tokens) > MAX_ENTITY_TOKENS:
            return False
        if norm(ent.text) in self.name_ends or self.lexicon.places.known(ent.text):
            return False  # a person's name, or a place the recogniser took for a body ("Crimea", "Dorset")
        if len(tokens) == 1 and not ent.text.isupper():
            return False  # one word: only an acronym ("RT", "NYPD"); "Eastern", "House" are no bodies
        if any(quoted(ent.sent)[i - ent.sent.start] for i in tokens):
            return False  # "on Fox News's “Fox and Friends”": a title in quotation marks
        return len(tokens) * 2 < ent.sent.end - ent.sent.start

    def _do_entity(self, span: tuple[int, int]) -> None:
        """An organisation the recogniser names and no lexicon knows ("the BCFL", "RT"): an actor of its own,
        of no known country or sector, so that what it does is still an event with a named participant."""
        start, end = span
        while start < end and self.view.lower[start] in ARTICLES:
            start += 1
        if start >= end:
            return
        name = self._text(start, end)
        actor = self._group(None, None, "organization", name, "entity")
        self._mention(start, end, "organization", actor, label="ORG")

    def _do_pronoun(self, token: Token) -> None:
        person = self.pronouns.person_for(token)
        if person is None:
            return
        self._mention(token.i, token.i + 1, "pronoun", person.actor, label="PERSON")
        self.pronouns.note(person, token, token.dep_ in SUBJECT_DEPS)

    def _speaker_country(self, token: Token) -> str | None:
        """The country of whoever says the quote ``token`` stands in ("'our troops will stay,' the Azerbaijani
        minister said"): the speaker's actor if the article has it, else a country named in the speaker's
        phrase."""
        if not in_quote(token):
            return None
        for subject in self.pronouns.quote_speakers(token):
            person = self._person_named(subject)
            actor = person.actor if person is not None else self._actor_at(subject)
            if actor is not None and actor.country:
                return actor.country
            for i in range(subject.left_edge.i, subject.right_edge.i + 1):
                hit = self.hit_at.get(i)
                if hit is not None and hit.entry.country and hit.entry.is_country:
                    return hit.entry.country
        return None

    def _person_named(self, token: Token) -> Person | None:
        """The article's person whose name ``token`` is (part of): a recognised name or a bare surname."""
        for start, end in self.person_ents.values():
            if start <= token.i < end:
                return self._find_person(self._text(start, end))
        return self._find_person(token.text) if token.pos_ == "PROPN" else None

    def _predefine_names(self, phrases: list[RolePhrase]) -> None:
        """Persons the recogniser names in full ("Donald Trump"), made before the mentions are walked, so a
        headline's bare surname ("Trump Was Mocking Clinton Camp") is the person the article names later."""
        titled = {i for p in phrases if p.name and p.person for i in range(*p.name)}
        spans = [(s, e) for s, e in sorted(self.person_ents.values()) if e - s > 1 and s not in titled]
        ends = {" ".join(w[k:]) for w in (norm(self._text(s, e)).split() for s, e in spans) for k in range(1, len(w))}
        for start, end in spans:
            name = self._text(start, end)
            words = norm(name).split()
            if any(" ".join(words[:k]) in ends for k in range(1, len(words))):
                continue  # "Berg Wins Vote": a surname the recogniser ran into the next capitalised word
            if self._find_person(name) is None:
                self._from_dictionary(self._new_person(name), name)

    def _do_thing(self, token: Token) -> None:
        """ "Russia said it ...", "the rebels said they ...": the organisation, state or group."""
        actor = thing_antecedent(token, self._actor_at)
        if actor is not None:
            self._mention(token.i, token.i + 1, "pronoun", actor, label=LABELS.get(actor.kind, "NORP"))

    def _actor_at(self, token: Token) -> Actor | None:
        index = self.token_mention.get(token.i)
        return self.coded.actor(self.coded.mentions[index].actor) if index is not None else None

    def _note_person(self, person: Person | None, token: Token) -> None:
        if person is None:
            return
        subject = token.dep_ in SUBJECT_DEPS or token.head.dep_ in SUBJECT_DEPS and token.dep_ in ("compound", "appos")
        self.pronouns.note(person, token, subject)

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
