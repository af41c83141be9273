"""The embedded SQLite store: articles, stories, assignments and tracker state.

It knows records, not the web: the CLI, the service and the batch job hand
it what the pipeline made (``crosswire.store.ingest``).
"""

from crosswire.store.ingest import IngestReport, ingest
from crosswire.store.schema import LATEST, MIGRATIONS, migrate
from crosswire.store.store import Store
from crosswire.stories.listing import StorySummary, summary_record

__all__ = ["LATEST", "MIGRATIONS", "IngestReport", "Store", "StorySummary", "ingest", "migrate", "summary_record"]
