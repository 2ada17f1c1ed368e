"""Publication dates as metadata writes them: ISO 8601 at any precision, or RFC 2822 as in RSS.

A date is taken as written, in the publisher's own time zone: "2018-12-19T23:30:00-05:00" was published on
the 19th where it was written, even though it was already the 20th in UTC.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from email.utils import parsedate_to_datetime, parsedate_tz
from pathlib import PurePosixPath

from storyline.ingest.urls import split_url
from storyline.model import PartialDate

# A full date written with separators, standing alone in a file or folder name ("2010-04-20", "2010_04_20").
_DATE_IN_NAME = re.compile(r"(?<!\d)((?:18|19|20)\d{2})([-_.])(\d{2})\2(\d{2})(?!\d)")
_ISO_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")
_COMPACT_DATE = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:T?\d{4,6}(?:Z|[+-]\d{4})?)?\s*$")
# A date as web addresses file articles: "/2013/11/27/travel/…" (a day), "/2018/10/slug" (a month),
# "/fortune/2023-11/17/c_1.htm".
_DATE_IN_URL = re.compile(r"/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])(?:[/-](0[1-9]|[12]\d|3[01]))?(?=[/?#]|$)")
_RFC_2822 = re.compile(r"^(?:[A-Z][a-z]{2},\s*)?\d{1,2}\s+[A-Z][a-z]{2}\s+\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s|$)")
_TIME_WITHOUT_COLON = re.compile(r"T(\d{2})(\d{2})(Z|[+-]\d{2}:?\d{2})?$")
# Earlier than this no news archive reaches; later values are typos or placeholders such as 9999.
_FIRST_YEAR = 1800


def parse_metadata_date(value: object) -> PartialDate | None:
    """The date ``value`` states, at the precision it states it, or None when it states none.

    >>> parse_metadata_date("2018-12-19T23:30:00-05:00")
    PartialDate(value=datetime.date(2018, 12, 19), precision='day')
    >>> parse_metadata_date("Wed, 19 Dec 2018 23:30:00 GMT").iso()
    '2018-12-19'
    >>> parse_metadata_date("2018-12").iso()
    '2018-12'
    """
    if isinstance(value, dt.datetime):
        return _checked(value.date(), "day")
    if isinstance(value, dt.date):
        return _checked(value, "day")
    if isinstance(value, time.struct_time):
        return _date_or_none(value.tm_year, value.tm_mon, value.tm_mday)
    if not isinstance(value, str) or not value.strip():
        return None
    match = _ISO_DATE.match(value) or _COMPACT_DATE.match(value)
    if match:
        year, month, day = (int(part) if part else None for part in match.groups())
        return _date_or_none(year, month, day)
    rfc2822 = parsedate_tz(value)
    if rfc2822:
        return _date_or_none(rfc2822[0], rfc2822[1], rfc2822[2])
    return None


def date_in_path(path: str) -> PartialDate | None:
    """The date a file's name, or else its folder's name, states in full: corpora are often filed by day
    ("InputDocs/2010-04-20/683.htm.txt"). Undashed digit runs are not read, they are too often ids.

    >>> date_in_path("InputDocs/2010-04-20/683.htm.txt").iso()
    '2010-04-20'
    """
    parts = PurePosixPath(path).parts
    for name in reversed(parts[-2:]):
        match = _DATE_IN_NAME.search(name)
        if match:
            return _date_or_none(int(match.group(1)), int(match.group(3)), int(match.group(4)))
    return None


def date_in_url(url: str) -> PartialDate | None:
    """The date a web address files its article under, at the precision it gives.

    >>> date_in_url("https://www.cnn.com/2023/11/06/politics/alito/index.html").iso()
    '2023-11-06'
    >>> date_in_url("https://www.linknaija.com/2018/10/kate-henshaw.html").iso()
    '2018-10'
    """
    parts = split_url(url)
    match = _DATE_IN_URL.search(parts.path) if parts is not None else None
    if match is None:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    return _date_or_none(year, month, day)


def published_time(value: str) -> str | None:
    """``value`` as an ISO 8601 date and time, keeping the offset it was written with; None when it gives
    no time of day.

    >>> published_time("20180619T055000+0900")
    '2018-06-19T05:50:00+09:00'
    >>> published_time("2023-11-06T13:00:15.055Z")
    '2023-11-06T13:00:15.055000+00:00'
    >>> published_time("2018-10-06") is None
    True
    """
    text = value.strip()
    if "T" not in text and " " not in text:
        return None  # a date alone
    text = _TIME_WITHOUT_COLON.sub(lambda m: f"T{m[1]}:{m[2]}{m[3] or ''}", text)
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        if not _RFC_2822.match(text):
            return None  # "June 5, 2023 3:45 pm": the RFC 2822 reader would drop the pm
        try:
            moment = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    return moment.isoformat()


def _date_or_none(year: int, month: int | None, day: int | None) -> PartialDate | None:
    try:
        if month is None:
            return _checked(dt.date(year, 1, 1), "year")
        if day is None:
            return _checked(dt.date(year, month, 1), "month")
        return _checked(dt.date(year, month, day), "day")
    except ValueError:
        return None


def _checked(date: dt.date, precision: str) -> PartialDate | None:
    if not _FIRST_YEAR <= date.year <= dt.date.today().year + 1:
        return None
    return PartialDate(date, precision)  # type: ignore[arg-type]
