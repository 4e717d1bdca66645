"""Screenshot an HTML report with headless Chromium: ``python examples/screenshot.py IN.html OUT.png``.

Kept as a script (and used by ``examples/refresh.py --screenshot`` and the HTML test) so that the
picture in ``examples/twitter-microsoft/expected/report.png`` can be remade the same way. Needs
the Debian ``chromium`` package (``apt-get install -y chromium``) or ``$CHROMIUM``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# Flags that work headless, as root, offline, in a container: no sandbox or GPU, and nothing that
# reaches the network behind the page's back.
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars")


def find_chromium() -> str | None:
    """The Chromium binary: ``$CHROMIUM``, else the usual names on PATH."""
    env = os.environ.get("CHROMIUM")
    if env:
        return env if Path(env).exists() or shutil.which(env) else None
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def run_chromium(url: str, *args: str, timeout: float = 90) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium on ``url`` with a throwaway profile; stdout is what it printed."""
    binary = find_chromium()
    if binary is None:
        raise FileNotFoundError("chromium not found; apt-get install -y chromium (or set CHROMIUM)")
    with tempfile.TemporaryDirectory(prefix="factcheck-chromium-") as profile:
        return subprocess.run([binary, *FLAGS, f"--user-data-dir={profile}", *args, url],
                              capture_output=True, text=True, timeout=timeout, check=False)


def dump_dom(html_path: Path, query: str = "") -> str:
    """The page's DOM after its scripts ran (``query``, e.g. ``?off=agreement``, is passed on)."""
    url = html_path.resolve().as_uri() + query
    return run_chromium(url, "--dump-dom", "--virtual-time-budget=5000").stdout


def screenshot(html_path: Path, png_path: Path, width: int = 1400, height: int = 1000) -> Path:
    png_path = png_path.resolve()
    png_path.unlink(missing_ok=True)
    done = run_chromium(html_path.resolve().as_uri(), f"--screenshot={png_path}",
                        f"--window-size={width},{height}", "--virtual-time-budget=5000")
    if not png_path.exists():
        raise RuntimeError(f"chromium wrote no screenshot: {done.stderr.strip()[-500:]}")
    return png_path


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.splitlines()[0])
    print(screenshot(Path(sys.argv[1]), Path(sys.argv[2])))
