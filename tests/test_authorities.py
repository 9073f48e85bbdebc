"""The register of UK bodies and matching loose names to it (foicollate.authorities)."""

from __future__ import annotations

from collections import Counter

import pytest

from foicollate.authorities import (
    COUNCIL_KINDS,
    KINDS,
    Authority,
    _index,
    canonical,
    county_of,
    find,
    find_in_text,
    load_register,
    normalise,
    same_body,
)


def name_of(hint: str) -> str | None:
    body = find(hint)
    return body.name if body else None


# ---------------------------------------------------------------- the register itself

def test_counts_by_nation_and_kind() -> None:
    reg = load_register()
    kinds = Counter(a.kind for a in reg)
    assert kinds["london_borough"] == 32 and kinds["city_of_london"] == 1
    assert kinds["metropolitan"] == 36
    assert kinds["county"] == 21  # England after April 2023
    assert kinds["district"] == 164
    assert kinds["unitary"] == 62
    assert kinds["welsh_principal"] == 22
    assert kinds["scottish_council"] == 32
    assert kinds["ni_district"] == 11
    police = [a for a in reg if a.kind == "police"]
    assert len([a for a in police if a.nation in ("England", "Wales")]) == 43
    assert {a.name for a in police} >= {"Police Scotland", "Police Service of Northern Ireland"}
    assert kinds["fire"] >= 40


def test_rows_are_well_formed() -> None:
    reg = load_register()
    names = [a.name for a in reg]
    assert len(names) == len(set(names))
    by_name = {a.name: a for a in reg}
    for a in reg:
        assert a.kind in KINDS and a.nation in ("England", "Wales", "Scotland", "Northern Ireland")
        assert a.place and a.name == a.name.strip()
        if a.kind == "district":  # every district names a county council that exists
            assert a.county is not None and by_name[a.county].kind == "county", a.name
        else:
            assert a.county is None, a.name
        assert a.domain is None or (a.domain == a.domain.lower() and "." in a.domain)
    assert {a.kind for a in reg if a.nation == "Wales" and a.kind in COUNCIL_KINDS} == {
        "welsh_principal"
    }


def test_2023_reorganisation_is_reflected() -> None:
    for gone in ("Cumbria County Council", "Allerdale Borough Council", "Harrogate Borough Council",
                 "Mendip District Council", "South Somerset District Council"):
        assert not any(a.name == gone for a in load_register())
    for new in ("Cumberland Council", "Westmorland and Furness Council", "North Yorkshire Council",
                "Somerset Council"):
        assert find(new) is not None and find(new).kind == "unitary"  # type: ignore[union-attr]


def test_register_is_loaded_once() -> None:
    assert load_register() is load_register()


# ---------------------------------------------------------------- normalise

@pytest.mark.parametrize("a, b", [
    ("The London Borough of Barnet", "Barnet Council"),
    ("Royal Borough of Greenwich", "Greenwich"),
    ("Brighton & Hove City Council", "brighton and hove"),
    ("City and County of Swansea", "Swansea Council"),
    ("St Albans City and District Council", "St. Albans"),
    ("Herts CC", "Herts County Council"),
    ("Stoke-on-Trent", "Stoke on Trent City Council"),
])
def test_normalise_equates_styles(a: str, b: str) -> None:
    assert normalise(a) == normalise(b)


def test_normalise_keeps_what_distinguishes() -> None:
    assert normalise("Barnet Council") == "barnet"
    assert normalise("City of London") != normalise("London")
    assert normalise("Metropolitan Police") != normalise("Police")
    assert normalise("Hertsmere") != normalise("Hertfordshire")
    assert normalise("the County Council") == ""


# ---------------------------------------------------------------- find

@pytest.mark.parametrize("hint", [
    "Barnet Council", "London Borough of Barnet", "LB Barnet", "barnet.gov.uk",
    "foi@barnet.gov.uk", "FOI Team <foi@barnet.gov.uk>", "https://www.barnet.gov.uk/foi",
    "barnet", "barnet-foi-response-2024", "/tmp/replies/barnet.pdf", "Barnet London Borough Council",
])
def test_find_barnet_in_every_form(hint: str) -> None:
    assert name_of(hint) == "London Borough of Barnet"


@pytest.mark.parametrize("hint, expected", [
    ("Devon", "Devon County Council"),
    ("devon.pdf", "Devon County Council"),
    ("Devon operates a cloud first policy", "Devon County Council"),
    ("Devon County Council FOI Team", "Devon County Council"),
    ("north-devon", "North Devon District Council"),
    ("North Devon Council", "North Devon District Council"),
    ("Mid Devon", "Mid Devon District Council"),
    ("Hertsmere", "Hertsmere Borough Council"),
    ("Information Governance, Hertsmere Borough Council", "Hertsmere Borough Council"),
    ("Hertfordshire", "Hertfordshire County Council"),
    ("Herts County Council", "Hertfordshire County Council"),
    ("Derby", "Derby City Council"),
    ("Derbyshire", "Derbyshire County Council"),
    ("Nottingham", "Nottingham City Council"),
    ("Nottinghamshire", "Nottinghamshire County Council"),
    ("Stoke", "Stoke-on-Trent City Council"),
    ("Staffordshire", "Staffordshire County Council"),
    ("Newcastle-under-Lyme", "Newcastle-under-Lyme Borough Council"),
    ("Newcastle upon Tyne", "Newcastle City Council"),
    ("Lincoln", "City of Lincoln Council"),
    ("Lincolnshire", "Lincolnshire County Council"),
    ("Durham", "Durham County Council"),
    ("County Durham", "Durham County Council"),
    ("Kingston upon Hull", "Hull City Council"),
    ("City of Edinburgh Council", "City of Edinburgh Council"),
    ("Edinburgh", "City of Edinburgh Council"),
    ("Western Isles Council", "Comhairle nan Eilean Siar"),
    ("Swansea", "City and County of Swansea"),
    ("King's Lynn", "Borough Council of King's Lynn and West Norfolk"),
    ("Brighton & Hove", "Brighton and Hove City Council"),
    ("Somerset County Council", "Somerset Council"),  # the pre-2023 name still finds the body
    ("City of London", "City of London Corporation"),
    ("Kent", "Kent County Council"),
    ("Kent Police", "Kent Police"),
    ("Metropolitan Police", "Metropolitan Police Service"),
    ("PSNI", "Police Service of Northern Ireland"),
    ("Lewes District Council <foi@lewes-eastbourne.gov.uk>", "Lewes District Council"),
])
def test_find(hint: str, expected: str) -> None:
    assert name_of(hint) == expected


@pytest.mark.parametrize("hint, expected", [
    ("Hertfordshre County Council", "Hertfordshire County Council"),
    ("Wirrall Council", "Wirral Council"),
    ("Glouchestershire", "Gloucestershire County Council"),
])
def test_find_forgives_one_typo(hint: str, expected: str) -> None:
    assert name_of(hint) == expected


@pytest.mark.parametrize("hint", [
    # fictional bodies, as in our fixture corpora
    "Northshire County Council", "Southvale Borough Council", "Kingsford Metropolitan Borough Council",
    "Cwm Taf Valley Council", "Loch Arran Council", "Marshfield City Council", "Eastmoor Council",
    "Fenland Vale Police", "Kingsford and Wyre Police", "Cambria Marches Police",
    # no single body
    "the County Council", "Council", "London", "Yorkshire", "Northamptonshire", "Bedfordshire",
    "Cumbria", "", "   ",
    # a domain two councils share, or that no register body uses
    "foi@lewes-eastbourne.gov.uk", "adur-worthing.gov.uk", "foi@northshire.gov.uk",
    # a place inside another body's name, or a word that is also a place
    "Bury St Edmunds Town Council", "bury-st-edmunds", "South Devon College", "Kent Fire",
    "Reading the request carefully, we", "Devon and Cornwall Police Federation",
    # typos that could be either of two bodies
    "Eest Lothian", "West Lothian Councl",
])
def test_find_returns_none_rather_than_guess(hint: str) -> None:
    assert find(hint) is None, (hint, find(hint))


def test_tricky_pairs_are_different_bodies() -> None:
    pairs = [("Hertsmere", "Hertfordshire"), ("Stoke", "Staffordshire"), ("Derby", "Derbyshire"),
             ("Nottingham", "Nottinghamshire"), ("Mid Devon", "Devon"), ("Lincoln", "Lincolnshire"),
             ("Newcastle-under-Lyme", "Newcastle upon Tyne"), ("Kent", "Kent Police"),
             ("East Lothian", "West Lothian"), ("Aberdeen", "Aberdeenshire")]
    for a, b in pairs:
        fa, fb = find(a), find(b)
        assert fa is not None and fb is not None and fa != fb, (a, b)


def test_every_body_is_found_by_its_name_domain_and_aliases() -> None:
    shared = {d for d, bodies in _index().domains.items() if len(bodies) > 1}
    for a in load_register():
        assert find(a.name) == a, a.name
        if a.domain and a.domain not in shared:
            assert find(f"foi@{a.domain}") == a, a.domain
        for alias in a.aliases:
            if alias.lower() not in shared:
                assert find(alias) == a, (a.name, alias)


# ---------------------------------------------------------------- same_body, canonical, county_of

def test_same_body() -> None:
    assert same_body("Barnet Council", "London Borough of Barnet")
    assert same_body("foi@hertsmere.gov.uk", "Hertsmere Borough Council")
    assert not same_body("Hertsmere Borough Council", "Hertfordshire County Council")
    assert same_body("Northshire County Council", "the Northshire County Council")
    assert not same_body("Northshire County Council", "Southvale Borough Council")
    assert not same_body("Barnet Council", "Northshire County Council")
    assert not same_body("", "the Council")


def test_canonical() -> None:
    assert canonical("LB Barnet") == "London Borough of Barnet"
    assert canonical("herts county council") == "Hertfordshire County Council"
    assert canonical("  Northshire   County Council. ") == "Northshire County Council"


def test_county_of_a_district() -> None:
    assert county_of("Hertsmere Borough Council") == find("Hertfordshire County Council")
    assert county_of("north-devon").name == "Devon County Council"  # type: ignore[union-attr]
    assert county_of("Devon County Council") is None  # a county has no county
    assert county_of("London Borough of Barnet") is None  # nor a London borough
    assert county_of("Northshire District Council") is None


# ---------------------------------------------------------------- find_in_text

def test_find_in_text_spans_and_forms() -> None:
    text = ("Dear Ms Smith,\nBarnet Council received your request on 3 May. This information "
            "is held by Hertfordshire County Council; please write to foi@hertfordshire.gov.uk. "
            "We also consulted Mid Devon District Council and the LB Barnet legal team.\n"
            "Many people live in Barnet. Council tax is set by the County Council of Devon.")
    found = find_in_text(text)
    assert [(text[s:e], a.name) for s, e, a in found] == [
        ("Barnet Council", "London Borough of Barnet"),
        ("Hertfordshire County Council", "Hertfordshire County Council"),
        ("hertfordshire.gov.uk", "Hertfordshire County Council"),
        ("Mid Devon District Council", "Mid Devon District Council"),
        ("LB Barnet", "London Borough of Barnet"),
    ]
    assert all(isinstance(a, Authority) for _, _, a in found)


def test_find_in_text_ignores_bare_places_and_fiction() -> None:
    assert find_in_text("Devon operates a cloud first policy in Kent and Barnet.") == []
    assert find_in_text("Northshire County Council holds no such data.") == []
    assert find_in_text("reading council minutes takes time") == []  # not a name in lower case


def test_find_in_text_across_line_breaks_and_ampersands() -> None:
    text = "Sent on behalf of Brighton &\nHove City Council by the\nLondon Borough of\nBarnet"
    names = [a.name for _, _, a in find_in_text(text)]
    assert names == ["Brighton and Hove City Council", "London Borough of Barnet"]


def test_find_in_text_reads_whole_long_replies() -> None:
    filler = "The council does not hold this information. " * 200
    text = filler + "Please contact Kent County Council." + filler + "foi@barnet.gov.uk"
    found = find_in_text(text)
    assert [a.name for _, _, a in found] == ["Kent County Council", "London Borough of Barnet"]
    s, e, _ = found[0]
    assert text[s:e] == "Kent County Council"
