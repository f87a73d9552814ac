"""Turning a validated request part into a change mapping: only what the caller sent, extras left out."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


def sent_fields(model: BaseModel) -> dict[str, Any]:
    """Fields the caller set (None included: it means "unset"); nested models recurse the same way,
    list items are taken whole (a list replaces the previous one)."""
    known = type(model).model_fields
    return {
        name: _value(getattr(model, name), whole=False) for name in model.model_fields_set if name in known
    }


def _value(value: Any, whole: bool) -> Any:
    if isinstance(value, BaseModel):
        return _whole(value) if whole else sent_fields(value)
    if isinstance(value, list):
        return [_value(item, whole=True) for item in value]
    return value


def _whole(model: BaseModel) -> dict[str, Any]:
    known = type(model).model_fields
    return {name: _value(getattr(model, name), whole=True) for name in known}
