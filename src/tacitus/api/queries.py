"""Endpoints that ask the open store questions, through ``tacitus.analysis`` (the functions behind the
`tacitus summary / events / dyad / network / top / trace` commands)."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from .. import analysis
from ..model import CodedArticle
from ..ontology import cameo_codes
from .coding import ServiceDep
from .errors import BadField
from .schemas import DEFAULT_LIMIT, MAX_LIMIT, Level, OptDate, OptText, OptType, Period

router = APIRouter(prefix="/api", tags=["store"], responses={409: {"description": "No store is open"}})

ACTOR_HELP = "A code (BLR, RUSGOV) matches an actor's country or CAMEO code; other text matches names as whole words."
QUAD_HELP = "Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="At most this many rows.")]
Start = Annotated[OptDate, Query(description="First day (YYYY-MM-DD).")]
End = Annotated[OptDate, Query(description="Last day (YYYY-MM-DD).")]
Id = Annotated[str, Path(min_length=1, max_length=200)]


def _check_range(start: str | None, end: str | None) -> None:
    if start and end and end < start:  # ISO dates compare as strings
        raise BadField("end", f"{end} is before start {start}")


def _page(rows: list[dict[str, Any]], limit: int) -> tuple[list[dict[str, Any]], bool]:
    """The rows of a query asked for limit + 1 rows, and whether there were more than ``limit``."""
    return rows[:limit], len(rows) > limit


@router.get("/summary")
def summary(service: ServiceDep) -> dict[str, Any]:
    """What the store holds: counts, date range, events by PLOVER type and CAMEO root, top actors, places
    and speakers."""
    with service.opened() as store:
        return analysis.summary(store)


@router.get("/events")
def events(
    service: ServiceDep,
    actor: Annotated[OptText, Query(description="Either side. " + ACTOR_HELP)] = None,
    source: Annotated[OptText, Query(description="The source actor. " + ACTOR_HELP)] = None,
    target: Annotated[OptText, Query(description="The target actor. " + ACTOR_HELP)] = None,
    country: Annotated[OptText, Query(pattern=r"^[A-Za-z]{3}$", description="ISO3 country of either actor.")] = None,
    sector: Annotated[OptText, Query(pattern=r"^[A-Za-z]{3}$", description="CAMEO sector of either actor "
                                                                           "(GOV, MIL, OPP...).")] = None,
    type: Annotated[OptType, Query(description="CAMEO code prefix (04, 042) or PLOVER type (CONSULT).")] = None,
    quad: Annotated[int | None, Query(ge=1, le=4, description=QUAD_HELP)] = None,
    start: Start = None,
    end: End = None,
    place: Annotated[OptText, Query(description="Place name or ISO3 country of the place.")] = None,
    merged: Annotated[bool, Query(description="Merged events (true) or every mention (false).")] = True,
    limit: Limit = DEFAULT_LIMIT,
) -> dict[str, Any]:
    """Events matching every filter given, oldest first: merged across articles (with mention, article and
    source counts) unless merged=false."""
    _check_range(start, end)
    with service.opened() as store:
        rows = analysis.events(store, actor=actor, source=source, target=target, country=country, sector=sector,
                               type=type, quad=quad, start=start, end=end, place=place, merged=merged, limit=limit + 1)
    rows, more = _page(rows, limit)
    return {"count": len(rows), "more": more, "events": rows}


@router.get("/events/{event_id}", responses={404: {"description": "No merged event with this id"}})
def event(event_id: Id, service: ServiceDep) -> dict[str, Any]:
    """A merged event traced to its mentions: for each, the article (id, title, source, url), the sentence
    and the evidence text. Actors, place and type come from its representative mention."""
    with service.opened() as store:
        try:
            found = store.merged_event(event_id)
        except KeyError:
            raise BadField("event_id", f"no event {event_id} in the store", "path", 404) from None
        representative = store.article(found["first_article"])
    mentions = [{**analysis.plain(m), "event_name": _cameo_name(m["cameo"])} for m in found.pop("mentions")]
    return {**analysis.plain(found), **_described(representative, found["first_event"]), "mentions": mentions}


def _cameo_name(code: str | None) -> str | None:
    entry = cameo_codes().get(code or "")
    return entry.name if entry else None


def _described(coded: CodedArticle, event_id: str) -> dict[str, Any]:
    """Name, type, Goldstein score, actors and place of one event of a coded article."""
    found = next((e for e in coded.events if e.id == event_id), None)
    if found is None:
        return {}
    place = coded.place(found.place)

    def actor(actor_id: str | None) -> dict[str, Any] | None:
        a = coded.actor(actor_id)
        return None if a is None else {"name": a.name, "code": a.code or None, "country": a.country,
                                       "sector": a.sector, "kind": a.kind}

    return {"event": found.name, "goldstein": found.goldstein, "quad_class": found.quad_class,
            "plover": found.plover, "source": actor(found.source), "target": actor(found.target),
            "place": None if place is None else {"name": place.name, "country": place.country, "lat": place.lat,
                                                 "lon": place.lon}}


@router.get("/dyad")
def dyad(
    service: ServiceDep,
    a: Annotated[str, Query(min_length=1, max_length=200, description="One side. " + ACTOR_HELP)],
    b: Annotated[str, Query(min_length=1, max_length=200, description="The other side.")],
    by: Annotated[Period, Query(description="Period of the series.")] = Period.month,
    directed: Annotated[bool, Query(description="Only events from a to b.")] = False,
    start: Start = None,
    end: End = None,
) -> dict[str, Any]:
    """How relations between two actors moved: per period, merged events by quad class and PLOVER type and
    their mean Goldstein score. Both directions unless directed."""
    _check_range(start, end)
    with service.opened() as store:
        series = analysis.dyad(store, a, b, by.value, directed=directed, start=start, end=end)
    return {"a": a, "b": b, "by": by.value, "directed": directed, "series": series}


@router.get("/network")
def network(
    service: ServiceDep,
    start: Start = None,
    end: End = None,
    level: Annotated[Level, Query(description="Nodes are actors, CAMEO codes or countries.")] = Level.actor,
) -> dict[str, Any]:
    """The directed actor network of a period: nodes and edges source -> target weighted by merged events."""
    _check_range(start, end)
    with service.opened() as store:
        return analysis.network(store, start=start, end=end, level=level.value)


@router.get("/actors/top")
def top_actors(
    service: ServiceDep,
    n: Annotated[int, Query(ge=1, le=1000, description="How many actors.")] = 10,
    start: Start = None,
    end: End = None,
    country: Annotated[OptText, Query(pattern=r"^[A-Za-z]{3}$", description="Only events with an actor of this "
                                                                            "ISO3 country.")] = None,
) -> dict[str, Any]:
    """The actors taking part in most merged events, as source or target."""
    _check_range(start, end)
    with service.opened() as store:
        rows = analysis.top_actors(store, n, start=start, end=end, country=country.upper() if country else None)
    return {"actors": rows}


@router.get("/quotes")
def quotes(
    service: ServiceDep,
    speaker: Annotated[OptText, Query(description="Who spoke. " + ACTOR_HELP)] = None,
    about: Annotated[OptText, Query(description="An actor named in the quote or taking part in an event coded "
                                                "from it, or words the quote contains.")] = None,
    start: Start = None,
    end: End = None,
    limit: Limit = DEFAULT_LIMIT,
) -> dict[str, Any]:
    """Quotes by a speaker and/or about an actor, with the article they come from."""
    _check_range(start, end)
    with service.opened() as store:
        rows = analysis.quotes(store, speaker, about, start=start, end=end, limit=limit + 1)
    rows, more = _page(rows, limit)
    return {"count": len(rows), "more": more, "quotes": rows}


@router.get("/articles/{article_id}", responses={404: {"description": "No article with this id"}})
def article(article_id: Id, service: ServiceDep) -> dict[str, Any]:
    """A stored article as coded: text and everything found in it."""
    with service.opened() as store:
        try:
            return store.article(article_id).to_dict()
        except KeyError:
            raise BadField("article_id", f"no article {article_id} in the store", "path", 404) from None
