from .answers import LearnerAnswer, UnitVisit
from .cohorts import Cohort, Enrollment
from .contributions import Contribution, ContributionAttachment
from .credentials import Credential
from .lrs import (
    ActivityDefinition,
    LRSClient,
    Statement,
    StatementActivity,
    StatementAgent,
    StatementAttachment,
)
from .lrs_documents import LRSDocument
from .lrs_forwarding import ForwardingEntry
from .pages import (
    CourseCoAuthor,
    CourseIndexPage,
    CoursePage,
    ModulePage,
    UnitCoAuthor,
    UnitPage,
)
from .progress import ActivityProgress
from .reports import FieldReport, ReportAttachment, ReportEvent
from .workflows import SecondTrainerApprovalTask

__all__ = [
    "ActivityDefinition",
    "ForwardingEntry",
    "LRSDocument",
    "StatementActivity",
    "StatementAgent",
    "StatementAttachment",
    "ActivityProgress",
    "Cohort",
    "Contribution",
    "Credential",
    "ContributionAttachment",
    "CourseCoAuthor",
    "CourseIndexPage",
    "CoursePage",
    "Enrollment",
    "FieldReport",
    "LearnerAnswer",
    "LRSClient",
    "ModulePage",
    "ReportAttachment",
    "ReportEvent",
    "SecondTrainerApprovalTask",
    "Statement",
    "UnitCoAuthor",
    "UnitPage",
    "UnitVisit",
]
