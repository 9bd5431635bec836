"""The store's tables (DuckDB), its version, and how an older store is brought up to date.

One row per record of the document model, keyed by article id (a content hash) and the record's id within
the article, so a saved article can be read back unchanged. Events also carry what analysis and merging ask
of them without joins: the day, the CAMEO root, and the cross-article identity ("key") of both actors.
Merged events are derived from event mentions (see ``tacitus.store.merge``) and linked to them.
"""
from __future__ import annotations

from collections.abc import Callable

FORMAT = "tacitus-store"
SCHEMA_VERSION = 1

TABLES: dict[str, str] = {
    "meta": """
        key VARCHAR PRIMARY KEY,
        value VARCHAR""",
    "articles": """
        id VARCHAR PRIMARY KEY,
        seq BIGINT,
        title VARCHAR,
        date VARCHAR,
        day DATE,
        source VARCHAR,
        url VARCHAR,
        date_source VARCHAR,
        origin VARCHAR,
        text VARCHAR,
        sentences INTEGER[],      -- flattened (start, end) pairs, in order
        warnings VARCHAR[],
        added TIMESTAMP""",
    "actors": """
        article VARCHAR,
        id VARCHAR,
        name VARCHAR,
        country VARCHAR,
        sector VARCHAR,
        kind VARCHAR,
        code VARCHAR,
        key VARCHAR,              -- identity across articles (see merge.actor_key)
        aliases VARCHAR[],
        mentions INTEGER[],
        source VARCHAR,
        evidence VARCHAR          -- JSON list of Evidence records""",
    "mentions": """
        article VARCHAR,
        idx INTEGER,
        start_char INTEGER,
        end_char INTEGER,
        text VARCHAR,
        label VARCHAR,
        sentence INTEGER,
        kind VARCHAR,
        actor VARCHAR""",
    "places": """
        article VARCHAR,
        id VARCHAR,
        name VARCHAR,
        start_char INTEGER,
        end_char INTEGER,
        sentence INTEGER,
        lat DOUBLE,
        lon DOUBLE,
        country VARCHAR,
        admin1 VARCHAR,
        geonames_id BIGINT,
        feature VARCHAR,
        resolved BOOLEAN,
        reason VARCHAR""",
    "times": """
        article VARCHAR,
        id VARCHAR,
        text VARCHAR,
        start_char INTEGER,
        end_char INTEGER,
        sentence INTEGER,
        value VARCHAR,
        resolution VARCHAR,
        relative BOOLEAN""",
    "events": """
        article VARCHAR,
        id VARCHAR,
        idx INTEGER,              -- position in the article's event list
        source VARCHAR,
        target VARCHAR,
        cameo VARCHAR,
        name VARCHAR,
        goldstein DOUBLE,
        quad_class INTEGER,
        plover VARCHAR,
        plover_mode VARCHAR,
        plover_context VARCHAR[],
        date VARCHAR,
        date_resolution VARCHAR,
        date_source VARCHAR,
        place VARCHAR,
        sentence INTEGER,
        evidence_start INTEGER,
        evidence_end INTEGER,
        trigger_start INTEGER,
        trigger_end INTEGER,
        source_start INTEGER,
        source_end INTEGER,
        target_start INTEGER,
        target_end INTEGER,
        confidence DOUBLE,
        rule VARCHAR,
        quote VARCHAR,
        day DATE,                 -- the event's date, else the publication date
        root VARCHAR,
        source_key VARCHAR,
        target_key VARCHAR""",
    "quotes": """
        article VARCHAR,
        id VARCHAR,
        content INTEGER[],        -- flattened (start, end) pairs
        direct BOOLEAN,
        speaker_start INTEGER,
        speaker_end INTEGER,
        speaker VARCHAR,
        cue_start INTEGER,
        cue_end INTEGER,
        cue_text VARCHAR,
        sentence INTEGER,
        events VARCHAR[],
        text VARCHAR              -- the content spans' text, joined by ' … '""",
    "merged_events": """
        id VARCHAR,
        source_key VARCHAR,
        target_key VARCHAR,
        root VARCHAR,
        day DATE,
        last_day DATE,
        cameo VARCHAR,            -- the code most mentions give
        num_mentions INTEGER,
        num_articles INTEGER,
        num_sources INTEGER,
        confidence DOUBLE,        -- the highest of its mentions
        first_article VARCHAR,    -- the representative mention: the first (in merge order) with that code
        first_event VARCHAR""",
    "merged_links": """
        merged VARCHAR,
        article VARCHAR,
        event VARCHAR""",
    "dictionary": """
        name VARCHAR,
        country VARCHAR,
        sector VARCHAR,
        kind VARCHAR,
        aliases VARCHAR[],
        first_seen VARCHAR,
        last_seen VARCHAR,
        count INTEGER,
        origin VARCHAR,
        codes VARCHAR             -- JSON list of DatedCode records""",
    "dictionary_evidence": """
        name VARCHAR,
        idx INTEGER,
        article VARCHAR,
        start_char INTEGER,
        end_char INTEGER,
        text VARCHAR,
        date VARCHAR,
        country VARCHAR,
        sector VARCHAR""",
}

# No primary keys on merged_events and dictionary: their rows are replaced (delete, then insert the same
# key) inside one transaction, which DuckDB's key checks have refused in some versions.

# Tables holding one article's records: deleting by article id removes the article whole.
ARTICLE_TABLES = ("articles", "actors", "mentions", "places", "times", "events", "quotes")


def create_statements() -> list[str]:
    return [f"CREATE TABLE IF NOT EXISTS {name} ({columns}\n)" for name, columns in TABLES.items()]


# Schema version -> function bringing a store of that version to the next one (run in one transaction).
# Each takes a DuckDB connection. Version 1 is the first released schema, so nothing is here yet; a change
# of schema adds an entry (for example 1: add a column with ALTER TABLE ... ADD COLUMN) and bumps
# SCHEMA_VERSION.
MIGRATIONS: dict[int, Callable[[object], None]] = {}
