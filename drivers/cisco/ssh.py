"""SSH transport to a Cisco codec's xAPI terminal (TSH) with ``asyncssh`` (optional library).

asyncssh beats shelling out to ssh: one process, asyncio-native, typed errors, and the same
reader/writer shape as a TCP stream. Host keys are checked against ``known_hosts`` when given;
without it the first key is accepted (logged), as many site installs have no PKI.
"""

from __future__ import annotations

import logging
from typing import Any

from drivers.cisco.link import Opener, Reader, Writer
from drivers.errors import DeviceConnectionError, DeviceUnavailable, Problem

_LOGGER = logging.getLogger(__name__)


class _SessionWriter:
    """Writes to the TSH session; closing it closes the SSH connection."""

    def __init__(self, connection: Any, stdin: Any) -> None:
        self._connection = connection
        self._stdin = stdin

    def write(self, data: bytes) -> None:
        """Send bytes to the shell."""
        self._stdin.write(data)

    def close(self) -> None:
        """Close the SSH connection."""
        self._connection.close()


def ssh_opener(
    host: str, port: int, username: str, password: str, known_hosts: str | None = None
) -> Opener:
    """Return an opener that logs in over SSH and starts the codec's TSH shell."""
    try:
        import asyncssh
    except ImportError as exc:
        raise DeviceUnavailable("SSH to a Cisco codec needs the asyncssh library") from exc

    async def open_session() -> tuple[Reader, Writer]:
        if known_hosts is None:
            _LOGGER.warning("%s: SSH host key not checked (no known_hosts file given)", host)
        try:
            connection = await asyncssh.connect(
                host,
                port,
                username=username,
                password=password,
                known_hosts=known_hosts,
                client_keys=None,
                agent_path=None,
            )
        except asyncssh.PermissionDenied as exc:
            raise DeviceConnectionError(
                f"{host}: SSH login refused", problem=Problem.REFUSED
            ) from exc
        except (OSError, asyncssh.Error) as exc:
            raise DeviceConnectionError(f"{host}: SSH: {exc}") from exc
        process = await connection.create_process(encoding=None)
        return process.stdout, _SessionWriter(connection, process.stdin)

    return open_session
