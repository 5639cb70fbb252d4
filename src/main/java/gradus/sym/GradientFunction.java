package gradus.sym;

import java.util.List;

/** The gradient of a scalar function: a vector function with one entry per flattened variable. */
public final class GradientFunction extends VectorDerivative {
  GradientFunction(ScalarFunction f) {
    super(f);
  }

  @Override
  List<Stmt> program() {
    return function().gradientProgram();
  }
}
