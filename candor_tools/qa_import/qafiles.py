"""Index the Q&A files already in content/qa: which question is where, line by line.

Only positions and scalar values are read (yaml.compose, libyaml when available), so a
re-import can change exactly the lines of the fields the source owns and leave every
other byte of a hand-edited file as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from candor_tools.qa_import.errors import TargetFileError

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Span:
    """One key of a mapping: its scalar value and lines [start, end) (0-based)."""

    value: str | None
    start: int
    end: int
    column: int


@dataclass
class ExistingQuestion:
    """A question already in a Q&A file."""

    qid: str
    file: QAFile
    fields: dict[str, Span]
    start: int  # the line of its "- "

    @property
    def kind(self) -> str:
        """The entry's kind as written: "question" unless it says "comment"."""
        span = self.fields.get("kind")
        return "comment" if span and (span.value or "").strip() == "comment" else "question"

    @property
    def status(self) -> str:
        """The entry's status: as written, else its kind's default (pending, published)."""
        span = self.fields.get("status")
        if span is None:
            return "pending" if self.kind == "question" else "published"
        return span.value or ""

    @property
    def end(self) -> int:
        """The line after the entry's last field."""
        return max(span.end for span in self.fields.values())


@dataclass
class QAFile:
    """One Q&A file: its lines and where its questions are."""

    path: Path
    display: str
    lines: list[str]
    post: str | None = None
    session: bool = False
    questions_key: Span | None = None  # the 'questions:' key and its value
    end_of_questions: int | None = None  # line after the last question (block lists)
    dash: int = 2  # column of the questions' "-"
    questions: list[ExistingQuestion] = field(default_factory=list)


def _end(lines: list[str], start: int, mark: yaml.Mark) -> int:
    """Return the line after a node ending at ``mark``, trailing blank lines left out."""
    at_line_start = mark.line >= len(lines) or not lines[mark.line][:mark.column].strip()
    end = mark.line if at_line_start else mark.line + 1
    end = min(max(end, start + 1), len(lines))
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return end


def read_qa_file(path: Path, display: str) -> QAFile:
    """Index one Q&A file; raise TargetFileError if it is not valid YAML."""
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text, Loader=_LOADER)
    except (OSError, UnicodeDecodeError) as exc:
        msg = f"{display}: cannot be read ({exc}). Save it as UTF-8 text."
        raise TargetFileError(msg) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{display}:{mark.line + 1}" if mark else display
        msg = (f"{where}: invalid YAML. Fix this Q&A file first (the build would stop on it "
               "too); nothing was imported.")
        raise TargetFileError(msg) from exc
    lines = text.splitlines()
    qa = QAFile(path, display, lines)
    if not isinstance(node, yaml.MappingNode):
        return qa
    for key, value in node.value:
        if key.value == "post" and isinstance(value, yaml.ScalarNode):
            qa.post = str(value.value).strip().strip("/")
        elif key.value == "session":
            qa.session = True
            # A session linked to a post is that post's one Q&A file.
            linked = [v for k, v in getattr(value, "value", []) if k.value == "post"]
            if linked and isinstance(linked[0], yaml.ScalarNode):
                qa.post = str(linked[0].value).strip().strip("/")
        elif key.value == "questions":
            qa.questions_key = Span(None, key.start_mark.line,
                                    _end(lines, key.start_mark.line, value.end_mark),
                                    key.start_mark.column)
            if isinstance(value, yaml.SequenceNode) and value.value and not value.flow_style:
                _index_questions(qa, value)
    return qa


def _index_questions(qa: QAFile, sequence: yaml.SequenceNode) -> None:
    lines = qa.lines
    first = sequence.value[0]
    qa.dash = len(lines[first.start_mark.line]) - len(lines[first.start_mark.line].lstrip())
    for item in sequence.value:
        if not isinstance(item, yaml.MappingNode):
            continue
        spans = {}
        for key, value in item.value:
            scalar = str(value.value) if isinstance(value, yaml.ScalarNode) else None
            spans[str(key.value)] = Span(scalar, key.start_mark.line,
                                         _end(lines, key.start_mark.line, value.end_mark),
                                         key.start_mark.column)
        qid = spans["id"].value if "id" in spans else None
        if qid:
            qa.questions.append(ExistingQuestion(qid, qa, spans, item.start_mark.line))
    qa.end_of_questions = _end(lines, sequence.value[-1].start_mark.line,
                               sequence.value[-1].end_mark)


@dataclass
class QAIndex:
    """Every Q&A file of the site, by question id and by post."""

    folder: Path
    files: list[QAFile] = field(default_factory=list)
    questions: dict[str, ExistingQuestion] = field(default_factory=dict)
    by_post: dict[str, QAFile] = field(default_factory=dict)


def index_folder(folder: Path, shown: str) -> QAIndex:
    """Index every .yml/.yaml file of ``folder`` (shown in messages as ``shown``)."""
    index = QAIndex(folder)
    if not folder.is_dir():
        return index
    for path in sorted(p for p in folder.iterdir() if p.suffix in (".yml", ".yaml")):
        qa = read_qa_file(path, f"{shown}/{path.name}")
        index.files.append(qa)
        if qa.post:
            index.by_post.setdefault(qa.post, qa)
        for question in qa.questions:
            index.questions.setdefault(question.qid, question)
    return index
