"""derive.render."""
