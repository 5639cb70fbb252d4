package gradus.compile;

import java.lang.invoke.MethodHandle;

/** A compiled update ({@link UpdateCompiler}): makes the code of one run, with its states. */
public final class UpdateKernel {
  private final MethodHandle constructor;
  private final boolean[] perCoordinate;

  UpdateKernel(MethodHandle constructor, boolean[] perCoordinate) {
    this.constructor = constructor;
    this.perCoordinate = perCoordinate;
  }

  /** A fresh instance for n coordinates; call {@link UpdateCode#start} before the first update. */
  public UpdateCode newCode(int n) {
    UpdateCode c;
    try {
      c = (UpdateCode) constructor.invoke();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new CompileError("could not make an update: " + e.getMessage(), e);
    }
    c.allocate(n, perCoordinate);
    return c;
  }

  /** Whether state k is held per coordinate (else it is the same number at every coordinate). */
  public boolean perCoordinate(int k) {
    return perCoordinate[k];
  }
}
