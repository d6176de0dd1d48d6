"""Qt user interface of Room Console."""
