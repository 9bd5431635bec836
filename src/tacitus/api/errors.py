"""Every error the API gives is JSON: ``{"detail": "field: what is wrong", "errors": [{"field", "in",
"message"}]}`` (``errors`` only for bad input), with a 4xx status for anything the client can fix."""
from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from ..store import StoreError
from .schemas import FieldError
from .service import IngestDisabled, NoStore

log = logging.getLogger("tacitus.api")

NO_STORE = "no store is open: start the server with `tacitus serve --db FILE` to ask questions of one"
NO_INGEST = "storing articles is disabled: start the server with `tacitus serve --db FILE --allow-ingest`"


class BadField(Exception):
    """A value that passed its own type check but not a check across fields (an end before its start)."""

    def __init__(self, field: str, message: str, where: str = "query", status: int = 422) -> None:
        super().__init__(f"{field}: {message}")
        self.problem = {"field": field, "in": where, "message": message}
        self.status = status


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(BadField, _bad_field)
    app.add_exception_handler(HTTPException, _http)
    app.add_exception_handler(NoStore, lambda request, exc: _json(409, NO_STORE))
    app.add_exception_handler(IngestDisabled, lambda request, exc: _json(403, NO_INGEST))
    app.add_exception_handler(StoreError, lambda request, exc: _json(503, str(exc)))
    app.add_exception_handler(Exception, _unexpected)


def _json(status: int, detail: str, errors: list[dict[str, Any]] | None = None) -> JSONResponse:
    body: dict[str, Any] = {"detail": detail}
    if errors is not None:
        body["errors"] = errors
    return JSONResponse(body, status_code=status)


def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
    problems = [_problem(e) for e in exc.errors()]
    return _json(422, "; ".join(f"{p['field']}: {p['message']}" for p in problems), problems)


def _problem(error: dict[str, Any]) -> dict[str, Any]:
    """One pydantic error as {field, in, message}: the field is the last name in its location."""
    loc = [str(part) for part in error.get("loc", ())]
    where = loc[0] if loc else "request"
    names = [p for p in loc[1:] if not p.isdigit()]
    field = names[-1] if names else where
    message = str(error.get("msg", "invalid value")).removeprefix("Value error, ")
    cause = (error.get("ctx") or {}).get("error")
    if isinstance(cause, FieldError):
        field, message = cause.field, cause.message
    elif error.get("type") == "json_invalid":
        field, message = "body", f"not valid JSON ({(error.get('ctx') or {}).get('error', 'parse error')})"
    elif error.get("type") == "missing" and field == "body":
        message = "a JSON object is required"
    return {"field": field, "in": where, "message": message}


def _bad_field(request: Request, exc: BadField) -> JSONResponse:
    return _json(exc.status, str(exc), [exc.problem])


def _http(request: Request, exc: HTTPException) -> JSONResponse:
    detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    if exc.status_code == 404 and detail == "Not Found":
        detail = f"no such endpoint: {request.method} {request.url.path} (see /docs)"
    return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=getattr(exc, "headers", None))


def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return _json(500, f"internal error ({type(exc).__name__}); the server log has the details")
