"""Keeps each partner's rights in step with its pages."""
