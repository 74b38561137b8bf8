"""A Pelican writer that names both sides when two things would write one file,
and can render a run of pages in several processes.

Posts and pages are compared before anything is written (collisions.py); this
catches the rest: a page whose URL is also a generated page (``/corrections/``,
``/qa/``, a tag or an author page), or two generators choosing one path.
Pelican would stop with a bare ``FileOverwriteFailedError`` traceback.

A page whose file already holds the same bytes is not rewritten (``WriteIfChanged``).
With ``PUBLISHING_INCREMENTAL``, a page whose inputs are those the last build
made it from is not even rendered (``candor_common.rebuild``): it is recorded as
written, as a page another process renders is.

``split_rendering`` forks worker processes that run the same code as the
parent: every process makes the same ``write_file`` calls, in the same order,
and call number k is rendered and written by process k modulo n. The parent
still records every file (collisions, the ``content_written`` signal the
sitemap listens to), so the build after the block is the one a single process
would have made, with the same bytes in every file.
"""

from __future__ import annotations

import gc
import logging
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from typing import Any

from pelican import signals
from pelican.utils import sanitised_join
from pelican.writers import FileOverwriteFailedError, Writer

from candor_common import collector, rebuild
from candor_common.errors import BuildAborted
from candor_common.paths import root_url
from publishing.samefiles import WriteIfChanged

logger = logging.getLogger(__name__)
# The logger Pelican's writer says "Writing ..." on (a page left as it was says it too).
PELICAN_LOG = logging.getLogger("pelican.writers")
# Writer.write_file's parameters after ``context``, in order (the rest are variables).
WRITE_FILE_PARAMETERS = ("relative_urls", "paginated", "template_name", "override_output",
                         "url")


def describe(template: Any, kwargs: dict[str, Any]) -> str:
    """Say what is being written: the template, and the source file when there is one."""
    name = getattr(template, "name", None) or str(template)
    for key in ("article", "page"):
        item = kwargs.get(key)
        if item is not None and hasattr(item, "get_relative_source_path"):
            return f"{name} for {item.get_relative_source_path()}"
    return name


class _RenderedElsewhere:
    """Stands in for a template another process renders: the parent only records the file."""

    def __init__(self, template: Any) -> None:
        self.name = getattr(template, "name", None)

    def render(self, *args: Any, **kwargs: Any) -> str:
        """Render nothing."""
        return ""


class _Share:
    """Which of the ``processes`` this one is, and how many write_file calls it has seen."""

    def __init__(self, rank: int, processes: int) -> None:
        self.rank = rank
        self.processes = processes
        self.calls = 0
        self.warnings = 0

    def next_is_mine(self) -> bool:
        """Count one write_file call; True when this process renders it."""
        mine = self.calls % self.processes == self.rank
        self.calls += 1
        return mine


class _CountWarnings(logging.Handler):
    def __init__(self, share: _Share) -> None:
        super().__init__(logging.WARNING)
        self.share = share

    def emit(self, record: logging.LogRecord) -> None:
        self.share.warnings += 1


class CandorWriter(Writer):
    """Pelican's writer, with a clear error instead of a silent or cryptic overwrite."""

    def __init__(self, output_path: str, settings: Any = None) -> None:
        super().__init__(output_path, settings=settings)
        self._writing = "a feed"
        self._written_by: dict[str, str] = {}
        self._share: _Share | None = None
        self._elsewhere = False
        self._opened: list[str] = []
        self._parent = os.getpid()
        self._rebuild = rebuild.state_for(self.output_path)

    def write_file(self, name: Any, template: Any, context: Any, *args: Any,
                   **kwargs: Any) -> None:
        """Remember what is being written, then write it as Pelican does.

        Inside ``split_rendering``, a call another process renders is only
        recorded here (a worker process skips it altogether). A call whose
        output the last build made from the same inputs is only recorded too.
        """
        share = self._share
        elsewhere = share is not None and not share.next_is_mine()
        if elsewhere and share is not None and share.rank:
            return
        state = None if elsewhere or not name else self._rebuild
        key = None
        own, names = kwargs, context
        if state is not None:
            own, names = _site_lists(context, args, kwargs, self.settings)
            key = state.key(context, str(name), getattr(template, "name", None), args,
                            own, _page_siteurl(context, str(name), args, kwargs))
            if state.reusable(str(name), key, names):
                elsewhere, state = True, None
        self._writing = describe(template, kwargs)
        call = _unpaginated(args, kwargs, self.settings) if elsewhere and name else None
        if call is not None:  # one file, not rendered here: only accounted for
            try:
                self._keep(str(name), context, *call)
            finally:
                self._writing = "a feed"
            return
        self._elsewhere = elsewhere
        self._opened = []
        try:
            with rebuild.tracking() if state is not None else nullcontext() as reads:
                super().write_file(name, _RenderedElsewhere(template) if elsewhere
                                   else template, context, *args, **kwargs)
            if state is not None:
                state.remember(str(name), key, reads, self._opened, context=names, own=own)
        finally:
            self._writing = "a feed"
            self._elsewhere = False

    def _keep(self, name: str, context: dict[str, Any], relative_urls: bool,
              override: bool, variables: dict[str, Any]) -> None:
        """Account for the file ``name`` that is not rendered here (the last build
        made it from the same inputs, or another process renders it) as Pelican's
        ``write_file`` does for a page it writes, without rendering, opening or
        writing anything: the same page context (``localsiteurl`` passed on to
        ``context``), the same checks and records (``_account``), the same log line
        and ``content_written`` signal (the sitemap lists the page)."""
        local = context.copy()
        local["localsiteurl"] = _local_siteurl(context, name, relative_urls)
        if relative_urls:
            local["SITEURL"] = local["localsiteurl"]
        local["output_file"] = name
        local.update(variables)
        if local["localsiteurl"]:
            context["localsiteurl"] = local["localsiteurl"]
        path = sanitised_join(self.output_path, name)
        self._account(path, override)
        PELICAN_LOG.info('Writing "%s"', path)
        signals.content_written.send(path, context=local)

    def write_feed(self, *args: Any, **kwargs: Any) -> Any:
        """Write one of Pelican's own feeds; inside ``split_rendering`` only the first
        process does (the others would write the same file)."""
        if self._share is not None and self._share.rank:
            return None
        return super().write_feed(*args, **kwargs)

    def _open_w(self, filename: str, encoding: str, override: bool = False) -> Any:
        target = self._account(filename, override)
        if self._elsewhere or target == os.devnull:
            return open(os.devnull, "w", encoding=encoding)
        if self._rebuild is not None:
            self._rebuild.writing(target)
        self._opened.append(target)
        return WriteIfChanged(target, encoding)

    def _account(self, filename: str, override: bool) -> str:
        """Check and record that ``filename`` is written now; return the file to write
        (os.devnull for one an earlier override keeps)."""
        if (filename in self._written_files and filename not in self._overridden_files
                and not override):
            where = os.path.relpath(filename, self.output_path)
            logger.error("publishing: %s: url: written by %s and again by %s. Give the page "
                         "or post another Slug (or change the setting that places the "
                         "generated page).", where, self._written_by.get(filename, "?"),
                         self._writing)
            msg = f"{where} would be written twice; the build stopped."
            raise BuildAborted(msg)
        self._written_by.setdefault(filename, self._writing)
        target = self._record(filename, override)
        if self._rebuild is not None:
            self._rebuild.wrote(filename)
        return target

    def _record(self, filename: str, override: bool) -> str:
        """Keep Pelican's account of written files as ``Writer._open_w`` does; return the
        file to write (os.devnull for one that an earlier override keeps)."""
        if filename in self._overridden_files:
            if override:
                msg = (f'Failed to overwrite "{filename}" a second time '
                       "(was previously overwritten)")
                raise FileOverwriteFailedError(msg)
            logger.info('Skipping "%s", not overwriting', filename)
            return os.devnull
        if filename in self._written_files and override:
            logger.info('Overwriting "%s"', filename)
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return filename

    @contextmanager
    def split_rendering(self, processes: int = 2) -> Iterator[None]:
        """Render the ``write_file`` calls made inside the block in ``processes`` processes.

        Only ``write_file`` calls may have effects inside the block: every
        process runs it. A worker that fails or logs a warning fails the build.
        """
        if processes < 2 or self._share is not None:
            yield
            return
        logger.debug("publishing: rendering pages in %d processes", processes)
        # The young generations only: a full pass over every object the build holds took
        # ~0.4 s at 100,000 questions and found next to nothing (none after the load
        # cache, 7,869 objects in a cold build); garbage left in the old generation is
        # collected in this process once the block ends, or, if the build set what it
        # holds aside (collector.set_aside), once the build gives it back.
        gc.collect(1)
        collector.freeze()  # fewer pages copied on write: the collector leaves them alone
        sys.stdout.flush()
        sys.stderr.flush()
        children: list[int] = []
        rank = 0
        self._parent = os.getpid()
        for number in range(1, processes):
            pid = os.fork()
            if pid == 0:
                rank, children = number, []
                break
            children.append(pid)
        self._share = _Share(rank, processes)
        if rank:
            yield from self._work()
            return  # not reached: a worker ends in _work
        try:
            yield
        except BaseException:
            for pid in children:
                os.kill(pid, signal.SIGTERM)
            _wait(children)
            raise
        finally:
            self._share = None
            collector.thaw()
        _report(_wait(children))
        if self._rebuild is not None:
            for number in range(1, processes):
                self._rebuild.merge_part(self._parent, number)

    def _work(self) -> Iterator[None]:
        """Run the block in a worker process, then end the process."""
        assert self._share is not None  # noqa: S101 - set by split_rendering
        counter = _CountWarnings(self._share)
        logging.getLogger().addHandler(counter)
        logging.getLogger("pelican.writers").setLevel(logging.WARNING)  # the parent says it
        code = 0
        if self._rebuild is not None:  # count and record only what this process does
            self._rebuild.begin_part()
        try:
            yield
            if self._rebuild is not None:  # what this process rendered, for the parent
                self._rebuild.save_part(self._parent, self._share.rank)
        except BaseException as error:
            logger.error("publishing: rendering pages in process %d failed: %s",
                         self._share.rank, error, exc_info=logger.isEnabledFor(logging.DEBUG))
            code = 1
        if code == 0 and self._share.warnings:
            code = 2
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _wait(children: list[int]) -> list[int]:
    """Wait for every child; return their exit codes."""
    return [os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in children]


def _report(codes: list[int]) -> None:
    """Fail the build if a worker failed; pass on a worker's warnings."""
    if any(code not in (0, 2) for code in codes):
        msg = "publishing: a process rendering pages failed (see above); the build stopped."
        raise BuildAborted(msg)
    if any(code == 2 for code in codes):
        logger.warning("publishing: a process rendering pages logged warnings (above)")


def _site_lists(context: dict[str, Any], args: tuple[Any, ...], kwargs: dict[str, Any],
                settings: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Split a page's arguments: its own (in its key), and the site's whole lists.

    Pelican hands every tag, kind, author and archive page ``all_articles``, and
    a direct template that is not paginated (404, robots.txt, search) ``articles``
    and ``dates``: every post, which changes with every post added. They are only
    template variables, so they are checked like the shared context's names: a page
    depends on them if its templates looked them up. ``articles`` and ``dates`` of
    a paginated page make its pages in Python (Pelican's paginator): they stay in
    its key. Returns (the arguments for the key, the names to check lookups in).
    """
    lists = {"all_articles"} & kwargs.keys()
    template_name = kwargs.get("template_name")
    if (template_name is not None and kwargs.get("paginated") is None and len(args) < 2
            and template_name not in settings.get("PAGINATED_TEMPLATES", {})):
        lists |= {"articles", "dates"} & kwargs.keys()
    if not lists:
        return kwargs, context
    own = {name: value for name, value in kwargs.items() if name not in lists}
    return own, {**context, **{name: kwargs[name] for name in lists}}


def _unpaginated(args: tuple[Any, ...], kwargs: dict[str, Any], settings: dict[str, Any]
                 ) -> tuple[bool, bool, dict[str, Any]] | None:
    """Return (relative_urls, override_output, the template variables) of a
    ``write_file`` call that writes one file; None for one Pelican paginates.

    ``args`` and ``kwargs`` follow ``context`` in ``Writer.write_file``'s
    signature; Pelican paginates when ``paginated`` (by default the call's
    ``articles`` and ``dates``) is not empty and the template is in
    ``PAGINATED_TEMPLATES``.
    """
    call = dict(zip(WRITE_FILE_PARAMETERS, args, strict=False))
    variables = {}
    for key, value in kwargs.items():
        if key in WRITE_FILE_PARAMETERS:
            call[key] = value
        else:
            variables[key] = value
    paginated = call.get("paginated")
    if paginated is None:
        paginated = {key: variables[key] for key in ("articles", "dates") if key in variables}
    if paginated and call.get("template_name") in settings["PAGINATED_TEMPLATES"]:
        return None
    return (bool(call.get("relative_urls", False)), bool(call.get("override_output", False)),
            variables)


def _page_siteurl(context: dict[str, Any], name: str, args: tuple[Any, ...],
                  kwargs: dict[str, Any]) -> Any:
    """Return the ``localsiteurl`` Pelican's ``write_file`` renders the page with.

    With relative URLs, the page's own (from its name); otherwise the one the
    context holds, which the last page written may have set.
    """
    relative = args[0] if args else kwargs.get("relative_urls", False)
    return _local_siteurl(context, name, relative)


def _local_siteurl(context: dict[str, Any], name: str, relative_urls: bool) -> Any:
    """Return the ``localsiteurl`` of the page ``name``, as Pelican's ``_get_localcontext``
    sets it: the page's relative root with relative URLs, else the context's."""
    if relative_urls:
        return root_url(name)
    return context.get("localsiteurl")


def candor_writer(pelican: Any) -> type[Writer]:
    """Offer CandorWriter to Pelican (the get_writer signal)."""
    return CandorWriter
