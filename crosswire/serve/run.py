"""Running the app under uvicorn (``crosswire serve``)."""

from __future__ import annotations

import logging
from pathlib import Path

from crosswire.errors import CrosswireError


def run_server(
    *, db: Path, host: str, port: int, token: str | None, max_body: int, allow_private: bool, words: int,
    analyze: bool,
) -> None:
    try:
        import uvicorn

        from crosswire.serve.app import create_app
        from crosswire.serve.settings import ServeSettings
    except ImportError as error:
        raise CrosswireError(f"the service needs the [serve] extra: pip install 'crosswire[serve]' ({error})") from None
    if max_body < 1:
        raise CrosswireError(f"--max-body must be at least 1 byte, got {max_body}")
    logging.basicConfig(level=logging.INFO, format="crosswire serve: %(message)s")
    settings = ServeSettings(db=db, token=token or None, max_body=max_body, allow_private=allow_private,
                             analyze=analyze, words=words)
    app = create_app(settings)
    print(f"crosswire serve: http://{host}:{port}/ (store {db}; API docs at /docs)", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
