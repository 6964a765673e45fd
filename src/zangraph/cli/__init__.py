"""The command line: each command in the module of its kind, assembled by ``main``."""
