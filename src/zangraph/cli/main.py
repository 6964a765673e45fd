"""The command line, the front door: ``zangraph parse | add | build | validate | docs | load | query | ask |
positions | serve`` (``zangraph --help``).

Each command lives in the module of its kind and is imported only when it runs: ``zangraph --version`` and
``--help`` load click alone (a tenth of a second), not the parser, rdflib, pySHACL or the web framework.
``serve`` is the HTTP service's own command (``zangraph.api.serve``), so that nothing else of the command line
ever loads the web framework.
"""

from __future__ import annotations

import importlib

import click

from zangraph import __version__

# Each command: where it is defined, and the line `zangraph --help` lists it with (the listing does not import
# the commands; `zangraph COMMAND --help` shows the command's own help).
COMMANDS: dict[str, tuple[str, str]] = {
    "parse": ("zangraph.cli.corpus:parse", "Parse the source texts into the document model."),
    "add": ("zangraph.cli.corpus:add", "Add a text of an act to the corpus (a data change)."),
    "build": ("zangraph.cli.build:build", "Build, validate and publish the dataset."),
    "validate": ("zangraph.cli.build:validate", "Validate a TriG dataset against the SHACL shapes."),
    "docs": ("zangraph.cli.build:docs", "Regenerate the ontology reference and the cookbook."),
    "load": ("zangraph.cli.store:load", "Load the built dataset into a remote SPARQL store."),
    "query": ("zangraph.cli.store:query", "Run a SPARQL query (by name, or a file) on the store."),
    "ask": ("zangraph.cli.store:ask", "Ask what applied to a position on a date, in sentences."),
    "positions": ("zangraph.cli.store:positions", "List the positions and their ids."),
    "serve": ("zangraph.api.serve:serve", "Serve the pages, the API and the SPARQL endpoint."),
}


class Commands(click.Group):
    """A group whose commands are imported when they are asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, name = COMMANDS[cmd_name][0].split(":")
        command = getattr(importlib.import_module(module), name)
        assert isinstance(command, click.Command), f"{COMMANDS[cmd_name][0]} is not a command"
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # The listing from the table, without importing every command.
        with formatter.section("Commands"):
            formatter.write_dl([(name, COMMANDS[name][1]) for name in self.list_commands(ctx)])


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="zangraph")
def main() -> None:
    """Zangraph: Kazakhstan's orders on social workers' qualifications as a versioned knowledge graph.

    Start with `zangraph parse --all --report` to see what the source texts contain, and `zangraph add`
    to put a new text into the corpus.
    """


if __name__ == "__main__":
    main()
