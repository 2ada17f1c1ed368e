"""storyline's exceptions. The library raises these and never prints or exits; the CLI turns them into
messages. Every message says what failed, where, and how to fix it."""


class StorylineError(Exception):
    """Base of every error storyline raises on purpose."""


class BadInput(StorylineError):
    """An input file or record cannot be read as an article."""


class StageError(StorylineError):
    """An analysis or story stage failed on an article it accepted."""


class StoreError(StorylineError):
    """The SQLite store cannot be opened, read or written."""


class ModelMissing(StorylineError):
    """The spaCy English model is not installed."""


class NotFound(StorylineError):
    """A story, article or event the caller named is not in the library."""


class MissingExtra(StorylineError):
    """An optional part of storyline (Ray) was asked for but is not installed."""


class ClusterUnavailable(StorylineError):
    """The Ray cluster named with --ray cannot be reached or started."""
