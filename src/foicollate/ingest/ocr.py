"""OCR of scanned pages and images with Debian's tesseract, driven through pytesseract.

Tesseract runs one process per page with OMP_THREAD_LIMIT=1 (2.1 s/page at 300 dpi
against 11.6 s with its own threading on this machine); pages run in parallel instead.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from io import BytesIO

from PIL import Image

from foicollate.errors import UnreadableDocument
from foicollate.ingest import Reader, check_time, register, time_left
from foicollate.model import Document, Region

INSTALL_COMMAND = "sudo apt-get install tesseract-ocr tesseract-ocr-eng"
#: Page images are rendered at this resolution for OCR.
OCR_DPI = 300
#: Page segmentation mode 4 (one column of text of varying sizes) suits letters.
TESSERACT_CONFIG = "--psm 4"
#: Longest a single page may take before it is given up.
PAGE_TIMEOUT = 120.0
#: Images larger than this many pixels are refused (a decompression bomb, not a scan).
MAX_PIXELS = 80_000_000

os.environ.setdefault("OMP_THREAD_LIMIT", "1")


@cache
def tesseract_available() -> bool:
    """True when the tesseract program and its English data are installed."""
    if shutil.which("tesseract") is None:
        return False
    try:
        import pytesseract

        return "eng" in pytesseract.get_languages(config="")
    except Exception:  # a broken install counts as none
        return False


def ocr_missing_sentence(what: str) -> str:
    """One sentence for a file that needs OCR on a machine without it."""
    return f"{what} and OCR is not installed; install it with `{INSTALL_COMMAND}` and add it again"


def ocr_image(image: Image.Image, name: str = "image") -> str:
    """The text of one page image, "\\n" newlines, no trailing form feed."""
    import pytesseract

    left = time_left()
    timeout = PAGE_TIMEOUT if left is None else max(1.0, min(PAGE_TIMEOUT, left))
    try:
        raw = pytesseract.image_to_string(image, lang="eng", config=TESSERACT_CONFIG,
                                          timeout=timeout)
    except RuntimeError as exc:  # pytesseract's timeout
        raise UnreadableDocument(
            name, f"OCR of a page took longer than {timeout:.0f} seconds; "
            "check the scan is a page of text, or extract the reply and add that"
        ) from exc
    return tidy_ocr_text(raw)


def tidy_ocr_text(raw: str) -> str:
    lines = [ln.rstrip() for ln in raw.replace("\r\n", "\n").replace("\f", "").split("\n")]
    text = "\n".join(lines).strip("\n")
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text + "\n" if text else ""


def ocr_images(images: Iterable[Image.Image], name: str = "image") -> list[str]:
    """OCR several page images, in parallel across cores, in order."""
    workers = max(1, min(4, os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda im: ocr_image(im, name), images))


def join_pages(name: str, pages: list[str], fmt: str) -> Document:
    """Pages' texts -> one Document with a "page" region per page (labels "1", "2" ...).

    Pages are separated by a blank line, except that a page whose text does not end
    with a newline carries its last paragraph on to the next page: a space joins them.
    """
    chunks: list[str] = []
    regions: list[Region] = []
    offset = 0
    for i, page in enumerate(pages, start=1):
        if i > 1:
            chunks.append("\n" if chunks[-1].endswith("\n") else " ")
            offset += 1
        chunks.append(page)
        regions.append(Region(offset, offset + len(page), "page", str(i)))
        offset += len(page)
    return Document(id="", text="".join(chunks), format=fmt, regions=regions)


# --- scanned letters sent as images (TIFF, PNG, JPEG) -------------------------------------

_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"GIF87a",
                b"GIF89a", b"BM")


def looks_like_image(data: bytes) -> bool:
    return data.startswith(_IMAGE_MAGIC[:6]) or (data[:2] == b"BM" and len(data) > 26
                                                 and data[6:10] == b"\x00\x00\x00\x00")


def read_image(name: str, data: bytes) -> Document:
    """A scanned page (or multi-page TIFF) as an image: OCR every frame."""
    if not tesseract_available():
        raise UnreadableDocument(name, ocr_missing_sentence("it is an image of a page"))
    try:
        image = Image.open(BytesIO(data))
        if image.width * image.height > MAX_PIXELS:
            raise UnreadableDocument(
                name, f"the image is over {MAX_PIXELS // 1_000_000} megapixels; "
                "scan it at a lower resolution and add it again"
            )
        frames = []
        for index in range(min(getattr(image, "n_frames", 1), 500)):
            check_time(name)
            image.seek(index)
            frames.append(image.convert("L"))
    except UnreadableDocument:
        raise
    except (OSError, ValueError, Image.DecompressionBombError, EOFError) as exc:
        raise UnreadableDocument(
            name, "the image is damaged or in a form foicollate cannot open; "
            "save it as PNG or PDF and add it again"
        ) from exc
    pages = ocr_images(frames, name)
    if not any(p.strip() for p in pages):
        raise UnreadableDocument(name, "OCR found no text in the image; check it is a scan "
                                       "of the letter, or ask for a text copy")
    doc = join_pages(name, pages, "image")
    doc.metadata["ocr_pages"] = str(len(pages))
    return doc


register(Reader("image", (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".gif", ".bmp"),
                read_image, sniff=looks_like_image))
