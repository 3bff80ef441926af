"""Fetching an article's HTML from a web address, safely.

Only http and https; only public addresses (checked on the socket actually connected, so a
name that resolves to 127.0.0.1 or a redirect to a private host is refused too) unless
`allow_private` is set; connect and read time-outs and an overall deadline; a size cap; HTML
only. Every refusal is an `IntakeError` that says what went wrong.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import HTTPError, MaxRetryError, NewConnectionError, TimeoutError

from claims.intake import HTML_TYPES, IntakeError

_Connection = TypeVar("_Connection", bound=HTTPConnection)

MAX_REDIRECTS = 5
MAX_URL_LENGTH = 2000  # Article.url's length, and under the url index's limit: in UTF-8 bytes
USER_AGENT = "Factcheck/0.1 (+newsroom fact-checking workbench)"


@dataclass(frozen=True)
class FetchPolicy:
    max_bytes: int
    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    deadline: float = 20.0
    allow_private: bool = False


@dataclass(frozen=True)
class Fetched:
    url: str
    html: str


class _RefusedAddress(NewConnectionError):
    pass


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            ip = embedded
        elif ip in _SITE_LOCAL:
            return False
    return ip.is_global and not ip.is_multicast


_SITE_LOCAL = ipaddress.ip_network("fec0::/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")
_IPV4_TRANSLATED = ipaddress.ip_network("::ffff:0:0:0/96")


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 form carries (mapped, 6to4, Teredo, NAT64, compatible,
    translated): a private IPv4 address must not pass as public by wearing IPv6."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if any(ip in net for net in (_NAT64, _IPV4_COMPATIBLE, _IPV4_TRANSLATED)):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def _resolve(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        return []  # the connection attempt reports the unknown name
    return [str(info[4][0]) for info in infos]


def _guarded(connection_class: type[_Connection], allow_private: bool) -> type[_Connection]:
    class Guarded(connection_class):  # type: ignore[valid-type, misc]
        def _new_conn(self) -> socket.socket:
            if not allow_private:
                # Refuse before a single packet goes to a private address...
                for address in _resolve(self._dns_host, self.port):
                    if not _is_public(address):
                        raise _RefusedAddress(self, f"{self.host} resolves to {address}")
            sock = super()._new_conn()
            peer = sock.getpeername()[0]
            # ...and check the socket itself, in case the name was re-pointed in between.
            if not allow_private and not _is_public(peer):
                sock.close()
                raise _RefusedAddress(self, f"{self.host} connected to {peer}")
            return sock

    return Guarded


def _pool_manager(policy: FetchPolicy) -> urllib3.PoolManager:
    class GuardedHTTPPool(HTTPConnectionPool):
        ConnectionCls = _guarded(HTTPConnection, policy.allow_private)

    class GuardedHTTPSPool(HTTPSConnectionPool):
        ConnectionCls = _guarded(HTTPSConnection, policy.allow_private)

    manager = urllib3.PoolManager(
        timeout=urllib3.Timeout(connect=policy.connect_timeout, read=policy.read_timeout),
        retries=False,
        headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml"},
    )
    manager.pool_classes_by_scheme = {"http": GuardedHTTPPool, "https": GuardedHTTPSPool}
    return manager


def check_url(url: str) -> str:
    """A clean absolute http(s) address, or an IntakeError saying what is wrong with it."""
    url = url.strip()
    size = len(url.encode("utf-8"))
    if size > MAX_URL_LENGTH:
        # Counted in UTF-8 bytes, as the database's index on the address is: a long address
        # in another script is several times longer in bytes than in characters.
        raise IntakeError(
            f"the address is longer than {MAX_URL_LENGTH:,} bytes ({size:,} in UTF-8): shorten "
            "it (each non-ASCII character counts 2 to 4 bytes)"
        )
    try:
        parts = urlsplit(url)
        hostname = parts.hostname
    except ValueError as exc:  # e.g. an unclosed IPv6 bracket
        raise IntakeError("the address is not a valid web address") from exc
    if parts.scheme not in ("http", "https"):
        raise IntakeError("only http and https addresses can be fetched")
    if not hostname:
        raise IntakeError("the address has no host name")
    return url


def check_submitted_url(url: str, *, allow_private: bool) -> str:
    """What can be told of an address without the network, at submission: the checks of
    `check_url`, and a private or local IP address written out. A name is resolved, and its
    addresses checked, only when the page is fetched (in a task, not in a web request)."""
    url = check_url(url)
    host = (urlsplit(url).hostname or "").strip("[]")
    try:
        literal = ipaddress.ip_address(host)
    except ValueError:
        return url
    if not allow_private and not _is_public(str(literal)):
        raise IntakeError(
            f"{host} is a private or local address; only public web addresses can be fetched"
        )
    return url


def fetch_html(url: str, policy: FetchPolicy) -> Fetched:
    """GET an HTML page, following up to five redirects, each one checked again."""
    manager = _pool_manager(policy)
    started = time.monotonic()
    current = check_url(url)
    for _ in range(MAX_REDIRECTS + 1):
        _within_deadline(started, policy)
        response = _get(manager, current)
        if response.status in (301, 302, 303, 307, 308) and response.headers.get("Location"):
            response.release_conn()
            current = check_url(_joined(current, response.headers["Location"]))
            continue
        try:
            return Fetched(current, _read_html(response, policy, started))
        finally:
            response.release_conn()
    raise IntakeError(f"the address redirects more than {MAX_REDIRECTS} times")


def _get(manager: urllib3.PoolManager, url: str) -> urllib3.BaseHTTPResponse:
    try:
        return manager.request("GET", url, preload_content=False, redirect=False)
    except (MaxRetryError, NewConnectionError, TimeoutError, HTTPError) as exc:
        raise IntakeError(_describe(exc, url)) from exc


def _describe(exc: Exception, url: str) -> str:
    reason = getattr(exc, "reason", None) or exc
    host = urlsplit(url).hostname
    if isinstance(reason, _RefusedAddress):
        return f"{host} is a private or local address; only public web addresses can be fetched"
    if isinstance(reason, TimeoutError):
        return f"{host} did not answer in time"
    if "Name or service not known" in str(reason) or "NameResolution" in type(reason).__name__:
        return f"the host name {host} could not be found"
    return f"{host} could not be reached"


def _read_html(response: urllib3.BaseHTTPResponse, policy: FetchPolicy, started: float) -> str:
    if response.status >= 400:
        raise IntakeError(f"the page answered with HTTP status {response.status}")
    content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if content_type not in HTML_TYPES:
        shown = content_type or "no content type"
        raise IntakeError(f"the address serves {shown}, not an HTML page")
    length = response.headers.get("Content-Length")
    if length and length.isdigit() and int(length) > policy.max_bytes:
        raise IntakeError(
            f"the page is {int(length):,} bytes, over the limit of {policy.max_bytes:,} bytes"
        )
    body = bytearray()
    try:
        # read1 returns whatever has arrived, so a server trickling bytes meets the deadline
        # after one read time-out at most, not after a 64 KiB chunk that never fills.
        while chunk := response.read1(64 * 1024):
            body.extend(chunk)
            if len(body) > policy.max_bytes:
                raise IntakeError(f"the page is over the limit of {policy.max_bytes:,} bytes")
            _within_deadline(started, policy)
    except (TimeoutError, HTTPError) as exc:
        raise IntakeError("the page stopped sending before it was complete") from exc
    charset = response.headers.get("Content-Type", "").partition("charset=")[2].strip() or "utf-8"
    try:
        return bytes(body).decode(charset.strip('"'), errors="replace")
    except (LookupError, UnicodeError):  # an unknown charset, or one like idna that fails
        return bytes(body).decode("utf-8", errors="replace")


def _joined(base: str, location: str) -> str:
    try:
        return urljoin(base, location)
    except ValueError as exc:
        raise IntakeError("the page redirects to an address that is not valid") from exc


def _within_deadline(started: float, policy: FetchPolicy) -> None:
    if time.monotonic() - started > policy.deadline:
        raise IntakeError(f"the page took longer than {policy.deadline:g} s to download")
