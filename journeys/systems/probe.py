"""Is the system there at all? One quick look before a run.

Without it, a system that is down shows up as the same navigation error in
every journey; with it, the run stops once, saying what to do.
"""

from __future__ import annotations

import time

from journeys.errors import SystemUnreachable

_RETRY = 0.2  # a system that is still starting refuses connections for a moment


def probe(base_url: str, timeout: float = 10) -> None:
    """Return once ``base_url`` answers HTTP at all (any status counts).

    Connections refused are retried until ``timeout``, so a system that is
    still starting gets that long.

    Raises:
        SystemUnreachable: no answer within ``timeout`` seconds; the message
            says why and what to do.
    """
    import httpx  # here, so that importing journeys.systems stays light

    deadline = time.monotonic() + timeout
    reason = "no answer"
    with httpx.Client(timeout=httpx.Timeout(timeout, connect=min(5.0, timeout))) as client:
        while True:
            try:
                client.get(base_url)
                return
            except httpx.ConnectError as exc:
                reason = "connection refused" if "refused" in str(exc).lower() else f"cannot connect: {exc}"
            except httpx.TimeoutException:
                reason = "timed out"
            except httpx.HTTPError as exc:
                reason = f"{type(exc).__name__}: {exc}"
                break
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            # A relative sleep on the monotonic clock: a timed wait on an event computes an absolute
            # deadline, which hangs under libfaketime (its clock is days ahead of the kernel's).
            time.sleep(min(_RETRY, remaining))
    raise SystemUnreachable(
        f"{base_url} did not answer within {timeout:g} s ({reason}): start the system, pass --base-url,"
        " or give it longer with --http-timeout.",
        url=base_url,
    )
