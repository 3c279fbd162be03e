"""Build pipeline for the council minutes archive.

read (`yamlsource`, `registry`, `reader`) → validate (`validate`) → one model (`model`, `crossref`)
→ pure render functions (`render`) → one writer (`writer`) that owns the generated folder.
`build` ties the stages together; `cli` is the thin command-line entry.
"""
