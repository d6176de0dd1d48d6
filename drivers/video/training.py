"""Live video for demo/training mode: one stream per emulated camera plus a far-end stream."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from drivers.video.mjpeg_server import MjpegServer
from drivers.video.training_scene import far_end_stream, training_stream
from drivers.visca.emulated_camera import EmulatedCamera

_LOGGER = logging.getLogger(__name__)


@dataclass
class TrainingVideo:
    """Running MJPEG servers on 127.0.0.1: ``camera_urls[i]`` shows ``cameras[i]``'s view."""

    camera_urls: list[str] = field(default_factory=list)
    far_end_url: str = ""
    servers: list[MjpegServer] = field(default_factory=list)

    async def close(self) -> None:
        """Stop every stream."""
        for server in self.servers:
            with contextlib.suppress(OSError):
                await server.close()
        self.servers.clear()


async def start_training_video(
    cameras: Sequence[EmulatedCamera], labels: Sequence[str] = (), *, fps: float = 15.0
) -> TrainingVideo:
    """Serve what each emulated camera sees, and a generated far end (ephemeral ports)."""
    video = TrainingVideo()
    try:
        for index, camera in enumerate(cameras):
            label = labels[index] if index < len(labels) else f"CAM {index + 1}"
            server = training_stream(camera.position, label=label, fps=fps)
            await server.start()
            video.servers.append(server)
            video.camera_urls.append(server.url)
        far_end = far_end_stream(fps=fps)
        await far_end.start()
        video.servers.append(far_end)
        video.far_end_url = far_end.url
    except BaseException:
        await video.close()
        raise
    _LOGGER.info("training video: cameras %s, far end %s", video.camera_urls, video.far_end_url)
    return video
