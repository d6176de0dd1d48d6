"""Multi-device workflows (join the bridge, leave) as explicit steps; Qt-free."""
