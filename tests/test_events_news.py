"""The events coder on invented wire-style paragraphs of political interactions (none copied from any gold or
published text): the key event of each, as source country, CAMEO root and target country."""
from __future__ import annotations

import pytest

DATE = "2025-03-14"


def country(coded, actor_id):
    return coded.actor(actor_id).country if actor_id else None


def key_events(coded, root: str) -> list[tuple[str | None, str | None]]:
    return [(country(coded, e.source), country(coded, e.target)) for e in coded.events if e.cameo[:2] == root]


@pytest.mark.parametrize("text, source, root, target", [
    ("ANKARA, March 13 - Kenyan President Samuel Otieno arrived in Ankara on Thursday for a two-day state visit "
     "and held talks with Turkish President Mehmet Arslan on trade and security cooperation.", "KEN", "04", "TUR"),
    ("Vietnam and South Korea signed an agreement on Wednesday to expand cooperation in shipbuilding and renewable "
     "energy, Vietnamese Foreign Minister Tran Van Hoa said after a ceremony in Hanoi.", "VNM", "05", "KOR"),
    ("The European Union imposed sanctions on Belarus on Friday over its crackdown on independent journalists, "
     "freezing the assets of twelve officials.", "IGO", "16", "BLR"),
    ("Israeli warplanes struck targets in southern Lebanon overnight, killing four people, Lebanese officials said "
     "on Friday.", "ISR", "19", "LBN"),
    ("Police in Georgia fired tear gas and water cannon to disperse thousands of opposition supporters who had "
     "gathered outside parliament in Tbilisi on Thursday.", "GEO", "17", "GEO"),
    ("Security forces in Tanzania arrested opposition leader Joseph Mwakalinga at his home in Dar es Salaam on "
     "Wednesday, his party said.", "TZA", "17", "TZA"),
    ("Poland expelled a Russian diplomat on Thursday, accusing him of spying, the Polish Foreign Ministry said.",
     "POL", "16", "RUS"),
    ("Japan pledged $50 million in humanitarian aid to Sudan on Friday, Japanese Foreign Minister Kenji Watanabe "
     "announced.", "JPN", "03", "SDN"),
    ("Armenia accused Azerbaijan on Thursday of violating the ceasefire by shelling villages along the border, a "
     "charge Baku rejected.", "ARM", "11", "AZE"),
    ("Iran threatened on Friday to retaliate against Israel if it attacked Iranian nuclear facilities, Iranian "
     "Defence Minister Hossein Karimi said.", "IRN", "13", "ISR"),
    ("Ukraine rejected a Russian proposal for a temporary truce on Friday, saying Moscow would use the pause to "
     "regroup its forces.", "UKR", "12", "RUS"),
    ("Indian Prime Minister Rajesh Mehta congratulated Sri Lanka on Friday on its peaceful elections and praised "
     "the country's new president.", "IND", "05", "LKA"),
    ("Qatar is mediating peace talks between the Democratic Republic of Congo and Rwanda, Qatari Foreign Minister "
     "Khalid Al-Mansouri said on Thursday.", "QAT", "04", "RWA"),
    ("French President Claire Dubois visited Nigeria on Wednesday and promised to increase military assistance "
     "to the West African country.", "FRA", "04", "NGA"),
])
def test_key_event_of_a_news_paragraph(coder, text, source, root, target):
    coded = coder.code(text, date=DATE)
    assert (source, target) in key_events(coded, root)


def test_victims_of_a_strike_are_of_the_country_struck_not_the_attackers(coder):
    coded = coder.code("Israeli warplanes struck targets in southern Lebanon overnight, killing four people, "
                       "Lebanese officials said on Friday.", date=DATE)
    people = next(a for a in coded.actors if a.name == "four people")
    assert people.country == "LBN"


def test_promising_more_military_assistance_is_an_intent_to_aid_not_a_threat(coder):
    coded = coder.code("French President Claire Dubois visited Nigeria on Wednesday and promised to increase "
                       "military assistance to the West African country.", date=DATE)
    promised = [e for e in coded.events if e.rule.startswith("verbs.tsv:promise")]
    assert promised and promised[0].cameo.startswith("033")
    assert not any(e.cameo.startswith("13") for e in coded.events)


def test_the_manner_of_an_alleged_act_is_alleged_too_not_the_accusers_act(coder):
    coded = coder.code("Armenia accused Azerbaijan on Thursday of violating the ceasefire by shelling villages "
                       "along the border, a charge Baku rejected.", date=DATE)
    assert not any(e.cameo.startswith(("18", "19", "20")) and country(coded, e.source) == "ARM"
                   for e in coded.events)


def test_a_sum_in_humanitarian_aid_is_humanitarian_aid_not_economic(coder):
    coded = coder.code("Japan pledged $50 million in humanitarian aid to Sudan on Friday, Japanese Foreign Minister "
                       "Kenji Watanabe announced.", date=DATE)
    pledged = [e for e in coded.events if e.rule.startswith("verbs.tsv:pledge")]
    assert pledged and pledged[0].cameo == "0333" and country(coded, pledged[0].target) == "SDN"


def test_who_is_condemned_for_an_act_did_it(coder):
    coded = coder.code("Venezuelan Foreign Minister Luis Castillo condemned the United States on Friday for seizing "
                       "an oil tanker in the Caribbean.", date=DATE)
    assert ("VEN", "USA") in key_events(coded, "11")
    seized = [e for e in coded.events if e.rule == "verbs.tsv:seize"]
    assert seized and country(coded, seized[0].source) == "USA"
