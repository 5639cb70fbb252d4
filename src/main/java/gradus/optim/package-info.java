/**
 * Optimizers over {@code double[]}: the runtime behind Gradus's {@code minimize}. It knows
 * nothing of the language.
 *
 * <ul>
 *   <li>{@link gradus.optim.Objective} / {@link gradus.optim.BatchObjective} — what is minimized.
 *   <li>{@link gradus.optim.Methods} — the table of optimizers (SPEC §6) and
 *       {@link gradus.optim.Methods#create}; {@link gradus.optim.Schedules} likewise for rates.
 *   <li>One short class per optimizer on two bases: {@link gradus.optim.FirstOrderMethod}
 *       (gd, momentum, sgd, adagrad, rmsprop, adam, adamw, nadam, radam, adamax, adadelta —
 *       torch.optim semantics) and {@link gradus.optim.LineSearchMethod} (newton, bfgs, lbfgs,
 *       cg).
 *   <li>{@link gradus.optim.Minimizer#run} — the loop, stopping rules and accounting of SPEC §9,
 *       returning a {@link gradus.optim.Result}.
 * </ul>
 */
package gradus.optim;
