"""Bylines (wiretrace.extract.byline): people's names out of byline lines."""

import pytest

from wiretrace.extract.byline import byline_agency, parse_byline, split_names


@pytest.mark.parametrize("text, names", [
    ("Jane Doe and John Roe | Reuters", ["Jane Doe", "John Roe"]),
    ("By Tom Krisher, AP Auto Writer", ["Tom Krisher"]),  # a job title alone names nobody
    ("Meg James Staff Writer", ["Meg James"]),
    ("Bruce Y. Lee Senior Contributor", ["Bruce Y. Lee"]),
    ("Rachel Hume Environment correspondent", ["Rachel Hume"]),  # a desk before the job title goes too
    ("Jane Doe Home Affairs Editor", ["Jane Doe"]),
    ("Mary Ann Smith", ["Mary Ann Smith"]),
    ("Mike Wall 2019-11-18T20:51:19Z Science & Astronomy", ["Mike Wall"]),
    ("Kevin Johnson and Kevin McCoy USA TODAY", ["Kevin Johnson", "Kevin McCoy"]),
    ("Tom Davies Associated Press", ["Tom Davies"]),
    ("Tanza Loudenback, Business Insider", ["Tanza Loudenback"]),
    ("Jean-Luc Picard", ["Jean-Luc Picard"]),
    ("The Water Coolest", []),
    ("All-new Nissan Sentra", []),
    ("Reuters Staff", []),
])
def test_split_names_keeps_people_only(text, names):
    assert split_names(text) == names


def test_parse_byline_needs_by_and_credits_the_agency():
    assert parse_byline("By Jane Roe, Associated Press") == ["Jane Roe"]
    assert byline_agency("By Jane Roe, Associated Press") == "AP"
    assert parse_byline("Jane Roe, Associated Press") == []
