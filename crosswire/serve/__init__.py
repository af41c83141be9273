"""crosswire as a service: the story store over REST and a web UI, a brief worker, a feed watcher.

One module per concern: ``app`` builds the FastAPI application, ``api`` the
JSON endpoints, ``pages`` the server-rendered pages (one view, HTML and
.json), ``worker`` recomputes briefs off the request path, ``guard`` holds
the error shape, token gate, size cap and headers, ``fetch`` fetches URLs
safely, ``watch`` polls feeds, ``svg`` draws the timeline and coverage matrix.
The store knows no web; the pipeline knows no store; this package joins them.
"""

from crosswire.serve.settings import ServeSettings

__all__ = ["ServeSettings"]
