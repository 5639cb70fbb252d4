package gradus.sym;

/** Shared checks of function values. */
final class Functions {
  private Functions() {}

  static void checkArgs(Signature sig, double[] x, double[] fields) {
    if (x.length != sig.dimension()) {
      throw new SymException("expected " + sig.dimension() + " number" + (sig.dimension() == 1 ? "" : "s")
          + " for the variables, got " + x.length);
    }
    int nf = fields == null ? 0 : fields.length;
    if (nf < sig.fieldCount()) {
      throw new SymException("expected " + sig.fieldCount() + " field value" + (sig.fieldCount() == 1 ? "" : "s")
          + ", got " + nf);
    }
  }
}
