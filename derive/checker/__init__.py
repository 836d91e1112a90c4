"""derive.checker."""
