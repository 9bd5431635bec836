"""The HTTP API (tacitus.api) through FastAPI's TestClient: every endpoint on a store of hand-coded articles
(so counts are exact), coding and storing with the real pipeline, the read-only default, --allow-ingest
idempotence, and bad requests answered with 4xx JSON naming the field."""
from __future__ import annotations

import warnings

import pytest
from typer.testing import CliRunner

from fixtures.coded import report
from tacitus.ingest import MAX_CHARS
from tacitus.model import content_id
from tacitus.store import Store, StoreError

with warnings.catch_warnings():  # starlette's TestClient warns that httpx support is deprecated
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from tacitus.api import create_app

# Invented news, in the shape the pipeline reads (no gold or seed text).
MEETING = ('President Aino Virtanen of Finland met Estonian Prime Minister Kaarel Tamm in Tallinn on Monday. '
           '"We will guard the sea together," Virtanen said after the talks.')
NON_ENGLISH = ("Der Präsident hat heute in Berlin gesagt, dass die Regierung mit der Opposition sprechen wird "
               "und dass es keine Alternative gibt.")


def hand_coded_store(path) -> str:
    """Six reports (one meeting reported by two wires, so five merged events) with places and two quotes."""
    articles = [
        report("Belarus", "met", "Russia", "040", "2024-01-10", place="Minsk", publisher="Wire A"),
        report("Russia", "held talks with", "Belarus", "040", "2024-01-10", place="Minsk", publisher="Wire B"),
        report("Belarus", "signed a deal with", "Russia", "057", "2024-01-25", place="Moscow"),
        report("Russia", "criticised", "Belarus", "111", "2024-03-02", place="Moscow"),
        report("Dmitry Rogozin", "criticised", "NATO", "111", "2024-03-05", place="Moscow",
               quote="NATO is moving closer to our borders"),
        report("Aino Virtanen", "met", "Kaarel Tamm", "040", "2024-03-14", place="Helsinki",
               quote="We share one sea"),
    ]
    with Store(path) as store:
        for coded in articles:
            store.save(coded)
    return str(path)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    return hand_coded_store(tmp_path_factory.mktemp("api") / "hand.duckdb")


@pytest.fixture(scope="module")
def client(db, nlp):
    with TestClient(create_app(db, nlp=nlp)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def bare(nlp):
    """A server without a store: coding only."""
    with TestClient(create_app(None, nlp=nlp)) as test_client:
        yield test_client


def problem(response, status: int, field: str) -> dict:
    """The JSON error of a refused request, checked to name ``field``."""
    assert response.status_code == status, response.text
    body = response.json()
    assert body["detail"].startswith(f"{field}: ") or f"; {field}: " in body["detail"], body
    assert field in [e["field"] for e in body["errors"]]
    return body


# ---- status and pages -----------------------------------------------------------------------------------

def test_health_says_which_store_and_how_it_is_open(client, bare, db):
    health = client.get("/api/health").json()
    assert health["status"] == "ok" and health["store"] == db and health["articles"] == 6
    assert health["read_only"] is True and health["allow_ingest"] is False
    assert bare.get("/api/health").json()["store"] is None


def test_pages_are_served_locally(client):
    page = client.get("/")
    assert page.status_code == 200 and "Code an article" in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert "http://" not in page.text and "https://" not in page.text  # nothing from elsewhere
    for asset in ("/static/app.js", "/static/style.css", "/static/docs.js"):
        response = client.get(asset)
        assert response.status_code == 200 and "https://" not in response.text, asset
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/docs.js" in docs.text
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/code", "/api/articles", "/api/summary", "/api/events", "/api/events/{event_id}", "/api/dyad",
            "/api/network", "/api/actors/top", "/api/quotes", "/api/articles/{article_id}", "/api/health"} <= set(paths)


# ---- questions ------------------------------------------------------------------------------------------

def test_summary(client):
    summary = client.get("/api/summary").json()
    assert summary["counts"]["articles"] == 6 and summary["counts"]["merged_events"] == 5
    assert summary["dates"] == {"first": "2024-01-10", "last": "2024-03-14"}
    assert {r["type"]: r["events"] for r in summary["events_by_plover"]}["CONSULT"] == 2


def test_events_filters(client):
    def ids(**params):
        body = client.get("/api/events", params=params).json()
        assert body["count"] == len(body["events"])
        return body["events"]

    assert len(ids()) == 5
    meeting = ids(type="04", country="blr")
    assert len(meeting) == 1 and meeting[0]["num_articles"] == 2 and meeting[0]["place"] == "Minsk"
    assert len(ids(actor="BLR")) == 3
    assert [e["cameo"] for e in ids(type="agree")] == ["057"]
    assert len(ids(source="RUS", target="BLR", type="11")) == 1
    assert len(ids(start="2024-03-01", end="2024-03-31")) == 3
    assert [e["target_name"] for e in ids(actor="Rogozin")] == ["NATO"]
    assert len(ids(quad=3)) == 2 and len(ids(place="FIN")) == 1 and len(ids(sector="IGO")) == 1
    assert len(ids(merged="false")) == 6
    assert len(ids(actor="", type="", start="")) == 5  # empty form fields do not filter
    page = client.get("/api/events", params={"limit": 2}).json()
    assert page["count"] == 2 and page["more"] is True
    assert client.get("/api/events", params={"limit": 5}).json()["more"] is False


def test_event_is_traced_to_its_mentions(client):
    meeting = client.get("/api/events", params={"type": "040", "actor": "BLR"}).json()["events"][0]
    event = client.get(f"/api/events/{meeting['id']}").json()
    assert event["num_mentions"] == 2 and event["event"] == "Consult" and event["plover"] == "CONSULT"
    assert {event["source"]["name"], event["target"]["name"]} == {"Belarus", "Russia"}
    assert event["place"]["name"] == "Minsk"
    mentions = event["mentions"]
    assert {m["source"] for m in mentions} == {"Wire A", "Wire B"}
    assert {m["evidence"] for m in mentions} == {"Belarus met Russia in Minsk.",
                                                 "Russia held talks with Belarus in Minsk."}
    for m in mentions:
        text = client.get(f"/api/articles/{m['article']}").json()["article"]["text"]
        assert text[m["evidence_start"]:m["evidence_end"]] == m["evidence"]
    problem(client.get("/api/events/m000000000000000"), 404, "event_id")


def test_dyad_series(client):
    body = client.get("/api/dyad", params={"a": "BLR", "b": "RUS"}).json()
    assert body["by"] == "month" and [r["period"] for r in body["series"]] == ["2024-01-01", "2024-03-01"]
    january = body["series"][0]
    assert january["events"] == 2 and january["verbal_coop"] == 2 and january["plover"] == {"AGREE": 1, "CONSULT": 1}
    assert january["goldstein"] == pytest.approx(4.5)
    directed = client.get("/api/dyad", params={"a": "RUS", "b": "BLR", "directed": "true", "start": "2024-02-01"})
    assert [r["events"] for r in directed.json()["series"]] == [1]
    by_day = client.get("/api/dyad", params={"a": "BLR", "b": "RUS", "by": "day"}).json()["series"]
    assert by_day[0]["period"] == "2024-01-10"


def test_network(client):
    graph = client.get("/api/network", params={"level": "country", "end": "2024-02-01"}).json()
    assert sum(e["events"] for e in graph["edges"]) == 2
    assert {n["id"] for n in graph["nodes"]} == {"BLR", "RUS"}
    actors = client.get("/api/network").json()
    assert {"organization:nato", "person:dmitry rogozin"} <= {n["id"] for n in actors["nodes"]}


def test_top_actors(client):
    top = client.get("/api/actors/top", params={"n": 2}).json()["actors"]
    assert [a["key"] for a in top] == ["BLR", "RUS"] and top[0]["events"] == 3
    march = client.get("/api/actors/top", params={"start": "2024-03-10"}).json()["actors"]
    assert {a["name"] for a in march} == {"Aino Virtanen", "Kaarel Tamm"}


def test_quotes_by_speaker_and_about(client):
    said = client.get("/api/quotes", params={"speaker": "Rogozin"}).json()
    assert said["count"] == 1 and said["quotes"][0]["text"] == "NATO is moving closer to our borders"
    assert said["quotes"][0]["speaker_code"] == "RUSGOV"
    about = client.get("/api/quotes", params={"about": "NATO"}).json()["quotes"]
    assert [q["speaker_name"] for q in about] == ["Dmitry Rogozin"]
    assert client.get("/api/quotes", params={"speaker": "Rogozin", "about": "Estonia"}).json()["quotes"] == []
    assert client.get("/api/quotes", params={"limit": 1}).json()["more"] is True


def test_stored_article(client):
    event = client.get("/api/events", params={"actor": "Rogozin"}).json()["events"][0]
    coded = client.get(f"/api/articles/{event['article']}").json()
    assert coded["article"]["id"] == event["article"] and coded["article"]["date"] == "2024-03-05"
    assert [a["name"] for a in coded["actors"]] == ["Dmitry Rogozin", "NATO"]
    assert coded["events"][0]["cameo"] == "111" and len(coded["quotes"]) == 1
    problem(client.get("/api/articles/0000000000000000"), 404, "article_id")


# ---- bad requests ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("url, params, field", [
    ("/api/events", {"limit": 0}, "limit"),
    ("/api/events", {"limit": 10_001}, "limit"),
    ("/api/events", {"limit": "ten"}, "limit"),
    ("/api/events", {"quad": 5}, "quad"),
    ("/api/events", {"type": "MEET"}, "type"),
    ("/api/events", {"type": "04x"}, "type"),
    ("/api/events", {"start": "2024-13-01"}, "start"),
    ("/api/events", {"end": "last week"}, "end"),
    ("/api/events", {"start": "2024-03-01", "end": "2024-01-01"}, "end"),
    ("/api/events", {"merged": "perhaps"}, "merged"),
    ("/api/events", {"country": "Belarus"}, "country"),
    ("/api/dyad", {"a": "BLR"}, "b"),
    ("/api/dyad", {"a": "", "b": "RUS"}, "a"),
    ("/api/dyad", {"a": "BLR", "b": "RUS", "by": "fortnight"}, "by"),
    ("/api/dyad", {"a": "BLR", "b": "RUS", "directed": "sideways"}, "directed"),
    ("/api/network", {"level": "planet"}, "level"),
    ("/api/network", {"start": "2024-02-30"}, "start"),
    ("/api/actors/top", {"n": 0}, "n"),
    ("/api/actors/top", {"n": 5000}, "n"),
    ("/api/quotes", {"limit": -1}, "limit"),
    ("/api/quotes", {"start": "soon"}, "start"),
])
def test_bad_query_values_are_422_naming_the_field(client, url, params, field):
    problem(client.get(url, params=params), 422, field)


def test_unknown_endpoint_is_json_404(client):
    response = client.get("/api/nothing")
    assert response.status_code == 404 and "/api/nothing" in response.json()["detail"]


def test_without_a_store_only_coding_and_health_answer(bare):
    for url in ("/api/summary", "/api/events", "/api/events/m1", "/api/dyad?a=BLR&b=RUS", "/api/network",
                "/api/actors/top", "/api/quotes", "/api/articles/abc"):
        response = bare.get(url)
        assert response.status_code == 409 and "no store is open" in response.json()["detail"], url
    response = bare.post("/api/articles", json={"text": MEETING})
    assert response.status_code == 409 and "no store is open" in response.json()["detail"]


# ---- coding ---------------------------------------------------------------------------------------------

def test_code_returns_the_coded_article_and_stores_nothing(bare, client):
    response = bare.post("/api/code", json={"text": MEETING, "date": "2024-05-08", "title": "Leaders meet",
                                            "source": "Example Wire"})
    assert response.status_code == 200, response.text
    coded = response.json()
    assert coded["article"]["id"] == content_id(MEETING) and coded["article"]["date"] == "2024-05-08"
    assert coded["article"]["title"] == "Leaders meet" and coded["article"]["source"] == "Example Wire"
    names = {a["name"]: a["code"] for a in coded["actors"]}
    assert names.get("Aino Virtanen", "").startswith("FIN"), names
    meeting = [e for e in coded["events"] if e["cameo"].startswith("04")]
    assert meeting, coded["events"]
    start, end = meeting[0]["evidence"]
    assert "met" in MEETING[start:end]
    assert any("guard the sea" in MEETING[s:e] for q in coded["quotes"] for s, e in q["content"])
    before = client.get("/api/health").json()["articles"]
    assert client.post("/api/code", json={"text": MEETING}).status_code == 200
    assert client.get("/api/health").json()["articles"] == before


@pytest.mark.parametrize("body, field", [
    ({"text": ""}, "text"),
    ({"text": "   \n "}, "text"),
    ({"text": NON_ENGLISH}, "text"),
    ({"text": MEETING, "date": "2024-02-30"}, "date"),
    ({"text": MEETING, "date": "tomorrow"}, "date"),
    ({"text": MEETING, "title": "x" * 201}, "title"),
    ({"text": 42}, "text"),
    ({"date": "2024-01-01"}, "text"),
    ({"text": MEETING, "colour": "blue"}, "colour"),
])
def test_bad_bodies_are_422_naming_the_field(bare, body, field):
    problem(bare.post("/api/code", json=body), 422, field)


def test_too_long_text_is_refused(bare):
    problem(bare.post("/api/code", json={"text": "word " * (MAX_CHARS // 5 + 1)}), 422, "text")


def test_malformed_json_and_oversized_bodies(bare, monkeypatch):
    response = bare.post("/api/code", content=b'{"text": ', headers={"content-type": "application/json"})
    problem(response, 422, "body")
    from tacitus.api import app as app_module

    monkeypatch.setattr(app_module, "MAX_BODY_BYTES", 1000)
    response = bare.post("/api/code", json={"text": "word " * 400})
    assert response.status_code == 413 and "too large" in response.json()["detail"]


def test_any_language_lets_other_languages_through(bare):
    assert bare.post("/api/code", json={"text": NON_ENGLISH, "any_language": True}).status_code == 200


# ---- storing --------------------------------------------------------------------------------------------

def test_read_only_by_default(client, db):
    response = client.post("/api/articles", json={"text": MEETING})
    assert response.status_code == 403 and "--allow-ingest" in response.json()["detail"]
    assert client.app.state.service.store.read_only is True
    assert client.get("/api/health").json()["articles"] == 6


def test_allow_ingest_stores_once(tmp_path, nlp):
    path = str(tmp_path / "new.duckdb")
    with TestClient(create_app(path, allow_ingest=True, nlp=nlp)) as api:
        assert api.get("/api/health").json() | {"read_only": False, "allow_ingest": True, "articles": 0} == \
            api.get("/api/health").json()
        first = api.post("/api/articles", json={"text": MEETING, "date": "2024-05-08", "source": "Example Wire"})
        assert first.status_code == 201, first.text
        assert first.json()["stored"] is True and first.json()["id"] == content_id(MEETING)
        again = api.post("/api/articles", json={"text": MEETING, "date": "2024-05-08"})
        assert again.status_code == 200 and again.json()["stored"] is False
        assert again.json()["article"]["article"]["source"] == "Example Wire"  # the stored copy, unchanged
        assert api.get("/api/health").json()["articles"] == 1
        stored = api.get(f"/api/articles/{first.json()['id']}").json()
        assert stored["events"] == first.json()["article"]["events"]
        events = api.get("/api/events").json()["events"]
        assert any(e["cameo"].startswith("04") and e["article"] == content_id(MEETING) for e in events)
        problem(api.post("/api/articles", json={"text": MEETING, "date": "someday"}), 422, "date")
    with Store(path, read_only=True) as store:  # closed with the app, and saved whole
        assert store.article_ids() == [content_id(MEETING)]


def test_a_missing_store_is_refused_when_read_only(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        create_app(str(tmp_path / "missing.duckdb"))


def test_serve_command_refuses_bad_setups(tmp_path):
    from tacitus.cli import app

    runner = CliRunner()
    missing = runner.invoke(app, ["serve", "--db", str(tmp_path / "missing.duckdb")])
    assert missing.exit_code == 2 and "no such store" in missing.output
    no_db = runner.invoke(app, ["serve", "--allow-ingest"])
    assert no_db.exit_code == 2 and "--db" in no_db.output
    assert runner.invoke(app, ["serve", "--port", "0"]).exit_code == 2
