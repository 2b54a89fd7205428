"""The few style rules of the window (titles, overview tiles, navigation); set on the application."""

from __future__ import annotations

STYLE = """
QLabel#viewTitle { font-size: 15pt; font-weight: 600; padding: 2px 0 6px 0; }
QLabel#viewSubtitle { font-size: 11pt; font-weight: 600; padding-top: 6px; }
QLabel#viewNote { color: #555; }
QLabel#tileTitle { font-size: 11pt; font-weight: 600; }
QLabel#tileNumber { font-size: 26pt; font-weight: 600; color: #1f5f8b; }
QFrame#tile { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; }
QFrame#firstSteps { background: #fffbea; border: 1px solid #e3c65b; border-radius: 6px; }
QListWidget#navigation { font-size: 11pt; border: none; background: #eef2f5; }
QListWidget#navigation::item { padding: 7px 10px; }
QListWidget#navigation::item:selected { background: #1f5f8b; color: white; }
"""
