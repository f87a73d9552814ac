"""`python -m clearway.db.check`: upgrade the configured database, then fail if models and migrations
disagree (what `alembic check` does, without needing an alembic.ini next to the installed package)."""

from __future__ import annotations

from clearway.db.migrate import check, upgrade
from clearway.settings import Settings


def main() -> None:
    url = Settings().effective_database_url
    upgrade(url)
    check(url)
    print(f"migrations up to date on {url.split('://', 1)[0]}")


if __name__ == "__main__":
    main()
