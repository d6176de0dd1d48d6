"""baresip, the software SIP codec on the room PC, driven through its ctrl_tcp module."""
