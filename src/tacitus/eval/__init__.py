"""Evaluation on public gold data: read the generic JSON Lines gold formats (``formats``), score predictions
against gold (``score``), convert each published gold set to the generic formats (``convert``), code gold
texts with Tacitus and write its predictions in the gold format (``predict``), and write the accuracy
report (``report``). The formats and matching rules are those of ``../shared/eval/FORMATS.md``."""
from __future__ import annotations

TASKS = ("events", "actors", "quotes", "places")
