/**
 * The one evaluator of Gradus: JVM bytecode (ASM, one hidden class per program) generated from
 * the programs {@code gradus.sym} builds — the value, the value with its gradient scatter, the
 * Hessian's scatter into a sparse pattern, and the Hessian-vector product. Every local derivative
 * rule is {@code gradus.sym.Partials}'; every number is computed by a {@code gradus.sym.Fns}
 * method. The compiler only decides where and when each node is computed and emits the code.
 *
 * <h2>Passes</h2>
 *
 * <ol>
 *   <li>{@link gradus.compile.Schedule}: the tree of scopes (the top and each loop body); each
 *       node computed once, in the innermost scope whose index it uses, before its readers; sums
 *       and {@code For} loops over the same range fused into one loop when their inputs allow.
 *   <li>{@link gradus.compile.Layout}: small loop bodies in JVM locals (nested loops inline),
 *       the rest in a scratch array, cut into methods of bounded size.
 *   <li>{@link gradus.compile.Codegen} and {@link gradus.compile.Emitter}: the class file. Element
 *       reads {@code x[a*i + b]} are range-checked once per loop at both ends; other reads are
 *       checked per use (out of range is an error, or nan inside a {@code where} branch: see
 *       {@link gradus.compile.Reads}). Every loop polls {@link gradus.compile.Interrupt} every
 *       1024 iterations, so Ctrl-C stops a long evaluation.
 * </ol>
 */
package gradus.compile;
