"""The import's final report: every record read is accounted for exactly once."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from candor_tools.qa_import.records import SKIP_REASONS
from candor_tools.qa_import.text import mask_contact

OUTCOMES = ("imported", "updated", "unchanged")
LIST_LIMIT = 20  # longer lists are cut, with a count of the rest


@dataclass
class Report:
    """Counts and notes of one import."""

    source: str
    path: str
    read: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    answers: list[str] = field(default_factory=list)
    unmatched: Counter[str] = field(default_factory=Counter)
    unreadable: list[str] = field(default_factory=list)
    review: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    dry_run: bool = False
    # Entries of this export by kind (new ones as classified, known ones as in Candor).
    kinds: Counter[str] = field(default_factory=Counter)
    # Of the comments, those an executive wrote: replies, and top-level ones (a note, a
    # reply to a record that was not imported); new ones are listed for review.
    executive_replies: int = 0
    executive_top_level: int = 0
    executive_comments: list[str] = field(default_factory=list)

    @property
    def skipped_total(self) -> int:
        """All skipped records, whatever the reason."""
        return sum(self.skipped.values())

    @property
    def balanced(self) -> bool:
        """True when read = imported + updated + unchanged + skipped."""
        return self.read == sum(self.outcomes[o] for o in OUTCOMES) + self.skipped_total

    def lines(self) -> list[str]:
        """Return the report as lines of text (personal data masked, lists cut)."""
        o = self.outcomes
        verb = "would be written" if self.dry_run else "written"
        out = [f"qa_import: {self.path} ({self.source})",
               f"  read {self.read} = imported {o['imported']} + updated {o['updated']} + "
               f"unchanged {o['unchanged']} + skipped {self.skipped_total}"
               + ("" if self.balanced else "  (DOES NOT BALANCE: please report this bug)")]
        if self.skipped_total:
            reasons = ", ".join(f"{r} {self.skipped[r]}" for r in SKIP_REASONS
                                if self.skipped[r])
            out.append(f"  skipped: {reasons}")
        if self.kinds:
            line = (f"  kinds: questions {self.kinds['question']}, "
                    f"comments {self.kinds['comment']}")
            mine = [f"{what} {n}" for what, n in (
                ("executive replies", self.executive_replies),
                ("executive top-level comments", self.executive_top_level)) if n]
            if mine:
                line += f" ({', '.join(mine)})"
            out.append(line)
        out += _section("answers from executives", self.answers)
        out += _section("comments by executives", self.executive_comments)
        out += _section("threads with no matching post (use --map URL=POST or --post)",
                        [f"{k} ({n} comment{'s' * (n != 1)})"
                         for k, n in sorted(self.unmatched.items())])
        out += _section("unreadable records", self.unreadable)
        out += _section("to review", self.review)
        out += _section("warnings", self.warnings)
        out += _section(f"files created ({verb})", self.created)
        out += _section(f"files changed ({verb})", self.changed)
        if not self.created and not self.changed:
            out.append("  no file changed")
        return [mask_contact(line) for line in out]


def _section(title: str, items: list[str]) -> list[str]:
    if not items:
        return []
    shown = [f"    {item}" for item in items[:LIST_LIMIT]]
    if len(items) > LIST_LIMIT:
        shown.append(f"    … and {len(items) - LIST_LIMIT} more")
    return [f"  {title}:", *shown]
