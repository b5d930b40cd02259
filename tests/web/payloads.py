"""Hostile strings for the XSS tests: each would set ``window.__pwned`` if a page let it run."""

from __future__ import annotations

import json

PWN = "window.__pwned=1"

PAYLOADS = [
    f"<script>{PWN}</script>",
    f"<SCRIPT>{PWN}</SCRIPT>",
    f"<script src=data:text/javascript,{PWN}></script>",
    f"<script>/*</script><script>*/{PWN}</script>",
    f"</title><script>{PWN}</script>",
    f"</textarea><script>{PWN}</script>",
    f"</style><script>{PWN}</script>",
    f"</q><script>{PWN}</script>",
    f"<img src=x onerror={PWN}>",
    f"<img src=x onerror=\"{PWN}\">",
    f"<IMG SRC=x OnErRoR={PWN}>",
    f"<img/src=x/onerror={PWN}>",
    f"<img src=\"x\" onerror='{PWN}'//",
    f"<svg onload={PWN}>",
    f"<svg><script>{PWN}</script></svg>",
    f"<svg><animate onbegin={PWN} attributeName=x dur=1s>",
    f"<svg><a xlink:href=\"javascript:{PWN}\"><text x=20 y=20>click</text></a></svg>",
    f"<math><mtext><table><mglyph><style><img src=x onerror={PWN}>",
    f"<body onload={PWN}>",
    f"<iframe src=\"javascript:{PWN}\"></iframe>",
    f"<iframe srcdoc=\"<script>parent.{PWN}</script>\"></iframe>",
    f"<object data=\"javascript:{PWN}\"></object>",
    f"<embed src=\"javascript:{PWN}\">",
    f"<a href=\"javascript:{PWN}\">click me</a>",
    f"<a href=\"JaVaScRiPt:{PWN}\">click</a>",
    f"<a href=\"&#106;avascript:{PWN}\">entity</a>",
    f"<a href=\"data:text/html,<script>{PWN}</script>\">data</a>",
    f"<details open ontoggle={PWN}>",
    f"<input autofocus onfocus={PWN}>",
    f"<select autofocus onfocus={PWN}></select>",
    f"<video><source onerror={PWN}></video>",
    f"<audio src=x onerror={PWN}>",
    f"<marquee onstart={PWN}>",
    f"<div style=\"background:url(javascript:{PWN})\">",
    f"<style>@import 'javascript:{PWN}';</style>",
    f"<link rel=stylesheet href=\"javascript:{PWN}\">",
    f"<meta http-equiv=\"refresh\" content=\"0;url=javascript:{PWN}\">",
    f"<base href=\"javascript:{PWN}//\">",
    f"<form action=\"javascript:{PWN}\"><button>go</button></form>",
    f"<button formaction=\"javascript:{PWN}\">x</button>",
    f"<isindex action=javascript:{PWN} type=image>",
    f"\"><script>{PWN}</script>",
    f"'><img src=x onerror={PWN}>",
    f"\" onmouseover=\"{PWN}\" x=\"",
    f"' onfocus='{PWN}' autofocus '",
    f"`><img src=x onerror={PWN}>",
    f"<scr<script>ipt>{PWN}</scr</script>ipt>",
    f"<<script>script>{PWN}<</script>/script>",
    f"<noscript><p title=\"</noscript><img src=x onerror={PWN}>\">",
    f"<template><script>{PWN}</script></template>",
    f"<xmp><script>{PWN}</script></xmp>",
    f"<plaintext><script>{PWN}</script>",
    f"{{{{constructor.constructor('{PWN}')()}}}}",
    f"${{{PWN}}}",
    f"javascript:{PWN}",
    f"<!--<img src=\"--><img src=x onerror={PWN}//\">",
    f"<x onclick={PWN}>click</x>",
    f"<keygen autofocus onfocus={PWN}>",
    f"<table background=\"javascript:{PWN}\">",
    f"\u003cscript\u003e{PWN}\u003c/script\u003e",
]

assert len(PAYLOADS) >= 50


def hostile_batch() -> list[dict]:
    """JSONL page objects (for POST /api/ingest) carrying every payload in every field a page shows."""
    sentences = []
    for n, payload in enumerate(PAYLOADS):
        sentences.append(f"Hostile payload {n} follows: {payload} and the gas ministry said it was nothing.")
        sentences.append(f"\"{payload}\", said spokesperson Hostile Erel {n}.")
    # Plain prose first: a text whose first 4 KiB hold markup is sniffed as HTML (and its tags stripped);
    # after it, the payloads stay in the record verbatim, as a hostile plain-text dump would.
    preamble = ["The gas ministry said on Friday that the export plan was under review, officials said."] * 50
    text = "\n\n".join([" ".join(preamble)] + [" ".join(sentences[i:i + 4]) for i in range(0, len(sentences), 4)])
    escaped = "".join(f"<p>Hostile markup {n}: {_entities(p)} was reported by unnamed sources, officials said.</p>"
                      for n, p in enumerate(PAYLOADS))
    links = "".join(f"<a href=\"javascript:{PWN}\">Hostile related {n}</a>" for n in range(3))
    review = json.dumps({"@context": "https://schema.org", "@type": "ClaimReview", "claimReviewed": PAYLOADS[3],
                         "author": {"@type": "Organization", "name": PAYLOADS[5]},
                         "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": PAYLOADS[7]}},
                         "reviewRating": {"@type": "Rating", "alternateName": PAYLOADS[9]}}).replace("</", "<\\/")
    html = ("<html><head><title>Hostile &lt;script&gt;" + PWN + "&lt;/script&gt; page</title>"
            f'<script type="application/ld+json">{review}</script>'
            f"<meta property=\"og:image\" content=\"javascript:{PWN}\">"
            f"<meta name=\"author\" content=\"{_entities(PAYLOADS[8])}\"></head><body>"
            f"<article><h1>Hostile &lt;img src=x onerror={PWN}&gt; headline</h1>{escaped}"
            f"<p>Correction: An earlier version of this story misquoted {_entities(PAYLOADS[20])} as its source.</p>"
            f"<figure><img src=\"javascript:{PWN}\" alt=\"x\"><figcaption>{_entities(PAYLOADS[13])}</figcaption>"
            f"</figure><aside><h2>Related</h2>{links}</aside></article></body></html>")
    return [
        {"id": "hostile-text", "url": f"javascript:{PWN}", "title": f"Hostile headline {PAYLOADS[0]} {PAYLOADS[8]}",
         "outlet": f"Hostile Outlet {PAYLOADS[13]}", "published": "2026-05-09T10:00:00+00:00", "text": text},
        {"id": "hostile-html", "url": "https://hostile.example/page", "html": html,
         "outlet": f"Hostile Outlet {PAYLOADS[41]}"},
    ]


def _entities(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def as_jsonl(batch: list[dict]) -> str:
    return "".join(json.dumps(item) + "\n" for item in batch)
