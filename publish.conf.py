"""Production settings for `make publish`: the development settings plus absolute URLs and feeds.

Environment:
    SITEURL  public address of the site, no trailing slash
             (default https://briefings.example.org; set it to yours).
Strict builds are a command-line matter: `make publish STRICT=1` adds `--fatal warnings`.
"""

import os
import runpy
from pathlib import Path

# `from pelican.conf import *` would import Pelican's own `pelican` package, not this file's
# neighbour, so the development settings are loaded by path.
_BASE = runpy.run_path(str(Path(__file__).resolve().with_name("pelican.conf.py")))
globals().update({name: value for name, value in _BASE.items() if name.isupper()})

DEFAULT_SITEURL = "https://briefings.example.org"
SITEURL = (os.environ.get("SITEURL") or DEFAULT_SITEURL).rstrip("/")
RELATIVE_URLS = False
# Feed readers need absolute links: the plugin's Atom feeds use SITEURL.
FEED_DOMAIN = SITEURL
# A file removed from the content must not linger in the release.
DELETE_OUTPUT_DIRECTORY = True
