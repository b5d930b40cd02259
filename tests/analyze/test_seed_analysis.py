"""The seed page's `should` block: entities, anonymous sourcing and claim statuses."""

from __future__ import annotations

import json

import pytest

from tests.conftest import need_shared
from wiretrace.analyze.pipeline import analyze_article
from wiretrace.extract import extract_page
from wiretrace.sources import read_page


@pytest.fixture(scope="module")
def seed():
    folder = need_shared("seed")
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))["should"]
    article = analyze_article(extract_page(read_page(str(folder / "000_226eb23f7ba8aff9.txt"))))
    return article, expected


def _names(entity):
    return {entity.name, *entity.aliases}


@pytest.mark.parametrize("kind", ["PERSON", "ORG", "PLACE"])
def test_every_expected_entity_is_found(seed, kind):
    article, expected = seed
    found = set().union(*(_names(e) for e in article.entities if e.type == kind))
    assert set(expected["entities"][kind]) <= found


def test_same_entity_pairs_share_one_entity(seed):
    article, expected = seed
    for first, second in expected["entities"]["same_entity"]:
        assert any({first, second} <= _names(e) for e in article.entities), (first, second)


def _claim(article, words):
    return next(c for c in article.claims if all(w in c.text for w in words))


def test_central_claim_is_anonymous_kommersant_report_not_confirmed(seed):
    article, _ = seed
    claim = _claim(article, ["formally recognise", "four regions"])
    assert claim.reported_by == "Kommersant"
    assert claim.anonymous is True
    assert "unnamed sources who attended a private business event" in claim.basis
    assert claim.carried_by == ["Reuters", "Business Standard"]
    assert claim.status == "not_confirmed"
    assert claim.status_by == "Dmitry Peskov"


def test_odesa_claim_rests_on_the_same_anonymous_report(seed):
    claim = _claim(seed[0], ["Odesa"])
    assert claim.reported_by == "Kommersant" and claim.anonymous is True
    assert claim.status == "not_confirmed"


def test_peskov_confirmation_is_confirmed(seed):
    claim = _claim(seed[0], ["discussed the conflict in Ukraine"])
    assert claim.reported_by == "Dmitry Peskov"
    assert claim.status == "confirmed"


def test_floated_idea_is_not_confirmed_by_peskov(seed):
    claim = _claim(seed[0], ["floated the idea"])
    assert claim.reported_by == "Dmitry Peskov"
    assert claim.status == "not_confirmed"


def test_call_claim_is_peskovs_assertion(seed):
    claim = _claim(seed[0], ["not discussed the idea", "call"])
    assert claim.reported_by == "Dmitry Peskov"
    assert claim.status == "asserted"


def test_the_lead_rests_on_the_sources_the_report_names_a_paragraph_later(seed):
    lead = _claim(seed[0], ["all four Ukrainian regions"])
    assert lead.reported_by == "Kommersant" and lead.anonymous is True
    assert "unnamed sources who attended a private business event" in lead.basis
    assert (lead.status, lead.status_by) == ("not_confirmed", "Dmitry Peskov")
