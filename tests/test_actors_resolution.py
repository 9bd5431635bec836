"""The actor stage's resolution mechanisms on invented sentences: built-in figures, titles without a country,
misspelt country words, towns and regions, organisations read off their names, group nouns, peoples and
ethnic groups, transnational groups and officers of bodies."""
from __future__ import annotations

import pytest

from tacitus.actors import ActorStage, actors_in_span
from tacitus.actors.figures import FiguresError, entries_from_rows, figures
from tacitus.actors.fuzzy import within
from tacitus.pipeline import Coder


@pytest.fixture(scope="module")
def coder(nlp):
    return Coder(nlp=nlp, stages=[ActorStage()])


def code_of(coder, sentence: str, phrase: str, date: str = "2015-06-01", nth: int = 0) -> tuple:
    """(country, sector) of the actor that speaks for ``phrase`` (its nth occurrence) in ``sentence``."""
    coded = coder.code(sentence, date=date)
    start = -1
    for _ in range(nth + 1):
        start = sentence.index(phrase, start + 1)
    found = actors_in_span(coded, start, start + len(phrase))
    return (found[0].country, found[0].sector) if found else (None, None)


# ----- built-in figures ---------------------------------------------------------------------------------

def test_figures_cover_many_countries_and_read_dated_codes():
    table = figures()
    assert len(table) > 500
    assert len({e.country for e in table.entries()}) > 100
    gorbachev = table.lookup("Gorbachev", "1988-05-01")
    assert (gorbachev.country, gorbachev.sector) == ("RUS", "GOV")
    assert table.lookup("Gorbachev", "2005-05-01").sector == "ELI"  # out of office: an elite
    # a surname two entries share is told apart by the date
    assert table.lookup("Bush", "1991-03-01").name == "George H. W. Bush"
    assert table.lookup("Bush", "2006-03-01").name == "George W. Bush"
    # before a person's first role the first role is read (placeholder dates), after the last one an elite
    assert table.lookup("Zelensky", "2001-01-01").sector == "GOV"
    # an undated article is read as of today: still in office if the last range is open
    assert table.lookup("Xi Jinping").sector == "GOV"
    assert table.lookup("Francois Mitterrand").sector == "ELI"


def test_figures_rows_are_checked():
    row = {"name": "Ana Lopez", "aliases": "", "country": "chl", "sector": "GOV", "start": "2001", "end": ""}
    with pytest.raises(FiguresError, match=r"figures.tsv: data row 1 \(Ana Lopez\): country"):
        entries_from_rows([row])
    with pytest.raises(FiguresError, match="start"):
        entries_from_rows([{**row, "country": "CHL", "start": "May 2001"}])
    entry = entries_from_rows([{**row, "country": "CHL"}, {**row, "country": "CHL", "sector": "OPP",
                                                          "start": "2010-03", "end": "2014"}])[0]
    assert [(c.code, c.start, c.end) for c in entry.codes] == [
        ("CHLGOV", "2001-01-01", None), ("CHLOPP", "2010-03-01", "2014-12-31"), ("CHLELI", None, None)]


def test_well_known_names_resolve_without_a_title(coder):
    assert code_of(coder, "Putin said the talks would continue next week.", "Putin") == ("RUS", "GOV")
    # a title that names no country takes the person's own, not the country named next to it
    sentence = "Officials in Bonn praised President Reagan's speech on arms control."
    assert code_of(coder, sentence, "President Reagan's", date="1986-02-01") == ("USA", "GOV")
    sentence = "Kenyan diplomats had lunch with President Obama on Tuesday."
    assert code_of(coder, sentence, "President Obama", date="2012-02-01") == ("USA", "GOV")


def test_a_titled_misspelt_figure_is_found(coder):
    sentence = "President Jacques Chirak opened the summit in Brussels."
    assert code_of(coder, sentence, "President Jacques Chirak", date="1999-04-01") == ("FRA", "GOV")


def test_a_bare_surname_of_a_figure_needs_a_name_not_a_common_word(coder):
    coded = coder.code("The May figures were weak, and Brown Street was closed.", date="2015-06-01")
    assert not any(a.source == "builtin" for a in coded.actors)


# ----- titles without a country -------------------------------------------------------------------------

def test_an_international_title_does_not_take_a_counterpart_country(coder):
    sentence = "President Amara Kone thanked the Chinese envoy for the gift."
    assert code_of(coder, sentence, "President Amara Kone")[0] is None


def test_a_domestic_title_takes_the_only_country_named(coder):
    sentence = "Interior Minister Amara Kone said Ghana would tighten border checks."
    assert code_of(coder, sentence, "Interior Minister Amara Kone") == ("GHA", "GOV")


def test_a_possessive_binds_tighter_than_the_sentence(coder):
    sentence = "The Nigerian deputy minister summoned Ghana's ambassador Kofi Mensah on Monday."
    assert code_of(coder, sentence, "Ghana's ambassador Kofi Mensah") == ("GHA", "GOV")


def test_an_apposition_with_a_possessive_title(coder):
    sentence = "Amara Kone, Ghana's leading human rights activist, began a hunger strike."
    assert code_of(coder, sentence, "Amara Kone") == ("GHA", "OPP")


def test_surnames_that_look_like_titles_are_names(coder):
    coded = coder.code("Mr. King said the bill would pass. Larry King agreed.", date="2015-06-01")
    assert not any(a.sector == "GOV" for a in coded.actors)


# ----- misspelt country words ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, phrase, country", [
    ("Ethiopa has reopened its border with its neighbour.", "Ethiopa", "ETH"),
    ("The government rejected a fresh offer from Afganistan for talks.", "Afganistan", "AFG"),
    ("Thousands of Ugandians crossed the border on Friday.", "Ugandians", "UGA"),
    ("Troops of the Phillipines army raided the camp.", "Phillipines army", "PHL"),
])
def test_misspelt_country_words(coder, sentence, phrase, country):
    assert code_of(coder, sentence, phrase)[0] == country


def test_names_of_people_and_places_are_not_misspellings(coder):
    coded = coder.code("Angela Morgan spoke to Indiana officials about the flood.", date="2015-06-01")
    assert {a.country for a in coded.actors} <= {"USA", None}
    assert within("ethopia", "ethiopia", 1) and not within("kitten", "sitting", 2)


# ----- towns and regions --------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, phrase, code", [
    # a town named as where something happens stands for its country, not for a group of its own
    ("A bomb exploded near the town of Samarra on Sunday.", "Samarra", ("IRQ", None)),
    ("Rival militias clashed in Tripoli, the north Lebanese port.", "Tripoli", ("LBN", None)),
    ("Talks in Paris ended without agreement.", "Paris", ("FRA", None)),
    ("Khartoum lifted the state of emergency in West Darfur State.", "West Darfur", ("SDN", None)),
    ("The government of Sindh province ordered new patrols.", "government of Sindh province", ("PAK", "GOV")),
    ("Police closed the roads in East Jerusalem overnight.", "East Jerusalem", ("PSE", None)),
    ("Floods hit Colorado towns after heavy rain.", "Colorado", ("USA", None)),
    # in an actor role a town keeps its own reading: a seat of government is the government
    ("Paris rejected the proposal on Monday.", "Paris", ("FRA", "GOV")),
    ("Rebels attacked Mosul on Sunday.", "Mosul", ("IRQ", "CVL")),
])
def test_towns_and_regions_resolve_to_their_country(coder, sentence, phrase, code):
    assert code_of(coder, sentence, phrase) == code


def test_places_named_only_as_locations_are_no_actors_of_their_own(coder):
    coded = coder.code("The mayor of Lyon met the Belgian ambassador in Marseille on Monday. The two men later "
                       "flew to Nice, where they attended a summit at the Palais des Festivals.", date="2015-06-01")
    names = {a.name for a in coded.actors}
    assert "Marseille" not in names and "Nice" not in names
    marseille = next(m for m in coded.mentions if m.text == "Marseille")
    assert coded.actor(marseille.actor).kind == "state" and coded.actor(marseille.actor).country == "FRA"


def test_words_that_are_no_place_here(coder):
    coded = coder.code("They put their trust in God. Chelsea Clinton met Chelsea voters.", date="2015-06-01")
    assert not any(m.kind == "country" for m in coded.mentions)


# ----- organisations read off their names ---------------------------------------------------------------

def test_an_armed_front_with_its_acronym(coder):
    text = "The Desert Liberation Front (DLF) attacked a convoy in northern Mali. The DLF later withdrew."
    coded = coder.code(text, date="2015-06-01")
    start = text.index("DLF", text.index("later") - 10)
    actor = actors_in_span(coded, start, start + 3)[0]
    assert (actor.name, actor.country, actor.sector) == ("Desert Liberation Front", "MLI", "REB")


@pytest.mark.parametrize("sentence, phrase, code", [
    ("The Freedom Union won six seats in the Latvian parliament.", "Freedom Union", ("LVA", "PTY")),
    ("The Union of Zambian Teachers called off its strike.", "Union of Zambian Teachers", ("ZMB", "EDU")),
    ("The Tax Policy Institute said the plan would cost more.", "Tax Policy Institute", ("NGO", None)),
    ("The Chicago Police Department opened an inquiry.", "Chicago Police Department", ("USA", "COP")),
    ("The Hungarian Supreme Court rejected the appeal.", "Hungarian Supreme Court", ("HUN", "JUD")),
    ("The Senate Energy Committee of Kenya met on Monday.", "Senate Energy Committee", ("KEN", "LEG")),
])
def test_organisations_by_the_kind_their_name_says(coder, sentence, phrase, code):
    assert code_of(coder, sentence, phrase) == code


def test_a_bracketed_translation_is_the_same_organisation(coder):
    sentence = "Hezbollah (Party of God) fighters withdrew from the border villages."
    coded = coder.code(sentence, date="2015-06-01")
    assert not any(a.sector == "PTY" for a in coded.actors)


# ----- group nouns, bodies and their heads --------------------------------------------------------------

@pytest.mark.parametrize("sentence, phrase, code", [
    ("Israeli army bulldozers demolished two sheds.", "Israeli army", ("ISR", "MIL")),
    ("U.N. helicopters evacuated the wounded.", "U.N.", ("IGO", None)),
    ("NATO ministers met in Brussels.", "NATO ministers", ("IGO", "GOV")),
    ("European Union foreign ministers agreed on new aid.", "European Union", ("IGO", None)),
    ("NATO-member Norway sent two frigates.", "NATO-member Norway", ("NOR", None)),
    ("The rebels rejected the deployment of a regional peacekeeping force.", "regional peacekeeping force",
     ("IGO", "MIL")),
    ("Officials failed to protect the refugees, a human rights group said.", "human rights group", ("NGO", None)),
    ("Police seized rifles from Chadian armed groups.", "Chadian armed groups", ("TCD", "REB")),
])
def test_group_phrases(coder, sentence, phrase, code):
    assert code_of(coder, sentence, phrase) == code


def test_a_name_after_a_bodys_noun_names_the_body(coder):
    sentence = "The authorities in Managua closed the opposition newspaper El Faro on Friday."
    coded = coder.code(sentence, date="2015-06-01")
    start = sentence.index("El Faro")
    actor = actors_in_span(coded, start, start + len("El Faro"))[0]
    assert (actor.kind, actor.sector) == ("group", "MED") and actor.country == "NIC"


def test_a_domestic_title_falls_back_on_the_sentence_but_an_envoy_does_not(coder):
    text = ("Mexico and the United States argued over trucks. The minister of the economy, Mr. Luis Vega, said "
            "Mexico would respond. The ambassador, Mr. Raul Soto, said Mexico would wait.")
    assert code_of(coder, text, "Mr. Luis Vega") == ("MEX", "GOV")
    assert code_of(coder, text, "Mr. Raul Soto")[0] is None


def test_an_officer_of_a_body_holds_no_state_office(coder):
    text = ("President Obama spoke on Monday. Jane Doe, president of the Tax Policy Institute, criticised "
            "the plan. The president of the union agreed with her.")
    coded = coder.code(text, date="2015-06-01")
    obama = next(a for a in coded.actors if a.name == "Obama")
    for phrase in ("president of the Tax Policy Institute", "The president of the union"):
        start = text.index(phrase)
        actor = actors_in_span(coded, start, start + len(phrase))[0]
        assert actor.id != obama.id and actor.sector != "GOV", phrase


# ----- peoples and ethnic groups ------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, phrase, code", [
    ("Ethnic Hungarians rallied in Romania on Sunday.", "Ethnic Hungarians", ("ROU", "CVL")),
    ("The Serbs of northern Kosovo held a vote.", "Serbs of northern Kosovo", ("XKX", "CVL")),
    ("Thousands of Kenyans marched through the capital.", "Kenyans", ("KEN", "CVL")),
    ("The Kenyans rejected the offer from their neighbours.", "Kenyans", ("KEN", None)),
    ("Zulu leaders met the provincial premier.", "Zulu leaders", ("ZAF", "ELI")),
    ("Uighur activists protested outside the embassy.", "Uighur activists", ("CHN", "OPP")),
])
def test_peoples(coder, sentence, phrase, code):
    assert code_of(coder, sentence, phrase) == code
