"""Embedded ecosystems with their sources."""
