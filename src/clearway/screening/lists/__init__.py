"""List ingestion: one loader per format into `ListEntry`s, and versioned snapshots in the database.

load_entries(path, fmt=None, list_name=None)   any format, detected when not given
ofac.load_ofac / un.load_un / ftm.load_ftm / custom_csv.load_custom_csv   one format each
service.import_list / active_entries / active_versions / list_lists / version_changes
"""

from clearway.screening.lists.detect import ListFormat, detect_format
from clearway.screening.lists.errors import ListFormatError
from clearway.screening.lists.load import SAMPLES_DIR, default_list_name, load_entries

__all__ = [
    "SAMPLES_DIR",
    "ListFormat",
    "ListFormatError",
    "default_list_name",
    "detect_format",
    "load_entries",
]
