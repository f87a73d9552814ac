"""Sanctions and PEP screening: list ingestion, name comparison, the in-memory index, the service."""

from clearway.screening.compiled import install as _install_compiled

_install_compiled()  # before any module of the hot path is imported (see `compiled`)
