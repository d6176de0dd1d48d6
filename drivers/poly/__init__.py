"""Poly (Polycom) Group Series / HDX codecs through the telnet API, with an emulator."""
