from __future__ import annotations

import json
import math

from tests.link.fixtures import staff_story, story_articles, truncated_copy, wire_original, with_entities
from wiretrace.link.stories import (StoriesConfig, StoryLinker, capitalised_phrases, cluster_stories, date_order,
                                    article_day, article_text, entity_names, keep_story_ids,
                                    term_counts)


def test_same_event_joins_different_event_about_same_person_does_not():
    labels = cluster_stories(story_articles())
    assert labels["a1"] == labels["a2"]
    assert labels["b1"] == labels["b2"]
    assert labels["a1"] != labels["b1"]


def test_incremental_tomorrow_joins_today():
    arts = story_articles()
    linker = StoryLinker()
    first = linker.add("a1", arts["a1"])
    assert first.new and first.score is None
    second = linker.add("a2", arts["a2"])  # ingested "tomorrow"
    assert not second.new and second.story == first.story and second.score >= linker.config.threshold
    third = linker.add("b1", arts["b1"])
    assert third.new


def test_time_decay_closes_old_stories():
    arts = story_articles()
    late = arts["a2"]
    late.published = "2024-09-01"  # months later: the first story is closed
    labels = cluster_stories(arts)
    assert labels["a1"] != labels["a2"]
    linker = StoryLinker(StoriesConfig(max_gap_days=1000, half_life_days=1000, grace_days=1000))
    linker.add("a1", arts["a1"])
    assert linker.add("a2", late).story == "story-1"


def test_state_round_trips_through_json():
    arts = story_articles()
    linker = StoryLinker()
    linker.add("a1", arts["a1"])
    restored = StoryLinker.from_state(json.loads(json.dumps(linker.state())))
    assert restored.add("a2", arts["a2"]).story == linker.add("a2", arts["a2"]).story


def test_date_order_with_offsets():
    items = [("x", {"published": "2024-05-02T01:00:00+05:30"}), ("y", {"published": "2024-05-01T21:00:00+00:00"}),
             ("z", {"published": None})]
    assert [i for i, _ in date_order(items)] == ["x", "y", "z"]  # 19:30 UTC on the 1st, then 21:00


def test_capitalised_phrases():
    names = capitalised_phrases("The Senate voted. Senator Ilsa Brandvold said Monday that the Department of Energy "
                                "would act.")
    assert "ilsa brandvold" in names and "brandvold" in names
    assert "department of energy" in names
    assert "the" not in names and "monday" not in names


def test_record_entities_are_used_when_present():
    article = with_entities(story_articles()["a1"], [("Ilsa Brandvold", "PERSON"), ("Senate", "ORG")])
    names = entity_names(article)
    assert set(names) == {"ilsa brandvold", "ilsa", "brandvold", "senate"}
    labels = cluster_stories({"a1": article, "a2": with_entities(story_articles()["a2"],
                                                                  [("Ilsa Brandvold", "PERSON")])})
    assert labels["a1"] == labels["a2"]


def test_the_outlet_and_the_agency_that_carried_a_story_say_nothing_of_its_event():
    article = with_entities(story_articles()["a1"], [("Ilsa Brandvold", "PERSON"), ("Reuters", "ORG"),
                                                     ("Harbour Post", "ORG"), ("Associated Press", "ORG")])
    article.publisher, article.wire = "Harbour Post", "Reuters"
    assert set(entity_names(article)) == {"ilsa brandvold", "ilsa", "brandvold"}


def test_basil_style_dicts_accepted():
    rows = {"1": {"title": "Senator Ilsa Brandvold unveils insulin price cap", "text": "Senator Ilsa Brandvold proposed "
                  "capping insulin prices at thirty dollars a month for every patient.", "date": "2024-05-02"},
            "2": {"title": "Brandvold insulin cap wins support", "text": "Charities endorsed Senator Ilsa Brandvold's "
                  "plan capping insulin prices at thirty dollars a month.", "date": "2024-05-03"}}
    labels = cluster_stories(rows)
    assert labels["1"] == labels["2"]


def test_reclustered_stories_keep_the_ids_their_articles_had():
    previous = {"a1": "story-1", "a2": "story-1", "b1": "story-2", "c1": "story-3", "c2": "story-4", "c3": "story-4"}
    # Positions shifted by an older article ("z1") that now starts the first story.
    clusters = {"story-1": ["z1"], "story-2": ["a1", "a2", "a3"], "story-3": ["b1"], "story-4": ["c1", "c2", "c3"]}
    ids, merged = keep_story_ids(clusters, previous, issued=["story-1", "story-2", "story-3", "story-4", "story-5"])
    assert ids == {"story-1": "story-6", "story-2": "story-1", "story-3": "story-2", "story-4": "story-4"}
    assert merged == {"story-3": "story-4"}  # folded into the story holding its article
    # A story split in two: the larger part keeps the id.
    ids, merged = keep_story_ids({"x": ["a1"], "y": ["a2", "a3"]}, {"a1": "story-1", "a2": "story-1", "a3": "story-1"})
    assert ids == {"y": "story-1", "x": "story-2"} and merged == {}
    # Two stories joined: the older id is kept, the other leads to it.
    ids, merged = keep_story_ids({"x": ["a1", "b1"]}, {"a1": "story-2", "b1": "story-1"})
    assert ids == {"x": "story-1"} and merged == {"story-2": "story-1"}


def _formula_scores(linker: StoryLinker, article) -> list[tuple[float, str]]:
    """score(a, S) as the module docstring defines it, written out over dicts (a slow reference)."""
    def idf(df, n, key):
        return math.log((1 + n) / (1 + df.get(key, 0))) + 1.0

    def unit(tf):
        vec = {t: w * idf(linker.df, linker.n_docs, t) for t, w in tf.items()}
        norm = math.sqrt(sum(x * x for x in vec.values())) or 1.0
        return {t: x / norm for t, x in vec.items()}

    def overlap(a, b):
        weight = lambda names: sum(idf(linker.ent_df, linker.n_ent_docs, n) for n in names)  # noqa: E731
        smaller = min(weight(a), weight(b)) if a and b else 0.0
        return weight(a.keys() & b.keys()) / smaller if smaller else 0.0

    tf = {t: 1.0 + math.log(k) for t, k in term_counts(*article_text(article)).items()}
    ents, mine = dict(entity_names(article)), unit(tf)
    text, entity = {}, {}
    for doc in linker._open:
        other = unit(doc.tf)
        text[doc.story] = max(text.get(doc.story, -1.0), sum(x * other.get(t, 0.0) for t, x in mine.items()))
        entity[doc.story] = max(entity.get(doc.story, -1.0), overlap(ents, doc.ents))
    c = linker.config
    out = []
    for sid, cos in text.items():
        gap = abs(article_day(article) - linker.stories[sid].last)
        if gap <= c.max_gap_days:
            out.append((((1 - c.entity_weight) * cos + c.entity_weight * entity[sid])
                        * 0.5 ** (max(0.0, gap - c.grace_days) / c.half_life_days), sid))
    return sorted(out, key=lambda t: (-t[0], t[1]))


def test_scores_are_the_formula_whatever_the_articles_seen():
    arts = story_articles()
    linker = StoryLinker()
    for ident, article in [("w", wire_original()), ("a1", arts["a1"]), ("s", staff_story()),
                           ("a1e", with_entities(arts["a1"], [("Ilsa Brandvold", "PERSON"), ("Senate", "ORG")]))]:
        linker.add(ident, article)
    restored = StoryLinker.from_state(json.loads(json.dumps(linker.state())))
    for article in [truncated_copy(), arts["a2"], arts["b1"], with_entities(arts["b2"], [("Ilsa Brandvold", "PERSON")])]:
        expected = _formula_scores(linker, article)
        for got in (linker.score(article), restored.score(article)):
            assert [sid for _, sid in got] == [sid for _, sid in expected]
            assert [round(x, 9) for x, _ in got] == [round(x, 9) for x, _ in expected]
