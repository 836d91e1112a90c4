"""The ``derive`` command ends its process itself (``derive.cli.run``: ``os._exit`` after the
command, without the interpreter's teardown): the same exit codes and the same output, every
byte flushed, as a command that returns."""

from __future__ import annotations

import pytest
from conftest import run_cli

from derive import cli
from derive.lang import spec


class Ended(Exception):
    pass


def _run(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    """``cli.run`` with ``derive ARGS`` in this process, its ``os._exit`` caught."""
    codes: list[int] = []

    def end(status: int) -> None:
        codes.append(status)
        raise Ended

    monkeypatch.setattr(cli.os, "_exit", end)
    monkeypatch.setattr(cli.sys, "argv", ["derive", *args])
    with pytest.raises(Ended):
        cli.run()
    out, err = capsys.readouterr()
    return codes[0], out, err


def test_run_ends_with_the_commands_exit_code(monkeypatch, capsys):
    code, out, _ = _run(monkeypatch, capsys, "list")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == spec.builtin_names()
    code, _, err = _run(monkeypatch, capsys, "verify", "no-such-net")
    assert code == 2
    assert "no such built-in network" in err
    code, _, err = _run(monkeypatch, capsys, "build", "--no-such-option")
    assert code == 2
    assert "No such option" in err


def test_the_script_flushes_its_output_before_it_ends():
    """Through a pipe stdout is block-buffered: every line must still arrive."""
    res = run_cli("list")
    assert res.returncode == 0
    assert [line.split()[0] for line in res.stdout.splitlines()] == spec.builtin_names()
    res = run_cli("verify", "no-such-net")
    assert res.returncode == 2
    assert res.stderr.count("\n") == 1 and "no such built-in network" in res.stderr
