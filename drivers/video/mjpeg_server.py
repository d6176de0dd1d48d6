"""Serve generated pictures as MJPEG over HTTP on 127.0.0.1 (libVLC and PyAV both play it).

One producer task renders and JPEG-encodes each picture once (in a worker thread, so the loop
stays free for the console) and every connected client gets the newest one; a slow client
skips pictures instead of queueing them, as a live camera would.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
from collections.abc import Callable

from PIL import Image

_LOGGER = logging.getLogger(__name__)
_BOUNDARY = b"roomconsoleframe"
_HEADER = (
    b"HTTP/1.0 200 OK\r\nCache-Control: no-cache\r\nConnection: close\r\n"
    b"Content-Type: multipart/x-mixed-replace; boundary=" + _BOUNDARY + b"\r\n\r\n"
)
_NOT_FOUND = b"HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
PATH = "/video.mjpg"


def encode_jpeg(image: Image.Image, quality: int = 80) -> bytes:
    """Encode one picture as baseline JPEG."""
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=quality)
    return out.getvalue()


class MjpegServer:
    """An HTTP server streaming ``render()`` pictures at ``fps`` as multipart JPEG."""

    def __init__(
        self, render: Callable[[], Image.Image], *, fps: float = 15.0, quality: int = 80
    ) -> None:
        self.render = render
        self.fps = fps
        self.quality = quality
        self.frames_sent = 0
        self._server: asyncio.Server | None = None
        self._producer: asyncio.Task[None] | None = None
        self._jpeg = b""
        self._new_picture = asyncio.Condition()
        self._clients: dict[asyncio.Task[None], asyncio.StreamWriter] = {}
        self._closing = False

    @property
    def port(self) -> int:
        """The TCP port chosen by the system (after ``start``)."""
        if self._server is None:
            raise RuntimeError("server not started")
        return int(self._server.sockets[0].getsockname()[1])

    @property
    def url(self) -> str:
        """The stream's URL for a player."""
        return f"http://127.0.0.1:{self.port}{PATH}"

    async def start(self, port: int = 0) -> None:
        """Listen on 127.0.0.1 (port 0 = any free port) and start producing pictures."""
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", port)
        self._producer = asyncio.create_task(self._produce(), name="mjpeg producer")

    async def close(self) -> None:
        """Stop producing, drop every client and stop listening."""
        if self._producer is not None:
            self._producer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._producer
        # Client handlers are the server's tasks: end them by closing their sockets, not by
        # cancelling (asyncio logs a cancelled handler as an error).
        self._closing = True
        async with self._new_picture:
            self._new_picture.notify_all()
        for writer in self._clients.values():
            writer.transport.abort()
        if self._clients:
            await asyncio.wait(list(self._clients), timeout=5)
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None

    async def _produce(self) -> None:
        loop = asyncio.get_running_loop()
        period = 1.0 / self.fps
        next_at = loop.time()
        while True:
            jpeg = await asyncio.to_thread(lambda: encode_jpeg(self.render(), self.quality))
            async with self._new_picture:
                self._jpeg = jpeg
                self.frames_sent += 1
                self._new_picture.notify_all()
            next_at = max(next_at + period, loop.time())
            await asyncio.sleep(next_at - loop.time())

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        if task is not None:
            self._clients[task] = writer
        try:
            request = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
            path = request.split(b" ", 2)[1].decode("latin-1") if b" " in request else ""
            if path.split("?")[0] != PATH:
                writer.write(_NOT_FOUND)
                return
            writer.write(_HEADER)
            await self._stream(writer)
        except (
            ConnectionError,
            asyncio.IncompleteReadError,
            asyncio.LimitOverrunError,  # request headers over 64 KB: not a viewer we serve
            TimeoutError,
            IndexError,
        ) as exc:
            _LOGGER.debug("mjpeg client left: %r", exc)
        finally:
            if task is not None:
                self._clients.pop(task, None)
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()

    async def _stream(self, writer: asyncio.StreamWriter) -> None:
        while not self._closing:
            async with self._new_picture:
                await self._new_picture.wait()
                jpeg = self._jpeg
            if self._closing:
                return
            writer.write(
                b"--" + _BOUNDARY + b"\r\nContent-Type: image/jpeg\r\n"
                b"Content-Length: " + str(len(jpeg)).encode() + b"\r\n\r\n" + jpeg + b"\r\n"
            )
            await writer.drain()
