from .answers import LearnerAnswer, UnitVisit
from .cohorts import Cohort, Enrollment
from .contributions import Contribution, ContributionAttachment
from .pages import (
    CourseCoAuthor,
    CourseIndexPage,
    CoursePage,
    ModulePage,
    UnitCoAuthor,
    UnitPage,
)
from .reports import FieldReport, ReportAttachment, ReportEvent
from .workflows import SecondTrainerApprovalTask

__all__ = [
    "Cohort",
    "Contribution",
    "ContributionAttachment",
    "CourseCoAuthor",
    "CourseIndexPage",
    "CoursePage",
    "Enrollment",
    "FieldReport",
    "LearnerAnswer",
    "ModulePage",
    "ReportAttachment",
    "ReportEvent",
    "SecondTrainerApprovalTask",
    "UnitCoAuthor",
    "UnitPage",
    "UnitVisit",
]
