"""The JSON report: the one contract every renderer, writer and table reads.

``shape`` (the ``Report`` object) and ``vocab`` (schema version, claim kinds, modalities)
load no spaCy, so readers of finished reports import them alone; ``build`` turns an
analysed Doc into a report.
"""

from .shape import Report
from .vocab import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "Report"]
