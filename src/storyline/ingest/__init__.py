"""Reading articles from files: one reader per format, one dispatcher, and duplicate detection."""

from storyline.ingest.dedupe import find_duplicates
from storyline.ingest.reader import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES, IngestResult, read_file, read_inputs

__all__ = ["DEFAULT_MAX_BYTES", "SUPPORTED_SUFFIXES", "IngestResult", "find_duplicates", "read_file", "read_inputs"]
