"""IDs shared by every page (the shell). Feature pages keep theirs in their own ids.py."""

LANG = "shell-lang"  # dcc.Store holding the page's language code
