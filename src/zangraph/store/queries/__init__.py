"""SPARQL queries kept as ``.rq`` files, loaded by name. Each file starts with a header comment saying what
it answers and its parameters; parameters are bound by the store (never pasted into the text)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

_PARAM = re.compile(r"^#\s+\?(\w+)\s+(.*)$")


@dataclass(frozen=True)
class Query:
    name: str
    text: str
    answers: str
    parameters: dict[str, str]  # name -> description


@functools.cache
def load(name: str) -> Query:
    """The named query; read and parsed once, since every store request asks for one."""
    try:
        text = resources.files(__package__).joinpath(f"{name}.rq").read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KeyError(f"no query named {name!r}; known: {', '.join(names())}") from None
    header = [line for line in text.splitlines() if line.startswith("#")]
    answers, params, in_answer = [], {}, False
    for line in header:
        if line.startswith("# Answers:"):
            in_answer = True
            answers.append(line.removeprefix("# Answers:").strip())
        elif line.startswith("# Parameters:"):
            in_answer = False
        elif m := _PARAM.match(line):
            params[m.group(1)] = m.group(2).strip()
        elif in_answer:
            answers.append(line.lstrip("# ").strip())
    return Query(name, text, " ".join(answers), params)


def names() -> list[str]:
    return sorted(p.name[:-3] for p in resources.files(__package__).iterdir() if p.name.endswith(".rq"))
