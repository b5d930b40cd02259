"""Bylines (wiretrace.extract.byline): people's names out of byline lines."""

import pytest

from wiretrace.extract.byline import byline_agency, names_organisation, parse_byline, split_names, without_publication


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
    ("Carrow County Council", []),  # a body or a company names nobody
    ("Telegraph Sport", []),  # ... nor a paper, or its desk, in any language
    ("Gazeta Lisvar", []),
    ("Süddeutsche Zeitung", []),
    ("Acme Robotics Inc.", []),
    ("Jane Doe and Carrow Police Department", ["Jane Doe"]),
    ("Par Camille Rousseau et Paul Martin", ["Camille Rousseau", "Paul Martin"]),  # "By" in other languages
    ("Von Hans Müller und Eva Schmidt", ["Hans Müller", "Eva Schmidt"]),
    ("Door Annemiek de Vries", ["Annemiek de Vries"]),
    ("Von Miller", ["Von Miller"]),  # ... but a name may open with the same word
    # where the writers filed from goes ("in Place"), after each name or after the last
    ("By Leila Haddad in Lisvar and agencies", ["Leila Haddad"]),
    ("Leila Haddad and Omar Saleh in Lisvar", ["Leila Haddad", "Omar Saleh"]),
    ("Jane Doe in New York and John Roe in Washington", ["Jane Doe", "John Roe"]),
    # the day after the names ends them ("on Tuesday, May 12th, ...")
    ("By Lena Ortiz , Sam Okafor on Tuesday, May 12th, 2026 at 9:15 a.m.", ["Lena Ortiz", "Sam Okafor"]),
    ("Nishant Kumar @Nishantopines", ["Nishant Kumar"]),  # a social handle after the name
    ("Keris Lahiff@kerisalison", ["Keris Lahiff"]),  # ... run into it
    ("By Chris Pokorny @DawgsByNature Nov 18, 2019, 11:47am EST", ["Chris Pokorny"]),
])
def test_split_names_keeps_people_only(text, names):
    assert split_names(text) == names


@pytest.mark.parametrize("line, organisation", [
    ("By HNN Staff | November 18, 2019 at 2:26 PM HST", True),
    ("Telegraph Sport 19 November 2019 • 1:16pm Follow", True),
    ("Associated Press", True),
    ("Tom Davies Associated Press Published 11:34 PM EST Nov 19, 2019", False),  # a writer, then the agency
    ("By Jane Doe, Reuters", False),
    ("By Ana Ruiz", False),
])
def test_a_byline_crediting_a_body_and_no_person_names_an_organisation(line, organisation):
    assert names_organisation(line) is organisation


def test_parse_byline_needs_by_and_credits_the_agency():
    assert parse_byline("By Jane Roe, Associated Press") == ["Jane Roe"]
    assert byline_agency("By Jane Roe, Associated Press") == "AP"
    assert parse_byline("Jane Roe, Associated Press") == []


@pytest.mark.parametrize("byline, agency", [
    ("By Tom Krisher, AP Auto Writer", "AP"),  # the agency in the writer's job title
    ("By Jane Roe, Associated Press Writer", "AP"),
    ("By Jane Roe, Reuters correspondent", "Reuters"),
    ("By Jane Roe, Staff Writer", None),
])
def test_a_job_title_at_an_agency_credits_the_agency(byline, agency):
    assert byline_agency(byline) == agency


def test_parse_byline_reads_by_in_other_languages():
    assert parse_byline("Par Camille Rousseau") == ["Camille Rousseau"]
    assert parse_byline("por María López") == ["María López"]


def test_the_publication_a_byline_credits_beside_its_people_is_no_author():
    url = "https://www.riverbendcourier.example.com/news/2025/04/08/story/"
    assert without_publication(["Darnell Whitaker", "Riverbend Courier"], "Riverbend Courier", None) == ["Darnell Whitaker"]
    assert without_publication(["Darnell Whitaker", "Riverbend Courier"], None, url) == ["Darnell Whitaker"]
    # A name alone, or one that is not the publication, stays: a blog's author may be its publisher.
    assert without_publication(["Tomas Reyes"], "Tomas Reyes", "https://tomasreyes.example.com/p/x") == ["Tomas Reyes"]
    assert without_publication(["Jane Doe", "John Roe"], "Riverbend Courier", url) == ["Jane Doe", "John Roe"]
    # The publication's desk, named for the short address: "Jill Disis, CNN Business" on cnn.com.
    assert without_publication(["Jill Disis", "CNN Business"], None, "https://www.cnn.com/2025/04/08/investing/x") \
        == ["Jill Disis"]
    assert without_publication(["Jill Disis", "Nick Carter"], None, "https://www.cnn.com/x") == ["Jill Disis", "Nick Carter"]


def test_a_byline_in_capitals_names_the_person_as_others_spell_them():
    assert parse_byline("By TOM KRISHER") == ["Tom Krisher"]
    assert split_names("DANICA KIRKA and JILL LAWLESS") == ["Danica Kirka", "Jill Lawless"]
    assert split_names("SEAN O'NEIL") == ["Sean O'Neil"]
    # A masthead in capitals is no person.
    assert split_names("USA TODAY") == []


def test_a_date_after_the_name_is_no_part_of_it():
    assert parse_byline("By Jane Roe May 8, 2026") == ["Jane Roe"]
    assert parse_byline("by Tomas Reyne September 15, 2014") == ["Tomas Reyne"]
    assert parse_byline("By Theresa May") == ["Theresa May"]


def test_a_name_over_its_job_title_and_a_writers_note_name_the_writer():
    from wiretrace.extract.byline import bio_names, titled_names

    assert titled_names("Bruce Y. Lee Senior Contributor") == ["Bruce Y. Lee"]
    assert titled_names("Meg James, Staff Writer") == ["Meg James"]
    assert titled_names("Business Reporter") == titled_names("The new editor") == []
    assert bio_names("Molly Wood (@mollywood) is an Ideas contributor at WIRED and the host of a podcast.") == ["Molly Wood"]
    assert bio_names("Louise Matsakis is a staff writer at WIRED covering Amazon and security.") == ["Louise Matsakis"]
    assert bio_names("The company is a writer of software for banks.") == []
