"""What the API accepts: request bodies and query values, checked by pydantic so a bad value is refused with
422 and the name of its field. The checks are those of ingest (``tacitus.ingest``): text size and language,
ISO dates."""
from __future__ import annotations

import re
from enum import Enum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from ..ingest import MAX_CHARS, TITLE_MAX, normalize_date
from ..ingest.language import looks_english
from ..ontology import plover_types

MAX_LIMIT = 10_000  # rows one request may ask for
DEFAULT_LIMIT = 100


def _iso_date(value: str) -> str:
    return normalize_date(value)  # ValueError "not a date: ... (use YYYY-MM-DD)" becomes a 422 on the field


def _codable_size(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    if len(value) > MAX_CHARS:
        raise ValueError(f"too large ({len(value):,} characters; the limit is {MAX_CHARS:,})")
    return value


def _event_type(value: str) -> str:
    """A CAMEO code prefix (digits) or a PLOVER type, as ``tacitus.analysis.events`` takes it."""
    value = value.strip()
    if re.fullmatch(r"\d{1,4}", value):
        return value
    if value.upper() in plover_types():
        return value.upper()
    raise ValueError(f"use a CAMEO code prefix (04, 042) or a PLOVER type ({', '.join(plover_types())})")


IsoDate = Annotated[str, AfterValidator(_iso_date)]
EventType = Annotated[str, AfterValidator(_event_type)]
# An empty query value (?actor=) means "no filter", as an HTML form sends it.
Blank = BeforeValidator(lambda v: None if isinstance(v, str) and not v.strip() else v)
OptText = Annotated[str | None, Blank]
OptDate = Annotated[IsoDate | None, Blank]
OptType = Annotated[EventType | None, Blank]


class Period(str, Enum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"


class Level(str, Enum):
    actor = "actor"
    code = "code"
    country = "country"


class ArticleIn(BaseModel):
    """One news text to code: the same fields an ingested JSON record has."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "text": "President Aino Virtanen of Finland met Estonian Prime Minister Kaarel Tamm in Helsinki on Monday.",
        "date": "2024-03-14", "title": "Leaders meet", "source": "Example Wire"}]})

    text: Annotated[str, AfterValidator(_codable_size)] = Field(
        description=f"The article text (English, at most {MAX_CHARS:,} characters).")
    date: OptDate = Field(None, description="Publication date (YYYY-MM-DD), the base for relative dates.")
    title: str | None = Field(None, max_length=TITLE_MAX, description="Headline; by default the text's first line "
                                                                      "when it reads as one.")
    source: str | None = Field(None, max_length=200, description="Publisher.")
    url: str | None = Field(None, max_length=2000, description="Where the article was published.")
    any_language: bool = Field(False, description="Skip the English-language check.")

    @model_validator(mode="after")
    def _text_is_codable(self) -> ArticleIn:
        # The language check of ``tacitus.ingest.make_article``; it needs any_language, so it runs on the whole
        # body and names its field itself (see ``FieldError``).
        if not self.any_language and not looks_english(self.text):
            raise FieldError("text", "does not look like English (Tacitus codes English news only; "
                                       "set any_language to code it anyway)")
        return self


class FieldError(ValueError):
    """A check of the whole body that blames one field (pydantic would blame the body)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
