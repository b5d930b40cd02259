"""Hand-made features for claim/body stance (FNC-1 style): relatedness and cue words.

Pure Python + numpy, no spaCy: a pair costs well under a millisecond once its body is prepared,
and a body is prepared once per batch (:class:`Featurizer` caches it by text).

Two families of features:

* relatedness: TF-IDF cosines of the claim against the whole body, its lead and its sentences,
  idf-weighted coverage of the claim's content words, n-gram, number and proper-noun overlap,
  a BM25-like score;
* stance: counts of refuting, hedging, confirming, negation and question cues in the whole body,
  its lead, the sentences most similar to the claim and the claim itself, one count per cue group
  and one per cue.

The IDF table is fitted at train time on the training bodies and claims (no labels) and stored
in the model file, so prediction needs no corpus.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Iterable, Mapping

import numpy as np

TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
NUMBER = re.compile(r"\b\d[\d,.]*\b")
CAPITAL = re.compile(r"\b[A-Z][a-zA-Z]+\b")
SENTENCE_END = re.compile(r"(?<=[.!?\"”’])\s+(?=[\"“‘(]?[A-Z0-9])|\n+")

STOP = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just me
more most my myself now of off on once only or other our ours out over own same she should so
some such than that the their theirs them themselves then there these they this those through to
too under until up very was we were what when where which while who whom why will with would you
your yours said says say told new one two also it's that's he's she's
""".split())

NEGATION = frozenset("no not never none nobody nothing neither nor without n't cannot isn't wasn't "
                     "aren't weren't don't doesn't didn't won't can't couldn't hasn't haven't hadn't "
                     "shouldn't wouldn't".split())

# (group, cue pattern). Patterns are matched on lower-cased sentence text at word boundaries.
CUES: tuple[tuple[str, str], ...] = (
    # refuting / denial
    ("refute", r"hoax(?:es|ed)?"), ("refute", r"fake[ds]?"), ("refute", r"false(?:ly|hood)?"),
    ("refute", r"untrue"), ("refute", r"not true"), ("refute", r"den(?:y|ies|ied|ying|ial|ials)"),
    ("refute", r"debunk(?:s|ed|ing)?"), ("refute", r"fabricat(?:ed|ion|e)"),
    ("refute", r"refut(?:e|es|ed|ing)"), ("refute", r"no evidence"), ("refute", r"misleading"),
    ("refute", r"satir(?:e|ical)|parody|spoof"), ("refute", r"prank(?:s|ster)?"),
    ("refute", r"never happened"), ("refute", r"doctored|photoshopped|manipulated"),
    ("refute", r"scam(?:s|mer)?|fraud(?:ulent)?"), ("refute", r"bogus|baseless|unfounded|nonsense|ludicrous|ridiculous"),
    ("refute", r"myth|made up|made-up"), ("refute", r"retract(?:s|ed|ion)?"),
    ("refute", r"dismiss(?:es|ed)?|reject(?:s|ed)?"), ("refute", r"debunked|busted"),
    ("refute", r"isn't|wasn't|aren't|weren't|is not|was not|did not|didn't|does not|doesn't"),
    ("refute", r"not real|not actually|nothing to|no truth|no basis|no plans?"),
    ("refute", r"insist(?:s|ed)?"), ("refute", r"contrary|in fact|actually"),
    ("refute", r"turns? out|turned out"), ("refute", r"despite"), ("refute", r"doubt(?:s|ed|ful)?"),
    ("refute", r"incorrect|inaccurate|wrong|erroneous"), ("refute", r"conspiracy theor(?:y|ies|ist)"),
    ("refute", r"exaggerat(?:ed|ion|e)"), ("refute", r"nope|urban legend|legend|folklore|fiction(?:al)?"),
    ("refute", r"fell for|too good to be true|not the case|pushing back|pushed back|no such"),
    ("refute", r"has not|hasn't|have not|haven't|had not|never"), ("refute", r"no|not"),
    ("refute", r"story|stories"), ("refute", r"internet|online|websites?"), ("refute", r"rumou?rs? (?:is|are|was|were) (?:false|untrue|not true)"),
    # hedging / reporting without position
    ("hedge", r"reportedly"), ("hedge", r"reported"), ("hedge", r"reports?"),
    ("hedge", r"alleged(?:ly)?|allegations?"), ("hedge", r"claim(?:s|ed|ing)?"),
    ("hedge", r"unconfirmed|unverified|not (?:yet )?(?:been )?(?:independently )?(?:confirmed|verified)"),
    ("hedge", r"could not (?:be )?(?:independently )?(?:confirmed|verified)|cannot be (?:independently )?(?:confirmed|verified)"),
    ("hedge", r"rumou?r(?:s|ed)?"), ("hedge", r"supposed(?:ly)?"), ("hedge", r"apparent(?:ly)?"),
    ("hedge", r"according to"), ("hedge", r"purported(?:ly)?"), ("hedge", r"may|might"),
    ("hedge", r"could"), ("hedge", r"possibl[ey]|perhaps|likely"), ("hedge", r"unclear|uncertain|unknown"),
    ("hedge", r"appears?|seems?|seemingly"), ("hedge", r"suggest(?:s|ed|ing)?"),
    ("hedge", r"believed?|thought to"), ("hedge", r"speculat(?:e|es|ed|ion|ing)"),
    ("hedge", r"if true|whether"), ("hedge", r"sources?"), ("hedge", r"said to be|is said|are said"),
    ("hedge", r"viral|circulat(?:ing|ed|es)|went viral|social media"), ("hedge", r"tweet(?:s|ed)?|posted"),
    ("hedge", r"would"), ("hedge", r"not immediately|did not respond|declined to comment|no comment"),
    ("hedge", r"investigat(?:e|es|ed|ing|ion)"), ("hedge", r"question(?:s|ed|able)?|mystery"),
    # confirming
    ("confirm", r"confirm(?:s|ed|ing|ation)?"), ("confirm", r"announc(?:e|es|ed|ement)"),
    ("confirm", r"official(?:ly|s)?"), ("confirm", r"revealed?|reveals"), ("confirm", r"proven?|proof"),
    ("confirm", r"indeed"), ("confirm", r"true"), ("confirm", r"verified"),
    ("confirm", r"statement"), ("confirm", r"admit(?:s|ted)?"), ("confirm", r"has been|have been"),
    ("confirm", r"killed|died|dead|arrested|charged"), ("confirm", r"shows?|showed|footage|video|photos?"),
    ("confirm", r"will|plans? to"), ("confirm", r"said|says|told"),
    # quotes and questions
    ("quote", r"[\"“”]"), ("question", r"\?"),
)
GROUPS = ("refute", "hedge", "confirm", "quote", "question")
_CUE_RES = [re.compile(p if p in (r"[\"“”]", r"\?") else rf"\b(?:{p})\b") for _, p in CUES]
_CUE_GROUP = np.array([[1.0 if g == grp else 0.0 for grp in GROUPS] for g, _ in CUES])  # n_cues x groups
N_CUES = len(CUES)
LEAD_SENTENCES = 3
TOP_SENTENCES = 3


def stem(word: str) -> str:
    """A crude suffix stripper: enough to match 'denies'/'denied'/'deny' style variants."""
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) <= 3 or word.isdigit():
        return word
    for suffix, repl, min_len in (("ies", "y", 5), ("sses", "ss", 5), ("ing", "", 6), ("edly", "", 7),
                                  ("ed", "", 5), ("ly", "", 6), ("es", "", 5), ("s", "", 4)):
        if word.endswith(suffix) and len(word) >= min_len:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            return word[: len(word) - len(suffix)] + repl
    return word


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text.lower().replace("’", "'"))


def content_stems(toks: Iterable[str]) -> list[str]:
    return [stem(t) for t in toks if t not in STOP and len(t) > 1]


def split_sentences(text: str) -> list[str]:
    out = [s.strip() for s in SENTENCE_END.split(text)]
    return [s for s in out if s and TOKEN.search(s.lower())]


def fit_idf(docs: Iterable[Iterable[str]]) -> dict[str, float]:
    """Smoothed idf over documents given as stem collections."""
    df: Counter = Counter()
    n = 0
    for doc in docs:
        n += 1
        df.update(set(doc))
    return {t: math.log((1 + n) / (1 + d)) + 1.0 for t, d in df.items() if d >= 2}


def fit_lsa(docs: list[list[str]], idf: Mapping[str, float], dims: int = 64, seed: int = 0) -> np.ndarray:
    """Latent semantic word vectors (vocabulary = ``sorted(idf)``), from a truncated SVD of the
    l2-normalised TF-IDF document matrix: lets 'Baghdadi' and 'ISIS' meet without sharing a word."""
    from scipy.sparse import csr_matrix
    from sklearn.decomposition import TruncatedSVD

    index = {t: i for i, t in enumerate(sorted(idf))}
    rows, cols, vals = [], [], []
    for r, doc in enumerate(docs):
        vec = _tfidf([t for t in doc if t in index], idf, 1.0)
        for t, v in sorted(vec.items()):
            rows.append(r)
            cols.append(index[t])
            vals.append(v)
    m = csr_matrix((vals, (rows, cols)), shape=(len(docs), len(index)))
    svd = TruncatedSVD(n_components=dims, algorithm="randomized", n_iter=7, random_state=seed)
    svd.fit(m)
    return svd.components_.T.astype(np.float32)


def _cue_counts(text: str) -> np.ndarray:
    low = text.lower().replace("’", "'")
    return np.array([len(r.findall(low)) for r in _CUE_RES], dtype=float)


def _tfidf(stems: Iterable[str], idf: Mapping[str, float], default: float) -> dict[str, float]:
    tf = Counter(stems)
    vec = {t: (1 + math.log(c)) * idf.get(t, default) for t, c in tf.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def _embed(vec: Mapping[str, float], lsa) -> np.ndarray:
    index, mat = lsa
    ids = [index[t] for t in vec if t in index]
    if not ids:
        return np.zeros(mat.shape[1], dtype=np.float32)
    e = np.array([vec[t] for t in vec if t in index], dtype=np.float32) @ mat[ids]
    n = float(np.linalg.norm(e))
    return e / n if n else e


def _cos(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


class Body:
    """Everything about a body that does not depend on the claim."""

    __slots__ = ("stems", "stem_set", "tf", "vec", "lead_vec", "lead_set", "sent_vecs", "sent_sets",
                 "sent_cues", "sent_neg", "cues", "lead_cues", "n_tokens", "bigrams", "trigrams",
                 "numbers", "capitals", "first_pos", "emb", "lead_emb", "sent_emb")

    def __init__(self, text: str, idf: Mapping[str, float], default_idf: float, lsa=None):
        sents = split_sentences(text) or [text]
        sent_toks = [tokens(s) for s in sents]
        sent_stems = [content_stems(t) for t in sent_toks]
        all_toks = [t for ts in sent_toks for t in ts]
        all_stems_full = [stem(t) for t in all_toks]
        self.stems = [s for ss in sent_stems for s in ss]
        self.stem_set = set(self.stems)
        self.tf = Counter(self.stems)
        self.n_tokens = len(all_toks)
        self.vec = _tfidf(self.stems, idf, default_idf)
        lead = [s for ss in sent_stems[:LEAD_SENTENCES] for s in ss]
        self.lead_vec = _tfidf(lead, idf, default_idf)
        self.lead_set = set(lead)
        self.sent_vecs = [_tfidf(ss, idf, default_idf) for ss in sent_stems]
        self.sent_sets = [set(ss) for ss in sent_stems]
        self.sent_cues = np.array([_cue_counts(s) for s in sents])  # n_sent x n_cues
        self.sent_neg = np.array([sum(1 for t in ts if t in NEGATION) for ts in sent_toks], dtype=float)
        self.cues = self.sent_cues.sum(axis=0)
        self.lead_cues = self.sent_cues[:LEAD_SENTENCES].sum(axis=0)
        self.bigrams = set(zip(all_stems_full, all_stems_full[1:]))
        self.trigrams = set(zip(all_stems_full, all_stems_full[1:], all_stems_full[2:]))
        self.numbers = {n.strip(".,") for n in NUMBER.findall(text)}
        self.capitals = {c.lower() for c in CAPITAL.findall(text)}
        self.first_pos: dict[str, int] = {}
        for i, s in enumerate(self.stems):
            self.first_pos.setdefault(s, i)
        if lsa is not None:
            self.emb = _embed(self.vec, lsa)
            self.lead_emb = _embed(self.lead_vec, lsa)
            self.sent_emb = np.vstack([_embed(v, lsa) for v in self.sent_vecs])


class Claim:
    __slots__ = ("toks", "stems", "stem_set", "vec", "full_stems", "bigrams", "trigrams", "numbers",
                 "capitals", "cues", "neg", "text", "emb")

    def __init__(self, text: str, idf: Mapping[str, float], default_idf: float, lsa=None):
        self.text = text
        self.toks = tokens(text)
        self.stems = content_stems(self.toks)
        self.stem_set = set(self.stems)
        self.vec = _tfidf(self.stems, idf, default_idf)
        self.full_stems = [stem(t) for t in self.toks]
        self.bigrams = set(zip(self.full_stems, self.full_stems[1:]))
        self.trigrams = set(zip(self.full_stems, self.full_stems[1:], self.full_stems[2:]))
        self.numbers = {n.strip(".,") for n in NUMBER.findall(text)}
        # capitalised words other than the first: headlines are title-cased, so keep only words
        # that are not stop words
        self.capitals = {c.lower() for c in CAPITAL.findall(text) if c.lower() not in STOP}
        self.cues = _cue_counts(text)
        self.neg = float(sum(1 for t in self.toks if t in NEGATION))
        self.emb = _embed(self.vec, lsa) if lsa is not None else None


def feature_names() -> list[str]:
    names = ["cos_body", "cos_lead", "cov_idf", "cov_idf_lead", "cov_plain", "n_claim_in_body",
             "bigram_ov", "trigram_ov", "sent_max", "sent_top3", "sent_argmax_rel", "sent_n_above",
             "sent_cov_max", "num_ov", "has_num", "cap_ov", "n_cap", "bm25", "claim_len", "body_len",
             "n_sent", "density", "first_pos", "claim_neg", "top_neg", "lead_neg", "neg_xor",
             "claim_q", "body_q_rate", "lsa_body", "lsa_lead", "lsa_sent_max", "lsa_sent_top3"]
    for where in ("body", "lead", "first", "top", "near", "claim"):
        names += [f"{where}_grp_{g}" for g in GROUPS]
    names += ["claim_ref_x_body_ref", "claim_ref_x_lead_ref", "claim_ref_xor_lead_ref", "claim_hedge_x_body_hedge",
              "refute_minus_confirm", "hedge_minus_confirm"]
    for where in ("body", "top", "claim"):
        names += [f"{where}_cue{i}" for i in range(N_CUES)]
    return names


class Featurizer:
    def __init__(self, idf: Mapping[str, float], avg_body_len: float = 300.0, lsa: np.ndarray | None = None):
        """``lsa``: word vectors for ``sorted(idf)`` (see :func:`fit_lsa`), or None for none."""
        self.idf = idf
        self.lsa = None if lsa is None else ({t: i for i, t in enumerate(sorted(idf))}, lsa)
        self.default_idf = max(idf.values()) if idf else 1.0
        self.avg_body_len = avg_body_len
        self._bodies: dict[str, Body] = {}
        self._claims: dict[str, Claim] = {}

    def body(self, text: str) -> Body:
        b = self._bodies.get(text)
        if b is None:
            if len(self._bodies) > 4096:
                self._bodies.clear()
            b = self._bodies[text] = Body(text, self.idf, self.default_idf, self.lsa)
        return b

    def claim(self, text: str) -> Claim:
        c = self._claims.get(text)
        if c is None:
            if len(self._claims) > 16384:
                self._claims.clear()
            c = self._claims[text] = Claim(text, self.idf, self.default_idf, self.lsa)
        return c

    def features(self, claim_text: str, body_text: str) -> np.ndarray:
        c, b = self.claim(claim_text), self.body(body_text)
        idf, dflt = self.idf, self.default_idf
        cs = sorted(c.stem_set)  # a fixed order: float sums must not depend on string hashing
        w = {t: idf.get(t, dflt) for t in cs}
        wsum = sum(w.values()) or 1.0
        in_body = [t for t in cs if t in b.stem_set]
        cov_idf = sum(w[t] for t in in_body) / wsum
        cov_lead = sum(w[t] for t in cs if t in b.lead_set) / wsum
        cov_plain = len(in_body) / len(cs) if cs else 0.0
        sims = np.array([_cos(c.vec, v) for v in b.sent_vecs]) if b.sent_vecs else np.zeros(1)
        sent_cov = [sum(w[t] for t in cs if t in ss) / wsum for ss in b.sent_sets] or [0.0]
        order = np.argsort(-sims, kind="stable")
        top = order[:TOP_SENTENCES]
        n_sent = len(b.sent_vecs)
        near_mask = np.array(sent_cov) >= 0.3
        # BM25 (k1=1.2, b=0.75), normalised by the claim's idf mass
        k1, bb = 1.2, 0.75
        norm_len = k1 * (1 - bb + bb * len(b.stems) / self.avg_body_len)
        bm25 = sum(w[t] * b.tf[t] * (k1 + 1) / (b.tf[t] + norm_len) for t in in_body) / wsum
        density = sum(b.tf[t] for t in in_body) / (len(b.stems) or 1)
        first = min((b.first_pos[t] for t in in_body), default=len(b.stems)) / (len(b.stems) or 1)
        top_neg = float(b.sent_neg[top].sum())
        lead_neg = float(b.sent_neg[:LEAD_SENTENCES].sum())
        top_cues = b.sent_cues[top].sum(axis=0)
        near_cues = b.sent_cues[near_mask].sum(axis=0) if near_mask.any() else np.zeros(N_CUES)
        body_rate = b.cues / max(n_sent, 1)
        head = [
            _cos(c.vec, b.vec), _cos(c.vec, b.lead_vec), cov_idf, cov_lead, cov_plain, float(len(in_body)),
            len(c.bigrams & b.bigrams) / (len(c.bigrams) or 1), len(c.trigrams & b.trigrams) / (len(c.trigrams) or 1),
            float(sims.max()), float(np.sort(sims)[::-1][:3].mean()),
            float(order[0]) / max(n_sent, 1), float((sims > 0.2).sum()), float(max(sent_cov)),
            len(c.numbers & b.numbers) / (len(c.numbers) or 1), float(bool(c.numbers)),
            len(c.capitals & b.capitals) / (len(c.capitals) or 1), float(len(c.capitals)),
            bm25, float(len(c.toks)), math.log1p(b.n_tokens), float(n_sent), density, first,
            c.neg, top_neg, lead_neg, float((c.neg > 0) != (top_neg > 0)),
            float("?" in c.text), float(b.cues[-1]) / max(n_sent, 1),
        ]
        if self.lsa is not None:
            ls = b.sent_emb @ c.emb
            head += [float(b.emb @ c.emb), float(b.lead_emb @ c.emb), float(ls.max()),
                     float(np.sort(ls)[::-1][:3].mean())]
        else:
            head += [0.0, 0.0, 0.0, 0.0]
        groups = [body_rate @ _CUE_GROUP, b.lead_cues @ _CUE_GROUP, b.sent_cues[0] @ _CUE_GROUP,
                  top_cues @ _CUE_GROUP, near_cues @ _CUE_GROUP, c.cues @ _CUE_GROUP]
        body_g, lead_g, claim_g = groups[0], groups[1], groups[5]
        inter = [claim_g[0] * body_g[0], claim_g[0] * lead_g[0], float((claim_g[0] > 0) != (lead_g[0] > 0)),
                 claim_g[1] * body_g[1], body_g[0] - body_g[2], body_g[1] - body_g[2]]
        return np.concatenate([np.array(head), *groups, np.array(inter), body_rate, top_cues, c.cues])

    def matrix(self, pairs: Iterable[tuple[str, str]]) -> np.ndarray:
        rows = [self.features(c, b) for c, b in pairs]
        return np.vstack(rows) if rows else np.zeros((0, len(feature_names())))


class BagOfWords:
    """Sublinear TF-IDF over a small general vocabulary (stems found in at least ``min_share`` of
    the training bodies, stop words included: 'not', 'could', 'hoax' ...), for the claim and for
    the body, as two l2-normalised blocks. Feeds a logistic regression on the stance stage."""

    def __init__(self, vocab: list[str], idf: list[float]):
        self.vocab = list(vocab)
        self.index = {t: i for i, t in enumerate(self.vocab)}
        self.idf = np.asarray(idf, dtype=float)

    @classmethod
    def fit(cls, bodies: Iterable[str], min_share: float = 0.03) -> "BagOfWords":
        docs = [set(stem(t) for t in tokens(b)) for b in bodies]
        df: Counter = Counter(t for d in docs for t in d)
        n = len(docs)
        vocab = sorted(t for t, d in df.items() if d >= min_share * n)
        return cls(vocab, [math.log((1 + n) / (1 + df[t])) + 1.0 for t in vocab])

    def vector(self, text: str) -> dict[int, float]:
        tf = Counter(self.index[s] for s in (stem(t) for t in tokens(text)) if s in self.index)
        vec = {i: (1 + math.log(c)) * self.idf[i] for i, c in tf.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {i: v / norm for i, v in sorted(vec.items())}

    def matrix(self, pairs: Iterable[tuple[str, str]]):
        """Sparse (n, 2 * |vocab|) matrix: body block, then claim block."""
        from scipy.sparse import csr_matrix

        v = len(self.vocab)
        cache: dict[str, dict[int, float]] = {}
        rows, cols, vals = [], [], []
        n = 0
        for claim, body in pairs:
            bv = cache.get(body)
            if bv is None:
                bv = cache[body] = self.vector(body)
            for i, x in bv.items():
                rows.append(n); cols.append(i); vals.append(x)
            for i, x in self.vector(claim).items():
                rows.append(n); cols.append(v + i); vals.append(x)
            n += 1
        return csr_matrix((vals, (rows, cols)), shape=(n, 2 * v))
