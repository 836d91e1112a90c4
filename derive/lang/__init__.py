"""derive.lang."""
