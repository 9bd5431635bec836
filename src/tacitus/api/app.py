"""The FastAPI application: JSON endpoints under /api, the web UI at / and its files under /static, and an
offline API reference at /docs (the OpenAPI description is at /openapi.json)."""
from __future__ import annotations

from contextlib import asynccontextmanager
from importlib import resources

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..ingest import MAX_CHARS
from . import coding, errors, queries
from .service import Service

# JSON may escape every character as \uXXXX: six bytes a character, plus room for the other fields.
MAX_BODY_BYTES = 6 * MAX_CHARS + (1 << 20)
# The pages load nothing from elsewhere; the browser is told to refuse it if they ever tried.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "frame-ancestors 'none'; base-uri 'none'; form-action 'self'")

DESCRIPTION = """Political event data from English news: code a text into actors, CAMEO/PLOVER events and
quotes, and ask a Tacitus store (a DuckDB file made by `tacitus ingest`) about events, dyads, networks,
actors and quotes. Errors are JSON: `{"detail": "field: what is wrong", "errors": [...]}`."""


def web_files():
    return resources.files("tacitus").joinpath("data", "web")


def create_app(db_path: str | None, allow_ingest: bool = False, *, nlp=None) -> FastAPI:
    """The application serving the store at ``db_path`` (opened read-only unless ``allow_ingest``; without
    one, only coding and health answer). ``nlp`` is a loaded spaCy pipeline to reuse (tests); by default the
    coder loads its own on the first coding request. Raises ``StoreError`` when the store cannot be opened."""
    service = Service(db_path, allow_ingest=allow_ingest, nlp=nlp)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        service.close()

    app = FastAPI(title="Tacitus", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None)
    app.state.service = service
    errors.install(app)
    app.include_router(coding.router)
    app.include_router(queries.router)
    _pages(app)
    app.middleware("http")(_guard)
    return app


def _pages(app: FastAPI) -> None:
    folder = web_files()
    app.mount("/static", StaticFiles(directory=str(folder)), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(str(folder.joinpath("index.html")))

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(str(folder.joinpath("docs.html")))


async def _guard(request: Request, call_next):
    """Refuse bodies larger than any valid request before reading them; set the content policy on pages."""
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > MAX_BODY_BYTES:
        return JSONResponse({"detail": f"request body too large ({int(length):,} bytes; the limit is "
                                       f"{MAX_BODY_BYTES:,})"}, status_code=413)
    response = await call_next(request)
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    return response
