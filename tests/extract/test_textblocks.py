"""Text mode, part two: the blocks of a dump classified (wiretrace.extract.textblocks)."""

from __future__ import annotations

import json
import math
import textwrap
from pathlib import Path

import numpy as np
import pytest

from wiretrace.extract import cues
from wiretrace.extract import textblocks as tb
from wiretrace.extract import textsegment as ts
from wiretrace.extract.textfeatures import (
    CONTEXT_NAMES,
    FEATURE_NAMES,
    block_features,
    context_features,
    heaviest_run,
    is_dateline,
)
from wiretrace.record import BOILERPLATE_CATEGORIES

from tests.extract.test_textsegment import PARAGRAPHS, wrap

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEED = SHARED / "seed" / "000_226eb23f7ba8aff9.txt"
SEED_EXPECTED = SHARED / "seed" / "expected.json"


def decoded(texts: list[str], scores: list[float]) -> list[str]:
    """The ``texts`` tb.decode keeps at the shipped knobs' values, given ``scores``, with the
    sentence-end and related-heading columns their features give."""
    import numpy as np

    blocks = [ts.Block(t, i) for i, t in enumerate(texts)]
    X = block_features(blocks)
    ends = (X[:, tb._COLUMN["ends_sentence"]] > 0) | (X[:, tb._COLUMN["ends_colon"]] > 0)
    related = (X[:, tb._COLUMN["cue_related"]] > 0) & (X[:, tb._COLUMN["log_words"]] <= np.log1p(6))
    knobs = {"pivot": 0.4, "inside": 0.2, "outside": 0.9, "resume": 0.4}
    keep = tb.decode(blocks, np.array(scores), **knobs, ends=ends, related=related)
    return [t for t, k in zip(texts, keep) if k]


def body_of(content: str) -> list[str]:
    blocks = ts.segment(content)
    return [b.text for b, label in zip(blocks, tb.classify(blocks)) if label == "body"]


# --- classify ------------------------------------------------------------------------------------------


NEWS_PAGE = """\
  * Home
  * World
  * Business
  * Sport
Tram network to grow by twelve kilometres
By Jane Doe
Updated 10:42 am, March 4, 2025
Share on Facebook
{paragraphs}
Related stories
  * Council election results announced
  * Bus fares to rise in April
  * New bridge opens to traffic
Tags: transport, city council, trams
© 2025 The Daily Example. All rights reserved.
Privacy Policy
"""


def test_classify_keeps_the_article_and_names_the_furniture() -> None:
    page = NEWS_PAGE.format(paragraphs="\n".join(PARAGRAPHS))
    blocks = ts.segment(page)
    labels = tb.classify(blocks)
    assert [b.text for b, label in zip(blocks, labels) if label == "body"] == PARAGRAPHS
    named = dict(zip((b.text for b in blocks), labels))
    assert named["Share on Facebook"] == "share"
    assert named["Related stories"] == "related"
    assert named["Bus fares to rise in April"] == "related"
    assert named["Tags: transport, city council, trams"] == "tags"
    assert named["© 2025 The Daily Example. All rights reserved."] == "disclaimer"
    assert named["By Jane Doe"] == "byline"
    assert named["Home"] == "navigation"
    assert set(labels) <= set(BOILERPLATE_CATEGORIES) | {"body"}


def test_classify_same_page_from_a_wrapping_renderer() -> None:
    lines = ["     * Home", "     * World", "", "   Tram network to grow by twelve kilometres", "", "   By Jane Doe", ""]
    for paragraph in PARAGRAPHS:
        lines += wrap(paragraph, 76, 3) + [""]
    lines += ["   Related stories", "", "     * Council election results announced", "     * Bus fares to rise in April"]
    assert body_of("\n".join(lines)) == PARAGRAPHS


def test_classify_resumes_after_an_interrupting_related_list() -> None:
    page = "\n".join(
        ["Tram network to grow by twelve kilometres", *PARAGRAPHS[:3], "Also Read",
         "Council election results announced", "Bus fares to rise in April", "New bridge opens to traffic",
         PARAGRAPHS[3], "Privacy Policy", "Terms of Use"]
    )
    assert body_of(page) == PARAGRAPHS


def test_headlines_under_a_related_heading_inside_the_body_are_dropped() -> None:
    """The run of likely-body blocks may span an "Also Read" box; its headlines still go."""
    texts = [*PARAGRAPHS[:2], "Also Read", "Council election results announced in the northern district",
             "Bus fares to rise in April for the first time since 2019", PARAGRAPHS[2]]
    blocks = [ts.Block(text, line) for line, text in enumerate(texts)]
    keep = [True, True, False, True, True, True]
    tb.drop_furniture(blocks, keep, block_features(blocks))
    assert keep == [True, True, False, False, False, True]
    # ... also when the heading itself was swept into the body ("More Great Stories", "More:").
    for heading in ("More Great Herald Stories", "More:"):
        blocks[2] = ts.Block(heading, 2)
        keep = [True] * 6
        tb.drop_furniture(blocks, keep, block_features(blocks))
        assert keep == [True, True, False, False, False, True], heading
        # ... and when it was left out, though its first words are no cue ("More Great ...").
        keep = [True, True, False, True, True, True]
        tb.drop_furniture(blocks, keep, block_features(blocks))
        assert keep == [True, True, False, False, False, True], heading


def test_a_related_box_s_headline_may_end_on_a_full_stop() -> None:
    """Under "Latest headlines", a headline that ends on an abbreviation ("... in N.Y.") reads
    as a sentence; the box goes on where another headline follows it (one that ends no sentence
    or is set in title case). A short sentence followed by the story's next paragraph is the
    story going on."""
    box = ["Latest headlines", "Council election results announced",
           "Mayor and council see bus fares as key to the vote in N.Y.",
           "‘Tram Plans’ Send A Brutal Message To The Council She Never Saw Coming…",
           "Bridge opens to traffic"]
    blocks = [ts.Block(text, line) for line, text in enumerate([*PARAGRAPHS[:2], *box])]
    keep = [True] * len(blocks)
    tb.drop_furniture(blocks, keep, block_features(blocks))
    assert [b.text for b, k in zip(blocks, keep) if k] == PARAGRAPHS[:2]
    resumed = [*PARAGRAPHS[:2], "Also Read", "Council election results announced",
               "The mayor declined to comment.", PARAGRAPHS[2]]
    blocks = [ts.Block(text, line) for line, text in enumerate(resumed)]
    keep = [True] * len(blocks)
    tb.drop_furniture(blocks, keep, block_features(blocks))
    assert [b.text for b, k in zip(blocks, keep) if k] == [*PARAGRAPHS[:2], "The mayor declined to comment.",
                                                            PARAGRAPHS[2]]
    # ... or by a question, which is prose as often as a headline.
    resumed[-1] = "What had the council done with the money?"
    blocks = [ts.Block(text, line) for line, text in enumerate(resumed)]
    keep = [True] * len(blocks)
    tb.drop_furniture(blocks, keep, block_features(blocks))
    assert [b.text for b, k in zip(blocks, keep) if k] == [*PARAGRAPHS[:2], *resumed[-2:]]


def test_a_share_bar_and_a_glued_related_box_closing_the_body_leave_it() -> None:
    """As lxml's text_content() draws a page: the share bar on one line, and a long related
    box run into one line with its heading (longer than the furniture lines looked at so far)."""
    box = "More headlines" + "".join(
        f"Council {topic} vote delayed again as the tram plan stalls in the northern district"
        for topic in ("budget", "housing", "transport", "schools", "parking"))
    texts = [*PARAGRAPHS, "Share this: Facebook Twitter WhatsApp Email Print", box]
    blocks = [ts.Block(text, line) for line, text in enumerate(texts)]
    keep = [True] * len(blocks)
    tb.drop_furniture(blocks, keep, block_features(blocks))
    assert [b.text for b, k in zip(blocks, keep) if k] == PARAGRAPHS


def test_calls_to_action_in_markdown_emphasis_closing_the_body_leave_it() -> None:
    """A Markdown renderer's emphasis marks on a closing call to action ("*Follow the Herald on*
    Instagram*,* ...", markdownify's italics around each run of text between links) do not hide it."""
    calls = ["*Follow the Herald on* Instagram*,* Facebook *and* Twitter*.*",
             "*Listen to the Herald podcast* live *every weekday - or listen back* here."]
    blocks = [ts.Block(text, line) for line, text in enumerate([*PARAGRAPHS, *calls])]
    keep = [True] * len(blocks)
    tb.drop_closing_calls(blocks, keep, block_features(blocks))
    assert keep == [True] * len(PARAGRAPHS) + [False, False]


def test_calls_to_action_closing_the_body_leave_it() -> None:
    """"Follow us on ...", "Subscribe to ..." after the story's last paragraph are the page's;
    the same words inside the story stay."""
    calls = ["Follow the Herald on Instagram, Facebook and Twitter.", "Subscribe to the Herald for £1 a week."]
    blocks = [ts.Block(text, line) for line, text in enumerate([*PARAGRAPHS, *calls])]
    keep = [True] * len(blocks)
    tb.drop_closing_calls(blocks, keep, block_features(blocks))
    assert keep == [True] * len(PARAGRAPHS) + [False, False]

    pitch = ("Get access to the Herald's fastest growing subscription service, Herald Pro, for as little as £1 a "
             "week for the first year. Use the code TRAM. Herald Pro offers you everything you need to follow the "
             "council, including the minutes of every meeting and our analysis. For more, see the Herald website.")
    blocks = [ts.Block(text, line) for line, text in enumerate([*PARAGRAPHS, pitch])]
    keep = [True] * len(blocks)
    tb.drop_closing_calls(blocks, keep, block_features(blocks))
    assert keep == [True] * len(PARAGRAPHS) + [False]

    teaser = "Tram review: my new go-to way across Westbrook [Video]"
    blocks = [ts.Block(text, line) for line, text in enumerate([*PARAGRAPHS, teaser])]
    keep = [True] * len(blocks)
    tb.drop_closing_calls(blocks, keep, block_features(blocks))
    assert keep == [True] * len(PARAGRAPHS) + [False]

    advice = "Sign up for the council's consultation newsletter to hear about the public meetings."
    blocks = [ts.Block(text, line) for line, text in enumerate([*PARAGRAPHS[:2], advice, *PARAGRAPHS[2:]])]
    keep = [True] * len(blocks)
    tb.drop_closing_calls(blocks, keep, block_features(blocks))
    assert all(keep)



AFFILIATE_NOTES = ["If you buy something through this post, the Herald may get a share of the sale.",
                   "Sometimes we include links to online retail stores. If you click on one and make a purchase "
                   "we may receive a small commission.",
                   "This article contains affiliate links.",
                   "As an Amazon Associate we earn from qualifying purchases."]


def test_an_affiliate_disclosure_closing_the_body_leaves_it() -> None:
    """A shopping post's note on its affiliate links, under its last paragraph, is the publisher's;
    a sentence of the story about a commission stays."""
    for note in AFFILIATE_NOTES:
        blocks = [ts.Block(text, line) for line, text in enumerate([*PARAGRAPHS, note])]
        keep = [True] * len(blocks)
        tb.drop_closing_calls(blocks, keep, block_features(blocks))
        assert keep == [True] * len(PARAGRAPHS) + [False], note
    story = "The council said the contractor may earn a bonus of 2 million if the line opens on time."
    blocks = [ts.Block(text, line) for line, text in enumerate([*PARAGRAPHS, story])]
    keep = [True] * len(blocks)
    tb.drop_closing_calls(blocks, keep, block_features(blocks))
    assert all(keep)


def test_the_story_ends_at_its_sign_off_with_what_the_run_swept_in_under_it() -> None:
    """A sign-off ("Write to ... at ..."), a wire's credit line or the author's bio ends the story:
    the line or two the run of likely-body blocks went on with past it (the standfirst drawn
    again) go with it, but a correction note under it stays."""
    for sign_off in ("Write to Jane Roe at jane.roe@example.com", "(Reporting by Jane Roe; Editing by John Doe)",
                     "Jane Roe (@janeroe) is a staff writer at the Herald covering the port and the council."):
        texts = [*PARAGRAPHS, sign_off, PARAGRAPHS[0]]
        blocks = [ts.Block(text, line) for line, text in enumerate(texts)]
        keep = [True] * len(blocks)
        tb.drop_closing_calls(blocks, keep, block_features(blocks))
        assert keep == [True] * len(PARAGRAPHS) + [False, False]

    note = "Correction: An earlier version of this story misstated the date of the council vote."
    texts = [*PARAGRAPHS, "Write to Jane Roe at jane.roe@example.com", note]
    blocks = [ts.Block(text, line) for line, text in enumerate(texts)]
    keep = [True] * len(blocks)
    tb.drop_closing_calls(blocks, keep, block_features(blocks))
    assert keep[-1] and all(keep[: len(PARAGRAPHS)])

def test_the_story_ends_above_a_copyright_notice_the_run_swept_in() -> None:
    """A copyright notice under the story is the page's footer: it leaves the body with what the
    run went on with under it (a dump that runs elements together glues the site's teasers into
    one prose-like line there)."""
    teasers = "76 Currently in Honolulu Full Forecast RECENT CONTENT Navy says its plan will take some time."
    for notice in ("Copyright 2019 Hawaii News Now.", "© 2019 The Associated Press. All rights reserved."):
        texts = [*PARAGRAPHS, notice, "All rights reserved.", teasers]
        blocks = [ts.Block(text, line) for line, text in enumerate(texts)]
        keep = [True] * len(blocks)
        tb.drop_closing_calls(blocks, keep, block_features(blocks))
        assert keep == [True] * len(PARAGRAPHS) + [False] * 3
    # A paragraph that talks about copyright stays.
    texts = [*PARAGRAPHS, "Copyright lawyers said the 2019 ruling would be appealed within weeks."]
    blocks = [ts.Block(text, line) for line, text in enumerate(texts)]
    keep = [True] * len(blocks)
    tb.drop_closing_calls(blocks, keep, block_features(blocks))
    assert all(keep)


def test_a_sign_up_box_inside_the_story_leaves_it_whole() -> None:
    """Around a sign-up line the decoder left out ("Enter your email address"), the box's own
    heading and its pitch to the reader leave the body too; the story's paragraphs that bound
    the box, a short sentence about subscribers and a sub-heading under the box stay."""
    box = ["Get the Morning Brief", "Our top stories, delivered to your inbox every weekday.",
           "Enter your email address", "Sign up", "Thank you for subscribing!"]
    texts = [*PARAGRAPHS[:2], *box, *PARAGRAPHS[2:]]
    blocks = [ts.Block(text, line) for line, text in enumerate(texts)]
    keep = [text not in ("Enter your email address", "Sign up") for text in texts]
    tb.drop_closing_calls(blocks, keep, block_features(blocks))
    assert [t for t, k in zip(texts, keep) if k] == PARAGRAPHS

    story = ["Streaming service adds 9 million subscribers", "The service added 9 million subscribers."]
    texts = [*PARAGRAPHS[:2], "NEWSLETTER", "Sign up to receive our daily briefing.", *story, *PARAGRAPHS[2:]]
    blocks = [ts.Block(text, line) for line, text in enumerate(texts)]
    keep = [text != "Sign up to receive our daily briefing." for text in texts]
    tb.drop_closing_calls(blocks, keep, block_features(blocks))
    assert [t for t, k in zip(texts, keep) if k] == [*PARAGRAPHS[:2], *story, *PARAGRAPHS[2:]]


def test_a_nonprofit_newsrooms_republish_box_and_appeal_closing_the_body_leave_it() -> None:
    """Under the story, a non-profit newsroom's "Republish this story" box (its licence, the
    button lynx marks "(BUTTON)") and its appeal for gifts are the newsroom's; a pager between
    the story's pages leaves it wherever it sits. The story's own last word on a licence stays."""
    tail = ["Pages: 1 2 3", "Republish this story",
            "Our stories may be republished online or in print under Creative Commons license CC BY-ND 4.0. We ask "
            "that you edit only for style or to shorten, provide proper attribution and link to our website.",
            "(BUTTON) Copy HTML",
            "The Valley Ledger is a nonprofit newsroom. We rely on readers like you to fund local journalism. "
            "Give today and your gift will be matched."]
    texts = [PARAGRAPHS[0], "Page 1 of 3", *PARAGRAPHS[1:], *tail]
    blocks = [ts.Block(text, line) for line, text in enumerate(texts)]
    keep = [True] * len(blocks)
    X = block_features(blocks)
    tb.drop_furniture(blocks, keep, X)
    tb.drop_closing_calls(blocks, keep, X)
    assert [t for t, k in zip(texts, keep) if k] == PARAGRAPHS

    licence = "The council released the photographs under a Creative Commons licence on Tuesday."
    texts = [*PARAGRAPHS, licence]
    blocks = [ts.Block(text, line) for line, text in enumerate(texts)]
    keep = [True] * len(blocks)
    tb.drop_closing_calls(blocks, keep, block_features(blocks))
    assert all(keep)


def test_a_pull_quote_beside_the_paragraph_it_repeats_leaves_the_body() -> None:
    """A feature's pull quote repeats, in large type, words a paragraph nearby says in full (the
    attribution between them left out); a quotation said once stays."""
    said = ('"They kept saying the trams would fix it," the mayor told the council on Tuesday. '
            '"The trams fix it fine until the night they don\'t."')
    pull = '"They kept saying the trams would fix it. The trams fix it fine until the night they don\'t."'
    once = '"We will not demolish a single home for this line," the mayor said.'
    texts = [PARAGRAPHS[0], said, pull, PARAGRAPHS[1], once, PARAGRAPHS[2]]
    blocks = [ts.Block(text, line) for line, text in enumerate(texts)]
    keep = [True] * len(blocks)
    tb.drop_pull_quotes(blocks, keep)
    assert [t for t, k in zip(texts, keep) if k] == [PARAGRAPHS[0], said, PARAGRAPHS[1], once, PARAGRAPHS[2]]


def test_requests_to_write_in_and_newsletter_pitches_closing_the_body_leave_it() -> None:
    """"Have a tip? ... may be reached at", "We'd like to hear what you think" and a newsletter
    pitch after the story are the newsroom's; a quote closing the story stays."""
    closing = ["First Published on Nov 20, 2019 01:38 pm", "tags #Transport #Trams #City council",
               "Have a tip? Jane Doe may be reached at jdoe@herald.example. Follow her on Twitter @janedoe.",
               "Email Jane Doe at jdoe@herald.example or follow her @janedoe.",
               "Get breaking transport news and the latest updates on the tram works!",
               "Get the latest updates right in your inbox. Subscribe to the Herald's newsletters."]
    blocks = [ts.Block(text, line) for line, text in enumerate([*PARAGRAPHS, *closing])]
    keep = [True] * len(blocks)
    tb.drop_closing_calls(blocks, keep, block_features(blocks))
    assert keep == [True] * len(PARAGRAPHS) + [False] * len(closing)

    quote = '"Let us know if you see him," a police spokesman said on Tuesday.'
    register = ("The public has 60 days to comment on the proposal once it is published in the Federal Register. "
                "A final rule is not expected before next year.")
    for closing in (quote, register):  # ("register" flags a sign-up pitch; this sentence is none)
        blocks = [ts.Block(text, line) for line, text in enumerate([*PARAGRAPHS, closing])]
        keep = [True] * len(blocks)
        tb.drop_closing_calls(blocks, keep, block_features(blocks))
        assert all(keep), closing


def test_an_about_box_after_the_article_leaves_the_body() -> None:
    """An author's bio or a company's boilerplate under "About <name>" is no part of the story;
    the same heading before the article (a navigation link) ends nothing."""
    bio = "Jane Doe covers transport and city politics for the Herald. She joined the paper in 2015."
    texts = [*PARAGRAPHS, "About Jane Doe", bio]
    blocks = [ts.Block(text, line) for line, text in enumerate(texts)]
    keep = [True] * len(blocks)
    tb.drop_furniture(blocks, keep, block_features(blocks))
    assert keep == [True] * len(PARAGRAPHS) + [False, False]

    texts = ["About Herald Media", *PARAGRAPHS]
    blocks = [ts.Block(text, line) for line, text in enumerate(texts)]
    keep = [False] + [True] * len(PARAGRAPHS)
    tb.drop_furniture(blocks, keep, block_features(blocks))
    assert keep == [False] + [True] * len(PARAGRAPHS)
    assert not tb._ABOUT_HEADING.match("About 300 people") and not tb._ABOUT_HEADING.match("About the study")


def test_an_alt_text_shown_at_every_picture_leaves_the_body() -> None:
    """A long title-like phrase three times over is an image's alt text; repeated questions
    (sentences) and repeated rows of comma-separated data stay."""
    alt = "Mountain Hike Survival Kit with Arrowhead Water for the whole family"
    texts = [PARAGRAPHS[0], alt, PARAGRAPHS[1], alt, PARAGRAPHS[2], alt, PARAGRAPHS[3]]
    blocks = [ts.Block(text, line) for line, text in enumerate(texts)]
    keep = [True] * len(blocks)
    tb.drop_furniture(blocks, keep, block_features(blocks))
    assert keep == [True, False, True, False, True, False, True]

    question = "What inspired you to start cooking for your neighbours?"
    row = "Slow cooker beef chili, 1 tbsp. cilantro or green onions, 10 olives and pumpkin seeds"
    for repeated in (question, row):
        texts = [PARAGRAPHS[0], repeated, PARAGRAPHS[1], repeated, PARAGRAPHS[2], repeated, PARAGRAPHS[3]]
        blocks = [ts.Block(text, line) for line, text in enumerate(texts)]
        keep = [True] * len(blocks)
        tb.drop_furniture(blocks, keep, block_features(blocks))
        assert all(keep), repeated


def test_a_list_introduced_by_a_colon_joins_the_body() -> None:
    intro = "These are the deals worth a look this week, according to our shopping editors:"
    items = ["Lego Star Wars 75188 bomber", "Polistil electric race track", "Blade Runner, The Final Cut (4K)"]
    blocks = [ts.Block(PARAGRAPHS[0], 0), ts.Block(intro, 1)] + [ts.Block(t, 2 + k, True, 2) for k, t in enumerate(items)] \
        + [ts.Block("Privacy Policy", 5)]
    X = block_features(blocks)
    keep = [True, True, False, False, False, False]
    tb.take_introduced_lists(blocks, keep, X, [0.9, 0.9, 0.2, 0.1, 0.3, 0.01])
    assert keep == [True, True, True, True, True, False]
    # A heading that names itself furniture ends the list.
    related = [ts.Block(PARAGRAPHS[0], 0), ts.Block(intro, 1), ts.Block("Related stories", 2, False, 2),
               ts.Block(items[0], 3, True, 2)]
    keep = [True, True, False, False]
    tb.take_introduced_lists(related, keep, block_features(related), [0.9, 0.9, 0.3, 0.3])
    assert keep == [True, True, False, False]
    # Nothing is introduced without the colon, and hopeless blocks stay out.
    keep = [True, False, False, False, False, False]
    tb.take_introduced_lists(blocks, keep, X, [0.9, 0.1, 0.2, 0.1, 0.3, 0.01])
    assert keep == [True, False, False, False, False, False]
    # The decoder may have kept the first item already: the list goes on through it.
    keep = [True, True, True, False, False, False]
    tb.take_introduced_lists(blocks, keep, X, [0.9, 0.9, 0.4, 0.1, 0.3, 0.01])
    assert keep == [True, True, True, True, True, False]
    # An item's own link on a line of its own does not end the list, however hopeless it scores.
    linked = [ts.Block(PARAGRAPHS[0], 0), ts.Block(intro, 1)]
    for k, item in enumerate(items):
        linked += [ts.Block(item, 2 + 2 * k, True, 2), ts.Block(f"http://amzn.to/2iJFh{k}j", 3 + 2 * k, False, 2)]
    linked.append(ts.Block("Privacy Policy", 8))
    keep = [True, True] + [False] * 7
    tb.take_introduced_lists(linked, keep, block_features(linked), [0.9, 0.9, 0.2, 0.02, 0.1, 0.01, 0.3, 0.02, 0.01])
    assert keep == [True] * 8 + [False]
    # ... but a kept paragraph after the colon is the story going on, not an item.
    texts = [PARAGRAPHS[0], intro, PARAGRAPHS[1], items[0]]
    prose = [ts.Block(text, line) for line, text in enumerate(texts)]
    keep = [True, True, True, False]
    tb.take_introduced_lists(prose, keep, block_features(prose), [0.9, 0.9, 0.9, 0.3])
    assert keep == [True, True, True, False]
    # A furniture heading ending in a colon ("Related coverage:") introduces nothing.
    heading = [ts.Block(PARAGRAPHS[0], 0), ts.Block("Related coverage from our Money desk:", 1)] \
        + [ts.Block(t, 2 + k) for k, t in enumerate(items)]
    keep = [True, True, True, False, False]
    tb.take_introduced_lists(heading, keep, block_features(heading), [0.9, 0.6, 0.4, 0.3, 0.3])
    assert keep == [True, True, True, False, False]


def test_classify_leaves_out_comments() -> None:
    comments = "\n".join([
        "12 Comments",
        "Leave a Reply",
        "john_smith says:",
        "March 4, 2025 at 11:02 am",
        "This is a waste of money, the buses work fine and nobody asked for more trams in our area anyway.",
        "Reply",
        "mary_k says:",
        "March 4, 2025 at 12:15 pm",
        "Finally some good news for people who commute from the university district every single day.",
        "Reply",
    ])
    page = "Tram network to grow\n" + "\n".join(PARAGRAPHS) + "\n" + comments
    blocks = ts.segment(page)
    labels = tb.classify(blocks)
    assert [b.text for b, label in zip(blocks, labels) if label == "body"] == PARAGRAPHS
    assert labels[[b.text for b in blocks].index("12 Comments")] == "comment"


COMMENT_THREAD = [
    "I have taken this line for twenty years and the new trams will finally make the trip bearable in winter.",
    "Another budget overrun waiting to happen, mark my words, the last extension cost twice what they promised us.",
    "Does anyone know whether the stop near the hospital will have step-free access for wheelchairs and prams?",
    "The consultation meetings are always scheduled when working people cannot attend, which is no accident.",
    "My street is on the proposed route and nobody has written to us yet, so much for consulting residents.",
    "Good news for students, but the night service on the existing line should come first in my opinion.",
    "Great.",
    "I moved here from a city that built a tram line like this ten years ago, and I can tell you the first two "
    "years of construction are miserable for every shop on the route, but afterwards nobody would want to go back.",
    "Who is paying for this? Not the people who will use it, that much is certain.",
]


def test_a_long_comment_thread_does_not_outweigh_the_article_before_it() -> None:
    """Under a comments heading after the article, even a thread that scores higher and weighs
    more than the article is not it."""
    texts = ["Tram network to grow", *PARAGRAPHS, "[ 167 comments ]", "Top Rated Comments", *COMMENT_THREAD * 4]
    blocks = [ts.Block(text, line) for line, text in enumerate(texts)]
    scores = np.array([0.1] + [0.7] * len(PARAGRAPHS) + [0.05, 0.05] + [0.8] * (len(texts) - len(PARAGRAPHS) - 3))
    keep = tb.choose_body(blocks, block_features(blocks), scores, {"pivot": 0.5, "inside": 0.3})
    assert [b.text for b, k in zip(blocks, keep) if k] == PARAGRAPHS


@pytest.mark.parametrize("heading", ["Top Rated Comments", "Featured Comments", "Readers' Comments",
                                     "Most Recent Comments", "Comments"])
def test_a_comments_heading_named_by_its_order_or_its_readers_ends_the_article(heading: str) -> None:
    """The thread's heading alone, without a count above it (a narrow renderer ran the count into
    the line before): named by how the thread is sorted or whose it is, it still heads comments."""
    texts = ["Tram network to grow", *PARAGRAPHS, "Buyer's Guide: Trams (Buy Now)", heading, *COMMENT_THREAD * 4]
    blocks = [ts.Block(text, line) for line, text in enumerate(texts)]
    scores = np.array([0.1] + [0.7] * len(PARAGRAPHS) + [0.05, 0.05] + [0.8] * (len(texts) - len(PARAGRAPHS) - 3))
    keep = tb.choose_body(blocks, block_features(blocks), scores, {"pivot": 0.5, "inside": 0.3})
    assert [b.text for b, k in zip(blocks, keep) if k] == PARAGRAPHS


QUOTE = ("Loving yourself is not a luxury but the ground every other love stands on. Whoever learns to be kind to the "
         "person in the mirror stops asking others to fill an emptiness they cannot see, and begins to give without "
         "keeping count. It takes patience: old habits of harsh judgement do not leave in a day, and the voice that "
         "says you are not enough will speak up again when you are tired. Answer it gently. Rest when you need to, "
         "say no when you must, celebrate small victories and forgive the mistakes that made you wiser. A heart at "
         "peace with itself has room for everyone else.")
OTHER_QUOTES = [
    "Optimism is a choice we make every morning, not a feeling that visits us when things go well. Choose it again today.",
    "A family is held together by small gestures: a call on a hard day, a meal kept warm, a door that is always open.",
    "Gratitude lives in the details, in the first smile of the day and in the quiet prayer of thanks before sleep.",
    "Strength to win and faith to believe: every obstacle can be overcome by someone who refuses to stop walking.",
]


def test_the_site_s_recommendations_under_the_story_are_not_the_story() -> None:
    """Under "You may also like...", a site of quotes lists whole texts, each under the share
    buttons its own text has: they score as body and outweigh the one text the page is about,
    but such a heading only ever follows the story."""
    share = "Whatsapp Facebook Pinterest Download"
    cards = [text for quote in OTHER_QUOTES for text in (share, quote)]
    texts = ["Only those who love themselves", share, QUOTE, "Self-esteem, Reflections on life", "You may also like...",
             *cards]
    blocks = [ts.Block(text, line) for line, text in enumerate(texts)]
    scores = np.array([0.2, 0.03, 0.65, 0.3, 0.03] + [0.3 if text == share else 0.95 for text in cards])
    keep = tb.choose_body(blocks, block_features(blocks), scores, {"pivot": 0.4, "inside": 0.2, "resume": 0.4})
    assert [b.text for b, k in zip(blocks, keep) if k] == [QUOTE]


def test_recommendations_end_the_story_where_no_block_is_likely_body() -> None:
    """A page drawn one element a line (BeautifulSoup's get_text) sets its one text among lines
    of a word each: the model scores it low, and the texts under "You may also like" as low.
    Judged against the page's best block, as decode judges them, the text above the heading is
    the article, and the recommendations stay out."""
    share = ["Whatsapp", "Facebook", "Pinterest", "Download"]
    cards = [text for quote in OTHER_QUOTES for text in (*share, quote)]
    texts = ["Only those who love themselves", *share, QUOTE, "Self-esteem", ",", "Reflections on life",
             "You may also like...", *cards]
    blocks = [ts.Block(text, line) for line, text in enumerate(texts)]
    scores = np.array([0.05] * 5 + [0.22, 0.07, 0.01, 0.05, 0.01] + [0.01 if text in share else 0.22 for text in cards])
    keep = tb.choose_body(blocks, block_features(blocks), scores, {"pivot": 0.4, "inside": 0.2, "resume": 0.4})
    assert [b.text for b, k in zip(blocks, keep) if k] == [QUOTE]


def test_recommendations_above_the_story_leave_it_alone() -> None:
    """The same heading over a box of teasers above the story (no article before it yet) ends
    nothing."""
    texts = ["You might also like", "Ten quotes to start the week", "Why gratitude changes you",
             "Tram network to grow", *PARAGRAPHS]
    blocks = [ts.Block(text, line) for line, text in enumerate(texts)]
    scores = np.array([0.03, 0.2, 0.2, 0.1] + [0.8] * len(PARAGRAPHS))
    keep = tb.choose_body(blocks, block_features(blocks), scores, {"pivot": 0.4, "inside": 0.2, "resume": 0.4})
    assert [b.text for b, k in zip(blocks, keep) if k] == PARAGRAPHS


def test_a_playlist_of_headlines_right_above_the_story_is_not_its_top() -> None:
    """A video playlist drawn a link a line right above the story scores as well as the story's
    top and joins its run; headlines that end no sentence are no lede, and the dateline is."""
    playlist = ["Tram fares to rise next year", "Mayor opens the new depot", "Why the works ran late",
                "Inside the control room", "What the new line means for you"]
    texts = ["MUST WATCH", *playlist, "WESTBROOK (Reuters)", *PARAGRAPHS]
    blocks = [ts.Block(text, line) for line, text in enumerate(texts)]
    scores = np.array([0.1] + [0.45] * len(playlist) + [0.55] + [0.9] * len(PARAGRAPHS))
    keep = tb.choose_body(blocks, block_features(blocks), scores, {"pivot": 0.4, "inside": 0.2, "resume": 0.4})
    assert [b.text for b, k in zip(blocks, keep) if k] == ["WESTBROOK (Reuters)", *PARAGRAPHS]
    # Three short lines are a story's own top (a label, a kicker, a dateline) as well as a box.
    texts = ["MUST WATCH", *playlist[:3], *PARAGRAPHS]
    blocks = [ts.Block(text, line) for line, text in enumerate(texts)]
    scores = np.array([0.1] + [0.45] * 3 + [0.9] * len(PARAGRAPHS))
    keep = tb.choose_body(blocks, block_features(blocks), scores, {"pivot": 0.4, "inside": 0.2, "resume": 0.4})
    assert [b.text for b, k in zip(blocks, keep) if k] == [*playlist[:3], *PARAGRAPHS]


def test_the_sentences_right_under_the_stamp_are_the_lede() -> None:
    """A short lede sentence (or one that mentions subscribers) scores low on a long page; under
    the date line, above the picture's caption and count, it opens the story all the same."""
    head = ["Streaming service loses viewers for the first time", "18 Nov 2019, 19:09"]
    lede = ["The streaming service lost subscribers for the first time in a decade, it said on Monday.",
            "Its shares fell 9 per cent in early trading in New York."]
    between = ["6", "The company's offices in Westbrook Credit: Getty Images"]
    texts = [*head, *lede, *between, *PARAGRAPHS]
    blocks = [ts.Block(text, line) for line, text in enumerate(texts)]
    scores = np.array([0.02, 0.02, 0.2, 0.3, 0.02, 0.1] + [0.9] * len(PARAGRAPHS))
    knobs = {"pivot": 0.4, "inside": 0.2, "resume": 0.4}
    keep = tb.choose_body(blocks, block_features(blocks), scores, knobs)
    assert [b.text for b, k in zip(blocks, keep) if k] == [*lede, *PARAGRAPHS]
    # Under a headline below the stamp, such a sentence is the headline's dek, not the story.
    texts = [head[1], head[0], lede[0], *between, *PARAGRAPHS]
    blocks = [ts.Block(text, line) for line, text in enumerate(texts)]
    scores = np.array([0.02, 0.02, 0.3, 0.02, 0.1] + [0.9] * len(PARAGRAPHS))
    keep = tb.choose_body(blocks, block_features(blocks), scores, knobs)
    assert [b.text for b, k in zip(blocks, keep) if k] == PARAGRAPHS
    # A byline the renderer wrapped under the stamp ("... by Jane" over "Roe") parts them no more.
    texts = [head[0], "Monday November 18, 2019 7:45 am PST by Jane", "Roe", lede[0], *between, *PARAGRAPHS]
    blocks = [ts.Block(text, line) for line, text in enumerate(texts)]
    scores = np.array([0.02, 0.02, 0.02, 0.3, 0.02, 0.1] + [0.9] * len(PARAGRAPHS))
    keep = tb.choose_body(blocks, block_features(blocks), scores, knobs)
    assert [b.text for b, k in zip(blocks, keep) if k] == [lede[0], *PARAGRAPHS]
    # ... and so is a question under the stamp, or a line the page shows twice.
    for texts in ([head[1], "Is this the end of the streaming boom for good?", *between, *PARAGRAPHS],
                  [lede[0], head[1], lede[0], *between, *PARAGRAPHS]):
        blocks = [ts.Block(text, line) for line, text in enumerate(texts)]
        scores = np.array([0.02] * (len(texts) - len(PARAGRAPHS) - 3) + [0.3, 0.02, 0.1] + [0.9] * len(PARAGRAPHS))
        keep = tb.choose_body(blocks, block_features(blocks), scores, knobs)
        assert [b.text for b, k in zip(blocks, keep) if k] == PARAGRAPHS


def test_the_story_under_the_headline_that_repeats_the_title_beats_long_teasers_above_it() -> None:
    """A dump that opens with the page's <title> names the headline: where a box of long teasers
    above it outweighs the short story under it, the story is the run under the headline whose
    lede shares the title's words."""
    title = "Sixth death linked to mosquito-borne virus in Carrow County"
    teasers = [
        "Ferry fares will rise for the third time this year as the harbour board looks for money to repair the quay.",
        "The council has approved a new cycle lane along the seafront, which will open next spring after two years of talks.",
        "A new bakery opened its doors on Quay Street this week, selling bread made from flour milled on the island.",
        "Schools in the county will close early on Friday so that teachers can attend a training day on the new curriculum.",
    ]
    story = ["WESTBROOK (AP) — Health officials reported a sixth death linked to the mosquito-borne virus in Carrow County.",
             "The county has sprayed for mosquitoes twice since the first case was found in August, officials said."]
    menu = ["Autos", "Station Info", "Advertise", "Contests", "Travel", "Traffic", "Weather", "Sports", "Video",
            "Radio", "Podcasts", "Events", "Jobs", "Contact"]
    texts = [f"{title} - Carrow Courier", "Home", *teasers, *menu, title, *story, "© 2026 Carrow Courier"]
    blocks = [ts.Block(text, line) for line, text in enumerate(texts)]
    scores = np.array([0.01, 0.01] + [0.9] * 4 + [0.02] * len(menu) + [0.1, 0.5, 0.6, 0.05])
    knobs = {"pivot": 0.4, "inside": 0.2, "resume": 0.4}
    keep = tb.choose_body(blocks, block_features(blocks), scores, knobs)
    assert [b.text for b, k in zip(blocks, keep) if k] == story
    # Without the title to go by, the heavier run stands.
    blocks[0] = ts.Block("Carrow Courier", 0)
    keep = tb.choose_body(blocks, block_features(blocks), scores, knobs)
    assert [b.text for b, k in zip(blocks, keep) if k] == teasers


def test_a_list_of_latest_stories_above_the_storys_own_headline_is_not_the_story() -> None:
    """A site lists its latest stories, headline over summary, the story's own among them, right
    above the story's headline; the run takes them all in. Under the last line that repeats the
    title the dump opens with, the story starts."""
    title = "Tram network to grow by twelve kilometres"
    latest = ["Ferry fares to rise again", "NEW DELHI: The harbour board said fares would rise by 6% from June.",
              title, "CARROW: The council voted on Tuesday to expand the tram network.",
              "Schools to close early on Friday", "WESTBROOK: Teachers will attend a training day on Friday."]
    texts = [f"{title} | Carrow Courier", "Home", *latest, title, *PARAGRAPHS]
    blocks = [ts.Block(text, line) for line, text in enumerate(texts)]
    scores = np.array([0.01, 0.01] + [0.7] * len(latest) + [0.3] + [0.9] * len(PARAGRAPHS))
    knobs = {"pivot": 0.4, "inside": 0.2, "resume": 0.4}
    keep = tb.choose_body(blocks, block_features(blocks), scores, knobs)
    assert [b.text for b, k in zip(blocks, keep) if k] == PARAGRAPHS
    # Two lines above the headline are the story's own top (a kicker, a stamp), not a list.
    texts = [f"{title} | Carrow Courier", "Home", "Transport", "Updated Tuesday", title, *PARAGRAPHS]
    blocks = [ts.Block(text, line) for line, text in enumerate(texts)]
    scores = np.array([0.01, 0.01, 0.7, 0.7, 0.3] + [0.9] * len(PARAGRAPHS))
    keep = tb.choose_body(blocks, block_features(blocks), scores, knobs)
    assert [b.text for b, k in zip(blocks, keep) if k][-len(PARAGRAPHS):] == PARAGRAPHS
    assert "Transport" in [b.text for b, k in zip(blocks, keep) if k]


def test_a_count_of_no_comments_in_a_byline_bar_is_no_comments_heading() -> None:
    """ "0 Comments" is the comments link of the bar under a lede, on a line of its own where the
    renderer breaks lines at every element: no thread follows it, the story goes on."""
    more = ["The opposition asked for an independent review of the costs before any contract is signed.",
            "The transport department said the review would delay the works by at most three months."]
    texts = ["Tram network to grow", *PARAGRAPHS, "Share it with friends", "by Ana Ruiz", "0 Comments", *more]
    blocks = [ts.Block(text, line) for line, text in enumerate(texts)]
    scores = np.array([0.1, 0.7, 0.7, 0.7, 0.7, 0.05, 0.05, 0.05, 0.7, 0.7])
    keep = tb.choose_body(blocks, block_features(blocks), scores, {"pivot": 0.5, "inside": 0.3})
    assert [b.text for b, k in zip(blocks, keep) if k] == PARAGRAPHS + more
    # Nor does the page's feature say the blocks after it follow a comments heading, as it does
    # after a count of some.
    after = FEATURE_NAMES.index("after_comment_cue")
    assert block_features(blocks)[8:, after].tolist() == [0.0] * 2
    blocks[7] = ts.Block("12 Comments", 7)
    assert block_features(blocks)[8:, after].tolist() == [1.0] * 2


def test_the_line_by_line_comments_pattern_agrees_with_the_block_pattern() -> None:
    samples = ["[ 167 comments ]", "Comments", "12 Comments", "0 Comments", "Leave a Reply", "Join the discussion",
               "Commentaires (3)", "Top Rated Comments", "Comment is free", "Responses", "— comments —"]
    for text in samples:
        assert bool(tb._COMMENTS_HEADING.match(text)) == bool(tb._COMMENTS_HEADING_LINE.match(text)), text
    # ... and no match runs on into the next line.
    assert [m.start() for m in tb._COMMENTS_HEADING_LINE.finditer("Share\n12\nComments")] == [9]
    # The words screened for before the pattern are in every heading it matches, whatever the case.
    headings = ["COMMENTS", "12 KOMMENTARE", "Leave a comment", "JOIN THE CONVERSATION", "Joın the discussion",
                "Comentários", "комментарии", "Post a Comment", "View comments (4)"]
    for text in samples + headings:
        if tb._COMMENTS_HEADING.match(text):
            assert any(word in text.lower() for word in tb._COMMENTS_HEADING_WORDS), text


def test_the_furniture_screen_passes_every_block_the_cue_patterns_name() -> None:
    """_names_itself_furniture skips the patterns of cues.anywhere_category for most blocks; it
    must not skip one they name, whatever its case or its opening."""
    texts = ["Read more: Tram network to grow", "ALSO READ: Bus fares rise", "Related: tram", "See also: buses",
             "More:", "More Great Herald Stories", "Click here to get the app", "Don't miss", "Must see",
             "Listen now: https://herald.example/pod", "Download here: https://herald.example/app", "Up next",
             "You may also like", "Recommended for you", "Top stories", "Trending now", "Most read", "Latest news",
             "Editor's picks", "What to read next", "Further reading", "In case you missed it", "Popular now",
             "Next story", "Subscribe to the Herald", "Sign up for our newsletter", "Sign up: it is free",
             "Get the latest headlines in your inbox", "Get our daily newsletter", "Share this", "Tweet",
             "Pin it", "Email", "Print", "Copy link", "Connect with us on Facebook", "Follow us on Twitter",
             "WhatsApp", "Facebook", "Twitter", "LinkedIn", "Telegram", "Reddit", "X icon", "Instagram icon",
             "YouTube icon", "Pinterest icon", "The Herald's newsletter: sign up for our morning newsletter here",
             "Enter your email to get the briefing", "  Share:", "\u00a0Read more: x", "ſhare", "Folloẃ us",
             "\u212aeep reading", "İn case you missed it", "ın case you missed it", "SHARE ON FACEBOOK",
             "The council met on Tuesday.", "Einige Leser haben sich gemeldet.", "Это новость дня.", "这是新闻。", ""]
    for text in texts:
        assert tb._names_itself_furniture(text) == (cues.anywhere_category(text) is not None), text


def test_a_comment_count_under_the_lede_does_not_end_the_article() -> None:
    """"12 Comments" in the share bar under the dek and lede is no comments section."""
    dek = "The tram network will grow by twelve kilometres, the council decided after a long debate."
    page = "\n".join(["Home", "City", "Tram network to grow", dek, PARAGRAPHS[0], "Share", "12 Comments",
                      *PARAGRAPHS[1:], *(p.replace("tram", "bus") for p in PARAGRAPHS), "Related stories"])
    body = body_of(page)
    assert PARAGRAPHS[3] in body and len(body) >= 7


def test_classify_leaves_out_a_cookie_notice() -> None:
    notice = (
        "We use cookies to improve your experience on our site and to show you relevant advertising. "
        "By continuing to browse, you agree to our use of cookies and our Privacy Policy."
    )
    page = "\n".join([notice, "Accept", "Tram network to grow", *PARAGRAPHS, "About us", "Contact"])
    body = body_of(page)
    assert notice not in body and "Accept" not in body and "Contact" not in body
    assert body[-4:] == PARAGRAPHS


def test_classify_keeps_subheadings_and_list_items_inside_the_body() -> None:
    page = "\n".join(
        ["Menu", "Tram network to grow", PARAGRAPHS[0], PARAGRAPHS[1], "What changes for riders",
         PARAGRAPHS[2], PARAGRAPHS[3], "Newsletter", "Sign up for our daily newsletter"]
    )
    body = body_of(page)
    assert "What changes for riders" in body
    assert body[0] == PARAGRAPHS[0] and body[-1] == PARAGRAPHS[3]
    assert "Sign up for our daily newsletter" not in body


def test_classify_works_for_other_languages() -> None:
    paragraphs = [
        "A prefeitura anunciou nesta terça-feira a ampliação da rede de bondes em doze quilômetros, a maior desde a inauguração da linha.",
        "Segundo a secretaria de transportes, as obras começam na próxima primavera e os primeiros bondes devem circular em 2027.",
        "Os moradores ao longo do trajeto serão consultados em uma série de audiências públicas, disse o prefeito à imprensa.",
    ]
    page = "\n".join(["Início", "Notícias", "Esportes", "Prefeitura amplia rede de bondes", *paragraphs,
                      "Leia também", "Tarifa de ônibus sobe em abril", "Compartilhe"])
    assert body_of(page) == paragraphs


def test_classify_honours_a_template_but_does_not_need_one() -> None:
    footer = "The Daily Example is a community newspaper that has served the valley since 1901, independent and locally owned."
    page = "\n".join(["Tram network to grow", *PARAGRAPHS, footer])
    blocks = ts.segment(page)
    template = frozenset({tb.template_key(footer)})
    labels = tb.classify(blocks, template)
    assert labels[-1] != "body"
    assert [b.text for b, label in zip(blocks, labels) if label == "body"] == PARAGRAPHS


def test_classify_empty_and_tiny_inputs() -> None:
    assert tb.classify([]) == []
    assert ts.segment("") == []
    assert tb.classify(ts.segment("Home\nNews")) == ["navigation", "navigation"] or all(
        label != "body" for label in tb.classify(ts.segment("Home\nNews"))
    )


# --- templates ----------------------------------------------------------------------------------------


def test_learn_template_finds_lines_shared_by_most_pages() -> None:
    pages = [
        f"Home\nWorld\nStory number {i} about something\n{PARAGRAPHS[i % 4]} Filed by the {'abcdef'[i]} desk.\n"
        f"Copyright 2025 Example\n" for i in range(6)
    ]
    template = tb.learn_template(pages, min_pages=3)
    assert tb.template_key("Home") in template
    assert tb.template_key("Copyright 2025 Example") in template
    # Digits are normalised, so "Story number 3 ..." lines share one key; they recur on every page.
    assert tb.template_key("Story number 1 about something") in template
    assert tb.template_key(PARAGRAPHS[0]) not in template  # long lines are never counted
    assert tb.learn_template(pages[:2], min_pages=3) == frozenset()


def test_copies_of_one_story_teach_no_template() -> None:
    """Six outlets' dumps of the same wire story share its short quote paragraphs; those are the
    story, not a template, and must not be dropped from every copy."""
    quote = '"We will not be rushed into a deal," the minister told reporters.'
    story = [PARAGRAPHS[0], quote, PARAGRAPHS[1], "Talks resume on Monday.", PARAGRAPHS[2]]
    copies = [f"{outlet} Home\nWorld\n" + "\n".join(story) + f"\n© {outlet}\n" for outlet in "ABCDEF"]
    assert tb.learn_template(copies, min_pages=3) == frozenset()
    # ... while a site's own pages, each with a story of its own, still do.
    site = [f"Home\nWorld\n{PARAGRAPHS[i % 4]} Filed by the {'abcdef'[i]} desk.\n{quote}\n© Example\n" for i in range(6)]
    assert tb.template_key("Home") in tb.learn_template(site, min_pages=3)


def test_a_site_saved_with_windows_line_breaks_teaches_the_same_template() -> None:
    """A site's lynx-style dumps, its footer wrapped over two lines, saved with "\\r\\n": the
    template is the one their "\\n" copies teach, the footer's lines joined as extraction joins them."""
    footer = "The Daily Example is a community newspaper that has served the valley since 1901, independent."
    pages = []
    for i in range(6):
        lines = ["   Home", "   World", ""]
        for paragraph in (PARAGRAPHS[i % 4] + f" Filed by the {'abcdef'[i]} desk.", footer):
            lines += ["   " + line for line in textwrap.wrap(paragraph, 72)] + [""]
        pages.append("\n".join(lines))
    template = tb.learn_template(pages, min_pages=3)
    assert tb.template_key(footer) in template
    assert tb.learn_template([page.replace("\n", "\r\n") for page in pages], min_pages=3) == template

def test_learn_template_counts_a_line_once_per_page() -> None:
    pages = ["Menu\nMenu\nMenu\nUnique a", "Other\nUnique b", "Other\nUnique c", "Other\nUnique d"]
    template = tb.learn_template(pages, min_pages=3, min_share=0.5)
    assert "menu" not in template and "other" in template


# --- model plumbing --------------------------------------------------------------------------------


def test_feature_matrix_shape_and_finiteness() -> None:
    import numpy as np

    blocks = ts.segment(NEWS_PAGE.format(paragraphs="\n".join(PARAGRAPHS)))
    X = block_features(blocks)
    assert X.shape == (len(blocks), len(FEATURE_NAMES))
    assert np.isfinite(X).all()


def test_second_pass_features_shape_and_finiteness() -> None:
    import numpy as np

    blocks = ts.segment(NEWS_PAGE.format(paragraphs="\n".join(PARAGRAPHS)))
    X = block_features(blocks)
    first, second, _knobs = tb._model()
    assert second is not None  # the shipped model has both passes
    C = context_features(X, first.predict(X))
    assert C.shape == (len(blocks), len(CONTEXT_NAMES)) and np.isfinite(C).all()
    scores = tb.body_scores(blocks)
    assert scores.shape == (len(blocks),) and ((scores >= 0) & (scores <= 1)).all()
    assert context_features(np.zeros((0, len(FEATURE_NAMES))), np.zeros(0)).shape == (0, len(CONTEXT_NAMES))


def test_caption_and_repeated_teaser_columns() -> None:
    caption = "In this photo issued by the council, the mayor opens the new tram depot on Tuesday, May 5."
    teaser = "Council election results announced after a record turnout in the northern district"
    texts = [caption, teaser + " ... more", PARAGRAPHS[0], teaser + " ... less"]
    X = block_features([ts.Block(text, line) for line, text in enumerate(texts)])
    photo, prefix = FEATURE_NAMES.index("photo_credit"), FEATURE_NAMES.index("prefix_repeat")
    assert X[:, photo].tolist() == [1.0, 0.0, 0.0, 0.0]
    assert X[:, prefix].tolist() == [0.0, 1.0, 0.0, 1.0]


def test_keywords_found_through_anchors_are_all_found() -> None:
    from wiretrace.extract import textfeatures as tf

    page = ("In this file photo | the mayor. Photo: J. Doe / Getty Images; photophotograph: x, blog login, "
            "sign in or sign up · log in • photo/ap image: credit: www.example.com http cookie")
    low = page.lower()
    planned = {keyword for _column, groups in tf._KEYWORD_PLAN for _anchor, words in groups for keyword in words}
    assert planned == {keyword for _column, words in tf._KEYWORDS for keyword in words}
    _M, facts = tf._measure(["x", page])
    for column, words in tf._KEYWORDS:
        if column == 11:
            continue
        for keyword in words:
            assert [at - 2 for at in facts.seen[keyword]] == tf._find_all(low, keyword), keyword


def test_keywords_found_whatever_lower_casing_does() -> None:
    # The Kelvin sign lower-cases to ASCII "k"; "İ" lower-cases to two characters, so offsets in
    # the lower-cased page no longer match the page's and str.find takes over from the folded
    # four-character pass.
    from wiretrace.extract import textfeatures as tf

    for first in ("Istanbul PHOTO: AP", "İstanbul PHOTO: AP"):
        texts = [first, "COO\u212aIE policy, LOG IN", "Read the Privacy Policy | sign up"]
        low = "\n".join(texts).lower()
        _M, facts = tf._measure(texts)
        for column, words in tf._KEYWORDS:
            for keyword in words if column != 11 else ():
                assert facts.seen[keyword] == tf._find_all(low, keyword), keyword
        assert facts.seen["cookie"] and facts.seen["log in"] and facts.seen["photo:"]


def test_date_and_reading_time_columns() -> None:
    texts = ["Updated 10:42 am", "March 4, 2025", "Room 101", "5 min read", "4 de março", "Chapter 12 of 30",
             "Mar—19 gets no month", "In 2019 we wrote about it."]
    X = block_features([ts.Block(t, i) for i, t in enumerate(texts)])
    dateline = X[:, FEATURE_NAMES.index("dateline")].tolist()
    reading = X[:, FEATURE_NAMES.index("reading_time")].tolist()
    assert dateline == [1, 1, 0, 0, 1, 0, 0, 0]
    # The batched page-wide search agrees with the one-text helper.
    assert dateline == [float(is_dateline(t)) for t in texts]
    assert reading == [0, 0, 0, 1, 0, 0, 0, 0]


def test_character_counts_survive_very_long_blocks() -> None:
    # Per-block counts are packed four to a 64-bit word (16 bits each); a longer block must
    # fall back to exact counting rather than overflow.
    long_text = "Word, " * 20_000 + "end."
    X = block_features([ts.Block("Short line", 0), ts.Block(long_text, 1)])
    words = X[:, FEATURE_NAMES.index("log_words")]
    commas = X[:, FEATURE_NAMES.index("comma_rate")]
    assert abs(words[1] - math.log1p(20_001)) < 1e-9
    assert abs(commas[1] - 20_000 / 20_001 * 10) < 1e-9
    assert abs(words[0] - math.log1p(2)) < 1e-9


def test_decode_falls_back_to_the_page_s_best_blocks() -> None:
    import numpy as np

    blocks = [ts.Block(t, i) for i, t in enumerate(["Menu", PARAGRAPHS[0], PARAGRAPHS[1], "Footer"])]
    # No block is confidently body (a table, a script the model saw little of), but two stand out.
    keep = tb.decode(blocks, np.array([0.01, 0.2, 0.18, 0.01]), pivot=0.4, inside=0.2, outside=0.9, resume=0.5)
    assert keep == [False, True, True, False]
    # A page where nothing stands out at all stays empty.
    keep = tb.decode(blocks, np.array([0.01, 0.02, 0.03, 0.01]), pivot=0.4, inside=0.2, outside=0.9, resume=0.5)
    assert keep == [False] * 4


def test_heaviest_run_bridges_a_short_interruption() -> None:
    import numpy as np

    words = np.array([2, 40, 40, 3, 3, 40, 2], dtype=float)
    scores = np.array([0.1, 0.9, 0.9, 0.2, 0.2, 0.9, 0.1])
    assert heaviest_run(words, scores, 0.5) == (1, 5)


# --- the project's seed page ------------------------------------------------------------------------


def test_seed_page_body_is_exactly_the_expected_paragraphs() -> None:
    if not SEED.exists() or not SEED_EXPECTED.exists():
        pytest.skip("shared seed page not available")
    expected = json.loads(SEED_EXPECTED.read_text(encoding="utf-8"))["must"]
    blocks = ts.segment(SEED.read_text(encoding="utf-8"))
    labels = tb.classify(blocks)
    body = [b.text for b, label in zip(blocks, labels) if label == "body"]
    assert body == expected["body_paragraphs"]
    joined = "\n".join(body)
    for phrase in expected["body_must_not_contain"]:
        assert phrase not in joined
    named = {b.text: label for b, label in zip(blocks, labels)}
    promo = next(text for text in named if text.startswith("ALSO READ:"))
    assert named[promo] == "promo"
    assert named["Also Read"] == "related"
    assert named["Facebook IconLinkedIN Icon"] == "share"
    disclaimer = next(text for text in named if text.startswith("(Only the headline"))
    assert named[disclaimer] == "disclaimer"
    for not_body in ("Reuters", "Vladimir Putin, Putin"):
        assert named[not_body] != "body"


def test_fast_date_pattern_agrees_with_its_spec() -> None:
    """_DATE_NUMERIC is _DATE_NUMERIC_SPEC rewritten for speed; both must find the same lines."""
    import itertools
    import random
    import re

    from wiretrace.extract import textfeatures

    spec = re.compile(textfeatures._DATE_NUMERIC_SPEC)
    rng = random.Random(7)
    pieces = list("0123456789" * 3) + list("-/.:年月日 a_x٣") + ["hours", "mins", "ago", "days", " "]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        assert bool(spec.search(text)) == bool(textfeatures._DATE_NUMERIC.search(text)), text
        # ... and the gate in front of it lets every match through: a digit right before a
        # _DATE_MARK, or "ago".
        if spec.search(text):
            keys = [int(textfeatures._KEYS[min(ord(ch), 0xFFFF)]) for ch in text]
            assert "ago" in text or any(
                a & textfeatures._ANY_DIGIT and b & textfeatures._DATE_MARK for a, b in itertools.pairwise(keys)), text


def test_dateline_column_agrees_with_is_dateline_on_many_lines() -> None:
    """The column is found for all of a page's lines at once, through gates; is_dateline tests
    one text plainly."""
    import random

    rng = random.Random(13)
    pieces = ["Mar", "march", "MAY", "5", "12", "2024", ":", "30", "/", ".", "-", " ", " ", "de ", "hours", "ago",
              "年", "月", "日", "(", "x", "Jun.", "Posted", "٣", "\xa0"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 9))) for _ in range(3000)]
    for start in range(0, len(texts), 150):
        page = texts[start : start + 150]
        X = block_features([ts.Block(text, i) for i, text in enumerate(page)])
        # (Every line is short enough to be searched; only those with an ASCII digit are.)
        expected = [float(is_dateline(text) and any("0" <= ch <= "9" for ch in text)) for text in page]
        assert X[:, FEATURE_NAMES.index("dateline")].tolist() == expected


def test_fast_month_patterns_agree_with_their_specs() -> None:
    """_DATE_MONTH is _DATE_MONTH_SPEC with the month names grouped by first letter, and
    _MONTH_GATE is _may_name_month as one regex pass over texts joined by white space."""
    import random
    import re

    from wiretrace.extract import textfeatures as tf

    spec = re.compile(tf._DATE_MONTH_SPEC)
    rng = random.Random(11)
    pieces = sorted(tf._MONTH_STEMS) + ["march", "mai", "3", "12", " ", "  ", ".", "(", ")[", "x", "de ", "\xa0",
                                        "\u2028", "\x1c", "ß", "é", "\t", "\n", ",", "\0"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        assert [m.span() for m in spec.finditer(text)] == [m.span() for m in tf._DATE_MONTH.finditer(text)], text
        named = tf._may_name_month(text)
        assert bool(tf._hits(tf._MONTH_GATE, [text], [0], "\n")) == named, text
        assert (1 in tf._hits(tf._MONTH_GATE, ["x", text, "mar"], [0, 1, 2], "\n")) == named, text


def test_cues_cut_down_by_opening_match_as_the_full_pattern() -> None:
    import random
    import re

    from wiretrace.extract import textfeatures as tf

    assert tf._alternatives(r"a[|(]b|c(?:d|e)|\|x|y") == ["a[|(]b", "c(?:d|e)", r"\|x", "y"]
    # Each phrase spelled out once, behind and before what may stand there.
    phrases = [re.sub(r"\(\?:([^)|]*)[^)]*\)\??", r"\1", phrase).replace("\\w", "x").replace("?", "")
               .replace("[aá]", "á").replace("\\", "")
               for phrases in tf._CUE_PHRASES.values() for phrase in phrases]
    before = ["", "[", "[ 12 ", "12 ", " ", "\xa0", "٣ ", "(", "\"", "©", "x", "1\n", "²"]
    after = ["", ":", " : x", " x", "s", "s:", "ly", "—y", " by x", "/", "|", "\n", " ", "2"]
    rng = random.Random(5)
    for _ in range(20000):
        line = rng.choice(before) + rng.choice(phrases) + rng.choice(after) + rng.choice(after)
        full, cut = tf._CUES.match(line), tf._match_cue(line)
        assert (full and (full.lastgroup, full.span())) == (cut and (cut.lastgroup, cut.span())), line


def test_the_opening_word_gate_lets_every_cue_through() -> None:
    # The cue patterns run only on blocks whose first word may open one: every block a pattern
    # names must get its cue column, legal marks glued to a year ("(c) 2024", "©2024") included.
    import random
    import re

    from wiretrace.extract import textfeatures as tf

    # (The phrases spelled plainly in the patterns: words, not regular expressions.)
    phrases = [phrase for phrases in tf._CUE_PHRASES.values() for phrase in phrases
               if not re.search(r"[\\\[\]()?*+{}|^$.]", phrase)]
    before = ["", "[", "(", "\"", "«", "— ", "| "]
    glued = ["©2024 Capital Ledger", "(c)2024 Capital Ledger", "Copyright©2024 Capital Ledger"]
    after = ["", ":", " 2024 Capital Ledger", " by Ana Ruiz", "s"]
    rng = random.Random(11)
    lines = glued + [rng.choice(before) + rng.choice(phrases) + rng.choice(after) for _ in range(3000)]
    lines = [line for line in lines if line.strip() and "\n" not in line]
    columns = [tf.FEATURE_NAMES.index(f"cue_{name}") for name in tf._CUE_NAMES]
    for start in range(0, len(lines), 150):
        page = lines[start : start + 150]
        X = tf.block_features([ts.Block(line, k) for k, line in enumerate(page)])
        for line, row in zip(page, X[:, columns]):
            match = tf._CUES.match(line.lower())
            expected = [float(match is not None and match.lastgroup == name) for name in tf._CUE_NAMES]
            assert row.tolist() == expected, line


def test_a_replies_subheading_does_not_end_the_article() -> None:
    page = "\n".join(["Tram network to grow", *PARAGRAPHS[:2], "Replies", *PARAGRAPHS[2:]])
    blocks = ts.segment(page)
    body = [b.text for b, label in zip(blocks, tb.classify(blocks)) if label == "body"]
    assert body[-1] == PARAGRAPHS[-1]


def test_decode_resumes_at_the_body_s_indent_after_a_long_box_set_in_at_another() -> None:
    """A "Most read" box of a dozen headlines is longer than the resume gap, but set in at its
    own indent it still only interrupts: the story resumes at the body's indent. Without the
    indents to tell it apart, a box that long ends the story."""
    import numpy as np

    headlines = [f"Council votes on plan number {k} for the harbour district" for k in range(12)]
    texts = PARAGRAPHS[:3] + ["Most read in news"] + headlines + PARAGRAPHS[3:]
    scores = np.array([0.95, 0.95, 0.9] + [0.04] * 13 + [0.35] * len(PARAGRAPHS[3:]))
    knobs = {"pivot": 0.4, "inside": 0.3, "outside": 0.9, "resume": 0.4}
    set_in = [ts.Block(t, i, False, 16 if t in PARAGRAPHS else 30) for i, t in enumerate(texts)]
    keep = tb.decode(set_in, scores, **knobs)
    assert [t for t, k in zip(texts, keep) if k] == PARAGRAPHS
    flush = [ts.Block(t, i) for i, t in enumerate(texts)]
    keep = tb.decode(flush, scores, **knobs)
    assert [t for t, k in zip(texts, keep) if k] == PARAGRAPHS[:3]


def test_decode_resumes_past_a_line_that_parts_the_runs_own_paragraphs() -> None:
    """A live story's last entry, past its share button and time stamp, scores a little under
    ``resume`` (first paragraph) and over it (second): the story goes on only where the line
    before it also parts the run's earlier paragraphs."""
    import numpy as np

    knobs = {"pivot": 0.4, "inside": 0.2, "outside": 0.9, "resume": 0.4}
    entries = PARAGRAPHS + ["The mayor said the first stop of the new line, at the university, would open in time for the autumn term next year.",
                            "Opposition councillors called for an independent review of the costs before any contract is signed."]

    def body(between: str) -> list[str]:
        texts = entries[:2] + ["Share", "11.58 BST"] + entries[2:4] + [between, "10.49 BST"] + entries[4:6]
        scores = np.array([0.8, 0.8, 0.07, 0.15, 0.75, 0.65, 0.02, 0.05, 0.39, 0.48])
        keep = tb.decode([ts.Block(t, i) for i, t in enumerate(texts)], scores, **knobs)
        return [t for t, k in zip(texts, keep) if k]

    assert body("Share") == entries
    assert body("Most viewed") == entries[:4]


def test_a_second_copy_of_the_story_leaves_the_body_but_repeated_items_stay() -> None:
    """A hidden second copy repeats the story's paragraphs word for word: only the first stays.
    A repeated question or a list item repeated day by day (no sentence) is the story's own."""
    question = "What would you change about the tram network?"
    item = "Tram pass [1 adult, 12 zones, valid on buses and trams, weekend surcharge waived, from 1 May to 30 June]"
    texts = [PARAGRAPHS[0], question, PARAGRAPHS[1], question, item, PARAGRAPHS[2], item, PARAGRAPHS[0], PARAGRAPHS[1]]
    blocks = [ts.Block(text, line) for line, text in enumerate(texts)]
    keep = [True] * len(blocks)
    tb.drop_repeated_paragraphs(blocks, keep)
    assert keep == [True] * 7 + [False, False]
    # A caption typed with straight quotes repeats the lede set with curly ones: the same words.
    lede = "The band’s 50th anniversary tour opens in Westbrook in June and runs to 30 cities, its promoter said on Monday."
    blocks = [ts.Block(text, line) for line, text in enumerate([lede.replace("’", "'"), lede, *PARAGRAPHS])]
    keep = [True] * len(blocks)
    tb.drop_repeated_paragraphs(blocks, keep)
    assert keep == [True, False] + [True] * len(PARAGRAPHS)


def test_a_cards_teaser_inside_the_story_leaves_the_body() -> None:
    """A card for another story, set in at its own indent inside this one, draws that story's
    headline twice (around a section label) and a teaser the model takes for a paragraph; a
    caption drawn twice over the story's next paragraph, at the story's indent, is no card."""
    headline = "Tram operator renames itself as its dispute with the council goes on"
    teaser = "The operator of the Westbrook trams has a new name and a new board, but it is still in dispute with the council."
    texts = [PARAGRAPHS[0], "Business", headline, "Business", headline, teaser, *PARAGRAPHS[1:]]
    indents = [4, 12, 12, 14, 14, 12] + [4] * (len(PARAGRAPHS) - 1)
    blocks = [ts.Block(text, line, indent=indent) for line, (text, indent) in enumerate(zip(texts, indents))]
    keep = [True, False, False, False, False, True] + [True] * (len(PARAGRAPHS) - 1)
    tb._drop_card_teasers(blocks, keep)
    assert [b.text for b, k in zip(blocks, keep) if k] == PARAGRAPHS
    caption = "The new depot in Westbrook, where the trams are serviced (Credit: Getty Images)"
    texts = [PARAGRAPHS[0], caption, caption, *PARAGRAPHS[1:]]
    blocks = [ts.Block(text, line, indent=4) for line, text in enumerate(texts)]
    keep = [True, False, False] + [True] * (len(PARAGRAPHS) - 1)
    tb._drop_card_teasers(blocks, keep)
    assert [b.text for b, k in zip(blocks, keep) if k] == PARAGRAPHS


def test_a_box_of_headlines_under_the_storys_last_paragraph_leaves_the_body() -> None:
    """Three headlines of other stories, set in under the story's last paragraph, with only a
    line of the publisher's under them, are no part of the story; a list the story sets at
    another indent, with its story going on under it, is."""
    box = ["Ten Oddest Tram Accidents on Record", "Why Cities Are Bringing Back the Tram", "Inside the Westbrook Depot at Night"]
    texts = [*PARAGRAPHS, *box, "Originally published on the Herald."]
    blocks = [ts.Block(text, line, indent=8 if text in box else 4) for line, text in enumerate(texts)]
    keep = [True] * len(blocks)
    tb._drop_headline_boxes(blocks, keep, tb._Columns(block_features(blocks)))
    assert [b.text for b, k in zip(blocks, keep) if k] == [*PARAGRAPHS, texts[-1]]
    listed = ["Blue Line Trams, Westbrook, Carrow County", "Harbour Rail Services, Port Elmar, Carrow County",
              "Kessel Engineering Works, Westbrook, Carrow County"]
    texts = [PARAGRAPHS[0], *listed, *PARAGRAPHS[1:]]
    blocks = [ts.Block(text, line, indent=8 if text in listed else 4) for line, text in enumerate(texts)]
    keep = [True] * len(blocks)
    tb._drop_headline_boxes(blocks, keep, tb._Columns(block_features(blocks)))
    assert all(keep)


def test_teasers_cut_short_under_a_related_heading_end_the_story() -> None:
    """Under a related-links heading, excerpts cut short mid-word and run into the next teaser's
    headline are a site's list of stories, however prose-like; above the story, such a box ends
    nothing."""
    teasers = ["The new trams feature quieter brakes and wider doo... Harbour ferry fares rise again",
               "The harbour board approved the rise on Monday.",
               "Fares will go up by 5 per cent from June, the board sa... Council approves cycle lane",
               "The lane will open next spring after two years of ta... Bakery opens on Quay Street"]
    texts = [*PARAGRAPHS, "Related stories", *teasers]
    blocks = [ts.Block(text, line) for line, text in enumerate(texts)]
    keep = [True] * len(PARAGRAPHS) + [False] + [True] * len(teasers)
    tb._drop_cut_teasers(blocks, keep, tb._Columns(block_features(blocks)))
    assert [b.text for b, k in zip(blocks, keep) if k] == PARAGRAPHS
    texts = ["Related stories", *teasers, *PARAGRAPHS]
    blocks = [ts.Block(text, line) for line, text in enumerate(texts)]
    keep = [False] + [True] * (len(teasers) + len(PARAGRAPHS))
    tb._drop_cut_teasers(blocks, keep, tb._Columns(block_features(blocks)))
    assert all(keep[1:])


def test_a_copy_running_the_story_together_ends_the_body_with_its_labels() -> None:
    """A renderer that draws a hidden full-text field shows the story again as one long block,
    its paragraphs run together, after labels of its own (a date stamp, an image size): the
    copy, its labels and whatever follows leave the body. A long caption that repeats another
    caption (one block said again) is no copy and stays."""
    copy = " ".join(PARAGRAPHS)
    caption = ("In this photo issued by the city, the mayor and council members ride the first test tram "
               "along the new route through the university district on Tuesday, Nov. 19, 2019, ahead of the vote "
               "on the extension, which the council approved late at night after supporters and critics of the "
               "plan had argued for hours about its cost and its route. Trams on the existing line ran a "
               "reduced service during the test, and passengers at the central station were asked to allow "
               "extra time for their journeys until the evening, when the regular timetable resumed and the "
               "test tram returned to the depot. (City of Lisbon via AP)")
    caption_again = caption.replace("the mayor and council members ride", "the mayor rides")
    texts = [caption, PARAGRAPHS[0], PARAGRAPHS[1], caption_again, PARAGRAPHS[2], PARAGRAPHS[3],
             "2019-11-19T08:57:40+01:00", "500", copy, "international"]
    assert len(caption_again.split()) >= tb._RUN_TOGETHER_WORDS
    blocks = [ts.Block(text, line) for line, text in enumerate(texts)]
    keep = [True] * len(blocks)
    tb.drop_repeated_paragraphs(blocks, keep)
    assert [t for t, k in zip(texts, keep) if k] == texts[:6]


def test_a_copy_joining_the_story_s_lines_in_twos_ends_the_body() -> None:
    """A renderer that breaks a line at every element draws a list item's bold lead apart from
    its sentence; a hidden second copy of the story (another layout) may hold each item as one
    paragraph. Three paragraphs in a row made of blocks said above, joined, are that copy: it
    leaves the body with whatever follows it. One such paragraph (a summary quoting two lines)
    is no copy."""
    leads = ["The state attorney general is investigating the co-working company amid layoffs.",
             "The mobile carrier's chief executive is stepping down in May after eight years.",
             "A video game studio has announced its first new title in twelve years."]
    items = [part for lead, paragraph in zip(leads, PARAGRAPHS) for part in (lead, paragraph)]
    copy = [f"{lead} {paragraph}" for lead, paragraph in zip(leads, PARAGRAPHS)]
    texts = ["Good morning! This is the news you need to know this Tuesday.", *items, PARAGRAPHS[3],
             "2019-11-19T08:57:40+01:00", "500", *copy, "international"]
    blocks = [ts.Block(text, line) for line, text in enumerate(texts)]
    keep = [True] * len(blocks)
    tb.drop_repeated_paragraphs(blocks, keep)
    assert [t for t, k in zip(texts, keep) if k] == texts[:8]
    summary = [*texts[:8], copy[0], "The council will vote again in the spring."]
    blocks = [ts.Block(text, line) for line, text in enumerate(summary)]
    keep = [True] * len(blocks)
    tb.drop_repeated_paragraphs(blocks, keep)
    assert all(keep)


def test_promos_and_newsletter_boxes_inside_the_story_leave_it() -> None:
    """What HTML mode takes out of a body wherever it sits (cues.anywhere_category) leaves a
    text-mode body too, even where the run of likely-body blocks spans it."""
    furniture = ["CLICK HERE TO GET THE HERALD APP", "SEE MORE: Bus fares to rise for the first time in a decade",
                 "Subscribe to the Herald's morning newsletter for all of the latest news."]
    texts = [PARAGRAPHS[0], furniture[0], PARAGRAPHS[1], furniture[1], PARAGRAPHS[2], furniture[2], PARAGRAPHS[3]]
    blocks = [ts.Block(text, line) for line, text in enumerate(texts)]
    keep = [True] * len(blocks)
    tb.drop_furniture(blocks, keep, block_features(blocks))
    assert [t for t, k in zip(texts, keep) if k] == PARAGRAPHS


def test_decode_resumes_only_at_a_paragraph_that_ends_a_sentence() -> None:
    """Past a short box, the story resumes at a paragraph; a long line that stops mid-phrase (a
    source cited under "Sources:", a teaser) scoring as well is no paragraph of the story."""
    import numpy as np

    source = 'Transport Department, "Tram network extension: a consultation on the northern route," March 2019'
    texts = PARAGRAPHS[:3] + ["Published: Tuesday", "Sources:", source, PARAGRAPHS[3]]
    blocks = [ts.Block(t, i) for i, t in enumerate(texts)]
    X = block_features(blocks)
    ends = (X[:, tb._COLUMN["ends_sentence"]] > 0) | (X[:, tb._COLUMN["ends_colon"]] > 0)
    knobs = {"pivot": 0.4, "inside": 0.2, "outside": 0.9, "resume": 0.4}
    scores = np.array([0.95, 0.95, 0.9, 0.1, 0.3, 0.5, 0.3])
    keep = tb.decode(blocks, scores, **knobs, ends=ends)
    assert [t for t, k in zip(texts, keep) if k] == PARAGRAPHS[:3]
    # A paragraph of the story in its place resumes it.
    scores[5:] = [0.3, 0.5]
    texts[5:] = ["Council election results announced", PARAGRAPHS[3]]
    blocks = [ts.Block(t, i) for i, t in enumerate(texts)]
    X = block_features(blocks)
    ends = (X[:, tb._COLUMN["ends_sentence"]] > 0) | (X[:, tb._COLUMN["ends_colon"]] > 0)
    keep = tb.decode(blocks, scores, **knobs, ends=ends)
    assert [t for t, k in zip(texts, keep) if k] == PARAGRAPHS


def test_decode_resumes_past_a_named_related_box_without_indents() -> None:
    """A "Related Links" box drawn flush left (no indent sets it apart) still only interrupts
    the story: the paragraph after it resumes at the lenient score, as past a box set in at its
    own indent. Past plain short lines, or at the box's own teasers, it takes the usual score."""
    import numpy as np

    texts = PARAGRAPHS[:3] + ["Related Links", "Tram operator website", "Council transport plan", PARAGRAPHS[3]]
    knobs = {"pivot": 0.4, "inside": 0.2, "outside": 0.9, "resume": 0.4}
    scores = np.array([0.95, 0.95, 0.9, 0.01, 0.05, 0.05, 0.3])

    def kept(texts: list[str], bullets: tuple[int, ...] = (4, 5)) -> list[str]:
        blocks = [ts.Block(t, i, i in bullets, 2 if i in bullets else 0) for i, t in enumerate(texts)]
        X = block_features(blocks)
        related = (X[:, tb._COLUMN["cue_related"]] > 0) & (X[:, tb._COLUMN["log_words"]] <= np.log1p(6))
        keep = tb.decode(blocks, scores, **knobs, related=related)
        return [t for t, k in zip(texts, keep) if k]

    assert kept(texts) == PARAGRAPHS
    assert kept(texts[:3] + ["Tuesday 14:02"] + texts[4:]) == PARAGRAPHS[:3]
    # A teaser of the box (a list item) is no paragraph of the story.
    assert kept(texts, bullets=(4, 5, 6)) == PARAGRAPHS[:3]


def test_decode_resumes_past_a_named_box_only_at_a_paragraph_not_a_headline() -> None:
    """Past a "Related Links" box, a line of ten words in title case that ends on a full stop
    ("... In S.C.") scoring between ``inside`` and ``resume`` is one of its headlines, not the
    story going on: a paragraph resuming there at the lenient score is longer, or a sentence."""
    scores = [0.95, 0.95, 0.9, 0.01, 0.05, 0.3]

    def kept(last: str) -> list[str]:
        return decoded(PARAGRAPHS[:3] + ["Related Links", "Tram operator website", last], scores)

    assert kept("Mayor And Council See Tram Fares As Key In S.C.") == PARAGRAPHS[:3]
    assert kept(PARAGRAPHS[3]) == PARAGRAPHS
    quote = "“It’s a rigged, disgusting, dirty system,” the mayor said this week."
    assert kept(quote) == [*PARAGRAPHS[:3], quote]


def test_a_sentence_ends_inside_two_closing_quotes() -> None:
    """"... journalism on this subject.''" (two apostrophes for a closing quote, as some wire
    copy has them) or "... 'no.'\"" ends a sentence, as "... subject.\"" does."""
    texts = ["We will continue to publish journalism on this very important subject.''",
             "He said: \"I told the council 'no.'\"", "He said it was \"final.\"", "Read more ''",
             "Council transport plan (2019)"]
    X = block_features([ts.Block(t, i) for i, t in enumerate(texts)])
    assert X[:, tb._COLUMN["ends_sentence"]].tolist() == [1.0, 1.0, 1.0, 0.0, 0.0]


def test_decode_resumes_past_a_named_box_whose_headlines_are_drawn_as_one_block() -> None:
    """Under a "Don't Miss" heading, two headlines a terminal renderer wraps into one block
    (no blank line between them) make a long line, but one that ends no sentence: still the
    box, and the story resumes after it. A long line that ends a sentence there is a paragraph
    that is not the story's, and the story does not resume past it."""
    headlines = ("Ferry fares to rise for the third time this year [INSIGHT]| "
                 "Harbour board votes on new quay plan amid strike talks [VIDEO]")
    scores = [0.95, 0.95, 0.9, 0.01, 0.08, 0.06, 0.6]

    def kept(texts: list[str]) -> list[str]:
        return decoded(texts, scores)

    box = ["Don't Miss", headlines, "Tram strike called off [REACTION]"]
    assert kept(PARAGRAPHS[:3] + box + PARAGRAPHS[3:4]) == PARAGRAPHS
    paragraph = ("The harbour board has published its accounts for the year, which show a fall in "
                 "income from ferry fares and a rise in the cost of repairs to the quay.")
    assert kept(PARAGRAPHS[:3] + ["Don't Miss", paragraph] + box[2:] + PARAGRAPHS[3:4]) == PARAGRAPHS[:3]
    assert kept(PARAGRAPHS[:3] + ["Tuesday 14:02"] + box[1:] + PARAGRAPHS[3:4]) == PARAGRAPHS[:3]


def test_decode_leaves_out_the_teasers_of_a_related_box_the_run_bridges() -> None:
    """A "Most read" box inside the story, its kicker and headline drawn as one line ("RANDY
    ANDY Prince ..."), scores some and sits inside the run, which bridges the short box: under
    the heading, lines that end no sentence stay out until the story goes on at ``resume``."""
    import numpy as np

    teasers = ["FERRY FURY Harbour board votes on new quay plan amid strike talks",
               "TRAM TROUBLE Commuters stranded as signals fail for a second day"]
    texts = PARAGRAPHS[:3] + ["Most read in world news", *teasers, PARAGRAPHS[3]]
    knobs = {"pivot": 0.4, "inside": 0.2, "outside": 0.9, "resume": 0.4}
    blocks = [ts.Block(t, i) for i, t in enumerate(texts)]
    X = block_features(blocks)
    ends = (X[:, tb._COLUMN["ends_sentence"]] > 0) | (X[:, tb._COLUMN["ends_colon"]] > 0)
    related = (X[:, tb._COLUMN["cue_related"]] > 0) & (X[:, tb._COLUMN["log_words"]] <= np.log1p(6))
    scores = np.array([0.95, 0.95, 0.9, 0.05, 0.3, 0.25, 0.9])
    keep = tb.decode(blocks, scores, **knobs, ends=ends, related=related)
    assert [t for t, k in zip(texts, keep) if k] == PARAGRAPHS
    # Without the heading, the same lines are the story's (a sub-heading, a pull quote).
    texts[3] = "Tuesday 14:02"
    blocks = [ts.Block(t, i) for i, t in enumerate(texts)]
    keep = tb.decode(blocks, scores, **knobs, ends=ends, related=[False] * len(texts))
    assert [t for t, k in zip(texts, keep) if k] == PARAGRAPHS[:3] + teasers + PARAGRAPHS[3:]


def test_decode_starts_the_story_at_a_long_paragraph_cut_off_by_a_caption_and_a_list() -> None:
    """The story's first paragraph, followed by an image's alt text and caption and a short
    list, scores well but the lines after it weigh it out of the heaviest run: it still starts
    the story. A short paragraph there (a standfirst, a teaser) does not."""
    import numpy as np

    lead = ("When the harbour board met on Monday night, the public gallery was full for the first "
            "time in a decade, and the chair had to ask the dockers at the back twice to let the "
            "meeting go on before the vote on the new quay plan.")
    texts = [lead, "Harbour strike", "Pickets at the north gate on Monday", "What the plan says:",
             "new cranes", "two more berths", "a night shift"] + PARAGRAPHS
    knobs = {"pivot": 0.4, "inside": 0.2, "outside": 0.9, "resume": 0.4}
    scores = np.array([0.55, 0.05, 0.3, 0.3, 0.15, 0.15, 0.15] + [0.95] * len(PARAGRAPHS))

    def kept(texts: list[str]) -> list[str]:
        blocks = [ts.Block(t, i) for i, t in enumerate(texts)]
        X = block_features(blocks)
        ends = (X[:, tb._COLUMN["ends_sentence"]] > 0) | (X[:, tb._COLUMN["ends_colon"]] > 0)
        keep = tb.decode(blocks, scores, **knobs, ends=ends)
        return [t for t, k in zip(texts, keep) if k]

    assert kept(texts) == [lead] + PARAGRAPHS
    standfirst = "Dockers pack the public gallery as the board votes on the quay plan."
    assert kept([standfirst] + texts[1:]) == PARAGRAPHS


def test_decode_does_not_resume_past_the_page_s_copyright_notice() -> None:
    """Past a short interruption the story may resume, but not past the page's copyright
    notice: the site's terms under it read like prose and score like it."""
    import numpy as np

    terms = "The material on this site may not be reproduced, distributed or otherwise used, except with prior written permission."
    knobs = {"pivot": 0.4, "inside": 0.2, "outside": 0.9, "resume": 0.4}
    scores = np.array([0.95, 0.95, 0.9, 0.05, 0.05, 0.6])
    registration = "Registration on or use of this site constitutes acceptance of our User Agreement"
    for notice, kept in (("© 2026 Harbour Herald. All rights reserved.", PARAGRAPHS[:3]),
                         ("Council election results announced", PARAGRAPHS[:3] + [terms])):
        texts = PARAGRAPHS[:3] + [registration, notice, terms]
        blocks = [ts.Block(t, i) for i, t in enumerate(texts)]
        keep = tb.decode(blocks, scores, **knobs)
        assert [t for t, k in zip(texts, keep) if k] == kept, notice


def test_a_newsletter_box_at_the_foot_leaves_the_body_with_the_lines_under_it() -> None:
    """Under a sign-up heading after the story, the pitch, its fine print and the publisher's
    line are the footer's, though each reads like a sentence; a story that resumes under a
    sign-up box in its middle keeps its paragraphs."""
    foot = ["Get breaking tram news and the latest on the works, timetables and more!",
            "No junk mail, we promise. You can unsubscribe at any time and we'll never share your details.",
            "The Herald is part of Herald Media Ltd, a regional publishing group. Visit our corporate site."]
    lines = [*PARAGRAPHS, "SIGN UP FOR E-MAIL NEWSLETTERS", *foot]
    blocks = [ts.Block(text, line) for line, text in enumerate(lines)]
    keep = [True] * len(PARAGRAPHS) + [False] + [True] * len(foot)
    tb.drop_closing_calls(blocks, keep, block_features(blocks))
    assert keep == [True] * len(PARAGRAPHS) + [False] * (1 + len(foot))

    lines = [*PARAGRAPHS[:3], "Sign up for our newsletters", *PARAGRAPHS[3:]]
    blocks = [ts.Block(text, line) for line, text in enumerate(lines)]
    keep = [True] * 3 + [False] + [True] * len(PARAGRAPHS[3:])
    before = list(keep)
    tb.drop_closing_calls(blocks, keep, block_features(blocks))
    assert keep == before


def test_a_teaser_cut_short_and_a_no_script_notice_leave_the_body() -> None:
    """A teaser the page cut short after a comma ("...,...") and "Please enable JavaScript to
    view the comments" are the page's wherever they sit; a sentence that trails off stays."""
    page = ["Trams to run through the old town by 2027, council says,...", *PARAGRAPHS[:2],
            "Please enable JavaScript to view the comments.", *PARAGRAPHS[2:],
            "Nobody yet knows what the works will cost in the end ..."]
    blocks = [ts.Block(text, line) for line, text in enumerate(page)]
    keep = [True] * len(blocks)
    tb.drop_furniture(blocks, keep, block_features(blocks))
    assert keep == [False, True, True, False, True, True, True]


def test_a_headline_drawn_twice_in_a_row_leaves_the_body() -> None:
    """A teaser's picture and its link both carry the headline: a terminal renderer draws it
    twice in a row, and the run sweeps both in. A table's short header row repeating and a
    date line drawn twice stay."""
    headline = "The council once again puts off its vote on the tram line"
    header = "Pos Player Plays % Stats"
    stamp = "Associated Press November 19, 2019, 9:02 AM"
    texts = [PARAGRAPHS[0], headline, headline, PARAGRAPHS[1], header, header, stamp, stamp, PARAGRAPHS[2]]
    blocks = [ts.Block(t, i) for i, t in enumerate(texts)]
    keep = [True] * len(blocks)
    tb.drop_repeated_paragraphs(blocks, keep)
    assert [t for t, k in zip(texts, keep) if k] == [PARAGRAPHS[0], PARAGRAPHS[1], header, header, stamp, stamp,
                                                     PARAGRAPHS[2]]


# A lynx dump of a review: a verdict's pros and cons, each list under a line of its own that ends
# in a colon, between two paragraphs of the story.
LYNX_REVIEW = """Gadget Pages

     * Reviews
     * Deals

                  Pathway 5 e-bike review: a commuter's workhorse

   By Ines Moreau

   The Pathway 5 is not fast and it is not pretty, but after six weeks of
   riding it to work through a wet autumn it has not once failed to start,
   and its battery still had a third of its charge left on most Fridays.

   The motor is made for flat cities rather than hills. On the steepest
   climb of my route it slowed to a crawl, and I had to help it along
   with the pedals for the last hundred metres.

Verdict

   What we liked:
     * Battery lasts a whole working week
     * Hydraulic brakes
     * Integrated lights

   What we did not:
     * Struggles on steep hills
     * Heavy at 26 kg

   If your commute is flat and you want a bike that simply works every
   morning, the Pathway 5 is easy to recommend at its price of 1,499
   euros.

More e-bike reviews

     * Volta City 2 review
     * Urbano Fold review
"""


def test_a_stretch_introduced_by_a_colon_between_paragraphs_is_body() -> None:
    body = body_of(LYNX_REVIEW)
    for line in ("Verdict", "What we liked:", "Hydraulic brakes", "What we did not:", "Heavy at 26 kg"):
        assert line in body
    assert body[-1].startswith("If your commute is flat")
    assert "Volta City 2 review" not in body and "Deals" not in body


def test_take_enclosed_structure_needs_a_colon_a_closing_paragraph_and_no_furniture() -> None:
    intro = "Here is how the general fund is divided among the largest departments:"
    rows = ["Department 2019 2020", "Police $14.2M $14.6M", "Fire $10.9M $11.1M"]
    texts = [PARAGRAPHS[0], intro, *rows, PARAGRAPHS[1]]
    blocks = [ts.Block(text, line) for line, text in enumerate(texts)]
    X = block_features(blocks)
    keep = [True, True, False, False, False, True]
    tb.take_enclosed_structure(blocks, keep, X)
    assert all(keep)
    # Without the colon, the rows may be anything (a box of teasers): they stay out.
    plain = [ts.Block(text, line) for line, text in enumerate([PARAGRAPHS[0], PARAGRAPHS[2], *rows, PARAGRAPHS[1]])]
    keep = [True, True, False, False, False, True]
    tb.take_enclosed_structure(plain, keep, block_features(plain))
    assert keep == [True, True, False, False, False, True]
    # ... and so do they where no paragraph of the story follows them, or one names itself furniture.
    keep = [True, True, False, False, False, False]
    tb.take_enclosed_structure(blocks, keep, X)
    assert keep == [True, True, False, False, False, False]
    boxed = [ts.Block(text, line) for line, text in enumerate([PARAGRAPHS[0], intro, "Related stories", *rows[1:], PARAGRAPHS[1]])]
    keep = [True, True, False, False, False, True]
    tb.take_enclosed_structure(boxed, keep, block_features(boxed))
    assert keep == [True, True, False, False, False, True]


TOUR_STORY = """The Night Owls will reunite for a 22-date North American tour this summer, their first run of shows together since the band split in 2011.

Singer Mara Kell and guitarist Dev Patel announced the trek on Monday during a radio interview, saying the band had been rehearsing quietly in Portland since the autumn.

"We missed playing these songs together more than we could say," Kell said. "This time we wanted to do it properly, with the whole band."

Tickets go on sale to the general public on Friday at 10 a.m. local time, with a fan presale beginning Wednesday for members of the mailing list.
"""
TOUR_ROWS = ["June 9 – West Palm Beach, FL @ Sunrise Amphitheatre", "June 11 – Tampa, FL @ Bayfront Arena",
             "June 14 – Atlanta, GA @ Peach Pavilion", "June 17 – Nashville, TN @ Riverside Hall",
             "June 20 – Raleigh, NC @ Oak Park Music Center", "July 2 – Boston, MA @ Harbor Lights Pavilion"]
TOUR_FOOT = "\nShare this:\nFacebook\nTwitter\nEmail\n\nRelated\nNight Owls Share First Single in a Decade\n"


def test_a_listing_of_tour_dates_closing_the_story_is_body() -> None:
    for rows in ("\n".join(TOUR_ROWS), "\n\n".join(TOUR_ROWS), "\n".join(f"  * {row}" for row in TOUR_ROWS)):
        body = body_of(TOUR_STORY + "\nNight Owls Tour Dates\n\n" + rows + "\n" + TOUR_FOOT)
        assert body[-7:] == ["Night Owls Tour Dates", *TOUR_ROWS]
    british = ["Sat 14 March: Leeds, O2 Academy", "Sun 15 March: Glasgow, Barrowland Ballroom",
               "Tue 17 March: Manchester, Albert Hall", "Wed 18 March: London, Roundhouse"]
    assert body_of(TOUR_STORY + "\n" + "\n".join(british) + "\n" + TOUR_FOOT)[-4:] == british


def test_take_event_listing_needs_rows_of_a_day_and_a_place_right_after_the_story() -> None:
    def taken(texts: list[str], kept: int) -> list[bool]:
        blocks = [ts.Block(text, line) for line, text in enumerate(texts)]
        keep = [True] * kept + [False] * (len(texts) - kept)
        tb.take_event_listing(blocks, keep, block_features(blocks))
        return keep

    rows = TOUR_ROWS[:3]
    assert all(taken([PARAGRAPHS[0], "Tour Dates", *rows], 1))
    # Rows the decoder kept count toward the listing (a colon's list stopped at its floor).
    assert all(taken([PARAGRAPHS[0], *rows], 2))
    # Two rows are no listing; an archive's months, comment stamps and dated teasers have a
    # year or no place; a related-links heading or a second copy of the listing is no part of it.
    for texts, kept in (([PARAGRAPHS[0], *rows[:2]], 1),
                        ([PARAGRAPHS[0], "Archives", "November 2019", "October 2019", "September 2019"], 1),
                        ([PARAGRAPHS[0], "Nov 19, 2019 – Senate passes spending bill", "Nov 18, 2019 – Council delays vote",
                          "Nov 17, 2019 – Storm leaves thousands without power"], 1),
                        ([PARAGRAPHS[0], "Anna K", "June 9 at 3:45 pm", "June 9 at 4:02 pm", "June 9 at 5:10 pm"], 1),
                        ([PARAGRAPHS[0], "Related stories", *rows], 1),
                        ([PARAGRAPHS[0], *rows, PARAGRAPHS[1], *rows], 5)):
        assert taken(texts, kept) == [True] * kept + [False] * (len(texts) - kept), texts
