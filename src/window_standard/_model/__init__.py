"""The window model: pydantic v2 models and labelled enums of the public data contract.

The shape is fixed by ``standard/window-example.yaml``; :class:`Window` accepts that document as it is.
Identifier check-digit functions live in :mod:`window_standard._model.identifiers`.
"""

from __future__ import annotations

from .application import (
    Application,
    AssessmentLevel,
    Contact,
    DistrictOpinion,
    Material,
    MaterialKind,
    OrganisationRecommendation,
    SelfAssessment,
)
from .enums import (
    ActivityKind,
    Assessor,
    Display,
    Facility,
    LogKind,
    OrganisationKind,
    PropertyType,
    PublicityPlatform,
    WindowKind,
)
from .labels import LabelledEnum, Lang
from .window import (
    CREDIT_CODE_FROM,
    FUNCTIONAL_ZONES,
    Activity,
    Amount,
    Complaints,
    Count,
    Environment,
    Incidents,
    LeiFeng,
    Organisation,
    Process,
    Project,
    Quality,
    Repairs,
    Staff,
    Survey,
    VolunteerTeam,
    Window,
)

__all__ = [
    "CREDIT_CODE_FROM",
    "FUNCTIONAL_ZONES",
    "Activity",
    "ActivityKind",
    "Amount",
    "Application",
    "AssessmentLevel",
    "Assessor",
    "Complaints",
    "Contact",
    "Count",
    "Display",
    "DistrictOpinion",
    "Environment",
    "Facility",
    "Incidents",
    "LabelledEnum",
    "Lang",
    "LeiFeng",
    "LogKind",
    "Material",
    "MaterialKind",
    "Organisation",
    "OrganisationKind",
    "OrganisationRecommendation",
    "Process",
    "Project",
    "PropertyType",
    "PublicityPlatform",
    "Quality",
    "Repairs",
    "SelfAssessment",
    "Staff",
    "Survey",
    "VolunteerTeam",
    "Window",
    "WindowKind",
]
