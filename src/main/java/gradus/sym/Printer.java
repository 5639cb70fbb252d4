package gradus.sym;

final class Printer {
  private Printer() {}

  static String text(Expr e) {
    return e.toString();
  }
}
