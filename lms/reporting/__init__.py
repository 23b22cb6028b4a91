"""Figures for the trainer and coordinator dashboards, kept free of Django.

The views query the database and translate; these modules only count,
hide small numbers and draw, so the privacy rules can be tested alone.
"""
