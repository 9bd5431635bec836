"""The quotes stage on invented sentences: every layout of direct quotes, reported speech, speakers, the
token extension, and bad input."""
from __future__ import annotations

import time

import pytest

from tacitus.model import Article, CodedArticle
from tacitus.pipeline import sentences_of
from tacitus.quotes import QuoteStage


@pytest.fixture(scope="module")
def stage():
    return QuoteStage()


@pytest.fixture(scope="module")
def run(nlp, stage):
    """Parse a text and run the quotes stage alone; return the coded article and the doc."""
    from tacitus import nlp as nlp_layer

    def _run(text: str):
        doc = next(nlp_layer.parse([text], nlp))
        coded = CodedArticle(article=Article(text=text), sentences=sentences_of(doc))
        stage(doc, coded)
        return coded, doc
    return _run


def quotes(coded: CodedArticle) -> list[tuple[str, str | None, str | None, bool]]:
    """(content, speaker text, cue text, direct) for each quote; content parts joined with ' | '."""
    return [(" | ".join(coded.span_text(s) for s in q.content), coded.span_text(q.speaker_span), q.cue_text,
             q.direct) for q in coded.quotes]


def direct(coded: CodedArticle):
    return [q for q in quotes(coded) if q[3]]


# -- direct quotes, every layout ---------------------------------------------------------------------------

def test_speaker_colon_quote(run):
    coded, _ = run('The harbour master said: "The ships will sail at dawn."')
    assert direct(coded) == [('"The ships will sail at dawn."', "The harbour master", "said", True)]


def test_quote_comma_speaker_said(run):
    coded, _ = run("“We have no plans to close the mine,” Maria Okafor said on Tuesday.")
    assert direct(coded) == [("“We have no plans to close the mine,”", "Maria Okafor", "said", True)]


def test_quote_said_speaker_with_apposition(run):
    coded, _ = run('"The bridge is safe," said Tomas Berg, a spokesman for the city council.')
    content, speaker, cue, _ = direct(coded)[0]
    assert content == '"The bridge is safe,"' and cue == "said"
    assert speaker.startswith("Tomas Berg")


def test_quote_according_to(run):
    coded, _ = run('"Prices will fall next year", according to the central bank governor.')
    content, speaker, cue, _ = direct(coded)[0]
    assert content == '"Prices will fall next year"'
    assert cue == "according to" and speaker == "the central bank governor"


def test_split_quote_is_one_quote(run):
    coded, _ = run("“The talks went well,” the envoy said, “but nothing is signed yet.”")
    assert direct(coded) == [("“The talks went well,” | “but nothing is signed yet.”", "the envoy", "said", True)]


def test_quote_over_several_sentences(run):
    coded, _ = run('The mayor said: "The dam held. The water is falling. Nobody was hurt."')
    assert direct(coded)[0][0] == '"The dam held. The water is falling. Nobody was hurt."'


def test_next_sentence_quote_continues_the_speaker(run):
    coded, _ = run("“We will appeal,” the lawyer said. “The verdict ignores the evidence.”")
    assert direct(coded) == [("“We will appeal,” | “The verdict ignores the evidence.”", "the lawyer", "said", True)]


def test_paragraph_convention_over_several_paragraphs(run):
    text = ("The governor said: “We lost the harvest this year.\n\n“We will ask for help from the capital.\n\n"
            "“And we will rebuild the canals.”\n\nThe meeting ended at noon.")
    coded, _ = run(text)
    (content, speaker, cue, _), = direct(coded)
    assert content.count(" | ") == 2 and content.endswith("canals.”")
    assert (speaker, cue) == ("The governor", "said")


def test_bare_quote_paragraph_continues_the_last_speaker(run):
    text = ("“The border stays open,” said Interior Minister Ana Ruiz.\n\n"
            "“Nobody will be turned away without a hearing.”")
    coded, _ = run(text)
    (content, speaker, _, _), = direct(coded)
    assert content.endswith("hearing.”") and " | " in content
    assert speaker == "Interior Minister Ana Ruiz"


def test_bare_quote_after_reported_speech_takes_its_speaker(run):
    text = "The trade envoy stressed the value of open ports. “We cannot trade through closed doors.”"
    coded, _ = run(text)
    assert ("“We cannot trade through closed doors.”", "The trade envoy", None, True) in quotes(coded)


def test_nested_quotes(run):
    coded, _ = run("“He told me ‘never again’ and I believed him,” the witness said.")
    assert direct(coded) == [("“He told me ‘never again’ and I believed him,”", "the witness", "said", True)]


def test_scare_quotes_are_not_quotes_of_a_speaker(run):
    coded, _ = run('The so-called "peace plan" was published on Monday by the ministry.')
    assert direct(coded) == []


def test_title_in_quotes_is_not_a_quote(run):
    coded, _ = run('She appeared on "Morning Politics" last week.')
    assert direct(coded) == []


def test_dash_tag(run):
    coded, _ = run("“Freedom is never given; it is won.” ― Amara Osei\n\nThe rally ended late.")
    (content, speaker, cue, _), = direct(coded)
    assert content == "“Freedom is never given; it is won.”" and speaker == "Amara Osei" and cue == "―"


def test_second_cue_in_the_frame_makes_its_own_quote(run):
    coded, _ = run("“We will win,” the candidate said, adding, “The polls are wrong.”")
    found = direct(coded)
    assert [q[0] for q in found] == ["“We will win,”", "“The polls are wrong.”"]
    assert [q[1] for q in found] == ["the candidate", "the candidate"]


# -- reported speech ---------------------------------------------------------------------------------------

def test_said_that(run):
    coded, _ = run("The finance minister said that the budget would be cut by ten percent.")
    assert quotes(coded) == [("that the budget would be cut by ten percent", "The finance minister", "said", False)]


def test_pointed_out(run):
    coded, _ = run("In turn, the governor pointed out the rapid growth of the regional economy.")
    assert quotes(coded) == [("the rapid growth of the regional economy", "the governor", "pointed out", False)]


def test_underlined_the_importance_of(run):
    coded, _ = run("The ambassador underlined the importance of the new fishing agreement.")
    content, speaker, cue, is_direct = quotes(coded)[0]
    assert content.startswith("the importance of the new fishing agreement")
    assert (speaker, cue, is_direct) == ("The ambassador", "underlined", False)


def test_according_to_reported(run):
    coded, _ = run("According to the health ministry, forty people were treated in hospital.")
    assert quotes(coded) == [("forty people were treated in hospital", "the health ministry", "According to",
                              False)]


def test_interrupting_cue(run):
    coded, _ = run("The plan, the senator said, is dead.")
    (content, speaker, cue, is_direct), = quotes(coded)
    assert "The plan" in content and "is dead" in content and "senator said" not in content
    assert (speaker, cue, is_direct) == ("the senator", "said", False)


def test_pronoun_speaker(run):
    coded, _ = run("He said the factory would reopen in May.")
    assert quotes(coded)[0][1:] == ("He", "said", False)


def test_only_the_outermost_attribution(run):
    coded, _ = run("The minister said the opposition believes that the vote was rigged.")
    assert [q[2] for q in quotes(coded)] == ["said"]


def test_passive_cue_has_no_source(run):
    coded, _ = run("The workers were told that the plant would close.")
    assert quotes(coded) == [("that the plant would close", None, "were told", False)]


def test_mixed_quote_is_reported_speech(run):
    coded, _ = run('The general said the rebels had been "reduced to rubble" in the north.')
    assert quotes(coded) == [('the rebels had been "reduced to rubble" in the north', "The general", "said", False)]


# -- records, token extension, bad input ------------------------------------------------------------------

def test_token_extension_and_record_fields(run):
    text = 'Officials met on Monday. The minister said: "I will resign."'
    coded, doc = run(text)
    q = coded.quotes[0]
    assert q.id == "q1" and q.sentence == 1 and coded.span_text(q.cue) == "said"
    inside = [t.text for t in doc if t._.quote == "q1"]
    assert inside == ['"', "I", "will", "resign", ".", '"']
    assert all(t._.quote is None for t in doc if t.idx < q.content[0][0])


def test_unattributed_quote_gets_a_warning(run):
    coded, _ = run("The hall was quiet.\n\n“No one will forget this night.”")
    assert direct(coded) == [("“No one will forget this night.”", None, None, True)]
    assert any("q1" in w and "no speaker" in w for w in coded.warnings)


def test_unbalanced_marks_do_not_crash(run):
    coded, _ = run('The mayor said: "We will rebuild the town\n\nThe storm hit on Monday. "Then, he said.')
    assert any("unbalanced" in w for w in coded.warnings)
    assert direct(coded)[0][:3] == ('"We will rebuild the town', "The mayor", "said")


def test_long_paragraph_is_fast(run):
    sentence = 'The spokesman said that the road "would reopen soon and traffic would flow. '
    text = sentence * 400  # ~30,000 characters in one paragraph, every quotation mark unbalanced
    start = time.perf_counter()
    coded, doc = run(text)
    parse_and_stage = time.perf_counter() - start
    stage_start = time.perf_counter()
    QuoteStage()(doc, CodedArticle(article=Article(text=text), sentences=sentences_of(doc)))
    assert time.perf_counter() - stage_start < max(2.0, parse_and_stage / 2)
    assert coded.quotes and len(coded.warnings) <= 12


def test_reported_can_be_switched_off(nlp):
    from tacitus import nlp as nlp_layer

    text = 'He said that taxes would rise. "We will see," she said.'
    doc = next(nlp_layer.parse([text], nlp))
    coded = CodedArticle(article=Article(text=text), sentences=sentences_of(doc))
    QuoteStage(reported=False)(doc, coded)
    assert [q.direct for q in coded.quotes] == [True]


def test_round_trip_through_json(run):
    coded, _ = run("“It is over,” said the coach.")
    again = CodedArticle.from_dict(coded.to_dict())
    assert again.quotes == coded.quotes


def test_speaker_label_and_colon(run):
    coded, _ = run("Survey: Most farmers expect a dry summer\n\nMORALES: We are ready for the vote.\n\n"
                   "The result: nobody won.")
    assert quotes(coded) == [("Most farmers expect a dry summer", "Survey", ":", False),
                             ("We are ready for the vote", "MORALES", ":", False)]


def test_object_content_runs_over_a_conjunct_the_parser_hung_on_the_cue(coder):
    coded = coder.code("The envoy underlined the importance of combining Norway’ and Sweden’s defence "
                       "industries. The minister stressed the need for talks and said nothing else.")
    contents = {coded.span_text(q.cue): coded.span_text(q.content[0]) for q in coded.quotes}
    assert contents["underlined"].endswith("Sweden’s defence industries")
    assert contents["stressed"] == "the need for talks"


def test_bare_quote_continues_the_direct_quote_across_reported_speech_in_its_paragraph(run):
    text = ('"The border stays open," the minister said on Monday. She did not announce new measures. '
            '"Nobody will be turned away."')
    coded, _ = run(text)
    (content, speaker, cue, _), = direct(coded)
    assert content == '"The border stays open," | "Nobody will be turned away."'
    assert (speaker, cue) == ("the minister", "said")


def test_a_title_after_titled_is_not_a_quote(run):
    coded, _ = run('The new spot, titled “Arrogant,” features a clip from the debate.')
    assert direct(coded) == []


# -- direct or not: titles, fragments, mixed quotes ---------------------------------------------------------

def test_a_title_case_passage_in_running_text_is_a_title(run):
    coded, _ = run("The novelist signed copies of her memoir, “Rivers Of The North,” at the fair on Sunday.")
    assert direct(coded) == []


def test_a_quote_in_a_title_case_headline_stays_a_quote(run):
    coded, _ = run("Harbour Chief Warns Fishermen: ‘The Ice Will Not Hold.’\n\nThe warning came on Monday.")
    assert [q[0] for q in direct(coded)] == ["‘The Ice Will Not Hold.’"]


def test_a_lower_case_passage_after_a_cue_is_left_to_reported_speech(run):
    coded, _ = run("The farmer said “the rain came too late” for most of the wheat in the valley.")
    assert direct(coded) == []
    assert any(q[0].startswith("“the rain came too late”") and q[2] == "said" for q in quotes(coded))


def test_reported_speech_that_is_all_one_quoted_passage_is_direct(run):
    coded, _ = run("The union leader denounced “the shameful closure of the northern depot,” on Friday.")
    assert [(q[0], q[2]) for q in direct(coded)] == [("the shameful closure of the northern depot", "denounced")]


def test_a_passage_that_runs_on_into_the_authors_words_is_a_mixed_quote(run):
    coded, _ = run("“We are very pleased” with the ruling, the mayor said on Monday.")
    assert direct(coded) == []
    assert ("“We are very pleased” with the ruling", "the mayor", "said", False) in quotes(coded)


def test_a_content_that_starts_before_the_passage_is_a_mixed_quote(run):
    coded, _ = run("The senator wrote that, “No town should wait a decade for a bridge.”")
    assert direct(coded) == []
    assert quotes(coded)[0][0].startswith("that, “No town")


def test_a_paragraph_ending_in_a_colon_introduces_the_quoted_paragraph_below(run):
    text = ("The regional council said in a statement:\n\n"
            "“The road will reopen next week once the repairs are finished.”")
    coded, _ = run(text)
    assert [(q[1], q[2]) for q in direct(coded)] == [("The regional council", "said")]


def test_a_bare_quote_after_reported_speech_that_quotes_continues_it(run):
    text = ("The repairs were “long overdue,” said the engineer Lena Park. "
            "“Nobody had checked the cables in twenty years.”")
    coded, _ = run(text)
    (content, speaker, cue, is_direct), = [q for q in quotes(coded) if "cables" in q[0]]
    assert content.startswith("The repairs were “long overdue,”") and (speaker, cue, is_direct) == (
        "the engineer Lena Park", "said", False)
