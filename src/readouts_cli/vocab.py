"""The closed vocabularies of the record format, kept free of heavy imports for the CLI."""

from enum import StrEnum


class Kind(StrEnum):
    MEETING = "meeting"
    COURTESY_CALL = "courtesy-call"
    TELEPHONE_TALK = "telephone-talk"
    VIDEO_CONFERENCE = "video-conference"
    MULTILATERAL = "multilateral"
    SIGNING = "signing"
    VISIT = "visit"
    OTHER = "other"


class Level(StrEnum):
    SUMMIT = "summit"
    MINISTERIAL = "ministerial"
    VICE_MINISTERIAL = "vice-ministerial"
    OFFICIAL = "official"
    PARLIAMENTARY = "parliamentary"
    OTHER = "other"


class Category(StrEnum):
    HUMANITARIAN = "humanitarian"
    FINANCIAL = "financial"
    ENERGY = "energy"
    MILITARY = "military"
    RECONSTRUCTION = "reconstruction"
    DEMINING = "demining"
    OTHER = "other"


class Status(StrEnum):
    ANNOUNCED = "announced"
    PLEDGED = "pledged"
    DELIVERED = "delivered"
    MENTIONED = "mentioned"


class Scope(StrEnum):
    """What an aid figure measures: one commitment or delivery, or a stated running total."""

    ITEM = "item"
    CUMULATIVE = "cumulative"


class GroupBy(StrEnum):
    """How `readouts aid` groups its totals."""

    YEAR = "year"
    CATEGORY = "category"
    DONOR = "donor"
    STATUS = "status"


class Period(StrEnum):
    """How long one bar of a chart is."""

    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


class Split(StrEnum):
    """What the segments of a meeting bar tell apart."""

    LEVEL = "level"
    KIND = "kind"
    NONE = "none"


__all__ = ["Category", "GroupBy", "Kind", "Level", "Period", "Scope", "Split", "Status"]
