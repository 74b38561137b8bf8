from frontmatter.header import read_header, strip_header_comments


def test_reads_keys_lowercased_with_their_lines():
    entries = read_header("Title: Hello\nDate: 2025-01-02\n\nBody: not meta\n")
    assert [(e.key, e.value, e.line) for e in entries] == [
        ("title", "Hello", 1), ("date", "2025-01-02", 2)]


def test_continuation_lines_join_the_previous_value():
    entries = read_header("Summary: one\n    two\nTitle: x\n\nbody")
    assert entries[0].value == "one two"
    assert entries[1].line == 3


def test_fenced_header_and_comment_lines_keep_real_line_numbers():
    text = "---\nTitle: T\n# Tags: a, b\n#   note\nStauts: draft\n---\n\nbody"
    entries = read_header(text)
    assert [(e.key, e.line) for e in entries] == [("title", 2), ("stauts", 5)]


def test_header_ends_at_the_first_line_that_is_not_metadata():
    assert [e.key for e in read_header("Title: a\nnot metadata\nDate: b\n")] == ["title"]


def test_strip_header_comments_leaves_body_headings_alone():
    text = "Title: T\n# Tags: a\n\n# A heading in the body\ntext"
    assert strip_header_comments(text) == "Title: T\n\n# A heading in the body\ntext"
