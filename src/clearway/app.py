"""The ASGI application: wires settings, the database, middleware and both dialects. Nothing runs at
import time; `create_app_from_env` is uvicorn's factory."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio.to_thread
import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse, Response

from clearway import __version__
from clearway.api.frankie.body_limit import BodyLimitMiddleware
from clearway.api.frankie.errors import (
    FrankieError,
    frankie_error_handler,
    http_error,
    request_validation_handler,
)
from clearway.api.frankie.routes import frankie_router
from clearway.api.frankie.runtime import Runtime
from clearway.api.kompliant import envelope
from clearway.api.kompliant.errors import ApiError, api_error_body
from clearway.api.kompliant.openapi import SECURITY_SCHEMES, kompliant_openapi
from clearway.api.kompliant.routes import kompliant_router
from clearway.api.middleware import RequestLogMiddleware
from clearway.audit.sealer import AuditSealer
from clearway.db import Database
from clearway.interpreter import freeze_long_lived, tune_collector
from clearway.logging_setup import configure_logging
from clearway.screening.compiled import (
    PURE_PYTHON_VARIABLE,
    pure_python_requested,
    running_compiled,
    running_plain,
)
from clearway.screening.normalize import warm_up
from clearway.screening.service import ScreeningService
from clearway.settings import Settings
from clearway.verification.onboarding import Engine
from clearway.verification.queue import ExecutionQueue
from clearway.verification.worker import WorkerPool

SWITCH_INTERVAL_SECONDS = 0.0005
DESCRIPTION = (
    "Self-hosted KYC/KYB onboarding and compliance decisions. The application dialect: "
    "`POST /<object>.<verb>` with KSig1-HMAC-SHA256 signatures."
)


log = structlog.get_logger("clearway.app")


def create_app(
    settings: Settings, database: Database | None = None, background_workers: bool | None = None
) -> FastAPI:
    """`background_workers`: run queued executions on threads of this process (default: the setting,
    else on SQLite only)."""
    db = database or Database(settings.effective_database_url, settings.db_pool_size)
    sealer = AuditSealer(db)
    screening = ScreeningService(db, cache_dir=settings.data_dir / "screening-index")
    # Embedded SQLite: background executions run on threads of this process. PostgreSQL deployments run
    # `clearway worker` processes (on any machine) that share the same queue table.
    if background_workers is None:
        background_workers = settings.background_workers
    run_workers = db.is_sqlite if background_workers is None else background_workers
    workers = WorkerPool(db, screening) if run_workers else None
    queue = workers.queue() if workers is not None else ExecutionQueue()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.threads
        # Build the name-analysis tables now, before serving: the first screening of a process otherwise
        # holds the GIL for seconds in native code and freezes every request in flight.
        warm_up()
        _log_screening_build()
        freeze_long_lived()
        sealer.start()
        db.start_background_checkpoints()
        if workers is not None:
            workers.start()
        yield
        if workers is not None:
            workers.stop(timeout=10)
        sealer.stop()
        db.stop_background_checkpoints()
        if database is None:  # we opened it, we close it
            db.dispose()

    app = FastAPI(title="Clearway", version=__version__, description=DESCRIPTION, lifespan=lifespan)
    app.state.db = db
    app.state.workers = workers  # None when this process leaves the queue to others
    app.add_middleware(BodyLimitMiddleware)
    app.add_middleware(RequestLogMiddleware)  # added last: outermost, it logs the refusals too

    @app.get("/healthz", tags=["operations"], summary="200 when the database is reachable.")
    def healthz() -> JSONResponse:
        reachable = db.ping()
        return JSONResponse(
            {"status": "ok" if reachable else "unavailable", "database": reachable},
            status_code=200 if reachable else 503,
        )

    @app.get("/livez", tags=["operations"], summary="200 while the process serves (no database access).")
    async def livez() -> Response:
        return Response(b'{"status":"ok"}', media_type="application/json")

    app.add_exception_handler(StarletteHTTPException, _unknown_path)
    app.add_exception_handler(FrankieError, frankie_error_handler)
    app.add_exception_handler(RequestValidationError, request_validation_handler)
    app.include_router(frankie_router(Runtime(db, sealer, screening, queue)))
    app.include_router(
        kompliant_router(db, settings.master_key_bytes, sealer, Engine(screening, queue))
    )  # last: it matches any /<name>
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


async def _unknown_path(request: Request, exc: Exception) -> Response:
    if request.url.path.startswith("/v2/") and isinstance(exc, StarletteHTTPException):
        return http_error(request, exc)  # the verification dialect answers in its own format
    trace_id: str = request.state.trace_id
    status = exc.status_code if isinstance(exc, StarletteHTTPException) else 500
    if status == 404:  # the vendor answers unknown paths with 400
        error = ApiError("BAD_REQUEST", f"Unknown path '{request.url.path}'.", sub_code="UNKNOWN_METHOD")
        return envelope.failure(trace_id, 400, [api_error_body(error)])
    detail = exc.detail if isinstance(exc, StarletteHTTPException) else "error"
    return envelope.failure(trace_id, status, [api_error_body(ApiError("BAD_REQUEST", str(detail)))])


def _log_screening_build() -> None:
    """Say whether the screening hot path runs compiled: without a C compiler at install it runs as plain
    Python (≈ 25 % slower), and pip only shows why with `-v`."""
    plain = running_plain()
    if not plain:
        log.info("screening.compiled", modules=list(running_compiled()))
    elif pure_python_requested():
        log.info("screening.plain_python", modules=list(plain), reason=f"{PURE_PYTHON_VARIABLE} is set")
    else:
        log.warning("screening.plain_python", modules=list(plain), fix="make compile (needs a C compiler)")


def _openapi(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema is None:
        document = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        paths, schemas = kompliant_openapi()
        document.setdefault("paths", {}).update(paths)
        components = document.setdefault("components", {})
        components.setdefault("schemas", {}).update(schemas)
        components.setdefault("securitySchemes", {}).update(SECURITY_SCHEMES)
        app.openapi_schema = document
    return app.openapi_schema


def create_app_from_env() -> FastAPI:
    # A request thread that holds the database (SQLite's one writer, a PostgreSQL row lock) gives up the
    # GIL on every statement and must win it back from the event loop; at the default 5 ms switch interval
    # that wait, repeated per statement while the lock is held, caps throughput. 0.5 ms avoids the convoy.
    sys.setswitchinterval(SWITCH_INTERVAL_SECONDS)
    tune_collector()
    settings = Settings()
    configure_logging(settings.log_level, settings.log_json)
    return create_app(settings)
