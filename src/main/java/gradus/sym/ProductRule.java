package gradus.sym;

import gradus.sym.Expr.Const;
import gradus.sym.Expr.Loop;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The derivative of {@code prod(i in a..b, f_i)} by one factor f_k: the product of the others.
 * A short product with constant bounds multiplies them out (exact, and it prints as the
 * mathematics does); a long one divides the product of its non-zero factors by f_k, with the
 * counts of zero factors making it exact at zeros, so the work stays linear in the length.
 */
final class ProductRule {
  private ProductRule() {}

  /** The product of the factors other than {@code body} (the factor at index {@code idx}). */
  static Expr others(Loop l, String idx, Expr body) {
    if (isSmall(l)) {
      Set<String> avoid = new HashSet<>(Exprs.freeIndices(body));
      avoid.add(idx);
      avoid.addAll(Exprs.freeIndices(l.body()));
      String j = Exprs.fresh(idx + "_", avoid);
      Expr bodyJ = Exprs.substituteIndices(l.body(), Map.of(l.index(), Sym.index(j)));
      return Sym.prod(j, l.lo(), l.hi(), Sym.where(Sym.cmp("==", Sym.index(j), Sym.index(idx)), Sym.ONE, bodyJ));
    }
    Expr zero = Sym.cmp("==", l.body(), Sym.ZERO);
    Expr zeros = Sym.sum(l.index(), l.lo(), l.hi(), Sym.where(zero, Sym.ONE, Sym.ZERO));
    Expr nonZero = Sym.prod(l.index(), l.lo(), l.hi(), Sym.where(zero, Sym.ONE, l.body()));
    Expr none = Sym.cmp("==", zeros, Sym.ZERO);
    Expr onlyThis = Sym.and(Sym.cmp("==", zeros, Sym.ONE), Sym.cmp("==", body, Sym.ZERO));
    return Sym.where(none, Sym.mul(nonZero, Sym.pow(body, -1)), Sym.where(onlyThis, nonZero, Sym.ZERO));
  }

  private static boolean isSmall(Loop l) {
    return l.lo() instanceof Const a && l.hi() instanceof Const b && b.value() - a.value() < Reverse.SMALL_PRODUCT;
  }
}
