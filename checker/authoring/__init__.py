"""Commands that write the tedious parts of a fact file for an editor: locate (a passage and its citation), fix
(quotes rewritten to the source's exact text), init (a new project)."""
