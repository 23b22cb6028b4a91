"""The learning room's part of the public REST API (``/api/v1/``).

Scoping is never decided here: every list starts from a queryset of
``lms.permissions``, the layer the dashboards use, so the API shows nobody
more than the pages do.
"""
