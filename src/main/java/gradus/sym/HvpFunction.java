package gradus.sym;

import java.util.List;

/**
 * The Hessian-vector product of a scalar function: for a point x and a direction v, the vector
 * H(x)·v, computed by forward mode over the gradient program without forming H. It prints as
 * its entries, in which {@code x'} stands for the direction's x component.
 */
public final class HvpFunction extends VectorDerivative {
  HvpFunction(ScalarFunction f) {
    super(f);
  }

  @Override
  List<Stmt> program() {
    return function().hvpProgram();
  }
}
