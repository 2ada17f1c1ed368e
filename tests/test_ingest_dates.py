"""Metadata dates at the precision they are written, in the publisher's own time zone."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.ingest.dates import parse_metadata_date
from storyline.model import PartialDate


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2010-07-15", "2010-07-15"),
        ("2010-07-15T21:40:00-05:00", "2010-07-15"),
        ("2010-07-16T02:40:00Z", "2010-07-16"),
        ("2010-07-15 21:40:00", "2010-07-15"),
        ("2010-07", "2010-07"),
        ("2010", "2010"),
        ("20100715", "2010-07-15"),
        ("Thu, 15 Jul 2010 21:40:00 -0500", "2010-07-15"),
        ("15 Jul 2010 21:40:00 GMT", "2010-07-15"),
    ],
)
def test_ingest_dates_reads_iso_and_rfc2822_dates(value, iso):
    assert parse_metadata_date(value).iso() == iso


@pytest.mark.parametrize("value", ["", "yesterday", "2010-13-45", "0001-01-01", "9999-12-31", None, 1279230000])
def test_ingest_dates_never_invents_a_date(value):
    assert parse_metadata_date(value) is None


def test_ingest_dates_accepts_a_parsed_date():
    assert parse_metadata_date(dt.date(2010, 7, 15)) == PartialDate(dt.date(2010, 7, 15), "day")
