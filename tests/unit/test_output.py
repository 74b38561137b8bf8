import pytest

from candor_common.output import OutputError, write_output


def test_writes_inside_the_output_folder_creating_folders(tmp_path):
    target = write_output(str(tmp_path), "feeds/qa/answers.atom.xml", b"<feed/>")
    assert target == tmp_path / "feeds" / "qa" / "answers.atom.xml"
    assert target.read_bytes() == b"<feed/>"


def test_an_unwritable_target_is_a_clear_error(tmp_path):
    (tmp_path / "feeds").write_text("a file where a folder should be")
    with pytest.raises(OutputError, match="output: cannot be written"):
        write_output(str(tmp_path), "feeds/all.atom.xml", b"<feed/>")
