from wiretrace.analyze.entities import canonical, clean_name, entities_from_doc, resolve
from wiretrace.analyze.nlp import load_nlp
from wiretrace.record import Entity

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
    # The day the subject spoke, hung on it by the parse, is no part of its name.
    assert clean_name("Marvosa's port operator on Saturday") == "Marvosa's port operator"
    assert clean_name("The ministry late on Friday evening") == "ministry"
    assert clean_name("Monday Night Football") == "Monday Night Football"
    assert canonical("Kiev", "PLACE") == "Kyiv" and canonical("Kiev", "PERSON") == "Kiev"


def test_resolve_finds_the_entity_inside_a_source_phrase():
    entities = entities_from_doc(load_nlp()(TEXT))
    assert resolve("Energy Minister Elena Dravik", entities).name == "Elena Dravik"
    assert resolve("Putin", entities).name == "Vladimir Putin"


def test_a_name_joined_by_a_hyphen_only_modifies_the_source():
    entities = [Entity(name="Kremlin", type="ORG"), Entity(name="Hamas", type="ORG")]
    assert resolve("The Kremlin-backed governor of the region", entities) is None
    assert resolve("the Hamas-run health ministry", entities) is None
    assert resolve("pro-Kremlin bloggers", entities) is None
    assert resolve("Kremlin spokesman Dmitry Peskov", entities).name == "Kremlin"


DENIAL = ("Senator Tom Hale said on Monday that Governor Ruth Cole had accepted $50,000 in undeclared campaign "
          "donations from a construction firm.\n\n"
          "Cole denied the allegation. \"This is a smear,\" she told reporters in Springfield.")


def test_resolve_finds_a_person_by_surname_or_title_and_surname():
    entities = entities_from_doc(load_nlp()(DENIAL))
    for phrase in ("Cole", "Mr. Cole", "Governor Cole", "Cole's"):
        assert resolve(phrase, entities).name == "Ruth Cole", phrase
    assert resolve("Senator Hale", entities).name == "Tom Hale"
    assert resolve("Springfield", entities).name == "Springfield"


def test_a_surname_two_people_share_goes_to_the_one_introduced_first():
    text = ("Former President Bill Clinton campaigned for his wife, Hillary Clinton, in Iowa on Monday. "
            "Chelsea Clinton did not attend. Clinton told the crowd the economy had recovered.")
    entities = entities_from_doc(load_nlp()(text))
    assert resolve("Clinton", entities).name == "Bill Clinton"
    # The first name still tells them apart.
    assert resolve("Hillary Clinton", entities).name == "Hillary Clinton"


def test_a_denial_by_surname_is_credited_to_the_accused_not_the_accuser():
    from wiretrace.analyze.pipeline import analyze_doc

    doc = load_nlp()(DENIAL)
    _, attributions, _ = analyze_doc(doc)
    by_source = {a.source_text: a.source_entity for a in attributions}
    assert by_source["Cole"] == "Ruth Cole"
    assert by_source["she"] == "Ruth Cole"


def test_short_forms_join_the_full_name_introduced_earlier():
    text = ("President Vladimir Putin met Chinese leader Xi Jinping in Beijing on Thursday. Xi told Putin that "
            "Beijing was ready to work with Moscow. The Russian Federation and the People's Republic of China "
            "signed 12 agreements. Ukrainian President Volodymyr Zelenskiy said the talks changed nothing. "
            "Zelensky said Kyiv needed more air defence.")
    entities = _by_name(entities_from_doc(load_nlp()(text)))
    assert "Xi" in entities["Xi Jinping"].aliases and "Xi" not in entities
    assert "Zelensky" in entities["Volodymyr Zelenskiy"].aliases and "Zelensky" not in entities
    assert "People's Republic of China" in entities["China"].aliases
    assert resolve("Xi", list(entities.values())).name == "Xi Jinping"


def test_organisations_join_their_acronym_and_their_name_without_company_words():
    text = ("Zambia is in talks to sell a stake in Konkola Copper Mines to International Resources Holding, "
            "Bloomberg News reported on Tuesday. The deal could value the mine at about $1.1 billion, Bloomberg "
            "said. IRH declined to comment. Vedanta Resources, which owned Konkola until 2019, has been fighting "
            "to regain control. A Vedanta spokesman said the company would comment later.")
    entities = _by_name(entities_from_doc(load_nlp()(text)))
    assert "IRH" in entities["International Resources Holding"].aliases and "IRH" not in entities
    assert "Bloomberg" in entities["Bloomberg News"].aliases and "Bloomberg" not in entities
    assert "Vedanta" in entities["Vedanta Resources"].aliases and "Vedanta" not in entities
    assert resolve("IRH", list(entities.values())).name == "International Resources Holding"


def test_titles_datelines_and_trailing_function_words_leave_names():
    entities = _by_name(entities_from_doc(load_nlp()(
        "Treasurer Jim Chalmers rejected the criticism. Councilman Ray Ortiz called the closures a betrayal.")))
    assert {"Jim Chalmers", "Ray Ortiz"} <= set(entities)
    assert clean_name("LONDON — British Prime Minister Keir Starmer") == "Keir Starmer"
    assert clean_name("U.S. Secretary of State Antony Blinken") == "Antony Blinken"
    assert clean_name("Martin Luther King") == "Martin Luther King"
    # Organisations keep a first word that is a title elsewhere.
    assert clean_name("General Motors", "ORG") == "General Motors"
    assert clean_name("Chamber of Mines of", "ORG") == "Chamber of Mines"
    assert clean_name("Ministry of Mines nor", "ORG") == "Ministry of Mines"


def test_a_name_run_on_into_a_function_word_is_trimmed_with_its_mention():
    text = "Neither the Ministry of Mines nor IRH responded. Output figures came from the Chamber of Mines of Zambia."
    entities = entities_from_doc(load_nlp()(text))
    names = {e.name for e in entities}
    assert not any(n.endswith((" nor", " of")) for n in names)
    for entity in entities:
        for start, end in entity.mentions:
            assert not text[start:end].endswith((" nor", " of"))


def test_a_possessive_modifier_is_not_the_source():
    text = ("Iran's foreign ministry rejected the claims. Russia's Kommersant daily reported the talks. "
            "Iran and Russia signed a treaty.")
    entities = entities_from_doc(load_nlp()(text))
    assert resolve("Iran's foreign ministry", entities) is None
    assert resolve("Russia's Kommersant daily", entities).name == "Kommersant"
    assert resolve("Iran", entities).name == "Iran"


def test_a_one_word_person_named_as_a_company_or_a_site_is_retyped():
    text = ("Russian gas producer Novatek has suspended shipments from its Arctic plant, the Kommersant daily "
            "reported. Output rose at First Quantum's Kansanshi mine.")
    entities = _by_name(entities_from_doc(load_nlp()(text)))
    assert entities["Novatek"].type == "ORG"
    assert entities["Kansanshi"].type == "PLACE"


def test_a_middle_initial_and_a_headline_verb_are_not_part_of_a_name():
    nlp = load_nlp()
    entities = _by_name(entities_from_doc(nlp(
        "Republicans nominated Donald J. Trump on Tuesday. Donald Trump thanked the delegates, and his wife "
        "Melania Trump spoke. Trump said he would win.")))
    assert "Donald Trump" in entities["Donald J. Trump"].aliases and "Donald Trump" not in entities
    assert "Trump" in entities["Donald J. Trump"].aliases  # the first Trump introduced
    entities = _by_name(entities_from_doc(nlp(
        "Obama Says African-American Museum Will Tell of 'Suffering and Delight.'\n\n"
        "WASHINGTON -- President Obama on Saturday opened the museum.")))
    assert "Obama" in entities and "Obama Says" not in entities


def test_a_person_in_a_source_phrase_beats_a_longer_organisation_name():
    text = ("Richard Revesz, director of the Institute for Policy Integrity, said the rule was lawful. "
            "Revesz added that courts would agree.")
    entities = entities_from_doc(load_nlp()(text))
    assert resolve("Richard Revesz, director of the Institute for Policy Integrity", entities).name == "Richard Revesz"
    assert resolve("Revesz", entities).name == "Richard Revesz"


def test_a_name_called_a_newspaper_is_an_organisation_and_lends_no_surname():
    text = ("The Gazeta Lisvar daily reported on Wednesday that exports would be capped. "
            "Analysts at Corvel Securities in Lisvar said the cap would cut volumes.")
    entities = _by_name(entities_from_doc(load_nlp()(text)))
    assert entities["Gazeta Lisvar"].type == "ORG"
    assert "Lisvar" not in entities["Gazeta Lisvar"].aliases


def test_a_place_that_locates_the_source_is_not_the_source():
    entities = [Entity("Lisvar", "PLACE"), Entity("Phoenix", "PLACE")]
    assert resolve("Analysts at Corvel Securities in Lisvar", entities) is None
    assert resolve("Recent polls in Lisvar and Phoenix", entities) is None
    assert resolve("the city of Phoenix", entities).name == "Phoenix"


def test_the_common_noun_of_one_organisation_is_that_organisation():
    entities = [Entity("energy ministry", "ORG"), Entity("Marvosa", "PLACE")]
    assert resolve("the ministry", entities).name == "energy ministry"
    assert resolve("the ministry", entities + [Entity("finance ministry", "ORG")]) is None


def test_a_place_before_a_common_noun_is_not_the_source():
    entities = [Entity("Indiana", "PLACE"), Entity("West Virginia", "PLACE"), Entity("West", "PERSON"),
                Entity("Western District", "PLACE"), Entity("New York", "PLACE"), Entity("Kommersant", "PLACE")]
    assert resolve("some Indiana protesters", entities) is None
    assert resolve("the Indiana governor", entities) is None
    assert resolve("one West Virginia official", entities) is None  # (nor a shorter name inside the place)
    assert resolve("Indiana", entities).name == "Indiana"  # (the state speaking: its government)
    assert resolve("the Western District of New York", entities).name == "Western District"
    assert resolve("Russia's Kommersant daily", entities).name == "Kommersant"  # (what the name is, mistyped)


def test_a_single_common_noun_tagged_as_a_name_is_no_entity():
    # (As the small model tags "state" in "... when she was secretary of state." in some contexts.)
    from spacy.tokens import Doc, Span

    doc = Doc(load_nlp().vocab, words=["Clinton", "was", "secretary", "of", "state", "at", "the", "energy",
                                       "ministry", "."])
    doc.ents = [Span(doc, 0, 1, "PERSON"), Span(doc, 4, 5, "ORG"), Span(doc, 7, 9, "ORG")]
    assert sorted(e.name for e in entities_from_doc(doc)) == ["Clinton", "energy ministry"]


def test_a_name_never_runs_on_into_the_next_paragraph():
    doc = load_nlp()('"The report is factually incorrect," a ministry spokesperson said in a post on X.\n\n'
                     "Finance ministry officials declined to comment.")
    names = [e.name for e in entities_from_doc(doc)]
    assert "Finance ministry" in names
    assert not any("\n" in name or "X. Finance" in name for name in names)


def test_the_place_of_a_dateline_is_a_place_whatever_ner_says():
    doc = load_nlp()("HARBOURTON — A city auditor's report released on Tuesday accuses the mayor of steering a "
                     "contract to a donor.")
    kinds = {e.name.upper(): e.type for e in entities_from_doc(doc)}
    assert kinds.get("HARBOURTON") == "PLACE"
