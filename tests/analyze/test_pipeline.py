"""The analysis pipeline's post-processing of the model's relations, on short articles written for these tests."""

from wiretrace.analyze.pipeline import analyze_article
from wiretrace.record import Article


def _article(paragraphs, **meta):
    return Article(source="test", input_kind="text", body=paragraphs, language="en", **meta)


def _spans(article, spans):
    return " ... ".join(article.text[s:e] for s, e in spans)


def test_a_dateline_is_no_part_of_the_source():
    article = analyze_article(_article([
        "LISVAR, May 2 (Reuters) - Marvosa's government on Wednesday denied a report that it was in talks "
        "to sell its stake in the state gas producer.",
        "BRANT, May 3 (Reuters) - Marvosan police said on Friday they had arrested a man after a car hit pedestrians.",
        "KOVAR — Deputy minister Petra Volen said on Monday that the pipeline would open in June.",
    ]))
    sources = [_spans(article, a.source) for a in article.attributions]
    assert "Marvosa's government" in sources and "Marvosan police" in sources
    assert "Deputy minister Petra Volen" in sources
    assert all(a.source_entity != "Reuters" and a.source_type != "media" for a in article.attributions)
    assert all("(Reuters)" not in c.reported_by for c in article.claims if c.reported_by)


def test_a_source_who_asked_not_to_be_named_is_anonymous_and_the_request_no_claim():
    article = analyze_article(_article([
        "The deal would give Hidroelectrica control over the main transmission lines, according to one of the "
        "people, who asked not to be named because the talks are private.",
        "Talks will resume in June, a spokesperson who declined to be named said.",
    ]))
    assert all("not to be named" not in c.text for c in article.claims)
    deal = next(c for c in article.claims if "transmission lines" in c.text)
    assert deal.anonymous
    talks = next(c for c in article.claims if c.text == "Talks will resume in June")
    assert talks.anonymous and talks.reported_by == "a spokesperson who declined to be named"


def test_the_name_before_an_appositive_is_the_source():
    article = analyze_article(_article([
        "People's Daily, the Communist Party's newspaper, said the economy was on track.",
        "A spokesman for the ministry, Igor Petrov, said the figures would be revised.",
    ]))
    paper = next(c for c in article.claims if "on track" in c.text)
    assert paper.reported_by == "People's Daily" and paper.source_type == "media" and not paper.anonymous
    revised = next(c for c in article.claims if "revised" in c.text)
    assert revised.reported_by == "Igor Petrov"
