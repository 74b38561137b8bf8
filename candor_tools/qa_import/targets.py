"""Decide the Q&A file of each source thread: a session, a given post, or a matched post."""

from __future__ import annotations

from pathlib import Path

from candor_tools.qa_import.errors import ImportOptionError
from candor_tools.qa_import.plan import Target, file_name_for
from candor_tools.qa_import.posts import Post, PostMatcher
from candor_tools.qa_import.qafiles import QAIndex
from candor_tools.qa_import.records import Export


def resolve_targets(export: Export, index: QAIndex, matcher: PostMatcher, shown: str, *,
                    session: str | None = None, post: str | None = None
                    ) -> dict[str, Target]:
    """Return thread key -> Target for every thread that has one (unmatched ones are absent).

    With ``session`` or ``post`` every thread of the export goes to that one file.
    """
    keys = list(dict.fromkeys([*export.threads, *(c.thread for c in export.comments)]))
    if session is not None:
        target = _session_target(index, session, shown)
        return dict.fromkeys(keys, target)
    chooser = _PostTargets(index, shown, export.source)
    if post is not None:
        found = matcher.resolve(post)
        if found is None:
            msg = (f"--post {post}: no such post. Give its path from content/ "
                   "(posts/2025/hiring-freeze.md) or its slug (hiring-freeze).")
            raise ImportOptionError(msg)
        return dict.fromkeys(keys, chooser.target(found))
    targets = {}
    for key in keys:
        thread = export.threads.get(key)
        found = matcher.match(thread) if thread is not None else None
        if found is not None:
            targets[key] = chooser.target(found)
    return targets


def _session_target(index: QAIndex, session: str, shown: str) -> Target:
    qa = next((f for f in index.files if f.path.stem == session), None)
    if qa is None or not qa.session:
        msg = (f"--session {session}: there is no session file {shown}/{session}.yml. "
               "Create it first with its title, hosts, opens and closes (docs/qa.md).")
        raise ImportOptionError(msg)
    return Target(qa.path, qa.display, existing=qa)


class _PostTargets:
    """One Target per post: its existing Q&A file, or a new file with a free name."""

    def __init__(self, index: QAIndex, shown: str, source: str) -> None:
        self.index, self.shown, self.source = index, shown, source
        self.taken = {f.path.stem for f in index.files}
        self.chosen: dict[str, Target] = {}

    def target(self, post: Post) -> Target:
        if post.path in self.chosen:
            return self.chosen[post.path]
        existing = self.index.by_post.get(post.path)
        if existing is not None:
            target = Target(existing.path, existing.display, existing=existing)
        else:
            name = file_name_for(post.path, self.taken, self.source)
            self.taken.add(name)
            target = Target(Path(self.index.folder) / f"{name}.yml",
                            f"{self.shown}/{name}.yml", post=post.path)
        self.chosen[post.path] = target
        return target
