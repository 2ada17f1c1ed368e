"""storyline: from a folder of news articles to a sourced story briefing."""

__version__ = "0.1.0"
