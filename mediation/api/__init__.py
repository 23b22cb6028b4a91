"""The mediation room's part of the public REST API (``/api/v1/``)."""
