"""OCR of scanned pages and images with Debian's tesseract, driven through pytesseract.

Words come back with their boxes and are laid out like a PDF's text layer (layout.py),
so a scanned reply reads like a born-digital one. Tesseract runs one process per page with OMP_THREAD_LIMIT=1 (2.1 s/page at 300 dpi
against 11.6 s with its own threading on this machine); pages run in parallel instead.
"""

from __future__ import annotations

import contextvars
import os
import re
import shutil
import warnings
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from io import BytesIO

from PIL import Image

from foicollate.errors import UnreadableDocument
from foicollate.ingest import Reader, check_time, register, time_left
from foicollate.ingest.layout import Line, PageText, Word, join_pages, lay_out
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


def ocr_image(image: Image.Image, name: str = "image") -> PageText:
    """One page image's words, laid out as paragraphs like a PDF's text layer."""
    import pytesseract

    left = time_left()
    timeout = PAGE_TIMEOUT if left is None else max(1.0, min(PAGE_TIMEOUT, left))
    try:
        data = pytesseract.image_to_data(image, lang="eng", config=TESSERACT_CONFIG,
                                         timeout=timeout, output_type=pytesseract.Output.DICT)
    except RuntimeError as exc:  # pytesseract's timeout
        raise UnreadableDocument(
            name, f"OCR of a page took longer than {timeout:.0f} seconds; "
            "check the scan is a page of text, or extract the reply and add that"
        ) from exc
    return lay_out(ocr_lines(data, image.height), image.width)


def ocr_lines(data: dict[str, list], image_height: int) -> list[Line]:
    """Tesseract's words grouped into its lines, top to bottom, y turned to grow upwards."""
    grouped: dict[tuple[int, int, int, int], list[int]] = {}
    for i, text in enumerate(data["text"]):
        if text and text.strip() and float(data["conf"][i]) >= 0:
            key = (data["page_num"][i], data["block_num"][i], data["par_num"][i],
                   data["line_num"][i])
            grouped.setdefault(key, []).append(i)
    lines: list[Line] = []
    for indexes in grouped.values():
        indexes.sort(key=lambda i: data["left"][i])
        words = [Word(data["text"][i].strip(), data["left"][i],
                      data["left"][i] + data["width"][i]) for i in indexes]
        fix_misreads(words)
        bottoms = sorted(data["top"][i] + data["height"][i] for i in indexes)
        # the baseline is where most words end (descenders reach below it)
        baseline = bottoms[len(bottoms) // 2]
        extent = bottoms[-1] - min(data["top"][i] for i in indexes)
        lines.append(Line(words, float(image_height - baseline), float(extent)))
    # a line's box is tight (capitals only, no descenders); the page's usual line box,
    # ascender to descender, is the better measure of the font's size
    extents = sorted(ln.height for ln in lines)
    usual = extents[len(extents) // 2] if extents else 0.0
    for ln in lines:
        ln.height = max(ln.height, usual)
    lines.sort(key=lambda ln: -ln.bottom)
    return lines


#: A question number read with "l" for "1": "la)", "lb.", "l." at the start of a line.
_ONE_AS_L = re.compile(r"^[lI]([a-z]?[.)])$")
_Q_NUMBER = re.compile(r"^Q([0-9lIO]*[lIO][0-9lIO]*)([a-z]?[.):]?)$")
_DIGIT_LOOKALIKES = str.maketrans("lIO", "110")
#: Words that follow the pronoun "I" in a letter, when tesseract has read it as "|".
_AFTER_I = {"am", "have", "can", "will", "would", "hope", "enclose", "attach", "trust",
            "write", "confirm", "refer", "should", "must", "apologise", "apologize", "regret"}


def fix_misreads(words: list[Word]) -> None:
    """Undo misreads tesseract makes in letters, narrowly: "la)" for "1a)" and "Ql" for
    "Q1" as a line's first word, and "|" for "I" before a word that follows "I" ("| am")."""
    if words and (m := _ONE_AS_L.match(words[0].text)):
        words[0].text = "1" + m.group(1)
    elif words and (m := _Q_NUMBER.match(words[0].text)):  # "Ql", "Q1O" for Q1, Q10
        words[0].text = "Q" + m.group(1).translate(_DIGIT_LOOKALIKES) + m.group(2)
    for word, following in zip(words, words[1:], strict=False):
        if word.text == "|" and following.text.lower().strip(",.") in _AFTER_I:
            word.text = "I"


def ocr_images(images: Iterable[Image.Image], name: str = "image") -> list[PageText]:
    """OCR several page images, in parallel across cores, in order."""
    workers = max(1, min(4, os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        # each page runs in a copy of this context, so it sees the file's time allowance
        jobs = [pool.submit(contextvars.copy_context().run, ocr_image, im, name)
                for im in images]
        return [job.result() for job in jobs]


def pages_document(pages: list[str], fmt: str) -> Document:
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
        with warnings.catch_warnings():  # PIL warns of big images; the check below refuses them
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
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
    pages = join_pages(ocr_images(frames, name))
    if not any(p.strip() for p in pages):
        raise UnreadableDocument(name, "OCR found no text in the image; check it is a scan "
                                       "of the letter, or ask for a text copy")
    doc = pages_document(pages, "image")
    doc.metadata["ocr_pages"] = str(len(pages))
    return doc


register(Reader("image", (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".gif", ".bmp"),
                read_image, sniff=looks_like_image))
