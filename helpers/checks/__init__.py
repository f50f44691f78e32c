"""The exercises' checks, one module per day (``helpers.checks.day01`` ...).

Each check takes the learner's answer and prints one line of feedback through
:func:`helpers.exercises.exercise_check`; see :mod:`helpers.exercises` for the pattern.
"""
