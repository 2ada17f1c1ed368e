"""The dispatcher: folders, formats by suffix, and a reason for every input that is not an article."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from conftest import EXAMPLES, shared_data
from storyline.ingest import read_file, read_inputs
from storyline.model import Article

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def _reasons(result) -> dict[str, str]:
    return {Path(rejected.path).name: rejected.reason for rejected in result.rejected}


def test_ingest_reader_reads_the_seed_corpus_and_lists_its_readme():
    result = read_inputs([EXAMPLES])
    assert [Path(article.path).name for article in result.articles] == sorted(
        file.name for file in EXAMPLES.glob("*.txt")
    )
    assert len(result.articles) == 5
    assert _reasons(result)["README.md"].startswith("unsupported format .md; storyline reads .txt")


def test_ingest_reader_accounts_for_every_fixture_file():
    result = read_inputs([FIXTURES])
    files = {file.as_posix() for file in FIXTURES.rglob("*") if file.is_file()}
    accounted = {article.path.split("#")[0] for article in result.articles}
    accounted |= {rejected.path for rejected in result.rejected}
    assert accounted == files


def test_ingest_reader_reads_folders_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / "b" / "1.txt").write_text("The well was capped on 15 July 2010.\n")
    (tmp_path / "a" / "deep" / "2.txt").write_text("The relief well was finished in September.\n")
    (tmp_path / "a" / "3.txt").write_text("BP set aside $20bn for claims in June.\n")
    paths = [Path(article.path).relative_to(tmp_path).as_posix() for article in read_inputs([tmp_path]).articles]
    assert paths == ["a/3.txt", "a/deep/2.txt", "b/1.txt"]


def test_ingest_reader_passes_over_hidden_files_in_folders(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_text("ref: refs/heads/main\n")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (tmp_path / "story.txt").write_text("Oil reached the marshes on Sunday.\n")
    result = read_inputs([tmp_path])
    assert [Path(article.path).name for article in result.articles] == ["story.txt"]
    assert result.rejected == ()


def test_ingest_reader_treats_htm_txt_files_as_text(tmp_path):
    (tmp_path / "683.htm.txt").write_text("BP chief Tony Hayward met officials in Washington . \n")
    (article,) = read_inputs([tmp_path]).articles
    assert article.text == "BP chief Tony Hayward met officials in Washington . \n"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "empty file"),
        ("photo_saved_as.txt", "binary file, not text"),
        ("service_unavailable.rss", "not an RSS or Atom feed"),
    ],
)
def test_ingest_reader_rejects_a_bad_file_with_its_reason(name, reason):
    (rejected,) = read_file(FIXTURES / name)
    assert rejected.path == (FIXTURES / name).as_posix()
    assert rejected.reason.startswith(reason)


def test_ingest_reader_rejects_a_whitespace_only_file(tmp_path):
    (tmp_path / "blank.txt").write_text("  \n\n \t\n")
    (rejected,) = read_inputs([tmp_path]).rejected
    assert rejected.reason == "empty, no article text"


def test_ingest_reader_rejects_an_oversized_file_without_reading_it(tmp_path):
    big = tmp_path / "dump.txt"
    with big.open("wb") as stream:
        stream.truncate(21_000_000)  # sparse: no 21 MB written to disk
    (rejected,) = read_inputs([big]).rejected
    assert rejected.reason.startswith("oversized, 21.0 MB is over the 20 MB limit")


def test_ingest_reader_rejects_an_unreadable_file(tmp_path):
    os.symlink(tmp_path / "gone.txt", tmp_path / "dangling.txt")
    (rejected,) = read_inputs([tmp_path]).rejected
    assert rejected.reason == "unreadable: No such file or directory"


def test_ingest_reader_rejects_a_missing_path():
    (rejected,) = read_inputs([Path("no/such/folder/article.txt")]).rejected
    assert rejected == type(rejected)("no/such/folder/article.txt", "unreadable: No such file or directory")


@pytest.mark.parametrize(("name", "shown"), [("notes.docx", ".docx"), ("archive.tar.gz", ".gz"), ("LICENSE", None)])
def test_ingest_reader_rejects_unsupported_formats(tmp_path, name, shown):
    (tmp_path / name).write_text("Not an article format.\n")
    (rejected,) = read_inputs([tmp_path]).rejected
    expected = f"unsupported format {shown}" if shown else "unsupported format (no file extension)"
    assert rejected.reason.startswith(expected)


def test_ingest_reader_rejects_xml_that_is_not_a_feed(tmp_path):
    (tmp_path / "sitemap.xml").write_text('<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>')
    (rejected,) = read_inputs([tmp_path]).rejected
    assert rejected.reason == "unsupported XML, not an RSS or Atom feed"


def test_ingest_reader_keeps_going_after_a_broken_file(tmp_path):
    for name in ("a_empty.txt", "b_story.txt"):
        shutil.copy(FIXTURES / ("empty.txt" if "empty" in name else "fishermen_cp1252.txt"), tmp_path / name)
    result = read_inputs([tmp_path])
    assert [Path(article.path).name for article in result.articles] == ["b_story.txt"]
    assert [Path(rejected.path).name for rejected in result.rejected] == ["a_empty.txt"]


def test_ingest_reader_gives_the_same_result_twice():
    assert read_inputs([FIXTURES]) == read_inputs([FIXTURES])


def test_ingest_reader_reads_a_timeline17_topic_quickly():
    folder = shared_data("bench/timeline17/bpoil_bbc/InputDocs")
    started = time.perf_counter()
    result = read_inputs([folder])
    elapsed = time.perf_counter() - started
    files = [file for file in folder.rglob("*.txt")]
    assert len(result.articles) + len(result.rejected) == len(files)
    assert all(isinstance(article, Article) and article.text for article in result.articles)
    assert elapsed < 10.0  # about 0.1 s on an idle machine


def test_ingest_reader_dates_an_undated_article_by_its_folder_name(tmp_path):
    (tmp_path / "2010-04-20").mkdir()
    (tmp_path / "2010-04-20" / "683.htm.txt").write_text("The Deepwater Horizon rig exploded on Tuesday night .\n")
    (article,) = read_inputs([tmp_path]).articles
    assert article.published.iso() == "2010-04-20"
    assert (article.published_from, article.published_confidence) == ("file", 0.8)


def test_ingest_reader_prefers_metadata_to_a_date_in_the_file_name(tmp_path):
    shutil.copy(FIXTURES / "news_page.html", tmp_path / "2010-07-20_saved.html")
    (article,) = read_inputs([tmp_path]).articles
    assert article.published.iso() == "2010-07-15" and article.published_from == "metadata"


def test_ingest_reader_follows_symlinked_folders_without_looping(tmp_path):
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "story.txt").write_text("Oil reached the marshes on Sunday.\n")
    os.symlink(tmp_path / "wire", tmp_path / "wire" / "loop")
    os.symlink(tmp_path / "wire", tmp_path / "linked")
    result = read_inputs([tmp_path])
    assert sorted(Path(article.path).relative_to(tmp_path).as_posix() for article in result.articles) == [
        "linked/story.txt", "wire/story.txt"
    ]


def test_ingest_reader_turns_a_parser_crash_into_a_rejection(tmp_path, monkeypatch):
    import storyline.ingest.reader as reader

    def crash(data: bytes, label: str):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(reader, "read_html", crash)
    (tmp_path / "deep.html").write_text("<div>" * 10 + "Nested" + "</div>" * 10)
    (rejected,) = read_inputs([tmp_path]).rejected
    assert rejected.reason == "could not be read (RecursionError: maximum recursion depth exceeded)"


def test_ingest_reader_reads_a_gzipped_page_as_the_page(tmp_path):
    import gzip

    page = (Path(__file__).parent / "fixtures" / "ingest" / "news_page.html").read_bytes()
    (tmp_path / "cap.html.gz").write_bytes(gzip.compress(page))
    (article,) = read_inputs([tmp_path / "cap.html.gz"]).articles
    assert article.title == "BP says new cap has stopped oil leaking into Gulf"


def test_ingest_reader_refuses_a_gzip_that_inflates_past_the_limit(tmp_path):
    import gzip

    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"oil " * 1_000_000))
    result = read_inputs([tmp_path / "bomb.txt.gz"], max_bytes=100_000)
    assert not result.articles and "oversized once decompressed" in result.rejected[0].reason
    assert "--max-bytes" in result.rejected[0].reason
