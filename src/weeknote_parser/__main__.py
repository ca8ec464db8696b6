"""Run the command line with ``python -m weeknote_parser``."""

from .cli import main

if __name__ == "__main__":
    main()
