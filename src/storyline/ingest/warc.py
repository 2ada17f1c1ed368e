"""Web archives (WARC and the older ARC, gzipped or not) through warcio: each captured HTML page is an
article.

Responses that are not pages (images, scripts, redirects, errors) are listed as rejected with what they
are. Protocol records (warcinfo, request, metadata, revisit) describe the crawl, not content, and are
passed over. warcio reads a cut-off archive without complaint, so truncation is detected here by
comparing each record's declared length with the bytes that arrived.
"""

from __future__ import annotations

import contextlib

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from storyline.errors import BadInput
from storyline.ingest.article import CAPTURE_DATE_CONFIDENCE, make_article
from storyline.ingest.dates import parse_metadata_date
from storyline.ingest.decode import decode_text
from storyline.ingest.html import read_html
from storyline.ingest.text import find_headline
from storyline.model import Article, PartialDate, Rejected

CONTENT_RECORDS = ("response", "resource")
# warcio fails on a cut-off or damaged header with any of these, not only ArchiveLoadFailed.
_WARCIO_FAILURES = (ArchiveLoadFailed, zlib.error, EOFError, OSError, ValueError, AttributeError, KeyError,
                    IndexError)
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)


def read_warc(file: Path, label: str, *, max_bytes: int) -> Iterator[Article | Rejected]:
    """Articles from an archive's HTML (and plain-text) captures, as ``label#<target URI>``.

    The archive is streamed; ``max_bytes`` bounds each record, not the archive. Records read before a
    truncation or corruption are kept and the damage is listed as a rejection.
    """
    records_read = 0
    with file.open("rb") as stream:
        archive = ArchiveIterator(stream, arc2warc=True)  # ARC records read as their WARC equivalents
        records = iter(archive)
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except _WARCIO_FAILURES as error:
                if records_read == 0:
                    reason = "truncated WARC, not one complete record" if _starts_like_warc(file) else (
                        f"not a WARC archive ({_failure(error)})")
                    raise BadInput(f"{label}: {reason}") from error
                yield Rejected(label, f"corrupt WARC after {records_read} records ({_failure(error)}); "
                                      f"kept the records before it")
                return
            records_read += 1
            outcome = _read_record(record, label, max_bytes)
            if outcome is not None:
                yield outcome
            damage = _truncation(record)
            if damage:
                yield Rejected(label, f"truncated WARC: {damage}; kept the records before it")
                return
        leftover = file.stat().st_size - archive.offset
    if records_read == 0:
        raise BadInput(f"{label}: truncated WARC, not one complete record")
    if leftover > 0:
        yield Rejected(label, f"truncated WARC: the last {leftover:,} bytes do not form a whole record; kept the "
                              f"{records_read} records before them")


def _read_record(record: Any, label: str, max_bytes: int) -> Article | Rejected | None:
    """What one record holds: an article, a rejection saying why it is none, or None for crawl records."""
    if record.rec_type not in CONTENT_RECORDS:
        return None
    uri = _uri(record)
    path = f"{label}#{uri}"
    status = record.http_headers.get_statuscode() if record.http_headers else None
    if status and not status.startswith("2"):
        return Rejected(label, f"record {uri}: HTTP {status} response, not a page")
    content_type = _content_type(record)
    media_type = content_type.split(";")[0].strip().lower()
    if media_type not in HTML_TYPES + TEXT_TYPES:
        return Rejected(label, f"record {uri}: not an article ({media_type or 'no content type'})")
    if record.length > max_bytes:
        return Rejected(label, f"record {uri}: oversized, {record.length:,} bytes is over the {max_bytes:,} limit (--max-bytes)")
    data = record.content_stream().read()
    if record.raw_stream.limit > 0:
        return None  # cut off mid-record: the caller reports the truncation
    capture_date = _capture_date(record)
    try:
        if media_type in HTML_TYPES:
            return read_html(data, path, url=uri, declared_charset=_charset(content_type),
                             capture_date=capture_date)
        text = decode_text(data, path, declared=_charset(content_type))
        headline = find_headline(text)
        return make_article(text, path, title=text[slice(*headline)] if headline else None, url=uri,
                            published=capture_date, published_confidence=CAPTURE_DATE_CONFIDENCE,
                            title_range=headline)
    except BadInput as error:
        return Rejected(label, f"record {uri}: {str(error).removeprefix(f'{path}: ')}")


def _truncation(record: Any) -> str | None:
    """How the record is cut off, or None when all its declared bytes arrived. Reads past what the reader
    did not need, so the check covers every record."""
    if record.length is None or not hasattr(record.raw_stream, "limit"):
        return f"record {record.rec_headers.get_header('WARC-Record-ID') or '1'} has its header cut off"
    with contextlib.suppress(zlib.error, EOFError, OSError):  # a cut gzip member ends the reading early
        while record.raw_stream.read(1 << 16):
            continue
    missing = record.raw_stream.limit
    if missing <= 0:
        return None
    return f"record {_uri(record)} is cut off {missing:,} bytes short of its {record.length:,}"


def _starts_like_warc(file: Path) -> bool:
    """True when the file opens with (a prefix of) a WARC or ARC header, gzipped or not: a damaged archive
    rather than some other file given a .warc name."""
    with file.open("rb") as stream:
        head = stream.read(512)
    if head.startswith(b"\x1f\x8b"):
        head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head)
    return bool(head) and any(head.startswith(magic) or magic.startswith(head) for magic in (b"WARC/", b"filedesc://"))


def _uri(record: Any) -> str:
    return record.rec_headers.get_header("WARC-Target-URI") or record.rec_headers.get_header("WARC-Record-ID")


def _content_type(record: Any) -> str:
    if record.rec_type == "response" and record.http_headers:
        return record.http_headers.get_header("Content-Type") or ""
    return record.rec_headers.get_header("Content-Type") or ""


def _charset(content_type: str) -> str | None:
    for parameter in content_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip("\"'")
    return None


def _capture_date(record: Any) -> PartialDate | None:
    return parse_metadata_date(record.rec_headers.get_header("WARC-Date"))


def _failure(error: Exception) -> str:
    """A reason a reader can act on: warcio's own message (shortened, it quotes a whole first line), or
    what its internal errors on a cut header mean."""
    if not isinstance(error, ArchiveLoadFailed):
        return "a record header is cut off or damaged"
    message = str(error)
    return message if len(message) <= 120 else message[:117] + "..."
