/**
 * Fast evaluators of {@code gradus.sym} expressions: {@link gradus.compile.Compiler#compile}
 * generates JVM bytecode (ASM, one hidden class per function) for the value and the reverse-mode
 * gradient; {@link gradus.compile.Interpreted} evaluates the same nodes from a tape and is both the
 * test oracle and the Hessian engine.
 *
 * <h2>Design</h2>
 *
 * <ul>
 *   <li><b>Semantics in one place.</b> {@link gradus.compile.Ops} holds every elementary function,
 *       derivative and convention (PyTorch: d|x| = sign x, relu'(0) = 0, ties of min/max split the
 *       gradient 0.5/0.5, where() routes the adjoint to the chosen branch, comparisons and logic
 *       have no derivative; x^y's d/dy is 0 at x = 0). Generated code calls these static methods,
 *       so compiled and interpreted forward values are bit-identical; gradients agree to rounding
 *       (accumulation order differs).
 *   <li><b>Scopes and loops.</b> Index-free nodes are computed once per call (hoisted out of sums);
 *       each sum/product is a JVM loop in its own method; its body is recomputed per index. Nodes
 *       that depend only on an outer index are recomputed in inner loops (no per-level hoisting).
 *   <li><b>One pass.</b> A sum whose adjoint is a compile-time constant (the objective, or a term
 *       of it) computes its value and scatters its gradient in a single loop.
 *   <li><b>Method size.</b> Wide Add/Mul/Logic nodes become trees of at most 8 children; the top
 *       scope and large loop bodies live in scratch arrays and are split into chunk methods
 *       (~1 KB of bytecode each), far below 64 KB and below HotSpot's 8 KB JIT limit.
 *   <li><b>Products.</b> Zero-safe without storage: count zero factors and multiply non-zero ones,
 *       then factor k gets adj * P_nonzero / f_k (no zero), adj * P_nonzero (the only zero), or 0.
 *   <li><b>Hessian.</b> Forward-over-reverse on the interpreter's tape: each entry stores its local
 *       partials and local second derivatives; column j is one tangent sweep and one adjoint-tangent
 *       sweep, skipping entries that do not depend on x_j. Dense n*n output, symmetrised.
 * </ul>
 *
 * <h2>Limits</h2>
 *
 * All nodes are evaluated eagerly, including the branch where() does not choose, so an element
 * index that is out of range in the unchosen branch still throws. The Hessian allocates a tape per
 * call.
 */
package gradus.compile;
