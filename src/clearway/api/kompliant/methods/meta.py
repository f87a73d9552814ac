"""`meta.checkVersion`."""

from __future__ import annotations

from clearway.api.kompliant import schemas
from clearway.api.kompliant.envelope import API_VERSION
from clearway.api.kompliant.registry import CallContext, registry


@registry.method(
    "meta.checkVersion",
    schemas.CheckVersionRequest,
    schemas.VersionInfo,
    "The API version this call was served with and the latest one.",
)
def check_version(_context: CallContext, _request: schemas.CheckVersionRequest) -> schemas.VersionInfo:
    return schemas.VersionInfo(current_version=API_VERSION, latest_version=API_VERSION)
