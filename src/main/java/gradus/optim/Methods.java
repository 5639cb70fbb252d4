package gradus.optim;

import java.util.Map;
import java.util.function.Function;

/** The table of optimizers (SPEC §6), for the interpreter. */
public final class Methods {
  private Methods() {}

  /**
   * How numbers are written in messages and {@code describe()}. The interpreter sets it to its
   * Python-repr printer; the default prints integral values without ".0" and others with
   * {@link Double#toString}.
   */
  public static volatile Function<Double, String> numberFormat = Methods::plain;

  private static final Registry<Method> TABLE = new Registry<Method>("method", Method::describedAs)
      .add(Gd.SPEC, Gd::from)
      .add(Momentum.SPEC, Momentum::from)
      .add(Sgd.SPEC, Sgd::from)
      .add(Adagrad.SPEC, Adagrad::from)
      .add(RmsProp.SPEC, RmsProp::from)
      .add(Adam.SPEC, Adam::from)
      .add(AdamW.SPEC, AdamW::from)
      .add(NAdam.SPEC, NAdam::from)
      .add(RAdam.SPEC, RAdam::from)
      .add(Adamax.SPEC, Adamax::from)
      .add(Adadelta.SPEC, Adadelta::from)
      .add(Newton.SPEC, Newton::from)
      .add(NewtonCg.SPEC, NewtonCg::from)
      .add(Bfgs.SPEC, Bfgs::from)
      .add(Lbfgs.SPEC, Lbfgs::from)
      .add(Cg.SPEC, Cg::from)
      .add(NelderMead.SPEC, NelderMead::from);

  /** Name → spec, in the order of SPEC §6's table. */
  public static Map<String, MethodSpec> specs() {
    return TABLE.specs();
  }

  /**
   * Builds a method from the arguments the user gave (by name; values are {@link Number},
   * {@link Boolean} or, for a RATE, a {@link Schedule}). Throws {@code IllegalArgumentException}
   * with a sentence naming the bad argument and its value, e.g. {@code lr must be > 0, got -0.1}.
   */
  public static Method create(String name, Map<String, Object> given) {
    return TABLE.create(name, given);
  }

  /** The default method of {@code minimize}: {@code lbfgs()}. */
  public static Method defaultMethod() {
    return create("lbfgs", Map.of());
  }

  static String plain(Double v) {
    double d = v;
    if (Double.isNaN(d)) return "nan";
    if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
    if (d == Math.rint(d) && Math.abs(d) < 1e16) return Long.toString((long) d);
    return Double.toString(d);
  }
}
