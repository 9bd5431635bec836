"""Endpoints that code text: ``POST /api/code`` (code, store nothing), ``POST /api/articles`` (code and store,
with --allow-ingest), and ``GET /api/health``."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response

from .. import __version__
from .schemas import ArticleIn
from .service import Service

router = APIRouter(prefix="/api")


def service(request: Request) -> Service:
    return request.app.state.service


ServiceDep = Annotated[Service, Depends(service)]


def _article(service: Service, body: ArticleIn):
    return service.article(body.text, date=body.date, title=body.title, source=body.source, url=body.url,
                           any_language=body.any_language)


@router.get("/health", tags=["status"])
def health(service: ServiceDep) -> dict[str, Any]:
    """Whether the server is up, which store it serves, and whether it may write to it."""
    return {**service.health(), "version": __version__}


@router.post("/code", tags=["coding"], responses={422: {"description": "Empty, oversized or non-English text, "
                                                                       "or a bad date"}})
def code_article(body: ArticleIn, service: ServiceDep) -> dict[str, Any]:
    """Code one article and return everything found (actors, events, quotes, dates, places, with character
    offsets into the text). Nothing is stored."""
    return service.code(_article(service, body)).to_dict()


@router.post("/articles", tags=["coding"], status_code=201, responses={
    200: {"description": "Already stored (same content id): nothing changed, `stored` is false"},
    403: {"description": "The server was started without --allow-ingest"},
    409: {"description": "No store is open"}})
def store_article(body: ArticleIn, service: ServiceDep, response: Response) -> dict[str, Any]:
    """Code one article and store it, as `tacitus ingest` does (learned actor entries and merged events
    included). Idempotent: an article whose content id is stored already is not coded again."""
    result = service.ingest(_article(service, body))
    if not result.stored:
        response.status_code = 200
    return {"id": result.article_id, "stored": result.stored, "article": result.coded.to_dict()}
