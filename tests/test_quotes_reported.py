"""Reported speech, beliefs and intentions on invented sentences: one test per mechanism of
``tacitus.quotes.reported`` (content boundaries, complements, passive and raising cues, noun, adjective and
source-preposition cues, relative clauses, asides)."""
from __future__ import annotations

import pytest

from tacitus.model import Article, CodedArticle
from tacitus.pipeline import sentences_of
from tacitus.quotes import QuoteStage


@pytest.fixture(scope="module")
def found(nlp):
    """Parse a text, run the quotes stage alone, return (content pieces joined by ' | ', speaker, cue)."""
    from tacitus import nlp as nlp_layer

    stage = QuoteStage()

    def _found(text: str) -> list[tuple[str, str | None, str | None]]:
        doc = next(nlp_layer.parse([text], nlp))
        coded = CodedArticle(article=Article(text=text), sentences=sentences_of(doc))
        stage(doc, coded)
        return [(" | ".join(coded.span_text(s) for s in q.content), coded.span_text(q.speaker_span), q.cue_text)
                for q in coded.quotes]
    return _found


def by_cue(found_quotes, cue: str):
    hits = [q for q in found_quotes if q[2] == cue]
    assert hits, f"no quote with cue {cue!r} in {found_quotes}"
    return hits[0]


# -- content boundaries ------------------------------------------------------------------------------------

def test_content_runs_to_the_closing_mark_of_a_quotation_it_opens(found):
    content, _, _ = by_cue(found('The engineer said the dam was "perfectly safe." Nobody believed her.'), "said")
    assert content == 'the dam was "perfectly safe."'


def test_trailing_apposition_is_left_out(found):
    content, _, _ = by_cue(found("The minister said he would cut 300 jobs, the deepest cut in a decade."), "said")
    assert content == "he would cut 300 jobs"


def test_trailing_relative_clause_is_left_out(found):
    content, _, _ = by_cue(found("She said the agency had been wrong, which angered the crowd."), "said")
    assert content == "the agency had been wrong"


# -- objects and their complements -------------------------------------------------------------------------

def test_object_with_predicate(found):
    assert by_cue(found("The senator called the plan a disaster."), "called") == (
        "the plan a disaster", "The senator", "called")


def test_object_with_infinitive(found):
    content, speaker, _ = by_cue(found("The union urged its members to reject the offer."), "urged")
    assert (content, speaker) == ("its members to reject the offer", "The union")


def test_object_with_as_phrase(found):
    content, _, _ = by_cue(found("The governor described the storm as a catastrophe."), "described")
    assert content == "the storm as a catastrophe"


def test_accused_of(found):
    content, _, _ = by_cue(found("The mayor accused the contractor of hiding the defects."), "accused")
    assert content == "the contractor of hiding the defects"


def test_called_for_a_clause(found):
    content, speaker, _ = by_cue(found("The opposition called for the minister to resign."), "called")
    assert (content, speaker) == ("the minister to resign", "The opposition")


def test_one_named_object_is_a_content(found):
    assert by_cue(found("The dockers' union endorsed Morales."), "endorsed")[0] == "Morales"


def test_a_lone_pronoun_object_that_is_a_person_is_not(found):
    assert found("The teacher told him on Monday.") == []


def test_imperative_is_not_an_attribution(found):
    assert found("See the full results below.") == []


# -- passive, raising and lemma corrections -----------------------------------------------------------------

def test_passive_subject_is_content_and_agent_the_source(found):
    content, speaker, _ = by_cue(found("The deal was criticized as too weak by the farmers' union."),
                                 "was criticized")
    assert content == "The deal | as too weak" and speaker == "the farmers' union"


def test_expected_to(found):
    content, speaker, _ = by_cue(found("The incumbent is expected to win the runoff."), "is expected")
    assert content == "The incumbent | to win the runoff" and speaker is None


def test_raising_verb_has_no_source(found):
    assert found("The governor appears to be losing support.") == [
        ("The governor | to be losing support", None, "appears")]


def test_mislemmatized_hope_is_a_cue(found):
    content, speaker, _ = by_cue(found("The farmers hoped the rain would come early."), "hoped")
    assert (content, speaker) == ("the rain would come early", "The farmers")


# -- nouns, adjectives, source prepositions -----------------------------------------------------------------

def test_noun_with_preposition(found):
    content, speaker, _ = by_cue(found("Her criticism of the budget surprised her colleagues."), "criticism")
    assert (content, speaker) == ("the budget", "Her")


def test_noun_with_infinitive(found):
    content, speaker, _ = by_cue(found("His decision to resign shocked the party."), "decision")
    assert (content, speaker) == ("to resign", "His")


def test_adjective_with_clause(found):
    content, speaker, _ = by_cue(found("The farmers are confident that prices will rise."), "confident")
    assert (content, speaker) == ("that prices will rise", "The farmers")


def test_adjective_with_preposition(found):
    content, speaker, _ = by_cue(found("Several senators were critical of the new tariff."), "critical")
    assert (content, speaker) == ("the new tariff", "Several senators")


def test_in_a_poll(found):
    content, speaker, _ = by_cue(found("The mayor leads comfortably in a new poll."), "in")
    assert (content, speaker) == ("The mayor leads comfortably", "a new poll")


def test_in_her_view(found):
    content, speaker, _ = by_cue(found("The treaty is a mistake, in the senator's view."), "in")
    assert content == "The treaty is a mistake" and speaker.startswith("the senator")


def test_said_in_an_interview_keeps_the_verb_as_cue(found):
    assert [q[2] for q in found("The minister said in an interview that the talks had failed.")] == ["said"]


def test_topic_preposition(found):
    """A cue with no content of its own and no entry with this preposition takes what it is about."""
    content, speaker, _ = by_cue(found("The general testified about the raid."), "testified")
    assert (content, speaker) == ("the raid", "The general")


# -- relative clauses -------------------------------------------------------------------------------------

def test_relative_pronoun_source_is_its_own_span(found):
    content, speaker, _ = by_cue(found("Ana Ruiz, who said the count was rigged, left the hall."), "said")
    assert (content, speaker) == ("the count was rigged", "who")


def test_relative_pronoun_source_speaks_for_its_antecedent(coder):
    coded = coder.code("President Ana Ruiz, who said the count was rigged, left the hall.")
    quote = next(q for q in coded.quotes if q.cue_text == "said")
    named = next(m for m in coded.mentions if coded.span_text((m.start, m.end)).endswith("Ruiz"))
    assert quote.speaker is not None and quote.speaker == named.actor


def test_cue_inside_a_relative_clause(found):
    content, speaker, _ = by_cue(found("The ministry cited new rules, which it said had cut emissions."), "said")
    assert (content, speaker) == ("which | had cut emissions", "it")


def test_that_clause_after_a_verb_outside_the_lexicon(found):
    assert found("The panel reasoned that the law was void.") == [
        ("that the law was void", "The panel", "reasoned")]


def test_time_adjunct_stays_out_of_an_object_content(found):
    assert by_cue(found("The union endorsed the new contract on Friday."), "endorsed")[0] == "the new contract"


# -- sources of participles and nouns -------------------------------------------------------------------

def test_participle_after_a_preposition_takes_the_subject_of_its_verb(found):
    assert by_cue(found("After saying the plan was dead, the senator left the room."), "saying")[1] == "the senator"


def test_participle_on_a_noun_takes_the_noun_as_source(found):
    assert by_cue(found("An outside group backing the senator spent millions."), "backing")[1:] == (
        "An outside group", "backing")


def test_noun_cue_after_in_takes_the_subject_of_its_verb(found):
    quotes = found("The ministry went further in a statement that the dam had cracked.")
    content, speaker, _ = by_cue(quotes, "statement")
    assert content == "that the dam had cracked" and speaker == "The ministry"


# -- headlines ----------------------------------------------------------------------------------------------

def test_title_case_headline(found):
    quotes = found("Farmers Union Leader Praises New Water Plan\n\nThe plan was published on Monday.")
    assert quotes[0] == ("New Water Plan", "Farmers Union Leader", "Praises")


def test_only_title_case_lines_are_headlines(nlp):
    from tacitus import nlp as nlp_layer
    from tacitus.quotes import headlines
    from tacitus.quotes.context import DocContext

    doc = next(nlp_layer.parse(["Farmers Union Leader Praises New Water Plan\n\n"
                                "The farmers union leader praised the new water plan."], nlp))
    ctx = DocContext.of(doc)
    assert [headlines.is_title(ctx, lo, hi) for lo, hi in headlines.lines(ctx)] == [True, False]


def test_gerund_complement(found):
    assert by_cue(found("The minister admitted using the loophole."), "admitted")[0] == "using the loophole"


def test_object_with_predicate_adjective(found):
    assert by_cue(found("The panel deemed those statements false."), "deemed")[0] == "those statements false"


def test_preposition_before_the_verb_is_no_particle_of_it(found):
    content, speaker, _ = by_cue(found("On television, the senator called the mayor “a coward.”"), "called")
    assert content == "the mayor “a coward.”" and speaker == "the senator"


def test_participle_on_an_issued_message_takes_its_issuer(found):
    content, speaker, _ = by_cue(found("The campaign issued a statement saying the rally was postponed."), "saying")
    assert (content, speaker) == ("the rally was postponed", "The campaign")


def test_passive_participle_on_a_noun_has_no_source(found):
    quotes = found("The navy sent two frigates, expected to be joined later by a tanker.")
    content, speaker, _ = by_cue(quotes, "expected")
    assert content == "to be joined later by a tanker" and speaker is None


def test_run_on_paragraph_is_linear(nlp):
    """One sentence of ~1,600 clauses, each with a cue and an opened quotation: every content is checked
    in constant time, not by walking the whole sentence again."""
    import time

    from tacitus import nlp as nlp_layer

    text = 'The spokesman said that the road "would reopen soon and traffic would flow, ' * 300
    doc = next(nlp_layer.parse([text], nlp))
    coded = CodedArticle(article=Article(text=text), sentences=sentences_of(doc))
    start = time.perf_counter()
    QuoteStage()(doc, coded)
    assert time.perf_counter() - start < 2.0
    assert coded.quotes


def test_dangling_conjunction_is_trimmed():
    from tacitus.quotes.reported import trim

    class Tok:
        def __init__(self, text, dep):
            self.text, self.dep_ = text, dep
            self.is_space, self.is_punct = text.isspace(), text in ",."

    doc = [Tok("she", "nsubj"), Tok("met", "ROOT"), Tok("him", "dobj"), Tok("but", "cc"), Tok(",", "punct")]
    assert trim(doc, 0, 5) == (0, 3)


def test_pressing_rating_unveiling_and_ignoring_are_cues(found):
    quotes = found("The mayor pressed the council to fund the shelters. The fact checkers rated the claim false. "
                   "The ministry unveiled a plan for rural clinics. The board ignored the warnings of the auditors.")
    assert by_cue(quotes, "pressed")[0] == "the council to fund the shelters"
    assert by_cue(quotes, "rated")[0].startswith("the claim")
    assert by_cue(quotes, "unveiled")[0] == "a plan for rural clinics"
    assert by_cue(quotes, "ignored")[0] == "the warnings of the auditors"
