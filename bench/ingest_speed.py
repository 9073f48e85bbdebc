"""How fast foicollate reads PDFs: text-layer pages/s, OCR seconds per page, peak memory.

    .venv/bin/python bench/ingest_speed.py [--pages 500] [--ocr-pages 4]

Builds a 500-page text PDF (reportlab) and a few scanned pages (rasterised, image-only),
reads them with foicollate's PDF reader in this process, and prints the figures. The
text-layer run is single-threaded (target: at least 30 pages/s per core); OCR runs pages
in parallel across cores, so its per-page figure is wall time divided by pages.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

PARAGRAPH = (
    "The Council operates {n} static public libraries. This figure does not include the "
    "mobile library vehicle or the community book exchanges run independently by parish "
    "councils, which are outside the scope of your request."
)


def letter_pages(pages: int) -> str:
    """About `pages` pages of a reply: numbered answers, paragraphs, a small table."""
    lines: list[str] = []
    for n in range(1, pages * 57 // 9 + 6):  # 56 printed lines a page; a block prints ~9
        lines += [f"{n}. How many libraries did you operate in year {n}?", "",
                  PARAGRAPH.format(n=n), "", f"Year\t{2000 + n}\t{2001 + n}",
                  f"Hours\t{400 + n}\t{410 + n}", ""]
    return "\n".join(lines)


def measure(path: Path) -> dict[str, float]:
    """Read one PDF in a fresh process: seconds, pages and that process's peak memory."""
    out = subprocess.run([sys.executable, __file__, "--read", str(path)], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


def _read(path: str) -> None:
    from foicollate.ingest import read_document

    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    doc = read_document(path)
    elapsed = time.perf_counter() - started
    print(json.dumps({
        "seconds": elapsed,
        "pages": sum(1 for r in doc.regions if r.kind == "page"),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,  # Linux: kB
        "import_mb": baseline / 1024,
    }))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--ocr-pages", type=int, default=4)
    parser.add_argument("--read", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.read:
        _read(args.read)
        return

    from formats import to_pdf, to_scanned_pdf

    from foicollate.ingest import ocr

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.pdf"
        path.write_bytes(to_pdf(letter_pages(args.pages)))
        m = measure(path)
        print(f"text layer: {m['pages']:.0f} pages ({path.stat().st_size / 2**20:.1f} MB) in "
              f"{m['seconds']:.2f} s = {m['pages'] / m['seconds']:.0f} pages/s on one core "
              "(target >= 30)")
        print(f"peak memory reading it: {m['peak_mb']:.0f} MB "
              f"({m['import_mb']:.0f} MB before reading)")

        if not ocr.tesseract_available():
            print(f"OCR: skipped, tesseract is not installed ({ocr.INSTALL_COMMAND})")
            return
        scan = Path(tmp) / "scan.pdf"
        scan.write_bytes(to_scanned_pdf(letter_pages(args.ocr_pages), dpi=200))
        m = measure(scan)
        workers = max(1, min(4, os.cpu_count() or 1))
        print(f"OCR: {m['pages']:.0f} scanned pages in {m['seconds']:.1f} s = "
              f"{m['seconds'] / m['pages']:.2f} s/page wall ({workers} pages at a time at "
              f"{ocr.OCR_DPI} dpi), about {m['seconds'] * workers / m['pages']:.1f} s/page "
              "of one core")
        print(f"peak memory reading it: {m['peak_mb']:.0f} MB")


if __name__ == "__main__":
    main()
