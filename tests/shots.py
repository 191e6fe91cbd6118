"""``make shots``: contact sheets of the whole site and both PDFs, for a person.

Every page of ``docs/_build/html`` is photographed in Chromium at 375 px (a
phone) and 1280 px (a laptop), light and dark, full length; each width gets
a contact sheet with one row per page, the page cut into screens laid side by
side, so a reader can scan every screen of the site in one image.  Each PDF
in ``docs/_build/latex`` becomes a sheet of page thumbnails (``pdftoppm``).

Everything goes to ``docs/_build/shots/``:

- ``site-375-light.png``, ``site-1280-dark.png`` ... the contact sheets;
- ``pages/<page>-<width>-<mode>.png``, every full-length screenshot;
- ``pdf-<book>.png``, the PDF thumbnails.

Run ``make html`` and ``make pdf`` first (``make shots`` does).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image, ImageDraw, ImageFont

from tests.browser.served import CHROMIUM_ARGS, serve

if TYPE_CHECKING:
    from collections.abc import Iterator

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "docs" / "_build"
#: Viewport height of one "screen" of each width, and its scale on the sheet.
SCREENS = {375: (812, 0.4), 1280: (800, 0.25)}
LABEL = 18  # px above each row for the page's name
GAP = 6
BACKGROUND = (200, 204, 210)


def site_pages(root: Path) -> list[str]:
    """Every HTML page of the site (not Sphinx's _static, _sources ...)."""
    return sorted(
        path.relative_to(root).as_posix()
        for path in root.rglob("*.html")
        if not any(part.startswith("_") for part in path.relative_to(root).parts)
    )


def photograph(
    base_url: str, pages: list[str], widths: list[int], modes: list[str], out: Path
) -> dict[tuple[int, str], list[tuple[str, Path]]]:
    """Full-length screenshots: {(width, mode): [(page, png), ...]}."""
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if chromium is None:
        sys.exit("make shots needs Debian's chromium: apt-get install chromium")
    shots: dict[tuple[int, str], list[tuple[str, Path]]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, args=CHROMIUM_ARGS
        )
        for mode in modes:
            context = browser.new_context(
                viewport={"width": widths[0], "height": 900}, color_scheme=mode
            )
            context.add_init_script(
                "try { localStorage.setItem('theme', 'auto'); } catch (e) {}"
            )
            page = context.new_page()
            for name in pages:
                page.goto(base_url + name, wait_until="load")
                for width in widths:
                    page.set_viewport_size(
                        {"width": width, "height": SCREENS[width][0]}
                    )
                    # Lazy images (the charts) load when they near the
                    # viewport; a full-length shot needs them all now.
                    page.evaluate(
                        "() => Promise.all([...document.images].map((img) => {"
                        " img.loading = 'eager'; return img.decode().catch(() => {});"
                        " })).then(() => new Promise((r) => requestAnimationFrame("
                        "() => requestAnimationFrame(r))))"
                    )
                    path = out / f"{name.removesuffix('.html')}-{width}-{mode}.png"
                    path.parent.mkdir(parents=True, exist_ok=True)
                    page.screenshot(path=path, full_page=True, animations="disabled")
                    shots.setdefault((width, mode), []).append((name, path))
            context.close()
        browser.close()
    return shots


def _screens(image: Image.Image, height: int) -> Iterator[Image.Image]:
    for top in range(0, image.height, height):
        bottom = min(top + height, image.height)
        if bottom - top >= 8:  # not a sliver of the page's last pixels
            yield image.crop((0, top, image.width, bottom))


def contact_sheet(shots: list[tuple[str, Path]], width: int, out: Path) -> None:
    """One row per page: its screens side by side, scaled, labelled."""
    screen_height, scale = SCREENS[width]
    tile_w, tile_h = round(width * scale), round(screen_height * scale)
    rows = []
    for name, path in shots:
        with Image.open(path) as image:
            screens = [
                s.convert("RGB").resize(
                    (tile_w, round(s.height * scale)), Image.Resampling.LANCZOS
                )
                for s in _screens(image, screen_height)
            ]
        rows.append((name, screens))
    columns = max(len(screens) for _, screens in rows)
    sheet = Image.new(
        "RGB",
        (GAP + columns * (tile_w + GAP), GAP + len(rows) * (LABEL + tile_h + GAP)),
        BACKGROUND,
    )
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.load_default(size=14)
    y = GAP
    for name, screens in rows:
        draw.text((GAP, y), name, fill=(20, 24, 30), font=font)
        x = GAP
        for screen in screens:
            sheet.paste(screen, (x, y + LABEL))
            x += tile_w + GAP
        y += LABEL + tile_h + GAP
    sheet.save(out, optimize=True)


def pdf_sheet(pdf: Path, out: Path, columns: int = 10) -> None:
    """Thumbnails of every page of a PDF, numbered, in a grid."""
    if shutil.which("pdftoppm") is None:
        sys.exit("make shots needs pdftoppm: apt-get install poppler-utils")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["pdftoppm", "-r", "36", "-png", str(pdf), f"{tmp}/p"], check=True
        )
        pages = sorted(Path(tmp).glob("p-*.png"))
        thumbs = [Image.open(p).convert("RGB") for p in pages]
    w = max(t.width for t in thumbs)
    h = max(t.height for t in thumbs)
    rows = -(-len(thumbs) // columns)
    sheet = Image.new(
        "RGB",
        (GAP + columns * (w + GAP), GAP + rows * (h + LABEL + GAP)),
        BACKGROUND,
    )
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.load_default(size=14)
    for n, thumb in enumerate(thumbs):
        x = GAP + (n % columns) * (w + GAP)
        y = GAP + (n // columns) * (h + LABEL + GAP)
        draw.text((x, y), str(n + 1), fill=(20, 24, 30), font=font)
        sheet.paste(thumb, (x, y + LABEL))
    sheet.save(out, optimize=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--html", type=Path, default=BUILD / "html")
    parser.add_argument("--latex", type=Path, default=BUILD / "latex")
    parser.add_argument("--out", type=Path, default=BUILD / "shots")
    parser.add_argument("--widths", type=int, nargs="+", default=sorted(SCREENS))
    parser.add_argument("--modes", nargs="+", default=["light", "dark"])
    parser.add_argument("--pages", nargs="*", help="only these pages (e.g. index.html)")
    args = parser.parse_args(argv)
    if not (args.html / "index.html").exists():
        sys.exit(f"no site in {args.html}: run make html first")
    args.out.mkdir(parents=True, exist_ok=True)
    pages = args.pages or site_pages(args.html)
    server, base_url = serve(args.html)
    try:
        shots = photograph(base_url, pages, args.widths, args.modes, args.out / "pages")
    finally:
        server.shutdown()
        server.server_close()
    for (width, mode), taken in sorted(shots.items()):
        sheet = args.out / f"site-{width}-{mode}.png"
        contact_sheet(taken, width, sheet)
        print(f"{sheet.relative_to(ROOT)}: {len(taken)} pages")
    for pdf in sorted(args.latex.glob("sphinx-versus*.pdf")):
        sheet = args.out / f"pdf-{pdf.stem}.png"
        pdf_sheet(pdf, sheet)
        print(f"{sheet.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
