# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Secondary suppression against a reader who solves the tables: no small figure can be worked out.

The attack: every shown figure is known, every row, column and total is an equation, every
figure is a whole number of at least zero. For each suppressed figure the tests enumerate every
table that fits what is shown; a figure is given away when all of them agree on it.
"""

from itertools import product

import pytest

from referrals.selectors.reports import SUPPRESS_BELOW, protect, suppress


def matrix(cells: list[list[int]]):
    """A table with row totals, column totals and a grand total, as values and lines."""
    values, lines = {}, []
    rows, cols = range(len(cells)), range(len(cells[0]))
    for r in rows:
        for c in cols:
            values[("cell", r, c)] = cells[r][c]
        values[("row", r)] = sum(cells[r])
        lines.append((("row", r), [("cell", r, c) for c in cols]))
    for c in cols:
        values[("col", c)] = sum(cells[r][c] for r in rows)
        lines.append((("col", c), [("cell", r, c) for r in rows]))
    values[("all",)] = sum(values[("row", r)] for r in rows)
    lines.append((("all",), [("row", r) for r in rows]))
    lines.append((("all",), [("col", c) for c in cols]))
    return values, lines


def solutions(values, lines, hidden):
    """Every assignment of the hidden figures that fits the shown ones (backtracking, small tables)."""
    unknown = sorted(hidden, key=str)
    found = []

    def upper(key):
        # A figure is at most any shown total it is part of (the grand total at worst).
        totals = [values[t] for t, members in lines if key in members and t not in hidden]
        return min(totals, default=max(values.values()))

    def fits(assigned):
        for total, members in lines:
            keys = [total, *members]
            get = lambda k: assigned[k] if k in hidden else values[k]  # noqa: E731
            known = [k for k in keys if k not in hidden or k in assigned]
            if len(known) == len(keys):
                if get(total) != sum(get(m) for m in members):
                    return False
            elif total in known and sum(get(m) for m in members if m in known) > get(total):
                return False
        return True

    def walk(i, assigned):
        if i == len(unknown):
            found.append(dict(assigned))
            return
        for v in range(upper(unknown[i]) + 1):
            assigned[unknown[i]] = v
            if fits(assigned):
                walk(i + 1, assigned)
            del assigned[unknown[i]]

    walk(0, {})
    return found


def assert_nothing_small_can_be_recovered(values, lines):
    hidden = protect(values, lines)
    shown = {k: v for k, v in values.items() if k not in hidden}
    # Primary: nothing from 1 to 4 is shown (a 0 identifies nobody).
    assert all(v == 0 or v >= SUPPRESS_BELOW for v in shown.values()), shown
    found = solutions(values, lines, hidden)
    assert found, "the real table must be one of the solutions"
    for key in hidden:
        if values[key] < SUPPRESS_BELOW:
            possible = {s[key] for s in found}
            assert len(possible) >= 2, f"{key} is given away: always {possible}"
    # No line lets a reader add up its hidden figures to a small group (1–4 people).
    for total, members in lines:
        if total in hidden:
            continue
        group = sum(values[m] for m in members if m in hidden)
        assert not any(m in hidden for m in members) or group >= SUPPRESS_BELOW, (total, group)
    return hidden


ADVERSARIAL = {
    "one small cell in the middle": [[10, 3, 8], [7, 9, 6], [5, 12, 11]],
    "two small cells in one row that add up to a small group": [[20, 1, 2], [8, 9, 10]],
    "a small cell alone in its row and column": [[30, 6, 7], [6, 2, 9], [8, 7, 40]],
    "a small row total": [[2, 1, 1], [9, 8, 7], [6, 10, 5]],
    "the complement lands in a column with nothing else hidden": [[3, 9, 20], [9, 9, 9], [6, 30, 7]],
    "small cells on the diagonal": [[4, 9, 9], [9, 4, 9], [9, 9, 4]],
    "zeros beside a small figure": [[0, 3, 15], [0, 0, 12], [7, 6, 5]],
    "a zero is no complement": [[0, 2, 30], [0, 9, 8], [11, 0, 6]],
}


@pytest.mark.parametrize("cells", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_no_suppressed_figure_can_be_worked_out_from_the_totals(cells):
    values, lines = matrix(cells)
    assert_nothing_small_can_be_recovered(values, lines)


def test_primary_suppression_alone_would_give_the_small_cell_away():
    # Without secondary suppression, row total minus the other cells is the hidden 3: the attack works.
    values, lines = matrix([[10, 3, 8], [7, 9, 6], [5, 12, 11]])
    primary = {k for k, v in values.items() if 0 < v < SUPPRESS_BELOW}
    assert {s[("cell", 0, 1)] for s in solutions(values, lines, primary)} == {3}


def test_a_shown_total_never_lets_two_small_hidden_figures_be_added_up():
    # 20 + 1 + 2: hiding 1 and 2 tells the reader "these two hold 3 people"; the 20 goes too.
    # (Reading the whole breakdown: with its total shown elsewhere it is not recoverable; alone it is 23.)
    cells = suppress({"Kredietbank": 20, "Taalhuis": 1, "Woej": 2})
    assert [c.count for c in cells] == [None, None, None]


def test_a_breakdown_with_one_small_figure_hides_the_next_smallest():
    cells = suppress({"Kredietbank": 20, "Taalhuis": 9, "Woej": 3})
    assert [c.count for c in cells] == [20, None, None]


def test_one_figure_shared_by_two_tables_is_suppressed_in_both():
    # The total sent is the flow matrix's grand total and the trend's column total: one key, one decision.
    values, lines = matrix([[10, 3], [8, 9]])
    values[("trend", 1)], values[("trend", 2)] = 27, 3
    lines.append((("all",), [("trend", 1), ("trend", 2)]))
    hidden = assert_nothing_small_can_be_recovered(values, lines)
    assert ("trend", 2) in hidden and ("trend", 1) in hidden  # else 30 − 27 gives the 3 away


def test_solver_is_exhaustive_on_a_tiny_table():
    # A 2×2 table with all four cells hidden and the margins shown has one degree of freedom.
    values, lines = matrix([[1, 5], [5, 1]])
    hidden = {("cell", r, c) for r, c in product(range(2), range(2))}
    found = solutions(values, lines, hidden)
    assert {s[("cell", 0, 0)] for s in found} == {0, 1, 2, 3, 4, 5, 6}
