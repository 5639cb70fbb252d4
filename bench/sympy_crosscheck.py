#!/usr/bin/env python3
"""Cross-checks Gradus's gradients and Hessians against SymPy: 40 expressions using every function of
SPEC section 4, each at a random point, to 1e-10 relative. A developer's check (needs sympy), not a test.
Usage: python3 bench/sympy_crosscheck.py"""
import json, os, random, re, subprocess, sys
import sympy as sp
x, y = sp.symbols('x y', real=True)
random.seed(7)
exprs = [
 "sin(x)*cos(y) + exp(x*y)", "log(1 + x^2) + sqrt(y^2 + 1)", "tanh(x - y)^2", "sigmoid(x*y) + softplus(x - 2*y)",
 "asin(x/3) + acos(y/3)", "atan(x*y) + sinh(x/2)*cosh(y/2)", "tan(x/4)*y^3", "log1p(x^2 + y^2)",
 "abs(x - 0.3)*y + relu(x + y)", "min(x, y)^2 + max(x*y, 0.1)", "where(x > y, x^2*y, y^3 - x)", "sign(x - 0.1)*y^2",
 "(x^2 + y^2)^1.5", "x^y", "exp(-x^2 - y^2)", "1/(1 + x^2 + y^4)", "x/y + y/x", "(x + 2*y)^3 - 4*x*y",
 "sqrt(x^2 + y^2 + 1)*log(2 + sin(x))", "sum(i in 1..4, i*x^i*y)", "prod(i in 1..3, x + i*y)", "sin(x)^2 + cos(x)^2 + y",
 "exp(sin(x*y))", "log(cosh(x) + y^2)", "atan(y/(1 + x^2))", "softplus(x)*sigmoid(y)", "tanh(sinh(x/3))*y",
 "(1 - x)^2 + 100*(y - x^2)^2", "-(y + 47)*sin(sqrt(abs(x/2 + y + 47))) - x*sin(sqrt(abs(x - (y + 47))))",
 "x^4 - 3*x^2*y + y^4", "sum(i in 1..3, sum(j in 1..i, x^i*y^j))", "exp(x)/(exp(x) + exp(y))", "log(exp(x) + exp(y))",
 "sqrt(abs(x*y) + 1)", "sin(x + y)*cos(x - y)", "x*exp(-y)*log1p(x^2)", "acos(0.5*tanh(x))*asin(0.5*tanh(y))",
 "relu(x)^2 + relu(-y)^3", "max(x, y)*min(x, y)", "(2*x - y)^-2 + y",
]
pts = []
for k in range(len(exprs)):
    pts.append((round(random.uniform(0.3, 1.7), 6), round(random.uniform(0.3, 1.7), 6)))
d = {"exprs": exprs, "pts": pts}
def to_sympy(s):
    s = s.replace("^", "**")
    s = re.sub(r"sum\(i in (\d+)\.\.(\w+), (.*)\)$", r"Sum(\3, (i, \1, \2)).doit()", s) if "sum(j" not in s else s
    return s
i, j = sp.symbols('i j', integer=True)
ns = {"x": x, "y": y, "sin": sp.sin, "cos": sp.cos, "tan": sp.tan, "exp": sp.exp, "log": sp.log, "sqrt": sp.sqrt,
      "asin": sp.asin, "acos": sp.acos, "atan": sp.atan, "sinh": sp.sinh, "cosh": sp.cosh, "tanh": sp.tanh,
      "abs": sp.Abs, "sign": sp.sign, "log1p": lambda a: sp.log(1 + a), "sigmoid": lambda a: 1/(1 + sp.exp(-a)),
      "softplus": lambda a: sp.log(1 + sp.exp(a)), "relu": lambda a: sp.Max(a, 0), "min": sp.Min, "max": sp.Max,
      "Sum": sp.Sum, "i": i, "j": j}
def sym(e):
    if e.startswith("where(x > y, "):
        a, b = e[len("where(x > y, "):-1].split(", ")
        return sp.Piecewise((sym(a), x > y), (sym(b), True))
    if e.startswith("sum(i in 1..3, sum(j in 1..i, "):
        return sum(x**I * y**J for I in range(1, 4) for J in range(1, I + 1))
    if e.startswith("prod(i in 1..3, "):
        return sp.prod([x + I*y for I in range(1, 4)])
    if e.startswith("sum(i in 1..4, "):
        return sum(I * x**I * y for I in range(1, 5))
    return sp.sympify(e.replace("^", "**"), locals=ns)
lines = []
for k, (e, p) in enumerate(zip(d["exprs"], d["pts"])):
    lines += [f"f{k}(x, y) = {e}", f"print(grad(f{k})({p[0]}, {p[1]}))", f"print(hessian(f{k})({p[0]}, {p[1]}))"]
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out = subprocess.run([os.path.join(root, "gradus")] + sum([["-e", l] for l in lines], []), capture_output=True, text=True)
if out.returncode: print(out.stderr); sys.exit(1)
res = out.stdout.strip().split("\n")
worst = 0; bad = 0
for k, (e, p) in enumerate(zip(d["exprs"], d["pts"])):
    f = sym(e)
    sub = {x: sp.Float(p[0], 30), y: sp.Float(p[1], 30)}
    g = [sp.diff(f, v).subs(sub).evalf(30) for v in (x, y)]
    H = [[sp.diff(f, a, b).subs(sub).evalf(30) for b in (x, y)] for a in (x, y)]
    try:
        g = [float(a) for a in g]; H = [[float(a) for a in row] for row in H]
    except TypeError:
        print("sympy leaves a non-number (kink or delta) for", e, g, H); continue
    gg = json.loads(res[2*k]); hh = json.loads(res[2*k + 1].replace("nan", "NaN"))
    errs = [abs(float(a) - b) / max(1, abs(float(a))) for a, b in zip(g, gg)]
    errs += [abs(float(H[r][c]) - hh[r][c]) / max(1, abs(float(H[r][c]))) for r in range(2) for c in range(2)]
    m = max(errs); worst = max(worst, m)
    if m > 1e-10: bad += 1; print("MISMATCH", e, p, g, gg, H, hh)
print(f"{len(d['exprs'])} expressions, gradients and Hessians vs SymPy: worst relative error {worst:.2e}, {bad} above 1e-10")
