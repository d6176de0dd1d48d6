"""``python -m console.cli`` = ``roomctl``."""

from console.cli import main

raise SystemExit(main())
