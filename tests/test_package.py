import subprocess
import sys

import bioregion


def test_exports_are_exact():
    public = {name for name in dir(bioregion) if not name.startswith("_")}
    public -= {"errors", "cli", "taxonomy", "schema"}  # submodules imported by the package itself
    assert public <= set(bioregion.__all__) | {"__version__"}
    for name in bioregion.__all__:
        assert hasattr(bioregion, name)


def test_every_error_derives_from_the_root():
    for name in ("ValidationError", "InputFormatError", "NotFoundError", "StoreError", "MissingExtraError"):
        assert issubclass(getattr(bioregion, name), bioregion.BioregionError)


def test_python_dash_m_runs_the_cli():
    out = subprocess.run([sys.executable, "-m", "bioregion", "--version"], capture_output=True, text=True)
    assert out.returncode == 0
    assert bioregion.__version__ in out.stdout
