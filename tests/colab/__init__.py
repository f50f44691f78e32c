"""`make test-colab`: the course as Google Colab runs it (see conftest.py)."""
