"""Edges that go around the nodes they do not join: straight when clear, else bent once or twice.

A node takes a box on the page: its circle and the label under it (a label's width is
estimated from its length at the graph's 12 px font). An edge is a polyline from one
node's centre to the other's. It is straight when the straight segment misses every other
node's box; otherwise, between two columns of a layered drawing, it is led through
them (:class:`Columns`: level beside each column, slanted only between columns);
failing that it bends at one point beside its midpoint (tried at growing distances on
either side), or at two points offset alike from both ends; an edge within one column
first tries a bracket out to its left, then its right. Candidates are tried in a fixed
order, so the same graph gives the same lines.

A contradiction is no flow and must not be read as one: :func:`arc` draws it as a
quadratic curve bulging to one side, checked against the boxes as 32 straight pieces.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence

__all__ = [
    "Box",
    "Columns",
    "Field",
    "Point",
    "arc",
    "arc_points",
    "crosses",
    "label_box",
    "lane_box",
    "route",
    "text_box",
]

Point = tuple[float, float]
Box = tuple[float, float, float, float]  # left, top, right, bottom in SVG user units

RADIUS = 12.0  # the node's circle, px
LABEL_BELOW = 28.0  # baseline of the label under the centre, px
LABEL_BESIDE = 18.0  # from the centre to the near end of a label beside the circle, px
_CHAR_WIDTH = 7.6  # px per character at 12 px: wider than DejaVu Sans's average, so the box errs large
_PAD = 5.0  # clearance kept around each box, px
_OFFSETS = (36.0, 60.0, 90.0, 130.0, 180.0, 240.0, 320.0, 420.0)


def label_box(x: float, y: float, label: str, side: str = "below") -> Box:
    """The box of a node centred at (x, y) with ``label`` on ``side`` (below, left, right): circle and text, padded."""
    text = text_box(x, y, label, side)
    circle = (x - RADIUS - _PAD, y - RADIUS - _PAD, x + RADIUS + _PAD, y + RADIUS + _PAD)
    return (min(text[0], circle[0]), min(text[1], circle[1]), max(text[2], circle[2]), max(text[3], circle[3]))


def text_box(x: float, y: float, label: str, side: str = "below") -> Box:
    """The box of the label alone, padded: an edge may leave its own node, not cross its name.

    Below the circle the text is centred with its baseline ``LABEL_BELOW`` px down; beside
    it the text starts ``LABEL_BESIDE`` px from the centre, on the baseline ``y + 4``.
    """
    width = len(label) * _CHAR_WIDTH
    if side == "below":
        half = max(RADIUS, width / 2) + _PAD
        return (x - half, y + RADIUS + 2, x + half, y + LABEL_BELOW + 4 + _PAD)
    top, bottom = y - 9 - _PAD, y + 8 + _PAD
    if side == "left":
        return (x - LABEL_BESIDE - width - _PAD, top, x - RADIUS - 2, bottom)
    return (x + RADIUS + 2, top, x + LABEL_BESIDE + width + _PAD, bottom)


def lane_box(points: Sequence[Point]) -> Box | None:
    """The upright piece of a bracket (4 points, out and back to one column) as a thin box; None for another line.

    Later brackets keep out of it, so two brackets beside one column never share a lane.
    """
    if len(points) != 4 or points[1][0] != points[2][0] or points[0][0] != points[3][0]:
        return None
    x, top, bottom = points[1][0], min(points[1][1], points[2][1]), max(points[1][1], points[2][1])
    return (x - _PAD, top - _PAD, x + _PAD, bottom + _PAD)


def crosses(start: Point, end: Point, box: Box) -> bool:
    """Whether the segment from ``start`` to ``end`` meets the inside of ``box`` (Liang-Barsky clipping)."""
    low, high = 0.0, 1.0
    for delta, origin, lower, upper in (
        (end[0] - start[0], start[0], box[0], box[2]),
        (end[1] - start[1], start[1], box[1], box[3]),
    ):
        if delta == 0:
            if not lower < origin < upper:
                return False
            continue
        t1, t2 = sorted(((lower - origin) / delta, (upper - origin) / delta))
        low, high = max(low, t1), min(high, t2)
    return high - low > 1e-9


class Field:
    """Boxes filed in a grid of square cells, each with its owner (a node id or ``""``): a line meets those near it.

    Without it every candidate line was clipped against every box: on a generated set of
    5,000 claims (191 nodes, 3,024 edges) routing took about 3 CPU s.
    """

    __slots__ = ("_cells",)
    _CELL = 128.0  # px

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], list[tuple[Box, str]]] = {}

    def add(self, box: Box, owner: str = "") -> None:
        """File ``box`` in every cell it meets."""
        for cx in range(math.floor(box[0] / self._CELL), math.floor(box[2] / self._CELL) + 1):
            for cy in range(math.floor(box[1] / self._CELL), math.floor(box[3] / self._CELL) + 1):
                self._cells.setdefault((cx, cy), []).append((box, owner))

    def near(self, left: float, top: float, right: float, bottom: float) -> Iterator[tuple[Box, str]]:
        """The boxes filed in the cells the rectangle meets (a box in several of them comes once for each)."""
        for cx in range(math.floor(left / self._CELL), math.floor(right / self._CELL) + 1):
            for cy in range(math.floor(top / self._CELL), math.floor(bottom / self._CELL) + 1):
                yield from self._cells.get((cx, cy), ())


def _clear(points: Iterable[Point], fields: Sequence[Field], skip: Collection[str], extra: Sequence[Box]) -> bool:
    """Whether no piece of the polyline crosses a box of ``extra`` or of ``fields`` not owned by one of ``skip``."""
    for a, b in itertools.pairwise(points):
        x0, x1 = (a[0], b[0]) if a[0] <= b[0] else (b[0], a[0])
        y0, y1 = (a[1], b[1]) if a[1] <= b[1] else (b[1], a[1])
        for box in extra:
            if box[2] > x0 and box[0] < x1 and box[3] > y0 and box[1] < y1 and crosses(a, b, box):
                return False
        for field in fields:
            for box, owner in field.near(x0, y0, x1, y1):
                if owner in skip:
                    continue
                if box[2] > x0 and box[0] < x1 and box[3] > y0 and box[1] < y1 and crosses(a, b, box):
                    return False
    return True


_ROW_TRIES = 3  # free rows tried in each column an edge passes through, nearest first
_OPEN_ROW = 48.0  # px of the free row above a column's first box and below its last
_SPREAD_AT_MOST = 15  # lines at distinct heights in one free row (sixteenths of it); more share them


def _free_rows(boxes: Sequence[Box]) -> list[tuple[float, float]]:
    """The free rows of a column, top to bottom: above its first box, between boxes that do not meet, below its last."""
    spans = sorted((box[1], box[3]) for box in boxes)
    rows = [(spans[0][0] - _OPEN_ROW, spans[0][0])]
    low = spans[0][1]
    for top, bottom in spans[1:]:
        if top > low:
            rows.append((low, top))
        low = max(low, bottom)
    rows.append((low, low + _OPEN_ROW))
    return rows


def _spread(number: int) -> float:
    """The ``number``-th share of a row's height (0 first): 1/2, 1/4, 3/4, 1/8, 3/8, ... (van der Corput, base 2).

    Past ``_SPREAD_AT_MOST`` the shares come round again, never closer than a sixteenth.
    """
    share, half, number = 0.0, 0.5, number % _SPREAD_AT_MOST + 1
    while number:
        share += half * (number & 1)
        number >>= 1
        half /= 2
    return share


class Columns:
    """The columns of a layered drawing, through which an edge between two columns is led clear of the nodes.

    Nodes of one column share an x and stand a row apart; between columns there are no
    nodes. A straight line between far rows slants past its ends' neighbours, so
    :meth:`lead` keeps a line level wherever it is beside a column's boxes and slants it
    only in the gaps between columns, as a layered drawing leads an edge over many
    layers through one dummy node in each layer between (Sugiyama, Tagawa and Toda 1981).
    Edges led through one free row are spread over its height so they do not lie on one
    another. The state (which rows were taken) changes as edges are led, in their order.
    """

    __slots__ = ("_at", "_free", "_spans", "_taken", "_tops", "_xs")

    def __init__(self, boxes: Mapping[str, Box], centres: Mapping[str, Point]) -> None:
        """File each node's ``boxes[node]`` in the column of its centre's x (``centres[node]``)."""
        by_x: dict[float, list[Box]] = {}
        for node, box in boxes.items():
            by_x.setdefault(centres[node][0], []).append(box)
        self._xs = sorted(by_x)
        self._at = {x: number for number, x in enumerate(self._xs)}
        self._spans = [(min(b[0] for b in by_x[x]), max(b[2] for b in by_x[x])) for x in self._xs]
        self._free = [_free_rows(by_x[x]) for x in self._xs]
        self._tops = [[row[0] for row in rows] for rows in self._free]
        self._taken: dict[tuple[int, int], int] = {}

    def _rows_near(self, column: int, y: float) -> list[int]:
        """The ``_ROW_TRIES`` free rows of ``column`` nearest to ``y``, nearest first."""
        rows = self._free[column]
        at = bisect.bisect_right(self._tops[column], y)
        near = range(max(0, at - _ROW_TRIES), min(len(rows), at + _ROW_TRIES))

        def distance(row: int) -> float:
            return max(rows[row][0] - y, y - rows[row][1], 0.0)

        return sorted(near, key=lambda row: (distance(row), row))[:_ROW_TRIES]

    def lead(
        self, start: Point, end: Point, fields: Sequence[Field], skip: Collection[str], extra: Sequence[Box]
    ) -> tuple[Point, ...] | None:
        """A line from ``start`` to ``end`` in another column, level beside the columns; None in one or if none clear.

        It leaves ``start`` level to the edge of its column's boxes (on the side facing
        ``end``), crosses each column between through the free row nearest the straight
        line that is clear, and comes level into ``end`` from the edge of its column. The
        boxes are chosen as for :func:`route`. The line is then pulled tight: a corner
        is dropped where the line may go from the one before it to the one after clear.
        """
        a, b = self._at.get(start[0]), self._at.get(end[0])
        if a is None or b is None or a == b:
            return None
        step, out = (1, 1) if b > a else (-1, 0)
        path = [start, (self._spans[a][out], start[1])]
        if not _clear(path, fields, skip, extra):
            return None
        rows: list[tuple[int, int] | None] = [None, None]
        for column in range(a + step, b, step):
            x = self._xs[column]
            aim = start[1] + (end[1] - start[1]) * (x - start[0]) / (end[0] - start[0])
            for row in self._rows_near(column, aim):
                top, bottom = self._free[column][row]
                y = round(top + (bottom - top) * _spread(self._taken.get((column, row), 0)), 1)
                across = ((self._spans[column][1 - out], y), (self._spans[column][out], y))
                if _clear((path[-1], *across), fields, skip, extra):
                    path.extend(across)
                    rows.extend(((column, row), (column, row)))
                    break
            else:
                return None
        into = ((self._spans[b][1 - out], end[1]), end)
        if not _clear((path[-1], *into), fields, skip, extra):
            return None
        path.extend(into)
        rows.extend((None, None))
        kept = _pulled(path, fields, skip, extra)
        for taken in sorted({free for number in kept if (free := rows[number]) is not None}):
            self._taken[taken] = self._taken.get(taken, 0) + 1
        return tuple(path[number] for number in kept)


def _pulled(path: Sequence[Point], fields: Sequence[Field], skip: Collection[str], extra: Sequence[Box]) -> list[int]:
    """The indices of the corners of a clear ``path`` kept when each goes as far along it as it clearly can.

    The straight line from first to last is not tried again: :func:`route` tried it first.
    """
    kept, at, last = [0], 0, len(path) - 1
    while at < last:
        for number in range(last - (at == 0), at, -1):
            if number == at + 1 or _clear((path[at], path[number]), fields, skip, extra):
                kept.append(number)
                at = number
                break
    return kept


def route(
    start: Point,
    end: Point,
    fields: Sequence[Field],
    skip: Collection[str] = (),
    extra: Sequence[Box] = (),
    *,
    columns: Columns | None = None,
) -> tuple[Point, ...] | None:
    """The points of a line from ``start`` to ``end`` that misses every box it may not cross; None when none tried does.

    The boxes are those of ``fields`` (less the ones ``skip`` owns: the two nodes joined)
    and ``extra`` (the joined nodes' own labels). With ``columns``, an edge between two
    columns first goes through the gaps between them (:meth:`Columns.lead`).

    Returns 2 points (straight), 3 (one bend), 4 (two bends), or more (through the columns).
    """
    straight = (start, end)
    if _clear(straight, fields, skip, extra):
        return straight
    if columns is not None:
        led = columns.lead(start, end, fields, skip, extra)
        if led is not None:
            return led
    dx, dy = end[0] - start[0], end[1] - start[1]
    if dx == 0:  # one column: a bracket out to the side, beyond the labels between them
        for offset in (*_OFFSETS, *(-offset for offset in _OFFSETS)):
            x = round(start[0] - offset, 1)
            bracket = (start, (x, start[1]), (x, end[1]), end)
            if _clear(bracket, fields, skip, extra):
                return bracket
    length = (dx * dx + dy * dy) ** 0.5 or 1.0
    nx, ny = -dy / length, dx / length  # unit normal
    mx, my = (start[0] + end[0]) / 2, (start[1] + end[1]) / 2
    for offset in _OFFSETS:
        for sign in (1.0, -1.0):
            bend = (round(mx + sign * offset * nx, 1), round(my + sign * offset * ny, 1))
            once = (start, bend, end)
            if _clear(once, fields, skip, extra):
                return once
    for offset in _OFFSETS:
        for sign in (1.0, -1.0):
            ox, oy = sign * offset * nx, sign * offset * ny
            first = (round(start[0] + dx / 4 + ox, 1), round(start[1] + dy / 4 + oy, 1))
            second = (round(end[0] - dx / 4 + ox, 1), round(end[1] - dy / 4 + oy, 1))
            candidate = (start, first, second, end)
            if _clear(candidate, fields, skip, extra):
                return candidate
    return None


_ARC_PIECES = 32
_ARC_OFFSETS = (
    40.0,
    50.0,
    60.0,
    70.0,
    80.0,
    90.0,
    100.0,
    115.0,
    130.0,
    160.0,
    200.0,
    250.0,
    300.0,
    400.0,
    520.0,
    660.0,
    820.0,
)


def arc_points(start: Point, control: Point, end: Point) -> list[Point]:
    """The quadratic curve from ``start`` to ``end`` pulled toward ``control``, as ``_ARC_PIECES`` + 1 points."""
    return list(_curve(start, control, end))


def _curve(start: Point, control: Point, end: Point) -> Iterator[Point]:
    """The points of :func:`arc_points` one by one: a curve found crossing a box near its start is not computed on."""
    for step in range(_ARC_PIECES + 1):
        t = step / _ARC_PIECES
        a, b, c = (1 - t) ** 2, 2 * t * (1 - t), t * t
        yield (a * start[0] + b * control[0] + c * end[0], a * start[1] + b * control[1] + c * end[1])


def arc(
    start: Point, end: Point, fields: Sequence[Field], skip: Collection[str] = (), extra: Sequence[Box] = ()
) -> Point | None:
    """The control point of a curve from ``start`` to ``end`` that misses every box, None when none tried does.

    The boxes are chosen as for :func:`route`.

    The control stands beside the midpoint at growing distances, the left of the line
    (seen from ``start``) first; the curve bulges half as far.
    """
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = (dx * dx + dy * dy) ** 0.5 or 1.0
    nx, ny = dy / length, -dx / length
    mx, my = (start[0] + end[0]) / 2, (start[1] + end[1]) / 2
    for offset in _ARC_OFFSETS:
        for sign in (1.0, -1.0):
            control = (round(mx + sign * offset * nx, 1), round(my + sign * offset * ny, 1))
            if _clear(_curve(start, control, end), fields, skip, extra):
                return control
    return None
