"""parsers/ is pure: no module imports a library that does I/O over the network or a database."""

import ast
from pathlib import Path

FORBIDDEN = {"requests", "duckdb", "prefect", "socket", "http", "urllib"}
PARSERS = Path(__file__).resolve().parent.parent / "parsers"


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
        elif isinstance(node, ast.Call) and _is_dynamic_import(node):
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                roots.add(arg.value.split(".")[0])
    return roots


def _is_dynamic_import(node: ast.Call) -> bool:
    f = node.func
    name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
    return name in {"import_module", "__import__"} and bool(node.args)


def test_parsers_import_no_io_libraries() -> None:
    files = sorted(PARSERS.rglob("*.py"))
    assert files, "no parser modules found"
    offenders = {
        str(p.relative_to(PARSERS)): sorted(imported_roots(p) & FORBIDDEN)
        for p in files
        if imported_roots(p) & FORBIDDEN
    }
    assert offenders == {}


def test_the_check_sees_forbidden_imports(tmp_path: Path) -> None:
    sample = tmp_path / "bad.py"
    sample.write_text(
        "import os\nimport urllib.request\nfrom http import client\n"
        "import importlib\nimportlib.import_module('duckdb')\n",
        encoding="utf-8",
    )
    assert imported_roots(sample) & FORBIDDEN == {"urllib", "http", "duckdb"}
