"""Every table of every domain, gathered so that Alembic and the tests see one complete metadata."""

from clearway.applications import models as _applications_models  # noqa: F401
from clearway.audit import models as _audit_models  # noqa: F401
from clearway.db.base import Base
from clearway.parties import models as _parties_models  # noqa: F401
from clearway.screening import models as _screening_models  # noqa: F401
from clearway.tenancy import models as _tenancy_models  # noqa: F401
from clearway.verification import models as _verification_models  # noqa: F401

metadata = Base.metadata

__all__ = ["metadata"]
