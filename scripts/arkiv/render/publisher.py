"""Who publishes the archive: the part of »Om arkivet« made from the configuration, and the
accessibility statement (tilgængelighedserklæringen) that the Danish web accessibility act asks
of a public website (its standard, its status, what is not accessible and why, how to give
feedback, the enforcement procedure, its date).

Everything comes from mkdocs.yml's `extra.arkiv` (source/site_config.py). A contact that is not
filled in is said to be missing, never made up.
"""

from __future__ import annotations

from ..danish import format_date
from ..model import Archive, SiteInfo
from ..source.site_config import DEFAULT, ENFORCEMENT, STATUSES
from .blocks import block
from .common import attr, escape, html_link, note, page_header

ABOUT_INCLUDE = "_includes/udgiver.md"  # included by docs/om.md
STATEMENT = "tilgaengelighed.md"  # arkiv/tilgaengelighed/, linked from every page's footer


def _contact_lines(site: SiteInfo) -> list[str]:
    lines = []
    if site.email:
        lines.append(f"E-mail: {html_link('mailto:' + site.email, site.email)}")
    if site.phone:
        lines.append(f"Telefon: {attr(site.phone)}")
    if site.web:
        lines.append(f"Kontaktformular: {html_link(site.web, site.web)}")
    if site.address:
        lines.append(f"Adresse: {attr(site.address)}")
    return lines


def _contact(site: SiteInfo) -> str:
    lines = _contact_lines(site)
    if not lines:
        return note("Kontaktoplysninger mangler",
                    f"{site.publisher} har endnu ikke angivet en e-mailadresse, et telefonnummer eller en "
                    "kontaktformular. De skrives i arkivets konfiguration (mkdocs.yml, extra.arkiv.kontakt).")
    return block("<ul>\n" + "\n".join(f"<li>{line}</li>" for line in lines) + "\n</ul>")


def render_about(site: SiteInfo) -> str:
    """The configured part of »Om arkivet«: publisher, contact, updates, licence."""
    licence = html_link(site.licence_url, site.licence) if site.licence_url else attr(site.licence)
    parts = [
        "## Hvem udgiver arkivet\n",
        f"Arkivet udgives af {escape(site.publisher)}. Kontakt:\n",
        _contact(site),
        "## Fejl i arkivet\n",
        "Finder du en fejl – et forkert navn, en dato, et punkt, der mangler – så skriv til udgiveren "
        "med mødets adresse og det, der er galt. Referaternes tekst rettes ikke: den er gengivet, som "
        "rådet skrev den. Arkivets egne oplysninger (personer, temaer, datoer) rettes.\n",
        "## Opdatering\n",
        escape(site.updates) + "\n" if site.updates else "Udgiveren har ikke oplyst, hvor ofte arkivet opdateres.\n",
        (f"Arkivet blev senest opdateret {format_date(site.updated)}.\n" if site.updated else ""),
        "## Licens\n",
        block(f"<p>Arkivets data og sider (opdelingen i punkter, personer, temaer og råd) må bruges under "
              f"licensen {licence}. Referaternes tekst er rådenes egen og gengives ordret.</p>"),
    ]
    return "\n".join(p for p in parts if p)


def render_statement(site: SiteInfo) -> str:
    access = site.accessibility
    dated = format_date(access.assessed) if access.assessed else "ikke oplyst"
    parts = [
        page_header("Tilgængelighedserklæring", f"Tilgængelighedserklæring for {site.publisher}s arkiv over kredsrådenes referater."),
        "# Tilgængelighedserklæring\n",
        f"{escape(site.publisher)} ønsker, at alle kan læse og søge i arkivet. Erklæringen gælder "
        "dette websted, arkivet over kredsrådenes referater, og er udarbejdet efter lov om "
        "tilgængelighed af offentlige organers websteder og mobilapplikationer "
        "(webtilgængelighedsloven).\n",
    ]
    if access.statement_url:
        parts.append(block(f"<p>Udgiverens officielle erklæring i Digitaliseringsstyrelsens WAS-Tool: "
                           f"{html_link(access.statement_url, access.statement_url)}</p>"))
    parts += [
        "## Overholdelse\n",
        f"{STATUSES[access.status]} Standarden er den harmoniserede europæiske standard EN 301 549, "
        "som svarer til WCAG 2.1 på niveau AA.\n",
        "## Indhold, der ikke er tilgængeligt\n",
    ]
    if access.shortcomings:
        parts.append(block("<ul>\n" + "\n".join(f"<li><strong>{attr(s.what)}</strong> {attr(s.why)}</li>"
                                                for s in access.shortcomings) + "\n</ul>"))
    else:
        parts.append("Der er ikke registreret indhold, som ikke er tilgængeligt.\n")
    parts += [
        "## Sådan er erklæringen udarbejdet\n",
        f"Erklæringen blev udarbejdet {dated}." + (f" {escape(access.method)}" if access.method else "") + "\n",
        "## Feedback og kontakt\n",
        f"Oplever du indhold, du ikke kan bruge, så kontakt {escape(site.publisher)}, der svarer, retter "
        "fejlen eller giver dig indholdet i en anden form:\n",
        _contact(site),
        "## Håndhævelse\n",
        block(f"<p>Får du ikke et tilfredsstillende svar inden for 10 arbejdsdage, kan du henvende dig til "
              f"Digitaliseringsstyrelsen, der fører tilsyn med webtilgængelighedsloven: "
              f"{html_link(ENFORCEMENT, 'Oplever du ikke-tilgængeligt indhold?')}</p>"),
    ]
    return "\n".join(parts)


def render_publisher(archive: Archive) -> dict[str, str]:
    """An archive read without its project (a test's) is published by DEFAULT."""
    site = archive.site or DEFAULT
    return {ABOUT_INCLUDE: render_about(site), STATEMENT: render_statement(site)}
