"""Stage: read inputs (text, HTML, JSONL articles or clusters, feeds, WARC) into articles.

``read_inputs`` takes paths of files and folders; ``read_bytes`` takes one
input as bytes. ``detect_format`` picks the reader; ``FORMATS`` names them.
"""

from __future__ import annotations

from crosswire.ingest.decode import MAX_INPUT_BYTES
from crosswire.ingest.detect import FORMATS, detect_format
from crosswire.ingest.read import read_bytes, read_file, read_inputs

__all__ = ["FORMATS", "MAX_INPUT_BYTES", "detect_format", "read_bytes", "read_file", "read_inputs"]
