from wiretrace.analyze.entities import canonical, clean_name, entities_from_doc, resolve
from wiretrace.analyze.nlp import load_nlp

TEXT = ("Energy Minister Elena Dravik met executives of MarGaz in Lisvar on Monday. "
        "Dravik later flew to Kiev, where she met officials from the U.S. and the European Union. "
        "President Vladimir Putin said Russia would respond. Putin did not elaborate.")


def _by_name(entities):
    return {e.name: e for e in entities}


def test_surnames_join_full_names_and_aliases_merge_variants():
    entities = _by_name(entities_from_doc(load_nlp()(TEXT)))
    assert "Putin" in entities["Vladimir Putin"].aliases
    assert len(entities["Vladimir Putin"].mentions) == 2
    assert entities["Kyiv"].type == "PLACE" and "Kiev" in entities["Kyiv"].aliases
    assert "United States" in entities and "U.S." in entities["United States"].aliases
    assert "Putin" not in entities


def test_mentions_are_offsets_into_the_text():
    entities = _by_name(entities_from_doc(load_nlp()(TEXT)))
    for start, end in entities["Vladimir Putin"].mentions:
        assert TEXT[start:end] in ("Vladimir Putin", "Putin")


def test_metadata_names_join_or_add_entities():
    entities = _by_name(entities_from_doc(load_nlp()(TEXT), [("Reuters", "ORG"), ("Kiev", "PLACE")]))
    assert entities["Reuters"].type == "ORG" and entities["Reuters"].mentions == []
    assert len(entities["Kyiv"].mentions) == 1  # the tag joined the mention in the text


def test_name_cleaning_and_canonical_forms():
    assert clean_name("President Putin's") == "Putin"
    assert clean_name("the Kremlin") == "Kremlin"
    assert canonical("Kiev", "PLACE") == "Kyiv" and canonical("Kiev", "PERSON") == "Kiev"


def test_resolve_finds_the_entity_inside_a_source_phrase():
    entities = entities_from_doc(load_nlp()(TEXT))
    assert resolve("Energy Minister Elena Dravik", entities).name == "Elena Dravik"
    assert resolve("Putin", entities).name == "Vladimir Putin"
