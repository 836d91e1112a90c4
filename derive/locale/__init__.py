"""derive.locale."""
