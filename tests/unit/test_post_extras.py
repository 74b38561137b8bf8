import hashlib
import json
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace as Obj

from pelican.contents import Content

from post_extras import compute
from post_extras.compute import neighbours, reading_minutes, related
from post_extras.receivers import _add_to
from post_extras.wordcache import WordCounts, code_fingerprint, counts_for
from tests.unit.test_rebuild_reads import SETTINGS
from tests.unit.test_rebuild_reads import post as article


def post(slug, day, tags=(), lang="en"):
    return Obj(slug=slug, date=datetime(2026, 1, day), lang=lang,
               tags=[Obj(slug=t) for t in tags])


def test_reading_time_counts_words_not_markup():
    html = "<p>" + " ".join(["word"] * 460) + "</p>" + '<a href="x">' * 500
    assert reading_minutes(html, 230) == 2
    assert reading_minutes("<p></p>", 230) == 1


def test_neighbours_stay_within_a_language():
    a, b, c, es = post("a", 1), post("b", 2), post("c", 3), post("b", 2, lang="es")
    found = neighbours([c, es, a, b])
    assert found[id(b)] == (a, c)
    assert found[id(a)] == (None, b)
    assert found[id(es)] == (None, None)


def test_related_ranks_by_shared_tags_then_newest():
    main = post("main", 10, ["x", "y"])
    two = post("two", 1, ["x", "y"])
    one_new, one_old = post("new", 9, ["x"]), post("old", 2, ["y"])
    unrelated = post("none", 5, ["z"])
    found = related([main, two, one_new, one_old, unrelated], limit=2)
    assert found[id(main)] == [two, one_new]
    assert found[id(unrelated)] == []


def test_word_counts_are_kept_by_hash_of_the_html(tmp_path):
    path = tmp_path / "candor-words.json"
    short, long = "<p>one two three</p>", "<p>" + "word " * 500 + "</p>"
    first = WordCounts(path)
    assert (first.count(short), first.count(long)) == (3, 500)
    first.save()
    stored = json.loads(path.read_text())
    assert sorted(stored["counts"].values()) == [3, 500]
    # The next build reads the count instead of counting: a planted count shows it.
    key = next(k for k, v in stored["counts"].items() if v == 3)
    stored["counts"][key] = 41
    path.write_text(json.dumps(stored))
    second = WordCounts(path)
    assert second.count(short) == 41
    assert second.count("<p>one two three four</p>") == 4  # another text: counted
    second.save()
    assert sorted(json.loads(path.read_text())["counts"].values()) == [4, 41]  # only used ones


def test_word_counts_made_by_other_code_are_dropped(tmp_path):
    path = tmp_path / "candor-words.json"
    first = WordCounts(path)
    first.count("<p>one two three</p>")
    first.save()
    stored = json.loads(path.read_text())
    stored["counts"] = dict.fromkeys(stored["counts"], 41)
    stored["code"] = "another version of compute.py"
    path.write_text(json.dumps(stored))
    assert WordCounts(path).count("<p>one two three</p>") == 3
    assert code_fingerprint() == hashlib.sha256(Path(compute.__file__).read_bytes()).hexdigest()


def test_word_counts_that_cannot_be_saved_warn_and_the_build_goes_on(tmp_path, caplog):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    counts = WordCounts(blocked / "candor-words.json")
    assert counts.count("<p>one two</p>") == 2
    counts.save()
    assert "could not save the word counts" in caplog.text
    assert "POST_EXTRAS_CACHE" in caplog.text


def test_word_counts_stay_in_memory_without_the_setting(tmp_path):
    settings = {"CACHE_PATH": str(tmp_path), "POST_EXTRAS_CACHE": False}
    counts = counts_for(settings)
    counts.count("<p>one</p>")
    counts.save()
    assert list(tmp_path.iterdir()) == []
    settings["POST_EXTRAS_CACHE"] = True
    assert counts_for(settings).path == tmp_path / "candor-words.json"


def test_reading_time_is_counted_without_resolving_the_links(monkeypatch):
    """The reading time counts the body as read: Pelican's ``content`` (every link
    resolved) is made only for the pages rendered, not for every post of every build."""
    resolved = []
    real = Content._update_content

    def update_content(self, content, siteurl):
        resolved.append(self.slug)
        return real(self, content, siteurl)

    monkeypatch.setattr(Content, "_update_content", update_content)
    words = " ".join(["word"] * 300)
    item = article("long")
    item._content = f'<p>{words} <a href="{{filename}}/posts/other.md">and more</a></p>'
    generator = Obj(articles=[item], translations=[], drafts=[], drafts_translations=[],
                    hidden_articles=[], hidden_translations=[],
                    settings={**SETTINGS, "POST_EXTRAS_RELATED_MAX": 3,
                              "POST_EXTRAS_WORDS_PER_MINUTE": 230})
    _add_to(generator)
    assert item.reading_time == 2  # 302 words
    assert resolved == []
