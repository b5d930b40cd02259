"""Text mode's metadata pass (wiretrace.extract.text) on small dumps written for these tests."""

from pathlib import Path

from wiretrace.extract import ExtractConfig, extract_page
from wiretrace.record import Page

DUMP = """Home
World
Business
Harbour workers end strike after pay deal
By Mira Kessel
May 8, 2026 11:02 AM
Cranes stand idle at the container terminal in Port Elmar on Thursday, May 7, 2026. (AP Photo/Jon Tavi)
PORT ELMAR (AP) — Dock workers in Port Elmar voted on Friday to end a nine-day strike after the port authority offered a pay rise of 6% over two years, union leaders said.
The strike had left more than 40 ships waiting at anchor and delayed grain shipments to three neighbouring countries, according to the port authority.
"Nobody wanted this to go on for another week," union secretary Dana Orel told reporters outside the terminal.
Work is expected to resume on the night shift, and the port authority said it would take about ten days to clear the backlog.
Share this article
Copyright 2026 The Associated Press. All rights reserved.
"""


def test_a_caption_the_classifier_took_for_body_goes_to_images():
    article = extract_page(Page("dump.txt", DUMP), ExtractConfig(mode="text"))
    assert article.body[0].startswith("PORT ELMAR (AP)")
    assert [(i.caption, i.credit) for i in article.images] == [
        ("Cranes stand idle at the container terminal in Port Elmar on Thursday, May 7, 2026.", "AP Photo/Jon Tavi")]
    assert any(b.category == "caption" and "Cranes stand idle" in b.text for b in article.boilerplate)


def test_the_metadata_gates_change_no_record(monkeypatch):
    """The gates only skip rules that cannot match: with every gate open, every record is the same."""
    from wiretrace.commands.common import SAMPLES
    from wiretrace.extract.textfeatures import PageText
    from wiretrace.sources import read_page

    seed = Path(__file__).resolve().parents[3] / "shared" / "seed"  # used when present
    files = sorted(SAMPLES.rglob("*.txt")) + sorted(seed.glob("*.txt"))
    pages = [read_page(str(p)) for p in files] + [Page("dump.txt", DUMP)]
    config = ExtractConfig(mode="text")
    gated = [extract_page(p, config).to_dict() for p in pages]
    monkeypatch.setattr(PageText, "has", lambda self, needle: True)
    monkeypatch.setattr(PageText, "containing", lambda self, needles: None)
    assert [extract_page(p, config).to_dict() for p in pages] == gated
