"""JSONL reader: one page per line, clean text taken as the body, bad lines named by number."""

from __future__ import annotations

import gzip
import json

from wiretrace.record import SourcedPage
from wiretrace.sources import InputError
from wiretrace.sources.jsonl import iter_jsonl, paragraphs

LINES = [
    json.dumps({"id": "a1", "url": "https://harbourpost.example/strike", "title": "Port workers end strike",
                "published": "Mar 20 2026 | 8:03 PM IST", "outlet": "Harbour Post",
                "text": "ROTTERDAM (Reuters) - Dock workers ended a three-day strike on Friday.\n\n"
                        "Ships had waited at anchor.\n\nMenu\nSubscribe"}),
    '{"id": "a2", "html": "<html><head><title>x</title></head><body><p>Hi</p></body></html>", '
    '"title": "Given title", "outlet": "Bay Times"}',
    "{not json",
    "",
    json.dumps(["a", "list"]),
    json.dumps({"id": "a5", "title": "No text at all"}),
    json.dumps({"id": 6, "text": "<p>Markup in the text field</p><div>is HTML</div>"}),
    json.dumps({"url": "https://x.example/7", "text": "Line one\nLine two", "published": "not a date"}),
]


def read(tmp_path, lines=LINES, gz=False):
    data = ("\n".join(lines) + "\n").encode()
    path = tmp_path / ("pages.jsonl.gz" if gz else "pages.jsonl")
    path.write_bytes(gzip.compress(data) if gz else data)
    return path, list(iter_jsonl(str(path)))


def test_lines_become_pages_and_bad_lines_named_errors(tmp_path):
    path, items = read(tmp_path)
    kinds = [(type(i).__name__, i.source.rsplit(":", 1)[1]) for i in items]
    assert kinds == [("SourcedPage", "1"), ("SourcedPage", "2"), ("InputError", "3"), ("InputError", "5"),
                     ("InputError", "6"), ("SourcedPage", "7"), ("SourcedPage", "8")]
    errors = {i.source: i.reason for i in items if isinstance(i, InputError)}
    assert errors[f"{path}:3"].startswith("invalid JSON")
    assert "not a JSON object" in errors[f"{path}:5"]
    assert "no \"html\" or \"text\"" in errors[f"{path}:6"]


def test_clean_text_is_the_body_as_given(tmp_path):
    _, items = read(tmp_path)
    first = items[0]
    assert first.input_id == "a1" and first.origin.line == 1
    article = first.article
    assert article is not None and article.input_kind == "text"
    assert article.headline == "Port workers end strike" and article.publisher == "Harbour Post"
    assert article.published == "2026-03-20T20:03:00+05:30"
    # No boilerplate removal: the "Menu / Subscribe" lines stay, as the input says.
    assert article.body == ["ROTTERDAM (Reuters) - Dock workers ended a three-day strike on Friday.",
                            "Ships had waited at anchor.", "Menu Subscribe"]
    assert article.wire == "Reuters"


def test_html_lines_are_extracted_later_with_the_given_fields_winning(tmp_path):
    _, items = read(tmp_path)
    html, markup_text = items[1], items[5]
    assert html.article is None and html.overrides == {"headline": "Given title", "publisher": "Bay Times"}
    assert markup_text.article is None and markup_text.input_id == "6"
    last = items[6]
    assert last.article.body == ["Line one", "Line two"]
    assert any("published date not understood" in w for w in last.article.warnings)


def test_a_line_without_id_or_url_is_identified_by_its_content_not_its_line(tmp_path):
    strike = json.dumps({"title": "Port workers end strike", "text": "Dock workers ended a strike on Friday."})
    fares = json.dumps({"title": "Ferry fares rise", "text": "The ferry operator raised fares by 5 cents."})
    council = json.dumps({"title": "Council meets", "text": "The city council approved the budget."})
    _, before = read(tmp_path, [strike, fares])
    _, after = read(tmp_path, [council, strike, fares])
    assert [p.input_id for p in before] == [p.input_id for p in after[1:]]
    assert len({p.input_id for p in after}) == 3 and all(p.input_id.startswith("sha256:") for p in after)
    assert after[1].origin.line == 2  # its place is still told, as provenance
    # A line naming an id or a URL keeps it.
    _, named = read(tmp_path, [json.dumps({"url": "https://x.example/7", "text": "Line one"})])
    assert named[0].input_id is None


def test_gzipped_jsonl_and_truncated_gzip(tmp_path):
    path, items = read(tmp_path, gz=True)
    assert len([i for i in items if isinstance(i, SourcedPage)]) == 4
    path.write_bytes(path.read_bytes()[:-20])
    items = list(iter_jsonl(str(path)))
    assert isinstance(items[-1], InputError) and items[-1].source.startswith(f"{path}:")


def test_paragraphs():
    assert paragraphs("a\n\n b \n\n\nc") == ["a", "b", "c"]
    assert paragraphs("a\nb\r\nc") == ["a", "b", "c"]


def test_half_a_utf16_pair_escaped_in_json_becomes_a_replacement_character(tmp_path):
    path = tmp_path / "lone.jsonl"
    path.write_text('{"id": "a", "title": "Port \\ud800 strike", "text": "Dock workers \\udce9 went back to work '
                    'on Friday after a pay deal, the port authority said."}\n', encoding="utf-8")
    (page,) = iter_jsonl(str(path))
    assert page.article.headline == "Port \ufffd strike"
    assert page.article.body == ["Dock workers \ufffd went back to work on Friday after a pay deal, the port authority said."]
    json.dumps(page.article.to_dict(), ensure_ascii=False).encode("utf-8")  # any output takes it


def test_the_names_news_apis_give_the_fields_are_read():
    from wiretrace.sources.jsonl import page_from_json

    newsapi = {"url": "https://northstar.example/chile-mine", "title": "Chile opens inquiry into mine spill",
               "description": "Regulator orders halt to discharges.", "publishedAt": "2026-11-26T21:05:00Z",
               "source": {"id": None, "name": "Northstar Times"}, "author": "Associated Press",
               "content": "SANTIAGO, Chile (AP) — The regulator opened an inquiry.\n\nInspectors found a breach."}
    article = page_from_json(newsapi, "api.jsonl", 1).article
    assert (article.headline, article.dek, article.publisher) == (
        "Chile opens inquiry into mine spill", "Regulator orders halt to discharges.", "Northstar Times")
    assert (article.published, article.wire, article.authors) == ("2026-11-26T21:05:00+00:00", "AP", [])
    assert len(article.body) == 2
    dataset = {"guid": "n-2", "headline": "Port strike ends", "body": ["Dock workers voted to end the strike.",
               "Ships began unloading."], "date": "2026-11-20", "publisher": "Harbour Post", "byline": "By Mira Kessel"}
    page = page_from_json(dataset, "api.jsonl", 2)
    assert page.input_id == "n-2"
    assert (page.article.body, page.article.authors) == (dataset["body"], ["Mira Kessel"])


def test_a_line_in_wiretraces_own_form_keeps_its_fingerprint():
    from wiretrace.sources.inputs import fingerprint
    from wiretrace.sources.jsonl import page_from_json

    line = {"id": "a1", "text": "One paragraph.\n\nAnother.", "title": "T", "outlet": "O"}
    assert page_from_json(line, "x.jsonl", 1).fingerprint == fingerprint(
        {k: line.get(k) for k in ("id", "url", "html", "text", "title", "published", "outlet")})
