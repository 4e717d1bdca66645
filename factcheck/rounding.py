"""Whether one figure is another rounded: shared by the fact linker and the amount rule.

"5 milliards" is "4,9 milliards" rounded; "623" is not "632" rounded, though as close. The test
is on significant digits, so that a figure with fewer of them must be the other at that
precision.
"""

from __future__ import annotations

import math


def significant_digits(x: float) -> int:
    digits = f"{abs(x):.10g}".replace(".", "").lstrip("0").rstrip("0")
    return max(len(digits), 1)


def is_rounding(a: float, b: float) -> bool:
    """One value is the other rounded or cut: 5 milliards / 4,9 milliards, 29 % / 29,6 %, not
    623 / 632. News cuts figures as often as it rounds them ("29 %" for 29,6 %)."""
    ra, rb = significant_digits(a), significant_digits(b)
    if ra == rb:
        return False
    rounder, other, digits = (a, b, ra) if ra < rb else (b, a, rb)
    if other == 0:
        return False
    scale = 10 ** (math.floor(math.log10(abs(other))) - digits + 1)
    return abs(other - rounder) < scale * (1 - 1e-9) and math.isclose(
        round(rounder / scale) * scale, rounder, rel_tol=1e-9)
