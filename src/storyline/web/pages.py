"""The pages: the stories, one story, one article, and search, each at a URL that can be shared."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from storyline.errors import BadInput
from storyline.library import SearchFilter
from storyline.web.app import WebState
from storyline.render.changes import changes_atom
from storyline.web.views import (
    STORIES_PER_PAGE,
    StoryFilter,
    article_context,
    article_href,
    changes_context,
    listing_rows,
    story_context,
    story_href,
)

router = APIRouter(include_in_schema=False)
SEARCH_PER_PAGE = 20


def _state(request: Request) -> WebState:
    return request.app.state.web


def parse_day(value: str | None, name: str) -> dt.date | None:
    """A date a reader typed in a filter (YYYY-MM-DD), or None when left empty."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise BadInput(f"{name}={value!r} is not a date; write it as YYYY-MM-DD") from error


@router.get("/", response_class=HTMLResponse)
def stories_page(
    request: Request, since: str | None = None, until: str | None = None, outlet: str | None = None,
    page: int = Query(1, ge=1),
) -> HTMLResponse:
    state = _state(request)
    chosen = StoryFilter(parse_day(since, "since"), parse_day(until, "until"), outlet or None)
    revision = state.library().listings_revision()

    def render() -> str:
        listings = state.listings()
        outlets = sorted({name for listing in listings for name in listing.outlets}, key=str.casefold)
        kept = [listing for listing in listings if chosen.keeps(listing)]
        shown = kept[(page - 1) * STORIES_PER_PAGE : page * STORIES_PER_PAGE]
        return state.templates.get_template("stories.html.j2").render(
            rows=listing_rows(shown), total=len(kept), everything=len(listings), outlets=outlets,
            chosen=chosen, page=page, pages=max(1, -(-len(kept) // STORIES_PER_PAGE)),
            query_for=lambda number: _query(since=since, until=until, outlet=outlet, page=number),
        )

    return HTMLResponse(state.pages.get(("stories-page", revision, chosen, page), render))


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str) -> Response:
    state = _state(request)
    library = state.library()
    resolved = library.resolve(story_id)
    if resolved != story_id:
        return RedirectResponse(story_href(resolved), status_code=307)
    version = library.version(resolved)

    def render() -> str:
        story = library.story(resolved)
        listing = library.listing(resolved)
        return state.templates.get_template("story.html.j2").render(**story_context(story, listing), version=version)

    return HTMLResponse(state.pages.get(("story-page", resolved, version), render))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> HTMLResponse:
    state = _state(request)
    library = state.library()
    version = library.article_version(article_id)

    def render() -> str:
        return state.templates.get_template("article.html.j2").render(**article_context(library.article(article_id)))

    return HTMLResponse(state.pages.get(("article-page", article_id, version), render))


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request, q: str = "", story: str | None = None, outlet: str | None = None, since: str | None = None,
    until: str | None = None, page: int = Query(1, ge=1),
) -> HTMLResponse:
    state = _state(request)
    library = state.library()
    hits = []
    within = SearchFilter(story or None, outlet or None, parse_day(since, "since"), parse_day(until, "until"))
    if q.strip():
        hits = library.search(q, limit=SEARCH_PER_PAGE + 1, offset=(page - 1) * SEARCH_PER_PAGE, within=within)
    more = len(hits) > SEARCH_PER_PAGE
    titles = library.titles({hit.story_id for hit in hits if hit.story_id} | {within.story_id} - {None})
    rows = [
        dict(hit=hit, href=article_href(hit.article_id, hit.start, hit.end),
             story_title=titles.get(hit.story_id or "", hit.story_id), story_href=story_href(hit.story_id) if hit.story_id else None)
        for hit in hits[:SEARCH_PER_PAGE]
    ]
    return state.page(
        "search.html.j2", q=q, rows=rows, within=within, story_title=titles.get(within.story_id or ""),
        page=page, more=more, first=(page - 1) * SEARCH_PER_PAGE + 1,
        query_for=lambda number: _query(q=q, story=story, outlet=outlet, since=since, until=until, page=number),
    )


def _query(**values: object) -> str:
    """A query string of the values that are set, for links to another page of the same list."""
    return "?" + urlencode({key: value for key, value in values.items() if value not in (None, "")})


@router.get("/stories/{story_id}/changes", response_class=HTMLResponse)
def changes_page(request: Request, story_id: str, since: str | None = None) -> Response:
    """What changed in the story since a date or version (by default, since the version before the latest)."""
    state = _state(request)
    library = state.library()
    resolved = library.resolve(story_id)
    versions = library.versions(resolved)
    chosen = since or (str(versions[-2][0]) if len(versions) > 1 else "1")
    found = library.changes(resolved, chosen)
    story = library.story(resolved)
    return state.page("changes.html.j2", **changes_context(story, found), since=chosen, versions=versions)


@router.get("/stories/{story_id}/changes.atom")
def changes_feed(request: Request, story_id: str) -> Response:
    """An Atom feed of the story's changes, one entry per version, for any feed reader."""
    state = _state(request)
    library = state.library()
    resolved = library.resolve(story_id)
    base = str(request.base_url).rstrip("/")
    listing = library.listing(resolved)
    feed = changes_atom(
        listing.title if listing else resolved, resolved, library.history(resolved),
        link=lambda evidence: base + article_href(evidence.article, evidence.start, evidence.end),
        story_link=base + story_href(resolved),
    )
    return Response(feed, media_type="application/atom+xml")


@router.get("/sources", response_class=HTMLResponse)
def sources_page(request: Request) -> HTMLResponse:
    """The feeds and folders `storyline watch` follows into this library, with how each last went."""
    state = _state(request)
    return state.page("sources.html.j2", sources=state.library().sources())
