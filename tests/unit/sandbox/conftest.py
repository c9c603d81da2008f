"""Fixtures for the sandbox tests (helpers live in sandbox_helpers.py)."""

import sys
from pathlib import Path

import pytest

# Works with any pytest import mode: make sandbox_helpers (and through it the
# koreai_sandbox package in tests/sandbox) importable.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sandbox_helpers import make_api  # noqa: E402


@pytest.fixture
def api():
    """A strict sandbox with the default seed, driven through the Flask test client."""
    return make_api()


@pytest.fixture
def tolerant():
    """The same in tolerant mode."""
    return make_api(mode="tolerant")
