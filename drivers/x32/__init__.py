"""Behringer X32/M32 and X-Air audio mixers over OSC: protocol, driver and emulator."""
