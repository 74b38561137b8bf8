"""The site a preview worker keeps in memory: one full build, then one post at a time."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from pelican import Pelican, signals
from pelican.contents import Article, Page, SkipStub
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.settings import read_settings

from candor_common.errors import DataError
from candor_tools.preview.capture import CaptureWriter, quiet_writes
from candor_tools.preview.extras import carry_over, refresh_post_extras
from candor_tools.preview.kept import COARSE_TIMES_NS, copy_site, kept_folder
from candor_tools.preview.model import place, remove
from candor_tools.preview.problems import problems_of
from candor_tools.preview.qa import is_qa_source, qa_generator, update_qa

logger = logging.getLogger(__name__)


@dataclass
class Update:
    """What re-reading some sources changed: pages to show, pages gone, problems."""

    pages: dict[str, str] = field(default_factory=dict)  # output path -> HTML
    removed: list[str] = field(default_factory=list)  # output paths no longer written
    moved: dict[str, str] = field(default_factory=dict)  # old URL -> new URL
    problems: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # source -> ...
    clean: list[str] = field(default_factory=list)  # sources read without a problem
    unhandled: list[str] = field(default_factory=list)  # not a post or page

    def as_dict(self) -> dict[str, Any]:
        """Return the update as JSON-ready data."""
        return {"pages": self.pages, "removed": self.removed, "moved": self.moved,
                "problems": self.problems, "clean": self.clean, "unhandled": self.unhandled}


class PreviewSite:
    """A Pelican site built once, whose posts and pages can then be re-read one by one."""

    def __init__(self, settings_file: Path) -> None:
        self.settings_file = settings_file
        self.pelican: Pelican | None = None
        self.generators: list[Any] = []
        # The files the last build copied into its folder; the others are linked from the
        # folder served then (None: it has no kept folder, every file is new).
        self.copied: list[str] | None = None

    def build(self, output: Path, served: Path | None = None) -> None:
        """Build the whole site into ``output`` as `pelican` would, keeping the generators.

        With the incremental rebuild on, the site is built into the preview's
        kept folder (``kept.py``), rendering only what changed since the last
        full build, and copied into ``output`` (what ``served``, the folder served
        now, has unchanged is linked from it; ``copied`` names the others). Raises
        whatever the build raises (``BuildAborted`` for problems it logged).
        """
        settings = read_settings(str(self.settings_file), override={"OUTPUT_PATH": str(output)})
        self.copied = None
        built_since = time.time_ns() - COARSE_TIMES_NS
        with kept_folder(settings) as kept:
            if kept is not None:
                settings["OUTPUT_PATH"] = str(kept)
            self.pelican = Pelican(settings)
            with signals.all_generators_finalized.connected_to(self._keep_generators):
                self.pelican.run()
            self.copied = None if kept is None else copy_site(kept, output, served,
                                                              built_since)

    def rebuild_counts(self) -> dict[str, int] | None:
        """What the last full build rendered and left as it was (None: it rendered all)."""
        counts = getattr(self.pelican, "candor_rebuild", None)
        return dict(counts) if counts is not None else None

    def _keep_generators(self, generators: list[Any]) -> None:
        self.generators = list(generators)

    @property
    def settings(self) -> dict[str, Any]:
        """The settings of the last build, plugin defaults included."""
        if self.pelican is None:
            msg = "the site has not been built yet"
            raise RuntimeError(msg)
        return self.pelican.settings

    def model_inputs(self) -> list[str]:
        """Return content-relative files whose change makes this in-memory site stale."""
        roster = self.settings.get("ROSTER_PATH")
        return [str(roster)] if roster else []

    def update(self, sources: list[str]) -> Update:
        """Re-read each of ``sources`` (paths relative to PATH) and render what changed."""
        update = Update()
        touched: list[tuple[Any, Any]] = []  # (generator, content object) to render
        gone: list[Any] = []  # objects of deleted sources
        arrived: list[Any] = []  # objects of new sources
        writer = CaptureWriter(self.settings["OUTPUT_PATH"], settings=self.settings)
        qa = qa_generator(self.generators)
        answers = [s for s in sources if qa is not None and is_qa_source(self.settings, s)]
        if answers:
            with quiet_writes():
                posts = update_qa(qa, answers, update, writer)
            touched += [(self._generator(ArticlesGenerator), post) for post in posts]
        for source in sources:
            if source in answers:
                continue
            generator = self._generator_for(source)
            if generator is None:
                update.unhandled.append(source)
                continue
            old = generator.context["generated_content"].get(source)
            touched += self._reread(generator, source, update)
            new = generator.context["generated_content"].get(source)
            if old is not None and new is None:
                gone.append(old)
            elif old is None and new is not None:
                arrived.append(new)
        if len(gone) == 1 and len(arrived) == 1 and arrived[0].save_as:  # a renamed file
            update.moved[gone[0].url] = arrived[0].url
        articles = self._generator(ArticlesGenerator)
        if articles is not None:
            refresh_post_extras(articles, [i for g, i in touched if g is articles])
        with quiet_writes():
            for generator, item in _unique(touched):
                _render(generator, item, writer)
        update.pages = writer.pages
        update.removed = [r for r in update.removed if r not in update.pages]
        return update

    def _reread(self, generator: Any, source: str, update: Update) -> list[tuple[Any, Any]]:
        """Replace the object of ``source`` by a fresh read; return what to re-render."""
        generated = generator.context["generated_content"]
        old = generated.get(source)
        path = Path(self.settings["PATH"]) / source
        new = None
        if path.is_file():
            try:
                new = self._read(generator, source)
            except Exception as error:  # noqa: BLE001 - any reader error keeps the last good page
                if not isinstance(error, DataError):  # Candor's reader logged its own
                    logger.error("preview: %s could not be read: %s", source, error)
                update.problems[source] = problems_of(error, str(path))
                return []
            if new is None or isinstance(new, SkipStub) or not new.is_valid():
                update.problems[source] = problems_of(None, str(path))
                return []
        update.clean.append(source)
        touched = []
        if old is not None:
            touched += remove(generator, old)
            generated.pop(source, None)
            if new is None or old.save_as != new.save_as:
                update.removed.append(old.save_as)
                if new is not None and new.save_as:
                    update.moved[old.url] = new.url
        if new is not None:
            carry_over(old, new)
            touched += place(generator, new)
            generator.add_source_path(new)
            generator.add_static_links(new)
            new.refresh_metadata_intersite_links()
        return [(generator, item) for item in touched]

    def _read(self, generator: Any, source: str) -> Any:
        is_article = isinstance(generator, ArticlesGenerator)
        prefix = "article" if is_article else "page"
        return generator.readers.read_file(
            base_path=generator.path, path=source,
            content_class=Article if is_article else Page, context=generator.context,
            preread_signal=getattr(signals, f"{prefix}_generator_preread"),
            preread_sender=generator,
            context_signal=getattr(signals, f"{prefix}_generator_context"),
            context_sender=generator)

    def _generator(self, kind: type) -> Any:
        return next((g for g in self.generators if isinstance(g, kind)), None)

    def _generator_for(self, source: str) -> Any:
        """Return the generator that reads ``source``, as Pelican's get_files decides."""
        for kind, paths, excludes in (
                (ArticlesGenerator, "ARTICLE_PATHS", "ARTICLE_EXCLUDES"),
                (PagesGenerator, "PAGE_PATHS", "PAGE_EXCLUDES")):
            generator = self._generator(kind)
            if generator is None:
                continue
            if (_under(source, self.settings[paths])
                    and not _under(source, self.settings[excludes])
                    and generator._include_path(source)):  # noqa: SLF001 - get_files' own test
                return generator
        return None


def _under(source: str, folders: list[str]) -> bool:
    parts = Path(source).parts
    return any(not f or parts[:len(Path(f).parts)] == Path(f).parts for f in folders)


def _unique(touched: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    seen: set[int] = set()
    result = []
    for generator, item in touched:
        if id(item) not in seen:
            seen.add(id(item))
            result.append((generator, item))
    return result


def _render(generator: Any, item: Any, writer: CaptureWriter) -> None:
    """Write ``item``'s page with the arguments its generator's full build uses."""
    template = generator.get_template(item.template)
    override = hasattr(item, "override_save_as")
    relative = generator.settings["RELATIVE_URLS"]
    if isinstance(generator, PagesGenerator):
        signals.page_generator_write_page.send(generator, content=item)
        writer.write_file(item.save_as, template, generator.context, page=item,
                          relative_urls=relative, override_output=override, url=item.url)
        return
    write = partial(writer.write_file, relative_urls=relative)
    if item.status == "draft":
        write(item.save_as, template, generator.context, article=item, category=item.category,
              override_output=override, blog=True, all_articles=generator.articles,
              url=item.url)
        return
    signals.article_generator_write_article.send(generator, content=item)
    write(item.save_as, template, generator.context, article=item,
          category=getattr(item, "category", None), override_output=override, url=item.url,
          blog=True)

