"""Where in a long normalized text a passage may stand: which chunks hold every whole word of it (issue 8).

A search for a quote in a source of megabytes would scan all of it, once per quote and again for each piece the
closest-passage search looks for. Cut into chunks of CHUNK characters at spaces, a text keeps, for each
space-separated token, the set of chunks holding it (a bitmask). A passage's inner tokens (all but its first and
last, which may be part of longer tokens of the text) stand as whole tokens wherever the passage stands, in at most
two neighbouring chunks; so only the chunks where all of them stand need be scanned, and the search finds what
scanning the whole text finds.
"""
from __future__ import annotations

CHUNK = 1 << 13  # characters in a chunk (cut at the next space)
INDEXED_FROM = 1 << 20  # characters: a shorter text is scanned whole, which is as fast
SCAN_WHOLE = 4  # a needle whose words stand in more than one chunk in this many is looked for in the whole text


class ChunkIndex:
    """The chunks of a normalized text and, for each token, the chunks holding it."""

    def __init__(self, text: str, chunk: int = CHUNK):
        self.chunk = chunk
        bounds = [0]
        while bounds[-1] < len(text):
            cut = text.find(" ", bounds[-1] + chunk)
            bounds.append(len(text) if cut < 0 else cut)
        self.bounds = bounds
        masks: dict[str, int] = {}
        get = masks.get
        for number, (start, end) in enumerate(zip(bounds, bounds[1:])):
            bit = 1 << number
            for token in set(text[start:end].split(" ")):
                masks[token] = get(token, 0) | bit
        self.masks = masks

    def ranges(self, needle: str, lo: int, hi: int) -> list[tuple[int, int]]:
        """Disjoint stretches of [lo, hi), in order, holding every place where `needle` may stand in [lo, hi)."""
        inner = needle.split(" ")[1:-1]
        if lo >= hi:
            return []
        if not inner or len(needle) > self.chunk:
            return [(lo, hi)]
        pairs = -1  # bit i: chunk i or i + 1 holds every inner token
        for token in set(inner):
            mask = self.masks.get(token, 0)
            pairs &= mask | (mask >> 1)
            if not pairs:
                return []
        if pairs.bit_count() * SCAN_WHOLE > len(self.bounds):
            return [(lo, hi)]  # the needle's words are everywhere: one scan is faster than many
        out: list[tuple[int, int]] = []
        bounds, number = self.bounds, 0
        while pairs > 0:
            skip = (pairs & -pairs).bit_length() - 1
            number += skip
            pairs >>= skip + 1
            start = max(lo, bounds[number] - len(needle))
            end = min(hi, bounds[min(number + 2, len(bounds) - 1)] + len(needle))
            if start < end:
                if out and start <= out[-1][1]:
                    out[-1] = (out[-1][0], max(out[-1][1], end))
                else:
                    out.append((start, end))
            number += 1
        return out
