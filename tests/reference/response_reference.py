# SPDX-License-Identifier: GPL-3.0-or-later
# Independent reference for issue 19's single-case figures, written from
# their definitions with exact fractions where they exist (no code shared
# with painlog's C++): the area under the pain curve with linear
# interpolation, the Mann-Kendall test with the tie correction, the
# Theil-Sen line (median pairwise slope, median intercept), and Tau-BC
# (Tarlow 2017 with the trend pretest) with NAP's Newcombe interval from
# newcombe_reference.py. tests/unit/test_infusion_course.cpp checks
# painlog against the figures this prints:
#
#   python3 tests/reference/response_reference.py
from fractions import Fraction as F
from math import erfc, sqrt
import os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from newcombe_reference import ref as newcombe  # noqa: E402


def area(points, baseline):
    """points: (day, pain) in day order; returns days, filled, pain and relief score-days, relief %."""
    pts = [(d, F(p).limit_denominator(10**6)) for d, p in points]
    base = F(baseline).limit_denominator(10**6)
    total, filled = F(0), 0
    for (d0, p0), (d1, p1) in zip(pts, pts[1:]):
        total += p0
        for g in range(1, d1 - d0):
            total += p0 + (p1 - p0) * F(g, d1 - d0)
            filled += 1
    total += pts[-1][1]
    days = pts[-1][0] - pts[0][0] + 1
    relief = base * days - total
    pct = None if base == 0 else round(float(relief / (base * days) * 100), 1)
    return days, filled, float(total), float(relief), pct


def mann_kendall(y):
    n = len(y)
    s = sum((y[j] > y[i]) - (y[j] < y[i]) for i in range(n) for j in range(i + 1, n))
    ties = sum(t * (t - 1) * (2 * t + 5) for t in (y.count(v) for v in set(y)))
    var = F(n * (n - 1) * (2 * n + 5) - ties, 18)
    z = 0.0 if s == 0 or var == 0 else (s - (1 if s > 0 else -1)) / sqrt(var)
    return s, float(var), z, erfc(abs(z) / sqrt(2))


def median(v):
    v = sorted(v)
    n = len(v)
    return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2


def theil_sen(xs, ys):
    slopes = [F(ys[j] - ys[i]) / (xs[j] - xs[i]) for i in range(len(xs)) for j in range(i + 1, len(xs)) if xs[i] != xs[j]]
    b = median(slopes)
    return b, median([F(y) - b * x for x, y in zip(xs, ys)])


def tau_bc(xa, a, xb, b, lower_better):
    """Tau-BC with the pretest (p < 0.05 on at least 8 baseline values): Tau and its interval, corrected or not."""
    s, var, z, p = mann_kendall(a)
    corrected = len(a) >= 8 and p < 0.05
    if corrected:
        slope, intercept = theil_sen(xa, a)
        a = [F(y) - intercept - slope * x for x, y in zip(xa, a)]
        b = [F(y) - intercept - slope * x for x, y in zip(xb, b)]
    nap, lo, hi = newcombe([float(v) for v in a], [float(v) for v in b], higher=not lower_better)
    return corrected, 2 * nap - 1, 2 * lo - 1, 2 * hi - 1


if __name__ == "__main__":
    print("area, gap of one:", area([(1, 6), (2, 4), (4, 2)], 6))
    print("area, gap of three:", area([(1, 8), (5, 4)], 8))
    print("area, thirds:", area([(1, 5), (4, 6)], 5.5))
    print("area, baseline 0:", area([(1, 1), (2, 2)], 0))
    print("MK 1..8:", mann_kendall([1, 2, 3, 4, 5, 6, 7, 8]))
    print("MK ties:", mann_kendall([5, 5, 6, 6, 7, 7, 8, 8]))
    print("Theil-Sen ties:", [float(v) for v in theil_sen(list(range(-8, 0)), [5, 5, 6, 6, 7, 7, 8, 8])])
    # A baseline rising by a day, continued exactly after the infusion: Tau-BC 0.
    print("Tau-BC on a continued line:", tau_bc(list(range(1, 9)), list(range(1, 9)), list(range(9, 14)),
                                               list(range(9, 14)), False))
    # Tarlow's (2017) example series, as SingleCaseES's tests use it (lower is better).
    a = [33, 25, 17, 25, 19, 21, 19, 14, 19, 17]
    b = [14, 15, 15, 9, 12, 7, 10, 6, 5, 2, 2, 3, 5, 4]
    print("Tarlow Theil-Sen:", [float(v) for v in theil_sen(list(range(1, 11)), a)])
    print("Tarlow MK:", mann_kendall(a))
    print("Tarlow Tau-BC:", tau_bc(list(range(1, 11)), a, list(range(11, 25)), b, True))
    # A falling pain baseline of 14 days with ties (days -14..-1), and days 1-7.
    base = [8, 8, 7, 8, 7, 7, 6, 7, 6, 6, 5, 6, 5, 5]
    after = [4, 4, 3, 4, 3, 3, 4]
    print("falling baseline MK:", mann_kendall(base))
    print("falling baseline Theil-Sen:", [float(v) for v in theil_sen(list(range(-14, 0)), base)])
    print("falling baseline Tau-BC:", tau_bc(list(range(-14, 0)), base, list(range(1, 8)), after, True))
    print("falling baseline NAP:", newcombe(base, after, higher=False))
