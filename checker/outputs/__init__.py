"""Review outputs rendered from the one report document a run builds: GitHub annotations (`github`), SARIF
(`sarif`) and the Markdown summary (`markdown`), all over the same findings (`findings`); `changed` selects the
facts a changed-only run checks."""
