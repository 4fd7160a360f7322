"""Reusable dashboard pieces: layout, status badge, job tables."""
