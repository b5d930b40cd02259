from __future__ import annotations

import json

from tests.link.fixtures import story_articles, with_entities
from wiretrace.link.stories import (StoriesConfig, StoryLinker, capitalised_phrases, cluster_stories, date_order,
                                    entity_names, keep_story_ids)


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
