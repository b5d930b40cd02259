"""The embedded corpus store: one SQLite file with every ingested page, its versions and analyses.

    from wiretrace.store import Store
    with Store("wiretrace.db") as store:
        for record in store.iter_records():
            ...

See :mod:`wiretrace.store.schema` for the tables and their migrations, and
:mod:`wiretrace.store.export` for the output formats.
"""

from wiretrace.store.db import NewPage, Store, StoreError, shown_id
from wiretrace.store.schema import MIGRATIONS, SCHEMA_VERSION

__all__ = ["MIGRATIONS", "NewPage", "SCHEMA_VERSION", "Store", "StoreError", "shown_id"]
