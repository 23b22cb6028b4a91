"""Keeps the catalogue's facet rows in step with publication."""
