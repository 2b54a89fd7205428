"""Item models over service results."""
