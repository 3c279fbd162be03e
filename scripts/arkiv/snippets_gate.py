"""A Python-Markdown extension that runs pymdownx.snippets only on pages that include a snippet.

Only the front page includes one (the generated list of recent meetings), but the snippets
preprocessor reads every line of every page; at 1,000 meetings that was some seconds of the
build. This wraps it in a test for its marker ('--8<--' and variants all contain '8<-').

Registered by the MkDocs hook (`on_config`) after the configured extensions, so that the snippets
preprocessor exists when it is wrapped. A builder that does not run the hook gets the same pages,
only slower.
"""

from __future__ import annotations

from markdown import Extension

MARKER = "8<-"


class SnippetsOnlyWhereUsed(Extension):
    def extendMarkdown(self, md):
        if "snippet" not in md.preprocessors:
            return
        snippets = md.preprocessors["snippet"]
        run = snippets.run

        def run_where_used(lines: list[str]) -> list[str]:
            if getattr(snippets, "auto_append", None) or any(MARKER in line for line in lines):
                return run(lines)
            return lines

        snippets.run = run_where_used
