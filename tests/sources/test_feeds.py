"""RSS/Atom reader: items with content become clean records; content-less items become links."""

from __future__ import annotations

from wiretrace.record import FeedLink, SourcedPage
from wiretrace.sources import InputError
from wiretrace.sources.feeds import html_paragraphs, iter_feed

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Harbour Post</title><link>https://harbourpost.example/</link><description>News</description>
<item>
  <title>Port workers end strike after pay deal</title>
  <link>https://harbourpost.example/strike</link>
  <guid isPermaLink="false">hp-1001</guid>
  <pubDate>Fri, 20 Mar 2026 08:03:00 GMT</pubDate>
  <dc:creator>Anna Visser</dc:creator>
  <category>Labour</category>
  <description>Three days of talks ended with a 6% rise over two years.</description>
  <content:encoded><![CDATA[<p>ROTTERDAM (Reuters) - Dock workers ended a three-day strike on Friday.</p>
  <p>Ships had waited at anchor off the coast.</p><script>track()</script>]]></content:encoded>
</item>
<item>
  <title>Comet seen over the bay</title>
  <link>https://harbourpost.example/comet</link>
  <description>Astronomers watched a &lt;b&gt;bright&lt;/b&gt; comet on Tuesday night.</description>
</item>
<item>
  <title>Link-only item</title>
  <link>https://harbourpost.example/full-story</link>
</item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Bay Times</title><id>urn:bay</id><updated>2026-03-20T10:00:00Z</updated>
  <entry>
    <title>Ferry timetable changes</title>
    <id>urn:bay:42</id>
    <link href="https://baytimes.example/ferry"/>
    <published>2026-03-19T09:30:00+01:00</published>
    <updated>2026-03-20T10:00:00Z</updated>
    <author><name>Lena Park</name></author>
    <content type="html">&lt;p&gt;The ferry will run every half hour from April.&lt;/p&gt;&lt;p&gt;Fares stay the same.&lt;/p&gt;</content>
  </entry>
</feed>
"""


def test_rss_items_become_records_with_their_metadata(tmp_path):
    path = tmp_path / "hp.rss"
    path.write_text(RSS, encoding="utf-8")
    first, second, third = list(iter_feed(str(path)))
    assert isinstance(first, SourcedPage) and first.article is not None
    article = first.article
    assert first.input_id == "hp-1001" and first.url == "https://harbourpost.example/strike"
    assert first.source == f"{path}#1" and first.origin.item == 1
    assert article.headline == "Port workers end strike after pay deal"
    assert article.body == ["ROTTERDAM (Reuters) - Dock workers ended a three-day strike on Friday.",
                            "Ships had waited at anchor off the coast."]
    assert article.published == "2026-03-20T08:03:00+00:00"
    assert article.publisher == "Harbour Post" and article.authors == ["Anna Visser"] and article.tags == ["Labour"]
    assert article.wire == "Reuters"
    # The description beside the full text is its standfirst ...
    assert article.dek == "Three days of talks ended with a 6% rise over two years."
    # No content:encoded: the summary is the content (and no dek); no guid: the link is the id.
    assert second.article.body == ["Astronomers watched a bright comet on Tuesday night."]
    assert second.article.dek is None
    assert second.input_id == "https://harbourpost.example/comet"
    assert isinstance(third, FeedLink) and third.url == "https://harbourpost.example/full-story"


def test_atom_entries(tmp_path):
    path = tmp_path / "bay.atom"
    path.write_text(ATOM, encoding="utf-8")
    (entry,) = list(iter_feed(str(path)))
    assert entry.input_id == "urn:bay:42" and entry.url == "https://baytimes.example/ferry"
    assert entry.article.body == ["The ferry will run every half hour from April.", "Fares stay the same."]
    assert entry.article.published == "2026-03-19T09:30:00+01:00"
    assert entry.article.updated == "2026-03-20T10:00:00+00:00"
    assert entry.article.publisher == "Bay Times" and entry.article.authors == ["Lena Park"]


def test_broken_xml_names_file_and_line_and_recovered_items_still_come(tmp_path):
    path = tmp_path / "broken.xml"
    path.write_text(RSS.replace("</item>\n<item>", "</itme>\n<item>", 1), encoding="utf-8")
    items = list(iter_feed(str(path)))
    error = items[0]
    assert isinstance(error, InputError)
    assert error.source.startswith(f"{path}:") and error.source.split(":")[-1].isdigit()
    assert "broken feed XML" in error.reason
    assert any(isinstance(i, SourcedPage) for i in items[1:])


def test_not_a_feed_and_empty_input(tmp_path):
    junk = tmp_path / "junk.rss"
    junk.write_text("just some words, no feed here", encoding="utf-8")
    assert all(isinstance(i, InputError) for i in iter_feed(str(junk)))
    empty = tmp_path / "empty.rss"
    empty.write_bytes(b"")
    (error,) = list(iter_feed(str(empty)))
    assert error.reason == "empty input"


def test_html_paragraphs():
    assert html_paragraphs("<p>One.</p><p>Two <b>bold</b>.</p>") == ["One.", "Two bold."]
    assert html_paragraphs("Plain summary") == ["Plain summary"]
    assert html_paragraphs("a<br><br>b<style>x{}</style>") == ["a", "b"]


def test_an_item_with_neither_guid_nor_link_keeps_its_id_when_items_are_added_above(tmp_path):
    item = "<item><title>{0}</title><description>{0} was reported on Tuesday night.</description></item>"
    feed = '<?xml version="1.0"?><rss version="2.0"><channel><title>Bay Times</title>{}</channel></rss>'
    path = tmp_path / "bay.rss"
    path.write_text(feed.format(item.format("Comet seen over the bay")), encoding="utf-8")
    (before,) = list(iter_feed(str(path)))
    path.write_text(feed.format(item.format("Ferry timetable changes") + item.format("Comet seen over the bay")),
                    encoding="utf-8")
    added, after = list(iter_feed(str(path)))
    assert after.input_id == before.input_id and added.input_id != before.input_id
    assert before.input_id.startswith("sha256:")


def test_titles_written_in_html_or_xhtml_come_out_as_plain_text(tmp_path):
    path = tmp_path / "marked.atom"
    path.write_text("""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">Bay &amp;amp; Harbour &lt;i&gt;Times&lt;/i&gt;</title>
<id>urn:bay</id><updated>2026-03-20T10:00:00Z</updated>
<entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Ministers <em>agree</em> budget</div></title>
<id>urn:bay:1</id><link href="https://baytimes.example/budget"/><updated>2026-03-20T10:00:00Z</updated>
<content type="html">&lt;p&gt;Ministers agreed the budget on Tuesday.&lt;/p&gt;</content></entry>
<entry><title type="html">Fares &amp;amp; &lt;b&gt;timetables&lt;/b&gt; change</title>
<id>urn:bay:2</id><link href="https://baytimes.example/fares"/><updated>2026-03-20T10:00:00Z</updated>
<content type="html">&lt;p&gt;Fares rise in April.&lt;/p&gt;</content></entry>
</feed>""", encoding="utf-8")
    budget, fares = (item.article for item in iter_feed(str(path)))
    assert budget.headline == "Ministers agree budget"
    assert fares.headline == "Fares & timetables change"
    assert budget.publisher == "Bay & Harbour Times"


def test_a_character_reference_to_half_a_utf16_pair_is_a_replacement_character(tmp_path):
    path = tmp_path / "odd.rss"
    path.write_text(RSS.replace("Comet seen over the bay", "Comet &#xD800; seen over the &#56320; bay"), encoding="utf-8")
    items = list(iter_feed(str(path)))
    assert [i.article.headline for i in items if isinstance(i, SourcedPage)] == [
        "Port workers end strike after pay deal", "Comet \ufffd seen over the \ufffd bay"]


def test_a_feed_the_parser_fails_on_is_a_named_error(tmp_path, monkeypatch):
    import feedparser

    def fail(*args, **kwargs):
        raise UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")

    monkeypatch.setattr(feedparser, "parse", fail)
    path = tmp_path / "hp.rss"
    path.write_text(RSS, encoding="utf-8")
    (error,) = iter_feed(str(path))
    assert isinstance(error, InputError) and error.source == str(path)
    assert error.reason.startswith("unreadable feed: UnicodeEncodeError")


def test_control_characters_in_an_item_are_spaces():
    assert html_paragraphs("<p>Ships &#27;[31mwaited\x1b[0m at anchor.</p><p>Two\x0cwords.</p>") == [
        "Ships [31mwaited [0m at anchor.", "Two words."]


MEDIA_RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbour Post</title><link>https://harbourpost.example/</link>
<item>
  <title>Port workers end strike after pay deal</title>
  <link>https://harbourpost.example/news/strike</link>
  <guid>hp-2001</guid>
  <media:content url="https://cdn.harbourpost.example/dock.jpg" medium="image" type="image/jpeg">
    <media:description>Dock workers leave the port on Friday.</media:description>
    <media:credit role="photographer">Ann Lee/Harbour Post</media:credit>
  </media:content>
  <media:content url="https://cdn.harbourpost.example/strike.mp4" medium="video"/>
  <media:thumbnail url="https://cdn.harbourpost.example/dock-small.jpg"/>
  <enclosure url="https://cdn.harbourpost.example/crane.jpg" type="image/jpeg" length="1000"/>
  <enclosure url="https://cdn.harbourpost.example/podcast.mp3" type="audio/mpeg" length="1000"/>
  <content:encoded><![CDATA[<p>Dock workers ended a three-day strike on Friday.</p>
  <figure><img src="/img/ships.jpg" alt="Ships"><figcaption>Ships wait to load. Photo: Tom Berg</figcaption></figure>
  <p>Ships had waited at anchor off the coast.</p><img src="https://cdn.harbourpost.example/gate.jpg" alt="The port gate">
  <img src="https://stats.example/pixel.gif" width="1" height="1" alt="">]]></content:encoded>
</item>
<item>
  <title>Ferry fares stay the same</title>
  <link>https://harbourpost.example/news/ferry</link>
  <content:encoded><![CDATA[<p>The ferry will run every half hour from April, the operator said.</p>]]></content:encoded>
  <media:group>
    <media:title>The ferry at its pier</media:title>
    <media:credit>Reuters</media:credit>
    <media:thumbnail url="https://cdn.harbourpost.example/ferry.jpg"/>
  </media:group>
</item>
</channel></rss>
"""


def test_an_item_keeps_the_pictures_of_its_content_and_those_it_declares(tmp_path):
    path = tmp_path / "media.rss"
    path.write_text(MEDIA_RSS, encoding="utf-8")
    first, second = [page.article for page in iter_feed(str(path))]
    assert [(i.url, i.caption, i.credit) for i in first.images] == [
        ("https://harbourpost.example/img/ships.jpg", "Ships wait to load.", "Tom Berg"),
        ("https://cdn.harbourpost.example/gate.jpg", "The port gate", None),
        ("https://cdn.harbourpost.example/dock.jpg", "Dock workers leave the port on Friday.", "Ann Lee/Harbour Post"),
        ("https://cdn.harbourpost.example/crane.jpg", None, None),
    ]
    # A thumbnail stands in for a picture only where the item declares none.
    assert [(i.url, i.caption, i.credit) for i in second.images] == [
        ("https://cdn.harbourpost.example/ferry.jpg", "The ferry at its pier", "Reuters")]
    assert second.headline == "Ferry fares stay the same"
    # The caption goes with its picture, not into the text.
    assert first.body == ["Dock workers ended a three-day strike on Friday.", "Ships had waited at anchor off the coast."]


def test_a_feed_items_declared_pictures_are_part_of_what_it_said(tmp_path):
    path = tmp_path / "media.rss"
    path.write_text(MEDIA_RSS, encoding="utf-8")
    before = [page.fingerprint for page in iter_feed(str(path))]
    path.write_text(MEDIA_RSS.replace("Ann Lee/Harbour Post", "Tom Berg"), encoding="utf-8")
    after = [page.fingerprint for page in iter_feed(str(path))]
    assert before[0] != after[0] and before[1] == after[1]
    # An item that declares no picture says what it said before pictures were read.
    plain = tmp_path / "hp.rss"
    plain.write_text(RSS, encoding="utf-8")
    assert "images" not in next(iter_feed(str(plain))).fingerprint


def test_a_pictures_caption_never_takes_the_place_of_the_items_description(tmp_path):
    # feedparser files the media:description that follows an item's <description> as its content.
    path = tmp_path / "captioned.rss"
    path.write_text("""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Harbour Post</title>
<item>
  <title>Port workers end strike after pay deal</title>
  <link>https://harbourpost.example/news/strike</link>
  <description>Dock workers ended their eleven-day strike on Friday after unions accepted a pay offer.</description>
  <media:content url="https://cdn.harbourpost.example/dock.jpg" medium="image">
    <media:description type="html">Dock workers &lt;b&gt;leave&lt;/b&gt; the port on Friday.</media:description>
  </media:content>
</item>
<item>
  <title>Photo of the day</title>
  <link>https://harbourpost.example/photo</link>
  <media:content url="https://cdn.harbourpost.example/crane.jpg" medium="image">
    <media:description>A crane at dawn.</media:description>
  </media:content>
</item>
</channel></rss>""", encoding="utf-8")
    story, photo = [page.article for page in iter_feed(str(path))]
    assert story.body == ["Dock workers ended their eleven-day strike on Friday after unions accepted a pay offer."]
    assert [(i.url, i.caption) for i in story.images] == [
        ("https://cdn.harbourpost.example/dock.jpg", "Dock workers leave the port on Friday.")]
    # An item with no other text keeps what it has.
    assert photo.body == ["A crane at dawn."]


def test_a_feed_title_naming_a_section_gives_the_publisher_the_site_is_named_after():
    from wiretrace.sources.feeds import feed_publisher

    assert feed_publisher("Harbour Gazette - World", "https://harbourgazette.example/world") == "Harbour Gazette"
    assert feed_publisher("NYT > World News", "https://www.nytimes.com/section/world") == "NYT"
    assert feed_publisher("The Guardian | World news", "https://www.theguardian.com/world") == "The Guardian"
    assert feed_publisher("Breaking News - The Daily Star", "https://www.thedailystar.net/") == "The Daily Star"
    # A title that names no part after the site, or a feed without a link, is kept whole.
    assert feed_publisher("World News Today", "https://example.com/") == "World News Today"
    assert feed_publisher("Harbour Gazette - World", None) == "Harbour Gazette - World"


def test_a_feed_title_naming_a_section_beside_its_publisher_gives_the_items_section():
    from wiretrace.sources.feeds import feed_section

    assert feed_section("Harbour Gazette - World", "Harbour Gazette") == "World"
    assert feed_section("NYT > World News", "NYT") == "World News"
    # The site's whole feed names no section; nor does a title that is the publisher alone.
    assert feed_section("Breaking News - The Daily Star", "The Daily Star") is None
    assert feed_section("BBC News - Home", "BBC News") is None
    assert feed_section("Harbour Post", "Harbour Post") is None
    assert feed_section("Harbour Gazette - World", "Harbour Gazette - World") is None


def test_a_wire_items_closing_credit_leaves_its_body_and_names_its_reporters(tmp_path):
    from wiretrace.extract import finalize

    feed = RSS.replace("<title>Harbour Post</title>", "<title>Harbour Post - World</title>").replace(
        "<p>Ships had waited at anchor off the coast.</p>",
        "<p>Ships had waited at anchor off the coast.</p><p>(Reporting by Bart Meijer; Editing by Alex Richardson)</p>")
    path = tmp_path / "feed.xml"
    path.write_text(feed, encoding="utf-8")
    article = finalize(next(p for p in iter_feed(str(path)) if isinstance(p, SourcedPage)).article)
    assert article.publisher == "Harbour Post"
    assert article.body[-1] == "Ships had waited at anchor off the coast."
    # (The feed's dc:creator named the writer; the credit names no other.)
    assert article.authors == ["Anna Visser"] and article.wire == "Reuters"


def test_a_description_that_repeats_the_texts_opening_is_no_dek(tmp_path):
    # (A CMS's excerpt: the text's first words, cut off.)
    excerpt = "ROTTERDAM (Reuters) - Dock workers ended a three-day strike on Friday. [&#8230;]"
    path = tmp_path / "hp.rss"
    path.write_text(RSS.replace("Three days of talks ended with a 6% rise over two years.", excerpt), encoding="utf-8")
    first = next(iter_feed(str(path)))
    assert first.article.dek is None
