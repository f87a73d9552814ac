"""The dialect's methods: name → request schema, response schema, handler."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel
from sqlalchemy.orm import Session

from clearway.audit.service import Actor, append_event
from clearway.tenancy.models import AccountLike
from clearway.verification.onboarding import Engine


@dataclass
class CallContext:
    """What a handler gets besides its validated request: the session of the call's transaction, the
    effective account, and the audit actor."""

    session: Session
    account: AccountLike
    actor: Actor
    method: str
    warnings: list[dict[str, str]] = field(default_factory=list)
    audited: bool = False
    engine: Engine | None = None  # runs verification workflows (None: this server runs none)

    def audit(
        self, entity_type: str, entity_id: str, before: dict[str, Any] | None, after: dict[str, Any] | None
    ) -> None:
        self.audited = True
        append_event(
            self.session, self.account.id, self.actor, self.method, entity_type, entity_id, before, after
        )


Handler = Callable[[CallContext, Any], BaseModel]


@dataclass(frozen=True)
class MethodSpec:
    name: str
    request: type[BaseModel]
    response: type[BaseModel]
    handler: Handler
    summary: str


class MethodRegistry:
    def __init__(self) -> None:
        self._methods: dict[str, MethodSpec] = {}

    def method(
        self, name: str, request: type[BaseModel], response: type[BaseModel], summary: str
    ) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            if name in self._methods:
                raise ValueError(f"method {name} registered twice")
            self._methods[name] = MethodSpec(name, request, response, handler, summary)
            return handler

        return register

    def get(self, name: str) -> MethodSpec | None:
        return self._methods.get(name)

    def all(self) -> list[MethodSpec]:
        return sorted(self._methods.values(), key=lambda spec: spec.name)


registry = MethodRegistry()
