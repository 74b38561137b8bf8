"""The live preview behind `invoke serve`: a site kept in memory, one post re-rendered per save.

The server process (``app.py``) watches the sources, serves ``output/`` on
127.0.0.1 with pages re-rendered since the last full build laid over it, and
tells the browser to reload over Server-Sent Events. The Pelican site lives in
worker processes (``worker.py``): each one builds the whole site once, keeping
Pelican's generators, and then re-reads and re-renders single posts on request.
After every save a fresh worker rebuilds the whole site in the background into
a new folder, which replaces ``output/`` only if it succeeds; that worker then
holds the up-to-date site for the next save. See docs/preview.md.
"""
