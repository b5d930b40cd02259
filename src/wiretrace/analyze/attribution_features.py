"""Token features for the attribution tagger (shared by training and inference).

Two CRFs use them: the *cue* tagger labels every token of a sentence ``B``/``I``/``O`` (part of an
attribution cue or not); the *role* tagger is run once per cue over a window of sentences around it
and labels tokens ``B-S``/``I-S`` (source of this cue), ``B-C``/``I-C`` (content) or ``O``.

Everything comes from the spaCy ``Doc`` (tokens, tags, dependencies, lemmas, sentence boundaries)
plus quotation-mark state and paragraph breaks, so the features cost little next to the parse.
Feature items are lists of strings (binary features), the cheapest input python-crfsuite takes.
"""

from __future__ import annotations

from dataclasses import dataclass

OPEN_QUOTES = frozenset("“«„")
CLOSE_QUOTES = frozenset("”»")
# Some papers (the New York Times among them) quote with two apostrophes: ''We will win,'' he said.
# spaCy keeps them one token, which opens or closes a quotation like a straight double quote.
STRAIGHT_QUOTES = frozenset(('"', "''"))
QUOTES = OPEN_QUOTES | CLOSE_QUOTES | STRAIGHT_QUOTES | frozenset("‘’'`")

# A small hand-written lexicon of reporting, thinking and wanting lemmas. The CRF also sees every
# lemma, so this only helps with verbs that are rare in the training data.
SAY_LEMMAS = frozenset("""
say tell add write ask note report announce state declare claim insist argue explain respond reply
tweet post testify recall warn caution predict promise pledge vow admit acknowledge concede confirm
deny suggest propose urge demand call describe continue complain charge accuse allege assert contend
maintain mention remark comment observe point repeat reiterate stress emphasize emphasise indicate
speak talk shout yell whisper joke quip boast brag concede disclose reveal release publish
conclude find show indicate estimate project forecast
""".split())
THINK_LEMMAS = frozenset("""
think believe feel know consider expect hope fear worry doubt wonder suspect assume imagine
understand realize realise recognize recognise agree disagree see view regard want wish need plan
intend seek prefer like love hate dislike oppose support favor favour endorse criticize criticise
praise blame defend question reject dismiss welcome decide refuse decline seem appear
""".split())

WINDOW_BEFORE = 3  # sentences before the cue's sentence that the role tagger sees
WINDOW_AFTER = 5  # sentences after it


def _bucket(n: int) -> str:
    a = abs(n)
    if a <= 3:
        b = str(a)
    elif a <= 5:
        b = "4-5"
    elif a <= 10:
        b = "6-10"
    elif a <= 20:
        b = "11-20"
    else:
        b = "21+"
    return ("-" if n < 0 else "+") + b


@dataclass
class DocInfo:
    """Per-token facts computed once per document (plain lists: cheaper than spaCy Token objects)."""

    doc: object
    n: int
    head: list[int]
    dep: list[str]
    lemma: list[str]
    space: list[bool]
    verb: list[bool]  # Penn tag VB*
    say_clause: list[bool]  # a saying verb (SAY_LEMMAS) with a clausal complement
    units: list[tuple[int, int]]  # sentence pieces, split further at paragraph breaks
    unit_of: list[int]
    para_of: list[int]
    quote: list[int]  # 1 inside a quotation (quote marks included), else 0; reset per paragraph
    quote_id: list[int]  # id of the quotation a token is inside, -1 if none
    base: list[list[str]]  # features of the token itself
    short: list[list[str]]  # the few features copied to neighbours
    cue_feats: list[list[str]] | None = None
    role_base: dict | None = None
    #: The document's text (spaCy builds ``doc.text`` anew, token by token, at every call).
    text: str = ""


def _quote_state(texts: list[str], para_of: list[int]) -> tuple[list[int], list[int]]:
    n = len(texts)
    state = [0] * n
    qid = [-1] * n
    inside = False
    current = -1
    next_id = 0
    last_para = -1
    for i, text in enumerate(texts):
        if para_of[i] != last_para:
            inside = False
            last_para = para_of[i]
        if text in OPEN_QUOTES or (text in STRAIGHT_QUOTES and not inside):
            inside = True
            current = next_id
            next_id += 1
            state[i] = 1
            qid[i] = current
        elif text in CLOSE_QUOTES or (text in STRAIGHT_QUOTES and inside):
            if inside:
                state[i] = 1
                qid[i] = current
            inside = False
        elif inside:
            state[i] = 1
            qid[i] = current
    return state, qid


CHILD_DEPS = frozenset(("nsubj", "nsubjpass", "ccomp", "xcomp", "dobj", "prep", "agent", "mark"))
MARKS = frozenset(("that", "if", "whether"))


def doc_info(doc) -> DocInfo:
    n = len(doc)
    texts, lowers, lemmas, tags, poss, deps, heads, ents = [], [], [], [], [], [], [], []
    space, punct, title, upper, para_of = [], [], [], [], []
    para = 0
    for tok in doc:
        texts.append(tok.text)
        lowers.append(tok.lower_)
        lemmas.append(tok.lemma_.lower())
        tags.append(tok.tag_)
        poss.append(tok.pos_)
        deps.append(tok.dep_)
        heads.append(tok.head.i)
        ents.append(tok.ent_type_)
        sp = tok.is_space
        space.append(sp)
        punct.append(tok.is_punct)
        title.append(tok.is_title)
        upper.append(tok.is_upper and len(tok.text) > 1)
        para_of.append(para)
        if "\n" in tok.whitespace_ or (sp and "\n" in tok.text):
            para += 1
    quote, quote_id = _quote_state(texts, para_of)
    child: list[set] = [set() for _ in range(n)]
    for i in range(n):
        h = heads[i]
        if h != i:
            d = deps[i]
            if d in CHILD_DEPS:
                child[h].add(d)
            if d == "mark" and lowers[i] in MARKS:
                # a clause introduced by "that"/"if": flag its governor's head (the reporting verb)
                child[heads[h]].add("that")
    units: list[tuple[int, int]] = []
    for sent in doc.sents:
        start = sent.start
        for i in range(sent.start + 1, sent.end):
            if para_of[i] != para_of[i - 1]:
                units.append((start, i))
                start = i
        units.append((start, sent.end))
    unit_of = [0] * n
    unit_q = []
    for u, (s, e) in enumerate(units):
        has_q = 0
        for i in range(s, e):
            unit_of[i] = u
            has_q |= texts[i] in QUOTES and texts[i] not in "’'"
        unit_q.append("uq=%d" % has_q)
    base = []
    short = []
    for i in range(n):
        lemma = lemmas[i]
        dep = deps[i]
        h = heads[i]
        hl = lemmas[h]
        f = [
            "b",
            "w=" + lowers[i],
            "l=" + lemma,
            "p=" + tags[i],
            "d=" + dep,
            "ld=" + lemma + "|" + dep,
            "hl=" + hl,
            "hp=" + poss[h],
            "lh=" + lemma + "|" + hl,
            "q=%d" % quote[i],
            unit_q[unit_of[i]],
        ]
        if title[i]:
            f.append("title")
        if upper[i]:
            f.append("upper")
        if punct[i]:
            f.append("punct")
        if texts[i] in QUOTES:
            f.append("qmark")
        if lemma in SAY_LEMMAS:
            f.append("lex=say")
        elif lemma in THINK_LEMMAS:
            f.append("lex=think")
        for cd in sorted(child[i]):
            f.append("c=" + cd)
            f.append("lc=" + lemma + "|" + cd)
        if ents[i]:
            f.append("e=" + ents[i])
        if i == 0 or unit_of[i] != unit_of[i - 1]:
            f.append("ustart")
        if i == n - 1 or unit_of[i] != unit_of[i + 1]:
            f.append("uend")
        if i == 0 or para_of[i] != para_of[i - 1]:
            f.append("pstart")
        base.append(f)
        short.append(["w=" + lowers[i], "p=" + tags[i], "d=" + dep, "q=%d" % quote[i]])
    # verbs worth a second look when the cue tagger leaves them out: VB*, or a saying verb with a clause
    verb = [tags[i].startswith("VB") for i in range(n)]
    say_clause = [verb[i] and lemmas[i] in SAY_LEMMAS and "ccomp" in child[i] for i in range(n)]
    return DocInfo(doc, n, heads, deps, lemmas, space, verb, say_clause, units, unit_of, para_of, quote, quote_id,
                   base, short, text=doc.text)


_NEST_DEPS = frozenset(("ccomp", "xcomp"))


def _nesting(info: DocInfo) -> list[str]:
    """Per token, "nest=say" / "nest=think" when it lies in the clausal complement of a reporting or
    thinking verb ("She said [the mayor wanted ...]"): PolNeAR's relations do not nest, so a cue word
    there is rarely a cue (in train, 6% of thinking verbs there against 52% elsewhere)."""
    head, dep, lemma = info.head, info.dep, info.lemma
    out = [""] * info.n
    for i in range(info.n):
        t = i
        for _ in range(8):
            h = head[t]
            if h == t:
                break
            if dep[t] in _NEST_DEPS and info.verb[h]:
                if lemma[h] in SAY_LEMMAS:
                    out[i] = "nest=say"
                    break
                if lemma[h] in THINK_LEMMAS:
                    out[i] = "nest=think"
                    break
            t = h
    return out


# Dependencies of the complements that carry a light or copular cue's meaning (see _frames).
_FRAME_DEPS = frozenset(("acomp", "attr", "dobj", "prep", "xcomp", "oprd"))


def _frames(info: DocInfo) -> list[list[str]]:
    """Per token, the lemma of each complement child, with its dependency ("cf=acomp|disappointed",
    "cf=prep|about"). The cue tagger then judges a light or copular verb by the frame it heads, which
    generalises to rare cues ("are [against]", "take [ownership] of") better than its lemma alone."""
    head, dep, lemma = info.head, info.dep, info.lemma
    out: list[list[str]] = [[] for _ in range(info.n)]
    for i in range(info.n):
        h = head[i]
        if h == i or info.space[i]:
            continue
        d = dep[i]
        if d in _FRAME_DEPS:
            out[h].append("cf=" + d + "|" + lemma[i])
    return [sorted(set(f)) for f in out]


def cue_features(info: DocInfo) -> list[list[str]]:
    """Features for the cue tagger, one list per token (cached on ``info``)."""
    if info.cue_feats is not None:
        return info.cue_feats
    short = info.short
    base = info.base
    n = info.n
    pre = {off: [[p + x for x in s] for s in short] for off, p in ((-2, "-2:"), (-1, "-1:"), (1, "1:"), (2, "2:"))}
    lowers = [s[0] for s in short]
    nest = _nesting(info)
    frame = _frames(info)
    out = []
    for i in range(n):
        f = list(base[i])
        f.extend(frame[i])
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                f.extend(pre[off][j])
        if i + 1 < n:
            f.append("ww=" + lowers[i] + "|" + lowers[i + 1])
        if i > 0:
            f.append("pw=" + lowers[i - 1] + "|" + lowers[i])
        if nest[i]:
            f.append(nest[i])
        out.append(f)
    info.cue_feats = out
    return out


def cue_window(info: DocInfo, cue: tuple[int, int]) -> tuple[int, int]:
    """Token range [start, end) the role tagger sees for a cue: nearby sentences in its paragraph."""
    u = info.unit_of[cue[0]]
    para = info.para_of[cue[0]]
    first = u
    while first > 0 and u - first < WINDOW_BEFORE and info.para_of[info.units[first - 1][0]] == para:
        first -= 1
    last = info.unit_of[cue[1] - 1]
    stop = last
    while (stop + 1 < len(info.units) and stop - last < WINDOW_AFTER
           and info.para_of[info.units[stop + 1][0]] == para):
        stop += 1
    return info.units[first][0], info.units[stop][1]


def _cue_head(info: DocInfo, cue: tuple[int, int]) -> int:
    s, e = cue
    for i in range(s, e):
        h = info.head[i]
        if h == i or not (s <= h < e):
            return i
    return s


def _role_base(info: DocInfo, i: int) -> list[str]:
    cache = info.role_base
    if cache is None:
        cache = info.role_base = {}
    f = cache.get(i)
    if f is None:
        f = list(info.base[i])
        if i > 0:
            f.extend("-1:" + x for x in info.short[i - 1])
        if i + 1 < info.n:
            f.extend("1:" + x for x in info.short[i + 1])
        cache[i] = f
    return f


def role_features(info: DocInfo, cue: tuple[int, int], window: tuple[int, int],
                  other_cue: list[bool] | None = None) -> list[list[str]]:
    """Features for the role tagger, for the tokens of ``window`` relative to ``cue``."""
    cs, ce = cue
    ws, we = window
    head = info.head
    dep = info.dep
    h = _cue_head(info, cue)
    hdep = dep[h]
    clemma = " ".join(info.lemma[i] for i in range(cs, ce))
    gov = head[h] if head[h] != h else -1
    cue_unit = info.unit_of[cs]
    cue_q = info.quote[h]
    cue_qid = info.quote_id[h]
    units = info.unit_of
    quote = info.quote
    qid = info.quote_id
    memo: dict = {}
    out = []
    for i in range(ws, we):
        if cs <= i < ce:
            rel = "in"
            pos = "in"
            dist = "0"
        else:
            if i < cs:
                pos = "bef"
                dist = _bucket(i - cs)
            else:
                pos = "aft"
                dist = _bucket(i - ce + 1)
            rel = "other"
            # walk up from i until the cue, its governor or the root
            t = i
            prev = i
            for _ in range(40):
                if cs <= t < ce:
                    rel = "sub:" + dep[prev]
                    break
                if t == gov:
                    rel = "govsub:" + dep[prev] if prev != gov else "gov"
                    break
                nt = head[t]
                if nt == t:
                    break
                prev = t
                t = nt
        du = units[i] - cue_unit
        qi = quote[i]
        sq = cue_qid >= 0 and qid[i] == cue_qid
        key = (rel, pos, dist, du, sq, qi)
        rf = memo.get(key)
        if rf is None:
            rf = memo[key] = [
                "pos=" + pos,
                "rel=" + rel,
                "relpos=" + rel + "|" + pos,
                "relhd=" + rel + "|" + hdep,
                "hdep=" + hdep + "|" + pos,
                "cl=" + clemma + "|" + pos,
                "clr=" + clemma + "|" + rel,
                "dist=" + dist,
                "du=%d" % du,
                "sameq=%d" % sq,
                "qc=%d%d" % (qi, cue_q),
                "qpos=%d|%s|%d" % (qi, pos, du),
            ]
        f = _role_base(info, i) + rf
        if other_cue is not None and other_cue[i] and not (cs <= i < ce):
            f.append("ocue")
        out.append(f)
    return out
