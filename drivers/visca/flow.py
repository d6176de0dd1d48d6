"""Flow control for one VISCA camera: two sockets, one message awaiting its first reply.

Rules (Sony manuals, shared/protocols/visca.md):
- One message at a time waits for its first reply (ACK, error or inquiry answer): VISCA
  replies do not say which command they answer, so keeping one outstanding makes matching
  exact. Only an urgent Stop may follow a drive at once (replies come in order).
  Completions carry the socket number, so up to two commands run at once.
- A command is never sent while both sockets are busy (no third command in flight).
  ``90 60 03 FF`` (buffer full, e.g. another controller uses a socket) is waited out and retried,
  not reported; only the command's own timeout ends the wait.
- Coalescing lanes: while a drive is pending in a lane, a newer one replaces it (the older call
  returns as superseded); an urgent job (Stop) jumps the queue and drops the pending drives of
  the lanes it names. So while a joystick is held at most one drive per lane is pending.
- A caller that gives up (task cancelled) while its command runs gets ``8x 2y FF`` sent.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field

from drivers.errors import (
    DeviceCommandError,
    DeviceConnectionError,
    DeviceError,
    DeviceTimeout,
    Problem,
)
from drivers.visca.protocol import (
    Ack,
    Command,
    Completion,
    ErrorReply,
    Reply,
    ViscaErrorCode,
    build,
)

_LOGGER = logging.getLogger(__name__)

Sender = Callable[[bytes, bool], Awaitable[None]]
SOCKETS = 2

_ERROR_PROBLEMS = {
    ViscaErrorCode.NOT_EXECUTABLE: Problem.NOT_EXECUTABLE,
    ViscaErrorCode.BUFFER_FULL: Problem.BUSY,
}


@dataclass(eq=False)
class Job:
    """One command or inquiry on its way through the flow."""

    command: Command
    future: asyncio.Future[bytes]
    lane: str | None = None
    urgent: bool = False
    socket: int = 0
    abandoned: bool = False
    saw_busy: bool = False
    timers: list[asyncio.TimerHandle] = field(default_factory=list)

    @property
    def is_cancel(self) -> bool:
        """True for ``8x 2y FF``, which uses no socket."""
        return self.command.name == "cancel"


class CommandFlow:
    """Schedules one camera's messages over a shared send function."""

    def __init__(
        self,
        name: str,
        address: int,
        send: Sender,
        *,
        replies: bool = True,
        ack_timeout: float = 1.0,
        busy_retry: float = 0.05,
        on_answer: Callable[[bool], None] | None = None,
    ) -> None:
        self.name = name
        self.address = address
        self.replies = replies
        self.ack_timeout = ack_timeout
        self.busy_retry = busy_retry
        self.pending_high_water = 0  # most jobs ever waiting at once (bench, tests)
        self._send = send
        self._on_answer = on_answer or (lambda answered: None)
        self._queue: list[Job] = []
        self._awaiting: list[Job] = []  # sent, first reply pending; replies come in order
        self._sockets: dict[int, Job] = {}
        self._busy_until = 0.0
        self._pump_task: asyncio.Task[None] | None = None

    @property
    def pending(self) -> int:
        """Jobs queued and not yet sent."""
        return len(self._queue)

    @property
    def idle(self) -> bool:
        """Nothing queued, nothing on the line, no socket busy."""
        return not self._queue and not self._awaiting and not self._sockets

    async def run(
        self,
        command: Command,
        timeout: float,
        *,
        lane: str | None = None,
        urgent: bool = False,
        supersede: Iterable[str] = (),
    ) -> bytes:
        """Queue ``command`` and wait for its Completion (its data for an inquiry)."""
        job = self.submit(command, timeout, lane=lane, urgent=urgent, supersede=supersede)
        try:
            return await asyncio.shield(job.future)
        except asyncio.CancelledError:
            self._abandon(job)
            raise

    def submit(
        self,
        command: Command,
        timeout: float,
        *,
        lane: str | None = None,
        urgent: bool = False,
        supersede: Iterable[str] = (),
    ) -> Job:
        """Queue ``command`` without waiting; see the module rules for lanes and urgency."""
        job = Job(command, asyncio.get_running_loop().create_future(), lane, urgent)
        job.timers.append(asyncio.get_running_loop().call_later(timeout, self._expire, job))
        dropped = set(supersede)
        for old in [j for j in self._queue if j.lane is not None and j.lane in dropped]:
            self._queue.remove(old)
            self._finish(old, b"")
        same_lane = next((j for j in self._queue if lane is not None and j.lane == lane), None)
        if same_lane is not None:  # newest wins, in the older one's place
            self._queue[self._queue.index(same_lane)] = job
            self._finish(same_lane, b"")
        elif urgent:
            position = next(
                (i for i, j in enumerate(self._queue) if not j.urgent), len(self._queue)
            )
            self._queue.insert(position, job)
        else:
            self._queue.append(job)
        self.pending_high_water = max(self.pending_high_water, len(self._queue))
        self._kick()
        return job

    def make_room(self) -> None:
        """Cancel what runs in both sockets so an urgent Stop need not wait for a long move."""
        if len(self._sockets) >= SOCKETS:
            for socket, job in list(self._sockets.items()):
                if not job.abandoned:
                    job.abandoned = True
                    self._cancel_socket(socket)

    def link_down(self, reason: str) -> None:
        """Fail everything: the link broke, nothing in flight will be answered."""
        jobs = [*self._queue, *self._sockets.values(), *self._awaiting]
        self._queue.clear()
        self._sockets.clear()
        self._awaiting.clear()
        self._busy_until = 0.0
        for job in jobs:
            self._fail(job, DeviceConnectionError(f"{self.name}: {reason}"))

    def on_reply(self, reply: Reply) -> None:
        """Route one reply from this camera to the job it answers."""
        self._on_answer(True)
        if isinstance(reply, Ack):
            self._on_ack(reply.socket)
        elif isinstance(reply, Completion):
            self._on_completion(reply.socket, reply.data)
        elif isinstance(reply, ErrorReply):
            self._on_error(reply.socket, reply.code)
        self._kick()

    # --- replies ---------------------------------------------------------------------------

    def _on_ack(self, socket: int) -> None:
        job = self._awaiting[0] if self._awaiting else None
        if job is None or job.command.inquiry:
            _LOGGER.debug("%s: ACK for socket %d matches nothing", self.name, socket)
            return
        self._awaiting.pop(0)
        job.socket = socket
        stale = self._sockets.get(socket)
        if stale is not None:  # its completion was lost; the camera reuses the socket
            self._fail(stale, DeviceTimeout(f"{self.name}: no completion for {stale.command.name}"))
        self._sockets[socket] = job
        if job.abandoned:
            self._cancel_socket(socket)

    def _on_completion(self, socket: int, data: bytes) -> None:
        job = self._sockets.pop(socket, None) if socket else None
        if job is None and self._awaiting:
            job = self._awaiting.pop(0)  # inquiry answer, or ``90 50 FF``
        if job is None:
            _LOGGER.debug("%s: completion for socket %d matches nothing", self.name, socket)
            return
        self._finish(job, data)

    def _on_error(self, socket: int, code: ViscaErrorCode) -> None:
        awaiting = self._awaiting[0] if self._awaiting else None
        if code is ViscaErrorCode.BUFFER_FULL and awaiting is not None:
            self._awaiting.pop(0)
            self._retry_later(awaiting)
            return
        if awaiting is not None and awaiting.is_cancel:
            self._awaiting.pop(0)
            self._finish(awaiting, b"")
            self._fail_socket(socket, code)
            return
        if awaiting is not None and not (awaiting.command.inquiry and socket in self._sockets):
            self._awaiting.pop(0)
            self._fail(awaiting, self._command_error(awaiting, code))
            return
        self._fail_socket(socket, code)

    def _fail_socket(self, socket: int, code: ViscaErrorCode) -> None:
        job = self._sockets.pop(socket, None)
        if job is not None:
            self._fail(job, self._command_error(job, code))

    def _command_error(self, job: Job, code: ViscaErrorCode) -> DeviceCommandError:
        problem = _ERROR_PROBLEMS.get(code, Problem.REFUSED)
        return DeviceCommandError(
            f"{self.name}: {job.command.name} refused: {code.name}", problem=problem
        )

    def _retry_later(self, job: Job) -> None:
        """Buffer full: put the job back at the front and try again shortly."""
        job.saw_busy = True
        if not job.future.done():
            self._queue.insert(0, job)
        loop = asyncio.get_running_loop()
        self._busy_until = loop.time() + self.busy_retry
        loop.call_later(self.busy_retry, self._kick)

    # --- sending ---------------------------------------------------------------------------

    def _kick(self) -> None:
        if self._pump_task is None or self._pump_task.done():
            self._pump_task = asyncio.get_running_loop().create_task(self._pump())

    def _next_job(self) -> Job | None:
        if not self._queue or asyncio.get_running_loop().time() < self._busy_until:
            return None
        if self._awaiting:
            return self._pipelined_stop()
        for job in self._queue:
            if job.command.inquiry or job.is_cancel or len(self._sockets) < SOCKETS:
                self._queue.remove(job)
                return job
        return None

    def _pipelined_stop(self) -> Job | None:
        """Let an urgent Stop follow a drive still waiting for its ACK, without waiting.

        The camera answers in order, so two outstanding messages still match exactly; with
        no socket busy, drive + Stop cannot make a third command in flight. This takes the
        ACK wait (and the camera's reply jitter) out of release-to-Stop.
        """
        head = self._queue[0]
        first = self._awaiting[0]
        if (
            head.urgent
            and not head.is_cancel
            and len(self._awaiting) == 1
            and not first.command.inquiry
            and not first.is_cancel
            and not self._sockets
        ):
            return self._queue.pop(0)
        return None

    async def _pump(self) -> None:
        while (job := self._next_job()) is not None:
            self._awaiting.append(job)
            try:
                await self._send(job.command.packet(self.address), job.command.inquiry)
            except DeviceError as exc:
                if job in self._awaiting:
                    self._awaiting.remove(job)
                self._fail(job, exc)
                continue
            if not self.replies:  # one-way wiring: nothing will answer
                self._awaiting.remove(job)
                self._finish(job, b"")
            elif job in self._awaiting:
                loop = asyncio.get_running_loop()
                job.timers.append(loop.call_later(self.ack_timeout, self._no_answer, job))

    # --- timeouts, cancel, outcomes --------------------------------------------------------

    def _no_answer(self, job: Job) -> None:
        if job in self._awaiting:
            self._awaiting.remove(job)
            self._on_answer(False)
            self._fail(job, DeviceTimeout(f"{self.name}: no answer to {job.command.name}"))
            self._kick()

    def _expire(self, job: Job) -> None:
        """Fail a job whose whole time is up, wherever it is."""
        if job in self._queue:
            self._queue.remove(job)
        if job in self._awaiting:
            self._awaiting.remove(job)
        if self._sockets.get(job.socket) is job:
            del self._sockets[job.socket]
        if job.saw_busy:
            error: DeviceError = DeviceTimeout(
                f"{self.name}: {job.command.name}: camera stayed busy", problem=Problem.BUSY
            )
        else:
            error = DeviceTimeout(f"{self.name}: {job.command.name} timed out")
        self._fail(job, error)
        self._kick()

    def _abandon(self, job: Job) -> None:
        """Handle a caller that gave up: drop it if unsent, cancel its socket if running."""
        job.abandoned = True
        if job in self._queue:
            self._queue.remove(job)
            self._finish(job, b"")
        elif self._sockets.get(job.socket) is job:
            self._cancel_socket(job.socket)

    def _cancel_socket(self, socket: int) -> None:
        cancel = self.submit(build("cancel", s=socket), self.ack_timeout * 2, urgent=True)
        cancel.future.add_done_callback(_consume)

    def _finish(self, job: Job, data: bytes) -> None:
        for timer in job.timers:
            timer.cancel()
        if not job.future.done():
            job.future.set_result(data)

    def _fail(self, job: Job, error: DeviceError) -> None:
        for timer in job.timers:
            timer.cancel()
        if not job.future.done():
            job.future.set_exception(error)
            job.future.add_done_callback(_consume)


def _consume(future: asyncio.Future[bytes]) -> None:
    """Mark an outcome nobody may await as seen (no 'exception never retrieved' noise)."""
    with contextlib.suppress(asyncio.CancelledError, DeviceError):
        future.result()
