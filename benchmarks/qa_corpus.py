"""Write deterministic Q&A files: sessions and post threads, every status.

About 9 in 10 questions go into town-hall sessions of at most 10,000 questions;
the rest into threads of 20 questions under the corpus's posts (when there are
posts). Statuses cycle through answered, pending, declined, follow-up, merged
and removed, so every code path of the Q&A plugin is exercised. Texts are
mostly plain prose, as readers write; one in four questions and one in three
responses use Markdown.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.corpus import AUTHORS

STATUS_CYCLE = ("answered", "pending", "declined", "pending", "follow-up", "answered",
                "merged", "pending", "removed", "answered")
SESSION_MAX = 10_000
THREAD_SIZE = 20
RESPONSES = {"answered": ("answer", "text"), "declined": ("decline", "reason"),
             "follow-up": ("follow_up", "text")}


# What readers ask and executives answer: mostly plain prose, one text in four
# (questions) or three (responses) with Markdown (emphasis, a link, bold).
QUESTION_TEXTS = (
    ("Question {n}: how will the plan affect *team {team}* and what happens to the "
    "[budget](https://example.org/budget) next year?"),
    ("Question {n}: what's the plan for the Lisbon office now that the lease ends? Several "
    "of us in team {team} would like to know before we sign new contracts."),
    ("Question {n}: why did the price of the basic plan go up in March?\n\nWe've been "
    "customers for six years and nobody told us in advance."),
    ("Question {n}: will you publish the numbers behind the hiring freeze, and when does it "
    "end for team {team}?"),
)
RESPONSE_TEXTS = (
    ("A considered response to question {n}, in two sentences. It names the **reason** and "
    "the next step."),
    ("A considered response to question {n}, in two sentences. It names the reason, and "
    "the next step is a review in June."),
    ("Thank you for asking (question {n}). We can't promise that this year.\n\nHere is "
    "why: the contract runs until 2028, and we will say what changes before then."),
)


def _indented(text: str, spaces: int) -> list[str]:
    """Return the lines of a YAML block scalar's ``text``, indented by ``spaces``."""
    return [" " * spaces + line if line else "" for line in text.split("\n")]


def _questions(prefix: str, count: int, offset: int) -> list[str]:
    lines = ["questions:"]
    for k in range(count):
        n = offset + k
        status = STATUS_CYCLE[k % len(STATUS_CYCLE)]
        lines += [f"  - id: {prefix}-{k}", f"    asked_by: Reader {n % 997}",
                  f"    asked_at: 2026-03-{n % 28 + 1:02d} {n % 24:02d}:{n % 60:02d}",
                  f"    votes: {(n * 7919) % 500}", f"    topics: [topic-{n % 40}]",
                  "    text: |", *_indented(QUESTION_TEXTS[n % len(QUESTION_TEXTS)].format(
                      n=n, team=n % 50), 6)]
        lines.append(f"    status: {status}")
        by = AUTHORS[n % 2][0]
        block = RESPONSES.get(status)
        if block:
            lines += [f"    {block[0]}:", f"      by: {by}", "      at: 2026-04-02 10:00",
                      f"      {block[1]}: |", *_indented(RESPONSE_TEXTS[n % len(RESPONSE_TEXTS)]
                                                        .format(n=n), 8)]
            if status == "follow-up":
                lines.append("      due: 2026-12-01")
        elif status == "merged":
            lines.append(f"    merged_into: {prefix}-{k - 6}")
        elif status == "removed":
            lines += ["    removed:", "      reason: spam"]
    return lines


def write_questions(content: Path, questions: int, post_paths: list[str]) -> int:
    """Write ``questions`` questions under ``content/qa/``; return how many files."""
    folder = content / "qa"
    folder.mkdir(parents=True, exist_ok=True)
    in_threads = min(questions // 10 // THREAD_SIZE, len(post_paths)) * THREAD_SIZE
    files = 0
    for index in range(in_threads // THREAD_SIZE):
        lines = [f"post: {post_paths[index]}"]
        lines += _questions(f"p{index}", THREAD_SIZE, index * THREAD_SIZE)
        (folder / f"post-{index:05d}.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        files += 1
    remaining, offset, session = questions - in_threads, in_threads, 0
    while remaining > 0:
        size = min(SESSION_MAX, remaining)
        lines = ["session:", f"  title: Town hall {session + 1} ({size} questions)",
                 f"  hosts: [{AUTHORS[0][0]}, {AUTHORS[1][0]}]",
                 "  opens: 2026-03-01 00:00", "  closes: 2026-03-31 18:00"]
        lines += _questions(f"s{session}", size, offset)
        (folder / f"town-hall-{session + 1:03d}.yml").write_text("\n".join(lines) + "\n",
                                                                 encoding="utf-8")
        remaining -= size
        offset += size
        session += 1
        files += 1
    return files


def answer_question(content: Path, number: int) -> Path:
    """Answer the first question still pending in the first town hall (an executive's
    everyday edit of a big file), as answer ``number``; return the file's path."""
    path = content / "qa" / "town-hall-001.yml"
    text = path.read_text(encoding="utf-8")
    pending = text.index("    status: pending\n")
    answer = "\n".join(["    status: answered", "    answer:", f"      by: {AUTHORS[0][0]}",
                        "      at: 2026-04-03 09:00", "      text: |",
                        f"        Answered in the benchmark's edit {number}.", ""])
    path.write_text(text[:pending] + answer + text[pending + len("    status: pending\n"):],
                    encoding="utf-8")
    return path
