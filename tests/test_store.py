"""The store: opening and versions, saving whole articles, reading them back unchanged, the dictionary."""
from __future__ import annotations

import duckdb
import pytest

from fixtures.coded import report
from tacitus.model import DatedCode, DictionaryEntry, Evidence
from tacitus.store import SCHEMA_VERSION, Store, StoreError, schema


@pytest.fixture
def db(tmp_path):
    return tmp_path / "t.duckdb"


def meeting(**kw):
    return report("Aino Virtanen", "met", "Kaarel Tamm", "040", "2024-03-14", place="Helsinki",
                  quote="Kaarel Tamm is a good neighbour", **kw)


def test_saved_article_reads_back_unchanged(db):
    coded = meeting()
    with Store(db) as store:
        assert store.save(coded)
        assert store.article(coded.article.id).to_dict() == coded.to_dict()
    with Store(db, read_only=True) as store:  # and after closing and reopening
        assert store.article(coded.article.id).to_dict() == coded.to_dict()
        assert store.article_ids() == [coded.article.id]


def test_real_coded_article_round_trips(db, coder):
    text = ("Finnish President Aino Virtanen met Estonian Prime Minister Kaarel Tamm in Helsinki on Wednesday.\n\n"
            "\"We will protect our cables together,\" Virtanen told reporters.")
    coded = coder.code(text, date="2024-03-14", source="Wire A")
    with Store(db) as store:
        store.save(coded)
        assert store.article(coded.article.id).to_dict() == coded.to_dict()


def test_save_is_idempotent_by_article_id(db):
    coded = meeting()
    with Store(db) as store:
        assert store.save(coded) is True
        before = store.counts()
        assert store.save(coded) is False
        assert store.counts() == before
        assert store.has_article(coded.article.id) and not store.has_article("0" * 16)
        assert before["articles"] == 1 and before["events"] == 1 and before["quotes"] == 1


def test_a_failing_save_leaves_nothing_behind(db, monkeypatch):
    coded = meeting()
    with Store(db) as store:
        def boom(article_id, events):
            raise RuntimeError("disk on fire")

        monkeypatch.setattr(store, "_merge_article", boom)  # fails after the article's rows were inserted
        with pytest.raises(RuntimeError):
            store.save(coded)
        monkeypatch.undo()
        assert all(n == 0 for n in store.counts().values())
        assert store.save(coded) and store.counts()["articles"] == 1


def test_missing_article_is_a_key_error(db):
    with Store(db) as store, pytest.raises(KeyError):
        store.article("nope")


def test_actor_dictionary_round_trip_replace_and_delete(db):
    entry = DictionaryEntry(name="Kaarel Tamm", country="EST", sector="GOV", kind="person", aliases=["Tamm"],
                            first_seen="2024-01-02", last_seen="2024-03-14", count=3, origin="learned",
                            codes=[DatedCode("ESTGOV", "2023-01-01", None)],
                            evidence=[Evidence("abc", 0, 30, "Estonian Prime Minister Kaarel Tamm", "2024-01-02",
                                               "EST", "GOV"),
                                      Evidence("def", 5, 20, "Tamm, the premier", "2024-03-14", "EST", "GOV")])
    other = DictionaryEntry(name="Aino Virtanen", country="FIN", sector="GOV")
    with Store(db) as store:
        store.put_actor_entries([entry, other])
        assert [e.to_dict() for e in store.actor_entries()] == [other.to_dict(), entry.to_dict()]
        changed = DictionaryEntry(name="Kaarel Tamm", country="EST", sector="OPP", count=4)
        store.put_actor_entries([changed])
        assert store.actor_entries()[1].to_dict() == changed.to_dict()
        assert store.counts()["dictionary_evidence"] == 0  # the old evidence went with the old entry
        assert store.delete_actor_entry("Kaarel Tamm") is True
        assert store.delete_actor_entry("Kaarel Tamm") is False
        assert [e.name for e in store.actor_entries()] == ["Aino Virtanen"]


def test_entries_saved_with_an_article_are_in_the_same_transaction(db):
    coded = meeting()
    entry = DictionaryEntry(name="Aino Virtanen", country="FIN", sector="GOV", count=1)
    with Store(db) as store:
        assert store.save(coded, [entry])
        assert [e.name for e in store.actor_entries()] == ["Aino Virtanen"]


def test_not_a_store_gives_a_clear_error(tmp_path):
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"this is not a database at all" * 200)
    with pytest.raises(StoreError, match="not a Tacitus store"):
        Store(junk)
    other = tmp_path / "other.duckdb"
    con = duckdb.connect(str(other))
    con.execute("CREATE TABLE stuff (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not a Tacitus store"):
        Store(other)
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def _set_version(path, version: int) -> None:
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(version)])
    con.close()


def test_newer_store_is_refused(db):
    Store(db).close()
    _set_version(db, SCHEMA_VERSION + 1)
    with pytest.raises(StoreError, match="newer"):
        Store(db)


def test_older_store_is_migrated_or_explained(db, monkeypatch):
    Store(db).close()
    _set_version(db, SCHEMA_VERSION - 1)
    with pytest.raises(StoreError, match="open it once for writing"):
        Store(db, read_only=True)
    with pytest.raises(StoreError, match="no migration"):
        Store(db)

    def add_note(con):
        con.execute("ALTER TABLE articles ADD COLUMN note VARCHAR")

    monkeypatch.setitem(schema.MIGRATIONS, SCHEMA_VERSION - 1, add_note)
    with Store(db) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert "note" in [r[0] for r in store.con.execute("DESCRIBE articles").fetchall()]
