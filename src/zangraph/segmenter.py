"""The language-aware segmenter: blocks of a source text -> the document model.

The walk follows the shape every order of the corpus shares: title, header, notes, preamble, the order's
own numbered items, signatures and approvals, then the annex with its caption, title, chapters, sections
(positions or cards of profession), points, sub-points and indents. Every non-blank line ends up held by a
node, a note, the title or header, or is classified as layout with a reason; the fidelity check relies on
that bookkeeping (``placed``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from . import cards
from .entry import entry_into_force
from .errors import SourceError
from .headers import parse_header
from .lang import POINT, SUBPOINT, Lexicon
from .model import (
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
from .readers import Block
from .readers.base import clean
from .resolve import resolve_notes
from .sources import SourceText


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

    def next(self, name: str) -> int:
        self.counters[name] = self.counters.get(name, 0) + 1
        return self.counters[name]

    def child(self, kind: NodeKind, part: str, block: Block, **kw) -> Open:
        node = Open(kind, f"{self.eid}__{part}" if self.eid else part, [block], **kw)
        self.children.append(node)
        return node


def number_key(num: str) -> tuple[int, ...]:
    return tuple(int(p) for p in num.split("-"))


class Segmenter:
    def __init__(self, src: SourceText, blocks: list[Block], lexicon: Lexicon):
        self.src = src
        self.file = src.source.file
        self.lex = lexicon
        self.blocks = blocks
        self.lines = src.text.splitlines()
        self.i = 0
        self.placed: dict[int, list[str]] = {}
        self.layout: list[LayoutLine] = []
        self.raw_notes: list[tuple[NoteKind, str, list[Block], str | None]] = []
        self.findings: list[Finding] = []
        self.root = Open(NodeKind.ANNEX, "", [])  # holds the top-level parts; never emitted itself
        self.last_point: dict[str, tuple[int, ...]] = {}

    # -- bookkeeping -------------------------------------------------------------------------------------

    def span(self, blocks: list[Block]) -> Span:
        return Span(self.file, blocks[0].first_line, blocks[-1].last_line, blocks[0].start, blocks[-1].end,
                    self.src.source.sha256)

    def place(self, block: Block, holder: str) -> None:
        for line in block.lines:
            self.placed.setdefault(line, []).append(holder)

    def as_layout(self, block: Block, reason: str) -> None:
        self.place(block, "layout")
        self.layout.extend(LayoutLine(n, clean(self.lines[n - 1]), reason) for n in block.lines)

    def peek(self, offset: int = 0) -> Block | None:
        j = self.i + offset
        return self.blocks[j] if j < len(self.blocks) else None

    def fail(self, block: Block, message: str, expected: str) -> SourceError:
        return SourceError(self.file, message, line=block.first_line, expected=expected)

    # -- classification ----------------------------------------------------------------------------------

    def is_note(self, block: Block) -> bool:
        editorial = self.lex.editorial
        return bool(self.lex.footnote.match(block.text) or (editorial and editorial.match(block.text)))

    def is_layout(self, block: Block) -> str | None:
        if self.lex.furniture.match(block.text):
            return "page furniture"
        if self.lex.repeated_header.match(block.text):
            return "repeated header"
        return None

    def is_caption(self, block: Block) -> bool:
        if not self.lex.annex_caption.match(block.text):
            return False
        return not self.lex.caption_at_margin or block.indent == 0

    def take_note(self, after: str | None) -> None:
        """Consume a footnote (with any continuation split from it) or an editorial note and its body."""
        block = self.blocks[self.i]
        parts = [block]
        kind = NoteKind.FOOTNOTE if self.lex.footnote.match(block.text) else NoteKind.EDITORIAL
        if kind is NoteKind.EDITORIAL and self.peek(1):
            self.i += 1
            parts.append(self.blocks[self.i])
        text = " ".join(p.text for p in parts)
        # A footnote broken over two paragraphs (the Russian text around section 4-1) is one footnote: its
        # bracketed rule is still open.
        while text.count("(") > text.count(")") and self.peek(1) and not self.is_note(self.peek(1)):
            self.i += 1
            parts.append(self.blocks[self.i])
            text = f"{text} {self.blocks[self.i].text}"
        holder = f"note:{len(self.raw_notes)}"
        for part in parts:
            self.place(part, holder)
        self.raw_notes.append((kind, text, parts, after))
        self.i += 1

    # -- the walk ----------------------------------------------------------------------------------------

    def run(self) -> Document:
        if not self.blocks:
            raise SourceError(self.file, "the text is empty", line=1, expected="an act's title")
        title_block = self.blocks[0]
        self.place(title_block, "title")
        self.i = 1
        header = self.front_matter(title_block.text)
        self.order_items()
        self.conclusions()
        if self.peek():
            self.annex(self.root, "att_1")
        parts = tuple(self.freeze(n) for n in self.root.children)
        notes, note_findings = resolve_notes(self, parts)
        eif = entry_into_force(parts, self.lex)
        preamble = next(p for p in parts if p.kind is NodeKind.PREAMBLE)
        basis = self.lex.legal_basis.search(preamble.text)
        return Document(self.src.source, title_block.text, self.span([title_block]), header, parts, notes, eif,
                        tuple(self.layout), tuple(self.findings + note_findings),
                        legal_basis=basis.group("basis").strip(" ,") if basis else None,
                        placed={k: list(v) for k, v in self.placed.items()})

    def front_matter(self, title: str) -> Header:
        header: Header | None = None
        status: str | None = None
        while (block := self.peek()) is not None:
            text = block.text
            if status_match := self.lex.status.match(text):
                # "Invalidated" / "Күшін жойған": kept as the header's status; the line itself is furniture.
                status = status_match.group(0).split(" ")[0] if self.lex.language == "en" else status_match.group(0)
                self.as_layout(block, "status line (kept as the header's status)")
                self.i += 1
            elif reason := self.is_layout(block):
                self.as_layout(block, reason)
                self.i += 1
            elif text == title:
                self.as_layout(block, "repeated header")
                self.i += 1
            elif header is None and self.lex.header.search(text):
                header = parse_header(text, self.lex.language, self.span([block]), self.file, block.first_line)
                self.place(block, "header")
                self.i += 1
            elif self.is_note(block):
                self.take_note("preamble" if self.root.children else None)
            elif self.lex.order_formula.search(text):
                if header is None:
                    raise self.fail(block, "preamble before the act's header", "a header naming the act and its number")
                node = self.root.child(NodeKind.PREAMBLE, "preamble", block, text=text)
                self.place(block, node.eid)
                self.i += 1
                while (nxt := self.peek()) is not None and self.is_note(nxt):
                    self.take_note(node.eid)
                return replace(header, status=status)
            else:
                raise self.fail(block, f"cannot place {text[:60]!r} before the preamble",
                                "the title, the header, a note or the preamble ending with the order formula")
        raise SourceError(self.file, "no preamble found", expected="a paragraph ending with the order formula")

    def order_items(self) -> None:
        item: Open | None = None
        eif_seen = False
        while (block := self.peek()) is not None:
            text = block.text
            if self.is_note(block):
                self.take_note(item.eid if item else "preamble")
                continue
            if reason := self.is_layout(block):
                self.as_layout(block, reason)
            elif m := POINT.match(text):
                if eif_seen:
                    break
                item = self.numbered(self.root, NodeKind.POINT, "para", m[1], block, text, scope="items")
                eif_seen = bool(self.lex.entry_into_force.match(m[2]))
            elif (m := SUBPOINT.match(text)) and item is not None:
                self.subpoint(item, m[1], block, text)
            elif eif_seen or item is None:
                break
            else:
                self.indent(item, block)
            self.i += 1
        if not eif_seen:
            block = self.peek() or self.blocks[-1]
            raise self.fail(block, "the order's items end without an entry-into-force item",
                            "an item saying when the order enters into force")

    def conclusions(self) -> None:
        node: Open | None = None
        while (block := self.peek()) is not None and not self.is_caption(block):
            if reason := self.is_layout(block):
                self.as_layout(block, reason)
            elif self.lex.approval.match(block.text):
                n = len([c for c in self.root.children if c.kind is NodeKind.APPROVAL]) + 1
                node = self.root.child(NodeKind.APPROVAL, f"approval_{n}", block, text=block.text)
                self.place(block, node.eid)
            elif node is None:
                node = self.root.child(NodeKind.CONCLUSIONS, "conclusions", block, text=block.text)
                self.place(block, node.eid)
            else:
                node.blocks.append(block)
                node.text = f"{node.text} {block.text}"
                self.place(block, node.eid)
            self.i += 1

    def annex(self, parent: Open, eid: str) -> None:
        """An annex: its caption and title, then chapters, sections, points, nested annexes and cards."""
        first = self.peek()
        annex = Open(NodeKind.ANNEX, eid, [first], num=eid.rsplit("_", 1)[1])
        parent.children.append(annex)
        self.caption(annex)
        chapter: Open | None = None
        section: Open | None = None
        point: Open | None = None
        card = None
        while (block := self.peek()) is not None:
            text = block.text
            if self.is_note(block):
                current = point or section or chapter or annex
                self.take_note(current.eid)
                continue
            if reason := self.is_layout(block):
                self.as_layout(block, reason)
            elif m := self.lex.chapter.match(text):
                at = self.inline_heading(block)
                head, rest = self.cut(block, at) if at is not None else (block, None)
                chapter = self.numbered(annex, NodeKind.CHAPTER, "chp", m[1], head, head.text, scope="chp")
                section = point = card = None
                if rest:
                    self.blocks[self.i] = rest
                    continue
            elif self.lex.section and (m := self.lex.section.match(text)):
                container = chapter or annex
                section = self.numbered(container, NodeKind.SECTION, "sec", m[1], block, text,
                                        scope=f"sec:{container.eid}")
                point = card = None
            elif self.lex.card and self.lex.card.match(text):
                section = annex.child(NodeKind.SECTION, f"sec_{annex.next('sec')}", block, label=text)
                section.num = str(annex.counters["sec"])
                self.place(block, section.eid)
                self.i += 1
                title = self.peek()
                if title is not None:
                    section.heading = title.text
                    section.blocks.append(title)
                    self.place(title, section.eid)
                card = cards.CardBuilder(self, section)
                point = None
            elif card is not None:
                card.add(block)
            elif self.is_caption(block):
                self.annex(annex, f"{annex.eid}__att_{annex.next('att')}")
                continue
            elif m := POINT.match(text):
                point = self.numbered(section or chapter or annex, NodeKind.POINT, "para", m[1], block, text,
                                      scope="annex")
                point.role = self.point_role(m[2], chapter)
            elif (m := SUBPOINT.match(text)) and point is not None:
                self.subpoint(point, m[1], block, text)
            elif point is not None:
                self.indent(point, block)
            else:
                raise self.fail(block, f"cannot place {text[:60]!r} in the annex",
                                "a chapter, section or card heading, a numbered point or a note")
            self.i += 1

    def caption(self, annex: Open) -> None:
        """Blocks from the caption ("Appendix to order ...") to the first heading: preface, notes, title.

        The title is the last paragraph before the first heading, or the words a heading was run into; an
        annex whose caption is followed directly by a heading (the cards of order 292) has no title.
        """
        held: list[Block] = []
        inline = False
        while (block := self.peek()) is not None and not self.is_heading(block):
            if self.is_note(block):
                self.take_note(annex.eid)
                continue
            if (at := self.inline_heading(block)) is not None:
                title, rest = self.cut(block, at)
                held.append(title)
                self.blocks[self.i] = rest
                inline = True
                break
            held.append(block)
            self.i += 1
        if inline or len(held) > 1:
            title = held.pop()
            annex.heading = title.text
            annex.blocks.append(title)
            self.place(title, annex.eid)
        if held:
            preface = annex.child(NodeKind.PREFACE, "preface", held[0], text=" ".join(b.text for b in held))
            preface.blocks = held
            for b in held:
                self.place(b, preface.eid)

    # -- helpers -----------------------------------------------------------------------------------------

    def is_heading(self, block: Block) -> bool:
        lex = self.lex
        return bool(lex.chapter.match(block.text) or (lex.section and lex.section.match(block.text))
                    or (lex.card and lex.card.match(block.text)))

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

    def numbered(self, parent: Open, kind: NodeKind, prefix: str, num: str, block: Block, text: str,
                 scope: str) -> Open:
        """A numbered part. Its eId takes the number the sequence gives where the printed one repeats or
        goes back (e.g. a second "41." after 41 is part 42): eIds must be unique and align across languages."""
        key = number_key(num)
        last = self.last_point.get(scope)
        eid_num = num
        if last is not None and key <= last:
            eid_num = str(last[0] + 1)
            kind_f = FindingKind.DUPLICATE_NUMBER if key == last else FindingKind.NUMBER_OUT_OF_ORDER
            self.finding(kind_f, f"{prefix} {num} follows {'-'.join(map(str, last))}; read as {eid_num}",
                         f"{parent.eid}__{prefix}_{eid_num}".lstrip("_"), block)
        elif last is not None and len(key) == 1 and key[0] > last[0] + 1:
            self.finding(FindingKind.NUMBER_GAP, f"{prefix} {num} follows {'-'.join(map(str, last))}",
                         f"{parent.eid}__{prefix}_{num}".lstrip("_"), block)
        self.last_point[scope] = number_key(eid_num)
        pattern = {NodeKind.CHAPTER: self.lex.chapter, NodeKind.SECTION: self.lex.section}.get(kind, POINT)
        m = pattern.match(text)  # type: ignore[union-attr]
        body = m[2] if m else text
        label = text[: m.start(2)].strip() if m else None
        node = parent.child(kind, f"{prefix}_{eid_num}", block, num=num, label=label)
        if kind is NodeKind.POINT:
            node.text = body
        else:
            node.heading = body
        self.place(block, node.eid)
        return node

    def subpoint(self, point: Open, num: str, block: Block, text: str) -> None:
        point.next("indent")
        m = SUBPOINT.match(text)
        node = point.child(NodeKind.SUBPOINT, f"point_{num}", block, num=num, label=text[: m.start(2)].strip(),
                           text=m[2])
        self.place(block, node.eid)

    def indent(self, point: Open, block: Block) -> None:
        # Abzats are counted as the law counts them: a point's own first paragraph is abzats 1, so its
        # first indent is abzats 2. A card field's values are counted from 1.
        k = point.next("indent") + (1 if point.kind is NodeKind.POINT else 0)
        node = point.child(NodeKind.INDENT, f"indent_{k}", block, num=str(k), text=block.text)
        self.place(block, node.eid)

    def point_role(self, text: str, chapter: Open | None) -> Role | None:
        for role, pattern in self.lex.point_roles:
            if pattern.match(text):
                return role
        if self.lex.position_point and self.lex.position_point.match(text):
            return Role.POSITION
        return None

    def finding(self, kind: FindingKind, message: str, eid: str | None, block: Block) -> None:
        self.findings.append(Finding(kind, self.src.source.act, message,
                                     (Place(self.file, eid, self.span([block])),), (block.text,)))

    def freeze(self, node: Open) -> Node:
        return Node(node.kind, node.eid, self.span(node.blocks), node.num, node.label, node.heading, node.text,
                    node.role, tuple(self.freeze(c) for c in node.children))


def segment(src: SourceText, blocks: list[Block], lexicon: Lexicon) -> Document:
    return Segmenter(src, blocks, lexicon).run()


__all__ = ["Header", "Segmenter", "segment"]
