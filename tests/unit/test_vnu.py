"""The pinned Nu HTML checker is verified against the npm registry's integrity hash."""

from __future__ import annotations

import base64
import hashlib

import pytest

from candor_tools.vnu import VnuUnavailable, verify


def test_matching_data_passes_and_tampered_data_is_refused():
    data = b"vnu.jar bytes"
    integrity = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    verify(data, integrity)
    with pytest.raises(VnuUnavailable, match="integrity"):
        verify(data + b"!", integrity)
