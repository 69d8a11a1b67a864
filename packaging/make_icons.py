"""Makes the Windows and macOS icons from the app's PNG icons (resources/icons), with Pillow.

    python -m venv /tmp/icons && /tmp/icons/bin/pip install pillow
    /tmp/icons/bin/python packaging/make_icons.py

Writes packaging/windows/timeline-app.ico (16-256 px) and packaging/macos/timeline-app.icns (16-512 px,
with the @2x sizes). Both are committed, so a Windows or macOS build needs no Pillow; run this again
after changing the icon.
"""

from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"


def main() -> None:
    pngs = {
        n: Image.open(ICONS / f"timeline-app-{n}.png").convert("RGBA")
        for n in (16, 32, 48, 64, 128, 256, 512)
    }
    ico = ROOT / "packaging" / "windows" / "timeline-app.ico"
    ico.parent.mkdir(parents=True, exist_ok=True)
    # Pillow writes each size from the largest image given, unless it is given that size too
    pngs[256].save(
        ico,
        format="ICO",
        sizes=[(n, n) for n in (16, 24, 32, 48, 64, 128, 256)],
        append_images=[pngs[n] for n in (16, 32, 48, 64, 128)],
    )
    icns = ROOT / "packaging" / "macos" / "timeline-app.icns"
    icns.parent.mkdir(parents=True, exist_ok=True)
    pngs[512].save(icns, format="ICNS", append_images=[pngs[n] for n in (16, 32, 64, 128, 256)])
    for path in (ico, icns):
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
