"""What one process keeps between documents: the parser made for a set of options, and the
JSON written straight from the models."""

from __future__ import annotations

import json

from weeknote_parser import api, parse, to_json

TEXT = "Weeknote 12.22\n\nShipped the thing."


def test_parse_keeps_one_parser_per_set_of_options() -> None:
    api._PARSERS.clear()
    parse(TEXT, year=2022)
    parse(TEXT, year=2022)
    assert len(api._PARSERS) == 1
    parse(TEXT, year=2023)
    assert len(api._PARSERS) == 2


def test_the_kept_parsers_are_bounded() -> None:
    api._PARSERS.clear()
    for year in range(2000, 2000 + api._KEPT_PARSERS + 5):
        parse(TEXT, year=year)
    assert len(api._PARSERS) == api._KEPT_PARSERS


def test_a_kept_parser_gives_the_same_document_as_a_fresh_one() -> None:
    api._PARSERS.clear()
    first = to_json(parse(TEXT, year=2022))
    assert to_json(parse(TEXT, year=2022)) == first


def test_json_is_what_the_models_dump() -> None:
    document = parse(TEXT, year=2022)
    assert json.loads(to_json(document)) == document.model_dump(mode="json")
    assert to_json(document, pretty=True).startswith(b'{\n  "schema_version"')


def test_a_parser_remembers_section_kinds_and_they_are_the_tables() -> None:
    from weeknote_parser import ParseOptions, Parser, SectionKind
    from weeknote_parser.kinds import KindTable
    from weeknote_parser.parser import _RememberedKinds

    extra = {SectionKind.WENT_WELL: ("Shipped stuff",)}
    plain = KindTable(extra)
    remembered = Parser(ParseOptions(vocabulary=extra)).kinds
    assert isinstance(remembered, _RememberedKinds)
    headings = ("Went well", "Next week", "Shipped stuff", "Café reading", "Nothing", "Next week")
    for heading in headings:
        assert remembered.classify(heading) == plain.classify(heading)
    assert remembered.classify("Shipped stuff") is SectionKind.WENT_WELL
    for number in range(_RememberedKinds.MAX_HEADINGS + 3):
        remembered.classify(f"Heading {number}")
    assert len(remembered._known) <= _RememberedKinds.MAX_HEADINGS
