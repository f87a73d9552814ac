"""Database plumbing: declarative base, portable types, engine and unit of work."""

from clearway.db.base import Base, UTCDateTime, utcnow
from clearway.db.engine import Database

__all__ = ["Base", "Database", "UTCDateTime", "utcnow"]
