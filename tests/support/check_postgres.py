"""`python -m tests.support.check_postgres`: `alembic upgrade head` + `alembic check` on a fresh
PostgreSQL database (CI); fails when PostgreSQL is unreachable."""

from __future__ import annotations

import sys

from clearway.db.migrate import check, upgrade
from tests.support.databases import postgres_admin_url, temporary_postgres_database


def main() -> None:
    admin_url = postgres_admin_url()
    if not admin_url:
        sys.exit("CLEARWAY_TEST_DATABASE_URL is not set")
    with temporary_postgres_database(admin_url) as url:
        upgrade(url)
        check(url)
    print("migrations up to date on postgresql")


if __name__ == "__main__":
    main()
