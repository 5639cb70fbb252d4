#!/usr/bin/env bash
# lbfgs() on the separable extended Rosenbrock with 10^6 variables from (-1.2, 1, -1.2, 1, ...)
# to gnorm <= 1e-5, with the default path recording, as whole processes side by side in rounds:
# `./gradus bench/lbfgs.opt` against SciPy's minimize(method="L-BFGS-B", jac=True) with a
# NumPy-vectorised gradient, same start, gtol=1e-5 (L-BFGS-B's projected-gradient infinity norm,
# which is the gradient's without bounds), its other options at their defaults.
# Prints the best wall time of each, the ratio (target <= 0.5) and what the last runs did.
# Usage: bash bench/lbfgs.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
py=${PYTHON:-python3}   # PYTHON=/usr/bin/python3 compares with Debian's SciPy instead
./gradus -e 'print(1)' >/dev/null
source bench/side_by_side.sh
GRADUS=(./gradus bench/lbfgs.opt)
BASELINE=("$py" bench/lbfgs_scipy.py)
side_by_side "$rounds" "gradus lbfgs()" "scipy $($py -c 'import scipy; print(scipy.__version__)') L-BFGS-B"
