"""Server-rendered HTML pages (Jinja2, autoescaped everywhere).

Page content is untrusted: it reaches templates only as plain strings (never marked safe). The
exceptions are the few pieces of markup built here in Python, which escape every piece of text
themselves (:func:`escape_text`): search matches wrapped in ``<mark>``, attribution highlights, and
the outlet, date and status labels every listing repeats. They run for every result on every
page, where a template loop or macro call per piece cost more than the query. Links taken
from pages are emitted only when they are http(s), with ``rel="noopener noreferrer nofollow"``;
images are never loaded, only linked.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from wiretrace.extract.wire import RELEASE_SERVICES
from wiretrace.store import queries
from wiretrace.web.api import Conn, Date, Limit, Offset, RowId, Text, found
from wiretrace.store.queries import MAX_LIMIT
from wiretrace.urls import web_address

TEMPLATES = Path(__file__).resolve().parent / "templates"

router = APIRouter(include_in_schema=False)


def safe_href(url: Any) -> str | None:
    """``url`` when it is an absolute http(s) URL (:func:`wiretrace.urls.web_address`) with
    nothing in it that could leave an attribute, else None (no javascript:, data:, relative tricks)."""
    address = web_address(url)
    if address is None or any(c in address for c in "\r\n\t\"'<> `"):
        return None
    return address


def _label(value: Any) -> str:
    return str(value or "").replace("_", " ")


class _Environment(Environment):
    """Jinja2 reading ``x.name`` off a dict as its key ``name`` first.

    Views pass plain dicts, and Jinja tries an attribute before an item: every ``a.headline`` would
    raise and catch an AttributeError, a tenth of an article page's time. A dict's methods
    (``e.types.items()``) are still found: a missing key falls back to Jinja's own lookup."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


env = _Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True,
                   trim_blocks=True, lstrip_blocks=True)
env.filters["urlpart"] = lambda value: quote(str(value), safe="")
env.filters["safe_href"] = safe_href
env.filters["label"] = _label
env.globals["MAX_LIMIT"] = MAX_LIMIT


def render(request: Request, name: str, status: int = 200, headers: dict | None = None, **context: Any) -> HTMLResponse:
    html = env.get_template(name).render(request_path=request.url.path, **context)
    return HTMLResponse(html, status_code=status, headers=headers)


def error_page(request: Request, status: int, message: str, headers: dict | None = None) -> HTMLResponse:
    return render(request, "error.html", status=status, headers=headers, status_code=status, message=message,
                  title=f"{status}")


def pager(request: Request, more: bool, limit: int, offset: int) -> dict[str, str | None]:
    """Links to the previous and next pages of a listing, keeping the other query parameters."""
    params = {k: v for k, v in request.query_params.items() if k not in ("offset",)}

    def link(to: int) -> str:
        return f"{request.url.path}?{urlencode({**params, 'offset': str(to)})}"

    return {"prev": link(max(0, offset - limit)) if offset > 0 else None,
            "next": link(offset + limit) if more else None}


def escape_text(text: str) -> str:
    """``text`` with HTML's special characters escaped, character for character as
    ``markupsafe.escape`` (and so Jinja's autoescape) writes them, without a Markup per call."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("'", "&#39;").replace('"', "&#34;"))


def marked_html(text: str | None, spans: list[list[int]]) -> Markup:
    """``text``, escaped, with the match offsets ``spans`` wrapped in ``<mark>``."""
    return Markup("".join(f"<mark>{escape_text(piece)}</mark>" if match else escape_text(piece)
                          for piece, match in queries.marked_segments(text, spans)))


def outlet_html(item: dict[str, Any]) -> Markup:
    """An article's outlet, and the wire agency that wrote it (or the release service that
    carried a company's release) when that is another."""
    publisher, wire = item.get("publisher"), item.get("wire")
    html = f'<span class="outlet">{escape_text(str(publisher or "unknown outlet"))}</span>'
    if wire in RELEASE_SERVICES:
        html += f' <span class="wire release" title="press-release service">press release via {escape_text(str(wire))}</span>'
    elif wire and wire != publisher:
        html += f' <span class="wire" title="wire agency">via {escape_text(str(wire))}</span>'
    return Markup(html)


def when_html(value: str | None) -> Markup:
    """A stored date as a ``<time>``: minutes in the text, the UTC offset apart."""
    if not value:
        return Markup('<span class="muted">undated</span>')
    value = str(value)
    zone = f' <span class="tz">{escape_text(value[19:])}</span>' if len(value) > 19 else ""
    return Markup(f'<time datetime="{escape_text(value)}">{escape_text(value[:16].replace("T", " "))}{zone}</time>')


def status_html(value: str | None) -> Markup:
    """A claim status as a badge."""
    value = str(value or "asserted")
    return Markup(f'<span class="status status-{escape_text(value)}">{escape_text(_label(value))}</span>')


ROLES = ("source", "cue", "content")  # a character in several spans shows the first role of these


# (Globals, not macros: a Jinja macro call costs more than the markup it writes.)
env.globals.update(outlet=outlet_html, when=when_html, status=status_html, RELEASE_SERVICES=RELEASE_SERVICES)


def attributed_paragraphs(body: list[str], attributions: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The body's paragraphs cut into segments, each with its attribution role and index (or none).

    Offsets are into the paragraphs joined by blank lines. A segment that ends an anonymous
    source is followed by an ``anonymous`` badge segment.
    """
    spans = []  # (start, end, role rank, attribution index)
    for index, attribution in enumerate(attributions):
        for rank, role in enumerate(ROLES):
            for pair in attribution.get(role) or []:
                if isinstance(pair, list) and len(pair) == 2 and all(isinstance(x, int) for x in pair) \
                        and pair[0] < pair[1]:
                    spans.append((pair[0], pair[1], rank, index))
    paragraphs, offset = [], 0
    for text in body:
        start, end = offset, offset + len(text)
        offset = end + 2
        inside = [s for s in spans if s[0] < end and s[1] > start]
        cuts = sorted({start, end, *(max(start, min(end, x)) for s in inside for x in s[:2])})
        segments = []
        for a, b in zip(cuts, cuts[1:], strict=False):
            if a >= b:
                continue
            active = [s for s in inside if s[0] <= a and s[1] >= b]
            if not active:
                segments.append({"text": text[a - start:b - start], "role": None})
                continue
            top = min(active, key=lambda s: (s[2], s[3]))
            attribution = attributions[top[3]]
            anonymous = bool(attribution.get("anonymous"))
            segments.append({"text": text[a - start:b - start], "role": ROLES[top[2]], "index": top[3],
                             "anonymous": anonymous and top[2] == 0, "kind": attribution.get("kind")})
            if anonymous and top[2] == 0 and b == top[1]:
                segments.append({"text": "anonymous", "role": "badge", "index": top[3]})
        paragraphs.append(segments)
    return paragraphs


def attributed_html(body: list[str], attributions: list[dict[str, Any]]) -> list[Markup]:
    """The body's paragraphs as HTML (without their ``<p>``), each attribution's source, cue and
    content in a ``<mark>`` of its role (see :func:`attributed_paragraphs`)."""
    paragraphs = []
    for segments in attributed_paragraphs(body, attributions):
        out = []
        for segment in segments:
            text, role = escape_text(segment["text"]), segment["role"]
            if role is None:
                out.append(text)
            elif role == "badge":
                out.append(f'<span class="badge" data-attr="{segment["index"]}">{text}</span>')
            else:
                index = segment["index"]
                anonymous = " anon" if segment["anonymous"] else ""
                out.append(f'<mark class="a-{role}{anonymous}" data-attr="{index}" '
                           f'title="attribution {index + 1}: {role}">{text}</mark>')
        paragraphs.append(Markup("".join(out)))
    return paragraphs


def span_text(text: str, spans: Any) -> str:
    """The text of ``spans`` (``[start, end]`` pairs), joined by an ellipsis."""
    parts = [text[p[0]:p[1]] for p in spans or [] if isinstance(p, list) and len(p) == 2
             and all(isinstance(x, int) for x in p)]
    return " … ".join(p for p in parts if p)


def _outlets(request: Request, conn) -> list[str]:
    """Outlet names for the search form, refreshed at most once a minute."""
    state = request.app.state
    cached = getattr(state, "outlets_cache", None)
    if cached is None or time.monotonic() - cached[0] > 60:
        cached = (time.monotonic(), queries.outlets(conn))
        state.outlets_cache = cached
    return cached[1]


# --- pages ---------------------------------------------------------------------------------------------------

@router.get("/", response_class=HTMLResponse)
@router.get("/search", response_class=HTMLResponse)
async def search_page(request: Request, conn: Conn, q: Text = None, outlet: Text = None, since: Date = None,
                until: Date = None, entity: Text = None, limit: Limit = 20, offset: Offset = 0):
    filters = {"outlet": outlet or None, "since": since or None, "until": until or None, "entity": entity or None}
    if q and q.strip():
        items, more = queries.search(conn, q, limit, offset, **filters)
        for item in items:
            item["headline_html"] = marked_html(item["headline"], item["headline_matches"])
            item["snippet_html"] = marked_html(item["snippet"], item["snippet_matches"])
    else:
        items, more = queries.list_articles(conn, limit, offset, **filters)
    api = "/api/search" if q and q.strip() else "/api/articles"
    return render(request, "search.html", title=f"Search: {q}" if q else "Articles", q=q or "", filters=filters,
                  items=items, pager=pager(request, more, limit, offset), offset=offset,
                  outlets=_outlets(request, conn), json_url=f"{api}?{urlencode(request.query_params)}")


@router.get("/articles/{article_id}", response_class=HTMLResponse)
async def article_page(request: Request, conn: Conn, article_id: RowId):
    article = found(queries.get_article(conn, article_id), "article")
    body = article.get("body") or []
    if not isinstance(body, list) or not all(isinstance(p, str) for p in body):
        body = []
    text = "\n\n".join(body)
    rows = [{**item, **{role: span_text(text, item.get(role)) for role in ROLES}} for item in article["attributions"]]
    for row, item in zip(rows, article["attributions"], strict=True):
        row["source"] = item.get("source_text") or row["source"]
    return render(request, "article.html", title=article.get("headline") or f"Article {article_id}", a=article,
                  paragraphs=attributed_html(body, article["attributions"]), attributions=rows,
                  json_url=f"/api/articles/{article_id}")


@router.get("/stories", response_class=HTMLResponse)
async def stories_page(request: Request, conn: Conn, limit: Limit = 20, offset: Offset = 0):
    items, more = queries.list_stories(conn, limit, offset)
    return render(request, "stories.html", title="Stories", items=items, pager=pager(request, more, limit, offset),
                  json_url=f"/api/stories?{urlencode(request.query_params)}")


@router.get("/stories/{key:path}", response_class=HTMLResponse)
async def story_page(request: Request, conn: Conn, key: str):
    story = found(queries.get_story(conn, key), "story")
    if "redirect" in story:
        return RedirectResponse(f"/stories/{quote(story['redirect'], safe='')}", status_code=307)
    return render(request, "story.html", title=story["headline"] or "Story", s=story,
                  json_url=f"/api/stories/{quote(key, safe='')}")


@router.get("/claims", response_class=HTMLResponse)
async def claims_page(request: Request, conn: Conn, q: Text = None, status: Text = None, limit: Limit = 20,
                offset: Offset = 0):
    items, more = queries.list_claims(conn, q, limit, offset, status=status or None)
    return render(request, "claims.html", title="Claims", q=q or "", status_filter=status or "", items=items,
                  pager=pager(request, more, limit, offset),
                  json_url=f"/api/claims?{urlencode(request.query_params)}")


@router.get("/claims/{claim_id}", response_class=HTMLResponse)
async def claim_page(request: Request, conn: Conn, claim_id: RowId):
    claim = found(queries.get_claim(conn, claim_id), "claim")
    return render(request, "claim.html", title=f"Claim: {claim['text'][:80]}", c=claim,
                  json_url=f"/api/claims/{claim_id}")


@router.get("/entities/{name:path}", response_class=HTMLResponse)
async def entity_page(request: Request, conn: Conn, name: str, limit: Limit = 20, offset: Offset = 0):
    entity = found(queries.get_entity(conn, name, limit, offset), "entity")
    return render(request, "entity.html", title=name, e=entity, pager=pager(request, entity["more"], limit, offset),
                  json_url=f"/api/entities/{quote(name, safe='')}")


@router.get("/favicon.ico", include_in_schema=False)
async def favicon():
    return RedirectResponse("/static/favicon.svg", status_code=301)

