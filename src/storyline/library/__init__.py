"""The library: where analyzed articles are kept, sorted into events and stories, searched and turned
into briefings that stay current. ``Library`` is the door for a growing library (``add``, ``stories``,
``story``, ``search``); ``build_story`` builds one pile as one story (the demo)."""

from storyline.library.briefing import Briefing
from storyline.library.build import BuildOptions, BuildResult, build_story
from storyline.library.library import AddOptions, AddResult, Library, LibraryArticle, StoryListing
from storyline.library.search import SearchFilter, SearchHit

__all__ = [
    "AddOptions",
    "AddResult",
    "Briefing",
    "BuildOptions",
    "BuildResult",
    "Library",
    "LibraryArticle",
    "SearchFilter",
    "SearchHit",
    "StoryListing",
    "build_story",
]
