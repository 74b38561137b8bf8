"""Command-line helpers behind tasks.py (scaffolding, site checks). Not Pelican plugins."""
