"""Put the preview together: HTTP server, watchers, coordinator; start and stop them."""

from __future__ import annotations

import logging
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from candor_tools.preview.coordinator import Coordinator
from candor_tools.preview.events import Hub
from candor_tools.preview.httpserver import PreviewHTTPServer
from candor_tools.preview.overlay import Overlay
from candor_tools.preview.watch import Watched, start_watching
from candor_tools.preview.workers import Worker, WorkerGone

logger = logging.getLogger(__name__)


class Preview:
    """The live preview of one site: ``start()``, then ``stop()`` (or ``serve_forever()``)."""

    def __init__(self, settings_file: Path, *, output: Path | None = None,
                 host: str = "127.0.0.1", port: int = 8000,
                 index: Callable[[Path], None] | None = None) -> None:
        self.settings_file = settings_file.resolve()
        settings = _describe(self.settings_file)
        self.output = (output or Path(settings["output_path"])).resolve()
        self.watched = Watched(
            content=Path(settings["path"]).resolve(),
            code=tuple(Path(p).resolve() for p in [settings["theme"],
                                                   *settings["plugin_paths"]]),
            settings_file=self.settings_file)
        self.hub = Hub()
        self.overlay = Overlay()
        self.coordinator = Coordinator(
            {"settings_file": self.settings_file, "output": self.output,
             "index": index}, self.overlay, self.hub)
        self.http = PreviewHTTPServer((host, port), self.output, self.overlay, self.hub,
                                      self.coordinator.status)
        self._stop = threading.Event()
        self._http_thread = threading.Thread(target=self.http.serve_forever,
                                             name="preview-http", daemon=True)

    @property
    def url(self) -> str:
        """The preview's address, e.g. http://127.0.0.1:8000."""
        host, port = self.http.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> Preview:
        """Serve, watch, and start the first full build; return at once."""
        self._http_thread.start()
        start_watching(self.watched, self.coordinator.deliver, self._stop)
        self.coordinator.start()
        return self

    def stop(self) -> None:
        """Stop watching, building and serving; end every worker."""
        self._stop.set()
        self.coordinator.stop()
        self.http.stopping = True
        self.hub.close()
        self.http.shutdown()
        self.http.server_close()

    def status(self) -> dict[str, Any]:
        """Where the preview stands (see Coordinator.status)."""
        return self.coordinator.status()


def _describe(settings_file: Path) -> dict[str, Any]:
    """Read the folders to watch and serve from the settings, in a worker process."""
    worker = Worker(settings_file, warm=False)  # it only reads the settings
    try:
        answer = worker.request("describe")
    except WorkerGone:
        answer = {"ok": False}
    finally:
        worker.stop()
    if not answer.get("ok"):
        msg = f"preview: could not read the settings in {settings_file} (see above)"
        raise SystemExit(msg)
    return answer


def run(settings_file: Path, *, output: Path | None = None, host: str = "127.0.0.1",
        port: int = 8000, index: Callable[[Path], None] | None = None) -> None:
    """Run the preview until Ctrl-C, with its messages on the terminal."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    package = logging.getLogger("candor_tools.preview")
    package.addHandler(handler)
    package.setLevel(logging.INFO)
    preview = Preview(settings_file, output=output, host=host, port=port, index=index)
    preview.start()
    print(f"Serving on {preview.url}/ — the page reloads after each save (Ctrl-C stops). "
          "Building the site…", flush=True)
    stopped = threading.Event()
    # `kill` (SIGTERM) stops as cleanly as Ctrl-C: workers ended, no half-built folder left.
    signal.signal(signal.SIGTERM, lambda _signum, _frame: stopped.set())
    try:
        while not stopped.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        print("\npreview: stopping.", flush=True)
        preview.stop()
