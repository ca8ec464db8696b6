"""A series report as one self-contained HTML page: a calendar of weeks (a strip per ISO year,
gaps visible), the findings linked to the notes, and every note's title, week and sections;
clicking a week shows its notes.

The page needs nothing but itself: inline CSS, inline SVG and a small inline script, no
network (its Content-Security-Policy forbids any). Notes are untrusted text: every piece of
them is escaped, and none is ever put inside the script.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Iterator, Sequence

from ..models import Document, ListBlock, Note, Paragraph, Section
from .models import Finding, NoteRef, Series, SeriesNote, SeriesSet
from .table import count_of

CELL = 14  # the width of a week in the strip, in SVG units
COLUMNS = 53  # the weeks of the longest ISO year
_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)

_STYLE = """
:root{--ink:#1d2430;--muted:#5b6472;--line:#d5dae1;--gap:#f6d6d0;--one:#3f8f5b;--two:#d9822b;
--out:#f1f3f5;--sel:#1f5fbf;color:var(--ink);
font-family:system-ui,-apple-system,"Segoe UI",sans-serif}
body{margin:0 auto;max-width:72rem;padding:1.5rem;line-height:1.45}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{margin-top:2.5rem;border-bottom:2px solid var(--line)}
.muted,.meta{color:var(--muted)}.year{display:flex;align-items:center;gap:.5rem;margin:.2rem 0}
.year-label{width:3.2rem;font-variant-numeric:tabular-nums;color:var(--muted)}
svg.strip{flex:1;width:100%;height:auto}rect.out{fill:var(--out)}
rect.week{cursor:pointer;stroke:#fff;stroke-width:1}rect.w0{fill:var(--gap);stroke:#c0503a}
rect.w1{fill:var(--one)}rect.w2{fill:var(--two)}rect.placed{fill-opacity:.65}
rect.week:hover,rect.week:focus{stroke:var(--ink);stroke-width:2;outline:none}
rect.selected{stroke:var(--sel);stroke-width:3}
.legend{display:flex;gap:1rem;font-size:.85rem;color:var(--muted);margin:.5rem 0 1rem}
.swatch{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:-.1rem}
.findings li{margin:.25rem 0}.kind{display:inline-block;font-size:.75rem;padding:0 .4rem;
border-radius:.6rem;background:var(--out);border:1px solid var(--line);margin-right:.4rem}
.k-gap{background:var(--gap)}.k-duplicate{background:#f7dfc4}
.selection{font-weight:600;margin:1rem 0 .5rem}
article.note{border:1px solid var(--line);border-radius:.5rem;padding:.5rem 1rem;margin:.75rem 0}
article.note h4{margin:.25rem 0;font-size:1.1rem}article.note h5{margin:.75rem 0 .25rem}
.js article.note:not(.shown){display:none}
table.plans{border-collapse:collapse;font-size:.9rem}table.plans td,table.plans th{
border-bottom:1px solid var(--line);padding:.2rem .5rem;text-align:left;vertical-align:top}
button{font:inherit}table.plans td:nth-child(2){white-space:nowrap}
"""

_SCRIPT = """
(function () {
  document.body.classList.add('js');
  function weeksOf(note) {
    return (note.getAttribute('data-weeks') || '').split(' ').filter(Boolean);
  }
  function show(seriesId, week, noteId) {
    var root = document.getElementById(seriesId);
    if (!root) { return; }
    var notes = root.querySelectorAll('article.note'), shown = 0;
    for (var i = 0; i < notes.length; i++) {
      var on = noteId ? notes[i].id === noteId : weeksOf(notes[i]).indexOf(week) >= 0;
      notes[i].classList.toggle('shown', on);
      if (on) {
        shown++;
        if (!week) { week = weeksOf(notes[i])[0] || ''; }
      }
    }
    var cells = root.querySelectorAll('rect.week'), current = null;
    for (var j = 0; j < cells.length; j++) {
      var chosen = cells[j].getAttribute('data-week') === week;
      cells[j].classList.toggle('selected', chosen);
      if (chosen) { current = cells[j]; }
    }
    if (current) { roving(root, current); }
    var count = shown === 1 ? '1 note' : shown + ' notes';
    root.querySelector('.selection').textContent =
      week ? week + ': ' + (shown ? count : 'no note (a gap)') : 'a note in no week';
  }
  function showAll(root) {
    var notes = root.querySelectorAll('article.note');
    for (var i = 0; i < notes.length; i++) { notes[i].classList.add('shown'); }
    root.querySelector('.selection').textContent = 'every note';
  }
  document.addEventListener('click', function (event) {
    var target = event.target.closest('[data-week],[data-note],[data-all]');
    if (!target) { return; }
    var root = target.closest('section.series');
    event.preventDefault();
    if (target.hasAttribute('data-all')) {
      showAll(root);
    } else if (target.hasAttribute('data-note')) {
      show(root.id, null, target.getAttribute('data-note'));
    } else {
      show(root.id, target.getAttribute('data-week'), null);
    }
    if (target.tagName.toLowerCase() !== 'rect') {
      root.querySelector('.selection').scrollIntoView({block: 'start'});
    }
  });
  function roving(root, cell) {
    var cells = root.querySelectorAll('rect.week');
    for (var i = 0; i < cells.length; i++) {
      cells[i].setAttribute('tabindex', cells[i] === cell ? '0' : '-1');
    }
  }
  var MOVES = {ArrowLeft: -1, ArrowRight: 1};
  function yearAway(root, cell, years) {
    var parts = cell.getAttribute('data-week').split('-W');
    var year = String(Number(parts[0]) + years);
    var found = root.querySelector('rect.week[data-week="' + year + '-W' + parts[1] + '"]');
    return found || (parts[1] === '53' &&
      root.querySelector('rect.week[data-week="' + year + '-W52"]'));
  }
  document.addEventListener('keydown', function (event) {
    var target = event.target;
    if (!target.matches || !target.matches('rect.week')) { return; }
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      target.dispatchEvent(new MouseEvent('click', {bubbles: true}));
      return;
    }
    var root = target.closest('section.series');
    var cells = Array.prototype.slice.call(root.querySelectorAll('rect.week'));
    var at = cells.indexOf(target), next = null;
    if (event.key in MOVES) { next = cells[at + MOVES[event.key]]; }
    else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      next = yearAway(root, target, event.key === 'ArrowUp' ? -1 : 1);
    }
    else if (event.key === 'Home') { next = cells[0]; }
    else if (event.key === 'End') { next = cells[cells.length - 1]; }
    else { return; }
    event.preventDefault();
    if (!next) { return; }
    next.focus();
    next.dispatchEvent(new MouseEvent('click', {bubbles: true}));
  });
  var all = document.querySelectorAll('section.series');
  for (var k = 0; k < all.length; k++) {
    var first = all[k].querySelector('rect.week.w1, rect.week.w2');
    if (first) { show(all[k].id, first.getAttribute('data-week'), null); }
    else { showAll(all[k]); }  // a series in no week: every note
  }
})();
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _weeks_in(year: int) -> int:
    return dt.date(year, 12, 28).isocalendar()[1]


def _notes_by_ref(documents: Iterable[Document]) -> dict[tuple[str | None, int], Note]:
    found: dict[tuple[str | None, int], Note] = {}
    for document in documents:
        for index, note in enumerate(document.notes):
            found.setdefault((document.source.path, index), note)
    return found


def _calendar(series: Series) -> Iterator[str]:
    placed = {(note.ref.path, note.ref.note) for note in series.notes if note.placed_by}
    weeks = {(week.iso_year, week.iso_week): week for week in series.timeline}
    start = series.timeline[0].week if series.timeline else None  # the one week Tab reaches
    for year in sorted({week.iso_year for week in series.timeline}):
        count = _weeks_in(year)
        yield (  # 53 columns in every year, so that a week sits below the same week
            f'<div class="year"><span class="year-label">{year}</span><svg class="strip" '
            f'viewBox="0 0 {COLUMNS * CELL} 20" width="{COLUMNS * CELL}" height="20" role="group" '
            f'aria-label="ISO weeks of {year}">'
        )
        for number in range(1, count + 1):
            x = (number - 1) * CELL
            week = weeks.get((year, number))
            if week is None:
                yield f'<rect class="out" x="{x}" y="2" width="{CELL - 2}" height="16"/>'
                continue
            level = min(len(week.notes), 2)
            extra = " placed" if any((r.path, r.note) in placed for r in week.notes) else ""
            names = "; ".join(ref.title or "untitled" for ref in week.notes) or "no note"
            tabindex = 0 if week.week == start else -1
            yield (
                f'<rect class="week w{level}{extra}" data-week="{week.week}" x="{x}" y="2" '
                f'width="{CELL - 2}" height="16" tabindex="{tabindex}" role="button" '
                f'aria-label="{_e(week.week)}: {_e(names)}"><title>{_e(week.week)} (Monday '
                f"{week.start}): {_e(names)}</title></rect>"
            )
        yield "</svg></div>"


def _legend() -> str:
    items = [
        ("var(--one)", "one note"),
        ("var(--two)", "two or more (a duplicate)"),
        ("var(--gap)", "no note (a gap)"),
        ("var(--out)", "outside the series"),
    ]
    spans = "".join(
        f'<span><span class="swatch" style="background:{colour}"></span>{label}</span>'
        for colour, label in items
    )
    return f'<div class="legend">{spans}<span>paler: placed by the series</span></div>'


def _note_link(ref: NoteRef, ids: dict[tuple[str | None, int], str]) -> str:
    target = ids.get((ref.path, ref.note), "")
    title = ref.title or f"untitled note {ref.note}"
    return f'<a href="#{target}" data-note="{target}">{_e(title)}</a>'


def _finding(finding: Finding, ids: dict[tuple[str | None, int], str]) -> str:
    weeks = " ".join(f'<a href="#" data-week="{_e(w)}">{_e(w)}</a>' for w in finding.weeks)
    notes = ", ".join(_note_link(ref, ids) for ref in finding.notes)
    kind = _e(finding.kind.value)
    return (
        f'<li class="finding"><span class="kind k-{kind}">{kind}</span>{_e(finding.message)}'
        f'<br><span class="meta">weeks: {weeks or "none"}; notes: {notes}</span></li>'
    )


def _blocks(section: Section) -> Iterator[str]:
    for block in section.blocks:
        if isinstance(block, Paragraph):
            yield f"<p>{_e(block.text)}</p>"
        elif isinstance(block, ListBlock):
            yield _list(block)


def _list(block: ListBlock) -> str:
    tag = "ol" if block.style == "numbered" else "ul"
    children: dict[int | None, list[ListBlock]] = {}
    for child in block.children:
        children.setdefault(child.parent, []).append(child)
    items = []
    for index, item in enumerate(block.items):
        box = {True: "☑ ", False: "☐ ", None: ""}[item.checked]
        nested = "".join(_list(child) for child in children.get(index, []))
        items.append(f"<li>{box}{_e(item.text)}{nested}</li>")
    lead = f"<p>{_e(block.lead_in)}</p>" if block.lead_in and block.depth == 1 else ""
    return f"{lead}<{tag}>{''.join(items)}</{tag}>"


def _note(entry: SeriesNote, note: Note | None, nid: str, placed: str, weeks: list[str]) -> str:
    ref = entry.ref
    week = entry.week
    when = ref.week or "no week"
    if len(weeks) > 1:
        when = f"{weeks[0]} to {weeks[-1]}"
    if week is not None and week.start is not None:
        when += f" (Monday {week.start}, {_e(week.raw)}; year from {_e(week.year_source)})"
    published = f" · published {entry.published}" if entry.published else ""
    parts = [
        f'<article class="note" id="{nid}" data-weeks="{_e(" ".join(weeks))}">',
        f"<h4>{_e(ref.title or 'Untitled note')}</h4>",
        f'<p class="meta">week {when}{published} · {_e(ref.path or "<text>")}, lines '
        f"{ref.span[0] + 1} to {ref.span[1]} · {entry.words} words{placed}</p>",
    ]
    for section in note.sections if note is not None else []:
        heading = _e(section.heading) if section.heading else "<em>Opening</em>"
        parts.append(
            f'<section><h5>{heading} <span class="kind">{_e(section.kind.value)}</span></h5>'
            f"{''.join(_blocks(section))}</section>"
        )
    parts.append("</article>")
    return "".join(parts)


def _plans(series: Series, ids: dict[tuple[str | None, int], str]) -> Iterator[str]:
    followed = [plan for plan in series.plans if plan.followed_by is not None]
    if not followed:
        return
    done = sum(1 for plan in followed if plan.matched)
    yield f"<h3>Plans and what happened ({done} of {len(followed)} followed up)</h3>"
    yield '<table class="plans"><tr><th>plan</th><th>in</th><th>score</th><th>next note</th></tr>'
    for plan in followed:
        said = (
            _e(plan.best.text) if plan.best is not None and plan.matched else "<em>not found</em>"
        )
        score = f"{plan.best.score:.2f}" if plan.best is not None else "–"
        yield (
            f"<tr><td>{_e(plan.text)}</td><td>{_note_link(plan.note, ids)}</td><td>{score}</td>"
            f"<td>{said}</td></tr>"
        )
    yield "</table>"


def _series(series: Series, sid: str, notes: dict[tuple[str | None, int], Note]) -> Iterator[str]:
    ids = {(each.ref.path, each.ref.note): f"{sid}-n{i}" for i, each in enumerate(series.notes)}
    covers: dict[tuple[str | None, int], list[str]] = {}
    for week in series.timeline:
        for ref in week.notes:
            covers.setdefault((ref.path, ref.note), []).append(week.week)
    stats = series.stats
    if series.timeline:
        weeks = (
            f"{series.timeline[0].week} to {series.timeline[-1].week} · "
            f"{count_of(stats.weeks, 'week')}, {stats.weeks_with_notes} with a note"
        )
    else:
        weeks = "in no week"
    yield f'<section class="series" id="{sid}"><h2>{_e(series.label)}</h2>'
    yield (
        f'<p class="muted">{count_of(stats.notes, "note")} · {weeks} · '
        f"{count_of(len(series.findings), 'finding')} · {stats.words_mean} words a note on "
        "average</p>"
    )
    if series.timeline:
        yield '<div class="calendar">'
        yield from _calendar(series)
        yield "</div>" + _legend()
    yield '<h3>Notes</h3><p class="selection" aria-live="polite"></p>'
    yield '<p><button type="button" data-all="1">Show every note</button></p>'
    for index, each in enumerate(series.notes):
        placed = ""
        if each.placed_by:
            fixed = ", ".join(_note_link(ref, ids) for ref in each.placed_by)
            placed = f" · placed by the series, from {fixed}"
        key = (each.ref.path, each.ref.note)
        yield _note(each, notes.get(key), f"{sid}-n{index}", placed, covers.get(key, []))
    yield f"<h3>Findings ({len(series.findings)})</h3>"
    if series.findings:
        yield '<ol class="findings">'
        yield from (_finding(finding, ids) for finding in series.findings)
        yield "</ol>"
    else:
        yield '<p class="muted">None: a note every week.</p>'
    yield from _plans(series, ids)
    yield "</section>"


def report_html(
    found: SeriesSet, documents: Sequence[Document], *, title: str = "Weeknotes"
) -> str:
    """The report of ``found`` (made from ``documents``, whose notes' sections it shows) as
    one HTML page."""
    notes = _notes_by_ref(documents)
    total = sum(series.stats.notes for series in found.series)
    body = [
        f'<header><h1>{_e(title)}</h1><p class="muted">{len(found.series)} series, '
        f"{count_of(total, 'note')}, grouped by {_e(found.group_by)}. Click a week to see its "
        "notes.</p></header>"
    ]
    if not found.series:
        body.append('<p class="muted">No notes were read.</p>')
    for index, series in enumerate(found.series):
        body.extend(_series(series, f"s{index}", notes))
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{_STYLE}</style></head><body>"
        + "\n".join(body)
        + f"<script>{_SCRIPT}</script></body></html>\n"
    )
