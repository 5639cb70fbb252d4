package gradus.optim;

import java.util.ArrayList;
import java.util.List;

/**
 * The hyperparameters the Adam family shares (Adam, AdamW, NAdam, RAdam, Adamax), validated in one
 * place: {@code beta1} and {@code beta2} in [0, 1), {@code eps} and {@code weight_decay} ≥ 0.
 */
abstract class AdamFamily extends FirstOrderMethod {
  final double beta1;
  final double beta2;
  final double eps;
  final double weightDecay;

  AdamFamily(String description, Schedule lr, double beta1, double beta2, double eps, double weightDecay) {
    super(description, lr);
    this.beta1 = Check.unitOpen("beta1", beta1);
    this.beta2 = Check.unitOpen("beta2", beta2);
    this.eps = Check.nonNegative("eps", eps);
    this.weightDecay = Check.nonNegative("weight_decay", weightDecay);
  }

  /** {@code lr, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay}, then the method's own parameters. */
  static List<Param> params(double lr, double weightDecay, Param... own) {
    List<Param> out = new ArrayList<>(List.of(
        new Param("lr", lr, Param.Kind.RATE),
        new Param("beta1", 0.9, Param.Kind.NUMBER),
        new Param("beta2", 0.999, Param.Kind.NUMBER),
        new Param("eps", 1e-8, Param.Kind.NUMBER),
        new Param("weight_decay", weightDecay, Param.Kind.NUMBER)));
    out.addAll(List.of(own));
    return List.copyOf(out);
  }
}
