"""Loading the targets CSV and matching replies to the bodies in it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from foicollate.campaign.targets import Matcher, Target, core, domain_label, load_targets
from foicollate.errors import CampaignError

SENT = date(2022, 1, 10)


def t(name: str, nation: str = "England", email: str | None = None) -> Target:
    from foicollate.campaign.targets import slugify

    return Target(id=slugify(name), name=name, nation=nation, sent=SENT, email=email)


TARGETS = [
    t("London Borough of Barnet", email="foi@barnet.gov.uk"),
    t("Hertfordshire County Council", email="foi@hertfordshire.gov.uk"),
    t("North Somerset Council"),
    t("Somerset Council"),
    t("City of Edinburgh Council", "Scotland", email="foi@edinburgh.gov.scot"),
    t("Royal Borough of Kingston upon Thames"),
    t("Devon County Council"),
    t("Mid Devon District Council"),
]


@pytest.fixture
def matcher() -> Matcher:
    return Matcher(TARGETS)


def test_core_drops_generic_words() -> None:
    assert core("London Borough of Barnet") == "barnet"
    assert core("Barnet Council") == "barnet"
    assert core("City of London") == "city of london"  # nothing left: keep it whole
    assert domain_label("www.barnet.gov.uk") == "barnet"
    assert domain_label("foi.edinburgh.gov.scot") == "edinburgh"


@pytest.mark.parametrize(
    "name", ["Barnet Council", "London Borough of Barnet", "LB Barnet", "barnet"]
)
def test_name_variants_match(matcher: Matcher, name: str) -> None:
    hit = matcher.match_name(name)
    assert hit is not None and hit.target.name == "London Borough of Barnet"


def test_fuzzy_name_with_a_typo(matcher: Matcher) -> None:
    hit = matcher.match_name("Hertfordshrie County Council")
    assert hit is not None and hit.target.id == "hertfordshire-county-council"


def test_unknown_body_does_not_match(matcher: Matcher) -> None:
    assert matcher.match_name("Lancashire County Council") is None


def test_north_somerset_is_not_somerset(matcher: Matcher) -> None:
    assert matcher.match_name("North Somerset Council").target.name == "North Somerset Council"  # type: ignore[union-attr]
    assert matcher.match_name("Somerset Council").target.name == "Somerset Council"  # type: ignore[union-attr]
    assert matcher.match_filename("north-somerset-foi-reply.pdf").target.name == "North Somerset Council"  # type: ignore[union-attr]
    assert matcher.match_filename("somerset_response.docx").target.name == "Somerset Council"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("hint", "body"),
    [
        ("foi@barnet.gov.uk", "London Borough of Barnet"),
        ("barnet.gov.uk", "London Borough of Barnet"),
        ("information.requests@edinburgh.gov.scot", "City of Edinburgh Council"),
        ("foi@kingston.gov.uk", None),  # "kingston" alone is not the core of any target
        ("foi@kingstonuponthames.gov.uk", "Royal Borough of Kingston upon Thames"),
        ("someone@gmail.com", None),
    ],
)
def test_email_domains(matcher: Matcher, hint: str, body: str | None) -> None:
    hit = matcher.match_domain(hint)
    assert (hit.target.name if hit else None) == body


@pytest.mark.parametrize(
    ("filename", "body"),
    [
        ("barnet-foi-reply.pdf", "London Borough of Barnet"),
        ("FOI 1234 Hertfordshire response.docx", "Hertfordshire County Council"),
        ("reply-17.pdf", None),
        ("mid-devon-response.pdf", "Mid Devon District Council"),
        ("devon_cc_final.pdf", "Devon County Council"),
    ],
)
def test_filenames(matcher: Matcher, filename: str, body: str | None) -> None:
    hit = matcher.match_filename(filename)
    assert (hit.target.name if hit else None) == body


def test_text_letterhead_beats_a_referral_mentioned_later(matcher: Matcher) -> None:
    text = (
        "Barnet Council\nInformation Governance\nfoi@barnet.gov.uk\n\nDear Ms Smith,\n\n"
        + "Thank you for your request. " * 40
        + "\nThis information is held by Hertfordshire County Council; please ask them.\n"
    )
    hit = matcher.match_text(text)
    assert hit is not None and hit.target.name == "London Borough of Barnet"


def test_text_naming_two_bodies_equally_is_not_matched(matcher: Matcher) -> None:
    assert matcher.match_text("Somerset Council and Devon County Council jointly reply.") is None


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "bodies.csv"
    p.write_text(text, encoding="utf-8")
    return p


def test_load_targets_with_defaults(tmp_path: Path) -> None:
    p = write(tmp_path, "Name,Nation,Email,Date sent\n"
                        "London Borough of Barnet,england,foi@barnet.gov.uk,\n"
                        "City of Edinburgh Council,Scotland,,2022-02-01\n\n")
    targets = load_targets(p, default_sent=SENT)
    assert [(x.id, x.nation, x.sent, x.email) for x in targets] == [
        ("london-borough-of-barnet", "England", SENT, "foi@barnet.gov.uk"),
        ("city-of-edinburgh-council", "Scotland", date(2022, 2, 1), None),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("body,email\nBarnet,\n", "'name' and 'nation'"),
        ("name,nation\nBarnet,Cornwall\n", "line 2: unknown nation"),
        ("name,nation,sent\nBarnet,England,20/01/2022\n", "not YYYY-MM-DD"),
        ("name,nation\nBarnet,England\n", "pass --sent"),
        ("name,nation,sent\nBarnet,England,2022-01-01\nbarnet,England,2022-01-01\n", "repeats"),
        ("name,nation\n", "no bodies"),
    ],
)
def test_load_targets_errors_say_what_to_do(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(CampaignError, match=message):
        load_targets(write(tmp_path, text))


def test_sender_line_beats_a_body_named_more_often(matcher: Matcher) -> None:
    # a district that says the county holds it names the county more than itself
    text = ("From: Information Requests <information@barnet.gov.uk>\nSent: 04 April 2023\n"
            "Subject: RE: FOI\n\nDear Ms M,\n\nThis is held by Hertfordshire County Council; "
            "please ask Hertfordshire County Council at foi@hertfordshire.gov.uk.\n")
    hit = matcher.match_sender(text)
    assert hit is not None and hit.target.name == "London Borough of Barnet"
    assert matcher.match_sender("Dear Sir,\nFrom: the 1st of April we...") is None


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("FOI 2023-1187 Agency social workers | City of Edinburgh Council", "City of Edinburgh Council"),
        ("Pothole claims (FOI WCC-23-1309) - Devon County Council", "Devon County Council"),
        ("Microsoft Word - letter.docx", None),
    ],
)
def test_titles(matcher: Matcher, title: str, body: str | None) -> None:
    hit = matcher.match_title(title)
    assert (hit.target.name if hit else None) == body
