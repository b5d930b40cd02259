"""What the commands share, driven through the commands that use it."""

from __future__ import annotations

import pytest

from wiretrace.cli import main
from wiretrace.commands.common import SAMPLES


@pytest.mark.parametrize("command", ["extract", "analyze"])
def test_an_unwritable_output_is_a_one_line_error(command, tmp_path, capsys):
    unwritable = tmp_path / "no-such-dir" / "out.jsonl"
    page = str(SAMPLES / "01_reuters_marvosa-gas-export-cap.html")
    assert main([command, page, "-o", str(unwritable), "--no-progress"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err == f"wiretrace: error: {unwritable}: cannot write: No such file or directory\n"

