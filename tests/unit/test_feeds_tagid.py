"""Entry and feed ids are tag: URIs built only from host, date and URL path."""

from __future__ import annotations

import datetime as dt

import pytest

from feeds.tagid import host_of, tag_uri


def test_tag_uri_has_rfc4151_shape() -> None:
    uri = tag_uri("example.org", dt.date(2024, 3, 4), "posts/2024/town-hall/")
    assert uri == "tag:example.org,2024-03-04:posts/2024/town-hall/"


def test_tag_uri_quotes_characters_not_allowed_in_the_specific_part() -> None:
    uri = tag_uri("example.org", dt.date(2024, 3, 4), "posts/año nuevo/#x")
    assert uri == "tag:example.org,2024-03-04:posts/a%C3%B1o%20nuevo/%23x"


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://news.example.org", "news.example.org"),
        ("http://127.0.0.1:8000", "127.0.0.1"),
        ("https://user:pw@Example.COM:8443/blog", "example.com"),
    ],
)
def test_host_of_drops_port_credentials_and_case(url: str, host: str) -> None:
    assert host_of(url) == host
