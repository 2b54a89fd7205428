"""Widgets shared by several dialogs and views."""
