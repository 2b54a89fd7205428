"""Configuration without Qt: where things live (paths) and what the user chose (preferences).

The window's own look (language, geometry) is kept by Qt in ``ui/settings.py``; everything the
command line must also honour lives here.
"""
