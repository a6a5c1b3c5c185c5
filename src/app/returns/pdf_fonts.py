"""The Chinese font of the PDF returns, embedded as a subset.

WenQuanYi Micro Hei (Apache-2.0 / GPLv3 with font exception, shipped in
resources/fonts with its licence) is a TrueType collection; reportlab embeds
TrueType fonts only, and only the glyphs a document uses. The built-in CID font
STSong-Light would not be embedded and shows boxes on a PC without the Adobe
Asian font pack.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from models.errors import StoreError
from models.resources import resources_dir

FONT_NAME = "WenQuanYiMicroHei"
FONT_FILE = "wqy-microhei.ttc"
_lock = threading.Lock()


def font_path() -> Path:
    return resources_dir() / "fonts" / FONT_FILE


def register_fonts() -> str:
    """Register the font once per process (parsing the 5 MB file takes a while); its name."""
    with _lock:
        if FONT_NAME in pdfmetrics.getRegisteredFontNames():
            return FONT_NAME
        path = font_path()
        if not path.is_file():
            raise StoreError(f"程序文件不完整：缺少报表字体 {path}，请重新安装进度（Jindu）。")
        pdfmetrics.registerFont(TTFont(FONT_NAME, str(path), subfontIndex=0))
        # One face only: <b> and <i> in paragraphs map to the same font rather than fail.
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(FONT_NAME, bold, italic, FONT_NAME)
        return FONT_NAME
