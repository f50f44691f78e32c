"""Small, tested helpers shared by the numpy-random-ml notebooks.

One concept per module, as in "Deep Learning from Scratch" ``common/``:

- :mod:`helpers.seeding`: named, independent random streams from one seed.
- :mod:`helpers.reproducibility`: will your numbers match the stored ones?
- :mod:`helpers.stats`: descriptive statistics, standard error, running mean/std.
- :mod:`helpers.preprocessing`: min-max scaling and standardization, fit/transform.
- :mod:`helpers.distributions`: exact densities and mass functions (``normal_pdf`` ...).
- :mod:`helpers.plotting`: one course style, figures with alt text, histogram vs density.
- :mod:`helpers.data`: loaders for the course's real data sets.
- :mod:`helpers.init`: weight initializers (LeCun, Glorot/Xavier, He).
- :mod:`helpers.dropout`: inverted dropout with an explicit ``rng``.
- :mod:`helpers.nn`: the smallest clear NumPy MLP.
- :mod:`helpers.regression`: least squares and gradient descent.
- :mod:`helpers.intervals`: confidence intervals for a mean, paired and unpaired (Day 10).
- :mod:`helpers.experiment`: one seeded digits experiment, every random choice named (Day 10).
- :mod:`helpers.torch_workers`: which generators DataLoader workers reseed, and the fix
  (Day 9; needs PyTorch).
- :mod:`helpers.optional`: one clear line, not a traceback, when PyTorch is missing.
- :mod:`helpers.results`: a notebook's headline numbers, saved for the property tests.
- :mod:`helpers.exercises`: try first, then check: one line of feedback per answer
  (the checks themselves live in :mod:`helpers.checks`, one module per day).

Every function that draws random numbers takes ``rng: numpy.random.Generator``.
"""

__version__ = "0.1.0"
