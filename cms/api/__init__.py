"""The shared plumbing of the versioned REST API (``/api/v1/``).

Every endpoint of the rooms (``lms/api``, ``mediation/api``) is built on
``cms.api.views.ApiViewSetMixin`` (or one of the ready-made bases next to
it): token or session authentication, per-token throttling, cursor
pagination, filters, problem+json errors, one transaction per write and
conditional reads. Those live on the mixin rather than in the global
``REST_FRAMEWORK`` settings because other DRF views of the site (the upload
widget's ``/api/media/``, Wagtail's and wagtail-localize's admin endpoints)
must keep the behaviour their front ends expect.
"""
