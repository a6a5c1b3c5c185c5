"""Jindu application services and entry points (no Qt here)."""

__version__ = "0.1.0"
