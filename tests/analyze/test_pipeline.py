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
