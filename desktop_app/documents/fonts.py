"""The serif family of every printed document: Liberation Serif, shipped in resources/fonts.

Kazakh and Russian office papers are set in Times New Roman; Liberation Serif (SIL OFL) has the
same metrics and covers every Kazakh letter (Ә Ғ Қ Ң Ө Ұ Ү Һ І), №, «», — and U+202F. It has no
tenge sign (₸): ``FALLBACK`` (DejaVu Serif) draws the characters listed in ``FALLBACK_CHARS``
(common.esc wraps them, and registers the fallback the first time a text needs it: parsing a font
file takes ~6 ms of every print). The family is registered once and made ReportLab's base font for the
canvas, paragraph styles, tables and graphics, so that no base-14 font (Helvetica, Times,
Courier) is ever referenced and every font in a PDF is an embedded subset.
"""

from __future__ import annotations

from functools import cache

from reportlab import rl_config
from reportlab.graphics import shapes
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import tables

from desktop_app.config.paths import resources_dir

SERIF = "DocSerif"
SERIF_BOLD = "DocSerif-Bold"
SERIF_ITALIC = "DocSerif-Italic"
SERIF_BOLD_ITALIC = "DocSerif-BoldItalic"
FALLBACK = "DocSerif-Fallback"
#: Characters Liberation Serif lacks, drawn with the fallback font.
FALLBACK_CHARS = "₸"

FILES = {
    SERIF: "LiberationSerif-Regular.ttf",
    SERIF_BOLD: "LiberationSerif-Bold.ttf",
    SERIF_ITALIC: "LiberationSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
    FALLBACK: "DejaVuSerif.ttf",
}


@cache
def register_fonts() -> str:
    """Register the family (once) and make it the default everywhere; returns the regular name."""
    folder = resources_dir() / "fonts"
    for name, file in FILES.items():
        if name != FALLBACK:
            pdfmetrics.registerFont(TTFont(name, str(folder / file)))
    addMapping(SERIF, 0, 0, SERIF)
    addMapping(SERIF, 1, 0, SERIF_BOLD)
    addMapping(SERIF, 0, 1, SERIF_ITALIC)
    addMapping(SERIF, 1, 1, SERIF_BOLD_ITALIC)
    pdfmetrics.registerFontFamily(SERIF, normal=SERIF, bold=SERIF_BOLD, italic=SERIF_ITALIC,
                                  boldItalic=SERIF_BOLD_ITALIC)
    # Defaults read at run time; the module-level copies are set too (they were read at import).
    rl_config.useA85 = 0  # binary streams: smaller files, no ASCII85 pass over every page
    rl_config.canvas_basefontname = SERIF
    rl_config.defaultGraphicsFontName = SERIF
    shapes.STATE_DEFAULTS["fontName"] = SERIF
    tables.CellStyle.fontname = SERIF
    return SERIF


@cache
def register_fallback() -> str:
    """Register ``FALLBACK`` (once), for a text that holds one of ``FALLBACK_CHARS``; returns its name."""
    pdfmetrics.registerFont(TTFont(FALLBACK, str(resources_dir() / "fonts" / FILES[FALLBACK])))
    return FALLBACK
