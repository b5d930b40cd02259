"""``wiretrace serve``: browse a store in a web browser, or query it as JSON under /api/.

Read-only unless a token is given (``--token`` or the WIRETRACE_TOKEN environment variable):
then ``POST /api/ingest`` accepts pages from requests carrying ``Authorization: Bearer TOKEN``.
The OpenAPI description is at /openapi.json.
"""

from __future__ import annotations

import argparse
import os
import sys

from wiretrace.commands.common import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, open_store

HELP = "serve a store as web pages and a JSON API"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default="wiretrace.db", metavar="PATH", help="the store (default wiretrace.db)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument("--token", default=None, metavar="TOKEN",
                        help="enable POST /api/ingest for this bearer token (default: $WIRETRACE_TOKEN, else off)")
    parser.add_argument("--workers", type=int, default=1, metavar="N", help="worker processes (default 1)")


def _cannot_listen(host: str, port: int) -> str | None:
    """Why nothing can listen on ``host:port`` (the port is taken, the host is no address of
    this machine), or None. Asked before saying "serving", which would otherwise precede
    uvicorn's own failure; uvicorn binds the same way (SO_REUSEADDR) right after."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as err:
        return err.strerror or str(err)
    return None


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn
    except ImportError:
        print("wiretrace: serve needs fastapi, uvicorn and jinja2 "
              "(pip install fastapi 'uvicorn[standard]' jinja2)", file=sys.stderr)
        return EXIT_SOME_FAILED
    from wiretrace.web.app import create_app

    if args.workers < 1 or not 0 <= args.port <= 65535:
        print("wiretrace: --workers must be at least 1 and --port within 0-65535", file=sys.stderr)
        return EXIT_USAGE
    token = args.token if args.token is not None else os.environ.get("WIRETRACE_TOKEN") or None
    if token is not None and len(token) < 8:
        print("wiretrace: --token must be at least 8 characters", file=sys.stderr)
        return EXIT_USAGE
    store = open_store(args.db)
    if store is None:
        return EXIT_SOME_FAILED
    store.close()
    problem = _cannot_listen(args.host, args.port)
    if problem:
        print(f"wiretrace: error: cannot listen on {args.host}:{args.port}: {problem}", file=sys.stderr)
        return EXIT_SOME_FAILED
    app = create_app(args.db, token=token)
    print(f"wiretrace: serving {args.db} at http://{args.host}:{args.port}/ "
          f"({'POST /api/ingest enabled' if token else 'read-only'})", file=sys.stderr)
    if args.workers > 1:  # each worker process builds its own app from the environment
        os.environ["WIRETRACE_DB"] = os.path.abspath(args.db)
        if token:
            os.environ["WIRETRACE_TOKEN"] = token
        uvicorn.run("wiretrace.web.app:app_from_env", factory=True, host=args.host, port=args.port,
                    workers=args.workers, log_level="warning", access_log=False)
    else:
        uvicorn.run(app, host=args.host, port=args.port, log_level="warning", access_log=False)
    return EXIT_OK
