"""Handlers of the dialect's methods, one module per object. Importing this package registers them."""

from clearway.api.kompliant.methods import business, meta, person, subject_record, workflow

__all__ = ["business", "meta", "person", "subject_record", "workflow"]
