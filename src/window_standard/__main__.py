"""``python -m window_standard``: the command line."""

from window_standard.cli import main

if __name__ == "__main__":
    main()
