"""``wiretrace serve`` refusing what it cannot do, before it says it is serving."""

from __future__ import annotations

import socket

import pytest

from wiretrace.cli import main

pytest.importorskip("uvicorn")


def test_a_busy_port_is_a_one_line_error_and_nothing_is_said_to_be_served(bracketed_store, capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code = main(["serve", "--db", bracketed_store, "--host", "127.0.0.1", "--port", str(port)])
    out, err = capsys.readouterr()
    assert code == 1
    assert out == "" and err == f"wiretrace: error: cannot listen on 127.0.0.1:{port}: Address already in use\n"
