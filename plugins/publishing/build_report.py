"""What a production build held back and what is overdue, for `invoke check` to report.

Written only when PUBLISHING_BUILD_REPORT names a file (``invoke check`` puts it
beside, never inside, the output folder). It lists every source the gate held
back with its reasons and the fingerprints of its text (for the leak scan),
the next embargo to lift, and the overdue follow-ups and commitments.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from candor_common.textprint import fingerprints
from publishing.receivers import is_approved

HELD_LISTS = ("drafts", "drafts_translations", "draft_pages")
PUBLIC_LISTS = ("articles", "translations", "hidden_articles", "hidden_translations",
                "pages", "hidden_pages")


def held_back_reasons(content: Any) -> list[str]:
    """Say why the gate kept ``content`` out of a production build."""
    reasons = []
    if getattr(content, "in_review", False):
        reasons.append("in review")
    if getattr(content, "unapproved", False):
        reasons.append("not approved")
    if getattr(content, "embargoed_until", None) is not None:
        reasons.append("embargoed")
    return reasons or ["draft"]


def _items(generators: list[Any], lists: tuple[str, ...]) -> list[Any]:
    seen: dict[int, Any] = {}
    for generator in generators:
        for name in lists:
            for item in getattr(generator, name, []) or []:
                if hasattr(item, "get_relative_source_path"):  # posts and pages only
                    seen[id(item)] = item
    return sorted(seen.values(), key=lambda item: item.get_relative_source_path())


def _text_of(item: Any) -> str:
    # The title as a block of its own, so that it never runs into the first sentence.
    return f"<h1>{getattr(item, 'title', '')}</h1>{getattr(item, 'content', '') or ''}"


def held_back(generators: list[Any]) -> list[dict[str, Any]]:
    """Describe every held-back source; its fingerprints skip sentences also published."""
    public: set[str] = set()
    for item in _items(generators, PUBLIC_LISTS):
        public |= fingerprints(_text_of(item))
    described = []
    for item in _items(generators, HELD_LISTS):
        embargo = getattr(item, "embargoed_until", None)
        described.append({
            "source": item.get_relative_source_path(),
            "reasons": held_back_reasons(item),
            "embargoed_until": embargo.isoformat() if embargo else None,
            "approved": is_approved(item, item.settings),
            "status": "review" if getattr(item, "in_review", False) else item.status,
            "fingerprints": sorted(fingerprints(_text_of(item)) - public),
        })
    return described


def overdue(context: dict[str, Any]) -> dict[str, list[dict[str, str]]]:
    """List follow-ups past their promised date and open commitments past due."""
    digest = context.get("QA_DIGEST")
    follow_ups = [
        {"thread": q.thread_id, "id": q.id, "by": q.response.by, "due": str(q.response.due)}
        for q in sorted(getattr(digest, "by_id", {}).values(), key=lambda q: q.id)
        if getattr(q, "overdue", False) and q.response is not None]
    today = context.get("COMMITMENTS_TODAY")
    commitments = [
        {"id": c.id, "who": c.who, "due": str(c.due), "status": c.status}
        for c in context.get("COMMITMENTS", ()) if today and c.overdue_on(today)]
    return {"follow_ups": follow_ups, "commitments": commitments}


def write_build_report(generators: list[Any]) -> None:
    """Write the report named by PUBLISHING_BUILD_REPORT (after every context is built)."""
    if not generators:
        return
    settings = generators[0].settings
    target = settings.get("PUBLISHING_BUILD_REPORT")
    if not target:
        return
    context = generators[0].context
    report = {"build_time": settings["CANDOR_BUILD_TIME"].isoformat(),
              "held_back": held_back(generators), "overdue": overdue(context)}
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=1, sort_keys=True), encoding="utf-8")
