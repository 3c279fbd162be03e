"""The README's promises: its meeting example passes the check, its commands exist."""

import re

from arkiv.load import check_archive
from conftest import ROOT, write_fictional

PEOPLE = """\
- {id: aase-fiktiv, name: Aase Fiktiv}
- {id: bent-opdigtet, name: Bent Opdigtet}
- {id: carla-eksempel, name: Carla Eksempel}
- {id: dorte-prove, name: Dorte Prøve}
- {id: erik-gaest, name: Erik Gæst}
"""

EARLIER = """\
---
council: koebenhavn
date: 2030-11-20
agenda: [{number: "1", title: Eventuelt}]
participants_note: Det fiktive referat nævner ikke deltagerne.
source: {kind: Fiktivt}
---
## Ad 1) Eventuelt

Intet.
"""


def readme_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```markdown\n(.*?)```", readme, re.DOTALL)
    assert len(blocks) == 1
    return blocks[0]


def test_readme_meeting_example_passes_the_check(tmp_path):
    folder = write_fictional(tmp_path / "meetings", people_yml=PEOPLE,
                             councils_yml="- {id: koebenhavn, name: Fiktivt kredsråd}\n",
                             **{"testraadet-2031-1.md": None})
    (folder / "koebenhavn-2031-1.md").write_text(readme_example(), encoding="utf-8")
    (folder / "koebenhavn-2030-4.md").write_text(EARLIER, encoding="utf-8")
    (folder / "sources").mkdir()
    (folder / "sources" / "koebenhavn-2031-1.txt").write_text("Fiktiv kildetekst.\n", encoding="utf-8")
    archive, problems = check_archive(folder)
    assert [str(p) for p in problems] == []
    meeting = archive.meeting("koebenhavn-2031-1")
    assert [s.number for s in meeting.items] == ["1", "2", "2.a", "3"]
    assert meeting.approves_minutes.meeting == "koebenhavn-2030-4"


def test_readme_commands_are_make_targets():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for target in re.findall(r"`make (\w+)`", readme):
        assert re.search(rf"^{target}:", makefile, re.MULTILINE), target
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
