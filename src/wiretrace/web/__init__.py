"""``wiretrace serve``: a read-only web view of one store, as HTML pages and as JSON under ``/api/``.

    from wiretrace.web.app import create_app
    app = create_app("wiretrace.db")            # read-only
    app = create_app("wiretrace.db", token="s")  # plus POST /api/ingest for holders of the token

:mod:`wiretrace.store.queries` holds the SQL, :mod:`wiretrace.web.api` the JSON routes and
:mod:`wiretrace.web.views` the pages; both render the same query results.
"""
