"""Each room imports only what its `__init__` docstring allows ("May import: …" line).

A module belongs to the nearest package above it that declares a "May import:" line; it may
import its own room, anything inside it, and the rooms listed. Imports inside functions and
`importlib.import_module("…")` calls count too.
"""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROOMS = ("contract", "parsers", "warehouse", "flows", "devtools")
MAY_IMPORT = re.compile(r"^May import:\s*(.+?)\.?\s*$", re.MULTILINE)


def allowed_by(init: Path) -> tuple[str, ...] | None:
    """The rooms an `__init__.py` docstring allows, or None when it declares none."""
    doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
    m = MAY_IMPORT.search(doc)
    if m is None:
        return None
    if m.group(1).strip().lower().startswith("nothing"):
        return ()
    return tuple(name.strip() for name in m.group(1).split(","))


def rules(root: Path) -> dict[str, tuple[str, ...]]:
    """Dotted package -> the rooms it may import, for every package that declares a rule."""
    found: dict[str, tuple[str, ...]] = {}
    for room in ROOMS:
        for init in sorted((root / room).rglob("__init__.py")):
            allowed = allowed_by(init)
            if allowed is not None:
                found[".".join(init.parent.relative_to(root).parts)] = allowed
    return found


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.Call) and node.args and _is_dynamic_import(node):
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                names.add(arg.value)
    return {n for n in names if n.split(".")[0] in ROOMS}


def _is_dynamic_import(node: ast.Call) -> bool:
    f = node.func
    name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
    return name in {"import_module", "__import__"}


def _within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def violations(root: Path) -> list[str]:
    """'module imports target' for every import a room does not allow."""
    declared = rules(root)
    found = []
    for room in ROOMS:
        for path in sorted((root / room).rglob("*.py")):
            module = ".".join(path.relative_to(root).with_suffix("").parts)
            owner = max((p for p in declared if _within(module, p)), key=len)
            ok = (owner, *declared[owner])
            found += [
                f"{module} imports {target}"
                for target in sorted(imported_modules(path))
                if not any(_within(target, allowed) for allowed in ok)
            ]
    return found


def test_every_room_declares_what_it_may_import() -> None:
    declared = rules(ROOT)
    assert set(ROOMS) <= set(declared), f"missing 'May import:' in {set(ROOMS) - set(declared)}"
    assert declared["flows.sources"] == ("contract", "parsers", "flows.config")


def test_the_product_keeps_to_its_layers() -> None:
    assert violations(ROOT) == []


def _tree(tmp_path: Path, bad: dict[str, str]) -> Path:
    """A copy of every `__init__.py` of the rooms plus the given offending modules."""
    for room in ROOMS:
        for init in (ROOT / room).rglob("__init__.py"):
            target = tmp_path / init.relative_to(ROOT)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(init.read_text(encoding="utf-8"), encoding="utf-8")
    for name, source in bad.items():
        (tmp_path / name).write_text(source, encoding="utf-8")
    return tmp_path


def test_the_check_fails_on_each_forbidden_direction(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "flows/sources/bad.py": "from warehouse import load\n",
            "warehouse/bad.py": "def f() -> None:\n    import flows.steps\n",
            "flows/bad.py": "import importlib\nimportlib.import_module('devtools.replay')\n",
            "parsers/bad.py": "from contract.kinds import DocumentKind\n",  # allowed
            "contract/bad.py": "from parsers.model import Consultation\n",
        },
    )
    assert violations(root) == [
        "contract.bad imports parsers.model",
        "warehouse.bad imports flows.steps",
        "flows.bad imports devtools.replay",
        "flows.sources.bad imports warehouse",
    ]
