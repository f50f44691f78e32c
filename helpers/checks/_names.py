"""What an answer's code names: the names a check reads to tell which idiom a learner used
(a solver, a factorization, a keyword), shared by the checks of Days 4 and 7."""

from __future__ import annotations

import types


def names_used(func, seen: set | None = None, words: bool = False) -> set[str]:
    """Global and attribute names that ``func``'s code (nested functions and lambdas
    included) looks up, and those of the learner's own functions it calls, recursively;
    with ``words`` also its local variable names and the keyword names of its calls.

    >>> import numpy as np
    >>> sorted(names_used(lambda X: np.linalg.cholesky(X)))
    ['cholesky', 'linalg', 'np']
    >>> "rcond" in names_used(lambda A, y: np.linalg.lstsq(A, y, rcond=None), words=True)
    True
    """
    seen = set() if seen is None else seen
    code = getattr(func, "__code__", None)
    if code is None or code in seen:
        return set()
    seen.add(code)
    names, stack = set(), [code]
    while stack:
        c = stack.pop()
        names.update(c.co_names)
        if words:
            names.update(c.co_varnames)
        for k in c.co_consts:
            if isinstance(k, types.CodeType):
                stack.append(k)
            elif words and isinstance(k, tuple):  # the keyword names of a call: ("rcond",)
                names.update(v for v in k if isinstance(v, str))
    own = getattr(func, "__globals__", {})
    for name in list(names):
        obj = own.get(name)
        if isinstance(obj, types.FunctionType) and obj.__module__ == func.__module__:
            names |= names_used(obj, seen, words)
    return names
