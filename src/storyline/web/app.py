"""The web app: FastAPI over the story library, pages rendered on the server.

Security is in the shape of the app rather than in checks sprinkled over it: every page is a Jinja2
template with autoescaping on (article text and titles are text, never markup); links are made only from
http(s) addresses; the Content-Security-Policy lets the page run the app's own script files and nothing
inline, so an injected ``<script>`` or ``onerror=`` could not run even if it reached the page; static files
are a fixed list, so no path reaches the disk; ids are looked up, never joined into paths. Writes are off
unless asked for and then need the token, compared in constant time; so does every request when the
server listens beyond the loopback address.
"""

from __future__ import annotations

import hmac
import ipaddress
from dataclasses import dataclass
from http import HTTPStatus
from importlib import resources
from pathlib import Path

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from storyline.errors import BadInput, NotFound, StoreError, StorylineError
from storyline.library import Library, StoryListing
from storyline.render.html import briefing_templates
from storyline.web.readers import PageCache, Readers

DEFAULT_MAX_BODY = 20_000_000
"""Bytes a request body may hold (an upload of articles): the size limit ``add`` puts on one file."""
TOKEN_COOKIE = "storyline_token"
STATIC_FILES = {
    "web.css": "text/css", "briefing.css": "text/css", "article.js": "text/javascript", "favicon.svg": "image/svg+xml",
}
NO_TELEMETRY = {"tracing": False, "metrics": False, "logs": False, "operation_spans": False, "auto_configure": False}
"""FastAPI's OpenTelemetry hooks off, whatever the environment says: the app sends nothing anywhere."""
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


@dataclass(frozen=True, slots=True)
class ServeOptions:
    """How ``storyline serve`` was started."""

    db: Path
    host: str = "127.0.0.1"
    allow_writes: bool = False
    token: str | None = None
    max_body: int = DEFAULT_MAX_BODY

    def check(self) -> None:
        """Raise BadInput when the server would be open to anyone: writes on, or listening beyond the
        loopback address, without a token."""
        if self.token:
            return
        if self.allow_writes:
            raise BadInput("--allow-writes needs a token: pass --token or set STORYLINE_TOKEN")
        if not is_loopback(self.host):
            raise BadInput(f"listening on {self.host} (beyond this machine) needs a token: pass --token or set STORYLINE_TOKEN")


@dataclass(slots=True)
class WebState:
    options: ServeOptions
    readers: Readers
    pages: PageCache
    templates: jinja2.Environment

    def library(self) -> Library:
        return self.readers.library()

    def listings(self) -> list[StoryListing]:
        """Every story's listing, read once per change of the listings (``add`` bumps the revision)."""
        library = self.library()
        return self.pages.get(("listings", library.listings_revision()), library.stories)

    def page(self, name: str, status_code: int = 200, **context: object) -> HTMLResponse:
        return HTMLResponse(self.templates.get_template(name).render(**context), status_code=status_code)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def create_app(options: ServeOptions) -> FastAPI:
    """The app for one library file; raises StorylineError when the options or the library are wrong."""
    options.check()
    Library(options.db, readonly=True).close()  # fail now, with the store's message, not on first request
    from storyline.web import api, pages  # the routes, after the options are known to be sound

    app = FastAPI(title="storyline", version="1", docs_url=None, redoc_url=None, telemetry=NO_TELEMETRY)
    app.state.web = WebState(options, Readers(options.db), PageCache(), _templates())
    app.include_router(pages.router)
    app.include_router(api.router, prefix="/api")
    app.add_exception_handler(StorylineError, _storyline_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_middleware(_Guard, options=options)
    app.add_api_route("/static/{name}", _static, methods=["GET"], include_in_schema=False)
    app.add_api_route("/favicon.ico", lambda: _static("favicon.svg"), methods=["GET"], include_in_schema=False)
    app.router.on_shutdown.append(app.state.web.readers.close)
    return app


def _templates() -> jinja2.Environment:
    """The app's templates, which include the briefing's own sections; autoescaping on, and a missing
    variable is an error rather than a blank."""
    environment = jinja2.Environment(
        loader=jinja2.ChoiceLoader([jinja2.PackageLoader("storyline.web", "templates"), briefing_templates()]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return environment


def _static(name: str) -> Response:
    """One of the app's own files: a fixed list, so a path such as ``../`` names nothing."""
    if name not in STATIC_FILES:
        raise HTTPException(404, f"no file {name!r} here")
    folder = "storyline.render" if name == "briefing.css" else "storyline.web"
    subfolder = "templates" if name == "briefing.css" else "static"
    content = resources.files(folder).joinpath(subfolder, name).read_bytes()
    return Response(content, media_type=STATIC_FILES[name], headers={"Cache-Control": "public, max-age=3600"})


# --- errors: one JSON shape for the API, a readable page for everything else ---

def error_response(request: Request, status: int, message: str) -> Response:
    if request.url.path.startswith("/api/") or request.url.path == "/api":
        return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)
    state: WebState = request.app.state.web
    try:
        title = HTTPStatus(status).phrase
    except ValueError:
        title = "Error"
    return state.page("error.html.j2", status, status=status, title=title, message=message)


async def _storyline_error(request: Request, error: Exception) -> Response:
    status = 404 if isinstance(error, NotFound) else 400 if isinstance(error, BadInput) else 503 if isinstance(error, StoreError) else 500
    return error_response(request, status, str(error))


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    message = error.detail if isinstance(error.detail, str) else HTTPStatus(error.status_code).phrase
    if error.status_code == 404 and message == "Not Found":
        message = f"nothing at {request.url.path}; the stories are listed at /"
    return error_response(request, error.status_code, message)


async def _validation_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    problems = "; ".join(
        f"{'.'.join(str(part) for part in problem['loc'][1:]) or problem['loc'][0]}: {problem['msg']}"
        for problem in error.errors()
    )
    return error_response(request, 422, f"the request is not valid: {problems}")


# --- the guard in front of every request ---

class _Guard:
    """ASGI middleware: security headers on every response; the token where one is needed; request bodies
    held to ``max_body`` bytes (413), counted as they stream in, not trusted from Content-Length."""

    def __init__(self, app: ASGIApp, options: ServeOptions) -> None:
        self.app = app
        self.options = options
        self.everything_needs_token = bool(options.token) and not is_loopback(options.host)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        writing = scope["method"] not in ("GET", "HEAD", "OPTIONS")
        if writing and not self.options.allow_writes:
            await self._reply(scope, receive, send, 403, "writes are off; start the server with --allow-writes and a --token")
            return
        if (writing or self.everything_needs_token) and not self._authorized(request):
            message = "this needs the server's token: send it as `Authorization: Bearer TOKEN` (or open a page with ?token=TOKEN once)"
            await self._reply(scope, receive, send, 401, message)
            return
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > self.options.max_body:
            await self._reply(scope, receive, send, 413, self._too_big())
            return
        remember = self.everything_needs_token and request.query_params.get("token") == self.options.token
        await self.app(scope, self._limited(receive), self._with_headers(send, self.options.token if remember else None))

    def _authorized(self, request: Request) -> bool:
        if not self.options.token:
            return False
        given = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        given = given or request.cookies.get(TOKEN_COOKIE, "") or request.query_params.get("token", "")
        return hmac.compare_digest(given.encode(), self.options.token.encode())

    def _too_big(self) -> str:
        return f"the request body is over the {self.options.max_body:,}-byte limit; send less or raise --max-bytes"

    def _limited(self, receive: Receive) -> Receive:
        received = 0
        limit = self.options.max_body

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise HTTPException(413, self._too_big())
            return message

        return counted

    @staticmethod
    def _with_headers(send: Send, token: str | None = None) -> Send:
        """``send`` adding the security headers, and the token's cookie when the token came in the URL."""

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers.extend(
                    (name.lower().encode(), value.encode())
                    for name, value in SECURITY_HEADERS.items() if name.lower().encode() not in present
                )
                if token:
                    cookie = f"{TOKEN_COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/"
                    headers.append((b"set-cookie", cookie.encode()))
                message["headers"] = headers
            await send(message)

        return sending

    async def _reply(self, scope: Scope, receive: Receive, send: Send, status: int, message: str) -> None:
        if scope["path"].startswith("/api"):
            response: Response = JSONResponse({"error": {"status": status, "message": message}}, status_code=status)
        else:
            response = HTMLResponse(
                f"<!doctype html><title>{status}</title><h1>{HTTPStatus(status).phrase}</h1><p>{_escape(message)}</p>",
                status_code=status,
            )
        await response(scope, receive, self._with_headers(send))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
