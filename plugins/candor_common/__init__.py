"""Shared pieces of the Candor plugins: errors, settings and data-file loading.

This package is a library, not a Pelican plugin: it has no ``register()``.
"""
