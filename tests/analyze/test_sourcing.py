"""Sourcing: anonymous sources and source types, on phrases as news copy writes them."""

import pytest

from wiretrace.analyze.sourcing import is_anonymity_request, is_anonymous, source_type
from wiretrace.record import Entity


@pytest.mark.parametrize("phrase", [
    "diplomatic sources", "government sources", "security sources", "an official", "an industry source", "an aide",
    "an official who asked not to be identified", "a spokesperson who declined to be named",
    "one of the people, who asked not to be named", "two senior Marvosan officials", "a European Union diplomat",
])
def test_unnamed_sources_are_anonymous(phrase):
    assert is_anonymous(phrase)


@pytest.mark.parametrize("phrase", [
    "official data", "Two officials, Finance Minister Lan Fo'an and Commerce Minister Wang Wentao",
    "People's Daily, the Communist Party's newspaper", "People's Bank of China", "Sources of the leak",
    "A spokeswoman for the state gas producer",
])
def test_named_sources_and_things_are_not_anonymous(phrase):
    assert not is_anonymous(phrase)


def test_official_data_is_a_document_and_a_newspaper_named_either_way_is_media():
    assert source_type("official data", None) == "document"
    assert source_type("People's Daily, the Communist Party's newspaper", None) == "media"
    # (NER can take a Dutch paper's name for a person's.)
    assert source_type("the newspaper De Telegraaf", Entity(name="De Telegraaf", type="PERSON")) == "media"


def test_a_request_not_to_be_named_is_no_claim():
    assert is_anonymity_request("asked", "not to be named because the talks are private")
    assert is_anonymity_request("requested", "anonymity")
    assert not is_anonymity_request("asked", "the court to name the buyers")


@pytest.mark.parametrize("phrase, kind", [
    ("Local residents", "person"), ("Independent experts", "person"), ("Prosecutors", "person"),
    ("government spokesmen", "person"), ("Internal emails reviewed by the newspaper", "document"),
    ("The lawsuit", "document"), ("court documents", "document"), ("Ukraine's air force", "organisation"),
    ("Companies", "organisation"), ("two ministries", "organisation"), ("documents seen by Reuters", "document"),
])
def test_plural_and_court_sources_have_their_type(phrase, kind):
    assert source_type(phrase, None) == kind


@pytest.mark.parametrize("phrase", ["MarGaz JSC, Marvosa's state-controlled natural gas producer", "Acme Robotics Inc.",
                                    "The automaker", "the airline"])
def test_a_companys_legal_form_or_trade_makes_it_an_organisation(phrase):
    assert source_type(phrase, None) == "organisation"
