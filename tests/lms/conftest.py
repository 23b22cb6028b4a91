"""The learning tests use the ``course`` fixture of tests/support/course_fixtures.py."""

from tests.support.course_fixtures import assignment_of, publish

__all__ = ["assignment_of", "publish"]
