package gradus.sym;

final class Latex {
  private Latex() {}

  static String latex(Expr e) {
    return e.toString();
  }
}
