"""Files and folders in, articles out: every input becomes an article or a rejection with its reason.

One loader for every format, chosen by the file's final suffix ("683.htm.txt" is text). A file that cannot
be read never stops the run; it is listed in ``rejected`` so nothing is dropped silently.
"""

from __future__ import annotations

import gzip
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from storyline.errors import BadInput
from storyline.ingest.article import FILE_DATE_CONFIDENCE
from storyline.ingest.dates import date_in_path
from storyline.ingest.feed import is_feed, read_feed
from storyline.ingest.html import read_html
from storyline.ingest.jsonl import read_json, read_jsonl
from storyline.ingest.text import read_text
from storyline.ingest.warc import read_warc
from storyline.model import Article, Rejected

DEFAULT_MAX_BYTES = 20_000_000

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
JSON_SUFFIXES = (".json",)
FEED_SUFFIXES = (".rss", ".atom", ".rdf", ".xml")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
# Streamed containers of many records: their size limit applies to each record, not to the whole file.
CONTAINER_SUFFIXES = JSONL_SUFFIXES + WARC_SUFFIXES
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + JSON_SUFFIXES + FEED_SUFFIXES + WARC_SUFFIXES
"""Each may also be gzipped (".html.gz", ".jsonl.gz"…)."""


@dataclass(frozen=True, slots=True)
class IngestResult:
    """Articles in input order (folders in sorted order), and every input that did not become one."""

    articles: tuple[Article, ...]
    rejected: tuple[Rejected, ...]


def read_inputs(paths: Sequence[Path], *, max_bytes: int = DEFAULT_MAX_BYTES) -> IngestResult:
    """Read files and folders (recursively, sorted, so the same inputs always give the same order).

    Hidden files and folders (".git", ".DS_Store") inside a folder are passed over as not part of the
    corpus; a hidden file named on its own is read. An article whose metadata gives no date takes a full
    date written in its file or folder name (``published_from="file"``).

    >>> result = read_inputs([Path("examples/seeds")])  # doctest: +SKIP
    >>> len(result.articles), [r.reason for r in result.rejected]  # doctest: +SKIP
    (5, ['unsupported format .md; storyline reads .txt, .text, .html, ...'])
    """
    articles: list[Article] = []
    rejected: list[Rejected] = []
    for file, label in _input_files(paths):
        for outcome in read_file(file, label, max_bytes=max_bytes):
            (articles if isinstance(outcome, Article) else rejected).append(outcome)
    return IngestResult(tuple(articles), tuple(rejected))


def read_file(
    file: Path, label: str | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[Article | Rejected]:
    """Everything one file yields; ``label`` is the path recorded on its articles (the file path by default).

    Never raises for a bad file: whatever goes wrong, even inside a third-party parser, becomes a
    rejection with its reason, after the records read before it.
    """
    label = label or file.as_posix()
    reader = _reader_for(file)
    if reader is None:
        return [Rejected(label, _unsupported_reason(file))]
    outcomes: list[Article | Rejected] = []
    try:
        size = file.stat().st_size
        if size == 0:
            raise BadInput(f"{label}: empty file")
        if size > max_bytes and _suffix(file) not in CONTAINER_SUFFIXES:
            raise BadInput(f"{label}: oversized, {size / 1e6:.1f} MB is over the {max_bytes / 1e6:g} MB limit; "
                           f"split it or raise the limit with --max-bytes")
        for outcome in reader(file, label, max_bytes):  # records before a failure are kept
            outcomes.append(_dated_by_path(outcome, label))
    except BadInput as error:
        outcomes.append(Rejected(label, str(error).removeprefix(f"{label}: ")))
    except OSError as error:
        outcomes.append(Rejected(label, f"unreadable: {error.strerror or error}"))
    except Exception as error:  # noqa: BLE001 - a parser failing on odd bytes must not stop the run
        outcomes.append(Rejected(label, f"could not be read ({type(error).__name__}: {error})"))
    return outcomes


def _dated_by_path(outcome: Article | Rejected, label: str) -> Article | Rejected:
    """An article without a metadata date takes the date its file or folder name states, marked "file"."""
    if not isinstance(outcome, Article) or outcome.published is not None:
        return outcome
    published = date_in_path(label)
    if published is None:
        return outcome
    return replace(outcome, published=published, published_from="file", published_confidence=FILE_DATE_CONFIDENCE)


def _input_files(paths: Sequence[Path]) -> Iterator[tuple[Path, str]]:
    for path in paths:
        path = Path(path)
        if path.is_dir():
            yield from ((file, file.as_posix()) for file in _folder_files(path))
        else:
            yield path, path.as_posix()


def _folder_files(folder: Path) -> list[Path]:
    """Every non-hidden file under ``folder``, in sorted path order. Symlinked folders are followed, except
    links to a folder already walked, so a link back up the tree cannot loop."""
    files: list[Path] = []
    visited: set[str] = set()
    for root, folders, names in os.walk(folder, followlinks=True):
        visited.add(os.path.realpath(root))
        folders[:] = sorted(
            name for name in folders
            if not name.startswith(".") and os.path.realpath(os.path.join(root, name)) not in visited
        )
        files.extend(Path(root) / name for name in names if not name.startswith("."))
    return sorted(files, key=lambda file: file.parts)


Reader = Callable[[Path, str, int], Iterable[Article | Rejected]]


def _reader_for(file: Path) -> Reader | None:
    suffix = _suffix(file)
    if suffix == ".gz":
        inner = _reader_for(file.with_name(file.name[:-3]))
        return None if inner is None or _suffix(file.with_name(file.name[:-3])) == ".gz" else _gunzipped(inner)
    if suffix in TEXT_SUFFIXES:
        return lambda file, label, _: [read_text(file.read_bytes(), label)]
    if suffix in HTML_SUFFIXES:
        return _read_html_file
    if suffix in JSONL_SUFFIXES:
        return lambda file, label, max_bytes: read_jsonl(file, label, max_bytes=max_bytes)
    if suffix in JSON_SUFFIXES:
        return lambda file, label, _: read_json(file.read_bytes(), label)
    if suffix in FEED_SUFFIXES:
        return _read_feed_file
    if suffix in WARC_SUFFIXES:
        return lambda file, label, max_bytes: read_warc(file, label, max_bytes=max_bytes)
    return None


def _gunzipped(inner: Reader) -> Reader:
    """A reader for ``NAME.gz``: the file decompressed (up to the size limit, so a small file that inflates
    without end is refused) and read as NAME would be."""

    def read(file: Path, label: str, max_bytes: int) -> Iterable[Article | Rejected]:
        with gzip.open(file, "rb") as stream:
            try:
                data = stream.read(max_bytes + 1)
            except (OSError, EOFError) as error:
                raise BadInput(f"{label}: not a readable gzip file ({error})") from error
        if len(data) > max_bytes:
            raise BadInput(f"{label}: oversized once decompressed, over the {max_bytes / 1e6:g} MB limit; "
                           "raise it with --max-bytes")
        with tempfile.TemporaryDirectory(prefix="storyline-gz-") as folder:
            plain = Path(folder) / file.name[:-3]
            plain.write_bytes(data)
            return list(inner(plain, label, max_bytes))

    return read


def _read_html_file(file: Path, label: str, _: int) -> Iterable[Article | Rejected]:
    """A page, or a feed saved under a page's name (a browser's "Save as" of an RSS address)."""
    data = file.read_bytes()
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    saved_feed = head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")) and b"<html" not in head and is_feed(data)
    return read_feed(data, label) if saved_feed else [read_html(data, label)]


def _read_feed_file(file: Path, label: str, _: int) -> Iterable[Article | Rejected]:
    data = file.read_bytes()
    if _suffix(file) == ".xml" and not is_feed(data):
        raise BadInput(f"{label}: unsupported XML, not an RSS or Atom feed")
    return read_feed(data, label)


def _suffix(file: Path) -> str:
    """The format suffix: the final one (".gz" for any other compressed file), except ".warc.gz" and
    ".arc.gz", which name one format in two parts."""
    name = file.name.lower()
    return next((suffix for suffix in (".warc.gz", ".arc.gz") if name.endswith(suffix)), Path(name).suffix)


def _unsupported_reason(file: Path) -> str:
    suffix = _suffix(file)
    what = f"unsupported format {suffix}" if suffix else "unsupported format (no file extension)"
    return f"{what}; storyline reads {', '.join(SUPPORTED_SUFFIXES)} (each also gzipped, as .html.gz)"
