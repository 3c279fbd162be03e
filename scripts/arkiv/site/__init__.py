"""The builder integration: generation and its writer, the Markdown extensions, search, the audit and publishing."""
