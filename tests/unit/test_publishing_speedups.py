from types import SimpleNamespace

import pytest

from publishing.speedups import PELICAN_GET_RELATIVE_SOURCE_PATH, relative_source_path


@pytest.mark.parametrize(("root", "source"), [
    ("/site/content", "/site/content/posts/a.md"),
    ("/site/content", "posts/a.md"),
    ("/site/content/", "/site/content/posts/../pages/about.md"),
    ("content", "content/posts/a.md"),
    ("content", "/elsewhere/b.md"),
    (".", "posts/a.md"),
])
def test_relative_source_path_is_pelicans(root, source, tmp_path, monkeypatch):
    item = SimpleNamespace(settings={"PATH": root}, source_path=source)
    for folder in (tmp_path, tmp_path / "other"):  # a relative path follows the working folder
        folder.mkdir(exist_ok=True)
        monkeypatch.chdir(folder)
        expected = PELICAN_GET_RELATIVE_SOURCE_PATH(item)
        assert relative_source_path(item) == expected
        assert relative_source_path(item, "x/y.md") == PELICAN_GET_RELATIVE_SOURCE_PATH(
            item, "x/y.md")


def test_relative_source_path_of_nothing_is_none():
    item = SimpleNamespace(settings={"PATH": "/site"}, source_path=None)
    assert relative_source_path(item) is None
    assert PELICAN_GET_RELATIVE_SOURCE_PATH(item) is None


def test_the_publishing_plugin_installs_it():
    from pelican.contents import Content

    import publishing

    publishing.register()
    assert Content.get_relative_source_path is relative_source_path


def test_urls_are_remembered_only_while_the_pages_are_written():
    import copy
    import datetime as dt

    from pelican.contents import Article
    from pelican.settings import DEFAULT_CONFIG

    from publishing import speedups

    settings = {**copy.deepcopy(DEFAULT_CONFIG), "PATH": "/site"}
    post = Article("<p>x</p>", {"title": "T", "slug": "first",
                                "date": dt.datetime(2026, 1, 1, tzinfo=dt.UTC)},
                   settings=settings, source_path="/site/posts/a.md")
    assert speedups.url_setting(post, "url") == speedups.PELICAN_GET_URL_SETTING(post, "url")
    speedups.freeze_urls()
    try:
        assert speedups.url_setting(post, "url") == "first.html"
        post.slug = "second"  # no post changes while pages are written; if one did,
        assert speedups.url_setting(post, "url") == "first.html"  # this is what it would get
    finally:
        speedups.thaw_urls()
    assert speedups.url_setting(post, "url") == "second.html"
    assert speedups.url_setting(post, "save_as") == speedups.PELICAN_GET_URL_SETTING(
        post, "save_as")
