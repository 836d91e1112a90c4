"""derive.engine."""
