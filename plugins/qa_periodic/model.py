"""The periodic digests' data: frozen records computed once and read by templates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from qa_digest.model import Question
from qa_periodic.periods import Period

# The figures a digest compares with the period before, in page order.
FIGURES = ("questions", "comments", "answers", "declines", "follow_ups", "came_due")


@dataclass(frozen=True)
class Numbers:
    """What happened in one period, counted from dated events only."""

    questions: int = 0  # asked in the period, removed and merged ones included
    comments: int = 0  # comments posted in the period, removed ones included
    answers: int = 0  # answers given in the period
    declines: int = 0  # declines given in the period
    follow_ups: int = 0  # interim answers given in the period
    came_due: int = 0  # follow-ups whose promised date fell in the period
    median_days_to_answer: float | None = None  # over the answers given in the period

    @property
    def active(self) -> bool:
        """True when anything at all happened in the period."""
        return any(getattr(self, name) for name in FIGURES)


@dataclass(frozen=True)
class Figure:
    """One number of a period beside the same number for the period before."""

    name: str
    value: int
    previous: int | None  # None: nothing came before (the first digest)

    @property
    def delta(self) -> int | None:
        """Return value − previous, or None for the first digest."""
        return None if self.previous is None else self.value - self.previous


@dataclass(frozen=True)
class Correction:
    """A visible note on a closed digest: later data changed one of its entries.

    ``kind`` is "removed" (an entry listed was later removed, so its text is no
    longer shown), "unpublished" (entries listed are no longer on the site, for
    example because their post was withdrawn) or "corrected" (a response listed
    was corrected or edited afterwards).
    ``date`` is when, if the data says; ``count`` groups removals by reason.
    """

    kind: str
    date: date | None
    reason: str = ""  # the removal reason code
    count: int = 1
    question_id: str = ""  # the corrected answer's question


@dataclass(frozen=True)
class Listing:
    """Entries of one section, capped: what is shown, and how many more there are."""

    shown: tuple[Question, ...] = ()
    more: int = 0

    @property
    def total(self) -> int:
        """Return the number of entries, shown or not."""
        return len(self.shown) + self.more


@dataclass(frozen=True)
class PeriodDigest:
    """Everything one period's page, feed entry and e-mail show."""

    period: Period
    url: str
    numbers: Numbers
    figures: tuple[Figure, ...]
    previous_quiet: bool  # the period before had no activity (its numbers are zeros)
    questions: Listing
    answers: Listing
    declines: Listing
    follow_ups: Listing
    came_due: Listing
    top_comments: tuple[tuple[Question, int], ...]  # (comment, its votes as of the end)
    removed_in_period: tuple[tuple[str, int], ...]  # (reason, count) removed before the end
    corrections: tuple[Correction, ...]
    corrected_answers: frozenset[str]  # question ids whose answer shows a correction note
    previous_url: str | None  # the digest before this one, if any (never the next one)
    # Events dated in earlier, already frozen periods that reached the data later.
    late: int = 0
    # The period still running, shown "so far" in local previews only.
    running: bool = False


@dataclass(frozen=True)
class Gap:
    """A run of closed periods with no activity, which get no digest of their own."""

    first: Period
    last: Period
    count: int


@dataclass(frozen=True)
class Archive:
    """Every published digest, newest first, with the quiet runs between them."""

    unit: str
    url: str
    digests: tuple[PeriodDigest, ...] = ()
    # (digest or gap) newest first, for the archive page.
    timeline: tuple[PeriodDigest | Gap, ...] = ()
    # Lock records of the closed periods not frozen yet (key → record), oldest first.
    unfrozen: tuple[tuple[str, dict], ...] = ()
    # The period still running, so far: local previews only (PUBLISHING_PREVIEW).
    running: PeriodDigest | None = None

    def __candor_fingerprint__(self) -> tuple[object, ...]:
        """What the incremental rebuild digests for the archive (``candor_common.fingerprint``):
        all it holds but ``unfrozen``, which only the lock file is written from (no page
        shows it) and which holds the id of every question of every period not frozen
        yet (0.12 s of each `make build` to digest at 100,000 questions)."""
        return tuple(getattr(self, name) for name in self.__dataclass_fields__
                     if name != "unfrozen")
