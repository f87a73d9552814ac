"""The `/v2` operations the application serves, read from its routes (included routers too), so that
probes built on them cover every route, including ones added after the probe was written."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.routing import iter_route_contexts

V2_PREFIX = "/v2/"


def v2_operations(app: FastAPI) -> list[tuple[str, str]]:
    """`(METHOD, path template)` of every `/v2` operation, sorted."""
    found = set()
    for route in iter_route_contexts(app.routes):
        path = route.path or ""
        if path.startswith(V2_PREFIX):
            found.update((method, path) for method in (route.methods or set()) - {"HEAD"})
    return sorted(found)
