"""CLI commands, one module each.

A command module defines ``HELP`` (one line), ``add_arguments(parser)`` and ``run(args) -> int``
(an exit code from :mod:`wiretrace.commands.common`), and keeps its top-level imports light:
every module is imported to build the parser. To add a command, add its module here.
"""

COMMANDS: dict[str, str] = {
    "extract": "wiretrace.commands.extract",
    "demo": "wiretrace.commands.demo",
    "analyze": "wiretrace.commands.analyze",
    "attributions": "wiretrace.commands.attributions",
    "stance": "wiretrace.commands.stance",
    "ingest": "wiretrace.commands.ingest",
    "export": "wiretrace.commands.export",
    "search": "wiretrace.commands.search",
    "link": "wiretrace.commands.link",
    "stories": "wiretrace.commands.stories",
    "claims": "wiretrace.commands.claims",
    "serve": "wiretrace.commands.serve",
}
