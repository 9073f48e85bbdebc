"""The named exceptions the library raises; the CLI and web layers turn them into one sentence."""

from __future__ import annotations


class FoicollateError(Exception):
    """Base class: str(error) is one plain sentence that names the file and what to do."""


class UnreadableDocument(FoicollateError):
    """A reply file that could not be read (corrupt, encrypted, empty, unknown type ...)."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.reason = message


class QuestionnaireError(FoicollateError):
    """A questionnaire YAML with problems; each problem names its line."""

    def __init__(self, path: str, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        super().__init__(f"{path}: " + "; ".join(problems))


class CampaignError(FoicollateError):
    """A campaign workspace operation that cannot proceed (no workspace, ambiguous body ...)."""
