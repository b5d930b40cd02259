"""The pieces of markup the views build in Python: they must escape exactly as the templates do."""

from __future__ import annotations

from tests.web.conftest import need_web
from tests.web.payloads import PAYLOADS

need_web()

from markupsafe import escape  # noqa: E402

from wiretrace.web.views import (  # noqa: E402
    attributed_html,
    env,
    escape_text,
    marked_html,
    outlet_html,
    status_html,
    when_html,
)

HOSTILE = [*PAYLOADS, "Tom & Jerry's \"show\" <b>", "", "plain text", "&amp; already escaped"]


def test_escape_text_writes_what_markupsafe_writes():
    for text in HOSTILE:
        assert escape_text(text) == str(escape(text))


def test_marked_html_escapes_inside_and_outside_the_marks():
    html = marked_html('<script>x</script> said "yes" & left', [[24, 28], [30, 31]])
    assert html == '&lt;script&gt;x&lt;/script&gt; said <mark>&#34;yes</mark>&#34; <mark>&amp;</mark> left'
    # Offsets past the text are clipped, overlapping ones do not repeat text.
    assert marked_html("abc", [[1, 2], [1, 9]]) == "a<mark>b</mark><mark>c</mark>"
    assert marked_html(None, []) == ""


def _rendered(source: str, **context) -> str:
    return env.from_string(source).render(**context)


def test_labels_escape_page_content():
    hostile = '<img src=x onerror="window.pwned=1">'
    item = {"publisher": hostile, "wire": "AP&<P>"}
    assert outlet_html(item) == (
        '<span class="outlet">&lt;img src=x onerror=&#34;window.pwned=1&#34;&gt;</span>'
        ' <span class="wire" title="wire agency">via AP&amp;&lt;P&gt;</span>')
    assert outlet_html({"publisher": "Reuters", "wire": "Reuters"}) == '<span class="outlet">Reuters</span>'
    assert outlet_html({}) == '<span class="outlet">unknown outlet</span>'
    assert when_html("2025-03-19T20:03:00+05:30") == (
        '<time datetime="2025-03-19T20:03:00+05:30">2025-03-19 20:03 <span class="tz">+05:30</span></time>')
    assert when_html("2025-03-19") == '<time datetime="2025-03-19">2025-03-19</time>'
    assert when_html('"><script>') == '<time datetime="&#34;&gt;&lt;script&gt;">&#34;&gt;&lt;script&gt;</time>'
    assert when_html(None) == '<span class="muted">undated</span>'
    assert status_html("not_confirmed") == '<span class="status status-not_confirmed">not confirmed</span>'
    assert status_html(None) == '<span class="status status-asserted">asserted</span>'
    assert status_html('x"><b>') == '<span class="status status-x&#34;&gt;&lt;b&gt;">x&#34;&gt;&lt;b&gt;</span>'
    # In a template they are markup, not text to escape again.
    assert _rendered("{{ status(s) }}", s="denied") == '<span class="status status-denied">denied</span>'


def test_attributed_html_marks_each_role_and_escapes_the_text():
    body = ['<b>Officials</b> said the plan "works".', "Second & last."]
    attributions = [{"source": [[0, 16]], "cue": [[17, 21]], "content": [[22, 38]], "anonymous": True,
                     "kind": "speech"}]
    first, second = attributed_html(body, attributions)
    assert first == (
        '<mark class="a-source anon" data-attr="0" title="attribution 1: source">&lt;b&gt;Officials&lt;/b&gt;</mark>'
        '<span class="badge" data-attr="0">anonymous</span> '
        '<mark class="a-cue" data-attr="0" title="attribution 1: cue">said</mark> '
        '<mark class="a-content" data-attr="0" title="attribution 1: content">the plan &#34;works&#34;</mark>.')
    assert second == "Second &amp; last."


def test_dict_keys_read_as_attributes_and_dict_methods_still_work():
    context = {"a": {"headline": "<i>H</i>", "types": {"PERSON": 2}}, "obj": type("O", (), {"name": "n"})()}
    assert _rendered("{{ a.headline }}", **context) == "&lt;i&gt;H&lt;/i&gt;"
    assert _rendered("{% for t, n in a.types.items() %}{{ t }}={{ n }}{% endfor %}", **context) == "PERSON=2"
    assert _rendered("{{ a.missing or 'none' }}|{{ obj.name }}", **context) == "none|n"


def test_a_release_services_copy_is_shown_as_a_press_release():
    shown = str(outlet_html({"publisher": "Markets Daily", "wire": "PR Newswire"}))
    assert "press release via PR Newswire" in shown
    assert "press release" not in str(outlet_html({"publisher": "Harbour Post", "wire": "Reuters"}))
