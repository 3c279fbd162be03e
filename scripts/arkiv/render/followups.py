"""»Opfølgning«: what the councils promised in their minutes, and where it was answered (issue 21).

Per council: the open promises (with how long they have been open, counted in the council's
later meetings in the archive – a count the data gives, unlike a number of days from the build's
clock), the answered ones with the meeting and item that answered them, and the lapsed ones;
then the same promises per theme (the themes of the item they were made in). The approved-minutes
chain and each item's own promises are on the meeting pages (render/meeting.py).
"""

from __future__ import annotations

from ..danish import format_date, sort_key
from ..model import ANSWERED, LAPSED, OPEN, Archive, FollowUp, Meeting
from .blocks import block
from .common import attr, html_link, link, meeting_path, meeting_title, page_header, plural, theme_path

FOLLOW_UPS_PAGE = "opfoelgning.md"
_HEADINGS = {OPEN: "Åbne løfter", ANSWERED: "Besvarede løfter", LAPSED: "Bortfaldne løfter"}


def _item(archive: Archive, meeting: Meeting, ref: str) -> str:
    section = meeting.part(ref)
    anchor = section.anchor if section else None
    what = f"punkt {ref}" if section is not None and section.number else (section.label if section else ref)
    return html_link(link(FOLLOW_UPS_PAGE, meeting_path(meeting), anchor), f"{meeting_title(meeting)}, {what}")


def _row(archive: Archive, meeting: Meeting, follow_up: FollowUp) -> str:
    if follow_up.promise:
        promise = f"»{attr(follow_up.promise)}«"
    else:
        earlier = follow_up.earlier
        when = format_date(earlier.date) if earlier and earlier.date else "et tidligere møde"
        promise = f"et løfte fra mødet {when} (mødet er ikke i arkivet)"
    made = _item(archive, meeting, follow_up.item)
    if follow_up.status == ANSWERED and follow_up.answer:
        answer = follow_up.answer
        status = (f"besvaret på {_item(archive, archive.meeting(answer.meeting), answer.item)}: "
                  f"»{attr(answer.text)}«")
    elif follow_up.status == LAPSED:
        status = "bortfaldet" + (f": {attr(follow_up.note)}" if follow_up.note else "")
    else:
        later = sum(1 for m in archive.council_meetings(meeting.council) if m.sort_key > meeting.sort_key)
        status = (f"åben i {plural(later, 'senere møde', 'senere møder')} i arkivet" if later
                  else "åben; intet senere møde i arkivet endnu")
        if follow_up.expected:
            status += f" (ventet: »{attr(follow_up.expected)}«)"
    return f"<li>{promise} – {made}: {status}</li>"


def render_follow_ups(archive: Archive) -> dict[str, str]:
    promised = [(m, f) for m in archive.meetings for f in m.follow_ups]
    parts = [page_header("Opfølgning", "Hvad rådene lovede i deres referater, og hvor det blev besvaret."),
             "# Opfølgning\n",
             "Her står det, rådene har lovet at vende tilbage til – en analyse, der »vil blive fremlagt på et "
             "senere kredsrådsmøde«, en status »som opfølgning på seneste møde« – og hvor løftet blev besvaret. "
             "Løfterne er citeret ordret fra punktet, og svaret fra det punkt, der besvarer det. Hvor længe et "
             "løfte har været åbent, tælles i rådets senere møder i arkivet.\n"]
    if not promised:
        parts.append("Der er endnu ikke registreret løfter i arkivet.\n")
        return {FOLLOW_UPS_PAGE: "\n".join(parts)}
    counts = {status: sum(1 for _, f in promised if f.status == status) for status in _HEADINGS}
    parts.append(f"I alt {plural(len(promised), 'løfte', 'løfter')}: {counts[OPEN]} åbne, {counts[ANSWERED]} "
                 f"besvarede, {counts[LAPSED]} bortfaldne.\n")
    parts.append("## Pr. råd\n")
    by_council: dict[str, list] = {}
    for meeting, follow_up in promised:
        by_council.setdefault(meeting.council, []).append((meeting, follow_up))
    for council_id in sorted(by_council, key=lambda c: sort_key(archive.councils[c].name)):
        rows = by_council[council_id]
        parts.append(f"### {attr(archive.councils[council_id].name)}\n")
        for status, heading in _HEADINGS.items():
            chosen = [(m, f) for m, f in reversed(rows) if f.status == status]
            if chosen:
                parts.append(f"#### {heading}\n\n" + block("<ul>\n" + "\n".join(_row(archive, m, f) for m, f in chosen)
                                                           + "\n</ul>"))
    parts.append("## Pr. tema\n")
    by_theme: dict[str, list] = {}
    for meeting, follow_up in promised:
        section = meeting.part(follow_up.item)
        for theme in archive.section_themes.get((meeting.id, section.anchor), ()) if section else ():
            by_theme.setdefault(theme, []).append((meeting, follow_up))
    if not by_theme:
        parts.append("Ingen af løfterne står i et punkt med et tema.\n")
    for theme_id in sorted(by_theme, key=lambda t: sort_key(archive.themes[t].title)):
        theme = archive.themes[theme_id]
        parts.append(f"### {attr(theme.title)}\n\n"
                     + block(f'<p>{html_link(link(FOLLOW_UPS_PAGE, theme_path(theme)), "Temaets side")}</p>\n<ul>\n'
                             + "\n".join(_row(archive, m, f) for m, f in reversed(by_theme[theme_id])) + "\n</ul>"))
    return {FOLLOW_UPS_PAGE: "\n".join(parts)}
