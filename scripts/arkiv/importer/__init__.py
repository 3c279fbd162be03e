"""Import: a referat (PDF or text) turned into a draft meeting file and a report.

    python -m arkiv import referat.pdf --council koebenhavn        (make import FILE=…)

read (extract) → clean the PDF artefacts (cleanup) → recognise the parts (recognise) → match
people to the registry (people) → write the draft and its source text (draft). Nothing is
guessed silently: every inference and every doubt is in the report.
"""
