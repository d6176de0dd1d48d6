"""X11 probes for the bundle smoke test: find a program's window, screenshot it, close it.

Standard library only (ctypes on libX11), so it runs with any Python and needs no xdotool or
ImageMagick. The close is the WM_DELETE_WINDOW message a window manager sends when the user
clicks the window's close button, so the app goes through its normal shutdown path.

    x11_smoke.py wait-window --pid PID --since EPOCH [--timeout S]   prints seconds to window
    x11_smoke.py screenshot --pid PID --out FILE.png [--min-colours N]
    x11_smoke.py close --pid PID
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import os
import struct
import sys
import time
import zlib
from collections.abc import Iterator
from typing import Any

IS_VIEWABLE = 2
CLIENT_MESSAGE = 33
ZPIXMAP = 2
ALL_PLANES = 0xFFFFFFFF
MIN_SIDE = 100  # Qt also creates tiny helper windows; the main window is bigger


class XWindowAttributes(ctypes.Structure):
    """Xlib's XWindowAttributes (only the fields up to map_state are read)."""

    _fields_ = [
        ("x", ctypes.c_int),
        ("y", ctypes.c_int),
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("border_width", ctypes.c_int),
        ("depth", ctypes.c_int),
        ("visual", ctypes.c_void_p),
        ("root", ctypes.c_ulong),
        ("c_class", ctypes.c_int),
        ("bit_gravity", ctypes.c_int),
        ("win_gravity", ctypes.c_int),
        ("backing_store", ctypes.c_int),
        ("backing_planes", ctypes.c_ulong),
        ("backing_pixel", ctypes.c_ulong),
        ("save_under", ctypes.c_int),
        ("colormap", ctypes.c_ulong),
        ("map_installed", ctypes.c_int),
        ("map_state", ctypes.c_int),
        ("all_event_masks", ctypes.c_long),
        ("your_event_mask", ctypes.c_long),
        ("do_not_propagate_mask", ctypes.c_long),
        ("override_redirect", ctypes.c_int),
        ("screen", ctypes.c_void_p),
    ]


class XClientMessageEvent(ctypes.Structure):
    """Xlib's XClientMessageEvent with 32-bit format data."""

    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", ctypes.c_ulong),
        ("message_type", ctypes.c_ulong),
        ("format", ctypes.c_int),
        ("data", ctypes.c_long * 5),
    ]


class XEvent(ctypes.Union):
    """Xlib's XEvent union (192 bytes on 64-bit)."""

    _fields_ = [("xclient", XClientMessageEvent), ("pad", ctypes.c_long * 24)]


class XImage(ctypes.Structure):
    """The leading fields of Xlib's XImage."""

    _fields_ = [
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("xoffset", ctypes.c_int),
        ("format", ctypes.c_int),
        ("data", ctypes.POINTER(ctypes.c_ubyte)),
        ("byte_order", ctypes.c_int),
        ("bitmap_unit", ctypes.c_int),
        ("bitmap_bit_order", ctypes.c_int),
        ("bitmap_pad", ctypes.c_int),
        ("depth", ctypes.c_int),
        ("bytes_per_line", ctypes.c_int),
        ("bits_per_pixel", ctypes.c_int),
    ]


def _xlib() -> Any:
    """Load libX11 and declare the calls used here."""
    lib = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
    lib.XOpenDisplay.restype = ctypes.c_void_p
    lib.XDefaultRootWindow.restype = ctypes.c_ulong
    lib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    lib.XInternAtom.restype = ctypes.c_ulong
    lib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    lib.XQueryTree.argtypes = [ctypes.c_void_p, ctypes.c_ulong, *([ctypes.c_void_p] * 4)]
    lib.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_void_p]
    lib.XGetWindowProperty.argtypes = [
        ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_long, ctypes.c_long,
        ctypes.c_int, ctypes.c_ulong, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p,
        ctypes.c_void_p, ctypes.c_void_p,
    ]  # fmt: skip
    lib.XSendEvent.argtypes = [
        ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long, ctypes.c_void_p,
    ]  # fmt: skip
    lib.XGetImage.restype = ctypes.POINTER(XImage)
    lib.XGetImage.argtypes = [
        ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int, ctypes.c_uint,
        ctypes.c_uint, ctypes.c_ulong, ctypes.c_int,
    ]  # fmt: skip
    lib.XDestroyImage.argtypes = [ctypes.POINTER(XImage)]
    lib.XFree.argtypes = [ctypes.c_void_p]
    lib.XFlush.argtypes = [ctypes.c_void_p]
    lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    return lib


class Display:
    """A connection to the X server named by $DISPLAY."""

    def __init__(self) -> None:
        self.x = _xlib()
        self.dpy = self.x.XOpenDisplay(None)
        if not self.dpy:
            raise SystemExit(f"x11_smoke: cannot open display {os.environ.get('DISPLAY')!r}")
        self.root = self.x.XDefaultRootWindow(self.dpy)

    def close(self) -> None:
        """Disconnect."""
        self.x.XCloseDisplay(self.dpy)

    def top_windows(self) -> Iterator[int]:
        """Yield the root's children (with no window manager these are the top-level windows)."""
        root, parent = ctypes.c_ulong(), ctypes.c_ulong()
        children, count = ctypes.POINTER(ctypes.c_ulong)(), ctypes.c_uint()
        args = (ctypes.byref(root), ctypes.byref(parent), ctypes.byref(children))
        if not self.x.XQueryTree(self.dpy, self.root, *args, ctypes.byref(count)):
            return
        windows = [children[i] for i in range(count.value)]
        if children:
            self.x.XFree(children)
        yield from windows

    def attributes(self, window: int) -> XWindowAttributes:
        """Geometry and map state of a window."""
        attrs = XWindowAttributes()
        self.x.XGetWindowAttributes(self.dpy, window, ctypes.byref(attrs))
        return attrs

    def pid_of(self, window: int) -> int | None:
        """Read the _NET_WM_PID property Qt sets on its windows."""
        atom = self.x.XInternAtom(self.dpy, b"_NET_WM_PID", 0)
        kind, fmt = ctypes.c_ulong(), ctypes.c_int()
        items, after = ctypes.c_ulong(), ctypes.c_ulong()
        data = ctypes.POINTER(ctypes.c_ulong)()
        refs = [ctypes.byref(v) for v in (kind, fmt, items, after, data)]
        status = self.x.XGetWindowProperty(self.dpy, window, atom, 0, 1, 0, 0, *refs)
        if status != 0 or not data:
            return None
        pid = data[0] if items.value else None
        self.x.XFree(data)
        return pid

    def main_window(self, pid: int) -> int | None:
        """Find the viewable, full-size top-level window of process ``pid``, if any yet."""
        for window in self.top_windows():
            attrs = self.attributes(window)
            if attrs.map_state != IS_VIEWABLE or min(attrs.width, attrs.height) < MIN_SIDE:
                continue
            if self.pid_of(window) == pid:
                return window
        return None

    def send_delete(self, window: int) -> None:
        """Ask the window to close, as a window manager's close button does."""
        event = XEvent()
        event.xclient.type = CLIENT_MESSAGE
        event.xclient.window = window
        event.xclient.message_type = self.x.XInternAtom(self.dpy, b"WM_PROTOCOLS", 0)
        event.xclient.format = 32
        event.xclient.data[0] = self.x.XInternAtom(self.dpy, b"WM_DELETE_WINDOW", 0)
        event.xclient.data[1] = 0  # CurrentTime
        self.x.XSendEvent(self.dpy, window, 0, 0, ctypes.byref(event))
        self.x.XFlush(self.dpy)

    def grab_rgb(self, window: int) -> tuple[int, int, bytes]:
        """Grab the window's area of the screen as packed RGB (32-bit TrueColor, as Xvfb uses).

        Read from the root window, clipped to the screen: XGetImage on a window that reaches
        past the screen's edge fails with BadMatch.
        """
        attrs, screen = self.attributes(window), self.attributes(self.root)
        left, top = max(attrs.x, 0), max(attrs.y, 0)
        width = min(attrs.x + attrs.width, screen.width) - left
        height = min(attrs.y + attrs.height, screen.height) - top
        image = self.x.XGetImage(self.dpy, self.root, left, top, width, height, ALL_PLANES, ZPIXMAP)
        if not image:
            raise SystemExit("x11_smoke: XGetImage failed")
        img = image.contents
        if img.bits_per_pixel != 32:
            raise SystemExit(f"x11_smoke: {img.bits_per_pixel} bits per pixel not supported")
        width, height, stride = img.width, img.height, img.bytes_per_line
        raw = ctypes.string_at(img.data, stride * height)
        self.x.XDestroyImage(image)
        bgrx = b"".join(raw[row * stride : row * stride + width * 4] for row in range(height))
        rgb = bytearray(width * height * 3)  # pixels are B, G, R, unused (LSB first)
        rgb[0::3], rgb[1::3], rgb[2::3] = bgrx[2::4], bgrx[1::4], bgrx[0::4]
        return width, height, bytes(rgb)


def write_png(path: str, width: int, height: int, rgb: bytes) -> None:
    """Write packed RGB as a PNG (stdlib zlib; filter 0 on every row)."""
    rows = b"".join(b"\0" + rgb[y * width * 3 : (y + 1) * width * 3] for y in range(height))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    with open(path, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header))
        out.write(chunk(b"IDAT", zlib.compress(rows, 6)) + chunk(b"IEND", b""))


def distinct_colours(rgb: bytes) -> int:
    """How many different colours the picture has (a blank window has one or two)."""
    return len({rgb[i : i + 3] for i in range(0, len(rgb), 3)})


def _alive(pid: int) -> bool:
    """Whether process ``pid`` still exists (and is not a zombie we cannot see here)."""
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True


def cmd_wait_window(args: argparse.Namespace, display: Display) -> int:
    """Poll until the process shows its main window; print the seconds since --since."""
    deadline = time.monotonic() + args.timeout
    while time.monotonic() < deadline:
        window = display.main_window(args.pid)
        if window is not None:
            print(f"{time.time() - args.since:.2f}")
            return 0
        if not _alive(args.pid):
            print(f"x11_smoke: process {args.pid} ended before showing a window", file=sys.stderr)
            return 1
        time.sleep(0.05)
    print(f"x11_smoke: no window from process {args.pid} in {args.timeout} s", file=sys.stderr)
    return 1


def cmd_screenshot(args: argparse.Namespace, display: Display) -> int:
    """Save the main window as PNG; fail when it is (nearly) one flat colour."""
    window = display.main_window(args.pid)
    if window is None:
        print(f"x11_smoke: process {args.pid} has no window to grab", file=sys.stderr)
        return 1
    width, height, rgb = display.grab_rgb(window)
    write_png(args.out, width, height, rgb)
    colours = distinct_colours(rgb)
    verdict = "ok" if colours >= args.min_colours else "BLANK"
    print(f"screenshot {args.out}: {width}x{height}, {colours} distinct colours ({verdict})")
    return 0 if colours >= args.min_colours else 1


def cmd_close(args: argparse.Namespace, display: Display) -> int:
    """Send WM_DELETE_WINDOW to the process's main window."""
    window = display.main_window(args.pid)
    if window is None:
        print(f"x11_smoke: process {args.pid} has no window to close", file=sys.stderr)
        return 1
    display.send_delete(window)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run one probe (see the module docstring)."""
    parser = argparse.ArgumentParser(prog="x11_smoke.py", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    wait = sub.add_parser("wait-window")
    wait.add_argument("--since", type=float, default=time.time(), help="start time (epoch s)")
    wait.add_argument("--timeout", type=float, default=60.0)
    shot = sub.add_parser("screenshot")
    shot.add_argument("--out", required=True)
    shot.add_argument("--min-colours", type=int, default=32)
    close = sub.add_parser("close")
    for command in (wait, shot, close):
        command.add_argument("--pid", type=int, required=True)
    args = parser.parse_args(argv)
    handlers = {"wait-window": cmd_wait_window, "screenshot": cmd_screenshot, "close": cmd_close}
    display = Display()
    try:
        return handlers[args.command](args, display)
    finally:
        display.close()


if __name__ == "__main__":
    sys.exit(main())
