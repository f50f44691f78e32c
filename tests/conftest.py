"""Shared test setup: a non-interactive matplotlib backend for the unit tests.

(Notebook kernels started by nbval keep the inline backend, which renders with Agg.)
"""

import matplotlib

matplotlib.use("Agg")
