"""The API's identifiers (``order-2001-17``, ``order-2001-17~att_2__chp_3__sec_6__para_40``,
``family-support-worker``) and the IRIs they stand for, both ways."""

from __future__ import annotations

from dataclasses import dataclass

from zangraph.errors import NotFound
from zangraph.model.ids import FrbrUri, Ids
from zangraph.store.base import is_iri


@dataclass(frozen=True)
class Names:
    """Ids and IRIs under one base (``ids``). A malformed id names nothing: it is a missing resource (404)."""

    ids: Ids

    def act_iri(self, ident: str) -> str:
        try:
            iri = str(self.ids.of(FrbrUri.from_key(ident).work))
        except ValueError:
            iri = str(self.ids.named_act(ident))
        if not is_iri(iri):  # a character no IRI may hold: no act has this id
            raise NotFound("act", ident)
        return iri

    def act_id(self, iri: str) -> str:
        return self.ids.act_key(iri)

    def part_iri(self, ident: str) -> str:
        try:
            uri = FrbrUri.from_key(ident)
        except ValueError:
            uri = None
        if uri is None or not uri.eid or uri.version:
            # No part can have it: a missing resource, whose answer says what a part id looks like.
            raise NotFound("part", ident, "a part id has the form <act id>~<eId>, e.g. order-2001-17~preamble")
        return str(self.ids.of(uri))

    def part_id(self, iri: str) -> str:
        return self.ids.frbr(iri).key

    def version_id(self, iri: str) -> str:
        return self.ids.frbr(iri).key

    def position_iri(self, ident: str) -> str:
        return str(self.ids.position(ident))

    def position_id(self, iri: str) -> str:
        return self.ids.parse(iri)["position"]

    def short(self, iri: str, kind: str) -> str:
        """The API's id of an event, finding or topic (``kind``): its IRI's last part under the base."""
        return self.ids.parse(iri)[kind]
