"""The learned actor dictionary, the PETRARCH/TABARI import, the store round trip and the CLI."""
from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from tacitus.actors.dictionary import ActorDictionary, split_code
from tacitus.actors.petrarch import read_dictionary
from tacitus.model import Actor, Article, CodedArticle, DatedCode, DictionaryEntry, Evidence

from conftest import eval_path


def _article_defining(name: str, country: str, sector: str, date: str, text: str) -> CodedArticle:
    article = Article(text=text, date=date)
    evidence = Evidence(article=article.id, start=0, end=len(text), text=text, date=date, country=country,
                        sector=sector)
    actor = Actor(id="a1", name=name, country=country, sector=sector, kind="person", source="title",
                  evidence=[evidence])
    return CodedArticle(article=article, actors=[actor])


def test_learn_keeps_conflicting_evidence_and_the_majority_wins():
    d = ActorDictionary()
    d.learn(_article_defining("Ana Lopez", "CHL", "GOV", "2020-01-01", "Minister Ana Lopez of Chile"))
    d.learn(_article_defining("Ana Lopez", "CHL", "GOV", "2020-02-01", "Chilean Minister Ana Lopez"))
    changed = d.learn(_article_defining("Ana Lopez", "PER", "ELI", "2020-03-01", "Peruvian envoy Ana Lopez"))
    entry = d.lookup("Ana Lopez")
    assert changed == [entry]
    assert (entry.country, entry.sector, entry.count) == ("CHL", "GOV", 3)
    assert (entry.first_seen, entry.last_seen) == ("2020-01-01", "2020-03-01")
    assert {e.country for e in entry.evidence} == {"CHL", "PER"}
    # a tie goes to the most recent reading
    d.learn(_article_defining("Ana Lopez", "PER", "ELI", "2020-04-01", "Peruvian envoy Ana Lopez again"))
    d.learn(_article_defining("Ana Lopez", "PER", "ELI", "2020-05-01", "Peruvian envoy Ana Lopez, later"))
    assert (d.lookup("Lopez").country, d.lookup("lopez").sector) == ("PER", "ELI")


def test_the_same_article_is_not_counted_twice():
    d = ActorDictionary()
    coded = _article_defining("Ana Lopez", "CHL", "GOV", "2020-01-01", "Minister Ana Lopez of Chile")
    assert d.learn(coded)
    assert d.learn(coded) == []
    assert d.lookup("Ana Lopez").count == 1


def test_dated_codes_pick_the_code_of_the_date():
    entry = DictionaryEntry(name="Jan Novak", kind="actor", origin="imported", codes=[
        DatedCode("CZE"), DatedCode("CZEGOV", "1990-01-01", "1994-12-31"), DatedCode("CZEELI", start="1995-01-01")])
    d = ActorDictionary([entry])
    assert d.lookup("Jan Novak", "1992-06-01").sector == "GOV"
    assert d.lookup("Jan Novak", "2001-06-01").sector == "ELI"
    assert d.lookup("Jan Novak", "1980-06-01").sector is None
    assert split_code("IGOUNO") == ("IGO", "UNO") and split_code("~COP") == (None, "COP")


def test_petrarch_validation_dictionaries_load():
    entries, errors = read_dictionary(eval_path("petrarch_unittest", "PETR.Validate.actors.txt"))
    assert errors == []
    d = ActorDictionary(entries)
    assert d.lookup("smeagol", "1997-01-01").sector == "GOV"
    assert d.lookup("U.S.").country == "USA"
    agents, errors = read_dictionary(eval_path("petrarch_unittest", "PETR.Validate.agents.txt"))
    assert errors == []
    police = next(a for a in agents if a.name == "POLICE")
    assert (police.kind, police.sector) == ("agent", "COP")


def test_a_malformed_line_is_reported_and_the_rest_loads(tmp_path: Path):
    path = tmp_path / "mine.actors.txt"
    path.write_text("\n".join([
        "# my dictionary",
        "NORTHLAND [NRL]",
        "+NORTHLANDER",
        "SOUTHLAND [SOL 2001311-20020101]",   # a date of seven digits
        "EASTLAND",
        "    [EAS <20000101]",
        "    [EASGOV >20000101",               # no closing bracket
        "WESTLAND [WSTGOV]",
    ]) + "\n", encoding="utf-8")
    entries, errors = read_dictionary(path)
    assert [e.name for e in entries] == ["NORTHLAND", "EASTLAND", "WESTLAND"]
    assert any(err.startswith(f"{path}:4:") for err in errors)
    assert any(err.startswith(f"{path}:7:") for err in errors)
    assert ActorDictionary(entries).lookup("Northlander").country == "NRL"


def test_store_round_trip_and_cli(tmp_path: Path):
    from tacitus.cli import app
    from tacitus.store import Store

    db = str(tmp_path / "t.duckdb")
    d = ActorDictionary()
    d.learn(_article_defining("Ana Lopez", "CHL", "GOV", "2020-01-01", "Minister Ana Lopez of Chile"))
    with Store(db) as store:
        store.put_actor_entries(d.entries())
    with Store(db) as store:
        again = ActorDictionary(store.actor_entries())
    entry = again.lookup("Ana Lopez")
    assert (entry.country, entry.sector, entry.evidence[0].text) == ("CHL", "GOV", "Minister Ana Lopez of Chile")

    runner = CliRunner()
    bad = tmp_path / "bad.txt"
    bad.write_text("GOOD [GDL]\nBROKEN [GDL 1999999]\n", encoding="utf-8")
    result = runner.invoke(app, ["actors", "import", str(bad), "--db", db])
    assert result.exit_code == 0, result.output
    assert f"{bad}:2:" in result.output
    result = runner.invoke(app, ["actors", "edit", "Ana Lopez", "--sector", "ELI", "--db", db])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["actors", "show", "Ana Lopez", "--db", db])
    assert "CHL ELI" in result.output and "Minister Ana Lopez of Chile" in result.output
    result = runner.invoke(app, ["actors", "list", "--json", "--db", db])
    assert '"GOOD"' in result.output
    result = runner.invoke(app, ["actors", "delete", "GOOD", "--db", db])
    assert result.exit_code == 0
    result = runner.invoke(app, ["actors", "export", "--db", db])
    assert '"Ana Lopez"' in result.output and '"GOOD"' not in result.output


def test_imported_states_and_organisations_are_found_by_name(tmp_path: Path, nlp):
    from tacitus.actors import ActorStage
    from tacitus.pipeline import Coder

    path = tmp_path / "actors.txt"
    path.write_text("VALDORIA [VLD]\nNORTH_MARCH [NMR]\n+THE_MARCHES\nRIVER_GUARD  [VLDMIL]\n"
                    "OLD_REALM\n    [ORMGOV 900101-991231]\n    [ORM]\n", encoding="utf-8")
    entries, errors = read_dictionary(path)
    assert errors == []
    coder = Coder(nlp=nlp, stages=[ActorStage(dictionary=ActorDictionary(entries))])
    text = ("Valdoria's foreign minister Jan Holt met officials of North March on Monday. The River Guard "
            "patrolled the border with Old Realm.")
    coded = coder.code(text, date="2001-05-01")
    by_name = {a.name: a.code for a in coded.actors}
    assert by_name["Jan Holt"] == "VLDGOV"  # the imported country gives the title its country
    assert by_name["officials of North March"] == "NMRGOV"
    assert by_name["River Guard"] == "VLDMIL" and by_name["Old Realm"] == "ORM"
    assert coder.code("Old Realm signed the pact.", date="1995-05-01").actors[0].code == "ORMGOV"
