"""A preview worker: holds one built site and answers the preview server's requests.

    python -m candor_tools.preview.worker SETTINGS_FILE [--no-warm-up]

Requests arrive one JSON object per line on standard input; each answer is one
JSON line on the original standard output. Everything else the build prints
(Pelican's summary, log lines as ``LEVEL: message``) goes to standard error,
the terminal of `invoke serve`.

- ``{"op": "build", "output": DIR, "served": DIR}``: build the whole site into
  DIR, keep it ("served", optional: the folder served now, whose unchanged files
  are linked instead of copied).
  Answer ``{"ok": bool, "errors": [...], "seconds": s, "model_inputs": [...],
  "rebuild": {"rendered": n, "reused": n, "removed": n} or null, "warm": [...],
  "copied": [...] or null}`` (null: the build rendered everything, without the
  incremental rebuild; "warm": the plugins imported before the request came, see
  ``warm_up``; "copied": the files copied into DIR, the others being links to
  the same names in "served"; null: no kept folder, every file is new).
- ``{"op": "describe"}``: the folders the server watches and serves, from the
  settings file (read here, so the server never imports the site's settings).
- ``{"op": "update", "sources": [...]}``: re-read these content files (paths
  relative to PATH) and render their pages. Answer ``{"ok": true, ...}`` with
  the fields of ``site.Update``, or ``{"ok": false, "errors": [...]}``.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
import time
import traceback
from importlib import import_module
from pathlib import Path
from typing import IO, Any

logger = logging.getLogger(__name__)


def _answer_channel() -> IO[str]:
    """Return the protocol's output; from now on fd 1 (print, Pelican's console) is stderr."""
    channel = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    return channel


def _configure_logging() -> None:
    console = logging.StreamHandler(sys.stderr)
    console.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    logging.basicConfig(level=logging.WARNING, handlers=[console], force=True)


def _plugin_paths(settings_file: Path) -> dict[str, Any]:
    """Make the plugins importable before the first build (candor_common); return the
    settings."""
    from pelican.settings import read_settings  # noqa: PLC0415

    settings: dict[str, Any] = read_settings(str(settings_file))
    for folder in settings.get("PLUGIN_PATHS", []):
        if folder not in sys.path:
            sys.path.insert(0, folder)
    return settings


def warm_up(settings: dict[str, Any]) -> None:
    """Import the site's plugins now, before any request (Pelican itself is imported
    with ``PreviewSite``).

    The server starts the worker for the next full build while it waits for a
    save (``Builder``), so that build starts with its imports done (~0.9 s of a
    full build at 1,000 posts). ``_plugin_paths`` put PLUGIN_PATHS first on
    ``sys.path``, so each plugin is the module Pelican's loader would find; it
    takes it from ``sys.modules`` and calls its ``register`` when the build
    starts, as before. A plugin that fails to import is left to that build,
    which reports it; the server does not use a worker started before a change
    to the code, theme or settings.
    """
    for plugin in settings.get("PLUGINS") or ():
        if isinstance(plugin, str):
            with contextlib.suppress(Exception):  # the build imports it again, says why
                import_module(plugin)


def _warm_plugins(settings: dict[str, Any]) -> list[str]:
    """The plugins of ``settings`` imported in this process so far."""
    return [plugin for plugin in settings.get("PLUGINS") or ()
            if isinstance(plugin, str) and plugin in sys.modules]


def serve_requests(settings_file: Path, requests: IO[str], answers: IO[str], *,
                   warm: bool = True) -> None:
    """Answer build and update requests until standard input closes (``warm``: after
    ``warm_up``; not for a worker asked only to ``describe`` the settings)."""
    settings = _plugin_paths(settings_file)
    from candor_tools.preview.problems import error_lines  # noqa: PLC0415
    from candor_tools.preview.site import PreviewSite  # noqa: PLC0415

    if warm:
        warm_up(settings)
    site = PreviewSite(settings_file)
    for line in requests:
        request = json.loads(line)
        start = time.perf_counter()
        imported = _warm_plugins(settings)
        with error_lines() as errors:
            answer = _handle(site, request)
        if request.get("op") == "build":
            answer["warm"] = imported
        answer.setdefault("errors", errors.lines)
        answer["seconds"] = round(time.perf_counter() - start, 4)
        answers.write(json.dumps(answer) + "\n")


def _handle(site: Any, request: dict[str, Any]) -> dict[str, Any]:
    op = request.get("op")
    try:
        if op == "describe":
            return {"ok": True, **describe(site.settings_file)}
        if op == "build":
            served = request.get("served")
            site.build(Path(request["output"]), Path(served) if served else None)
            return {"ok": True, "model_inputs": site.model_inputs(),
                    "rebuild": site.rebuild_counts(), "copied": site.copied}
        if op == "update":
            return {"ok": True, **site.update(list(request["sources"])).as_dict()}
    except SystemExit as stop:  # BuildAborted: the problems are logged already
        return {"ok": not stop.code}
    except Exception as error:  # noqa: BLE001 - the server reports it; the worker lives on
        from candor_tools.preview.problems import describe_error  # noqa: PLC0415

        logger.error("preview: the %s stopped: %s", "build" if op == "build" else "update",
                     describe_error(error))
        logger.debug("preview: %s", traceback.format_exc())
        return {"ok": False}
    return {"ok": False, "errors": [f"preview: unknown request {op!r}"]}


def describe(settings_file: Path) -> dict[str, Any]:
    """Return PATH, THEME, PLUGIN_PATHS and OUTPUT_PATH as the settings file sets them."""
    from pelican.settings import read_settings  # noqa: PLC0415

    settings = read_settings(str(settings_file))
    return {"path": settings["PATH"], "theme": settings["THEME"],
            "plugin_paths": list(settings.get("PLUGIN_PATHS", [])),
            "output_path": settings["OUTPUT_PATH"]}


def main(argv: list[str]) -> int:
    """Run a worker for the settings file in ``argv``."""
    answers = _answer_channel()
    _configure_logging()
    serve_requests(Path(argv[0]).resolve(), sys.stdin, answers,
                   warm="--no-warm-up" not in argv[1:])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
