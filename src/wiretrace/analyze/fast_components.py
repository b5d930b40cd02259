"""Faster stand-ins for four ``en_core_web_sm`` components, giving the same annotations.

Profiling ``wiretrace analyze`` showed these components costing far more than their work:

* ``parser`` and ``ner`` run their greedy transition loops in C with the GIL released, but spaCy's
  wheels for Python < 3.12 are compiled with Cython profiling hooks, and every hooked inline call
  (``StateC.B``, ``is_valid`` ...) takes and releases the GIL: ~10 ms an article for the parser,
  ~28 ms for NER, whose arithmetic takes a few ms. :class:`FastDependencyParser` steps spaCy's own
  parse from Python, GIL held, which makes the hooks cheap. :class:`FastEntityRecognizer` runs the
  NER network (spaCy's layers) and its BILUO decoding in NumPy: outside an entity the state's
  features are fixed (the next token and two padding rows), so those scores are one matrix product
  for the whole batch, and inside an entity only "continue" (I) or "close" (L) its label is valid.
* the rule ``lemmatizer`` asks the morphology of every token whose lemma is its own form (most
  tokens), which spaCy's cache skips: :class:`FastLemmatizer` remembers every lemma by spaCy's
  cache key (~2.2 -> 0.4 ms an article).
* ``attribute_ruler`` runs a ``Matcher`` of 179 token patterns over every token and builds a
  ``Span`` per match (~13 ms an article). Nearly every pattern looks at one token's tag, lower-case
  form, dependency label and whether it is a space, so :class:`FastAttributeRuler` computes the
  attributes once per distinct combination; the few two-token patterns are checked where their
  first token fits.

Each replicates spaCy 3.8 exactly, tie-breaking and float32 summation order included (the same
matrix product, through the layers' own ``ops``, scores the states); each constructor refuses a
component it does not understand, and ``nlp.py`` then keeps spaCy's.
``tests/analyze/test_fast_components.py`` compares the annotations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, Span
from spacy.util import minibatch

#: The token attributes the ruler's patterns may test (all that ``en_core_web_sm``'s use).
_TOKEN_KEYS = frozenset(("TAG", "LOWER", "DEP", "IS_SPACE"))


_RULE_LEMMATIZE = Lemmatizer.rule_lemmatize


class Unsupported(ValueError):
    """The component uses something the stand-in does not replicate."""


def _predicate(key: str, spec):
    """A test on a token's attribute *string* (a bool for IS_SPACE), as spaCy's Matcher reads ``spec``."""
    if key not in _TOKEN_KEYS:
        raise Unsupported(f"pattern key {key}")
    if isinstance(spec, (str, bool)):
        return lambda value: value == spec
    if isinstance(spec, dict) and len(spec) == 1:
        (op, arg), = spec.items()
        if op == "IN":
            members = frozenset(arg)
            return lambda value: value in members
        if op == "NOT_IN":
            members = frozenset(arg)
            return lambda value: value not in members
        if op == "REGEX":
            regex = re.compile(arg)
            return lambda value: regex.search(value) is not None
    raise Unsupported(f"pattern value {spec!r}")


class FastAttributeRuler:
    """The ``attribute_ruler``'s patterns, matched per distinct (tag, lower, dep, is_space), where
    every word no pattern names counts as one word (they all match the same rules)."""

    #: Entries kept before the caches start afresh: a long ingest meets ever more words, and a few
    #: thousand distinct tokens cover most of any article.
    MAX_CACHED = 200_000

    def __init__(self, ruler):
        self.vocab = ruler.vocab
        self.single: list[tuple[int, list]] = []  # (rule id, token predicates)
        self.multi: list[tuple[int, int, list[list]]] = []  # (rule id, index, predicates per token)
        for rule, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                tests = [[(key, _predicate(key, spec)) for key, spec in token.items()] for token in pattern]
                if len(tests) == 1:
                    self.single.append((rule, tests[0]))
                else:
                    self.multi.append((rule, ruler.indices[rule], tests))
        self.rule_attrs = ruler.attrs
        self.columns = sorted({attr for attrs in ruler.attrs for attr in attrs})
        # The words the LOWER tests name, and their regular expressions: any other word passes or
        # fails every test as "" does (checked here), so it is matched as "" (hash 0).
        specs = [token["LOWER"] for entry in ruler.patterns for pattern in entry["patterns"] for token in pattern
                 if "LOWER" in token]
        self._named = {spec for spec in specs if isinstance(spec, str)}
        self._named.update(word for spec in specs if isinstance(spec, dict) and ("IN" in spec or "NOT_IN" in spec)
                           for word in spec.get("IN", spec.get("NOT_IN")))
        self._regexes = [re.compile(spec["REGEX"]) for spec in specs if isinstance(spec, dict) and "REGEX" in spec]
        if "" in self._named or any(regex.search("") for regex in self._regexes):
            raise Unsupported("a LOWER test that the empty string passes")
        self._strings: dict[int, str] = {}
        self._words: dict[int, int] = {}
        self._by_key: dict[tuple, tuple] = {}

    def _string(self, key: int) -> str:
        text = self._strings.get(key)
        if text is None:
            text = self._strings[key] = self.vocab.strings[key] if key else ""
        return text

    def _values(self, row: tuple) -> dict:
        tag, lower, dep, space = row
        return {"TAG": self._string(tag), "LOWER": self._string(lower), "DEP": self._string(dep),
                "IS_SPACE": bool(space)}

    def _word(self, lower: int) -> int:
        """``lower``, or 0 for a word no LOWER test names."""
        word = self._words.get(lower)
        if word is None:
            if len(self._words) >= self.MAX_CACHED:  # every new word lands here: bound it here too
                self._words.clear()
                self._strings.clear()
            text = self._string(lower)
            named = text in self._named or any(regex.search(text) for regex in self._regexes)
            word = self._words[lower] = lower if named else 0
        return word

    def _plan(self, row: tuple) -> tuple:
        """(rules matching this token alone, multi-token patterns that may start here)."""
        plan = self._by_key.get(row)
        if plan is None:
            if len(self._by_key) >= self.MAX_CACHED or len(self._words) >= self.MAX_CACHED:
                self._by_key.clear()
                self._words.clear()
                self._strings.clear()
            values = self._values(row)
            rules = [rule for rule, tests in self.single if all(test(values[k]) for k, test in tests)]
            starts = [n for n, (_, _, tests) in enumerate(self.multi) if all(test(values[k]) for k, test in tests[0])]
            plan = self._by_key[row] = (rules, starts)
        return plan

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        keys = list(map(tuple, doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()))
        rules_at: list[list[int]] = []
        extra: dict[int, list[int]] = {}
        for i, (tag, lower, dep, space) in enumerate(keys):
            rules, starts = self._plan((tag, self._word(lower), dep, space))
            rules_at.append(rules)
            for n in starts:
                rule, index, tests = self.multi[n]
                if i + len(tests) <= len(keys) and all(
                        all(test(self._values(keys[i + k])[key]) for key, test in tests[k])
                        for k in range(1, len(tests))):
                    extra.setdefault(i + (index if index >= 0 else len(tests) + index), []).append(rule)
        table = doc.to_array(self.columns)
        column = {attr: c for c, attr in enumerate(self.columns)}
        for i, rules in enumerate(rules_at):
            if i in extra:
                rules = sorted(rules + extra[i])
            # Later rules win, as in spaCy's AttributeRuler (matches applied in rule order).
            for rule in rules:
                for attr, value in self.rule_attrs[rule].items():
                    table[i, column[attr]] = value
        doc.from_array(self.columns, table)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


class FastEntityRecognizer:
    """spaCy's greedy NER decoding (BILUO, no preset entities) over the component's own network."""

    def __init__(self, ner):
        self.ner = ner
        moves = ner.moves
        names = [moves.get_class_name(i) for i in range(moves.n_moves)]
        self.kinds = [name.partition("-")[0] for name in names]
        self.labels = [name.partition("-")[2] for name in names]
        if set(self.kinds) - {"B", "I", "L", "U", "O"} or ner.cfg.get("beam_width", 1) != 1:
            raise Unsupported("not a greedy BILUO entity recognizer")
        if ner.model.attrs.get("unseen_classes") or not ner.model.attrs.get("has_upper"):
            raise Unsupported("model without an upper layer or with unseen classes")
        self.tok2vec, self.lower, self.upper = ner.model.layers
        if self.lower.get_dim("nF") != 3:
            raise Unsupported("NER state features other than (B0, E0, B0-1)")
        self.is_begin = numpy.array([k == "B" for k in self.kinds])
        # "U-" without a label only marks a preset blocked token: never valid here.
        self.is_unit = numpy.array([k == "U" and bool(label) for k, label in zip(self.kinds, self.labels)])
        self.is_out = numpy.array([k == "O" for k in self.kinds])
        self.inside = {label: i for i, (k, label) in enumerate(zip(self.kinds, self.labels)) if k == "I"}
        self.last = {label: i for i, (k, label) in enumerate(zip(self.kinds, self.labels)) if k == "L"}

    def _scores(self, unmaxed):
        """Maxout, then the upper layer through its ``ops.gemm`` (NumPy's sgemm, see ``nlp.py``: the
        same scores as the BLIS one spaCy's C loop calls)."""
        pieces = unmaxed.reshape(len(unmaxed), self.lower.get_dim("nO"), -1)
        # (An element-wise maximum over the pieces: ndarray.max over a last axis of 2 is ~10x slower.)
        hidden = pieces[:, :, 0]
        for piece in range(1, pieces.shape[2]):
            hidden = numpy.maximum(hidden, pieces[:, :, piece])
        scores = self.upper.ops.gemm(hidden, self.upper.get_param("W"), trans2=True)
        scores += self.upper.get_param("b")
        return scores

    def predict(self, docs: list[Doc]) -> list[list[tuple[int, int, str]]]:
        tokvecs = self.tok2vec.predict(docs)
        cached = self.lower.predict(tokvecs)  # (tokens + 1, features, hidden, pieces); row 0 pads
        cached = cached.reshape(len(cached), 3, -1)
        pad, feats = cached[0], cached[1:]
        bias = self.lower.get_param("b").reshape(-1)
        # Outside an entity the features are (B0, none, none); the C loop sums them into zeros in
        # feature order and adds the bias last, which is the order kept here (same float32 results).
        closed = self._scores(((feats[:, 0] + pad[1]) + pad[2]) + bias)
        found = []
        offset = 0
        for doc in docs:
            n = len(doc)
            flags = doc.to_array([SENT_START, IS_SPACE]).astype(numpy.int64)
            starts_sentence = flags[:, 0] == 1
            space = flags[:, 1].astype(bool)
            can_begin = ~space
            can_begin[-1:] = False  # the last token can only be U or O
            can_begin[:-1] &= ~starts_sentence[1:]  # entities do not cross sentence boundaries
            valid = self.is_out | (self.is_begin & can_begin[:, None]) | (self.is_unit & ~space[:, None])
            best = numpy.where(valid, closed[offset:offset + n], -numpy.inf).argmax(axis=1).tolist()
            ents = []
            i = 0
            while i < n:
                action = best[i]
                kind = self.kinds[action]
                if kind == "B":
                    end = self._entity_end(feats, pad, bias, offset, i, n, self.labels[action], starts_sentence)
                    ents.append((i, end, self.labels[action]))
                    i = end
                else:
                    if kind == "U":
                        ents.append((i, i + 1, self.labels[action]))
                    i += 1
            found.append(ents)
            offset += n
        return found

    def _entity_end(self, feats, pad, bias, offset, start, n, label, starts_sentence) -> int:
        """The end of the entity opened at ``start``: I while its scores say so, then L."""
        inside, last = self.inside[label], self.last[label]
        # The entity cannot go past its sentence, so score every token up to there at once.
        stop = start + 1
        while stop + 1 < n and not starts_sentence[stop + 1]:
            stop += 1
        rows = numpy.arange(offset + start + 1, offset + stop + 1)
        unmaxed = ((feats[rows, 0] + feats[offset + start, 1]) + feats[rows - 1, 2]) + bias
        scores = self._scores(unmaxed)
        for k, i in enumerate(range(start + 1, stop + 1)):
            # I is valid before the sentence's last token; ties go to the lower class id (I < L).
            if i + 1 < n and not starts_sentence[i + 1] and scores[k, inside] >= scores[k, last]:
                continue
            return i + 1
        return stop + 1

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            # Preset entities (none in wiretrace's pipeline) and empty texts go to spaCy's component.
            plain = [doc for doc in batch if len(doc) and not doc.has_annotation("ENT_IOB")]
            for doc, ents in zip(plain, self.predict(plain) if plain else []):
                doc.set_ents([Span(doc, s, e, label=label) for s, e, label in ents], default="outside")
            done = {id(doc) for doc in plain}
            for doc in batch:
                yield doc if id(doc) in done else self.ner(doc)


class FastDependencyParser:
    """spaCy's own greedy parse, stepped from Python so that the GIL stays held.

    Each step is what ``Parser.greedy_parse`` does in C (state features summed by spaCy's
    ``precompute_hiddens``, the upper layer through an sgemm, spaCy's transition code), so the
    parse is the same; but with the GIL held, the profiling hooks in the transition code cost little.
    """

    def __init__(self, parser):
        if parser.cfg.get("beam_width", 1) != 1 or parser.model.attrs.get("unseen_classes") \
                or not parser.model.attrs.get("has_upper"):
            raise Unsupported("not a greedy parser with an upper layer and no unseen classes")
        self.parser = parser
        self.upper = parser.model.get_ref("upper")

    def predict(self, docs: list[Doc]):
        parser = self.parser
        states = parser.moves.init_batch(docs)
        if not any(len(doc) for doc in docs):
            return states
        parser._ensure_labels_are_added(docs)
        step = parser.model.predict(docs)
        weights, bias = self.upper.get_param("W"), self.upper.get_param("b")
        todo = [state for state in states if not state.is_final()]
        while todo:
            hidden, _ = step.state2vec.begin_update(step.get_token_ids(todo))
            scores = self.upper.ops.gemm(hidden, weights, trans2=True)
            scores += bias
            todo = parser.transition_states(todo, scores)
        step.clear_memory()
        return states

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        # (Parser.pipe parses a quarter batch at a time; here a whole one: the fewer steps, the
        # less Python overhead, and finished states drop out of the batch at once.)
        for batch in minibatch(docs, size=batch_size):
            batch = list(batch)
            self.parser.set_annotations(batch, self.predict(batch))
            yield from batch


class FastLemmatizer:
    """The rule ``lemmatizer``, remembering each lemma by what decides it: the word, its universal
    POS and its morphology (the key of spaCy's own cache, which keeps only the lemmas its rules
    derive, not the base forms it reads off the morphology every time)."""

    MAX_CACHED = 200_000

    def __init__(self, lemmatizer):
        if lemmatizer.mode != "rule" or type(lemmatizer).rule_lemmatize is not _RULE_LEMMATIZE:
            raise Unsupported("not spaCy's rule lemmatizer")
        self.lemmatizer = lemmatizer
        self.strings = lemmatizer.vocab.strings
        self.cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return self.lemmatizer(doc)
        lemmatizer, cache, strings = self.lemmatizer, self.cache, self.strings
        if len(cache) >= self.MAX_CACHED:
            cache.clear()
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma != 0 and not lemmatizer.overwrite:
                continue
            found = cache.get((orth, pos, morph))
            if found is None:
                found = cache[orth, pos, morph] = strings.add(lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory("wiretrace_lemmatizer")
def make_lemmatizer(nlp: Language, name: str) -> FastLemmatizer:
    return FastLemmatizer(nlp.get_pipe("lemmatizer"))


@Language.factory("wiretrace_attribute_ruler")
def make_attribute_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    return FastAttributeRuler(nlp.get_pipe("attribute_ruler"))


@Language.factory("wiretrace_ner")
def make_entity_recognizer(nlp: Language, name: str) -> FastEntityRecognizer:
    return FastEntityRecognizer(nlp.get_pipe("ner"))


@Language.factory("wiretrace_parser")
def make_dependency_parser(nlp: Language, name: str) -> FastDependencyParser:
    return FastDependencyParser(nlp.get_pipe("parser"))


#: spaCy component -> the factory of its stand-in (which reads the component's own model).
STAND_INS = {"parser": "wiretrace_parser", "attribute_ruler": "wiretrace_attribute_ruler", "lemmatizer": "wiretrace_lemmatizer",
             "ner": "wiretrace_ner"}
