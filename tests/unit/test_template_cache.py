"""Compiled templates are reused, never when what decides the code changed (publishing.templates)."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from publishing.templates import (
    DiskTemplateCache,
    MemoryTemplateCache,
    environment_key,
    install_template_cache,
)


def _templates(tmp_path: Path) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "page.html").write_text("<p>\n  {% if x %}\n  {{ x }}\n  {% endif %}\n</p>\n",
                                      encoding="utf-8")
    return folder


def _environment(folder: Path, cache: object, **options: object) -> tuple[Environment, list[str]]:
    """An environment like Pelican's, counting the templates it compiles."""
    environment = Environment(  # noqa: S701 - autoescape is one of the options tested
        loader=FileSystemLoader(str(folder)), bytecode_cache=cache,
        **options)
    compiled: list[str] = []
    compile_source = environment.compile

    def counting(source, name=None, filename=None, raw=False, defer_init=False):
        compiled.append(name)
        return compile_source(source, name, filename, raw, defer_init)

    environment.compile = counting  # type: ignore[method-assign]
    return environment, compiled


def test_a_second_environment_reuses_the_first_compilation(tmp_path):
    folder = _templates(tmp_path)
    cache = MemoryTemplateCache()
    first, compiled_first = _environment(folder, cache, autoescape=True)
    second, compiled_second = _environment(folder, cache, autoescape=True)
    html = first.get_template("page.html").render(x="<b>")
    assert second.get_template("page.html").render(x="<b>") == html
    assert (compiled_first, compiled_second) == (["page.html"], [])


def test_an_option_that_changes_the_code_is_part_of_the_key(tmp_path):
    folder = _templates(tmp_path)
    cache = DiskTemplateCache(tmp_path / "cache")
    plain, _ = _environment(folder, cache)
    trimmed, compiled = _environment(folder, cache, trim_blocks=True, lstrip_blocks=True)
    escaping, _ = _environment(folder, cache, autoescape=True)
    assert plain.get_template("page.html").render(x="<b>") == "<p>\n  \n  <b>\n  \n</p>"
    assert trimmed.get_template("page.html").render(x="<b>") == "<p>\n  <b>\n</p>"
    assert compiled == ["page.html"]
    assert escaping.get_template("page.html").render(x="<b>") == "<p>\n  \n  &lt;b&gt;\n  \n</p>"
    assert environment_key(plain) != environment_key(trimmed) != environment_key(escaping)


def test_the_disk_cache_outlives_the_build_and_follows_the_source(tmp_path):
    folder = _templates(tmp_path)
    first, compiled_first = _environment(folder, DiskTemplateCache(tmp_path / "cache"))
    first.get_template("page.html").render(x=1)
    later, compiled_later = _environment(folder, DiskTemplateCache(tmp_path / "cache"))
    assert later.get_template("page.html").render(x=1) == "<p>\n  \n  1\n  \n</p>"
    assert (compiled_first, compiled_later) == (["page.html"], [])

    (folder / "page.html").write_text("<div>{{ x }}</div>", encoding="utf-8")
    edited, compiled_edited = _environment(folder, DiskTemplateCache(tmp_path / "cache"))
    assert edited.get_template("page.html").render(x=1) == "<div>1</div>"
    assert compiled_edited == ["page.html"]


def test_make_build_keeps_templates_on_disk_and_production_in_memory(tmp_path):
    incremental = {"PUBLISHING_INCREMENTAL": True, "CACHE_PATH": str(tmp_path),
                   "JINJA_ENVIRONMENT": {"trim_blocks": True}}
    install_template_cache(incremental)
    assert isinstance(incremental["JINJA_ENVIRONMENT"]["bytecode_cache"], DiskTemplateCache)
    assert incremental["JINJA_ENVIRONMENT"]["trim_blocks"] is True
    assert (tmp_path / "templates").is_dir()
    production = {"PUBLISHING_INCREMENTAL": False, "CACHE_PATH": str(tmp_path),
                  "JINJA_ENVIRONMENT": {}}
    install_template_cache(production)
    assert isinstance(production["JINJA_ENVIRONMENT"]["bytecode_cache"], MemoryTemplateCache)
    own = object()
    chosen = {"JINJA_ENVIRONMENT": {"bytecode_cache": own}}
    install_template_cache(chosen)
    assert chosen["JINJA_ENVIRONMENT"]["bytecode_cache"] is own
