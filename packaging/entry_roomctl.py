"""PyInstaller entry script for the CLI: the same `console.cli:main` as the `roomctl` command."""

import sys

from console.cli import main

sys.exit(main())
