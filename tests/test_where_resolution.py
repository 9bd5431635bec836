"""Place resolution mechanisms, each on invented sentences: coherence by distance, kind cues, lists, joint
containers, one sense per name, ambiguous counties, minor and remote towns, mended spans, division points."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from tacitus.where.gazetteer import distance_km, gazetteer
from tacitus.where.hints import kind_cue, list_runs


def found(placed, text: str, name: str, nth: int = 0):
    _, coded = placed(text)
    return [p for p in coded.places if p.name == name][nth]


# --- ambiguous names between countries, states and towns --------------------------------------------------

def test_georgia_among_us_states_is_the_state(placed):
    place = found(placed, "Salmonella cases were confirmed in Alabama, Georgia and Tennessee on Friday.", "Georgia")
    assert (place.country, place.feature) == ("USA", "admin1")


def test_georgia_among_caucasus_countries_is_the_country(placed):
    place = found(placed, "Armenia, Azerbaijan and Georgia agreed to share data on the outbreak.", "Georgia")
    assert (place.country, place.feature) == ("GEO", "country")


def test_town_before_a_name_picks_the_reading_that_holds_it(placed):
    place = found(placed, "Samples were flown to a laboratory in Atlanta, Georgia, for testing.", "Georgia")
    assert (place.country, place.feature) == ("USA", "admin1")


def test_washington_with_state_cue_is_the_state(placed):
    place = found(placed, "The sick cow came from a Washington state dairy farm.", "Washington")
    assert (place.feature, place.admin1) == ("admin1", "Washington")
    assert place.lon < -115


def test_washington_in_a_list_of_states_is_the_state(placed):
    text = "Officials are investigating cases in Oregon, Idaho and Washington after the recall."
    place = found(placed, text, "Washington")
    assert place.feature == "admin1" and place.lon < -115


def test_washington_dc_and_the_seat_of_government(placed):
    place = found(placed, "A patient was admitted to a hospital in Washington, D.C. on Monday.", "Washington")
    assert place.feature == "city" and distance_km(place.lat, place.lon, 38.9, -77.0) < 20
    place = found(placed, "The envoy flew back to Washington for talks with the president.", "Washington")
    assert place.feature == "city" and distance_km(place.lat, place.lon, 38.9, -77.0) < 20


def test_state_named_in_a_list_keeps_its_reading_next_to_a_city(placed):
    """A clear name (Florida the state) is not turned into the hamlet of that name near New York City."""
    place = found(placed, "Letters were mailed to offices in New York City and Florida last year.", "Florida")
    assert place.feature == "admin1"


# --- counties ---------------------------------------------------------------------------------------------

def test_county_resolved_by_the_state_after_it_and_everywhere_after(placed):
    text = ("The clinic is in Scott County, Iowa, near the river. Nurses in Scott County said the number of "
            "cases doubled.")
    _, coded = placed(text)
    counties = [p for p in coded.places if p.name == "Scott County"]
    assert len(counties) == 2
    assert all((p.country, p.admin1, p.feature) == ("USA", "Iowa", "admin2") for p in counties)


def test_county_without_a_state_is_ambiguous(placed):
    place = found(placed, "Officials in Scott County declared a public health emergency on Tuesday.", "Scott County")
    assert not place.resolved and place.lat is None
    assert place.reason.startswith("ambiguous") and place.country == "USA"


def test_county_located_in_a_state_is_that_states(placed):
    place = found(placed, "Wild ducks in Clark County located in Ohio carried the virus.", "Clark County")
    assert (place.country, place.admin1, place.feature) == ("USA", "Ohio", "admin2")


def test_county_in_the_one_state_the_article_names(placed):
    """Counties of one name score level, but only one lies in a state the article names: the text says which."""
    text = "Illinois officials said the sick ducks were found in Fulton County last week."
    place = found(placed, text, "Fulton County")
    assert (place.admin1, place.feature) == ("Illinois", "admin2")


def test_state_pinned_by_its_town_joins_the_context(placed):
    """"Maryland" alone could be the Liberian county; "Frederick, Maryland" pins the US state, and the second
    reading, with that state in the context, places the county."""
    text = ("The patient was taken to a hospital in Frederick, Maryland. Frederick County health officials "
            "confirmed the case.")
    place = found(placed, text, "Frederick County")
    assert (place.admin1, place.feature) == ("Maryland", "admin2")


def test_county_resolved_by_a_city_near_it(placed):
    text = "Mosquito spraying began in Dallas on Friday. Dallas County officials declared an emergency."
    place = found(placed, text, "Dallas County")
    assert (place.feature, place.admin1) == ("admin2", "Texas")


# --- suburbs, parks, small and remote towns ------------------------------------------------------------------

def test_suburb_named_in_the_city_is_near_it(placed):
    text = "Horses were held at a quarantine station at Eastern Creek in Sydney after the outbreak."
    place = found(placed, text, "Eastern Creek")
    assert place.country == "AUS" and distance_km(place.lat, place.lon, -33.87, 151.21) < 60


def test_park_near_the_article_city_beats_a_namesake_abroad(placed):
    text = ("Sydney vets said horses at Centennial Park were infected. Riders in Sydney were told to stay "
            "home.")
    place = found(placed, text, "Centennial Park")
    assert place.country == "AUS" and distance_km(place.lat, place.lon, -33.87, 151.21) < 60


def test_facility_named_like_a_far_town_is_no_place(placed):
    """There is a town called White House in Tennessee; the White House in a story from Washington is none."""
    _, coded = placed("The president met senators at the White House in Washington on Monday.")
    assert "White House" not in {p.name for p in coded.places}


def test_minor_town_far_from_the_article_stays_unresolved(placed):
    """Cattai is an Australian village of 800 people; in a story about France it is no reading to trust."""
    text = "French officials in Paris and Lyon said the festival in Cattai drew large crowds."
    place = found(placed, text, "Cattai")
    assert not place.resolved and "small towns" in place.reason


def test_remote_small_namesake_is_not_taken(placed):
    """A London street shares its name with an Australian village: no point rather than a wrong one."""
    text = "British police said the men met at a sushi bar in Piccadilly, in central London."
    place = found(placed, text, "Piccadilly")
    assert place.country != "AUS"


def test_town_missing_from_the_named_province_stays_unresolved(placed):
    text = "The driver was stopped on a highway in Stroud, Ontario, on Sunday."
    place = found(placed, text, "Stroud")
    assert not place.resolved and "Ontario" in place.reason


# --- spans and spellings ---------------------------------------------------------------------------------

def test_name_cut_short_by_the_tagger_is_mended(placed):
    _, coded = placed("Plague has killed 61 people in the Democratic Republic of the Congo, the WHO said.")
    congo = [p for p in coded.places if p.country == "COD"]
    assert congo and "Congo" in congo[0].name


def test_place_inside_a_longer_organisation_name(placed):
    _, coded = placed("Santa Ana City Council member Jose Perez said the plant must close.")
    assert any(p.name == "Santa Ana" and p.country == "USA" for p in coded.places)


def test_agency_state_abbreviation_is_a_container(placed):
    _, coded = placed("The refugees settled in Everett, Wash., last spring, the agency said.")
    everett = next(p for p in coded.places if p.name == "Everett")
    assert (everett.country, everett.admin1) == ("USA", "Washington")


def test_spellings_meet_in_the_index():
    gaz = gazetteer()
    assert any(e.cc == "HT" for e in gaz.lookup("St. Marc"))  # Saint-Marc, Haiti
    assert any(e.cc == "CD" for e in gaz.lookup("Kasai Occidental"))  # Kasai-Occidental
    assert any(e.cc == "SD" for e in gaz.lookup("South Darfur"))  # Southern Darfur
    assert any(e.cc == "PH" and e.feature == "admin2" for e in gaz.lookup("Pangasinan"))  # Province of ...


def test_former_state_reads_as_its_successor(placed):
    place = found(placed, "The Soviet Union reportedly prepared the virus as a weapon.", "Soviet Union")
    assert place.country == "RUS"


def test_constituent_countries_are_divisions_of_the_uk(placed):
    _, coded = placed("Cases rose in England, Scotland and Wales last week.")
    assert {(p.name, p.country, p.feature) for p in coded.places} == {
        ("England", "GBR", "admin1"), ("Scotland", "GBR", "admin1"), ("Wales", "GBR", "admin1")}


# --- hints -------------------------------------------------------------------------------------------------

def test_kind_cues_and_lists(nlp):
    from tacitus import nlp as nlp_layer

    doc = next(nlp_layer.parse(["Farms in the state of Kansas, Iowa and Ohio and in Dallas County suffered."], nlp))
    kansas, iowa, ohio = doc[5:6], doc[7:8], doc[9:10]
    assert kind_cue(kansas) == "admin1" and kind_cue(doc[12:13]) == "admin2"  # "Dallas" before "County"
    assert list_runs([kansas, iowa, ohio], doc.text) == [[0, 1, 2]]
    chain = next(nlp_layer.parse(["He lives in Stroud, Ontario, Canada."], nlp))
    assert list_runs([chain[3:4], chain[5:6], chain[7:8]], chain.text) == []  # containers, no list


# --- division points -----------------------------------------------------------------------------------------

def test_division_points_are_not_pulled_to_where_people_live():
    """Ontario's towns crowd its south and Queensland's its east coast; the point sits in the middle of the
    division's land instead (towns' box middle: Ontario 46.6 N, Queensland 146.5 E)."""
    gaz = gazetteer()
    ontario = next(e for e in gaz.lookup("Ontario") if e.feature == "admin1")
    queensland = next(e for e in gaz.lookup("Queensland") if e.feature == "admin1")
    assert ontario.lat > 48.5 and queensland.lon < 145.5


def _build_script():
    path = Path(__file__).resolve().parents[1] / "scripts" / "build_places.py"
    spec = importlib.util.spec_from_file_location("build_places", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_voronoi_area_centre_on_a_square_country():
    """Two divisions of a 10 x 10 degree country: west with towns huddled on its coast, east with one town.
    Each division's point is the centre of the land nearest its towns, not the mean of its towns; a town
    misfiled far inside the other division is left out."""
    build = _build_script()
    square = [[[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]]]
    towns = [(lat, 0.5, "West") for lat in (4.0, 4.5, 5.0, 5.5, 6.0)]
    towns += [(lat, lon, "East") for lat in (2.0, 5.0, 8.0) for lon in (9.0, 9.25, 9.5)]
    towns += [(5.0, 7.0, "West")]  # misfiled: all its neighbours are eastern towns
    points = build.division_points(towns, square)
    assert 1.8 < points["West"][1] < 2.8  # the middle of the west's land, not 0.5 where its towns are (3.3
    assert points["East"][1] > 6.5  # if the misfiled town claimed the land around it)
    assert build.short_name("Province of Pangasinan") == "Pangasinan"
    assert build.short_name("Departement de la Somme") == "Somme"


# --- country points ------------------------------------------------------------------------------------------

def test_country_points_lie_inside_their_outlines_bounds():
    """A sanity check of the build: every country with an outline has its point inside the outline's
    latitude/longitude box (a swapped lat/lon, a wrapped longitude or a stray polygon would leave it)."""
    from tacitus.resources import read_table

    boxes = {r["iso2"]: r for r in read_table("where", "country_bounds.tsv")}
    countries = read_table("where", "countries.tsv")
    checked = [r for r in countries if r["iso2"] in boxes]
    assert len(checked) >= 150  # most countries have an outline: the check is not vacuous
    # a margin of 2 degrees: the outlines are Natural Earth's smallest scale, which drops far islets (the
    # eastern Bahamas), while Factbook's reference points, kept where no landmass stands for a country, do not
    margin = 2.0
    outside = [r["iso2"] for r in checked
               if not (float(boxes[r["iso2"]]["south"]) - margin <= float(r["lat"]) <=
                       float(boxes[r["iso2"]]["north"]) + margin
                       and float(boxes[r["iso2"]]["west"]) - margin <= float(r["lon"]) <=
                       float(boxes[r["iso2"]]["east"]) + margin)]
    assert outside == []
    assert all(-90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180 for r in countries)


def test_country_point_is_the_equal_area_centre_of_the_largest_polygon():
    """An invented country: a mainland from the equator to 60 N and a far island. The point is the centre of
    the mainland's area, which lies south of its middle latitude (land near the pole is narrower)."""
    build = _build_script()
    mainland = [[[0, 0], [20, 0], [20, 60], [0, 60], [0, 0]]]
    island = [[[100, 10], [102, 10], [102, 12], [100, 12], [100, 10]]]
    lat, lon = build.CENTRES["largest-area-on-land"]([island, mainland])
    assert lon == pytest.approx(10.0, abs=1e-6)
    assert lat == pytest.approx(25.66, abs=0.01)  # asin((sin 0 + sin 60) / 2), not 30


def test_country_point_is_the_reference_point_when_no_landmass_stands_for_the_country():
    """The default rule: a mainland holding most of the land gives its area centre; an invented archipelago
    of three equal islands (the largest holds a third of the land) and a crescent (its centre lies off it)
    have no such mainland and keep the Factbook's reference point (None from the rule)."""
    build = _build_script()
    assert build.DEFAULT_CENTRE == "mainland-or-factbook"
    mainland = [[[0, 0], [20, 0], [20, 60], [0, 60], [0, 0]]]
    island = [[[100, 10], [102, 10], [102, 12], [100, 12], [100, 10]]]
    lat, lon = build.CENTRES["mainland-or-factbook"]([island, mainland])
    assert (lat, lon) == pytest.approx((25.66, 10.0), abs=0.01)
    islands = [[[[x, 0], [x + 2, 0], [x + 2, 2], [x, 2], [x, 0]]] for x in (0, 5, 10)]
    assert build.CENTRES["mainland-or-factbook"](islands) is None
    c_shape = [[[0, 0], [10, 0], [10, 3], [3, 3], [3, 7], [10, 7], [10, 10], [0, 10], [0, 0]]]
    assert build.CENTRES["mainland-or-factbook"]([c_shape]) is None


def test_country_point_stays_on_land_when_the_centre_falls_outside():
    """A C-shaped country (a 10 x 10 degree square with its eastern middle cut out): its area centre lies in
    the cut, so the point moves to the place inside the C farthest from its edges."""
    build = _build_script()
    c_shape = [[[0, 0], [10, 0], [10, 3], [3, 3], [3, 7], [10, 7], [10, 10], [0, 10], [0, 0]]]
    lat, lon = build.area_centre([c_shape])
    assert 3 < lat < 7 and lon > 3  # in the cut, off the land
    lat, lon = build.CENTRES["largest-area-on-land"]([c_shape])
    assert lon < 3 or not 3 < lat < 7  # on the land
    assert 0 < lat < 10 and 0 < lon < 10
