"""Who publishes the archive, under what licence, and its accessibility statement: `extra.arkiv`
in mkdocs.yml, set there once (issue 19).

Material's templates read it from the configuration for every page's header and footer
(overrides/partials/); generation reads it here for »Om arkivet« and the accessibility statement
(render/publisher.py), and the check reports a bad field with mkdocs.yml's line. Nothing is
invented: a contact that is not filled in is shown as not given.

The update date is not typed in: it is the date of the last change to meetings/ in the archive's
git history (`updated`), so two builds of the same commit say the same; outside a git checkout it
is not shown.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import subprocess
from pathlib import Path

from ..model import Accessibility, Shortcoming, SiteInfo
from ..problems import ProblemList
from .fields import Fields
from .yamlsource import SourceError, load_yaml, read_text

CONFIG = "mkdocs.yml"
STATUSES = {
    "fuldt": "Webstedet overholder fuldt ud kravene i WCAG 2.1 på niveau AA.",
    "delvist": "Webstedet overholder delvist kravene i WCAG 2.1 på niveau AA. "
               "Det, der ikke er tilgængeligt, står nedenfor.",
    "ikke": "Webstedet overholder ikke kravene i WCAG 2.1 på niveau AA. "
            "Det, der ikke er tilgængeligt, står nedenfor.",
}
# Where a visitor who got no answer from the publisher can turn (the enforcement procedure).
ENFORCEMENT = "https://digst.dk/digital-inklusion/webtilgaengelighed/oplever-du-ikke-tilgaengeligt-indhold/"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)
_URL = re.compile(r"^https://[^\s]+$")


DEFAULT = SiteInfo("Kredsrådsarkivet", None, None, None, None, "CC BY 4.0", None, None,
                   Accessibility("delvist", None, None, (), None))


def read_site_config(root: Path, problems: ProblemList) -> SiteInfo:
    """`extra.arkiv` of root/mkdocs.yml; problems are recorded with the file's lines."""
    path = Path(root) / CONFIG
    if not path.is_file():
        return DEFAULT
    try:
        doc = load_yaml(read_text(path))
    except SourceError as exc:
        problems.error(CONFIG, exc.line, "fil", exc.message, exc.hint)
        return DEFAULT
    top = Fields(doc, CONFIG, problems)
    url = top.str("site_url")
    if url and not re.match(r"^https?://[^\s/]+", url):
        top.error("site_url", f"'{url}' er ikke en adresse", "skriv sitets adresse, fx 'https://eksempel.dk/arkiv/'")
        url = None
    extra = top.mapping("extra")
    arkiv = extra.mapping("arkiv") if extra else None
    if arkiv is None:
        return dataclasses.replace(DEFAULT, url=url)
    arkiv.unknown_keys({"udgiver", "kontakt", "adresse", "licens", "opdatering", "tilgaengelighed"})
    contact = arkiv.mapping("kontakt")
    email = phone = web = None
    if contact:
        contact.unknown_keys({"email", "telefon", "web"})
        email, phone, web = contact.str("email"), contact.str("telefon"), contact.str("web")
        if email and not _EMAIL.match(email):
            contact.error("email", f"'{email}' er ikke en e-mailadresse", "skriv fx 'kontakt@eksempel.dk'")
            email = None
        if web and not _URL.match(web):
            contact.error("web", f"'{web}' er ikke en https-adresse", "skriv hele adressen, fx 'https://…'")
            web = None
    licence = arkiv.mapping("licens")
    licence_name, licence_url = DEFAULT.licence, None
    if licence:
        licence.unknown_keys({"navn", "url"})
        licence_name = licence.str("navn", required=True, default=DEFAULT.licence)
        licence_url = licence.str("url")
        if licence_url and not _URL.match(licence_url):
            licence.error("url", f"'{licence_url}' er ikke en https-adresse", "skriv hele adressen, fx 'https://…'")
            licence_url = None
    return SiteInfo(
        publisher=arkiv.str("udgiver", required=True, default=DEFAULT.publisher),
        email=email, phone=phone, web=web, address=arkiv.str("adresse"),
        licence=licence_name, licence_url=licence_url, updates=arkiv.str("opdatering"),
        accessibility=_accessibility(arkiv.mapping("tilgaengelighed")),
        updated=last_change(Path(root)), url=url,
    )


def _accessibility(fields: Fields | None) -> Accessibility:
    if fields is None:
        return DEFAULT.accessibility
    fields.unknown_keys({"status", "vurderet", "metode", "mangler", "erklaering_url"})
    status = fields.str("status", required=True, default="delvist")
    if status not in STATUSES:
        fields.error("status", f"'{status}' er ikke en status", f"skriv én af: {', '.join(STATUSES)}")
        status = "delvist"
    shortcomings = []
    for entry in fields.mappings("mangler"):
        entry.unknown_keys({"hvad", "hvorfor"})
        what, why = entry.str("hvad", required=True), entry.str("hvorfor", required=True)
        if what and why:
            shortcomings.append(Shortcoming(what, why))
    url = fields.str("erklaering_url")
    if url and not _URL.match(url):
        fields.error("erklaering_url", f"'{url}' er ikke en https-adresse", "skriv hele adressen, fx 'https://was.digst.dk/…'")
        url = None
    return Accessibility(status, fields.date("vurderet", required=True), fields.str("metode"), tuple(shortcomings), url)


def last_change(root: Path) -> dt.date | None:
    """The day of the last commit that changed meetings/, or None outside a git checkout."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%cs", "--", "meetings"], cwd=root,
                                capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    try:
        return dt.date.fromisoformat(result.stdout.strip()) if result.returncode == 0 else None
    except ValueError:
        return None


def template_values(root: Path) -> dict:
    """What the build adds to `extra.arkiv` for the templates: the update date in words."""
    from ..danish import format_date

    updated = last_change(Path(root))
    return {"opdateret": format_date(updated)} if updated else {}
