"""Coreference for sources, on records and phrases written for these tests (the pronoun and
outlet rules that need a parse are driven through the pipeline in test_pipeline.py)."""

from wiretrace.analyze.coreference import first_persons_are_their_speakers, note_alias
from wiretrace.record import Attribution, Entity


def test_an_alias_is_another_spelling_of_the_name_not_a_phrase_around_it():
    entity = Entity("Keir Starmer", "PERSON")
    for phrase in ("LONDON — British Prime Minister Keir Starmer", "Starmer", "a Downing Street transcript",
                   "Prime Minister Starmer", "the prime minister's spokesman", "Britain's Starmer government"):
        note_alias(entity, phrase)
    assert entity.aliases == ["Starmer", "Britain's Starmer government"]
    ministry = Entity("energy ministry", "ORG")
    note_alias(ministry, "the ministry")  # (a common noun of the name names nothing: "a ministry press officer")
    assert ministry.aliases == []


def test_a_first_person_inside_a_quotation_is_its_speaker():
    text = '"We were told nothing, and I believe the cap is coming," Ruys said. I believe it too.'
    quote = Attribution(source=[[57, 61]], cue=[[62, 66]], content=[[0, 55]], source_text="Ruys",
                        source_entity="Piet Ruys", source_type="person")
    inside = Attribution(source=[[27, 28]], cue=[[29, 36]], content=[[37, 54]], source_text="I")
    outside = Attribution(source=[[68, 69]], cue=[[70, 77]], content=[[78, 84]], source_text="I")
    assert text[29:36] == "believe" == text[70:77] and text[57:61] == "Ruys"
    first_persons_are_their_speakers([quote, inside, outside])
    assert (inside.source_entity, inside.source_type) == ("Piet Ruys", "person")
    assert outside.source_entity is None  # (the writer's own "I")


def test_honorifics_give_a_persons_gender_and_contradicting_ones_give_none():
    from wiretrace.analyze.coreference import honorific_genders

    people = [Entity("Kevin McKinley", "PERSON"), Entity("Hillary Clinton", "PERSON"), Entity("Lee Park", "PERSON"),
              Entity("Ann Dunn", "PERSON")]
    text = "Mr. McKinley and Mrs. Clinton spoke. Mr. Park left; Ms. Park stayed. Ann Dunn was not there."
    assert honorific_genders(text, people) == {"Kevin McKinley": "m", "Hillary Clinton": "f"}


def test_a_name_with_a_possessive_in_its_appositive_is_not_that_possessors():
    from wiretrace.analyze.coreference import resolve_name

    marvosa = Entity(name="Marvosa", type="PLACE")
    veles = Entity(name="Anton Veles", type="PERSON")
    # "Marvosa's ... producer" describes MarGaz; Marvosa says nothing.
    assert resolve_name("MarGaz JSC, Marvosa's state-controlled natural gas producer,", [marvosa]) is None
    assert resolve_name("Israeli settlers, who form part of Netanyahu's constituency",
                        [Entity(name="Benjamin Netanyahu", type="PERSON", aliases=["Netanyahu"])]) is None
    # ... while a name in the appositive itself is still found.
    assert resolve_name("MarGaz's chief executive, Anton Veles,", [marvosa, veles]) is veles
