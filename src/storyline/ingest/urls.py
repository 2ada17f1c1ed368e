"""Web addresses as pages and feeds write them, which is not always well: an unfilled template
("https://[site_url]/news/a") or a broken port must read as no address, not stop the file it is in."""

from __future__ import annotations

from urllib.parse import SplitResult, urlsplit


def split_url(url: str | None) -> SplitResult | None:
    """``url`` split into its parts, or None when it is empty or malformed.

    >>> split_url("https://[site_url]/news/a") is None
    True
    >>> split_url("https://www.cnn.com/2023/11/06/politics/").hostname
    'www.cnn.com'
    """
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        parts.hostname, parts.port  # noqa: B018 - both raise ValueError on a malformed address
    except ValueError:
        return None
    return parts
