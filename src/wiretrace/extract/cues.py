"""Cue phrases that mark a line or block as boilerplate, by category.

Shared by HTML mode and text mode. These are generic news-page conventions ("ALSO READ:",
"Share this article", "Sign up for our newsletter"), never strings of one particular site.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence


def opening_lookahead(alternatives: Iterable[str]) -> str:
    """A look-ahead at the first characters of ``alternatives`` (regexes that each open with a
    literal character, or with a group of alternatives that do, past a ``\\b``), to put before
    their alternation: the regex engine then skips to a position where one of them can start
    instead of trying every alternative at every position (several times faster on a long
    text). Derived, so that a new alternative cannot be left out of it."""
    return "(?=[" + re.escape("".join(sorted(set().union(*map(_openings, alternatives))))) + "])"


def literal_alternation(words: Iterable[str]) -> str:
    """An alternation of the literal ``words``, grouped by their first letter ("(?:a(?:bril|gosto)|
    m(?:ai|arzo))"), longest first in each group: the regex engine branches once on the letter
    instead of trying every word in turn (a case-blind search through seventy month names in a
    dozen languages took twice as long as a list half its size)."""
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words), key=len, reverse=True):
        groups.setdefault(word[:1].lower(), []).append(word)
    return "|".join(f"{re.escape(first)}(?:{'|'.join(re.escape(w[1:]) for w in group)})" for first, group in groups.items())


def _openings(alternative: str) -> set[str]:
    """The characters a match of the regex ``alternative`` can start with (see opening_lookahead)."""
    alternative = alternative.removeprefix(r"\b")
    if alternative.startswith("(?:"):
        end = alternative.index(")")
        group = alternative[3:end]
        if "(" in group or alternative[end + 1 : end + 2] in ("?", "*", "{"):
            raise ValueError(f"alternative without a literal opening: {alternative!r}")
        return set().union(*map(_openings, group.split("|")))
    if alternative[:1] in ("", "\\", "[", "(", ".") or alternative[1:2] in ("?", "*", "+", "{"):
        raise ValueError(f"alternative without a literal opening: {alternative!r}")
    return {alternative[0]}

# "Also read" and "related" in the other languages of news pages (lower case, but where the
# language capitalises a word): an inline promo or a related-stories heading opens with one as
# with the English words.
READ_ALSO_ABROAD = (
    "leia também", "leia mais", "veja também", "lea también", "lee también", "lire aussi", "à lire aussi",
    "voir aussi", "lesen Sie auch", "mehr zum thema", "leggi anche", "vedi anche", "baca juga", "lihat juga",
    "lees ook", "читайте также", "смотрите также", "читайте також", "дивіться також", "czytaj też", "czytaj także",
    "zobacz też", "zobacz także", "यह भी पढ़ें", "ये भी पढ़ें", "इसे भी पढ़ें", "और पढ़ें",
    "اقرأ أيضا", "اقرأ أيضاً", "إقرأ أيضا", "إقرأ أيضاً", "اقرأ ايضا", "اقرأ المزيد", "ayrıca okuyun", "ayrıca bakınız",
)
RELATED_ABROAD = (
    "notícias relacionadas", "matérias relacionadas", "artigos relacionados", "noticias relacionadas",
    "notas relacionadas", "articles liés", "articoli correlati", "berita terkait", "artikel terkait",
    "похожие новости", "похожие статьи", "схожі новини", "пов'язані новини", "powiązane artykuły", "podobne artykuły",
    "संबंधित खबरें", "संबंधित ख़बरें", "संबंधित समाचार",
    "أخبار ذات صلة", "اخبار ذات صلة", "مواضيع ذات صلة", "مقالات ذات صلة", "ilgili haberler", "benzer haberler",
)
#: The first words of those phrases (for the gates in front of the patterns that use them).
OPENERS_ABROAD = frozenset(phrase.split()[0] for phrase in READ_ALSO_ABROAD + RELATED_ABROAD)

# An inline promo glued to the end of a paragraph: "... elite.  ALSO READ: <headline>".
# Upper-case or title-case lead words only, so that prose such as "you can also read the
# report" is never cut.
INLINE_PROMO_LEADS = tuple(dict.fromkeys((
    "ALSO READ", "READ MORE", "READ ALSO", "MUST READ", "ALSO WATCH", "WATCH", "RELATED", "SEE ALSO",
    "VIDEO", "VIDEOS", "VÍDEO", "VÍDEOS", "READ", "LISTEN", "PHOTOS", "GALLERY", "PODCAST", "SEE",
    "Also Read", "Read More", "Read Also", "Also read", "Read also", "Read more", "Must Read", "Must read", "Also Watch",
    "Also watch", "See Also", "See also", "Related",
    *(form for phrase in READ_ALSO_ABROAD for form in (phrase.upper(), phrase[:1].upper() + phrase[1:], phrase.title())),
)))
#: The letters a promo's lead opens with (for the gates in front of INLINE_PROMO).
INLINE_PROMO_INITIALS = "".join(sorted({lead[0] for lead in INLINE_PROMO_LEADS}))
INLINE_PROMO = re.compile(
    rf"\s*(?:\b{opening_lookahead(INLINE_PROMO_LEADS)}(?:{'|'.join(INLINE_PROMO_LEADS)})\s*(?::|\||-|–|—)\s*)"
    r"(?P<headline>\S.*)$"
)

#: What a trail's first crumb says where it names the site, not a section ("Home", "Accueil").
HOME_CRUMBS = frozenset({"home", "homepage", "start", "front page", "accueil", "inicio", "início", "portada", "startseite",
                         "главная", "головна", "strona główna", "الرئيسية", "ana sayfa", "anasayfa"})

# A heading that opens a related-stories list.
_RELATED_HEADINGS = (
    "also read", "read also", "read more", "read next", "up next", "more from this section", r"more from(?: [\w&'’-]+){0,3}",
    "more", r"more(?: [\w&'’-]+){0,3} (?:stories|news|coverage|articles|videos|reads)",
    "related(?: stories| articles| news| posts| coverage| content| reading| links)?",
    "you may also like", "you might also like", "recommended(?: for you| stories)?",
    "top stories", "trending(?: now| stories)?", "most read", "most popular", "latest news", "latest stories",
    "(?:latest|top|more) headlines",
    "editor'?s picks", "what to read next", "further reading", "more on this(?: story| topic| subject)?",
    r"more in(?: [\w&'’-]+){0,3}", "don'?t miss", "in case you missed it", "popular now", "what others are reading",
    "next story", *READ_ALSO_ABROAD, *RELATED_ABROAD,
)
RELATED_HEADING = re.compile(
    rf"^\s*{opening_lookahead(_RELATED_HEADINGS)}(?:{'|'.join(_RELATED_HEADINGS)})\s*:?\s*$", re.IGNORECASE)
# A related-stories heading that opens a line and runs on into the box's headlines, as a dump
# that runs the page's blocks together draws it ("Related articles Hong Kong uprising: ...",
# "DON'T MISSChina furious at ..."). Not "more ..." nor "more from ...": a sentence may open so;
# nor "Read More", which a page sets before the rest of its own story ("Read MoreUS stock
# futures were ...").
_RELATED_LEADS = (
    "related(?: stories| articles| news| posts| coverage| content| reading| links)?", "don'?t miss",
    r"most read(?: in [\w&'’-]+)?", "most popular", "also read", "read also", "see more", "see also",
    "you may also like", "you might also like", "recommended(?: for you| stories)?", "top stories",
    "trending(?: now| stories)?", "editor'?s picks", "what to read next", "further reading", "in case you missed it",
    "popular now")
RELATED_LEAD = re.compile(
    rf"^\s*{opening_lookahead(_RELATED_LEADS)}(?:{'|'.join(_RELATED_LEADS)})\s*:?\s*(?-i:[A-Z“\"‘])", re.IGNORECASE)
# The same heading run into the box's first headline, as a renderer that adds no break between
# elements draws it (lxml's text_content(), BeautifulSoup's get_text()): "More headlinesRabbis
# vow to boycott ...", "Most readChristie's shell-shocked look ...". The heading's last letter is
# lower-case and the headline's first upper-case, so a word in capitals ("MOREHOUSE") is none.
# Only a box: its headlines run into one another too ("... pro-Israel groupNabisco rolls out
# ..."), where a link run into a paragraph ("Read MoreUS stock futures were ...") has no more seams.
_GLUED_RELATED_HEADING = re.compile(
    rf"^\s*{opening_lookahead(_RELATED_HEADINGS)}(?:{'|'.join(_RELATED_HEADINGS)})(?-i:(?<=[a-z])[A-Z])", re.IGNORECASE)
_HEADLINE_SEAM = re.compile(r"(?<=[a-z?!’”'\")…])[A-Z]")
_GLUED_BOX_SEAMS = 2


def glued_related_box(text: str) -> bool:
    """Whether ``text`` is a related box run into one line with its heading: the heading glued
    to its first headline, and _GLUED_BOX_SEAMS more headlines glued on."""
    match = _GLUED_RELATED_HEADING.match(text)
    return match is not None and len(_HEADLINE_SEAM.findall(text, match.end())) >= _GLUED_BOX_SEAMS

# A heading over the site's recommendations, which come after the story it closes ("You may also
# like", "You might like these posts", "Você pode gostar...", "Potrebbe interessarti"): unlike
# "Related" or "Read more", never the title of a box set inside the story. One line per match.
_RECOMMENDATIONS = (
    r"you (?:may|might|could|will) (?:also )?(?:like|love|enjoy|be interested in)",
    r"você (?:também )?(?:pode|poderá|vai) gostar", r"(?:también )?te (?:puede|podría)n? (?:interesar|gustar)",
    r"vous (?:aimerez|pourriez aimer|pourriez aussi aimer)", r"(?:ti )?potrebbe(?:ro)? (?:anche )?(?:interessarti|piacerti|interessare|piacere)",
    r"das könnte (?:sie|dich) (?:auch )?interessieren", r"(?:anda )?mungkin (?:anda )?(?:juga )?suka",
    r"вам (?:также )?(?:может|могут) (?:понравиться|быть интересн\w*)",
)
RECOMMENDATIONS_HEADING = re.compile(
    rf"^[^\w\n]*(?:{'|'.join(_RECOMMENDATIONS)})(?:[^\S\n]+(?:these|this|the following|too))?"
    r"(?:[^\S\n]+(?:posts?|stories|articles|reads))?[^\w\n]*$", re.IGNORECASE | re.MULTILINE)
#: What every RECOMMENDATIONS_HEADING holds, lower-cased: a cheap test before the pattern.
RECOMMENDATIONS_WORDS = ("like", "love", "enjoy", "interes", "gost", "aimer", "piacer", "suka", "понрав", "интерес")

# The services a share bar names; a bar drawn as one line names two or more ("Share this:
# Facebook Twitter WhatsApp Email Print", "Facebook | Twitter | Email").
_SHARE_SERVICES = r"(?:facebook|twitter|x|whatsapp|e-?mail|print|linkedin|reddit|telegram|pinterest|messenger|flipboard|sms|copy link)"
_SHARE_LABEL = r"share(?: this| on| via| article| story)?"
SHARE = re.compile(
    rf"^\s*(?:{_SHARE_LABEL}|sharing is caring!?|tweet|pin it|email|"
    r"print(?: this)?(?: article| story| page)?|(?:order )?reprints?(?: (?:&|and) permissions)?|copy link|"
    r"connect with us(?: on \w+)?|follow us(?: on \w+)?|whatsapp|facebook|twitter|linkedin|telegram|reddit|"
    r"(?:(?:facebook|linkedin|twitter|x|whatsapp|email|reddit|telegram|instagram|youtube|pinterest)\s*icon\s*)+|"
    rf"(?:{_SHARE_LABEL}\s*:?\s*)?{_SHARE_SERVICES}(?:[\s,|/·•]+{_SHARE_SERVICES})+)\s*:?\s*$",
    re.IGNORECASE,
)

NEWSLETTER = re.compile(
    r"\b(?:sign up for (?:our|the) [\w\s]*newsletter|subscribe to (?:our|the) [\w\s]*newsletter|"
    r"get (?:our|the) [\w\s]*newsletter|newsletter sign[- ]?up|enter your email)\b",
    re.IGNORECASE,
)

DISCLAIMER = re.compile(
    r"(?:\bauto-generated from a syndicated (?:[\w.&'’-]+ ){0,5}?feed\b|\bhas not been edited by\b|"
    r"\bpublished from a syndicated feed\b|\bviews expressed (?:here|in this)\b|"
    r"\b(?:copyright|©)\s*(?:\d{4}|\w+)|\ball rights reserved\b|"
    r"\bthis (?:story|article|report) (?:has been|was) (?:published|generated) from\b)",
    re.IGNORECASE,
)

# "2 min read", "Reading time: 4 minutes", "5 mins read".
READING_TIME_STRICT = re.compile(
    r"(?:\b(?P<a>\d{1,3})\s*-?\s*min(?:ute)?s?\.?\s+read\b|\breading time\s*:?\s*(?P<b>\d{1,3})\s*min)",
    re.IGNORECASE,
)

# (Or without a colon, where hashtags follow: "tags #Local Markets #Nifty".)
# An error page's message: "404", "Page not found", "Oops! We couldn't find that page", "The page you
# were looking for doesn't exist", "This page does not exist" (a page: a how-to's "create the folder
# if it does not exist yet" is no error).
NOT_FOUND = re.compile(
    r"\b(?:404|(?:page|article|story) not found|(?:could ?n[o']?t|can'?t|cannot|were unable to) find (?:that|this|the|"
    r"the requested) (?:page|article|story)|(?:page|article|story) (?:you|you're|you are) (?:were )?(?:looking for|"
    r"requested)|(?:page|article|story) (?:cannot|could not|can'?t|couldn'?t) be found|no longer available|"
    r"(?:page|article|story|post|link|url) (?:\w+ )?(?:does not|doesn'?t) exist)\b", re.IGNORECASE)
#: Words every NOT_FOUND match holds (lower-cased): a cheap test before the pattern.
NOT_FOUND_WORDS = ("404", "found", "find", "looking for", "requested", "available", "exist")

# ... and in the other languages of news pages.
TAGS_ABROAD = ("etiquetas", "temas", "palabras clave", "tópicos", "assuntos", "palavras-chave", "mots-clés", "mots clés",
               "sujets", "schlagwörter", "schlagworte", "stichwörter", "themen", "argomenti", "parole chiave", "tag",
               "trefwoorden", "onderwerpen", "теги", "темы", "ключевые слова")
TAGS_LEAD = re.compile(r"^\s*(?:topics|tags|tagged|tagged with|keywords|related topics|filed under|"
                       + "|".join(TAGS_ABROAD) + r")\s*(?::\s*|(?=#))", re.IGNORECASE)
# ... and without a colon, closing a story: "Topics Islamic StateUnited States" (a renderer ran the
# tag links together). Only before a capital, on a line that ends no sentence (see tags_line).
_UNMARKED_TAGS = re.compile(r"^\s*(?i:topics|tags)\s+(?=[A-Z#])")
# Where tags run together, each capital after a small letter or a digit starts the next.
_GLUED_TAGS = re.compile(r"(?<=[a-z0-9)])(?=[A-Z])")


def split_tags(text: str) -> list[str]:
    """The tags of a tags line ("Tags: Elections, Senate", "Topics :Donald TrumpTed Cruz"), in order, once each."""
    text = TAGS_LEAD.sub("", text)
    parts = re.split(r"\s*[,;|•·#]\s*", text) if re.search(r"[,;|•·#]", text) else _GLUED_TAGS.split(text)
    seen: list[str] = []
    for part in (p.strip() for p in parts):
        if part and part not in seen:
            seen.append(part)
    return seen


def tags_line(text: str) -> list[str] | None:
    """The tags of a line that is one, marked ("Tags: ...") or not ("Topics White House"); None for
    any other line ("Topics discussed included ...", a sentence)."""
    if len(text) > 200 or text.rstrip().endswith((".", "!", "?", "”", '"')):
        return None
    if TAGS_LEAD.match(text):
        return split_tags(text)
    if lead := _UNMARKED_TAGS.match(text):
        return split_tags(text[lead.end():])
    return None


# The same words alone on a line head a list of tags, one per following line.
TAGS_HEADING = re.compile(r"^\s*(?:topics|tags|tagged|keywords|related topics|filed under)\s*:?\s*$", re.IGNORECASE)

# Sign-offs that follow the last paragraph: social handles, contact lines, the newsroom asking
# its readers to write in, comment prompts. Searched anywhere in a closing line, so each phrase
# is one only the newsroom says of itself ("let us know" alone could close a quote: "Let us
# know if you see him," police said).
_SIGN_OFF_OPENINGS = (
    r"^\s*(?:follow|like) (?:us|him|her|them|[^.]{0,60}?) on (?:twitter|facebook|instagram|linkedin|youtube)\b",
    r"^\s*(?:e-?mail|contact|reach|write to) (?:the )?(?:reporters?|writers?|authors?|editors?|us|him|her|"
    r"[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,2})\b.{0,60}?\b(?:at|on|via)\b",
    r"^\s*(?:have|got) a (?:news |story )?tip\b", r"^\s*(?:have|got) a story(?: idea)?\?",
    r"^\s*(?:let us know (?:what you think|in the comments)|what do you think\?)",
    r"^\s*(?:\d+\s+)?(?:comments?|leave a (?:comment|reply)|tell us what you think|"
    r"join the (?:conversation|discussion)|have your say)\W*$",
    # A release service's last line, naming who issued the release: "SOURCE Acme Robotics Inc."
    # (With a colon it is a story's credit: "SOURCE: News agencies"; see wire.inputs_credit.)
    r"(?-i:^\s*SOURCE\s+[A-Z][\w&.,'’()/ -]{1,80}$)",
)
_SIGN_OFF_ANYWHERE = (
    r"\bif you have a (?:news |story )?tip\b",
    r"\b(?:can|may) be (?:reached|contacted) at\b",
    r"\b(?:reach|e-?mail|contact|follow) (?:him|her|them) (?:at|on|via) (?:\w+ )?(?:\S+@|@)",
    r"\bwe[’']d (?:like|love) to hear (?:what you think|from you)\b",
    # A sign-up box's small print, and the owner's line of a site's footer ("Space is part of
    # Future US Inc, an international media group and leading digital publisher.").
    r"\byou (?:can|may) unsubscribe\b", r"\bnever share your (?:details|e-?mail|information|data)\b",
    r"\bis part of [^.]{2,60}?, an? (?:international |global |leading )*(?:media|publishing|digital) "
    r"(?:group|company|publisher)\b", r"\bvisit our corporate site\b",
)
SIGN_OFF = re.compile(
    "(?:" + "|".join(_SIGN_OFF_OPENINGS + _SIGN_OFF_ANYWHERE) + ")", re.IGNORECASE)
# Who else reported the story, closing it: "Jane Doe contributed to this report", "(Reporting by ...)".
_CREDIT_ANYWHERE = (r"\bcontributed (?:to )?(?:this|the) (?:report|story|article)\b",)
_CREDIT_OPENINGS = (r"^\s*additional reporting by\b", r"^\s*contributing\s*:", r"^\s*\(?(?:reporting|writing|editing) by\b",
                    r"^\s*with (?:\w+ )?wires?\W*$")
CREDIT = re.compile("(?:" + "|".join(_CREDIT_ANYWHERE + _CREDIT_OPENINGS) + ")", re.IGNORECASE)

# SIGN_OFF and CREDIT split by where their phrases may stand. Without MULTILINE, "^" holds only at
# the start of the text, so a search for either finds something exactly when the text opens with
# one of the first-word phrases (one match attempt) or holds one of the others somewhere: the
# search no longer tries every first-word phrase at every position of the text.
_CLOSING_OPENING = re.compile("|".join(_SIGN_OFF_OPENINGS + _CREDIT_OPENINGS), re.IGNORECASE)
_CLOSING_ANYWHERE = re.compile(opening_lookahead(_SIGN_OFF_ANYWHERE + _CREDIT_ANYWHERE)
                               + "(?:" + "|".join(_SIGN_OFF_ANYWHERE + _CREDIT_ANYWHERE) + ")", re.IGNORECASE)


def signs_off_or_credits(text: str) -> bool:
    """``SIGN_OFF.search(text) or CREDIT.search(text)``, as a truth value, in fewer steps."""
    return _CLOSING_OPENING.match(text) is not None or _CLOSING_ANYWHERE.search(text) is not None

# The author's bio that closes a story: "Julius is an LA Entertainment Reporter for Fox News.",
# "Molly Wood (@mollywood) is an Ideas contributor at WIRED and ...".
AUTHOR_BIO = re.compile(
    r"^(?!(?:He|She|They|It|This|That|There|We|I|You)\b)(?:[A-Z][\w.'’-]+ ){1,3}(?:\(@\w+\) )?(?:is|was|has been) (?:an?|the) (?:[\w&'’-]+ ){0,6}?"
    r"(?i:reporter|writer|editor|correspondent|contributor|columnist|producer|journalist|critic|photographer)s?\b")

# A press release's closing profile of the company ("About Ascom: Ascom is a global solutions
# provider focused on ... Ascom is headquartered in Baar (Switzerland), has subsidiaries in 15
# countries and employs around 1,300 people ... listed on the SIX Swiss Exchange"): the company
# named and defined as a provider or maker, and the facts such a profile states. A story's last
# paragraph may say where a company is based; it does not define the company and list its seat,
# staff and listing together.
_PROFILE_OPENING = re.compile(
    r"^(?:About [^.:\n]{2,40}[:.]?\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4}(?:\s+\([^)]{1,20}\))?,?\s+"
    r"(?:is|are)\s+(?:a|an|the)\s+(?:[\w&'’-]+\s+){0,6}?(?:provider|company|manufacturer|developer|maker|"
    r"supplier|leader|group|firm|organi[sz]ation|platform|producer|operator)s?\b")
_PROFILE_SEAT = re.compile(r"^[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4},?\s+(?:is|are)\s+(?:headquartered|based)\s+in\b")
_PROFILE_FACTS = re.compile(r"\b(?:headquartered|founded in|employs|employees|subsidiaries|listed on|traded on|"
                            r"offices in|operations in|for more information)\b|www\.", re.IGNORECASE)


# The heading over that profile, on a line of its own: "About Acme Robotics".
_PROFILE_HEADING = re.compile(r"About [A-Z][\w&.,'’ -]{1,40}:?")


def company_profile(texts: Sequence[str], k: int) -> bool:
    """Whether ``texts[k]`` is (part of) a press release's profile of its company: a paragraph
    that defines the company and states its facts, or one that defines it followed by one that
    states where it sits and its facts ("Ascom is headquartered in Baar ..."), either of the two,
    or the "About Acme" heading over such a profile."""
    text = texts[k]
    if text[:6] == "About " and _PROFILE_HEADING.fullmatch(text):
        return k + 1 < len(texts) and company_profile(texts, k + 1)
    if _PROFILE_OPENING.match(text):
        return _PROFILE_FACTS.search(text) is not None or (k + 1 < len(texts) and _profile_seat(texts[k + 1]))
    return k > 0 and _profile_seat(text) and _PROFILE_OPENING.match(texts[k - 1]) is not None


def _profile_seat(text: str) -> bool:
    return _PROFILE_SEAT.match(text) is not None and _PROFILE_FACTS.search(text) is not None


# A copyright mark and its year: "© 2019", "Copyright 2026", "(c) © 2026".
COPYRIGHT_YEAR = re.compile(r"(?:©|\(c\)|\bcopyright\b)\s*(?:©\s*)?\d{4}\b", re.IGNORECASE)
# A page's copyright notice: "© 2019 The Associated Press", "Copyright 2026 ...", "All rights reserved".
COPYRIGHT_NOTICE = re.compile(rf"{COPYRIGHT_YEAR.pattern}|\ball rights reserved\b", re.IGNORECASE)

# The desk codes an agency's copy closes with: AFP's "mla-cb/ach/jj" (lower-case initials joined by
# "/" or "-"), PTI's "SKU SKU TRB" (upper-case ones). No sentence is made of them alone.
WIRE_SLUG = re.compile(r"[a-z]{2,4}(?:[-/][a-z]{2,4}){1,6}|(?:[A-Z]{2,4} ){1,5}[A-Z]{2,4}")


def has_copyright_notice(text: str) -> bool:
    """Whether ``text`` holds a copyright notice (COPYRIGHT_NOTICE). Every notice has one of a
    few marks or words, which most blocks lack: those are looked for first."""
    if "©" not in text:
        low = text.lower()
        if "(c)" not in low and "copyright" not in low and "rights reserved" not in low:
            return False
    return COPYRIGHT_NOTICE.search(text) is not None


# Whole-paragraph promos ("CLICK HERE TO GET THE APP", "SEE MORE: <headline>", a related
# heading's words before a colon: "MORE LOCAL NEWS: <headline>") that INLINE_PROMO, which
# wants an upper- or title-case cue, does not cover.
# (All but "In case you missed it:", which a story's sentence may open with.)
_PROMO_LEADS = ("see also", "see more", "watch", *(h for h in _RELATED_HEADINGS if not h.startswith("in case")))
_PROMO_OPENINGS = (r"click here\b", r"don'?t miss\b", r"must see\b", r"listen(?: now| here)?\s*:\s*https?://",
                   r"download(?: now| here)?\s*:\s*https?://")
PROMO_LEAD = re.compile(
    rf"^\s*{opening_lookahead(_PROMO_LEADS + _PROMO_OPENINGS)}"
    rf"(?:(?:{'|'.join(_PROMO_LEADS)})\s*:|{'|'.join(_PROMO_OPENINGS)})",
    re.IGNORECASE,
)
_PROMO_CUE = re.compile(r"^\s*[^:]{1,30}:\s*")


def promo_headline(text: str) -> str:
    """The headline of a promo ("ALSO READ: <headline>", "MORE LOCAL NEWS: <headline>"), without its cue."""
    match = INLINE_PROMO.match(text)
    if match:
        return match.group("headline").strip()
    return _PROMO_CUE.sub("", text, count=1).strip()


SUBSCRIBE = re.compile(
    r"^\s*(?:subscribe (?:to|now|today|for)|sign up (?:for|to|now|today|here)|sign up\s*:|"
    r"get the latest [\w\s]{0,40}(?:inbox|newsletter)|get (?:our|the) [\w\s]{0,30}newsletter)",
    re.IGNORECASE,
)


# How a publisher's call to action opens: "Subscribe to ...", "Sign up for ...", "Follow Newsbeat
# on Instagram ...", "Get Motor Cycle Monthly delivered ...", "Listen to Newsbeat live at ...".
#: A call to action is a line or two, not a paragraph.
CALL_WORDS = 30
CALL_TO_ACTION = re.compile(
    r"^(?:subscribe\b|sign up\b|follow (?:us|[\w&'’.-]+(?: [\w&'’.-]+){0,5}) on\b|like us on\b|join (?:our|the) [\w ]{0,30}"
    r"(?:forum|community|newsletter|conversation|discussion)|download (?:the|our)\b|click here\b|get .{0,60}? delivered\b|"
    r"get (?:unlimited |full |instant |digital )?access to\b|get (?:the latest|breaking)\b.{0,60}?\b(?:news|updates|headlines)\b|"
    r"stay up to date with\b|get (?:[\w’'-]+ ){0,4}(?:alerts|notifications)\b|copy (?:html|the code|embed code)\b|"
    r"(?:donate|give|support us) (?:now|today)\b|"
    r"listen (?:to .{0,40}? )?(?:live|back)\b|watch (?:live|the full)\b)", re.IGNORECASE)
# What a newsletter or subscription pitch says, past the keywords that flag one (a sentence about
# the "Federal Register" or a "sign-in sheet" is no pitch).
_PITCHES = (r"sign(?:ing)? up", r"subscri\w*", r"newsletters?", r"inbox", r"e-?mail", r"register (?:now|here|today|free|for|to)",
            r"registration", r"log ?in", r"sign in", r"login", r"inscreva-se", r"suscr[ií]bete", r"abonnez-vous", r"abonnieren",
            r"iscriviti", r"подпис\w*")
PITCH = re.compile(rf"\b{opening_lookahead(_PITCHES)}(?:{'|'.join(_PITCHES)})\b", re.IGNORECASE)
#: ... which, opening with a call to action, may run this long ("Get access to ... Pro for as
#: little as Rs 599 for first year. Use the code ... For more information, check out ...").
PITCH_WORDS = 60
# A non-profit newsroom's box under the story: its offer to republish it and its licence ("Our
# stories may be republished ... under a Creative Commons license"), and its appeal for money
# ("X is a nonprofit newsroom. We rely on readers like you ...").
_APPEALS = (r"readers like you", r"make a (?:donation|gift)", r"your (?:gift|donation)", r"become a (?:member|donor)",
            r"reader-supported", r"support (?:my|our) work", r"consider becoming a (?:free or )?(?:paid )?(?:subscriber|member)",
            r"support (?:our|independent|local|nonprofit|non-profit) (?:journalism|newsroom|reporting)",
            r"(?:may|can|are free to) (?:be )?republish\w*")
_REPUBLISH_OFFER = r"republish (?:this|our) (?:story|article)\b"
APPEAL = re.compile(rf"{opening_lookahead((_REPUBLISH_OFFER, *_APPEALS))}(?:^{_REPUBLISH_OFFER}|\b(?:{'|'.join(_APPEALS)})\b)",
                    re.IGNORECASE)

# A teaser headline's closing tag for what its link leads to: "... wireless gaming headset
# [Video]", "... at the Oscars (PHOTOS)".
MEDIA_TAG = re.compile(r"[\[(](?:videos?|photos?|pictures?|pics|gallery|watch|listen|audio|podcast|slideshow)[\])]\W*$",
                       re.IGNORECASE)

# A shopping post's disclosure of its affiliate links: "If you buy something through this post,
# IGN may get a share of the sale", "If you click on one and make a purchase we may receive a
# small commission", "As an Amazon Associate I earn from qualifying purchases".
_AFFILIATE_NOTES = (
    r"may (?:earn|receive|get|make|collect) (?:a |an )?(?:small )?(?:share|commission|portion|percentage|cut|fee)",
    r"affiliate (?:links?|commissions?|partnerships?|programs?)", r"as an amazon associate")
AFFILIATE_NOTE = re.compile(rf"\b{opening_lookahead(_AFFILIATE_NOTES)}(?:{'|'.join(_AFFILIATE_NOTES)})\b", re.IGNORECASE)

# Where a paywall cuts the story: "Subscribe to continue reading", "This article is reserved for
# subscribers", "Il vous reste 60% de cet article à lire", "Je m'abonne". The page shows the
# story's opening only.
_PAYWALL_NOTICES = (
    r"subscribe (?:now )?to (?:continue|keep) reading", r"to continue reading,? (?:please )?(?:subscribe|log in|sign in)",
    r"(?:this|the rest of this) (?:article|story|content) is (?:only )?(?:available|reserved|exclusive) (?:only )?(?:to|for) "
    r"(?:paying )?(?:subscribers|members)", r"already a (?:subscriber|member)\?", r"for subscribers only",
    r"you(?:'ve|’ve| have) (?:reached|used) (?:your|all (?:of )?your) (?:free|monthly) (?:articles?|stories|limit)",
    r"il vous reste \d+\s?% de cet article", r"réservée? aux abonnés", r"je m['’]abonne", r"déjà abonné",
    r"nur für abonnenten", r"jetzt (?:weiterlesen|abonnieren|abonnent werden)",
    r"(?:exclusivo|solo|sólo) para (?:suscriptores|socios|abonados|assinantes)", r"ya soy suscriptor", r"já é assinante",
    r"suscr[ií]bete para (?:seguir|continuar) leyendo", r"assine para continuar", r"riservato agli abbonati")
PAYWALL = re.compile(rf"\b{opening_lookahead(_PAYWALL_NOTICES)}(?:{'|'.join(_PAYWALL_NOTICES)})", re.IGNORECASE)
#: The record's warning for a section front, tag page or home page.
FRONT_PAGE_WARNING = "a front page: its text is teasers for other stories"
#: The warning of a page that states no publication date.
NO_DATE_WARNING = "no publication date found"
#: The record's warning where a paywall's notice cuts the story ...
PAYWALL_WARNING = "a paywall: the page shows only the opening of the story"
#: ... and where only the markup says so (a metered paywall serves the whole story to some).
PAYWALL_DECLARED = "the publisher marks the story as not free to read: the page may show only its opening"

# A pager between the pages of a story: "Page 1 of 3", "Pages: 1 2 3", "Page 2 of 5 »". Never a
# sentence of one.
PAGINATION = re.compile(r"^\s*(?:page \d{1,3} of \d{1,3}|pages?\s*:?\s*\d{1,3}(?:\s*[|,]?\s*\d{1,3})+)\s*[»›>]?\s*$",
                        re.IGNORECASE)


# What an ad slot leaves in the text, alone on its line: "Advertisement", "Story continues below
# advertisement", "Continue reading below", "Scroll to continue with content".
# (Hearst's "Advertisement - Continue Reading Below": the label and the line under it, run together.)
AD_SLOT = re.compile(r"^\s*(?:advertisement\s*[-–—:|]?\s*(?=\w))?(?:advertisement|advertising|advert|skip advertisement|sponsored(?: content)?|"
                     # (The label in other languages, alone on its line: German, Spanish, Portuguese,
                     # French, Italian, Dutch, Polish, Russian, Hindi, Arabic.)
                     r"anzeige|werbung|publicidad|publicidade|publicité|pubblicità|advertentie|reklama|реклама|विज्ञापन|إعلان|"
                     r"(?:the )?(?:story|article|text) continues (?:below|after)(?: (?:this |the )?(?:advertisement|ad))?|"
                     r"continue reading(?: below| the main story)?|scroll to continue(?: with content)?)\W*$", re.IGNORECASE)


# A note on the story's own history, where the page prints it (above the story or under it):
# "Correction, Nov. 15, 2019: This article originally misidentified ...", "Clarification: ...",
# "An earlier version of this story misstated ...", "This story has been updated to include ...",
# "Editor's note: This story was updated at 5:45 p.m. ET ...", a wire's "(Corrects spelling of
# name in paragraph 3)". An editor's note that tells of no
# change ("Editor's note: this report is part of our election coverage") is no such note, nor is
# a live story's "UPDATE:" (news, not a note on the story), nor a "Corrections" link or a
# "Corrections: if you spot an error, email us" policy line.
_EDITORS_NOTE = r"(?:editor['’]?s['’]?|editors['’]?)\s+note\s*[:.—–-]"
_CHANGE_WORDS = (r"updated|corrected|correct(?:ion|s)?|amended|clarif\w*|earlier version|misstated|misidentified|"
                 r"misspelled|misquoted|misattributed|incorrectly|erroneously|has been changed|was changed")
CORRECTION_NOTE = re.compile(
    r"^\W{0,3}(?:(?:correction|clarification)s?\b[^:\n]{0,30}:(?!.{0,80}?\b(?:polic(?:y|ies)|(?:report|spot|see|found|notice) an "
    r"error|submit|contact us|e-?mail us|write to us)\b)|an earlier version of this\b|(?<=\()(?:corrects|clarifies)\b"
    r"|this (?:story|article|report|post|piece|version) (?:has been|was|is|had been) "
    r"(?:updated|corrected|amended|clarified|changed)\b"
    rf"|{_EDITORS_NOTE}.{{0,200}}?\b(?:{_CHANGE_WORDS})\b)",
    re.IGNORECASE)
#: An editor's note, whatever it says: part of the story as published (it stays in the body).
EDITORS_NOTE = re.compile(rf"^\W{{0,3}}{_EDITORS_NOTE}", re.IGNORECASE)


def is_story_note(text: str) -> bool:
    """Whether ``text`` is a note the publisher prints on the story itself (an editor's note, a
    correction or a clarification): part of the story as published, wherever it sits."""
    return bool(EDITORS_NOTE.match(text) or CORRECTION_NOTE.match(text))


def anywhere_category(text: str) -> str | None:
    """Category of a block that is boilerplate wherever it sits in the body (a promo: "Read
    more: <headline>", "CLICK HERE TO ..."; a newsletter box; share buttons; a pager), or None. Both
    modes take such blocks out of the body."""
    # (The anchored patterns first, which most paragraphs fail at their first word; the length
    # only then. NEWSLETTER searches the whole block: first the words its every phrase contains.)
    if ((match := INLINE_PROMO.match(text)) and match.start() == 0 or PROMO_LEAD.match(text)
            or RELATED_HEADING.match(text)) and len(text.split()) <= 30:
        return "promo"
    if (SUBSCRIBE.match(text) or (("newsletter" in (low := text.lower()) or "enter your email" in low)
                                  and NEWSLETTER.search(text))) and len(text.split()) <= 40:
        return "newsletter"
    if SHARE.match(text):
        return "share"
    if glued_related_box(text):
        return "related"
    if len(text) < 60 and AD_SLOT.match(text):
        return "promo"
    if text[:1] in "Pp \t" and PAGINATION.match(text):
        return "navigation"
    return None


def reading_time_minutes(text: str) -> int | None:
    """Minutes stated in a "2 min read" / "Reading time: 4 minutes" cue, if ``text`` has one."""
    match = READING_TIME_STRICT.search(text)
    if not match:
        return None
    return int(match.group("a") or match.group("b"))


def split_inline_promo(text: str) -> tuple[str, str | None]:
    """Split "paragraph.  ALSO READ: headline" into the paragraph and the promo headline."""
    match = INLINE_PROMO.search(text)
    if not match or match.start() == 0:
        return text, None
    head = text[: match.start()].rstrip()
    # Only a promo glued after a finished sentence; "as we said - Related: ..." mid-sentence is prose.
    if not head or head[-1] not in ".!?\"'”’)":
        return text, None
    return head, match.group("headline").strip()
