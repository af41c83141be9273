"""Fetching a URL safely: http and https only, no loopback or private addresses
(unless allowed), a size cap, timeouts, and redirects followed one checked hop at a time."""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

from crosswire.errors import CrosswireError

MAX_PAGE_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
TIMEOUT = httpx.Timeout(10.0, connect=5.0)
USER_AGENT = "crosswire/0.1 (+https://github.com/crosswire; feed watcher)"


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


def check_url(url: str, allow_private: bool = False) -> None:
    """Refuse (CrosswireError) anything but http(s) to a public address."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise CrosswireError(f"only http and https URLs are fetched, not {parts.scheme or 'a bare path'}:", source=url)
    host = parts.hostname
    if not host:
        raise CrosswireError("the URL has no host", source=url)
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80), proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        raise CrosswireError("the URL's host does not resolve", source=url) from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global or address.is_multicast:
            raise CrosswireError(
                f"refused: {host} is a loopback, private or reserved address ({address}); "
                "allow it with --allow-private",
                source=url,
            )


def fetch(
    url: str,
    *,
    allow_private: bool = False,
    max_bytes: int = MAX_PAGE_BYTES,
    headers: dict[str, str] | None = None,
    client: httpx.Client | None = None,
    timeout: float | None = None,
) -> Fetched:
    """GET ``url``; every hop is checked, and a body over ``max_bytes`` is refused."""
    own = client is None
    limit = TIMEOUT if timeout is None else httpx.Timeout(timeout)
    client = client or httpx.Client(timeout=limit, follow_redirects=False, headers={"user-agent": USER_AGENT})
    try:
        seen: list[str] = []
        while True:
            check_url(url, allow_private)
            if url in seen or len(seen) > MAX_REDIRECTS:
                raise CrosswireError(f"too many redirects ({len(seen)}) or a redirect loop", source=seen[0])
            seen.append(url)
            result = _get(client, url, headers or {}, max_bytes)
            if result.status in (301, 302, 303, 307, 308) and "location" in result.headers:
                url = urljoin(url, result.headers["location"])
                continue
            return result
    finally:
        if own:
            client.close()


def _get(client: httpx.Client, url: str, headers: dict[str, str], max_bytes: int) -> Fetched:
    try:
        with client.stream("GET", url, headers=headers) as response:
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise CrosswireError(f"the response is over the {max_bytes:,}-byte cap", source=url)
            body = bytearray()
            for chunk in response.iter_bytes():
                body.extend(chunk)
                if len(body) > max_bytes:
                    raise CrosswireError(f"the response is over the {max_bytes:,}-byte cap", source=url)
            return Fetched(
                url=str(response.url), status=response.status_code,
                headers={k.lower(): v for k, v in response.headers.items()}, body=bytes(body),
            )
    except httpx.TimeoutException:
        raise CrosswireError("timed out", source=url) from None
    except httpx.HTTPError as error:
        raise CrosswireError(f"could not fetch ({type(error).__name__})", source=url) from None
