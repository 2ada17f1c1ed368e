"""Metadata dates at the precision they are written, in the publisher's own time zone."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.ingest.dates import date_in_path, parse_metadata_date
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


@pytest.mark.parametrize(
    ("path", "iso"),
    [
        ("InputDocs/2010-04-20/683.htm.txt", "2010-04-20"),
        ("corpus/2019_12_31_voa_syria.txt", "2019-12-31"),
        ("corpus/2018-12/notes/a.txt", None),  # only the file's own folder counts
        ("examples/seeds/000_24e1abfc6c83d9c1.txt", None),
        ("scans/20100420.txt", None),  # undashed digits are too often ids
        ("backup-2010-13-45.txt", None),
    ],
)
def test_ingest_dates_reads_a_full_date_from_a_file_or_folder_name(path, iso):
    date = date_in_path(path)
    assert (date.iso() if date else None) == iso
