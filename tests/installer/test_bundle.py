"""Builds the one-folder bundle and runs its self-test from a path with a space (issue 9).

Slow (about a minute; the bundle is about 130 MB): runs only when METODSOVET_BUILD_BUNDLE=1.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(os.environ.get("METODSOVET_BUILD_BUNDLE") != "1",
                                reason="set METODSOVET_BUILD_BUNDLE=1 to build the bundle")


@pytest.mark.timeout(1500)  # the build itself may take up to its own 1200 s limit
def test_bundle_builds_and_passes_its_self_test() -> None:
    done = subprocess.run(["bash", str(ROOT / "installer" / "build.sh")], cwd=ROOT, capture_output=True,
                          text=True, timeout=1200)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "self-test ok" in done.stdout
    size = next(line for line in done.stdout.splitlines() if line.startswith("bundle:"))
    print(size)
    assert (ROOT / "dist" / "metodsovet" / "_internal" / "resources" / "fonts" / "LiberationSerif-Regular.ttf").exists()


def test_self_test_from_the_source_checkout(tmp_path: Path) -> None:
    """The same self-test, without building: quick enough to always run when the slow one does."""
    env = dict(os.environ, METODSOVET_HOME=str(tmp_path / "home with space"))
    done = subprocess.run([sys.executable, "-m", "desktop_app", "--self-test"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and done.stdout.startswith("self-test ok"), done.stdout + done.stderr
