#!/usr/bin/env bash
# Part of `make test-colab`: the helpers' unit tests and doctests on the Pythons and NumPy
# versions Google Colab has used (3.12 with NumPy 2.0, 3.13 with NumPy 2.1), in throw-away
# environments, with the package's own loose requirements. A Python that this machine does
# not have is reported and skipped. (PyTorch comparisons are skipped there: they run in the
# pinned environment.)
set -euo pipefail
cd "$(dirname "$0")/.."

TESTS=(helpers tests/test_stats.py tests/test_preprocessing.py tests/test_data.py
       tests/test_plotting.py tests/test_seeding.py tests/test_validate.py tests/test_init.py
       tests/test_dropout.py tests/test_nn.py tests/test_regression.py tests/test_results.py
       tests/test_optional.py)

find_python() {  # $1 = 3.12: a working python3.12 on PATH or in pyenv's versions
  local candidate
  for candidate in "python$1" "${PYENV_ROOT:-$HOME/.pyenv}"/versions/"$1"*/bin/"python$1"; do
    if "$candidate" --version >/dev/null 2>&1; then echo "$candidate"; return 0; fi
  done
  return 1
}

for spec in "3.12 numpy==2.0.2" "3.13 numpy==2.1.3"; do
  read -r version numpy <<<"$spec"
  if ! python=$(find_python "$version"); then
    echo "colab-pythons: no Python $version on this machine; skipped"
    continue
  fi
  env="build/colab-python$version"
  echo "colab-pythons: Python $version with $numpy in $env ..."
  rm -rf "$env"
  "$python" -m venv "$env"
  "$env/bin/python" -m pip install -q --disable-pip-version-check "$numpy" \
    "matplotlib>=3.8,<3.11" pytest scipy scikit-learn
  "$env/bin/python" -m pip install -q --disable-pip-version-check -e .
  "$env/bin/python" -c "import numpy; assert numpy.__version__ == '${numpy#numpy==}', numpy.__version__"
  "$env/bin/python" -m pytest -q -p no:cacheprovider "${TESTS[@]}"
done
