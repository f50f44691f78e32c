"""The course's data sets, installed as package data ``helpers.datasets``.

Load them with :mod:`helpers.data`; ``data/README.md`` records their origin and licence.
"""
