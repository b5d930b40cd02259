"""Small hand-written, fictional articles for the linking tests."""

from __future__ import annotations

from wiretrace.record import Article, Entity

# A fictional wire story, eight paragraphs.
WIRE_BODY = [
    "LISBON (Reuters) - Portugal's fictional harbour authority said on Tuesday it would close the old "
    "Alcantara container terminal by the end of next year and move its cranes to a new deep-water quay "
    "further down the river, a plan that unions say puts four hundred jobs at risk.",
    "The authority's chairwoman, Marta Quelhas, told reporters the terminal could no longer take the "
    "largest ships now calling at Lisbon and that repairs to its crumbling sea wall would cost more "
    "than building the new quay outright.",
    "Dock workers walked off the job for two hours on Tuesday afternoon after the announcement, and "
    "their union said it would call a full strike next month unless every worker was offered a place "
    "at the new site on the same terms.",
    "Shipping lines that use the terminal were told to expect delays of up to three days while cranes "
    "are dismantled, shipped and rebuilt, according to a letter seen by Reuters.",
    "The new quay, which has been under construction since the spring of last year, was meant to open "
    "in stages, but the authority now wants all of it ready before the old terminal shuts.",
    "City councillors welcomed the plan to free the riverside land for housing and a public park, "
    "though several said the authority had not consulted residents about the extra lorry traffic.",
    "Quelhas said the authority would publish a full timetable for the move in January and would "
    "meet union leaders before Christmas to discuss pay and transfers.",
    "Shares in the listed operator of the new quay rose four percent in Lisbon trading after the news.",
]
UPDATE_PARAGRAPH = ("Late on Tuesday the transport minister said the government would pay for retraining any "
                    "dock worker who chose not to move to the new quay, a concession the union called a first step.")


def wire_original() -> Article:
    return Article(source="outlet-a/terminal.html", input_kind="html", publisher="Outlet A",
                   headline="Lisbon to close Alcantara container terminal, unions fear job losses",
                   body=list(WIRE_BODY), published="2024-03-19T20:03:00+05:30",  # 14:33 UTC
                   wire="Reuters", syndicated=True, syndication_evidence="LISBON (Reuters) -")


def truncated_copy() -> Article:
    """The first four paragraphs, a new headline, the credit line lost."""
    body = ["LISBON - " + WIRE_BODY[0].split(" - ", 1)[1]] + WIRE_BODY[1:4]
    return Article(source="outlet-b/terminal.txt", input_kind="text", publisher="Outlet B",
                   headline="Dockers walk out as harbour chief unveils terminal closure",
                   body=body, published="2024-03-19T15:00:00+00:00")  # later, though it sorts first as text


def updated_copy() -> Article:
    """A later capture with a paragraph added."""
    return Article(source="outlet-c/terminal-update.html", input_kind="html", publisher="Outlet C",
                   headline="Lisbon to close Alcantara container terminal, unions fear job losses",
                   body=list(WIRE_BODY) + [UPDATE_PARAGRAPH], published="2024-03-19T23:45:00+01:00",
                   wire="Reuters", syndicated=True, syndication_evidence="(Reporting by A. Writer; Editing by B. Editor)")


def staff_story() -> Article:
    """Staff reporting on the same subject that only mentions an agency."""
    body = [
        "Marta Quelhas has spent most of her career arguing that Lisbon's river should belong to its people "
        "rather than to shipping lines, and on Tuesday she finally got her way.",
        "Walking along the Alcantara waterfront with our reporter a week before the announcement, she pointed "
        "at the rusting cranes and said the city had tolerated them for far too long.",
        "Her critics, according to the Associated Press, include several shipping executives who argue that "
        "moving the cranes downstream will make the port slower and more expensive for years.",
        "Residents of the streets above the terminal are divided: some look forward to a park, others worry "
        "that rents will climb once the new flats go up.",
        "Photo: AP Photo/Fictional Photographer",
    ]
    return Article(source="outlet-d/profile.html", input_kind="html", publisher="Outlet D",
                   headline="The harbour chief who wanted her river back", body=body,
                   published="2024-03-20T09:00:00+00:00")


# --- stories ---------------------------------------------------------------------------------

def story_articles() -> dict[str, Article]:
    """Two events about one person a month apart, each covered by two outlets on consecutive days."""
    a1 = Article(source="s/a1", input_kind="html", published="2024-05-02",
                 headline="Senator Ilsa Brandvold unveils plan to cap insulin prices",
                 body=["Senator Ilsa Brandvold on Thursday introduced a bill that would cap the monthly cost of "
                       "insulin at thirty dollars for every patient, insured or not.",
                       "Brandvold said the insulin cap would be paid for by a new levy on drug makers whose prices "
                       "rise faster than inflation, and she named three Republican co-sponsors.",
                       "Patient groups praised the insulin bill, while the drug industry's lobby said price caps "
                       "would slow research into new diabetes treatments."])
    a2 = Article(source="s/a2", input_kind="html", published="2024-05-03",
                 headline="Brandvold's insulin price cap wins early support",
                 body=["A day after Senator Ilsa Brandvold proposed capping insulin prices at thirty dollars a month, "
                       "diabetes charities and two governors endorsed the bill.",
                       "Drug makers warned that the levy in Brandvold's insulin plan would fall on companies already "
                       "cutting prices, and said the cap would slow research.",
                       "The bill's Republican co-sponsors said they expected a committee vote before the summer recess."])
    b1 = Article(source="s/b1", input_kind="html", published="2024-06-10",
                 headline="Brandvold says she will run for governor",
                 body=["Senator Ilsa Brandvold told supporters in her home town on Monday that she will run for "
                       "governor next year, ending months of speculation.",
                       "Brandvold, in her second term, said her campaign would focus on rural hospitals and on the "
                       "state's housing shortage.",
                       "Two other candidates have already entered the primary, and a recent poll put Brandvold "
                       "narrowly ahead of both."])
    b2 = Article(source="s/b2", input_kind="html", published="2024-06-11",
                 headline="Brandvold enters governor's race, reshaping the primary",
                 body=["Ilsa Brandvold's decision to run for governor, announced Monday in her home town, upends a "
                       "primary that had two declared candidates.",
                       "Her campaign said it would center on rural hospitals and the housing shortage, themes she "
                       "has pressed in the Senate.",
                       "A poll last week had Brandvold narrowly ahead in the governor's primary."])
    return {"a1": a1, "a2": a2, "b1": b1, "b2": b2}


def with_entities(article: Article, names: list[tuple[str, str]]) -> Article:
    article.entities = [Entity(name=n, type=t, mentions=[[0, 1]]) for n, t in names]
    return article
