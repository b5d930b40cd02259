"""Photo credits closing a caption, as both modes find them."""

from __future__ import annotations

import pytest

from wiretrace.extract.captions import names_an_agency, trailing_credit


@pytest.mark.parametrize("text, caption, credit", [
    ("Spain's Rafa Costa celebrates a point during the Davis Cup final in Madrid, Tuesday, Nov. 19, 2025. "
     "(Manu Ortega/AP)", "Spain's Rafa Costa celebrates a point during the Davis Cup final in Madrid, Tuesday, "
     "Nov. 19, 2025.", "Manu Ortega/AP"),
    ("Protesters gather outside parliament on Monday. (Lena Hart/Reuters)",
     "Protesters gather outside parliament on Monday.", "Lena Hart/Reuters"),
    ("Agentes cumprem mandados em uma das cidades investigadas — Foto: Polícia Civil/Divulgação",
     "Agentes cumprem mandados em uma das cidades investigadas", "Polícia Civil/Divulgação"),
    ("The ferry leaves Carrow Point on its first crossing - Photo: Ann Lee",
     "The ferry leaves Carrow Point on its first crossing", "Ann Lee"),
    ("Exxon Mobil headquarters in a file photo. AP file photo", "Exxon Mobil headquarters in a file photo.",
     "AP file photo"),
    # The agency's photographer signing the caption, as Reuters and EPA print it, and a credit after a bar.
    ("Dock workers vote at the union hall in Port Elmar, May 8, 2026. REUTERS/Tomas Brenner/File Photo",
     "Dock workers vote at the union hall in Port Elmar, May 8, 2026.", "REUTERS/Tomas Brenner/File Photo"),
    ("Firefighters work near the highway. EPA-EFE/Ana Ruiz", "Firefighters work near the highway.", "EPA-EFE/Ana Ruiz"),
    ("The minister speaks to reporters in New Delhi. | Photo Credit: PTI",
     "The minister speaks to reporters in New Delhi.", "PTI"),
    # The publisher's own credit, or its staff's.
    ("File photo of the pier at Carrow Point. The Carrow Herald photo", "File photo of the pier at Carrow Point.",
     "The Carrow Herald photo"),
    ("The mayor at the pier in 2019. Staff file photo", "The mayor at the pier in 2019.", "Staff file photo"),
    # In square brackets, as some sites set it.
    ("Roughly 400 ships wait off Port Elmar, nine days into the strike [File: Reuters]",
     "Roughly 400 ships wait off Port Elmar, nine days into the strike", "File: Reuters"),
    ("Dock workers leave the union hall [AP Photo/Lena Hart]", "Dock workers leave the union hall", "AP Photo/Lena Hart"),
    ("The rally on Sunday [Photo by Ann Lee/Carrow Herald]", "The rally on Sunday", "Photo by Ann Lee/Carrow Herald"),
])
def test_a_credit_after_a_name_or_a_dash_closes_a_caption(text, caption, credit):
    match = trailing_credit(text)
    assert match is not None
    assert text[: match.start()].rstrip() == caption
    assert match.group("credit").strip() == credit


def test_a_photographer_for_an_agency_is_an_agency_credit():
    assert names_an_agency(trailing_credit("Fans cheer in the stands. (Manu Ortega/AP)"))
    assert names_an_agency(trailing_credit("Fans cheer in the stands. Reuters photo"))
    assert names_an_agency(trailing_credit("Fans cheer in the stands. REUTERS/Lena Hart"))
    assert names_an_agency(trailing_credit("Fans cheer in the stands. (AP Photo/Lena Hart)"))
    assert not names_an_agency(trailing_credit("Fans cheer in the stands. (Photo: Lena Hart)"))
    assert names_an_agency(trailing_credit("Fans cheer in the stands [File: Reuters]"))


@pytest.mark.parametrize("text", [
    "The council will vote on the plan next week (see the map above).",
    "Results for the quarter came in above forecasts (in euros/AP terms unchanged",
    "He said the picture was a photo: nothing more, and left.",
    "The agency released it on Monday. Reuters said it had not seen the photo",
    "Support stood at 45 percent in the poll. AP/NORC figures for May were 45/50",
    "The council published the plans on Monday. Look at the photo",
    # Square brackets closing prose or a teaser: an editor's note, a footnote, a label.
    "He said the port was \"closed for good\" [sic]",
    "The figures come from the ministry's own report [3]",
    "Dock workers vote to end the strike [VIDEO]",
])
def test_prose_closes_with_no_credit(text):
    assert trailing_credit(text) is None
