"""Cisco CE/RoomOS codecs through the xAPI terminal (TSH), with a protocol-faithful emulator."""
