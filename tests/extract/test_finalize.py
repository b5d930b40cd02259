"""The steps both modes share (wiretrace.extract.finalize)."""

import sys

from wiretrace.extract import _tidy


def test_every_whitespace_character_but_space_is_unprintable():
    """What _tidy's shortcut rests on: a printable string holds no whitespace but " "."""
    assert [hex(c) for c in range(sys.maxunicode + 1)
            if chr(c).isspace() and chr(c) != " " and chr(c).isprintable()] == []


def test_tidy_is_split_and_join():
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    cases = ["", " ", "one", "one two", " one two", "one two ", "one  two", "Ünïcödé wörds here", "a\u200bb"]
    cases += [f"one{s}two" for s in spaces] + [f"{s}one two" for s in spaces] + [f"one two{s}" for s in spaces]
    for text in cases:
        assert _tidy(text) == " ".join(text.split()), repr(text)


def test_a_paragraph_of_invisible_characters_leaves_the_body():
    """A renderer may keep a zero-width space as a spacer paragraph; a reader sees nothing there."""
    from wiretrace.extract import finalize
    from wiretrace.record import Article

    text = "The festival opened on Friday with a parade through the old town and a concert in the park."
    article = finalize(Article(source="t.txt", input_kind="text", body=[text, "\u200b", " \u00ad ", text + " Again."]))
    assert article.body == [text, text + " Again."]


def test_desk_codes_copyright_and_stamp_lines_closing_the_body_leave_it():
    from wiretrace.extract import finalize
    from wiretrace.record import Article

    story = ["Farmers blocked the motorways around Paris on Friday in protest against a planned trade deal.",
             "The government said it would meet farm unions next week, a spokeswoman said."]
    for closing, category in [(["mla-cb/ach/jj"], "footer"), (["SKU SKU TRB"], "footer"),
                              (["© dpa-infocom, dpa:260610-930-441872/2"], "disclaimer"),
                              (["First Published: Mar 19 2026 | 6:41 PM IST", "SKU TRB"], "dateline"),
                              (["(With inputs from PTI)"], "byline"), (["With agency inputs"], "byline"),
                              (["With agencies"], "byline"), (["(With Reuters)"], "byline"),
                              (["kb/msh (AFP, dpa)"], "byline"),
                              (["责任编辑：李华"], "byline"),
                              (["© AFP", "This article is auto-generated from a syndicated Agence France-Presse feed; "
                                "The Daily Clarion has not edited the text."], "disclaimer"),
                              (["-- AFP"], "byline"), (["— Reuters"], "byline"), (["(AP)"], "byline"),
                              (["___"], "other"), (["* * *", "-" * 40], "other")]:
        article = finalize(Article(source="t.html", input_kind="html", body=story + closing))
        assert article.body == story, closing
        assert {b.text: b.category for b in article.boilerplate}[closing[0]] == category
    # A last paragraph about a copyright case, or in capitals, is the story's.
    quote = "“WE WILL APPEAL,” the union said of the copyright ruling, which the court handed down in 2019."
    assert finalize(Article(source="t.txt", input_kind="text", body=story + [quote])).body == story + [quote]


def test_a_bare_date_label_and_a_closing_standards_notice_leave_the_body():
    from wiretrace.extract import finalize
    from wiretrace.record import Article

    story = ["Farmers blocked the motorways around Paris on Friday in protest against a planned trade deal.",
             "The government said it would meet farm unions next week, a spokeswoman said."]
    body = ["Updated", story[0], "Last updated:", story[1], "Our Standards: The Newsroom Trust Principles."]
    article = finalize(Article(source="t.html", input_kind="html", body=body))
    assert article.body == story
    assert {b.text: b.category for b in article.boilerplate} == {
        "Updated": "dateline", "Last updated:": "dateline", "Our Standards: The Newsroom Trust Principles.": "disclaimer"}


def test_the_time_budget_ends_a_page_even_inside_a_step_that_catches_every_exception(monkeypatch):
    """Body extraction keeps a hostile page from ending the run with ``except Exception``; the
    budget's timeout must get through it, or the page goes on past its budget with no timer left."""
    import time

    import pytest

    from wiretrace.extract import ExtractConfig, ExtractionError, extract_page, htmlbody
    from wiretrace.record import Page

    def slow_extract(*args, **kwargs):
        time.sleep(3)
        raise AssertionError("the budget did not stop the page")

    monkeypatch.setattr(htmlbody, "_extract", slow_extract)
    page = Page("slow.html", "<html><body><article><p>" + "Words of a paragraph. " * 40 + "</p></article></body></html>")
    started = time.monotonic()
    with pytest.raises(ExtractionError, match="time budget of 0.3s exceeded"):
        extract_page(page, ExtractConfig(mode="html", time_budget_s=0.3))
    assert time.monotonic() - started < 2


def test_the_time_budget_gives_back_the_alarm_handler_it_found(monkeypatch):
    """A caller's own SIGALRM handler is theirs again after each page, timed out or not."""
    import signal
    import time

    import pytest

    from wiretrace.extract import ExtractConfig, ExtractionError, extract_page, htmlbody
    from wiretrace.record import Page

    def callers_handler(signum, frame):
        raise AssertionError("the caller's handler ran during a page")

    page = Page("p.txt", "A headline over its story\n\n" + "Words of a paragraph that runs on. " * 20 + "\n")
    previous = signal.signal(signal.SIGALRM, callers_handler)
    try:
        extract_page(page, ExtractConfig(mode="text", time_budget_s=5))
        assert signal.getsignal(signal.SIGALRM) is callers_handler
        monkeypatch.setattr(htmlbody, "_extract", lambda *args, **kwargs: time.sleep(3))
        with pytest.raises(ExtractionError, match="time budget"):
            extract_page(Page("slow.html", "<html><body><p>x</p></body></html>"), ExtractConfig(mode="html", time_budget_s=0.2))
        assert signal.getsignal(signal.SIGALRM) is callers_handler
    finally:
        signal.signal(signal.SIGALRM, previous)
    assert signal.getsignal(signal.SIGALRM) == previous


def test_short_lines_kept_above_a_wire_storys_dateline_leave_the_body():
    from wiretrace.extract import finalize
    from wiretrace.record import Article

    story = ["SAN FRANCISCO (AP) — The utility began shutting off power on Wednesday to 375,000 people in 18 counties.",
             "A virtually rainless fall has left brush bone-dry, forecasters said."]
    notice = ["Something’s different, right?", "Welcome to our new article page. Tell us what you think."]
    article = finalize(Article(source="t.txt", input_kind="text", body=notice + story))
    assert article.body == story
    assert [(b.text, b.category) for b in article.boilerplate] == [(text, "promo") for text in notice]
    # A paragraph of the story's length above the dateline is the story's own: nothing leaves.
    lede = ("The utility said the shut-offs, the third this month, were needed because dry winds could bring down "
            "lines and spark fires in the hills north of the bay, where thousands of homes were lost two years ago.")
    assert finalize(Article(source="t.txt", input_kind="text", body=[lede] + story)).body == [lede] + story



def test_the_publishers_notes_on_the_story_stay_and_its_corrections_are_listed():
    from wiretrace.extract import finalize
    from wiretrace.record import Article, Boilerplate

    story = ["HALIFAX, Nova Scotia (AP) — The port authority on Thursday postponed a vote on a terminal expansion.",
             "The authority's chair told reporters the board would not vote until the objections were answered."]
    update = "Editor's note: This story has been updated to include comment from the Coastal Alliance."
    series = "Editor's note: this report is part of the Herald's coverage of the port's future."
    correction = ("Correction, Nov. 13, 2026: An earlier version of this story misstated the cost of the expansion. "
                  "It is $400 million, not $4 billion.")
    # Above a wire story's dateline, an editor's note is the publisher's, not a site notice: it stays.
    article = finalize(Article(source="t.txt", input_kind="text",
                               body=[update, "Something's different, right?"] + story + [correction]))
    assert article.body == [update] + story + [correction]
    assert article.corrections == [update, correction]
    assert finalize(Article(source="t.txt", input_kind="text", body=[series] + story)).body == [series] + story
    # An editor's note that tells of no change, a live story's update and a link are no corrections.
    for line in (series, "UPDATE: Police said the suspect had been arrested.", "Corrections",
                 "The correction came on Monday: shares fell by a fifth.",
                 "Corrections: if you spot an error in this story, email the standards editor.", "(Corrects spelling of name in paragraph 3)"):
        found = finalize(Article(source="t.txt", input_kind="text", body=story + [line])).corrections
        assert found == ([line] if line.startswith("(Corrects") else []), line
    # A correction box the page set apart from the story is found among what was removed, once.
    boxed = Article(source="t.txt", input_kind="text", body=list(story),
                    boilerplate=[Boilerplate(text=correction, category="other"),
                                 Boilerplate(text="Corrections: how to report an error", category="navigation")])
    assert finalize(boxed).corrections == [correction]
    # A page that is no article has none.
    front = Article(source="t.txt", input_kind="text", body=[correction], is_article=False)
    assert finalize(front).corrections == []


def test_a_separator_of_no_word_leaves_the_body_but_aps_rule_stays():
    from wiretrace.extract import finalize
    from wiretrace.record import Article

    story = ["Farmers blocked the motorways around Paris on Friday in protest against a planned trade deal.",
             "The government said it would meet farm unions next week, a spokeswoman said."]
    for rule in ("* * *", "--------------------", "* * * * *", "•"):
        article = finalize(Article(source="t.txt", input_kind="text", body=[story[0], rule, story[1]]))
        assert article.body == story and article.boilerplate[-1].text == rule, rule
    # AP prints "___" between a story and its credits as part of the story (the DEV truth keeps it).
    assert finalize(Article(source="t.txt", input_kind="text", body=[story[0], "___", story[1]])).body[1] == "___"


def test_a_tags_line_closing_the_body_gives_the_tags():
    from wiretrace.extract import finalize
    from wiretrace.record import Article

    story = ["Farmers blocked the motorways around Paris on Friday in protest against a planned trade deal.",
             "The government said it would meet farm unions next week, a spokeswoman said."]
    article = finalize(Article(source="t.txt", input_kind="text", body=story + ["Topics Islamic StateUnited States"]))
    assert (article.body, article.tags) == (story, ["Islamic State", "United States"])
    for prose in ("Topics discussed included the deal and the blockade.", "Tags Pro, the label, was sold."):
        assert finalize(Article(source="t.txt", input_kind="text", body=story + [prose])).body[-1] == prose


def test_a_closing_reporting_credit_leaves_the_body_and_names_the_reporters_no_byline_named():
    from wiretrace.extract import finalize
    from wiretrace.record import Article

    story = ["KYIV, Nov 26 (Reuters) - Ukraine's air force said on Wednesday it had shot down 40 of 52 drones.",
             "Regional governor Oleh Syniehubov said two people were injured in Kharkiv."]
    credit = ("(Reporting by Anna Petrova in Kyiv and Tom Balmforth in London; Additional reporting by Lena Ward; "
              "Editing by Mark Heinrich)")
    article = finalize(Article(source="feed.xml#1", input_kind="html", body=story + [credit]))
    assert article.body == story
    assert article.authors == ["Anna Petrova", "Tom Balmforth"]
    assert {b.text: b.category for b in article.boilerplate}[credit] == "byline"
    # A byline, where there is one, stays the authors; a sentence in brackets stays the story's.
    bylined = finalize(Article(source="t.html", input_kind="html", body=story + [credit], authors=["Jo Reyes"]))
    assert bylined.authors == ["Jo Reyes"] and bylined.body == story
    aside = "(Reporting by the newspaper was later disputed by the ministry, which said it had no such plans.)"
    assert finalize(Article(source="t.html", input_kind="html", body=story + [aside])).body[-1] == aside


def test_a_wire_desks_slug_leaves_the_headline():
    from wiretrace.extract import finalize
    from wiretrace.record import Article

    body = ["Oil prices rose on Tuesday as supply worries outweighed signs of slowing demand in Asia, traders said."]
    for headline, clean in [("UPDATE 2-Oil prices rise on supply worries", "Oil prices rise on supply worries"),
                            ("CORRECTED-UPDATE 1-Oil prices rise", "Oil prices rise"),
                            ("EXCLUSIVE-Marvosa weighs gas export cap", "Marvosa weighs gas export cap"),
                            # a hyphenated word or a label with a colon is the headline's own
                            ("Covid-19 cases rise in Lisvar", "Covid-19 cases rise in Lisvar"),
                            ("UPDATE: Police arrest a suspect", "UPDATE: Police arrest a suspect")]:
        assert finalize(Article(source="t.html", input_kind="html", headline=headline, body=list(body))).headline == clean
