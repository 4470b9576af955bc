"""The built wheel carries the product and its demo: installed in a fresh virtual environment
outside the checkout, `jbz demo` runs from an empty folder, offline, and loads the 98 pairs.

The runtime dependencies (prefect, duckdb, …) come from this environment's site-packages through
a `.pth` line, so nothing is downloaded at run time; the project itself comes only from the wheel
(a `.pth` line adds a directory but does not run the editable install's hook in it: checked).
Every request to a host other than localhost goes to a dead proxy, so a live source cannot be
reached.
"""

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import duckdb

from devtools.demo import DEMO_DOCUMENT_ID

ROOT = Path(__file__).resolve().parent.parent
DEAD_PROXY = "http://127.0.0.1:9"  # the discard port: nothing listens


def _run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, f"{cmd[:3]} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


def _fresh_venv(tmp: Path) -> Path:
    """A venv with the wheel installed (no deps) and this environment's deps on its path."""
    wheels = tmp / "wheels"
    _run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(ROOT)], tmp
    )
    (wheel,) = wheels.glob("jbz_warehouse-*.whl")
    venv = tmp / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], tmp)
    python = venv / "bin" / "python"
    _run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)], tmp)
    purelib = _run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], tmp
    )
    deps = sysconfig.get_path("purelib")
    (Path(purelib.strip()) / "jbz_runtime_deps.pth").write_text(deps + "\n", encoding="utf-8")
    return venv


def test_installed_wheel_runs_the_demo_offline_from_any_folder(
    tmp_path: Path, prefect_api_url: str
) -> None:
    venv = _fresh_venv(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = _run(
        [str(venv / "bin" / "python"), "-c", "import flows, devtools; print(devtools.__file__)"],
        elsewhere,
    )
    assert where.strip().startswith(str(venv)), where  # not the checkout
    env = {
        **os.environ,
        "PREFECT_HOME": str(elsewhere / ".prefect"),
        "PREFECT_API_URL": prefect_api_url,  # the session's server: no second cold start
        "HTTP_PROXY": DEAD_PROXY,
        "HTTPS_PROXY": DEAD_PROXY,
        "http_proxy": DEAD_PROXY,
        "https_proxy": DEAD_PROXY,
        "NO_PROXY": "127.0.0.1,localhost",
        "no_proxy": "127.0.0.1,localhost",
    }
    env.pop("JBZ_DB", None)
    out = _run([str(venv / "bin" / "jbz"), "demo"], elsewhere, env)
    assert "Pairs per fractie in the example report" in out
    warehouse = elsewhere / "data" / "demo.duckdb"
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute(
            "SELECT count(*) FROM qa_pairs WHERE consultation_id = ?", [DEMO_DOCUMENT_ID]
        ).fetchall()
    assert rows == [(98,)]
