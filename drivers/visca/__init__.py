"""VISCA PTZ cameras: sans-I/O protocol, links, camera driver, emulator."""
