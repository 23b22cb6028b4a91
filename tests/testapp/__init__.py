"""A small app installed only in the test settings: records with file
fields, so the storage layer is tested the way later rooms will use it,
Wagtail admin forms included."""
