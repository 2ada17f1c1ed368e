"""``storyline serve``: the web app over a story library (``create_app``), to browse and search stories and
check every claim against its source."""

from storyline.web.app import ServeOptions, create_app

__all__ = ["ServeOptions", "create_app"]
