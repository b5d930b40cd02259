"""Text mode, part one: a renderer's dump cut into blocks (wiretrace.extract.textsegment)."""

from __future__ import annotations

import pytest

from wiretrace.extract import textsegment as ts

PARAGRAPHS = [
    "The city council voted on Tuesday to expand the tram network by twelve kilometres, the largest extension since the line opened in 1998, after a debate that ran late into the night.",
    "Supporters said the new route would link the university district with the hospital and cut journey times by a third, while critics warned that the budget had already doubled once.",
    "Construction is due to start next spring and the first trams should run in 2027, according to the transport department, which said it would publish the detailed timetable in June.",
    "Residents along the route will be consulted in a series of public meetings, the mayor said, adding that no homes would have to be demolished to make room for the tracks.",
]


# --- segment -----------------------------------------------------------------------------------------


def test_segment_strips_indentation_and_bullets() -> None:
    dump = "  * Home\n    + World News\n      • Sport\n\t- Opinion\n   3. Third item\n      Plain line\n"
    blocks = ts.segment(dump)
    assert [b.text for b in blocks] == ["Home", "World News", "Sport", "Opinion", "Third item", "Plain line"]
    assert [b.bullet for b in blocks] == [True, True, True, True, True, False]
    assert blocks[0].indent == 2 and blocks[5].indent == 6
    assert [b.line for b in blocks] == [0, 1, 2, 3, 4, 5]


def test_segment_drops_empty_bullets_and_collapses_whitespace() -> None:
    blocks = ts.segment("        * \n        *\n   Two   spaced\u00a0words  \n\n")
    assert [b.text for b in blocks] == ["Two spaced words"]


def test_segment_keeps_dashes_and_numbers_that_are_prose() -> None:
    blocks = ts.segment("2019 was a record year for the company.\n—Reporting by Jane Doe\n")
    assert blocks[0].text == "2019 was a record year for the company." and not blocks[0].bullet
    assert blocks[1].text == "—Reporting by Jane Doe" and not blocks[1].bullet


def wrap(paragraph: str, width: int, indent: int) -> list[str]:
    import textwrap

    return textwrap.wrap(paragraph, width, initial_indent=" " * indent, subsequent_indent=" " * indent)


def wrapped_story(middle: list[str], width: int, indent: int) -> list[str]:
    """A hard-wrapped dump's lines: a headline, two paragraphs wrapped at ``width`` with ``indent``,
    the ``middle`` lines as one run, and the last two paragraphs."""
    lines = [" " * indent + "Tram network to grow", ""]
    for paragraph in PARAGRAPHS[:2]:
        lines += wrap(paragraph, width, indent) + [""]
    lines += [*middle, ""]
    for paragraph in PARAGRAPHS[2:]:
        lines += wrap(paragraph, width, indent) + [""]
    return lines


def test_a_stamp_under_a_byline_in_a_narrow_dump_stays_a_line_of_its_own() -> None:
    """A byline and the stamp under it, a run of two short lines in a dump wrapped at 60 columns:
    the stamp's first word does not fit in the byline's run, but would have fitted at the page's
    width, so the renderer did not wrap the byline into it."""
    lines = wrapped_story(["   By Jane Roe, Transport Writer", "   November 20, 2025 at 10:20 a.m. EST"], 60, 3)
    texts = [b.text for b in ts.segment("\n".join(lines))]
    assert "By Jane Roe, Transport Writer" in texts and "November 20, 2025 at 10:20 a.m. EST" in texts


def test_a_full_stamp_ending_on_its_zone_is_not_continued_by_the_next_line() -> None:
    """A byline bar's stamp that fills its line to its time's zone is whole, though the share bar's
    first word under it would not have fitted."""
    stamp = "Rohan Rao | Published: 12th December 2025 04:32 PM IST"
    share = "Follow us on Google News | Facebook Twitter WhatsApp Email"
    texts = [b.text for b in ts.segment("\n".join(wrapped_story([stamp, share], 60, 0)))]
    assert stamp in texts and share in texts
    # ... and so is one that a byline closes, over the lede's first line.
    stamp = "Monday November 18, 2025 7:45 am PST by Jane Roe-Kessel"
    lede = "Following the new depot, the council plans to extend the tram"
    texts = [b.text for b in ts.segment("\n".join(wrapped_story([stamp, lede], 60, 0)))]
    assert stamp in texts and lede in texts


def test_an_agency_alone_on_its_line_does_not_continue_a_full_line_above() -> None:
    """A caption that filled its line, then the page's agency line ("AP"): a renderer that wraps
    broke no sentence there (a wrapped sentence ends on its full stop), so the two stay apart."""
    caption = "   Donald Trump at a rally in Atlantic City in a file photo. | File Photo: Reuters"
    lines = wrapped_story([caption, "   AP", "   5 min read Last Updated : Jul 7 2016 | 3:07 AM IST"], 80, 3)
    assert max(map(len, lines)) - len(caption) <= 3  # (the caption fills its line)
    texts = [b.text for b in ts.segment("\n".join(lines))]
    assert caption.strip() in texts and "AP" in texts
    assert texts[-2:] == PARAGRAPHS[2:]


def test_an_agency_alone_on_its_line_is_not_continued_by_the_line_under_it() -> None:
    """The byline's agency line ("Associated Press") and AP's slug under it, in a run of short
    lines whose longest is the slug: the slug's first word does not fit after the agency in that
    run, but the agency's line is an element of its own, no wrapped paragraph's first line."""
    slug = "BC-EU--Britain-Brexit-Election, 1st Ld-Writethru"
    lines = wrapped_story(["By Jane Roe and Tom Poe", "Associated Press", slug], 80, 0)
    texts = [b.text for b in ts.segment("\n".join(lines))]
    assert "Associated Press" in texts and slug in texts

def test_segment_joins_hard_wrapped_paragraphs_lynx_style() -> None:
    lines = ["     * Home", "     * World", ""]
    for paragraph in PARAGRAPHS:
        lines += wrap(paragraph, 76, 3) + [""]
    blocks = ts.segment("\n".join(lines))
    assert [b.text for b in blocks] == ["Home", "World", *PARAGRAPHS]


def test_segment_joins_wrapped_paragraphs_without_blank_lines_between() -> None:
    # w3m-like: no indentation, and one renderer puts no blank line between paragraphs.
    lines: list[str] = []
    for paragraph in PARAGRAPHS:
        lines += wrap(paragraph, 79, 0)
    lines += ["", "Share this article", "Related"]
    texts = [b.text for b in ts.segment("\n".join(lines))]
    # A paragraph boundary is invisible when the last line happens to be full, so count the words.
    assert " ".join(texts[:-2]) == " ".join(PARAGRAPHS)
    assert texts[-2:] == ["Share this article", "Related"]


def test_segment_joins_paragraphs_whose_first_line_alone_is_indented() -> None:
    # Plain text's paragraph style, and what fold or fmt make of an indented dump: the first line
    # indented, the rest flush left. A list item or a quote flush left under one stays apart.
    import textwrap

    lines = ["     * Home", "     * World", ""]
    for paragraph in PARAGRAPHS:
        first, *rest = textwrap.wrap("      " + paragraph, 78)
        lines += [first, *rest, ""]
    lines += ["      " + "Readers asked where the new line will run and when the first trams will carry" , "- A map of the route",
              "> Quoted from the council's plan"]
    texts = [b.text for b in ts.segment("\n".join(lines))]
    assert texts[:2 + len(PARAGRAPHS)] == ["Home", "World", *PARAGRAPHS]
    assert texts[-3:] == ["Readers asked where the new line will run and when the first trams will carry",
                          "A map of the route", "Quoted from the council's plan"]


def test_segment_joins_paragraphs_set_with_a_hanging_indent_but_not_nested_menus() -> None:
    # "fmt -t" and some renderers: each paragraph's first line flush with the block, the rest a
    # little deeper. A nested menu's items are indented deeper too, but none fills the page's width;
    # nor does a form field's line continue a paragraph.
    import textwrap

    lines = ["   * News", "       + World", "       + Business", ""]
    for paragraph in PARAGRAPHS:
        first, *rest = textwrap.wrap(paragraph, 78)
        lines += [first, *("    " + line for line in rest), ""]
    held = textwrap.wrap(PARAGRAPHS[0], 78)[0]
    lines += [held, "    ______________________________", ""]
    texts = [b.text for b in ts.segment("\n".join(lines))]
    assert texts[:3] == ["News", "World", "Business"]
    assert texts[3:3 + len(PARAGRAPHS)] == PARAGRAPHS
    assert texts[-2:] == [held, "______________________________"]


def centre(paragraph: str, width: int) -> list[str]:
    """A paragraph wrapped and centred in ``width`` columns, as elinks and links draw text-align: center."""
    import textwrap

    return [" " * ((width - len(line)) // 2) + line for line in textwrap.wrap(paragraph, width - 6)]


def test_segment_joins_centred_wrapped_paragraphs() -> None:
    # Each line of a centred paragraph starts where its length puts it; a short title centred on
    # its own line stays a block of its own.
    lines = ["   Home | World | Sport", "", *centre("Tram network to grow", 80), ""]
    lines += wrap(PARAGRAPHS[0], 76, 3) + [""]
    for paragraph in PARAGRAPHS[1:3]:
        lines += centre(paragraph, 80) + [""]
    lines += centre("Photo gallery", 80) + centre("Twelve pictures of the new route", 80)
    texts = [b.text for b in ts.segment("\n".join(lines))]
    assert texts[1:] == ["Tram network to grow", *PARAGRAPHS[:3], "Photo gallery", "Twelve pictures of the new route"]


def test_segment_does_not_join_short_menu_lines_in_a_wrapped_dump() -> None:
    lines: list[str] = []
    for paragraph in PARAGRAPHS:
        lines += wrap(paragraph, 72, 0) + [""]
    lines += ["Home", "News", "Sport", "Weather"]
    texts = [b.text for b in ts.segment("\n".join(lines))]
    assert texts[-4:] == ["Home", "News", "Sport", "Weather"]


def test_segment_joins_a_line_broken_early_before_words_held_by_no_break_spaces() -> None:
    # "30\xa0staff\xa0vacancies": lynx keeps the three together and breaks before them, though
    # "staff" alone would have fitted; the dump writes the no-break spaces as plain ones.
    held = "At the time of the review, there were more than 30 staff vacancies at the prison,"
    lines = wrap(PARAGRAPHS[0], 76, 3) + [""]
    lines += ["   At the time of the review, there were more than 30",
              "   staff vacancies at the prison, said the local president of the union.", ""]
    lines += wrap(PARAGRAPHS[1], 76, 3) + ["", "   Home", "   news and sport"]
    texts = [b.text for b in ts.segment("\n".join(lines))]
    assert texts == [PARAGRAPHS[0], held + " said the local president of the union.", PARAGRAPHS[1],
                     "Home", "news and sport"]


def test_segment_joins_wrapped_cjk_without_inserting_spaces() -> None:
    sentence = "東京都は二十日、新しい交通計画を発表した。" * 6
    lines = [sentence[i : i + 38] for i in range(0, len(sentence), 38)]
    filler = [p[:70] for p in PARAGRAPHS]  # enough full-width lines to reveal the wrap column
    dump = "\n".join(lines) + "\n\n" + "\n\n".join(filler)
    assert wrap_width_of(dump) > 0
    assert ts.segment(dump)[0].text == sentence


def test_segment_joins_cjk_wrapped_by_characters_but_not_whole_paragraphs() -> None:
    """lynx breaks CJK text after so many characters (w3m after so many columns); whole
    paragraphs of similar length, one per line, are no wrapping."""
    # Latin words make the display width of a line vary while its length in characters does not.
    sentences = ["東京都は二十日、新しい交通計画を発表した。", "計画では、路線を十二キロ延ばす。",
                 "工事は来年の春に始まる予定だという。", "住民への説明会の資料はPDFで公開される。"]
    paragraphs = ["".join(sentences[k:] + sentences[:k]) * 2 for k in range(4)]
    lines = []
    for paragraph in paragraphs:
        lines += ["   " + paragraph[i : i + 35] for i in range(0, len(paragraph), 35)] + [""]
    texts = [b.text for b in ts.segment("\n".join(lines))]
    assert texts == paragraphs
    whole = [p[: 30 + k] + "。" for k, p in enumerate(paragraphs)] * 2
    assert [b.text for b in ts.segment("\n".join(whole))] == whole


def wrap_width_of(dump: str) -> int:
    return ts.wrap_width(ts._columns(line.rstrip()) for line in dump.splitlines() if line.strip())


def test_segment_drops_image_name_stubs_of_terminal_renderers() -> None:
    content = "[blank_1x1]\n   [wAAACH5BAE]\nThe council met on Tuesday.\n[Submit form]\n"
    assert [b.text for b in ts.segment(content)] == ["The council met on Tuesday.", "[Submit form]"]


def test_segment_drops_the_empty_brackets_of_a_picture_without_alt_text() -> None:
    content = "The council met on Tuesday.\n\n[]\n\nIt voted to raise bus fares.\n  []  \n"
    assert [b.text for b in ts.segment(content)] == ["The council met on Tuesday.", "It voted to raise bus fares."]


def test_segment_reads_a_grid_table_row_by_row() -> None:
    dump = (
        "Below are the snap counts for the defence.\n\n"
        "+-----+----------------+-------+------------------------+\n"
        "| Pos | Player         | Plays | Stats                  |\n"
        "+=====+================+=======+========================+\n"
        "| DL  | Larry Ogunjobi | 63    | 1 tackle (1 combined). |\n"
        "|     |                |       | 1 sack, 2 QH.          |\n"
        "+-----+----------------+-------+------------------------+\n"
        "| LB  | Joe Schobert   | 71    | 9 tackles.             |\n"
        "+-----+----------------+-------+------------------------+\n\n"
        "The linebackers had their best game of the season.\n"
    )
    assert [b.text for b in ts.segment(dump)] == [
        "Below are the snap counts for the defence.",
        "Pos Player Plays Stats",
        "DL Larry Ogunjobi 63 1 tackle (1 combined). 1 sack, 2 QH.",
        "LB Joe Schobert 71 9 tackles.",
        "The linebackers had their best game of the season.",
    ]


def grid_table(rows: list[tuple[str, str, str]]) -> list[str]:
    """A grid table as pandoc draws one, its last cell wrapped at 24 columns."""
    border = "+-----+------------------+--------------------------+"
    lines = [border]
    for pos, player, stats in rows:
        for k, piece in enumerate(wrap(stats, 24, 0)):
            lines.append(f"| {pos if not k else '':3} | {player if not k else '':16} | {piece:24} |")
        lines.append(border)
    return lines


def test_segment_finds_the_wrap_of_prose_beside_a_grid_table_with_long_rows() -> None:
    """pandoc wraps prose at 72 columns and a grid table's cells within its columns; a row read
    as one line may run past 72, and a few such rows do not make a ceiling of their own."""
    stats = ["4 tackles, 1 assist (5 combined). 1 sack, 1 QH, 1 INT, 1 pass defended, 1 FF.",
             "7 tackles, 3 assists (10 combined). 1 sack, 2 TFL, 2 QH, 2 INT, 4 passes defended.",
             "3 tackles, 2 assists (5 combined). 1 TFL, 1 INT, 2 passes defended.",
             "3 tackles (3 combined). 1 sack, 1 TFL, 1 QH, 1 pass defended.",
             "2 tackles, 1 assist (3 combined). 1 QH, 1 pass defended, 1 FF.",
             "1 tackle, 4 assists (5 combined). 1 pass defended, 2 QH."]
    table = grid_table([("LB", f"Player Number {k}", text) for k, text in enumerate(stats)])
    note = ("Below, we analyse the snap counts and stats on defence for the Cleveland Browns in their "
            "Week 11 game against the Pittsburgh Steelers.")
    lines = [line for paragraph in [note, *PARAGRAPHS] for line in wrap(paragraph, 72, 0) + [""]]
    texts = [b.text for b in ts.segment("\n".join(lines + table))]
    assert texts == [note, *PARAGRAPHS] + [f"LB Player Number {k} {text}" for k, text in enumerate(stats)]


def test_segment_reads_a_simple_table_row_by_row_beside_wrapped_prose() -> None:
    """pandoc draws a table without borders as a rule of dash groups under the header and the
    rows under it, as wide as the table; the prose around it is wrapped at 72 columns, and the
    wider rows neither set the wrap nor join each other."""
    stats = ["1 tackle (1 combined). 1 sack, 1 TFL, 2 QH.", "1 tackle (1 combined). 3 QH.",
             "3 tackles (3 combined). 1 sack, 1 TFL, 1 QH, 1 pass defended.", "No stats registered.",
             "2 tackles, 1 assist (3 combined). 1 QH.", "1 assist (1 combined). 1 QH."]
    table = (["  Pos   Player                    Plays   %     Stats",
              "  ----- ------------------------- ------- ----- " + "-" * 64]
             + [f"  DL    {'Player Number ' + str(k):25} {60 - k:<7} {80 - k}%   {text}" for k, text in enumerate(stats)]
             + [""])
    lines = [line for paragraph in PARAGRAPHS[:2] for line in wrap(paragraph, 72, 0) + [""]]
    after = [line for paragraph in PARAGRAPHS[2:] for line in wrap(paragraph, 72, 0) + [""]]
    texts = [b.text for b in ts.segment("\n".join(lines + table + after))]
    rows = [f"DL Player Number {k} {60 - k} {80 - k}% {text}" for k, text in enumerate(stats)]
    assert texts == [*PARAGRAPHS[:2], "Pos Player Plays % Stats", *rows, *PARAGRAPHS[2:]]


def test_wrap_width_is_zero_for_unwrapped_dumps() -> None:
    dump = "\n".join(PARAGRAPHS + ["Home", "News"] * 5)
    assert wrap_width_of(dump) == 0


def test_wrap_width_is_the_pile_not_a_stray_longer_line() -> None:
    lines = [line for paragraph in PARAGRAPHS * 3 for line in wrap(paragraph, 78, 0) + [""]]
    stray = "A line some renderer left unwrapped because of a word it could not break: supercalifragilistic"
    urls = [f"   {i}. https://www.example.com/news/2026/05/07/a-long-path-for-story-number-{i}" for i in range(10)]
    assert wrap_width_of("\n".join(lines + [stray])) in (77, 78)
    # Link lists of lynx -dump are never wrapped; the wrapped text still is.
    dump = "\n".join(lines + urls)
    assert [b.text for b in ts.segment(dump)][:4] == PARAGRAPHS


def test_segment_unwrapped_link_lists_and_tables_do_not_hide_wrapped_prose() -> None:
    """html2text wraps paragraphs at 78 columns but neither the items of a list of links nor
    table rows; the rows stay one block each."""
    lines = [line for paragraph in PARAGRAPHS * 2 for line in wrap(paragraph, 78, 0) + [""]]
    items = [f"  {i}. Council publishes the timetable for the tram extension, and residents react to the "
             f"plans for the route number {i}" for i in range(1, 9)]
    rows = ["Pos | Player | Plays | % | Stats",
            "DL | Larry Ogunjobi | 63 | 85% | 1 tackle (1 combined). 1 sack, 1 TFL, 2 QH, 1 pass",
            "DL | Myles Garrett | 57 | 77% | 1 tackle (1 combined). 3 QH."]
    texts = [b.text for b in ts.segment("\n".join(lines + [""] + items + [""] + rows))]
    assert texts[:4] == PARAGRAPHS
    assert texts[-3:] == rows


# A page as BeautifulSoup's get_text("\n") draws it: a line break at every element, inline ones
# (links, bold, a byline's name) too.
INLINE_BROKEN_DUMP = """Home
World
Dockers walk out at three ports
By
Ana Ruiz
Dock workers at three ports walked out on Monday after talks with the
Port Authority
broke down, the
union
said.
The strike could last a week, according to
Harbour Board
figures.
“We have waited two years for this offer,” said Lena Ortiz
, the union's regional secretary.
The talks were chaired by Sen.
Carla Whitfield
, who called the deal fair.
Prof. Carlos:
Estou aqui ao lado do Eugênio Tadeu, que já é de casa.
First Published on Nov 20, 2019 01:38 pm
tags #Ports #Strikes
Tags:
iPhone
iPad
Related
o Ports reopen after storm
o Union votes on pay offer
"""


def test_segment_joins_lines_broken_at_inline_elements() -> None:
    texts = [b.text for b in ts.segment(INLINE_BROKEN_DUMP)]
    assert texts[:4] == ["Home", "World", "Dockers walk out at three ports", "By Ana Ruiz"]
    assert ("Dock workers at three ports walked out on Monday after talks with the Port Authority broke down, "
            "the union said.") in texts
    assert "The strike could last a week, according to Harbour Board figures." in texts
    assert "“We have waited two years for this offer,” said Lena Ortiz, the union's regional secretary." in texts
    assert "The talks were chaired by Sen. Carla Whitfield, who called the deal fair." in texts
    assert "Prof. Carlos: Estou aqui ao lado do Eugênio Tadeu, que já é de casa." in texts
    # A time stamp, a label over one-word items, names in lower case ("iPhone"), list items: no
    # sentence goes on. (Two "o" items are too few to call lynx-style list markers: they stay in the text.)
    assert texts[-8:-6] == ["First Published on Nov 20, 2019 01:38 pm", "tags #Ports #Strikes"]
    assert texts[-6:] == ["Tags:", "iPhone", "iPad", "Related", "o Ports reopen after storm", "o Union votes on pay offer"]


# BeautifulSoup's get_text("\n") without strip=True keeps the spaces around inline elements: a
# text node's trailing or leading space, or a lone " " line between two links.
SOUP_SEAMS_DUMP = ("Home\nMarkets\n\n\nAsian stocks mixed as trade talks stall\n\n\n"
                   "Japan's \nNikkei 225\n \n(\nN225\n)\n declined 0.3%, while South Korea's \nKospi Index\n \n(\nKOSPI\n)\n"
                   " fell 0.5%.\n\n\nShipping stocks led the losses. Since \nMara Lee\n took over as chief executive, \n"
                   "Harbour Lines\n has cut its fleet by a third.\n\n\nAnalysts at \nOanda\n said the mood would stay cautious.\n\n\n")


def test_segment_joins_lines_at_the_spaces_soup_keeps_around_inline_elements() -> None:
    texts = [b.text for b in ts.segment(SOUP_SEAMS_DUMP + "\n".join(PARAGRAPHS))]
    assert texts[:6] == [
        "Home", "Markets", "Asian stocks mixed as trade talks stall",
        "Japan's Nikkei 225 (N225) declined 0.3%, while South Korea's Kospi Index (KOSPI) fell 0.5%.",
        "Shipping stocks led the losses. Since Mara Lee took over as chief executive, Harbour Lines has cut its fleet by a third.",
        "Analysts at Oanda said the mood would stay cautious."]


# The same page drawn with get_text("\n", strip=True): no spaces left to tell an inline break.
SOUP_STRIPPED_DUMP = ("Home\nMarkets\nAsian stocks mixed as trade talks stall\nJapan's\nNikkei 225\n(\nN225\n)\n"
                      "declined 0.3%, while South Korea's\nKospi Index\n(\nKOSPI\n)\nfell 0.5%.\n"
                      "Shipping stocks led the losses. Since\nMara Lee\ntook over as chief executive,\nHarbour Lines\n"
                      "has cut its fleet by a third.\n")


def test_segment_joins_an_aside_in_brackets_and_a_sentence_opening_word_to_their_sentence() -> None:
    texts = [b.text for b in ts.segment(SOUP_STRIPPED_DUMP + "\n".join(PARAGRAPHS))]
    assert "Nikkei 225 (N225) declined 0.3%, while South Korea's" in texts
    assert "Kospi Index (KOSPI) fell 0.5%." in texts
    assert "Shipping stocks led the losses. Since Mara Lee took over as chief executive, Harbour Lines has cut its fleet by a third." in texts
    # A wrapped line that opens with a long aside is no inline element's.
    dump = "Home\nnews\nWorld\nBusiness\nHe misses one tackle in every 22 attempts\n(the 15th best rate in the league) and ranks in the top 20.\n"
    assert "He misses one tackle in every 22 attempts" in [b.text for b in ts.segment(dump + "\n".join(PARAGRAPHS))]


# A wire story's dateline is often its own element ("<strong>ST. JOSEPH, Mich. (AP)</strong> — ..."):
# the dash that follows it opens the next text node, as a list marker would open a line.
def test_segment_joins_a_dash_that_goes_on_from_a_dateline_and_keeps_it() -> None:
    seams = ("Home\nHealth\n\n\nSixth death linked to mosquito-borne virus\n\n\n"
             "WESTBROOK, Ore. (AP)\n — State health officials on Monday reported a sixth death from the virus.\n\n\n"
             "Now the county has put out another statement\n - directly to the schools in the valley.\n\n\n"
             "05/10/2026\n - Posted by: Ana Ruiz - Section: \nHealth\n\n\n")
    # (Behind a soup-drawn page's top: a dump is joined only where it breaks lines at inline elements.)
    texts = [b.text for b in ts.segment(SOUP_SEAMS_DUMP + seams + "\n".join(PARAGRAPHS))]
    assert "WESTBROOK, Ore. (AP) — State health officials on Monday reported a sixth death from the virus." in texts
    assert "Now the county has put out another statement - directly to the schools in the valley." in texts
    # A label awaiting its value is no sentence going on.
    assert "05/10/2026" in texts
    # Trimmed lines (strip=True) keep no seam: a long dashed paragraph under a short line goes on
    # from it; a dashed signature under a quote does not.
    stripped = ("Home\nHealth\nSixth death linked to mosquito-borne virus\nWESTBROOK\n"
                "– State health officials on Monday reported a sixth death from the virus.\n"
                "“We have waited two years for this,” he wrote.\n— Lena Ortiz (@lortiz)\n")
    texts = [b.text for b in ts.segment(SOUP_STRIPPED_DUMP + stripped + "\n".join(PARAGRAPHS))]
    assert "WESTBROOK – State health officials on Monday reported a sixth death from the virus." in texts
    assert "Lena Ortiz (@lortiz)" in texts


def test_soup_seams_do_not_join_a_byline_or_a_stamp_to_the_headline() -> None:
    """Each its own element, with the spaces of the page's source around it: the headline, a
    byline's "by" and name, the date stamp, and the headline after a stamp stay apart, while a
    stamp's own pieces and a sentence's "by" and dates still join."""
    top = ("Hiking the Boulder Flat Irons\n \nby \nRegan\n \nSeptember 15, 2014\n \n\n\n"
           "Wednesday 20 November 2019 9:22 am\n Alibaba to raise up to $12.9bn in landmark Hong Kong listing\n\n\n"
           "By Justine Coleman - \n11/18/19 11:04 PM EST\n\n\nMon 18 Nov 2019 \n18.54 GMT\n\n\n"
           "The doctors noted overcrowded conditions at detention facilities \nby the inspector general\n.\n\n\n")
    texts = [b.text for b in ts.segment(SOUP_SEAMS_DUMP + top + "\n".join(PARAGRAPHS))]
    assert "Hiking the Boulder Flat Irons" in texts
    assert "by Regan" in texts
    assert "September 15, 2014" in texts
    assert "Wednesday 20 November 2019 9:22 am" in texts
    assert "Alibaba to raise up to $12.9bn in landmark Hong Kong listing" in texts
    assert "By Justine Coleman - 11/18/19 11:04 PM EST" in texts
    assert "Mon 18 Nov 2019 18.54 GMT" in texts
    assert "The doctors noted overcrowded conditions at detention facilities by the inspector general." in texts


def test_joined_lines_keep_their_first_line_and_headline_dek_and_byline_stay_apart() -> None:
    dump = ("Ferry service to resume in June, council says\n"
            "Repairs to the pier are nearly finished.\n"
            "by Dana Orel\n\n"
            "The council said on\nFriday\nthat the ferry to the\nislands\nwill resume in\nJune\n"
            ", after repairs to the storm-damaged pier at\nCarrow Point\nran two months late.\n"
            + "\n".join(PARAGRAPHS) + "\n")
    blocks = ts.segment(dump)
    assert [(b.text, b.line) for b in blocks] == [
        ("Ferry service to resume in June, council says", 0),
        ("Repairs to the pier are nearly finished.", 1),
        ("by Dana Orel", 2),
        ("The council said on Friday that the ferry to the islands will resume in June, after repairs to the "
         "storm-damaged pier at Carrow Point ran two months late.", 4)] + [(p, k) for k, p in enumerate(PARAGRAPHS, 13)]


def test_a_long_run_of_broken_lines_joins_into_one_block() -> None:
    # (Pieces are joined once the block is complete: a run of 200,000 lines is one join, not
    # 200,000 ever longer copies.)
    blocks = ts.segment("\n".join(["the"] * 200_000))
    assert len(blocks) == 1 and blocks[0].text == " ".join(["the"] * 200_000)


def test_a_dump_with_only_a_stray_line_going_on_is_left_as_drawn() -> None:
    dump = "Home\nnews\nWorld\nBusiness\n" + "\n".join(PARAGRAPHS) + "\n"
    assert [b.text for b in ts.segment(dump)][:4] == ["Home", "news", "World", "Business"]


def test_markdown_link_text_may_hold_brackets() -> None:
    links = "\n".join(f"* [Lottery winner number {k} reveals first purchase [REVEAL]](/news/uk/{k}/winner)" for k in range(6))
    texts = [b.text for b in ts.segment(links + "\n\n" + "\n\n".join(PARAGRAPHS))]
    assert texts[:6] == [f"Lottery winner number {k} reveals first purchase [REVEAL]" for k in range(6)]


def test_segment_strips_markdown_markup() -> None:
    dump = "\n\n".join([
        "## Tram network to grow", "### By Jane Doe", "#### Related", f"**{PARAGRAPHS[0][:40]}**{PARAGRAPHS[0][40:]}",
        "> " + PARAGRAPHS[1][:70] + "\n> " + PARAGRAPHS[1][71:], "2\\. Take _inventory_ of snake_case names",
    ])
    texts = [b.text for b in ts.segment(dump)]
    assert texts[:3] == ["Tram network to grow", "By Jane Doe", "Related"]
    assert texts[3] == PARAGRAPHS[0]
    # (A quote's lines are one paragraph, as Markdown's are.)
    assert texts[4] == f"{PARAGRAPHS[1][:70].strip()} {PARAGRAPHS[1][71:]}" and not any(t.startswith(">") for t in texts)
    assert texts[-1].endswith("Take inventory of snake_case names")



def test_segment_strips_italics_from_markdown_without_links_or_headings() -> None:
    # html2text without links: its italics are the only Markdown the dump shows. Names in
    # snake_case are left as they are; a single italic goes too ("(_Reuters_) — ...").
    italics = [f"_{PARAGRAPHS[0][:16]}_{PARAGRAPHS[0][16:]}", f"{PARAGRAPHS[1][:10]} _said_ {PARAGRAPHS[1][16:]}",
               f"The _Carrow Herald_ reported it first, as did the _Morning Post_."]
    texts = [b.text for b in ts.segment("\n\n".join(["Tram network to grow", *italics, PARAGRAPHS[2]]))]
    assert texts == ["Tram network to grow", PARAGRAPHS[0], PARAGRAPHS[1],
                     "The Carrow Herald reported it first, as did the Morning Post.", PARAGRAPHS[2]]
    plain = ["Tram network to grow", "Run make_release to build it, the _only_ step.", PARAGRAPHS[2]]
    assert [b.text for b in ts.segment("\n\n".join(plain))] == [
        "Tram network to grow", "Run make_release to build it, the only step.", PARAGRAPHS[2]]
    dateline = ["Tram network to grow", "## More", f"(_Reuters_) — {PARAGRAPHS[0]}", "Run make_release to build it."]
    assert [b.text for b in ts.segment("\n\n".join(dateline))] == [
        "Tram network to grow", "## More", f"(Reuters) — {PARAGRAPHS[0]}", "Run make_release to build it."]

def test_segment_keeps_the_underscores_a_markdown_writer_escaped() -> None:
    # markdownify and html2text escape an underscore of the text ("@Site\\_News", a rule of
    # underscores "\\_\\_\\_"): it is no emphasis mark, and the backslash is no text.
    dump = "\n\n".join(["## World", "## Science", "## Space",
                         "Follow [@City\\_Desk](https://example.com/a) for _more_ news, \\_not italic\\_.",
                         "\\_\\_\\_", PARAGRAPHS[0]])
    texts = [b.text for b in ts.segment(dump)]
    assert texts[3:] == ["Follow @City_Desk for more news, _not italic_.", "___", PARAGRAPHS[0]]


def test_segment_unescapes_a_bar_outside_a_table() -> None:
    """pandoc escapes a bar of the text ("Reuters \\| Thu, 14 Apr 2016"); a table's bars stay its cells' edges."""
    dump = "\n\n".join(["## World", "## Science", "## Space", "Reuters \\| Thu, 14 Apr 2016 15:41:00 +0200",
                         "| Team | Points |\n|------|------|\n| Carrow | 12 |", PARAGRAPHS[0]])
    texts = [b.text for b in ts.segment(dump)]
    assert texts[3:] == ["Reuters | Thu, 14 Apr 2016 15:41:00 +0200", "Team Points", "Carrow 12", PARAGRAPHS[0]]


def test_segment_strips_nested_emphasis_list_headings_and_italics_across_lines() -> None:
    dump = "\n\n".join([
        "## World", "## Science", "## Space", "**Related:**_**Water plumes on Europa in images**_",
        "  * ####  Probe to fly past Jupiter's icy moon in 2030",
        "_Her book about the search for life, \"Out There\" (Grand\nCentral, 2018), is out now. Follow her on Twitter_",
        "Fill in the blank: ___",
    ])
    texts = [b.text for b in ts.segment(dump)]
    assert texts[3] == "Related:Water plumes on Europa in images"
    assert texts[4] == "Probe to fly past Jupiter's icy moon in 2030"
    assert texts[5].startswith("Her book") and texts[5].endswith("Follow her on Twitter")
    assert texts[6] == "Fill in the blank: ___"


def _wrap_markdown(paragraphs: list[str], width: int = 78) -> str:
    """Markdown as html2text writes it: paragraphs wrapped at ``width``, a blank line between."""
    import textwrap

    return "\n\n".join("\n".join(textwrap.wrap(p, width, break_long_words=False, break_on_hyphens=True))
                       for p in paragraphs)


def test_segment_reads_link_text_and_drops_images_and_targets() -> None:
    dump = "\n".join([
        "  * [Home](https://example.com/ \"Home\")",
        "  * [World](https://example.com/world/)",
        "[![](https://example.com/img/blank_1x1.gif)](https://example.com/promo/)",
        "![Trams at the depot](https://example.com/img/trams.jpg)",
        "[**Tram line to reach hospital** _Work starts next spring._](https://example.com/2026/11/tram \"Tram line\")",
        "The council [voted on Tuesday](https://example.com/votes/(2026)) to build it.",
        "See [the plan](https://example.com/plan) and [the map](https://example.com/map).",
    ])
    texts = [b.text for b in ts.segment(dump)]
    assert texts == ["Home", "World", "Tram line to reach hospital Work starts next spring.",
                     "The council voted on Tuesday to build it.", "See the plan and the map."]
    assert not any("http" in t or "](" in t for t in texts)


def test_segment_joins_wrapped_markdown_paragraphs_at_blank_lines() -> None:
    # A link target wraps too (html2text breaks it after a hyphen), and taking it out leaves the
    # wrapped lines ragged: the blank line, not the line width, ends a paragraph.
    def link(paragraph: str) -> str:
        words = paragraph.split(" ")
        words[4] = f"[{words[4]}](https://example.com/2026/11/city-council-votes-to-expand-the-tram-network/ \"Tram\")"
        return " ".join(words)

    linked = [link(p) for p in PARAGRAPHS]
    items = ["  * [Council approves budget for new bus depot in the north](https://example.com/a-long-url-for-the-bus-depot-story/)",
             "  * [Mayor opens consultation on the route](https://example.com/consultation/)"]
    dump = "## Tram network to grow\n\n" + _wrap_markdown(linked) + "\n\n" + "\n".join(items) + "\n\n" \
        + "| Stop | Opens |\n|---|---|\n| University | 2027 |"
    texts = [b.text for b in ts.segment(dump)]
    assert texts[0] == "Tram network to grow"
    assert texts[1 : 1 + len(PARAGRAPHS)] == PARAGRAPHS
    rest = texts[1 + len(PARAGRAPHS) :]
    assert rest[:2] == ["Council approves budget for new bus depot in the north", "Mayor opens consultation on the route"]
    # A table shows its cells, a row at a time; its rule under the header shows nothing.
    assert rest[2:] == ["Stop Opens", "University 2027"]


def test_segment_keeps_unwrapped_markdown_one_block_a_line() -> None:
    dump = "\n\n".join(["# [Tram network to grow](https://example.com/tram)"]
                        + [f"{p} [Read more](https://example.com/more/{k})" for k, p in enumerate(PARAGRAPHS)])
    texts = [b.text for b in ts.segment(dump)]
    assert texts == ["Tram network to grow"] + [f"{p} Read more" for p in PARAGRAPHS]


def test_segment_joins_the_source_line_breaks_an_unwrapped_markdown_writer_copies() -> None:
    # markdownify copies the line breaks of the page's source text: a teaser card's summary
    # under its headline's link (indented under the list item), a paragraph broken where the
    # page's author broke it. Markdown's rule, a blank line ends a paragraph, joins them back.
    teasers = ["Port strike ends after pay deal", "Ferry fares to rise in spring", "Museum reopens after refit",
               "Council approves new cycle lanes"]
    summaries = ["DOCKS: Dock workers voted on Friday to end a nine-day strike after a pay offer...",
                 "ISLANDS: The ferry company said fares would rise by six percent from April...",
                 "ARTS: The city museum reopened its doors on Saturday after a two-year refit...",
                 "CITY: The council voted to build six kilometres of protected cycle lanes..."]
    cards = "\n".join(f"* [{t}](https://example.com/{k})\n  {s}" for k, (t, s) in enumerate(zip(teasers, summaries)))
    first, second = PARAGRAPHS[0].split(", the largest")
    dump = (f"**Latest News**\n\n{cards}\n\n## [Tram network to grow](https://example.com/tram)\n\n"
            f"{first},\nthe largest{second}\n\n" + "\n\n".join(PARAGRAPHS[1:]))
    texts = [b.text for b in ts.segment(dump)]
    assert texts == ["Latest News"] + [f"{t} {s}" for t, s in zip(teasers, summaries)] + ["Tram network to grow"] + PARAGRAPHS
    # Links alone make no Markdown writer's dump (inscriptis draws them so too): one block a line.
    links = "\n".join([f"[{t}](https://example.com/{k})" for k, t in enumerate(["Home"] + teasers)] + PARAGRAPHS)
    assert [b.text for b in ts.segment(links)] == ["Home"] + teasers + PARAGRAPHS


@pytest.mark.parametrize("heading", ["Visible links:", "Visible links"])  # lynx, elinks
def test_segment_drops_link_numbers_and_the_list_of_references(heading: str) -> None:
    body = "\n\n".join(f"   {p[:60]}[{k + 3}]{p[60:]}" for k, p in enumerate(PARAGRAPHS))
    dump = ("   * [1]Home\n   * [2]World\n\n" + body + f"\n\nReferences\n\n   {heading}\n"
            + "\n".join(f"   {k}. https://example.com/{k}" for k in range(1, 8))
            + "\n\n   Hidden links:\n   8. https://example.com/hidden\n")
    texts = [b.text for b in ts.segment(dump)]
    assert texts == ["Home", "World"] + PARAGRAPHS


def test_segment_joins_wrapped_lines_whose_link_numbers_took_room() -> None:
    # lynx and elinks wrap with the link numbers in: without them, a line of links looks short
    # enough to have held the next word, and would end its paragraph.
    lines: list[str] = []
    for k, paragraph in enumerate(PARAGRAPHS):
        words = paragraph.split()
        linked = " ".join(f"[{100 * k + i}]{w}" if 12 <= i < 22 else w for i, w in enumerate(words))
        lines += wrap(linked, 76, 3) + [""]
    texts = [b.text for b in ts.segment("\n".join(lines))]
    assert texts == PARAGRAPHS


def test_segment_keeps_a_references_section_that_is_not_a_list_of_links() -> None:
    notes = "References\n\nSmith, J. (2024). Trams and the city. Urban Press."
    dump = "\n".join(f"[{k}]Link {k}" for k in range(1, 7)) + "\n" + PARAGRAPHS[0] + "\n" + notes
    texts = [b.text for b in ts.segment(dump)]
    assert texts[-2:] == ["References", "Smith, J. (2024). Trams and the city. Urban Press."]


def test_segment_reads_broken_markdown_links_as_text() -> None:
    # Unclosed targets, long runs of blanks: nothing to strip, and (the patterns being bounded or
    # possessive) nothing for the regex engine to backtrack over either.
    links = " ".join(f"[Link {k}](https://example.com/{k})" for k in range(5))
    broken = "".join("[t](" + " " * 300 + "\n" for _ in range(1000))
    texts = [b.text for b in ts.segment(links + "\n" + broken + PARAGRAPHS[0])]
    assert texts[0] == "Link 0 Link 1 Link 2 Link 3 Link 4"
    assert texts[-1] == PARAGRAPHS[0] and texts[1].startswith("[t](")


def test_a_flush_left_hash_is_a_heading_that_wraps_flush_left() -> None:
    # html2text wraps a long "# " heading like a paragraph; lynx's "#" items are indented.
    heading = "# Dear Abby: Husband springs for business class flight to India, but leaves\nwife in economy seat"
    dump = heading + "\n\n" + _wrap_markdown(PARAGRAPHS) + "\n\n         # Fourth-level item\n"
    blocks = ts.segment(dump)
    assert (blocks[0].text, blocks[0].bullet) == (
        "Dear Abby: Husband springs for business class flight to India, but leaves wife in economy seat", False)
    assert (blocks[-1].text, blocks[-1].bullet) == ("Fourth-level item", True)


def test_segment_leaves_a_lone_hash_and_stars_in_plain_dumps_alone() -> None:
    dump = "# World\n# Business\nThe rate rose to 5** according to the bank, a footnote said."
    texts = [b.text for b in ts.segment(dump)]
    assert texts[-1] == "The rate rose to 5** according to the bank, a footnote said."


def test_segment_splits_inline_promo_keeping_its_wording() -> None:
    text = "Putin discussed the conflict with business leaders.  ALSO READ: Oil prices slip as talks stall"
    blocks = ts.segment(text + "\nNext paragraph here.")
    assert [b.text for b in blocks] == [
        "Putin discussed the conflict with business leaders.",
        "ALSO READ: Oil prices slip as talks stall",
        "Next paragraph here.",
    ]
    assert blocks[0].line == blocks[1].line == 0


@pytest.mark.parametrize("lead", ["Also read", "Read also", "LEIA TAMBÉM", "Leggi anche", "Baca juga", "Читайте также"])
def test_segment_splits_an_inline_promo_whatever_its_lead(lead: str) -> None:
    # (The gates in front of the split, searches for a lead and its separator, must let every
    # lead of cues.INLINE_PROMO through, in a dump even where a renderer wrapped its words.)
    text = f"The council approved the budget on Tuesday night. {lead}: Mayor delays the metro works"
    assert [b.text for b in ts.segment(text)] == [
        "The council approved the budget on Tuesday night.", f"{lead}: Mayor delays the metro works"]


    assert ts._has_promo_cue(f"the budget on Tuesday\n   night. {lead.replace(' ', chr(10) + '   ')}: Mayor delays")


def test_segment_leaves_prose_mentioning_reading_alone() -> None:
    text = "Analysts said you can also read the report online, and many did."
    assert [b.text for b in ts.segment(text)] == [text]


def test_segment_keeps_dash_items_apart_in_a_wrapped_dump() -> None:
    text = ("Intro line of a page that wraps its text at a fixed width of seventy-six columns\n"
            "- First item of a list that runs long enough to fill the line to the margin\n"
            "- Second item of the list")
    assert [b.text for b in ts.segment(text)][-2:] == [
        "First item of a list that runs long enough to fill the line to the margin", "Second item of the list"]


def test_segment_drops_lines_of_undecoded_characters() -> None:
    """A renderer that cannot show a character (a zero-width space in a spacer paragraph) draws
    replacement characters: such a line shows no text and is no block, and it still ends the
    paragraph it interrupts. Replacement characters inside text stay."""
    wrapped = ("   The council approved the plan on Tuesday after a long debate about the\n"
               "   cost of the new tram line.\n"
               "\n"
               "                                       \ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\n"
               "\n"
               "   Work on the first section starts in May and should take two years to\n"
               "   finish, the mayor said.\n"
               "   Caf\ufffd owners near the route fear a drop in trade during the works.\n\n")
    texts = [b.text for b in ts.segment(wrapped * 3)]
    assert texts[:3] == [
        "The council approved the plan on Tuesday after a long debate about the cost of the new tram line.",
        "Work on the first section starts in May and should take two years to finish, the mayor said.",
        "Caf\ufffd owners near the route fear a drop in trade during the works.",
    ]
    assert len(texts) == 9
    flush = "First paragraph of the story.\n\ufffd\ufffd\ufffd\nSecond paragraph of the story.\n"
    assert [b.text for b in ts.segment(flush)] == ["First paragraph of the story.", "Second paragraph of the story."]


def test_segment_drops_a_wrapped_scrap_of_an_encoded_image_name() -> None:
    """lynx prints a lazy-loaded picture's encoded name in brackets, and its wrap splits it:
    no words, whatever the space the join leaves."""
    para = ("   The council voted on Tuesday to expand the tram network by twelve\n"
            "   kilometres, after a debate that ran late into the night, and the\n"
            "   mayor said the first trams would run through the old town in 2027.\n")
    scrap = ("   [jiFgl7LHh4HHIh2kHaft40bMma0O_H0LWr2VeDWJByyKqFFJy7V8yCHic0iVvLx2xOM5No\n"
             "   oGQ_tIvvmaSkMQFeAsobgBtc1ZQjpLBJFcdPL6bnB-tuiDPw5Z76NYiFX85vvFbk2D]\n")
    texts = [b.text for b in ts.segment("\n".join([para, para, scrap, para, para]))]
    assert len(texts) == 4 and not any("[" in t for t in texts)


def test_segment_drops_the_img_marks_of_pictures_without_alt_text() -> None:
    """elinks and links draw "[IMG]" for a picture without alt text, glued to the text beside it;
    it is no part of the text, wrapped or not."""
    para = ("   The council voted on Tuesday to expand the tram network by twelve\n"
            "   kilometres, after a debate that ran late into the night, and the\n"
            "   mayor said the first trams would run through the old town in 2027.\n")
    teasers = "   [IMG]\n\n   [IMG] Council approves the budget\n\n   [IMG][IMG]Mayor opens the bridge\n"
    wrapped = "\n".join([para, teasers, para, para])
    unwrapped = "[IMG]\nSport\n[IMG] Council approves the budget\n[IMG][IMG]Mayor opens the bridge [IMG]\n"
    for dump in (wrapped, unwrapped):
        texts = [b.text for b in ts.segment(dump)]
        assert "Council approves the budget" in texts and "Mayor opens the bridge" in texts
        assert not any("IMG" in t for t in texts)


def test_segment_keeps_markdown_citation_links_apart_from_lynx_link_numbers() -> None:
    """"([10](https://...), [11](https://...))" is a Markdown link whose text is a number: the
    reader sees "(10, 11)", not the targets; lynx's "[10]" before a link's text goes."""
    para = ("The council voted on Tuesday to expand the [tram network](https://herald.example/trams) by "
            "twelve kilometres ([{n}](https://stats.example/{n}), [{m}](https://stats.example/{m})).")
    content = "\n\n".join(para.format(n=2 * k, m=2 * k + 1) for k in range(1, 5))
    texts = [b.text for b in ts.segment(content)]
    assert texts[0].endswith("twelve kilometres (2, 3).") and not any("http" in t for t in texts)


def test_segment_drops_markdown_images_whose_alt_text_holds_brackets() -> None:
    """"![Trams in the old town [File: Herald]](/img/trams.jpg "Trams")" shows nothing; the
    caption the page prints under it stays."""
    para = "The council voted on Tuesday to expand the [tram network](https://herald.example/trams{n}) by twelve kilometres."
    image = '![Trams in the old town, 2019 [File: Herald]](/img/2019/trams_18.jpg "Trams")'
    content = "\n\n".join([image, "Trams in the old town, 2019 [File: Herald]", *(para.format(n=k) for k in range(5))])
    texts = [b.text for b in ts.segment(content)]
    assert texts[0] == "Trams in the old town, 2019 [File: Herald]" and not any("jpg" in t or "](" in t for t in texts)


def test_segment_drops_box_drawn_rules_so_a_heading_under_one_stays_apart() -> None:
    """w3m draws a horizontal rule as a line of "━" as wide as its wrap width (perhaps with its
    last character cut in half, a U+FFFD): left in, it reads as a wrapped line and the heading
    under it is joined to it. The rule goes; what it separates stays apart."""
    paragraph = ("The council approved the plan on Tuesday after a long debate about the cost of\n"
                 "the new tram line, which will run from the station to the northern suburbs and\n"
                 "carry twenty thousand passengers a day once it opens in three years' time.\n\n")
    rule = "━" * 79 + "\ufffd\n"
    dump = paragraph * 3 + rule + "More Great Stories\n\n  • The strange life of a coder\n" + paragraph
    texts = [b.text for b in ts.segment(dump)]
    assert "More Great Stories" in texts
    assert not any("━" in t for t in texts)
    assert texts.count(" ".join(paragraph.split())) == 4
    # elinks' double rule on a line of its own goes as well.
    flush = "First paragraph of the story.\n" + "═" * 40 + "\nSecond paragraph of the story.\n"
    assert [b.text for b in ts.segment(flush)] == ["First paragraph of the story.", "Second paragraph of the story."]


def test_strip_markdown_gates_change_nothing() -> None:
    """_strip_markdown skips each pattern where the character all its matches hold is absent,
    replaces "**" with str.replace where no "__" occurs, and fills in groups with itemgetter:
    the result is what the plain substitutions in order give."""
    import re

    def reference(content: str) -> str:
        content = ts._MD_LINK.sub(r"\1", ts._MD_IMAGE.sub("", content))
        if "|" in content:
            content = ts._MD_TABLE_ROW.sub(ts._table_row, ts._MD_TABLE_RULE.sub("", content))
        content = ts._MD_HEADING.sub(r"\1", content)
        content = ts._MD_QUOTE.sub(r"\1", content)
        content = re.sub(r"\*\*|(?<!_)__(?!_)", "", content)
        italic = re.compile(r"(?<![\w_])_(?=[^_\s])([^_\n]*?[^_\s])_(?![\w_])")
        stray = re.compile(r"(?<!\w)_{1,3}(?=[^\s_])|(?<=[^\s_])_{1,3}(?!\w)")
        content = stray.sub("", italic.sub(r"\1", content))
        return ts._MD_ESCAPE.sub(r"\1", content)

    head = "## One\n## Two\n## Three\n"
    bodies = [
        "Plain **bold** and ***three*** and _italic_ and snake_case_name.",
        "A __bold__ run, a blank ___ to fill, _**Title**_ and ___Out There__ _ left.",
        "> quoted **line**\n> > nested\nnot > a quote",
        "| a | b |\n|---|:---:|\n| 1 | 2 |\nx | y",
        "See [the report](https://example.com/a_b_(c)) and ![alt [File: AP]](img.jpg \"t\").",
        "2019\\. was \\*not\\* a list; *single* stars stay; ****",
        "_Her book ... on Twitter_\n_spans\nlines_ and 1_000 and _ alone",
    ]
    for body in bodies:
        for content in (head + body, head + body.replace("**", "__"), head + body.replace("_", "")):
            assert ts._strip_markdown(content) == reference(content), content


def test_segment_line_removals_match_the_plain_substitutions() -> None:
    """_drop_lines (a pattern tried only at the start of a line holding its marker) and the
    rewritten _INS_DEL remove what the plain substitutions remove, on random mixes of their parts;
    _has_wide answers as _WIDE.search does for every character, and _columns counts each wide
    character twice."""
    import random
    import re

    rng = random.Random(1)
    parts = ["\n", " ", "\t", "\xa0", "\ufffd", "━", "─", "═", "a", "IFRAME:", "x", "\r"]
    for _ in range(20_000):
        content = "".join(rng.choice(parts) for _ in range(rng.randint(0, 14)))
        for pattern, markers in ((ts._UNDECODED_LINE, "\ufffd"), (ts._IFRAME, ["IFRAME:"]),
                                 (ts._BOX_RULE, "━═─")):
            dropped = content
            for marker in markers:
                if marker in dropped:
                    dropped = ts._drop_lines(dropped, pattern, marker)
            assert dropped == pattern.sub("", content), (content, pattern)
    plain_ins_del = re.compile(r"\[(?:INS|DEL): ?| ?:(?:INS|DEL)\]")
    parts = ["[INS:", "[DEL:", ":INS]", ":DEL]", " ", "[", ":", "INS", "]", "x", "\n"]
    for _ in range(20_000):
        content = "".join(rng.choice(parts) for _ in range(rng.randint(0, 10)))
        assert ts._INS_DEL.sub("", content) == plain_ins_del.sub("", content), content
    for code in [*range(0x10000), 0x1F600, 0x20000, 0x10FFFF]:  # (the Basic Multilingual Plane, and beyond)
        character = chr(code)
        assert ts._has_wide(character) == (ts._WIDE.search(character) is not None), hex(code)
    parts = ["a", " ", "é", "’", "漢", "字", "。", "\u3000", "한", "ｱ", "\u1100"]
    for _ in range(5_000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(0, 12)))
        assert ts._columns(text) == len(text) + len(ts._WIDE.findall(text)), text


def test_run_together_dumps_are_told_from_rendered_ones() -> None:
    story = "Dock workers voted on Friday to end the strike, union leaders said. " * 40
    assert ts.run_together_size("HomeWorldSports" + story) == len("HomeWorldSports" + story.rstrip()) + 1
    # One long paragraph among the page's lines is a renderer's dump with a long paragraph.
    menu = "Home\nWorld\nBusiness\nSport\nOpinion\nVideo\nSubscribe\n"
    rendered = menu + "Harbour workers end strike\nBy Mira Kessel\n" + story + "\nShare this article\nAbout us\n"
    assert ts.run_together_size(rendered) == 0
    assert ts.run_together_size("Short page, one line.") == 0
    # The source's own line breaks may leave the page in a few very long lines.
    assert ts.run_together_size("HomeWorld\n" + story + "\n" + story) == 2 * len(story)


def test_a_run_together_dump_is_cut_at_sentence_ends_and_glued_seams() -> None:
    cut = ts.cut_run_together("SportsSubscribeStrike ends after pay dealBy Mira Kessel. Mr. Voss of the "
                              "YouTube channel and the "
                              "U.S. line said on Jan. 5 that J. Orel agreed. Work resumes tonight.The port "
                              "is busy again, officials said on Friday evening in a short statement.")
    assert cut.split("\n") == [
        "Sports", "Subscribe", "Strike ends after pay deal", "By Mira Kessel.",
        "Mr. Voss of the YouTube channel and the U.S. line said on Jan. 5 that J. Orel agreed.", "Work resumes tonight.",
        "The port is busy again, officials said on Friday evening in a short statement."]
    # ... after a picture's credit or a teaser's tag, and before a dateline run into the stamp
    # (whose outlet, run together itself, stays whole).
    cut = ts.cut_run_together("Updated May 8 at 4:46 PM WESTBROOK, Carrow (CarrowNewsNow) - The trams run again. "
                              "Cranes stand idle at the terminal (Image: GETTY )Dock workers voted to end the strike, "
                              "union leaders said on Friday. Port reopens [VIDEO]Ships wait at anchor off the harbour.")
    assert cut.split("\n") == [
        "Updated May 8 at 4:46 PM", "WESTBROOK, Carrow (CarrowNewsNow) - The trams run again.",
        "Cranes stand idle at the terminal (Image: GETTY )",
        "Dock workers voted to end the strike, union leaders said on Friday.", "Port reopens [VIDEO]",
        "Ships wait at anchor off the harbour."]
    # ... and where a headline runs into a lede that opens with its first word in capitals.
    cut = ts.cut_run_together("Harbour chaos: dock strike ends after pay dealDOCK workers voted on Friday to end "
                              "the strike, union leaders said in a statement to reporters at the port. The port "
                              "authority said the first ships would berth on Saturday morning.")
    assert cut.split("\n") == ["Harbour chaos: dock strike ends after pay deal",
                                "DOCK workers voted on Friday to end the strike, union leaders said in a statement "
                                "to reporters at the port.", "The port authority said the first ships would berth "
                                "on Saturday morning."]


def test_paragraphs_that_met_without_a_space_are_cut_apart_in_a_long_line() -> None:
    story = ('Big Machine denied doing anything wrong."At no point did we block her," they said on Friday.'
             "The label said it would talk to the singer's team next week about the catalogue and the concert film."
             "Her fans were not convinced by that statement at all, and said so on social media for the whole day."
             "Sales of her albums rose by a third over the weekend, according to the figures the chart company gave "
             "out on Monday, and two of her older records went back into the top ten for the first time in years, "
             "which the label called a welcome surprise.")
    cut = ts.cut_glued_paragraphs("Home\nMusic\n" + story + "\nShare this article\n")
    assert cut is not None and cut.split("\n")[2:4] == [
        'Big Machine denied doing anything wrong."', 'At no point did we block her," they said on Friday.']
    assert len(cut.split("\n")) == 8 and cut.split("\n")[6].startswith("Sales of her albums")
    # A quote that opens the next sentence stays with it; two glued sentences are not enough.
    assert ts.cut_glued_paragraphs('He said so."The end." "Yes," she said.Then she left.') is None
    assert ts.cut_glued_paragraphs("Home\nMusic\n" + "A long paragraph of the story, with no glued seams at all. " * 10) is None


def test_a_dump_that_runs_elements_together_is_cut_where_they_met() -> None:
    # BeautifulSoup's get_text() without a separator: a menu and the story's top meet unspaced.
    menu = ("Skip to ArticleMenuHomeNewsBack To Main MenuNews by CountyPoliticsWeather"
            "SportsEntertainmentOpinionObituariesJobsReal EstateRentalsCommunityContact UsAdvertise"
            "Terms of UseNewslettersPodcastsCrosswordsHoroscopesPrivacy PolicyCookie SettingsSite Map"
            "Help CenterCareersAbout UsFeedbackAccessibilityArchivesE-EditionRSS FeedsLettersColumnists"
            "EditorialsTravelFoodHealthScienceTechnologyBusinessMarketsAutosHomesClassifieds")
    top = "Remember the quest to find a state slogan?We never did settle on one.Enter Sandman and the rest."
    cut = ts.cut_glued_paragraphs("\n".join(["Site", menu + top, "The story goes on."]))
    assert cut is not None
    lines = cut.split("\n")
    assert lines[1:5] == ["Skip to Article", "Menu", "Home", "News"]
    assert lines[-5:] == ["Classifieds", "Remember the quest to find a state slogan?", "We never did settle on one.",
                          "Enter Sandman and the rest.", "The story goes on."]
    # A dump that draws its elements apart may still hold one menu run together (a <select>'s
    # options): it is not a dump of glued elements, and the menu stays as drawn.
    prose = "A paragraph of the story, which goes on for a while without any glued seams at all. " * 30
    assert ts.cut_glued_paragraphs("\n".join([menu + top.replace("?We", "? We"), prose, prose, prose, prose])) is None
    # A brand's name, however often, is one word, not elements that met.
    brand = "GiveWell funds charities. GiveWell says the grant will help, and GiveWell will report on it. " * 3
    assert ts.cut_glued_paragraphs("\n".join(["Site", brand])) is None


def test_glued_words_are_read_once_each() -> None:
    assert ts._glued_words("Skip to ArticleMenuHomeNews") == {"cleMenu", "omeNews"}
    assert ts._glued_words("GiveWell says GiveWell will") == {"iveWell"}
    assert ts._glued_words("A McDonald and a YouTube video") == set()


def test_raw_html_goes_only_where_a_markdown_writer_passed_much_of_it_through() -> None:
    dump = '[Home](/) <span class="icon"></span>\n<a href="/w"\nclass="nav">World</a>\n' * 10
    assert ts.without_raw_markup(dump) == "[Home](/) \nWorld\n" * 10
    # A story about markup may name a tag or two.
    story = "Editors asked why the <b> tag and the <i> tag still appear in the paper's web pages."
    assert ts.without_raw_markup(story) is None
    # A small page's few tags, each alone on its line, go however few they are (three lines at least).
    small = '<div class="top">\n[Home](/)\n</div>\n<div class="body">\nDock workers voted on Friday.\n</div>\n'
    assert ts.without_raw_markup(small) == "\n[Home](/)\n\n\nDock workers voted on Friday.\n\n"
    assert ts.without_raw_markup("<div>\nDock workers voted on Friday. The <b> tag stays.\n</div>\n") is None


PANDOC_MARKDOWN = """::: {#header .container}
-   [Home](/){.nav-link target="_blank"}
-   [World](/world/){.nav-link}
-   ::: search-top
    Search
    :::
:::

```{=html}
<!-- -->
```
::: {.article-body}
# Harbour workers end strike {#headline .title}

[By Mira Kessel]{.byline} []{.m-icon aria-label="share" onclick="window.open('x', 'y')"}

Dock workers in Port Elmar voted on Friday to end a nine-day strike, union\\
leaders said.

[The deal, worth \\$40 million, was signed by [[Dana Orel](/people/dana-orel){.rollover-link}[[Dana
Orel](/people/dana-orel){.name}]{.rollover-block}]{.rollover} on Friday.]{style="font-weight: 400;"}
:::
:::
:::
"""


def test_pandoc_s_own_markdown_markup_leaves_the_dump() -> None:
    shown = ts.without_raw_markup(PANDOC_MARKDOWN)
    assert shown is not None
    for markup in (":::", "{", "}", "=html", "<!--", "\\\n"):
        assert markup not in shown
    assert "[Home](/)" in shown and "# Harbour workers end strike" in shown and "By Mira Kessel" in shown
    assert "union\nleaders said." in shown
    # Spans nest and hold links: their brackets go, the links' stay; pandoc's escapes are undone.
    assert "The deal, worth $40 million, was signed by [Dana Orel](/people/dana-orel)[Dana\nOrel](/people/dana-orel) on Friday." in shown
    # Prose in braces is no attribute set; an identifier pandoc made of a heading's words may hold full stops.
    assert ts._PANDOC_ATTRIBUTES.sub("", "the {so-called} rule") == "the {so-called} rule"
    assert ts._PANDOC_ATTRIBUTES.sub("", "Trump helps the U.S. {#trump-helps-the-u.s. .kh-headline}") == \
        "Trump helps the U.S. "


def test_only_unclosed_opening_brackets_leave_a_pandoc_dump() -> None:
    # A span's opening whose end went, a link's brackets pair up, an escaped bracket is the
    # page's own, and a closing bracket with nothing open is text.
    assert ts._without_unclosed_brackets("[Harbour [workers](/w) end") == "Harbour [workers](/w) end"
    assert ts._without_unclosed_brackets("] then [a [b] c") == "] then a [b] c"
    assert ts._without_unclosed_brackets("\\[1\\] and [[x]") == "\\[1\\] and [x]"
    assert ts._without_unclosed_brackets("no brackets") == "no brackets"
