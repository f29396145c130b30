"""`python -m dyadwatch`: the same command line as `dyadwatch`."""

from .cli import main

main()
