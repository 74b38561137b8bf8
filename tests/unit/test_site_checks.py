import gzip
import random
import re
import shutil
from pathlib import Path

import pytest

from candor_tools.atomic import atomic_replace, left_behind
from candor_tools.site_checks import (
    DOT_DIGIT_RE,
    EMAIL_RE,
    IPV4_RE,
    check_personal_data,
    find_emails,
)


def test_personal_data_scan_finds_emails_and_ips_but_allows_the_intake(tmp_path):
    (tmp_path / "a.html").write_text('<a href="mailto:questions@co.example">ask</a>')
    (tmp_path / "qa.json").write_text('{"by": "jo@mail.example", "ip": "203.0.113.9"}')
    (tmp_path / "b.html").write_text("<p>It came from 198.51.100.7.</p>")
    (tmp_path / "version.txt").write_text("pelican 4.12.0")
    problems = check_personal_data(tmp_path, ("questions@co.example",))
    assert problems == ["b.html: an IP address is published (198.51.100.7)",
                        "qa.json: an e-mail address is published (jo@mail.example)",
                        "qa.json: an IP address is published (203.0.113.9)"]


def test_personal_data_scan_reads_the_compressed_search_index(tmp_path):
    fragment = tmp_path / "pagefind" / "fragment" / "en_1.pf_fragment"
    fragment.parent.mkdir(parents=True)
    fragment.write_bytes(gzip.compress(b'pagefind_dcd{"content": "write to jo@mail.example"}'))
    assert check_personal_data(tmp_path) == [
        "pagefind/fragment/en_1.pf_fragment: an e-mail address is published (jo@mail.example)"]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def previous(tmp_path) -> Path:
    site = tmp_path / "output"
    (site / "posts").mkdir(parents=True)
    (site / "index.html").write_text("old home")
    (site / "posts" / "a.html").write_text("old post")
    return site


@pytest.mark.parametrize("fail_after", [0, 2, 4])  # before the first write, midway, after the last
def test_a_failed_build_leaves_the_previous_site_byte_identical(previous, fail_after):
    before = snapshot(previous)

    def build(folder: Path) -> None:
        for number in range(4):
            if number == fail_after:
                raise RuntimeError("injected failure")
            (folder / f"page-{number}.html").write_text("new")
        raise RuntimeError("injected failure after the last write")

    with pytest.raises(RuntimeError, match="injected failure"):
        atomic_replace(previous, build)
    assert snapshot(previous) == before
    assert [p.name for p in previous.parent.iterdir()] == ["output"]  # no leftovers


def test_an_interrupted_build_leaves_the_previous_site(previous):
    before = snapshot(previous)

    def build(folder: Path) -> None:
        (folder / "index.html").write_text("half")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        atomic_replace(previous, build)
    assert snapshot(previous) == before


def test_a_successful_build_replaces_the_site_whole(previous):
    atomic_replace(previous, lambda folder: (folder / "index.html").write_text("new home"))
    assert snapshot(previous) == {"index.html": b"new home"}
    assert [p.name for p in previous.parent.iterdir()] == ["output"]


def test_the_old_site_can_be_handed_over_to_be_deleted_later(previous):
    before = snapshot(previous)
    handed: list[Path] = []
    for page in ("one", "two"):  # each old site in a folder of its own
        atomic_replace(previous, lambda folder, page=page: (folder / "index.html")
                       .write_text(page), discard=handed.append)
    assert snapshot(previous) == {"index.html": b"two"}
    assert [snapshot(folder) for folder in handed] == [before, {"index.html": b"one"}]
    assert left_behind(previous) == sorted(handed)
    assert all(folder.parent == previous.parent for folder in handed)
    for folder in handed:
        shutil.rmtree(folder)
    assert left_behind(previous) == []
    assert [p.name for p in previous.parent.iterdir()] == ["output"]


def test_the_ip_address_pattern_finds_what_the_plain_one_does():
    plain = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?!\d)(?!\.\d)")
    rng = random.Random(3)  # noqa: S311 (test data)
    texts = ["198.51.100.7", "x198.51.100.7.", "1.2.3.4.5", "v1.2.3.4", "01.002.3.44 and 5.6.7.8",
             "1234.5.6.7", "1.2.3.4567", ".1.2.3.4", "1.2.3.4.", "9.9.9.9\n10.0.0.1"]
    texts += ["".join(rng.choice("0123456789.. a-") for _ in range(rng.randint(0, 30)))
              for _ in range(20000)]
    found = 0
    for text in texts:
        assert IPV4_RE.findall(text) == plain.findall(text), text
        found += len(plain.findall(text))
    assert found > 100  # the generated texts hold addresses, not only non-matches


def test_emails_found_from_each_at_sign_are_what_the_pattern_finds():
    rng = random.Random(5)  # noqa: S311 (test data)
    texts = ["jo@mail.example", "a@b@c.d", "@b@c.d", "x@y.", "x@y.z.", "a.b@c.d@e.f",
             "mailto:questions@co.example?subject=Q", "jo@mail.example,ana@x.example",
             "é@x.example", "jo@x..example", "a@b.c@d.e.f", "<p>write to jo@mail.example</p>"]
    texts += ["".join(rng.choice("ab.Z9_%+-@@ é\n.") for _ in range(rng.randint(0, 40)))
              for _ in range(20000)]
    found = 0
    for text in texts:
        assert find_emails(text) == EMAIL_RE.findall(text), text
        found += len(EMAIL_RE.findall(text))
    assert found > 300  # the generated texts hold addresses, not only non-matches


def test_a_text_without_a_dot_before_a_digit_has_no_ip_address():
    # check_personal_data looks for addresses only in texts with a dot before a digit.
    rng = random.Random(7)  # noqa: S311 (test data)
    texts = ["".join(rng.choice("0123456789.. a-٣") for _ in range(rng.randint(0, 30)))
             for _ in range(20000)]
    skipped = [text for text in texts if not DOT_DIGIT_RE.search(text)]
    assert len(skipped) > 1000
    assert all(not IPV4_RE.findall(text) for text in skipped)
    assert any(IPV4_RE.findall(text) for text in texts)
