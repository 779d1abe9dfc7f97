"""Review outputs, each rendered from the one report document a run builds: GitHub annotations (`github`), SARIF
(`sarif`) and the Markdown summary (`markdown`), all over the same ordered findings (`findings`); `write` adds their
command-line options and writes them safely."""
