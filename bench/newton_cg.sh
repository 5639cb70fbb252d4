#!/usr/bin/env bash
# newton_cg() on the separable extended Rosenbrock with 10^6 variables from (-1.2, 1, ...) to
# gnorm <= 1e-5, as whole processes side by side in rounds: `./gradus bench/newton_cg.opt` against
# SciPy's minimize(method="Newton-CG", jac=True) with a NumPy-vectorised hessp, same start, the same
# stopping rule (SciPy's Newton-CG stops on its step size, so its xtol is tiny and a callback ends
# it at the first iterate whose gradient's infinity norm is <= 1e-5; the gradient is the one its
# line search already computed there). Gradus runs through the language: the engine's compiled
# Hessian-vector products (hvp) at 10^6 variables.
# Prints the best wall time of each and the ratio (target <= 0.5).
# Usage: bash bench/newton_cg.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
py=${PYTHON:-python3}
./gradus -e 'print(1)' >/dev/null
source bench/side_by_side.sh
GRADUS=(./gradus bench/newton_cg.opt)
BASELINE=("$py" bench/newton_cg_scipy.py)
side_by_side "$rounds" "gradus newton_cg()" \
  "scipy $($py -c 'import scipy; print(scipy.__version__)') Newton-CG"
