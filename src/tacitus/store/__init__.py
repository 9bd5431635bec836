"""The store: coded articles, merged events and the learned actor dictionary in one DuckDB file.

This package is the only place in Tacitus that speaks SQL. ``Store`` saves and reads articles and the
dictionary; ``tacitus.store.queries`` answers the questions ``tacitus.analysis`` asks; ``tacitus.store.ingest``
codes a corpus into a store, crash-safely.
"""
from __future__ import annotations

from .merge import actor_key
from .schema import SCHEMA_VERSION
from .store import DEFAULT_PATH, Store, StoreError

__all__ = ["DEFAULT_PATH", "SCHEMA_VERSION", "Store", "StoreError", "actor_key"]
