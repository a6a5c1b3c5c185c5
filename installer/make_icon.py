"""Draw Jindu's application icon: resources/icons/jindu.png and jindu.ico.

Run from the checkout: `.venv/bin/python installer/make_icon.py`. The generated files are
committed; the build does not run this script. Pillow is already in the environment
(reportlab requires it), and the character is drawn with the bundled WenQuanYi Micro Hei
so the icon looks the same on every machine.

The design: a blue rounded square with a white 进 ("progress") above a progress bar.
Below 32 pixels a character is a smudge, so the small sizes show three rising bars instead.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
FONT = ROOT / "resources" / "fonts" / "wqy-microhei.ttc"
OUT = ROOT / "resources" / "icons"

BLUE = (31, 95, 173, 255)
WHITE = (255, 255, 255, 255)
TRACK = (255, 255, 255, 90)
AMBER = (245, 179, 1, 255)
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 96, 128, 256)
PNG_SIZE = 512
SUPERSAMPLE = 4


def _rounded_square(draw: ImageDraw.ImageDraw, size: int) -> None:
    margin = round(size * 0.04)
    draw.rounded_rectangle(
        (margin, margin, size - 1 - margin, size - 1 - margin), radius=round(size * 0.2), fill=BLUE
    )


def _glyph(draw: ImageDraw.ImageDraw, size: int) -> None:
    font = ImageFont.truetype(str(FONT), round(size * 0.56), index=0)
    stroke = max(1, round(size * 0.012))  # WenQuanYi is light; a thin stroke makes it read at 32 px
    centre = (size / 2, size * 0.43)
    draw.text(
        centre, "进", font=font, fill=WHITE, anchor="mm", stroke_width=stroke, stroke_fill=WHITE
    )
    left, right = size * 0.2, size * 0.8
    top, bottom = size * 0.75, size * 0.83
    radius = (bottom - top) / 2
    draw.rounded_rectangle((left, top, right, bottom), radius=radius, fill=TRACK)
    draw.rounded_rectangle(
        (left, top, left + (right - left) * 0.7, bottom), radius=radius, fill=AMBER
    )


def _bars(draw: ImageDraw.ImageDraw, size: int) -> None:
    # Three rising bars, the last one amber: "progress" without a character.
    width = size * 0.16
    gap = size * 0.07
    left = (size - 3 * width - 2 * gap) / 2
    base = size * 0.8
    for i, height in enumerate((0.25, 0.42, 0.6)):
        x = left + i * (width + gap)
        draw.rectangle((x, base - size * height, x + width, base), fill=AMBER if i == 2 else WHITE)


def draw_icon(size: int) -> Image.Image:
    """One square RGBA image of `size` pixels, drawn large and scaled down for smooth edges."""
    big = size * SUPERSAMPLE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    _rounded_square(draw, big)
    if size >= 32:
        _glyph(draw, big)
    else:
        _bars(draw, big)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def write_icons(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    png = out / "jindu.png"
    draw_icon(PNG_SIZE).save(png, optimize=True)
    images = [draw_icon(s) for s in ICO_SIZES]
    ico = out / "jindu.ico"
    # Each size drawn on its own (append_images) rather than one image scaled by the ICO writer.
    images[-1].save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=images[:-1])
    return [png, ico]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Draw resources/icons/jindu.png and jindu.ico")
    parser.add_argument(
        "--out", type=Path, default=OUT, help="output folder (default: resources/icons)"
    )
    args = parser.parse_args(argv)
    for path in write_icons(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
