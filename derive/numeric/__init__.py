"""derive.numeric."""
