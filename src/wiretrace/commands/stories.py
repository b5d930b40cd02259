"""``wiretrace stories [STORY] --db PATH``: the stories of a store, or one story across outlets and days.

Without STORY, lists the stories whose latest articles arrived last, first: each story's key, how
many articles and outlets carry it, and its latest headline. With STORY (a story's key such as
``s:story-3`` or ``story-3``, an article's id as ``wiretrace search`` and ``claims`` show it, or
words to search for, whose best match's story is shown), lists that story's articles in time
order: when each was published (as the page dated it), the outlet, the wire it credits, the
wire-copy group it belongs to, its headline and its id.
``wiretrace link`` groups the copies and clusters the stories; the web UI shows the same stories
at ``/stories``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys

from wiretrace.commands.common import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, open_store, plain_console

HELP = "list the stories of a store, or follow one across outlets and days"

_KEY = re.compile(r"[sga]:\S+")
_STORY_ID = re.compile(r"story-\d+")
#: Redirects followed at most (a merged story's key leads to the story it went into).
_MAX_REDIRECTS = 8


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("story", nargs="?", metavar="STORY",
                        help="a story key (s:story-3, story-3), an article id, or words to search for")
    parser.add_argument("--db", default="wiretrace.db", metavar="PATH", help="the store (default wiretrace.db)")
    parser.add_argument("--limit", "-n", type=int, default=20, metavar="N", help="at most N stories (default 20)")
    parser.add_argument("--json", action="store_true", help="print JSON: the list, or the story")


def run(args: argparse.Namespace) -> int:
    from wiretrace.store import queries

    if args.limit < 1:
        print("wiretrace: --limit must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    if args.story is not None and not args.story.strip():
        print("wiretrace: empty story", file=sys.stderr)
        return EXIT_USAGE
    store = open_store(args.db)
    if store is None:
        return EXIT_SOME_FAILED
    with store:
        if args.story is None:
            items, _ = queries.list_stories(store.conn, args.limit)
            return _show_list(items, args)
        key = _story_key(store.conn, args.story.strip())
        story = None
        for _ in range(_MAX_REDIRECTS):
            story = queries.get_story(store.conn, key) if key else None
            if story is None or "redirect" not in story:
                break
            key = story["redirect"]
        if story is not None and "redirect" not in story:
            shown = queries.shown_ids(store.conn, [article["id"] for article in story["articles"]])
            for article in story["articles"]:
                article["article_id"] = shown.get(article["id"])
    if story is None or "redirect" in story:
        print(f"wiretrace: no story in {args.db} matches {args.story!r}", file=sys.stderr)
        return EXIT_SOME_FAILED
    return _show_story(story, args)


def _story_key(conn, text: str) -> str | None:
    """The story key ``text`` names: a key, a story id, an article id, or the story of the best
    search match for its words."""
    from wiretrace.store import queries

    if _KEY.fullmatch(text):
        return text
    if _STORY_ID.fullmatch(text):
        return f"s:{text}"
    # An article's id as the other commands show it: its input's own id, else its store id.
    if (article := queries.article_by_shown_id(conn, text)) is not None:
        return f"a:{article}"
    items, _ = queries.search(conn, text, 1)
    return items[0]["story"] if items else None


def _show_list(items: list[dict], args: argparse.Namespace) -> int:
    if args.json:
        for item in items:
            print(json.dumps(item, ensure_ascii=False))
        return EXIT_OK
    from rich.table import Table

    console = plain_console()
    if not items:
        console.print(f"no stories in {args.db}")
        return EXIT_OK
    table = Table(title=f"{len(items)} stor{'ies' if len(items) != 1 else 'y'}, latest first")
    for column, options in (("story", {"no_wrap": True}), ("articles", {"justify": "right"}),
                            ("outlets", {"justify": "right"}), ("latest headline", {})):
        table.add_column(column, overflow="fold", **options)
    for item in items:
        table.add_row(item["story"], str(item["articles"]), str(item["outlets"]), item["headline"] or "(no headline)")
    console.print(table)
    if all(item["story"].startswith("a:") for item in items):
        print(f"wiretrace: no article of {args.db} is linked to another yet: run 'wiretrace link --db {args.db}'",
              file=sys.stderr)
    return EXIT_OK


def _show_story(story: dict, args: argparse.Namespace) -> int:
    if args.json:
        print(json.dumps(story, ensure_ascii=False, indent=2))
        return EXIT_OK
    from rich.table import Table
    from rich.text import Text

    console = plain_console()
    articles = story["articles"]
    console.print(Text.assemble(("Story:", "bold"), " ", story["headline"] or "(no headline)", f"  ({story['story']})"))
    console.print(f"{len(articles)} article{'s' if len(articles) != 1 else ''}"
                  f"{' (the first ' + str(len(articles)) + ')' if story['truncated'] else ''}; "
                  f"outlets: {', '.join(story['outlets']) or 'none named'}")
    table = Table()
    for column in ("published", "outlet", "wire", "copy group", "headline", "id"):
        table.add_column(column, overflow="fold")
    for item in articles:
        table.add_row(item["published"] or "undated", item["publisher"] or "", item["wire"] or "",
                      item["syndication_group"] if item["in_group"] else "", item["headline"] or "(no headline)",
                      item["article_id"] or "")
    console.print(table)
    return EXIT_OK
