"""Chaînon's H5P core: reading, checking, sanitising and unpacking .h5p
packages, in plain Python.

Nothing here imports Django: the rules work on file-like objects and on a
small storage protocol (``target.Target``), so they can be read, tested
and published on their own.  ``media.h5p_packages`` (models, admin, task,
views) is the thin Django layer on top.
"""
