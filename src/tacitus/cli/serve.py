"""``tacitus serve``: the HTTP API and web UI (``tacitus.api``) over one store, with uvicorn."""
from __future__ import annotations

import ipaddress
import threading
from typing import Annotated

import typer

from .common import report


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)


def serve_command(
    db: Annotated[str | None, typer.Option("--db", help="The store (a DuckDB file) to serve; without it only "
                                                       "coding works.")] = None,
    host: Annotated[str, typer.Option(help="Address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    allow_ingest: Annotated[bool, typer.Option("--allow-ingest", help="Open the store for writing and accept "
                                                                      "POST /api/articles.")] = False,
) -> None:
    """Serve the web UI (at /) and the JSON API (at /api, documented at /docs).

    The store is opened read-only unless --allow-ingest: DuckDB allows one writer, so while a server holds
    the store for writing, `tacitus ingest` cannot write to it (and the reverse)."""
    import uvicorn

    from ..api import create_app
    from ..store import StoreError

    if allow_ingest and db is None:
        raise typer.BadParameter("--allow-ingest needs a store: give one with --db FILE", param_hint="--allow-ingest")
    try:
        app = create_app(db, allow_ingest=allow_ingest)
    except StoreError as exc:
        report(str(exc))
        raise typer.Exit(2) from None
    if allow_ingest and not _is_loopback(host):
        report(f"--allow-ingest on {host}: anyone who can reach this address can add articles to {db}", "warning")
    report(f"serving {db or 'no store (coding only)'} at http://{_url_host(host)}:{port}/ "
           f"({'read-write' if allow_ingest else 'read-only' if db else 'coding only'}); Ctrl+C stops", "info")
    # The coder loads in the background, so the first coding request does not wait for spaCy.
    threading.Thread(target=app.state.service.warm_up, name="tacitus-warm-up", daemon=True).start()
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
