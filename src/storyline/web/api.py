"""The JSON API, in the shapes of story.json: stories, one story, one article, search, and adding articles.

Lists are paginated with ``limit`` and ``offset`` and say how many there are in all (search says whether
there are more). Writes go through ``Library.add_articles``, the code ``storyline add`` runs, with the
readers ``add`` uses: a JSON body is read as a .json file is, an upload as the file it is.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path, PurePath
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from starlette.datastructures import UploadFile

from storyline.errors import BadInput
from storyline.ingest.jsonl import read_json
from storyline.ingest.reader import read_file
from storyline.library import AddResult, Library, SearchFilter
from storyline.model import Article, Rejected
from storyline.render.changes import changes_data
from storyline.render.json import article_data, evidence_data, rejected_data, render_json
from storyline.web.app import WebState
from storyline.web.pages import parse_day
from storyline.web.views import StoryFilter, article_href, story_href

router = APIRouter()
MAX_UPLOADS = 100


def _state(request: Request) -> WebState:
    return request.app.state.web


@router.get("/stories")
def list_stories(
    request: Request, limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0),
    since: str | None = None, until: str | None = None, outlet: str | None = None,
) -> dict[str, Any]:
    """Stories, newest activity first, each as ``storyline stories --json`` gives it."""
    chosen = StoryFilter(parse_day(since, "since"), parse_day(until, "until"), outlet or None)
    kept = [listing for listing in _state(request).listings() if chosen.keeps(listing)]
    return {
        "stories": [dict(listing.as_dict(), href=story_href(listing.id)) for listing in kept[offset : offset + limit]],
        "total": len(kept), "limit": limit, "offset": offset,
    }


@router.get("/sources")
def list_sources(request: Request) -> dict[str, Any]:
    """The sources `storyline watch` follows, as `storyline sources --json` gives them."""
    fields = ("source", "kind", "title", "last_fetch", "status", "error", "articles")
    return {"sources": [{key: state[key] for key in fields} for state in _state(request).library().sources()]}


@router.get("/stories/{story_id}")
def get_story(request: Request, story_id: str) -> Response:
    """The story's latest briefing, exactly its story.json."""
    state = _state(request)
    library = state.library()
    resolved = library.resolve(story_id)
    version = library.version(resolved)
    text = state.pages.get(("story-json", resolved, version), lambda: render_json(library.story(resolved)))
    return Response(text, media_type="application/json")


@router.get("/stories/{story_id}/changes")
def get_changes(request: Request, story_id: str, since: str = Query(..., min_length=1)) -> dict[str, Any]:
    """What changed in the story since ``since`` (an ISO 8601 date or date-time, or a version number)."""
    return changes_data(_state(request).library().changes(story_id, since))


@router.get("/articles/{article_id}")
def get_article(request: Request, article_id: str) -> dict[str, Any]:
    """The article as story.json holds it, with the story and event it feeds and the spans its story's
    briefing cites in it."""
    found = _state(request).library().article(article_id)
    data = article_data(found.article, [duplicate.path for duplicate in found.duplicates], found.event_id)
    data.update(
        outlet=found.article.outlet, story=found.story_id, story_title=found.story_title,
        event_title=found.event.title if found.event else None,
        cited=[dict(evidence_data((evidence,))[0], cited_in=where) for where, evidence in found.cited],
    )
    return data


@router.get("/search")
def search(
    request: Request, q: str = Query(..., min_length=1), story: str | None = None, outlet: str | None = None,
    since: str | None = None, until: str | None = None, limit: int = Query(20, ge=1, le=200),
    offset: int = Query(0, ge=0),
) -> dict[str, Any]:
    """Titles and sentences matching ``q``, each linked to its span in its article."""
    within = SearchFilter(story or None, outlet or None, parse_day(since, "since"), parse_day(until, "until"))
    hits = _state(request).library().search(q, limit=limit + 1, offset=offset, within=within)
    return {
        "hits": [
            {
                "article": hit.article_id, "start": hit.start, "end": hit.end, "kind": hit.kind, "text": hit.text,
                "snippet": [[fragment, matched] for fragment, matched in hit.snippet],
                "event": hit.event_id, "story": hit.story_id, "href": article_href(hit.article_id, hit.start, hit.end),
            }
            for hit in hits[:limit]
        ],
        "limit": limit, "offset": offset, "more": len(hits) > limit,
    }


@router.post("/articles")
async def add_articles(request: Request) -> JSONResponse:
    """Add articles: a JSON body (one object with the JSONL fields, or a list of them) or a
    ``multipart/form-data`` upload of files in any format ``add`` reads (field ``file``, repeated)."""
    state = _state(request)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S.%fZ")
    if request.headers.get("content-type", "").startswith("multipart/form-data"):
        outcomes = await _uploaded(request, state, stamp)
    else:
        outcomes = list(read_json(await request.body(), f"api/{stamp}.json"))
    articles = [outcome for outcome in outcomes if isinstance(outcome, Article)]
    rejected = [outcome for outcome in outcomes if isinstance(outcome, Rejected)]
    result = await run_in_threadpool(_add, state.options.db, articles, rejected)
    return JSONResponse(_added(result), status_code=201 if result.placed else 200)


async def _uploaded(request: Request, state: WebState, stamp: str) -> list[Article | Rejected]:
    form = await request.form(max_files=MAX_UPLOADS, max_part_size=state.options.max_body)
    uploads = [value for value in form.getlist("file") if isinstance(value, UploadFile)]
    if not uploads:
        raise BadInput('the upload holds no file: send each file in a form field named "file"')
    outcomes: list[Article | Rejected] = []
    with tempfile.TemporaryDirectory(prefix="storyline-upload-") as folder:
        for number, upload in enumerate(uploads, start=1):
            name = PurePath(upload.filename or f"upload-{number}.txt").name or f"upload-{number}.txt"
            path = Path(folder) / f"{number:03d}-{name}"
            path.write_bytes(await upload.read())
            outcomes.extend(read_file(path, f"upload/{stamp}/{name}", max_bytes=state.options.max_body))
    return outcomes


def _add(db: Path, articles: list[Article], rejected: list[Rejected]) -> AddResult:
    with Library(db) as library:
        return library.add_articles(articles, rejected=rejected)


def _added(result: AddResult) -> dict[str, Any]:
    return {
        "read": result.read, "placed": result.placed, "known": result.known,
        "new_stories": list(result.new_stories), "updated_stories": list(result.updated_stories),
        "duplicates": [{"path": d.path, "of": d.of, "similarity": d.similarity} for d in result.duplicates],
        "rejected": [rejected_data(entry) for entry in result.rejected],
        "seconds": round(result.seconds, 3),
    }
