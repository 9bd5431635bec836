"""General mechanisms of the events stage, each on invented sentences: lists the parser reads as
appositions, modifiers that name no actor, stative passives of light verbs, the targets of conditional
threats, acts named only as a possibility, requests that are accepted, and a few verb senses."""
from __future__ import annotations

from test_events import code, triples


def test_list_read_as_apposition_is_coordination(coder):
    found = triples(code(coder, "The US, Russia, and Switzerland met yesterday"))
    pairs = {(s, t) for s, c, t in found if c.startswith("04")}
    assert {("USA", "RUS"), ("RUS", "CHE"), ("CHE", "USA")} <= pairs, found


def test_apposition_naming_the_same_actor_is_no_list(coder):
    found = triples(code(coder, "Vladimir Putin, the Russian president, met Chinese leaders in Beijing."))
    assert any(s == "RUS" and c.startswith("04") and t == "CHN" for s, c, t in found), found
    assert not any(s == t for s, c, t in found if s), found


def test_descriptive_adjective_is_no_source(coder):
    coded = code(coder, "Serb forces were engaged in ethnic cleansing against the Albanian population.")
    found = triples(coded)
    assert any(s == "SRB" and c[:2] == "20" and t == "ALB" for s, c, t in found), found


def test_modifier_of_a_modifier_names_the_source(coder):
    found = triples(code(coder, "Recent US drone strikes have killed eight al-Shabaab commanders."))
    assert any(s == "USA" and c[:2] in ("18", "19") for s, c, t in found), found


def test_event_noun_subject_of_hit_is_an_attack(coder):
    found = triples(code(coder, "Turkish air strikes hit northern Iraq on Sunday."))
    assert any(s == "TUR" and c[:2] == "19" and t == "IRQ" for s, c, t in found), found


def test_threat_is_aimed_at_whoever_must_meet_its_condition(coder):
    found = triples(code(coder, "Moscow threatened to suspend the arms talks if Washington deploys new missiles."))
    assert any(s == "RUS" and c[:2] == "13" and t == "USA" for s, c, t in found), found


def test_act_named_as_a_possibility_is_not_coded(coder):
    coded = code(coder, "The Greek premier said he was pessimistic about the chances of resuming talks with Turkey.")
    assert not any(e.cameo[:2] == "04" for e in coded.events), triples(coded)


def test_accepted_demand_is_the_demanded_act(coder):
    found = triples(code(coder, "The Kenyan government accepted demands from the opposition that it hold early "
                                "elections."))
    assert any(s == "KEN" and c[:2] == "08" for s, c, t in found), found
    assert not any(c[:2] == "10" for s, c, t in found), found


def test_postponing_a_protest_is_a_concession(coder):
    found = triples(code(coder, "Bolivian opposition leaders agreed to postpone the rally until next week."))
    assert any(c[:2] == "03" for s, c, t in found), found
    assert not any(c[:2] in ("13", "14") for s, c, t in found), found


def test_firing_at_a_target_is_an_attack(coder):
    found = triples(code(coder, "Iranian gunboats fired at Kuwaiti tankers in the Gulf."))
    assert any(s == "IRN" and c[:2] == "19" and t == "KWT" for s, c, t in found), found
    assert not code(coder, "The bank fired its chief executive on Monday.").events


def test_helping_a_country_is_aid_and_attending_a_summit_a_meeting(coder):
    found = triples(code(coder, "Chile helped Peru after the earthquake."))
    assert any(s == "CHL" and c[:2] == "07" and t == "PER" for s, c, t in found), found
    found = triples(code(coder, "The Ghanaian president will attend a summit in Nigeria next week."))
    assert any(s == "GHA" and c[:2] == "03" and t == "NGA" for s, c, t in found), found


def test_bombing_that_kills_is_one_incident_with_the_bombing_code(coder):
    coded = code(coder, "A roadside bombing near Kandahar killed two Canadian soldiers on Sunday.")
    assert any(e.cameo.startswith("183") for e in coded.events), triples(coded)
    assert not any(e.cameo == "190" for e in coded.events), triples(coded)


def test_wanting_another_actor_to_act_is_an_appeal(coder):
    found = triples(code(coder, "France would like Mali to hold elections soon."))
    assert any(s == "FRA" and c[:2] == "02" and t == "MLI" for s, c, t in found), found
    found = triples(code(coder, "The Kenyan president hopes Uganda will reopen the border."))
    assert not any(c[:2] == "02" for s, c, t in found), found


def test_arriving_peacekeepers_and_troops_are_deployments(coder):
    found = triples(code(coder, "Ukrainian peacekeepers arrived in Lebanon on Monday."))
    assert any(s == "UKR" and c == "074" and t == "LBN" for s, c, t in found), found
    found = triples(code(coder, "Russian troops arrived in Belarus on Tuesday."))
    assert any(s == "RUS" and c == "154" and t == "BLR" for s, c, t in found), found
    found = triples(code(coder, "The Chilean foreign minister arrived in Lima on Tuesday."))
    assert any(s == "CHL" and c[:2] == "04" and t == "PER" for s, c, t in found), found


def test_background_clauses_are_not_new_events(coder):
    coded = code(coder, "The rebels said they will release the ministers, whom they had taken hostage two weeks ago.")
    assert not any(e.cameo[:2] == "18" for e in coded.events), triples(coded)
    coded = code(coder, "Lebanon complained to the United Nations over two air raids in which 20 people were killed.")
    assert not any(e.cameo[:2] in ("18", "19") for e in coded.events), triples(coded)
    coded = code(coder, "Peru granted asylum to five officers holed up in an embassy since last month's US invasion.")
    assert not any(e.cameo[:2] == "19" for e in coded.events), triples(coded)


def test_past_perfect_main_clause_and_reported_speech_are_still_events(coder):
    found = triples(code(coder, "Kenya said it had released 20 Somali fishermen."))
    assert any(s == "KEN" and c[:3] == "084" and t == "SOM" for s, c, t in found), found
    found = triples(code(coder, "Turkish troops had shelled Syrian positions by Monday evening."))
    assert any(s == "TUR" and c[:2] == "19" and t == "SYR" for s, c, t in found), found


def test_target_that_is_a_policy_stands_for_its_owner(coder):
    found = triples(code(coder, "Students demonstrated in Seoul against the policies of the United States."))
    assert any(s == "KOR" and c[:2] == "14" and t == "USA" for s, c, t in found), found
    found = triples(code(coder, "Greek farmers protested against cuts by the European Union."))
    assert any(s == "GRC" and c[:2] == "14" and t == "IGO" for s, c, t in found), found


def test_forces_preparing_an_attack_show_military_power(coder):
    found = triples(code(coder, "The Syrian army prepared to resume shelling rebel-held areas of Aleppo."))
    assert any(s == "SYR" and c == "150" for s, c, t in found), found
    found = triples(code(coder, "The Syrian army is prepared to attack rebel positions near Aleppo."))
    assert any(s == "SYR" and c[:2] == "13" for s, c, t in found), found
    found = triples(code(coder, "Kenyan troops prepared to withdraw from Somalia."))
    assert any(s == "KEN" and c[:2] == "03" for s, c, t in found), found


def test_joint_exercises_of_two_countries_are_cooperation_both_ways(coder):
    found = triples(code(coder, "French and Egyptian warships launched ten days of war games in the Mediterranean."))
    assert {("FRA", "062", "EGY"), ("EGY", "062", "FRA")} <= found, found
