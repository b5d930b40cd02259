import json

from wiretrace.record import Article, Boilerplate, Image, RelatedLink, estimate_reading_time, unique_related

CONTRACT_KEYS = {
    "source", "url", "input_kind", "language", "headline", "dek", "body", "published", "updated",
    "authors", "publisher", "wire", "syndicated", "syndication_evidence", "section", "breadcrumb", "tags",
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
