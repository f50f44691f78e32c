#!/usr/bin/env bash
# `make test-kernels`: re-execute every notebook under nbval with OpenBLAS forced onto other
# CPU kernels than the machine's own (which `make test` already covers). A stored output
# that depends on the BLAS kernel (its rounding, blocking or SIMD width) fails here instead
# of on a learner's or a CI machine. A kernel this CPU cannot run is reported and skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
KERNELS=${KERNELS:-"Haswell SkylakeX Sandybridge"}
flags=$(grep -m1 '^flags' /proc/cpuinfo || true)
needs() {  # the CPU flag a kernel's code needs
  case "$1" in
    SkylakeX|Cooperlake|SapphireRapids) echo avx512f ;;
    Haswell|Zen) echo avx2 ;;
    Sandybridge) echo avx ;;
    *) echo sse2 ;;
  esac
}
ran=0
for kernel in $KERNELS; do
  flag=$(needs "$kernel")
  if [[ " $flags " != *" $flag "* ]]; then
    echo "test-kernels: SKIPPED $kernel: this CPU lacks $flag"
    continue
  fi
  picked=$(OPENBLAS_CORETYPE=$kernel $PY -c \
    "import numpy; from threadpoolctl import threadpool_info as t; print([i.get('architecture') for i in t() if i['internal_api'] == 'openblas'][0])")
  if [[ "$picked" != "$kernel" ]]; then
    echo "test-kernels: OPENBLAS_CORETYPE=$kernel was not honoured (OpenBLAS chose $picked)"
    exit 1
  fi
  echo "test-kernels: every notebook under nbval with OPENBLAS_CORETYPE=$kernel ..."
  OPENBLAS_CORETYPE=$kernel $PY -m pytest -q -p no:cacheprovider --nbval --nbval-current-env \
    --nbval-sanitize-with tests/nbval_sanitize.cfg -n 2 --dist loadfile notebooks
  ran=$((ran + 1))
done
echo "test-kernels: stored outputs identical under $ran forced OpenBLAS kernel(s)."
[[ $ran -ge 2 ]] || { echo "test-kernels: fewer than two kernels could run here"; exit 1; }
