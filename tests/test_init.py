"""The package-level Python API (README, "From Python")."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import wiretrace

PAGE = ("<html><head><title>Harbour strike ends</title></head><body><article>"
        "<h1>Harbour strike ends after nine days</h1>"
        "<p>Dock workers in Portmere returned to work on Monday after the port authority agreed to a new pay deal, "
        "union officials said.</p>"
        "<p>The strike had left more than forty ships waiting offshore, the authority said in a statement.</p>"
        "</article></body></html>")


def run_python(code: str) -> subprocess.CompletedProcess:
    """Run ``code`` in a fresh interpreter, so that no earlier import in this test session hides the order it uses."""
    source_root = str(Path(wiretrace.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [source_root, os.environ.get("PYTHONPATH")]))}
    return subprocess.run([sys.executable, "-c", code], input=PAGE, capture_output=True, text=True, env=env, check=False)


def test_extract_gives_an_article():
    article = wiretrace.extract(PAGE, url="https://portmere.example/strike")
    assert article.headline == "Harbour strike ends after nine days" and article.url == "https://portmere.example/strike"


def test_extract_can_be_called_again_in_the_same_process():
    result = run_python("import sys, wiretrace\n"
                        "page = sys.stdin.read()\n"
                        "print(wiretrace.extract(page).headline)\n"
                        "print(wiretrace.extract(page).headline)\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["Harbour strike ends after nine days"] * 2


def test_extract_still_works_after_the_extract_subpackage_was_imported():
    result = run_python("import sys, wiretrace.pipeline, wiretrace.extract.html\n"
                        "from wiretrace.extract import extract_page\n"
                        "import wiretrace\n"
                        "print(wiretrace.extract(sys.stdin.read()).headline)\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Harbour strike ends after nine days"
