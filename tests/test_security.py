"""weeknote_parser reads only the input it is given: no network, no file it was not handed.

The guard (tests/security_guard.py, installed for the whole session by conftest) refuses and
records network use and any open made with package code on the stack; the autouse fixture
fails a test that caused one. So every test below that parses something also proves that the
parse touched nothing: it would fail otherwise.
"""

from __future__ import annotations

import contextlib
import socket
import sys
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from weeknote_parser import Document, InputError, Parser, parse, parse_file
from weeknote_parser.cli import EXIT_INPUT_ERROR, EXIT_OK, command
from weeknote_parser.readers import read_input
from weeknote_parser.state import ParseState

from . import security_guard
from .conftest import EXAMPLES, ROOT

FEED = EXAMPLES / "feeds" / "team-rss.xml"
NOT_A_FEED = "not a readable RSS or Atom feed"


# -- the guard itself ------------------------------------------------------------------------
def parse_running(action: Callable[[], object]) -> Document:
    """Parse a line of text with a parser whose first recogniser runs ``action``.

    The recogniser is added through the registry, as any user's would be, so ``action`` runs
    with the parser's own frames (weeknote_parser.parser) on the stack: exactly the position
    of package code that reaches outside its input. No frame or module name is faked.
    """

    def probe(state: ParseState, line: int, *, silent: bool) -> bool:
        action()
        return False

    parser = Parser()
    parser.rules.before(parser.rules.names()[0], "probe", probe)
    return parser.parse("Some words.")


def only_violation() -> security_guard.Violation:
    found = security_guard.take_violations()
    assert len(found) == 1, found
    return found[0]


def test_an_open_with_package_code_on_the_stack_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("private", encoding="utf-8")
    with pytest.raises(security_guard.RefusedError):
        parse_running(secret.read_text)
    violation = only_violation()
    assert (violation.event, violation.target) == ("open", repr(str(secret)))
    assert violation.caller.startswith("weeknote_parser.parser.Parser._parse_source")


def connect(address: tuple[str, int]) -> None:
    with socket.socket() as connection:
        connection.settimeout(1)
        connection.connect(address)


@pytest.mark.parametrize(
    ("action", "event"),
    [
        (lambda: connect(("127.0.0.1", 9)), "socket.connect"),
        (lambda: socket.getaddrinfo("example.invalid", 80), "socket.getaddrinfo"),
        (lambda: socket.gethostbyname("example.invalid"), "socket.gethostbyname"),
        (lambda: urllib.request.urlopen("http://127.0.0.1:9/", timeout=1), "urllib.Request"),
    ],
    ids=["connect", "getaddrinfo", "gethostbyname", "urlopen"],
)
def test_network_use_is_refused(action: Callable[[], object], event: str) -> None:
    with pytest.raises(security_guard.RefusedError):
        parse_running(action)
    violation = only_violation()
    assert violation.event == event
    assert violation.caller.startswith("weeknote_parser.parser.Parser._parse_source")


def test_network_use_is_refused_outside_the_package_too() -> None:
    with pytest.raises(security_guard.RefusedError):
        socket.getaddrinfo("example.invalid", 80)
    assert only_violation().caller.endswith("with no weeknote_parser code on the stack")


def test_a_swallowed_refusal_is_still_recorded(tmp_path: Path) -> None:
    def sneaky() -> None:
        with contextlib.suppress(OSError):
            (tmp_path / "x").read_bytes()

    assert parse_running(sneaky).notes  # the parse went on as if nothing happened
    assert only_violation().event == "open"


def test_opens_outside_the_package_and_the_sanctioned_read_are_allowed(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Weeknote 3.2021\n\nHello.\n", encoding="utf-8")
    assert note.read_text(encoding="utf-8")  # the test itself may open files
    assert parse_file(note).notes[0].title == "Weeknote 3.2021"  # through read_bytes
    assert security_guard.take_violations() == []


def test_imports_made_by_package_code_are_allowed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "lazily_loaded_helper.py").write_text("VALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "lazily_loaded_helper", raising=False)
    parse_running(lambda: __import__("lazily_loaded_helper"))
    assert security_guard.take_violations() == []


def test_the_fixture_fails_a_test_whose_code_swallowed_the_refusal(
    pytester: pytest.Pytester,
) -> None:
    pytester.makeconftest(
        "from tests.conftest import guard_against_outside_access, pytest_runtest_call  # noqa"
    )
    pytester.makepyfile(
        """
        import socket

        from weeknote_parser import Parser


        def test_quietly_connects():
            def probe(state, line, *, silent):
                try:
                    socket.create_connection(("127.0.0.1", 9), timeout=1)
                except OSError:
                    pass
                return False

            parser = Parser()
            parser.rules.before(parser.rules.names()[0], "probe", probe)
            parser.parse("Some words.")


        def test_parses_quietly():
            Parser().parse("Some words.")
        """
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*weeknote_parser reached outside its input in this test*"])
    result.stdout.fnmatch_lines(["*socket.* of *127.0.0.1*Parser._parse_source*"])


# -- feed content that names a location is only text --------------------------------------------
def _locations() -> list[str]:
    urls = [
        "http://127.0.0.1:9/feed.xml",
        "https://example.com/feed.xml",
        "feed://example.com/feed.xml",
        "feed:https://example.com/feed.xml",
        "ftp://example.com/feed.xml",
        FEED.resolve().as_uri(),  # file:///…/team-rss.xml
        "file://localhost" + str(FEED.resolve()),
        str(FEED.resolve()),  # an absolute path of a real feed
        "examples/feeds/team-rss.xml",  # a relative one (the tests run in the project folder)
    ]
    wrappers = ["{}", " {} ", "\ufeff{}", "{}\n", "\n{}\r\n", " \ufeff\t{}\n"]
    return [wrapper.format(url) for url in urls for wrapper in wrappers]


LOCATIONS = _locations()


@pytest.fixture(autouse=True)
def _in_the_project(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # relative paths above name real files


def assert_not_read(outcome: Document | InputError) -> None:
    """A location given as a feed's content gives no notes or a one-line error."""
    if isinstance(outcome, InputError):
        assert NOT_A_FEED in str(outcome)
        assert "\n" not in str(outcome)
    else:
        assert outcome.notes == []


def parse_outcome(text: str) -> Document | InputError:
    try:
        return parse(text, format="feed")
    except InputError as error:
        return error


@pytest.mark.parametrize("text", LOCATIONS)
def test_parse_reads_no_location_named_by_the_text(text: str) -> None:
    assert_not_read(parse_outcome(text))


@pytest.mark.parametrize("text", LOCATIONS)
def test_read_input_reads_no_location_named_by_the_bytes(text: str) -> None:
    try:
        outcome: Document | InputError = Parser().parse_input(
            read_input(text.encode("utf-8"), name="<stdin>", format="feed")
        )
    except InputError as error:
        outcome = error
    assert_not_read(outcome)


def test_the_error_does_not_tell_whether_a_file_exists() -> None:
    assert Path("examples/feeds/team-rss.xml").is_file()
    assert not Path("examples/feeds/none-rss.xml").exists()
    found, missing = (
        parse_outcome("examples/feeds/team-rss.xml"),
        parse_outcome("examples/feeds/none-rss.xml"),
    )
    assert isinstance(found, InputError)
    assert str(found) == str(missing)


@pytest.mark.parametrize(
    "text", ["https://example.com/feed.xml\n", " \ufeff" + FEED.resolve().as_uri(), str(FEED)]
)
def test_cli_stdin_naming_a_location_is_a_one_line_error(text: str) -> None:
    result = CliRunner().invoke(command, ["--format", "feed", "-"], input=text.encode("utf-8"))
    assert (result.exit_code, result.stdout) == (EXIT_INPUT_ERROR, "")
    assert result.stderr.startswith(f"Error: <stdin>: {NOT_A_FEED}: ")
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize("text", ["http://127.0.0.1:9/feed.xml", str(FEED.resolve())])
def test_cli_feed_file_naming_a_location_is_a_one_line_error(text: str, tmp_path: Path) -> None:
    pointer = tmp_path / "pointer.xml"
    pointer.write_text(text + "\n", encoding="utf-8")
    result = CliRunner().invoke(command, [str(pointer)])
    assert (result.exit_code, result.stdout) == (EXIT_INPUT_ERROR, "")
    assert result.stderr.startswith(f"Error: {pointer}: {NOT_A_FEED}: ")
    assert result.stderr.count("\n") == 1


def test_cli_still_reads_a_feed_file() -> None:
    result = CliRunner().invoke(command, [str(FEED)])
    assert (result.exit_code, result.stderr) == (EXIT_OK, "")
    assert "Weeknote" in result.stdout


# -- what a feed's markup may point at is not loaded -------------------------------------------
MARKER = "contents-of-a-private-file"


@pytest.fixture
def private_uri(tmp_path: Path) -> str:
    private = tmp_path / "private.txt"
    private.write_text(MARKER, encoding="utf-8")
    return private.as_uri()


@pytest.mark.parametrize(
    "template",
    [
        # An external general entity, used in the feed and in an entry.
        '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM "{uri}">]>\n'
        '<rss version="2.0"><channel><title>T &x;</title>'
        "<item><title>A &x;</title><description>d &x;</description></item></channel></rss>",
        # An external DTD.
        '<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "{uri}">\n'
        '<rss version="2.0"><channel><item><title>A</title></item></channel></rss>',
        # An external parameter entity.
        '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY % p SYSTEM "{uri}"> %p;]>\n'
        '<rss version="2.0"><channel><item><title>A</title></item></channel></rss>',
        # Entry HTML declaring an entity, and pointing an image at the file.
        '<rss version="2.0"><channel><item><title>A</title><description><![CDATA['
        '<!DOCTYPE html [<!ENTITY y SYSTEM "{uri}">]><p>&y; <img src="{uri}"></p>'
        "]]></description></item></channel></rss>",
        # Relative links resolved against an xml:base that is a file.
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="{uri}"><entry><title>A</title>'
        '<content type="html">&lt;a href="x"&gt;x&lt;/a&gt;</content></entry></feed>',
    ],
    ids=["entity", "dtd", "parameter-entity", "entry-html", "xml-base"],
)
def test_nothing_a_feed_points_at_is_loaded(template: str, private_uri: str) -> None:
    document = parse(template.format(uri=private_uri), format="feed")
    assert MARKER not in document.model_dump_json()  # C-level reads are invisible to the guard
    assert [n.title for n in document.notes][:1] in (["A"], ["A &x;"])
