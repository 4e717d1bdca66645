"""Fact extraction: one module per fact kind; ``pipeline`` runs them over a spaCy doc."""
