"""The readers foicollate ships, registered exactly as an outside plugin would register its own.

Content sniffs decide first: the zip sniff steps aside for Office and OpenDocument files
(which are zips too), and the OLE sniff for Outlook messages.
"""

from __future__ import annotations

from foicollate.ingest import archive, mail, ocr, office, pdf, sheet  # noqa: F401
