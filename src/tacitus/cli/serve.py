"""Commands of this area are being built (see issues)."""
from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    return None
