"""The edge of every call: one transaction, authentication, the work, commit; a concurrent writer's
conflict retries the whole unit of work a few times (never a lost update), then answers 409."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import structlog
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError
from starlette.requests import Request

from clearway.api.frankie.auth import Caller, authenticate
from clearway.api.frankie.errors import FrankieError, from_domain, request_id_of
from clearway.audit.sealer import AuditSealer
from clearway.db import Database
from clearway.errors import Conflict, DomainError

log = structlog.get_logger("clearway.frankie")
T = TypeVar("T")
CONFLICT_ATTEMPTS = 5


@dataclass(frozen=True)
class Runtime:
    """What the routes need, wired once by `create_app`. `screening` and `queue` are the engine's (set
    when the engine is wired; executing a workflow needs them)."""

    db: Database
    sealer: AuditSealer
    screening: Any = None
    queue: Any = None


@dataclass(frozen=True)
class Call:
    session: Session
    caller: Caller
    request_id: str

    @property
    def account_id(self) -> str:
        return self.caller.account.id


def run(runtime: Runtime, request: Request, work: Callable[[Call], T]) -> T:
    request_id = request_id_of(request)
    for attempt in range(1, CONFLICT_ATTEMPTS + 1):
        try:
            return _attempt(runtime, request, request_id, work)
        except (Conflict, StaleDataError) as error:
            log.info("conflict_retry", request_id=request_id, attempt=attempt)
            if attempt == CONFLICT_ATTEMPTS:
                conflict = (
                    error if isinstance(error, Conflict) else Conflict("Entity", "changed concurrently")
                )
                raise from_domain(conflict) from error
        except DomainError as error:
            raise from_domain(error) from error
    raise AssertionError("unreachable")


def _attempt(runtime: Runtime, request: Request, request_id: str, work: Callable[[Call], T]) -> T:
    with runtime.db.transaction() as session:
        caller = authenticate(session, request.headers, request_id)
        request.state.account_id = caller.account.id
        result = work(Call(session, caller, request_id))
    runtime.sealer.notify(caller.account.id)
    return result


__all__ = ["Call", "FrankieError", "Runtime", "run"]
