"""The ``tacitus`` command. Each area registers its commands from its own module."""
from __future__ import annotations

import typer

from . import actors, coding, evaluate, quotes, serve, store

app = typer.Typer(no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                  help="Tacitus: political event data from news (actors, CAMEO/PLOVER events, quotes, dates, places).")



@app.callback()
def _root() -> None:
    """Tacitus: political event data from news."""


for module in (coding, store, actors, quotes, evaluate, serve):
    module.register(app)


def main() -> None:
    app()
