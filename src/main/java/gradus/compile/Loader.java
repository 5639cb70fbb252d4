package gradus.compile;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/** Defines a generated class as a hidden class (unloaded with its last instance) and makes instances. */
final class Loader {
  private final MethodHandle constructor;

  Loader(byte[] bytes) {
    try {
      MethodHandles.Lookup l = MethodHandles.lookup().defineHiddenClass(bytes, true);
      constructor = l.findConstructor(l.lookupClass(), MethodType.methodType(void.class));
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new CompileError("the generated code was rejected by the JVM: " + e.getMessage(), e);
    }
  }

  Generated instance() {
    try {
      return (Generated) constructor.invoke();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new CompileError("could not make an evaluator: " + e.getMessage(), e);
    }
  }
}
