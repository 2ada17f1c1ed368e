import datetime as dt
import json

import pytest

from storyline.codec import from_data, to_data
from storyline.model import Figure, PartialDate, Quote, Evidence, Span


@pytest.mark.parametrize("value", [(1500.0, 3000.0), 2500.0])
def test_codec_figure_value_keeps_ranges(value):
    figure = Figure(Span("a", 0, 5), Span("a", 0, 9), value, "fighters", as_of=PartialDate(dt.date(2024, 9, 1), "month"))
    assert from_data(Figure, json.loads(json.dumps(to_data(figure)))) == figure


def test_codec_partial_date_is_written_as_iso():
    quote = Quote("Sabrina Singh", "The U.S. is not withdrawing from Iraq", True,
                  (Evidence("a", 1, 5, "U.S."),), date=PartialDate(dt.date(2024, 1, 1), "year"))
    assert to_data(quote)["date"] == "2024"
