import json
import subprocess
import sys

import bioregion


def test_exports_are_exact():
    """The top-level names are exactly __all__ (submodules aside), checked in a fresh interpreter."""
    code = (
        "import bioregion, types, json;"
        "print(json.dumps(sorted(n for n, v in vars(bioregion).items()"
        " if not n.startswith('_') and not isinstance(v, types.ModuleType))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert sorted(set(json.loads(out.stdout))) == sorted(set(bioregion.__all__) - {"__version__"})


def test_every_error_derives_from_the_root():
    for name in ("ValidationError", "InputFormatError", "NotFoundError", "StoreError", "MissingExtraError"):
        assert issubclass(getattr(bioregion, name), bioregion.BioregionError)


def test_python_dash_m_runs_the_cli():
    out = subprocess.run([sys.executable, "-m", "bioregion", "--version"], capture_output=True, text=True)
    assert out.returncode == 0
    assert bioregion.__version__ in out.stdout
