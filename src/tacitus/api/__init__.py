"""The HTTP API and web UI of `tacitus serve`: code texts, store them (with --allow-ingest) and ask a store
the questions of ``tacitus.analysis``, as JSON under /api, with a one-page UI at /.

    from tacitus.api import create_app
    app = create_app("news.duckdb")          # read-only; allow_ingest=True opens it for writing

Endpoints call the same library functions as the command line; only ``tacitus.store`` speaks SQL.
"""
from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
