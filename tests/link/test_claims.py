from wiretrace.link.claims import claim_words, same_claim


def test_claim_words_drop_stop_words_and_short_tokens():
    assert claim_words("The minister said that a 60% cap was planned") == {"minister", "cap", "planned"}


def test_reworded_copies_are_one_claim():
    report = "Dravik planned to cap exports at 60% of output from January"
    rewrite = "Marvosa's energy minister plans to cap natural gas exports at 60% of output from January"
    assert same_claim(report, "Gazeta Lisvar", rewrite, "Reuters")


def test_different_claims_of_one_source_stay_apart_across_stories():
    a = "Dravik planned to cap exports at 60% of output from January"
    b = "buyers in neighbouring countries were watching closely"
    assert not same_claim(a, "Gazeta Lisvar", b, "Gazeta Lisvar")
    assert not same_claim(a, "Gazeta Lisvar", b, "Gazeta Lisvar", same_story=True)  # nothing in common
    c = "the minister would take the export cap to cabinet"
    assert same_claim(a, "Gazeta Lisvar", c, "The Gazeta  Lisvar", same_story=True)


def test_generic_sources_link_nothing_by_themselves():
    a = "the plan was shelved"
    b = "exports would rise next year"
    assert not same_claim(a, "officials", b, "officials", same_story=True)
    assert not same_claim(a, None, b, None, same_story=True)


def test_anonymous_sources_are_one_source_only_within_a_story():
    # "People familiar with the matter" are other people in every story: across stories, two
    # claims so sourced are one claim only when their words say so (a timeline of a sale report
    # gathered every anonymously sourced "plans to ... in March" of the corpus).
    sale = "Halvik Ports plans to sell its ferry unit by March"
    branch = "Corvel Securities plans to close its Lisvar branch in March"
    for source in ("people familiar with the matter", "two officials who spoke on condition of anonymity"):
        assert not same_claim(sale, source, branch, source)
        assert same_claim(sale, source, "the ferry unit would fetch at least 40 million", source, same_story=True)
    assert same_claim(sale, "Gazeta Lisvar", branch, "Gazeta Lisvar")  # a named source: as before


def test_two_common_words_make_one_claim_only_within_a_story():
    aid = "the federal government for disaster aid"
    review = "that the federal government had asked for a new assessment"
    assert not same_claim(aid, "Marta Lindholm", review, "Globe and Mail")
    assert same_claim(aid, "Marta Lindholm", review, "Globe and Mail", same_story=True)
    # A short claim's two words are all it has: across stories they still make it one.
    assert same_claim("the cap was illegal", "Ruta Marek", "the cap is illegal", "Reuters")
