"""The `jbz` command wiring: every command resolves, and a bad setting is one clear line."""

import subprocess
import sys

import pytest

from flows.cli import COMMANDS, _resolve, main


def test_every_command_resolves_to_a_function() -> None:
    for name, target in COMMANDS.items():
        assert callable(_resolve(target)), name


@pytest.mark.parametrize("command", [["config"], ["check-source"]])
def test_bad_setting_ends_with_one_line_naming_the_variable(
    command: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("JBZ_HTTP_RETRIES", "many")
    with pytest.raises(SystemExit) as exc:
        main(command)
    assert exc.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "JBZ_HTTP_RETRIES" in err[0], err


def test_help_names_the_tool_commands_without_importing_them() -> None:
    """`jbz --help` (and every `jbz` call, which builds the parser) reads the demo's help from
    its source; the module itself is imported only when `jbz demo` runs."""
    code = (
        "import sys; from flows.cli import build_parser; "
        "text = build_parser().format_help(); "
        "print('devtools.demo' in sys.modules, 'Run the ingest flow' in text)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]
