"""derive.walkthrough."""
