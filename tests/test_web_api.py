"""The web app over HTTP: the JSON API's shapes, errors, search filters, and the guard in front of it
(tokens, writes, body size, paths). Served by uvicorn on 127.0.0.1 as `storyline serve` serves it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import httpx
import jsonschema
import pytest
from web_server import serving

from conftest import REPO
from storyline.errors import BadInput
from storyline.web import ServeOptions

pytestmark = pytest.mark.slow
TOKEN = "correct horse battery staple"
SCHEMA = json.loads((REPO / "src" / "storyline" / "story.schema.json").read_text())


@pytest.fixture(scope="module")
def site(web_db):
    with serving(ServeOptions(web_db)) as base, httpx.Client(base_url=base, timeout=30) as client:
        yield client


def _story_with_outlets(site) -> dict:
    return next(story for story in site.get("/api/stories").json()["stories"] if story["sources"])


def test_web_api_stories_lists_every_story_with_its_listing(site):
    listed = site.get("/api/stories").json()
    assert listed["total"] == len(listed["stories"]) >= 2
    assert {"id", "title", "first", "last", "articles", "sources", "outlets", "days", "events", "href"} <= set(listed["stories"][0])


def test_web_api_stories_are_paginated(site):
    first = site.get("/api/stories", params={"limit": 1}).json()
    second = site.get("/api/stories", params={"limit": 1, "offset": 1}).json()
    assert len(first["stories"]) == len(second["stories"]) == 1
    assert first["stories"][0]["id"] != second["stories"][0]["id"]
    assert first["total"] == second["total"]


def test_web_api_stories_filter_by_outlet(site):
    outlet = _story_with_outlets(site)["outlets"][0]
    listed = site.get("/api/stories", params={"outlet": outlet}).json()["stories"]
    assert listed and all(outlet in story["outlets"] for story in listed)


def test_web_api_story_is_its_story_json(site):
    story_id = site.get("/api/stories").json()["stories"][0]["id"]
    story = site.get(f"/api/stories/{story_id}").json()
    jsonschema.validate(story, SCHEMA)
    assert story["id"] == story_id


def test_web_api_article_cites_exact_spans_of_its_text(site):
    story = site.get(f"/api/stories/{site.get('/api/stories').json()['stories'][0]['id']}").json()
    article = site.get(f"/api/articles/{story['articles'][0]['id']}").json()
    assert article["story"] == story["id"] and article["cited"]
    assert all(article["text"][span["start"]:span["end"]] == span["quote"] for span in article["cited"])


def test_web_api_search_hits_link_to_their_sentence(site):
    hits = site.get("/api/search", params={"q": "troops Syria"}).json()["hits"]
    assert hits
    for hit in hits[:5]:
        article = site.get(f"/api/articles/{hit['article']}").json()
        assert hit["start"] is None or article["text"][hit["start"]:hit["end"]] == hit["text"]
        assert hit["href"] == f"/articles/{hit['article']}" + (f"#c-{hit['start']}-{hit['end']}" if hit["start"] is not None else "")
        assert any(matched for _, matched in hit["snippet"])


def test_web_api_search_filters_by_outlet(site):
    hits = site.get("/api/search", params={"q": "well", "outlet": "Gulf Wire"}).json()["hits"]
    assert hits
    assert {site.get(f"/api/articles/{hit['article']}").json()["outlet"] for hit in hits} == {"Gulf Wire"}


def test_web_api_search_filters_by_story(site):
    seeds = next(story for story in site.get("/api/stories").json()["stories"] if "Iraq" in story["title"])
    hits = site.get("/api/search", params={"q": "said", "story": seeds["id"], "limit": 50}).json()["hits"]
    assert hits and {hit["story"] for hit in hits} == {seeds["id"]}


def test_web_api_search_filters_by_date(site):
    hits = site.get("/api/search", params={"q": "well", "since": "2010-08-01", "until": "2010-08-31"}).json()["hits"]
    everywhere = site.get("/api/search", params={"q": "well"}).json()["hits"]
    assert 0 < len(hits) < len(everywhere)


def test_web_api_search_without_a_word_is_a_400_in_the_error_shape(site):
    reply = site.get("/api/search", params={"q": "?!"})
    assert reply.status_code == 400
    assert reply.json()["error"]["status"] == 400 and "no word" in reply.json()["error"]["message"]


def test_web_api_unknown_story_is_a_404_in_the_error_shape(site):
    reply = site.get("/api/stories/s0000000000000000")
    assert reply.status_code == 404
    assert set(reply.json()) == {"error"} and "no story" in reply.json()["error"]["message"]


def test_web_api_bad_date_filter_says_how_to_write_it(site):
    reply = site.get("/api/stories", params={"since": "last week"})
    assert reply.status_code == 400 and "YYYY-MM-DD" in reply.json()["error"]["message"]


def test_web_every_story_and_article_page_answers(site):
    for listing in site.get("/api/stories").json()["stories"]:
        assert site.get(f"/stories/{listing['id']}").status_code == 200, listing["title"]
        for article in site.get(f"/api/stories/{listing['id']}").json()["articles"]:
            assert site.get(f"/articles/{article['id']}").status_code == 200, article["path"]


def test_web_story_page_shows_what_only_one_outlet_reports(site):
    story = next(s for s in site.get("/api/stories").json()["stories"] if s["sources"] >= 2)
    page = site.get(f"/stories/{story['id']}").text
    assert "Only one outlet reports" in page and 'class="sole"' in page


def test_web_pages_unknown_article_gets_a_readable_error_page(site):
    reply = site.get("/articles/0000000000000000")
    assert reply.status_code == 404
    assert reply.headers["content-type"].startswith("text/html") and "no article" in reply.text


def test_web_openapi_schema_lists_the_api(site):
    paths = site.get("/openapi.json").json()["paths"]
    assert {"/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}", "/api/search"} <= set(paths)


@pytest.mark.parametrize("path", [
    "/static/../pyproject.toml", "/static/..%2F..%2Fpyproject.toml", "/static/%2e%2e/app.py",
    "/static/%252e%252e%252fapp.py", "/articles/..%2F..%2Flibrary.db", "/stories/..%2Fetc%2Fpasswd",
    "/static/web.css%00.py",
])
def test_web_traversal_paths_are_404(site, path):
    assert site.get(path).status_code == 404


def test_web_every_response_carries_a_script_policy(site):
    policy = site.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]


def test_web_story_prefix_redirects_to_the_story(site):
    story_id = site.get("/api/stories").json()["stories"][0]["id"]
    reply = site.get(f"/stories/{story_id[:8]}", follow_redirects=False)
    assert reply.status_code == 307 and reply.headers["location"] == f"/stories/{story_id}"


def test_web_hostile_article_renders_as_text(site):
    hit = site.get("/api/search", params={"q": "harbour dredging"}).json()["hits"][0]
    for page in (f"/articles/{hit['article']}", f"/stories/{hit['story']}", "/search?q=harbour", "/"):
        html = site.get(page).text
        assert "<script>alert" not in html and "<img src=x" not in html and "<b onmouseover" not in html
        assert 'href="javascript:' not in html
    assert "&lt;img src=x onerror=alert" in site.get(f"/articles/{hit['article']}").text


def test_web_reads_while_a_writer_holds_the_library(site, web_db):
    writer = sqlite3.connect(web_db, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE meta SET value = value WHERE key = 'schema'")
        assert site.get("/").status_code == 200
        assert site.get("/api/search", params={"q": "troops"}).status_code == 200
    finally:
        writer.execute("ROLLBACK")
        writer.close()


# --- writes and tokens ---

def test_web_writes_are_off_unless_allowed(site):
    reply = site.post("/api/articles", json={"text": "A sentence.", "title": "A title"})
    assert reply.status_code == 403 and "--allow-writes" in reply.json()["error"]["message"]


def test_web_writes_need_a_token_to_start(web_db):
    with pytest.raises(BadInput, match="--token"):
        ServeOptions(web_db, allow_writes=True).check()


def test_web_listening_beyond_loopback_needs_a_token_to_start(web_db):
    with pytest.raises(BadInput, match="needs a token"):
        ServeOptions(web_db, host="0.0.0.0").check()


@pytest.fixture(scope="module")
def writable(web_db, tmp_path_factory):
    db = tmp_path_factory.mktemp("writable") / "library.db"
    db.write_bytes(web_db.read_bytes())
    options = ServeOptions(db, allow_writes=True, token=TOKEN, max_body=200_000)
    with serving(options) as base, httpx.Client(base_url=base, timeout=120) as client:
        yield client


def test_web_write_without_the_token_is_401(writable):
    reply = writable.post("/api/articles", json={"text": "The ferry resumed service on Monday."})
    assert reply.status_code == 401 and "token" in reply.json()["error"]["message"]


def test_web_write_with_a_wrong_token_is_401(writable):
    reply = writable.post("/api/articles", json={"text": "The ferry resumed service on Monday."},
                          headers={"Authorization": "Bearer wrong"})
    assert reply.status_code == 401


def test_web_write_over_the_size_limit_is_413(writable):
    reply = writable.post("/api/articles", content=b"x" * 300_000, headers={"Authorization": f"Bearer {TOKEN}"})
    assert reply.status_code == 413 and "--max-bytes" in reply.json()["error"]["message"]


def test_web_streamed_write_over_the_size_limit_is_413(writable):
    def chunks():
        for _ in range(30):
            yield b"x" * 10_000

    reply = writable.post("/api/articles", content=chunks(), headers={"Authorization": f"Bearer {TOKEN}"})
    assert reply.status_code == 413


def test_web_write_adds_json_records_as_add_does(writable):
    record = {
        "title": "Ferry service resumes after storm",
        "text": "The island ferry resumed service on Monday after a three-day storm closed the harbour, the "
                "operator said. About 1,200 passengers had waited on the mainland.",
        "source": "Island Courier", "published": "2023-11-06", "url": "https://courier.example/ferry",
    }
    reply = writable.post("/api/articles", json=[record], headers={"Authorization": f"Bearer {TOKEN}"})
    assert reply.status_code == 201 and reply.json()["placed"] == 1
    hits = writable.get("/api/search", params={"q": "ferry resumed"}).json()["hits"]
    assert hits and writable.get(f"/api/articles/{hits[0]['article']}").json()["outlet"] == "Island Courier"


def test_web_write_reads_uploaded_files_as_add_does(writable):
    page = (REPO / "tests" / "fixtures" / "ingest" / "news_page.html").read_bytes()
    reply = writable.post("/api/articles", files={"file": ("news_page.html", page, "text/html")},
                          headers={"Authorization": f"Bearer {TOKEN}"})
    assert reply.status_code in (200, 201)
    assert reply.json()["read"] == 1 and not reply.json()["rejected"]


def test_web_write_of_broken_json_says_what_is_wrong(writable):
    reply = writable.post("/api/articles", content=b"{not json", headers={"Authorization": f"Bearer {TOKEN}"})
    assert reply.status_code == 400 and "not valid JSON" in reply.json()["error"]["message"]


@pytest.fixture(scope="module")
def guarded(web_db):
    with serving(ServeOptions(web_db, host="0.0.0.0", token=TOKEN)) as base, httpx.Client(base_url=base, timeout=30) as client:
        yield client


def test_web_beyond_loopback_every_read_needs_the_token(guarded):
    assert guarded.get("/api/stories").status_code == 401
    assert guarded.get("/api/stories", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200


def test_web_beyond_loopback_a_token_in_the_address_opens_the_pages(guarded):
    first = guarded.get("/", params={"token": TOKEN})
    assert first.status_code == 200 and "storyline_token" in first.headers["set-cookie"]
    assert guarded.get("/search", params={"q": "troops"}).status_code == 200
    guarded.cookies.clear()
