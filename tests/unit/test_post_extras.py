from datetime import datetime
from types import SimpleNamespace as Obj

from post_extras.compute import neighbours, reading_minutes, related


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
