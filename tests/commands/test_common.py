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


@pytest.mark.parametrize("command", ["extract", "ingest"])
@pytest.mark.parametrize("budget", ["-1", "nan", "inf", "1e12", "soon"])
def test_a_time_budget_that_is_not_a_sane_number_of_seconds_is_a_usage_error(command, budget, tmp_path, capsys):
    page = str(SAMPLES / "01_reuters_marvosa-gas-export-cap.html")
    args = ["--db", str(tmp_path / "c.db")] if command == "ingest" else []
    assert main([command, page, *args, f"--time-budget={budget}", "--no-progress"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "--time-budget" in err and "Traceback" not in err
    assert not (tmp_path / "c.db").exists()


@pytest.mark.parametrize("command", ["extract", "analyze", "ingest"])
@pytest.mark.parametrize("workers", ["0", "-2", "two", "1.5"])
def test_workers_that_are_not_a_whole_number_of_processes_are_a_usage_error(command, workers, tmp_path, capsys):
    page = str(SAMPLES / "01_reuters_marvosa-gas-export-cap.html")
    args = ["--db", str(tmp_path / "c.db")] if command == "ingest" else []
    assert main([command, page, *args, f"--workers={workers}", "--no-progress"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "--workers" in err and "Traceback" not in err
    assert not (tmp_path / "c.db").exists()


def test_a_time_budget_of_zero_means_none(capsys):
    page = str(SAMPLES / "01_reuters_marvosa-gas-export-cap.html")
    assert main(["extract", page, "--time-budget", "0", "--no-progress"]) == 0
    assert capsys.readouterr().out.startswith('{"source"')


@pytest.mark.parametrize("command", ["extract", "stance"])
def test_a_reader_that_goes_away_is_not_an_error(command, tmp_path):
    import json
    import subprocess
    import sys

    if command == "stance":
        pairs = tmp_path / "pairs.jsonl"
        pairs.write_text("".join(json.dumps({"id": n, "claim": "The port will close", "body": "The port said it would "
                                             "stay open."}) + "\n" for n in range(20_000)), encoding="utf-8")
        args = [str(pairs)]
    else:
        args = [str(SAMPLES)] * 20
    reader = subprocess.Popen([sys.executable, "-m", "wiretrace", command, *args], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
    assert reader.stdout.readline().startswith(b"{")
    reader.stdout.close()  # as `| head -1` does
    err = reader.stderr.read().decode()
    assert reader.wait(120) == 0 and err == ""


def test_tables_written_to_a_pipe_get_room_unless_columns_says_otherwise(monkeypatch):
    from wiretrace.commands.common import PIPE_WIDTH, plain_console

    monkeypatch.delenv("COLUMNS", raising=False)
    assert plain_console().width == PIPE_WIDTH  # (pytest captures stdout: not a terminal)
    monkeypatch.setenv("COLUMNS", "100")
    assert plain_console().width == 100
