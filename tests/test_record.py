import json

from wiretrace.record import Article, Boilerplate, Image, RelatedLink, count_words, estimate_reading_time, unique_related

CONTRACT_KEYS = {
    "source", "url", "input_kind", "language", "headline", "dek", "body", "published", "updated",
    "corrections", "authors", "publisher", "wire", "syndicated", "syndication_evidence", "section", "breadcrumb", "tags",
    "images", "related", "reading_time_minutes", "is_article", "boilerplate", "warnings",
    "entities", "attributions", "claims",
}


def test_json_form_has_every_contract_key_and_round_trips():
    article = Article(
        source="a.html", input_kind="html", headline="Héadline", body=["One.", "Two."],
        images=[Image(url="https://x.example/i.jpg", caption="A caption", credit="AP")],
        related=[RelatedLink(headline="Other story", url="https://x.example/o")],
        boilerplate=[Boilerplate(text="Share", category="share")],
    )
    data = article.to_dict()
    assert CONTRACT_KEYS <= set(data)
    assert data["images"] == [{"url": "https://x.example/i.jpg", "caption": "A caption", "credit": "AP"}]
    again = Article.from_dict(json.loads(json.dumps(data)))
    assert again == article
    assert again.text == "One.\n\nTwo."


def test_reading_time_estimate_is_at_least_one_minute():
    assert estimate_reading_time(["word " * 10]) == 1
    assert estimate_reading_time(["word " * 700]) == 3


def test_unique_related_keeps_first_of_repeated_headlines():
    links = [RelatedLink("A story"), RelatedLink("B story"), RelatedLink("a  Story", "https://x")]
    assert [l.headline for l in unique_related(links)] == ["A story", "B story"]


def test_json_form_is_what_asdict_gives_and_shares_no_list_with_the_record():
    from dataclasses import asdict

    from wiretrace.record import Attribution, Claim, Entity

    article = Article(
        source="a.txt", input_kind="text", headline="Moscow denies report", body=["One.", "Two."],
        images=[Image(url="x.jpg", caption="A caption", credit="AP")], related=[RelatedLink("Other story")],
        boilerplate=[Boilerplate("Share", "share")], tags=["Russia"],
        entities=[Entity("Vladimir Putin", "PERSON", [[0, 5], [9, 14]], ["Putin"])],
        attributions=[Attribution(source=[[0, 5]], cue=[[6, 10]], content=[[11, 20]], status="denied")],
        claims=[Claim("the report", [[11, 20]], carried_by=["Reuters"])],
    )
    data = article.to_dict()
    assert data == asdict(article)
    data["body"].append("Three.")
    data["entities"][0]["mentions"][0][0] = 99
    assert article.body == ["One.", "Two."] and article.entities[0].mentions[0] == [0, 5]


def test_words_of_a_script_without_spaces_are_counted_by_its_characters():
    assert count_words("The council met on Friday.") == 5
    assert count_words("Café owners met on Friday.") == 5
    japanese = "経営難が続く山間部のローカル線について、県と沿線5市町は18日に合意した。"
    assert count_words(japanese) == 16  # 32 CJK characters
    assert estimate_reading_time([japanese * 40]) == 3


def test_claim_reviews_round_trip():
    from wiretrace.record import Article, ClaimReview

    article = Article(source="f.html", input_kind="html", claim_reviews=[ClaimReview(claim="X", rating="False", rated_by="Snopes")])
    data = article.to_dict()
    assert data["claim_reviews"] == [{"claim": "X", "rating": "False", "rated_by": "Snopes", "claimant": None,
                                      "date": None, "url": None}]
    assert Article.from_dict(data) == article


def test_claim_responses_round_trip_and_a_record_stored_before_them_still_reads():
    from wiretrace.record import Article, Claim, ClaimResponse

    claim = Claim(text="that the port will be sold", status="denied", status_by="Port operator",
                  responses=[ClaimResponse("denied", "Port operator", "The operator denied it."),
                             ClaimResponse("declined_to_comment", "The investor", "The investor declined to comment.")])
    article = Article(source="p.html", input_kind="html", claims=[claim])
    data = json.loads(json.dumps(article.to_dict()))
    assert data["claims"][0]["responses"][1] == {"status": "declined_to_comment", "by": "The investor",
                                                 "evidence": "The investor declined to comment."}
    assert Article.from_dict(data) == article
    del data["claims"][0]["responses"]  # (as records stored before responses were recorded)
    assert Article.from_dict(data).claims[0].responses == []
