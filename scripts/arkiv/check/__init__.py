"""Checking: what the archive refuses or warns about, and what must never be published."""
