"""The language-aware segmenter: blocks of a source text -> the document model.

The walk follows the shape every normative act shares: a title; a header (or none: the metadata has it);
notes; a preamble ending with the order formula; the body (the order's items, or a law's chapters and
articles); the signature and approvals; then annexes, each with its caption, title, notes and content
(divisions, chapters, paragraphs, articles, points, sub-points, indents, tables, forms, cards of
profession), an annex of an annex where its caption names another annex's document.

Nothing in a text stops the walk: every non-blank line ends up held by a part, a note, the title or header,
or is layout with a reason; what the walk cannot place is a finding and stays as layout. The fidelity
check relies on that bookkeeping (``placed``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from zangraph.errors import SourceError
from zangraph.model.document import (
    ActRef,
    Document,
    Finding,
    FindingKind,
    Header,
    LayoutLine,
    Node,
    NodeKind,
    NoteKind,
    Place,
    Role,
    Span,
)
from zangraph.model.ids import FrbrUri, number_token
from zangraph.parse import cards
from zangraph.parse.actrefs import NUMBER
from zangraph.parse.doctype import document_kind
from zangraph.parse.entry import entry_into_force
from zangraph.parse.headers import caption_header, parse_header
from zangraph.parse.lexicon import NUMBERED_HEADING, POINT, SUBPOINT, Lexicon, fold
from zangraph.parse.meta import Meta
from zangraph.parse.numbering import decide, number_key
from zangraph.parse.readers import Block
from zangraph.parse.readers.base import clean
from zangraph.parse.readers.tables import grid
from zangraph.parse.sources import SourceText

# Ranks of containers: a heading closes every open container of its rank or deeper.
RANK = {NodeKind.ANNEX: 0, NodeKind.DIVISION: 1, NodeKind.CHAPTER: 2, NodeKind.SECTION: 3, NodeKind.ARTICLE: 4,
        NodeKind.POINT: 5, NodeKind.SUBPOINT: 6}
PREFIX = {NodeKind.DIVISION: "part", NodeKind.CHAPTER: "chp", NodeKind.SECTION: "sec", NodeKind.ARTICLE: "art",
          NodeKind.POINT: "para", NodeKind.SUBPOINT: "point"}
_SHORT = 300  # a signature line is short


@dataclass
class Open:
    """A node while it is being built; frozen into a :class:`Node` at the end."""

    kind: NodeKind
    eid: str
    blocks: list[Block]
    num: str | None = None
    label: str | None = None
    heading: str | None = None
    text: str = ""
    role: Role | None = None
    children: list[Open] = field(default_factory=list)
    counters: dict[str, int] = field(default_factory=dict)
    cells: tuple[str, ...] = ()

    def next(self, name: str) -> int:
        self.counters[name] = self.counters.get(name, 0) + 1
        return self.counters[name]

    def child(self, kind: NodeKind, part: str, block: Block, **kw) -> Open:
        taken = {c.eid for c in self.children}
        eid = f"{self.eid}__{part}" if self.eid else part
        if eid in taken:  # a part the text numbers twice: keep eIds unique
            n = 2
            while f"{eid}_{n}" in taken:
                n += 1
            eid = f"{eid}_{n}"
        node = Open(kind, eid, [block], **kw)
        self.children.append(node)
        return node


@dataclass(frozen=True)
class RawNote:
    kind: NoteKind
    text: str
    blocks: tuple[Block, ...]
    after: str | None


class Segmenter:
    def __init__(self, src: SourceText, blocks: list[Block], lexicon: Lexicon, meta: Meta | None = None):
        self.src = src
        self.file = src.source.file
        self.lex = lexicon
        self.meta = meta
        self.zan = src.source.form == "zan-markdown"
        self.blocks = blocks
        self.lines = src.text.splitlines()
        self.i = 0
        self.placed: dict[int, list[str]] = {}
        self.layout: list[LayoutLine] = []
        self.raw_notes: list[RawNote] = []
        self.findings: list[Finding] = []
        self.root = Open(NodeKind.ANNEX, "", [])  # holds the top-level parts; never emitted itself
        self.last: dict[str, tuple[int, ...]] = {}  # numbering scope -> key of the last number given
        self.stack: list[Open] = [self.root]
        self.card: cards.CardBuilder | None = None

    # -- bookkeeping -------------------------------------------------------------------------------------

    def span(self, blocks: list[Block] | tuple[Block, ...]) -> Span:
        return Span(self.file, blocks[0].first_line, blocks[-1].last_line, blocks[0].start, blocks[-1].end,
                    self.src.source.sha256)

    def place(self, block: Block, holder: str) -> None:
        for line in block.lines:
            self.placed.setdefault(line, []).append(holder)

    def as_layout(self, block: Block, reason: str) -> None:
        self.place(block, "layout")
        self.layout.extend(LayoutLine(n, clean(self.lines[n - 1]), reason) for n in block.lines)

    def peek(self, offset: int = 0) -> Block | None:
        """The block ``offset`` blocks ahead, layout blocks (anchors, fences) being placed and passed over."""
        j = self.i
        seen = -1
        while j < len(self.blocks):
            block = self.blocks[j]
            if block.layout:
                if j == self.i:
                    self.as_layout(block, block.layout)
                    self.i += 1
                j += 1
                continue
            seen += 1
            if seen == offset:
                return block
            j += 1
        return None

    def unplaced(self, block: Block, what: str) -> None:
        """A block the walk cannot place: a finding, and its lines stay as layout."""
        self.finding(FindingKind.UNRECOGNISED_STRUCTURE, f"{what}: {block.text[:80]!r}", None, block)
        self.as_layout(block, f"not recognised ({what})")

    def finding(self, kind: FindingKind, message: str, eid: str | None, block: Block) -> None:
        self.findings.append(Finding(kind, self.src.source.act, message,
                                     (Place(self.file, eid, self.span([block])),), (block.text,)))

    # -- classification ----------------------------------------------------------------------------------

    def is_note(self, block: Block) -> bool:
        return not (block.rows or block.pre) and self.lex.is_note(block.folded)

    def is_layout(self, block: Block) -> str | None:
        if self.lex.furniture.match(block.folded):
            return "page furniture"
        if self.lex.repeated_header.match(block.folded):
            return "repeated header"
        return None

    def is_caption(self, block: Block) -> bool:
        if self.is_note(block):
            return False
        if self.zan:  # the official Markdown quotes its captions
            return block.quote and bool(self.lex.quoted_caption.search(block.folded))
        if not self.lex.annex_caption.match(block.folded):
            return False
        return not self.lex.caption_at_margin or block.indent == 0

    def heading_kind(self, block: Block) -> tuple[NodeKind, str, str] | None:
        """The container a heading opens, its number and its words, if the block is one."""
        if block.rows or block.pre:
            return None
        text = block.folded
        for kind, pattern in ((NodeKind.DIVISION, self.lex.division), (NodeKind.CHAPTER, self.lex.chapter),
                              (NodeKind.SECTION, self.lex.section), (NodeKind.ARTICLE, self.lex.article)):
            if pattern is not None and (m := pattern.match(text)):
                return kind, m.group(1), block.text[m.start(2):]
        if self.zan and 0 < block.heading <= 3 and (m := NUMBERED_HEADING.match(text)):
            return NodeKind.CHAPTER, m.group(1), block.text[m.start(2):]
        return None

    def ends_body(self, block: Block, items: int, eif_seen: bool) -> bool:
        """A signature or approval block ends the act's body."""
        text = block.folded
        if self.lex.approval.match(text):
            return True
        if not items or POINT.match(text) or SUBPOINT.match(text) or self.heading_kind(block):
            return False
        if eif_seen or ((block.bold or block.italic) and len(text) < _SHORT):
            return True
        return bool(self.lex.signature.search(text)) and len(text) < _SHORT and not text.endswith(".")

    # -- notes -------------------------------------------------------------------------------------------

    def after(self) -> str | None:
        """The eId of the innermost part open: what a note at this place follows."""
        for node in reversed(self.stack):
            if node.eid:
                last = node.children[-1] if node.children and node.kind is not NodeKind.ANNEX else None
                if last is not None and last.kind is NodeKind.SUBPOINT:
                    return last.eid
                return node.eid
        return None

    def take_note(self, after: str | None) -> None:
        """Consume a note (with any continuation split from it), or an editorial note and its body."""
        block = self.blocks[self.i]
        parts = [block]
        kind = NoteKind.FOOTNOTE if self.lex.footnote.match(block.folded) else NoteKind.EDITORIAL
        self.i += 1
        marker = self.lex.editorial.match(block.folded)
        if kind is NoteKind.EDITORIAL and marker and not block.text[marker.end():].strip(" *!.:") and self.peek():
            parts.append(self.peek())  # the marker stands alone; its body is the next paragraph
            self.i = self.blocks.index(parts[-1], self.i) + 1
        text = " ".join(p.text for p in parts)
        # A footnote broken over two paragraphs is one footnote: its bracket is still open, or it stops before
        # naming the acting act's number.
        while (nxt := self.peek()) is not None and kind is NoteKind.FOOTNOTE and self.continues(text, nxt):
            parts.append(nxt)
            self.i += 1
            text = f"{text} {nxt.text}"
        holder = f"note:{len(self.raw_notes)}"
        for part in parts:
            self.place(part, holder)
        self.raw_notes.append(RawNote(kind, text, tuple(parts), after))

    def continues(self, text: str, nxt: Block) -> bool:
        if self.is_note(nxt) or nxt.rows or nxt.pre or nxt.heading or self.is_caption(nxt):
            return False
        if POINT.match(nxt.folded) or SUBPOINT.match(nxt.folded) or self.lex.order_formula.search(nxt.folded):
            return False
        return text.count("(") > text.count(")") or not NUMBER.search(text)

    # -- the walk ----------------------------------------------------------------------------------------

    def run(self) -> Document:
        first = self.peek()
        if first is None:
            raise SourceError(self.file, "the text is empty", line=1, expected="an act's title")
        self.place(first, "title")
        self.i += 1
        header = self.front_matter(first)
        self.body()
        top: Open | None = None
        while (block := self.peek()) is not None:
            if self.is_caption(block):
                if top is None or self.lex.annex_of_act.search(block.folded):
                    top = self.annex(self.root, self.annex_number(block, self.root))
                else:
                    self.annex(top, self.annex_number(block, top), nested=True)
            elif self.is_note(block):
                self.take_note(self.after())
            else:
                self.unplaced(block, "text after the act's end that is no annex")
                self.i += 1
        parts = tuple(self.freeze(n) for n in self.root.children)
        from zangraph.parse.notes import metadata_notes, resolve_notes  # read against the finished structure

        notes, note_findings = resolve_notes(self, parts)
        h = header
        notes += tuple(metadata_notes(self.meta, ActRef(h.act_type, h.number, h.date, h.issuer) if h.date else None))
        eif = entry_into_force(parts, self.lex)
        preamble = next((p for p in parts if p.kind is NodeKind.PREAMBLE), None)
        basis = self.lex.legal_basis.search(preamble.text) if preamble else None
        title = first.text
        return Document(self.src.source, title, self.span([first]), header, parts, notes, eif,
                        tuple(self.layout), tuple(self.findings + note_findings),
                        legal_basis=_group(preamble.text, basis, "basis").strip(" ,") if basis else None,
                        kind=document_kind(title, parts, self.lex),
                        placed={k: list(v) for k, v in self.placed.items()})

    def front_matter(self, title: Block) -> Header:
        header: Header | None = None
        status: str | None = None
        pending: list[Block] = []
        while (block := self.peek()) is not None:
            text = block.folded
            if not pending and (m := self.lex.status.match(text)):
                # "Invalidated" / "Күшін жойған": kept as the header's status; the line itself is furniture.
                status = m.group(0).split(" ")[0] if self.lex.language == "en" else m.group(0)
                self.as_layout(block, "status line (kept as the header's status)")
            elif reason := self.is_layout(block):
                self.as_layout(block, reason)
            elif block.text == title.text:
                self.as_layout(block, "repeated header")
            elif header is None and not pending and self.lex.header.search(text):
                header = parse_header(block.text, self.lex.language, self.span([block]))
                if header is None:
                    self.finding(FindingKind.HEADER_MISMATCH, "a header that does not name the act's issuer, date "
                                 "and number", None, block)
                self.place(block, "header")
            elif self.is_note(block):
                for stray in pending:  # text a note separates from the preamble is no part of it
                    self.unplaced(stray, "a paragraph between the header and the preamble")
                pending.clear()
                self.take_note(None)
                continue
            elif self.lex.order_formula.search(text):
                self.preamble([*pending, block])
                self.i += 1
                break
            elif (POINT.match(text) or self.heading_kind(block) or self.is_caption(block)
                  or (block.bold and pending)):
                if pending:
                    self.preamble(pending)  # a preamble without the order formula
                break
            else:
                pending.append(block)
            self.i += 1
        while (nxt := self.peek()) is not None and self.is_note(nxt):
            self.take_note("preamble")
        return self.identify(header, status)

    def preamble(self, blocks: list[Block]) -> None:
        node = self.root.child(NodeKind.PREAMBLE, "preamble", blocks[0], text=" ".join(b.text for b in blocks))
        node.blocks = list(blocks)
        for b in blocks:
            self.place(b, node.eid)

    def identify(self, header: Header | None, status: str | None) -> Header:
        """The header the text prints, else the metadata's; checked against the manifest's act."""
        declared = FrbrUri.parse(self.src.source.act)
        if header is None and self.meta is not None:
            header = self.meta.header()
        if header is None:
            header = self.caption_header()
        if header is None:
            # Nothing names the act but the manifest: its type, number and the date its path gives.
            when = date.fromisoformat(declared.date) if len(declared.date) == 10 else None
            self.findings.append(Finding(FindingKind.HEADER_MISMATCH, self.src.source.act,
                                         "neither the text nor its metadata names the act; the manifest's act is used",
                                         (Place(self.file, None, None),), ()))
            return Header(declared.type, "", when, declared.number, None, None, "", None, status,  # type: ignore[arg-type]
                          self.lex.language, "manifest")
        if (header.act_type, number_token(header.number)) != (declared.type, declared.number) or (
                header.date.isoformat()[: len(declared.date)] != declared.date):
            self.findings.append(Finding(FindingKind.HEADER_MISMATCH, self.src.source.act,
                                         f"the act is {header.act_type} No {header.number} of {header.date} by its "
                                         f"{'header' if header.origin == 'text' else header.origin}, "
                                         f"{self.src.source.act} by the manifest",
                                         (Place(self.file, None, header.span),), (header.text,)))
        return replace(header, status=status)

    def caption_header(self) -> Header | None:
        """The act named by the first annex caption, where neither the text nor its metadata names it."""
        for block in self.blocks:
            if not block.layout and self.is_caption(block):
                return caption_header(block.text, self.lex.language, self.span([block]))
        return None

    def body(self) -> None:
        """The act's own items (or chapters and articles), then its signature and approvals."""
        self.stack = [self.root]
        self.content(in_body=True)
        self.conclusions()

    def conclusions(self) -> None:
        node: Open | None = None
        while (block := self.peek()) is not None and not self.is_caption(block):
            if self.is_note(block):
                self.take_note(node.eid if node else self.after())
                continue
            if reason := self.is_layout(block):
                self.as_layout(block, reason)
            elif self.lex.approval.match(block.folded):
                n = len([c for c in self.root.children if c.kind is NodeKind.APPROVAL]) + 1
                node = self.root.child(NodeKind.APPROVAL, f"approval_{n}", block, text=block.text)
                self.place(block, node.eid)
            elif node is None:
                node = self.root.child(NodeKind.CONCLUSIONS, "conclusions", block, text=block.text)
                self.place(block, node.eid)
            else:
                self.extend(node, block)
                self.place(block, node.eid)
            self.i += 1

    @staticmethod
    def extend(node: Open, block: Block) -> None:
        node.blocks.append(block)
        node.text = f"{node.text} {block.text}"

    def annex_number(self, block: Block, parent: Open) -> str:
        m = self.lex.annex_number.search(block.folded)
        taken = {c.num for c in parent.children if c.kind is NodeKind.ANNEX}
        if m and m.group("num") not in taken:
            return m.group("num")
        n = len(taken) + 1
        while str(n) in taken:
            n += 1
        return str(n)

    def annex(self, parent: Open, num: str, nested: bool = False) -> Open:
        """An annex: its caption, title and notes, then its content up to the next annex's caption."""
        first = self.peek()
        annex = Open(NodeKind.ANNEX, f"{parent.eid}__att_{num}" if parent.eid else f"att_{num}", [first], num=num)
        parent.children.append(annex)
        self.caption(annex)
        self.stack = [annex]
        self.card = None
        self.content(in_body=False)
        return annex

    def caption(self, annex: Open) -> None:
        """The caption ("Приложение 1 к приказу ..."), any form label, the notes and the title of an annex.

        In the official Markdown the caption is quoted and the title is a heading. In the other forms the
        title is the last paragraph before the first heading, or the words a heading was run into; an annex
        whose caption is followed directly by a heading (cards of profession) has no title.
        """
        held: list[Block] = []
        if self.zan:
            while (block := self.peek()) is not None:
                if self.is_note(block):
                    self.take_note(annex.eid)
                elif (block.quote and not self.lex.approval.match(block.folded)
                      and not (held and self.is_caption(block))):
                    held.append(block)
                    self.i += 1
                else:
                    break
            block = self.peek()
            if block is not None and block.heading and not self.heading_kind(block) and not self.is_note(block):
                self.title(annex, block)
                self.i += 1
        else:
            inline = False
            while (block := self.peek()) is not None and not self.opens_part(block):
                if self.is_note(block):
                    self.take_note(annex.eid)
                    continue
                if held and (POINT.match(block.folded) or SUBPOINT.match(block.folded) or block.rows):
                    break
                if (at := self.inline_heading(block)) is not None:
                    title, rest = self.cut(block, at)
                    held.append(title)
                    self.blocks[self.i] = rest
                    inline = True
                    break
                held.append(block)
                self.i += 1
            if inline or len(held) > 1:
                self.title(annex, held.pop())
        if held:
            preface = annex.child(NodeKind.PREFACE, "preface", held[0], text=" ".join(b.text for b in held))
            preface.blocks = held
            for b in held:
                self.place(b, preface.eid)
        while (nxt := self.peek()) is not None and self.is_note(nxt):
            self.take_note(annex.eid)

    def title(self, annex: Open, block: Block) -> None:
        annex.heading = block.text
        annex.blocks.append(block)
        self.place(block, annex.eid)

    def opens_part(self, block: Block) -> bool:
        return bool(self.heading_kind(block) or (self.lex.card and self.lex.card.match(block.folded)))

    def content(self, in_body: bool) -> None:
        """Parts up to the next annex's caption (or, in the act's body, its signature)."""
        items, eif_seen = 0, False
        while (block := self.peek()) is not None:
            text = block.folded
            if self.is_note(block):
                self.take_note(self.after())
                continue
            if self.is_caption(block):
                return
            if reason := self.is_layout(block):
                self.as_layout(block, reason)
                self.i += 1
                continue
            if in_body and self.ends_body(block, items, eif_seen):
                return
            is_card = bool(self.lex.card and self.lex.card.match(text))
            heading = None if is_card else self.heading_kind(block)
            if block.rows:
                self.table(block)
            elif block.pre:
                self.leaf(NodeKind.BLOCK, "block", block)
            elif self.card is not None and not is_card and heading is None:
                self.card.add(block)
            elif is_card:
                self.open_card(block)
            elif heading is not None:
                self.open_heading(heading, block)
                continue
            elif m := POINT.match(text):
                node = self.point(block, m.group(1), in_body)
                if in_body:
                    items += 1
                    eif_seen = eif_seen or bool(self.lex.entry_into_force.match(node.text))
            elif m := SUBPOINT.match(text):
                self.subpoint(block, m.group(1))
            else:
                self.paragraph(block)
            self.i += 1

    # -- containers ---------------------------------------------------------------------------------------

    def close_to(self, rank: int) -> Open:
        """Close the open parts of ``rank`` or deeper; the innermost part still open is the parent."""
        while len(self.stack) > 1 and RANK.get(self.stack[-1].kind, 99) >= rank:
            self.stack.pop()
        return self.stack[-1]

    def open_heading(self, heading: tuple[NodeKind, str, str], block: Block) -> None:
        kind = heading[0]
        at = self.inline_heading(block)
        head, rest = self.cut(block, at) if at is not None else (block, None)
        if rest is not None:
            heading = self.heading_kind(head) or heading
            kind = heading[0]
        # "3-бөлім" after "1-тарау", "2-тарау" at the same place: the publisher's word differs, the structure
        # does not; it is read as the chapter its number continues, and reported.
        misnamed = kind is NodeKind.DIVISION and self.among_chapters(heading[1])
        if misnamed:
            kind = NodeKind.CHAPTER
        parent = self.close_to(RANK[kind])
        self.card = None
        scope_owner = self.stack[0] if kind is NodeKind.ARTICLE else parent
        node = self.numbered(parent, kind, heading[1], head, f"{kind.value}:{scope_owner.eid}")
        node.heading = heading[2]
        node.label = head.text[: len(head.text) - len(heading[2])].strip() if heading[2] else head.text
        if misnamed:
            self.finding(FindingKind.UNIT_DIFFERS, f"{node.label!r} is numbered among chapters and read as chapter "
                         f"{heading[1]}", node.eid, head)
        self.stack.append(node)
        if rest is not None:
            self.blocks[self.i] = rest
        else:
            self.i += 1

    def among_chapters(self, num: str) -> bool:
        """Whether a division numbered ``num`` would be the next chapter of the annex (or act) it is in."""
        container = next((n for n in reversed(self.stack) if n.kind is NodeKind.ANNEX), self.stack[0])
        if any(c.kind is NodeKind.DIVISION for c in container.children):
            return False
        chapters = [c for c in container.children if c.kind is NodeKind.CHAPTER and c.num]
        return bool(chapters) and number_key(num) == (number_key(chapters[-1].num)[0] + 1,)

    def open_card(self, block: Block) -> None:
        annex = self.close_to(RANK[NodeKind.DIVISION])
        section = annex.child(NodeKind.SECTION, f"sec_{annex.next('sec')}", block, label=block.text)
        section.num = str(annex.counters["sec"])
        self.place(block, section.eid)
        self.i += 1
        title = self.peek()
        if title is not None:
            section.heading = title.text
            section.blocks.append(title)
            self.place(title, section.eid)
        self.card = cards.CardBuilder(self, section)

    def point(self, block: Block, num: str, in_body: bool) -> Open:
        parent = self.close_to(RANK[NodeKind.POINT])
        if parent.kind is NodeKind.ARTICLE:
            scope = f"point:{parent.eid}"
        else:
            scope = "point:items" if self.stack[0] is self.root else f"point:{self.stack[0].eid}"
        node = self.numbered(parent, NodeKind.POINT, num, block, scope)
        node.role = self.point_role(node.text)
        self.stack.append(node)
        if self.lex.notes.inline.match(node.text.lstrip()):
            # "5. Исключен приказом ...": the point is a statement of what an act did to it.
            self.raw_notes.append(RawNote(NoteKind.INLINE, node.text, (block,), node.eid))
        return node

    def subpoint(self, block: Block, num: str) -> None:
        parent = self.close_to(RANK[NodeKind.SUBPOINT])
        restarts = any(c.kind is NodeKind.SUBPOINT and c.num and number_key(c.num) >= number_key(num)
                       for c in parent.children)
        last = parent.children[-1] if parent.children else None
        listed = [c for c in last.children if c.kind is NodeKind.SUBPOINT] if last is not None else []
        if last is not None and last.kind is NodeKind.INDENT and (
                (restarts and last.text.rstrip().endswith(":"))
                or (listed and number_key(num) > number_key(listed[-1].num or "0"))):
            parent = last  # a list that starts again belongs to the paragraph introducing it
        elif parent is self.root:
            self.unplaced(block, "a sub-point outside any item")
            return
        if parent.kind is NodeKind.POINT:
            parent.next("indent")  # a sub-point is an абзац of its point too
        node = self.numbered(parent, NodeKind.SUBPOINT, num, block, f"subpoint:{parent.eid}")
        self.stack.append(node)

    def paragraph(self, block: Block) -> None:
        parent = self.close_to(RANK[NodeKind.SUBPOINT])
        # Abzats are counted as the law counts them: a point's own first paragraph is abzats 1, so its
        # first indent is abzats 2. Other paragraphs (a card field's values, an annex's text) count from 1.
        k = parent.next("indent") + (1 if parent.kind is NodeKind.POINT else 0)
        node = parent.child(NodeKind.INDENT, f"indent_{k}", block, num=str(k), text=block.text)
        self.place(block, node.eid)

    def indent(self, parent: Open, block: Block) -> None:
        """A paragraph of ``parent`` (a card field's value)."""
        k = parent.next("indent") + (1 if parent.kind is NodeKind.POINT else 0)
        node = parent.child(NodeKind.INDENT, f"indent_{k}", block, num=str(k), text=block.text)
        self.place(block, node.eid)

    def leaf(self, kind: NodeKind, prefix: str, block: Block) -> Open:
        parent = self.close_to(RANK[NodeKind.SUBPOINT])
        node = parent.child(kind, f"{prefix}_{parent.next(prefix)}", block, text=block.text)
        self.place(block, node.eid)
        return node

    def is_card_table(self, block: Block) -> bool:
        first = block.rows[0].cells[0].text if block.rows and block.rows[0].cells else ""
        return bool(self.lex.card and self.lex.card.match(fold(first)))

    def card_table(self, block: Block) -> None:
        """A card of profession printed as a table: a section whose fields are read from its cells line by line,
        in the order a reader reads them (a cell spanning rows is read once, where it starts)."""
        lines = [Block(line.text, (line.number,), line.start, line.end)
                 for row in block.rows for cell in row.cells for line in cell.lines]
        annex = self.close_to(RANK[NodeKind.DIVISION])
        section = annex.child(NodeKind.SECTION, f"sec_{annex.next('sec')}", lines[0], label=lines[0].text)
        section.num = str(annex.counters["sec"])
        self.place(block, section.eid)  # the table's markup lines; each cell line is placed where it is read
        if len(lines) > 1:
            section.heading = lines[1].text
            section.blocks.append(lines[1])
        builder = cards.CardBuilder(self, section)
        for line in lines[2:]:
            builder.add(line)
        self.card = None

    def table(self, block: Block) -> None:
        if self.is_card_table(block):
            self.card_table(block)
            return
        table = self.leaf(NodeKind.TABLE, "table", block)
        table.text = ""
        for k, (row, cells) in enumerate(zip(block.rows, grid(block.rows), strict=True), start=1):
            printed = " | ".join(c.text for c in row.cells)
            row_block = Block(printed, row.lines, row.start, row.end)
            node = table.child(NodeKind.ROW, f"row_{k}", row_block, text=printed, cells=cells)
            if row.cells and all(c.header for c in row.cells):
                node.label = "header"
            first = cells[0].strip() if cells else ""
            if first.rstrip(".").replace("-", "").isdigit():
                node.num = first.rstrip(".")
            self.place(row_block, node.eid)

    # -- numbering -----------------------------------------------------------------------------------------

    def pattern(self, kind: NodeKind):
        return {NodeKind.POINT: POINT, NodeKind.SUBPOINT: SUBPOINT}.get(kind)

    def following(self, kind: NodeKind) -> str | None:
        """The printed number of the next part of ``kind`` in the same scope, if the text has one."""
        pattern = self.pattern(kind)
        for block in self.blocks[self.i + 1:]:
            if block.layout or self.is_note(block):
                continue
            if self.is_caption(block):
                return None
            heading = self.heading_kind(block)
            if pattern is not None:
                if heading and (kind is NodeKind.SUBPOINT or heading[0] is NodeKind.ARTICLE):
                    return None
                if kind is NodeKind.SUBPOINT and POINT.match(block.folded):
                    return None
                if m := pattern.match(block.folded):
                    return m.group(1)
            elif heading:
                if heading[0] is kind:
                    return heading[1]
                if RANK[heading[0]] < RANK[kind]:
                    return None
        return None

    def numbered(self, parent: Open, kind: NodeKind, num: str, block: Block, scope: str) -> Open:
        """A numbered part (see numbering.py for the eId of a misnumbered one)."""
        last = self.last.get(scope)
        repeated = last is not None and number_key(num) <= last
        eid_num, problem = decide(num, last, self.following(kind) if repeated else None)
        if kind is NodeKind.SUBPOINT and problem == "number_gap":
            problem = None  # sub-points are left out of lists by exclusions all the time
        pattern = self.pattern(kind)
        m = pattern.match(block.folded) if pattern else None
        node = parent.child(kind, f"{PREFIX[kind]}_{eid_num or num}", block, num=num,
                            label=block.text[: m.start(2)].strip() if m else None)
        if m:
            node.text = block.text[m.start(2):]
        self.last[scope] = number_key(eid_num) if eid_num else last  # type: ignore[assignment]
        if problem:
            before = "-".join(map(str, last)) if last else ""
            read = f"; read as {eid_num}" if eid_num and eid_num != num else ""
            self.finding(FindingKind(problem), f"{PREFIX[kind]} {num} follows {before}{read}", node.eid, block)
        self.place(block, node.eid)
        return node

    # -- helpers -----------------------------------------------------------------------------------------

    def inline_heading(self, block: Block) -> int | None:
        """Where a chapter or section heading starts inside a block, if it does."""
        if self.lex.inline_heading is None:
            return None
        m = self.lex.inline_heading.search(block.text)
        return m.start(1) if m else None

    def cut(self, block: Block, at: int) -> tuple[Block, Block]:
        """Split a block at a character of its text; the line where it splits belongs to both halves."""
        head, tail = block.text[:at].strip(), block.text[at:].strip()
        raw = self.src.text[block.start:block.end]
        words = r"\s+".join(map(re.escape, tail.split(" ")[:2]))
        m = re.search(words, raw)
        split = block.start + (m.start() if m else 0)
        line = block.first_line + self.src.text[block.start:split].count("\n")
        first = Block(head, tuple(n for n in block.lines if n <= line), block.start, split, block.indent)
        second = Block(tail, tuple(n for n in block.lines if n >= line), split, block.end, block.indent)
        return first, second

    def point_role(self, text: str) -> Role | None:
        folded = fold(text)
        for role, pattern in self.lex.point_roles:
            if pattern.match(folded):
                return role
        if self.lex.position_point and self.lex.position_point.match(folded):
            return Role.POSITION
        return None

    def freeze(self, node: Open) -> Node:
        return Node(node.kind, node.eid, self.span(node.blocks), node.num, node.label, node.heading, node.text,
                    node.role, tuple(self.freeze(c) for c in node.children), node.cells)


def _group(text: str, m: re.Match[str], name: str) -> str:
    """A group of a match on the folded text, in the words of the text as published."""
    return text[m.start(name):m.end(name)]


def segment(src: SourceText, blocks: list[Block], lexicon: Lexicon, meta: Meta | None = None) -> Document:
    return Segmenter(src, blocks, lexicon, meta).run()


__all__ = ["Segmenter", "segment"]
