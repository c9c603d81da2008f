"""Local sandbox of the Kore.ai Contact Center Campaign Management API.

    from koreai_sandbox import start_sandbox
    with start_sandbox(mode="strict") as sb:
        sb.url, sb.control.reset(), sb.headers()

Run it as a server with ``python -m koreai_sandbox --port 0`` (see tests/sandbox/README.md).
"""

from .app import create_app
from .auth import mint_token
from .config import (DEFAULT_ACCOUNT_ID, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET,
                     DEFAULT_STREAM_ID, build_config)
from .server import ControlClient, SandboxHandle, make_sandbox_server, start_sandbox

__all__ = [
    "create_app", "start_sandbox", "make_sandbox_server", "SandboxHandle", "ControlClient",
    "mint_token", "build_config", "DEFAULT_CLIENT_ID", "DEFAULT_CLIENT_SECRET",
    "DEFAULT_STREAM_ID", "DEFAULT_ACCOUNT_ID",
]
