import os

import pytest

from candor_common.output import OutputError, write_output
from candor_common.rebuild import static_digest, theme_static_folders


def test_writes_inside_the_output_folder_creating_folders(tmp_path):
    target = write_output(str(tmp_path), "feeds/qa/answers.atom.xml", b"<feed/>")
    assert target == tmp_path / "feeds" / "qa" / "answers.atom.xml"
    assert target.read_bytes() == b"<feed/>"


def test_an_unwritable_target_is_a_clear_error(tmp_path):
    (tmp_path / "feeds").write_text("a file where a folder should be")
    with pytest.raises(OutputError, match="output: cannot be written"):
        write_output(str(tmp_path), "feeds/all.atom.xml", b"<feed/>")


def test_a_file_with_the_same_bytes_is_left_alone(tmp_path):
    target = write_output(str(tmp_path), "feeds/all.atom.xml", b"<feed/>")
    old = 1_000_000_000_000_000_000
    os.utime(target, ns=(old, old))
    write_output(str(tmp_path), "feeds/all.atom.xml", b"<feed/>")
    assert target.stat().st_mtime_ns == old
    write_output(str(tmp_path), "feeds/all.atom.xml", b"<feed>")  # same size, other bytes
    assert target.read_bytes() == b"<feed>"
    assert target.stat().st_mtime_ns != old


@pytest.mark.parametrize(("old", "blocks"), [
    (None, [b"abc", b"def"]),  # a new file
    (b"abcdef", [b"abc", b"def"]),  # the same bytes: left alone
    (b"abcdef", [b"ab", b"cdef"]),  # the same bytes in other blocks
    (b"abcdef", [b"abc", b"dXf"]),  # differs in the second block
    (b"abcdef", [b"Xbc", b"def"]),  # differs in the first
    (b"abcdef", [b"abc"]),  # shorter: the rest is cut
    (b"abc", [b"abc", b"def"]),  # longer
    (b"abcdef", []),  # nothing at all
    (b"", [b"", b"a"]),
])
def test_blocks_are_written_only_from_where_they_differ(tmp_path, old, blocks):
    target = tmp_path / "qa" / "digest.json"
    target.parent.mkdir()
    stamp = 1_000_000_000_000_000_000
    if old is not None:
        target.write_bytes(old)
        os.utime(target, ns=(stamp, stamp))
    write_output(str(tmp_path), "qa/digest.json", iter(blocks))
    assert target.read_bytes() == b"".join(blocks)
    assert (target.stat().st_mtime_ns == stamp) == (old == b"".join(blocks))


def test_theme_static_folders_are_those_without_templates_or_translations(tmp_path):
    for folder in ("static/css", "templates", "translations", "assets"):
        (tmp_path / folder).mkdir(parents=True)
    settings = {"THEME": str(tmp_path), "THEME_STATIC_PATHS": ["static", "assets", ".",
                                                                "translations", "../elsewhere"]}
    assert theme_static_folders(settings) == {(tmp_path / "static").resolve(),
                                              (tmp_path / "assets").resolve()}


def test_the_static_digest_leaves_out_the_theme_s_static_files_only(tmp_path):
    theme = tmp_path / "theme"
    for name in ("static/css/base.css", "templates/base.html", "translations/es.po"):
        (theme / name).parent.mkdir(parents=True, exist_ok=True)
        (theme / name).write_text("one", encoding="utf-8")
    settings = {"THEME": str(theme), "THEME_STATIC_PATHS": ["static"]}
    before = static_digest(settings, str(tmp_path / "output"))
    (theme / "static" / "css" / "base.css").write_text("two", encoding="utf-8")
    assert static_digest(settings, str(tmp_path / "output")) == before
    for name in ("templates/base.html", "translations/es.po"):
        (theme / name).write_text("two", encoding="utf-8")
        assert static_digest(settings, str(tmp_path / "output")) != before
        before = static_digest(settings, str(tmp_path / "output"))
