package gradus.sym;

import static org.assertj.core.api.Assertions.assertThat;

import gradus.sym.Expr.Fn;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Printed text must read back: a small parser of the SPEC §4 expression syntax (precedence
 * {@code or < and < not < comparisons < + - < * / < unary - < ^}, right-associative {@code ^},
 * {@code ..} looser than {@code + -}) parses what the printer writes, and the value is unchanged.
 */
class ReparseTest {
  /** A recursive-descent parser of SPEC §4 expressions (test oracle only). */
  static final class Parser {
    private final String s;
    private int p;
    private final Deque<String> indices = new ArrayDeque<>();

    Parser(String s) {
      this.s = s;
    }

    static Expr parse(String text) {
      Parser ps = new Parser(text);
      Expr e = ps.or();
      ps.ws();
      if (ps.p != ps.s.length()) throw new IllegalArgumentException("trailing input at " + ps.p + ": " + text);
      return e;
    }

    void ws() {
      while (p < s.length() && s.charAt(p) == ' ') p++;
    }

    boolean eat(String tok) {
      ws();
      if (s.startsWith(tok, p)) {
        boolean word = Character.isLetter(tok.charAt(0));
        if (word && p + tok.length() < s.length() && Character.isLetterOrDigit(s.charAt(p + tok.length()))) return false;
        p += tok.length();
        return true;
      }
      return false;
    }

    void expect(String tok) {
      if (!eat(tok)) throw new IllegalArgumentException("expected '" + tok + "' at " + p + " in " + s);
    }

    Expr or() {
      Expr a = and();
      List<Expr> xs = new ArrayList<>(List.of(a));
      while (eat("or")) xs.add(and());
      return xs.size() == 1 ? a : Sym.logic("or", xs);
    }

    Expr and() {
      Expr a = not();
      List<Expr> xs = new ArrayList<>(List.of(a));
      while (eat("and")) xs.add(not());
      return xs.size() == 1 ? a : Sym.logic("and", xs);
    }

    Expr not() {
      if (eat("not")) return Sym.not(not());
      return cmp();
    }

    Expr cmp() {
      Expr a = add();
      for (String op : List.of("<=", ">=", "==", "!=", "<", ">")) if (eat(op)) return Sym.cmp(op, a, add());
      return a;
    }

    Expr add() {
      Expr a = mul();
      while (true) {
        ws();
        if (s.startsWith("..", p)) return a;
        if (eat("+")) a = Sym.add(a, mul());
        else if (eat("-")) a = Sym.sub(a, mul());
        else return a;
      }
    }

    Expr mul() {
      Expr a = unary();
      while (true) {
        if (eat("*")) a = Sym.mul(a, unary());
        else if (eat("/")) a = Sym.div(a, unary());
        else return a;
      }
    }

    Expr unary() {
      if (eat("-")) return Sym.neg(unary());
      return pow();
    }

    Expr pow() {
      Expr b = postfix();
      if (eat("^")) return Sym.pow(b, unary());
      return b;
    }

    Expr postfix() {
      ws();
      char c = s.charAt(p);
      if (c == '(') {
        p++;
        Expr e = or();
        expect(")");
        return e;
      }
      if (Character.isDigit(c) || c == '.') return number();
      String name = name();
      if (name.equals("sum") || name.equals("prod")) {
        expect("(");
        String idx = name();
        expect("in");
        Expr lo = add();
        expect("..");
        Expr hi = add();
        expect(",");
        indices.push(idx);
        Expr body = or();
        indices.pop();
        expect(")");
        return Sym.loop(name.equals("prod"), idx, lo, hi, body);
      }
      if (eat("(")) {
        List<Expr> args = new ArrayList<>(List.of(or()));
        while (eat(",")) args.add(or());
        expect(")");
        return switch (name) {
          case "min" -> Sym.min(args.get(0), args.get(1));
          case "max" -> Sym.max(args.get(0), args.get(1));
          case "where" -> Sym.where(args.get(0), args.get(1), args.get(2));
          default -> Sym.call(Fn.byName(name), args.get(0));
        };
      }
      if (eat("[")) {
        Expr idx = or();
        expect("]");
        return Sym.elem(name, idx);
      }
      if (name.equals("inf")) return Sym.num(Double.POSITIVE_INFINITY);
      if (name.equals("nan")) return Sym.num(Double.NaN);
      return indices.contains(name) ? Sym.index(name) : Sym.var(name);
    }

    String name() {
      ws();
      int start = p;
      while (p < s.length() && (Character.isLetterOrDigit(s.charAt(p)) || s.charAt(p) == '_')) p++;
      if (start == p) throw new IllegalArgumentException("expected a name at " + p + " in " + s);
      return s.substring(start, p);
    }

    Expr number() {
      int start = p;
      while (p < s.length() && Character.isDigit(s.charAt(p))) p++;
      if (p + 1 < s.length() && s.charAt(p) == '.' && Character.isDigit(s.charAt(p + 1))) {
        p++;
        while (p < s.length() && Character.isDigit(s.charAt(p))) p++;
      }
      if (p < s.length() && (s.charAt(p) == 'e' || s.charAt(p) == 'E')) {
        p++;
        if (s.charAt(p) == '+' || s.charAt(p) == '-') p++;
        while (p < s.length() && Character.isDigit(s.charAt(p))) p++;
      }
      return Sym.num(Double.parseDouble(s.substring(start, p)));
    }
  }

  static final Signature XYZ = DerivativePropertiesTest.XYZ;

  static double value(Expr e, double[] p) {
    return Eval.expr(e, XYZ, p);
  }

  static void sameValue(Expr printed, Expr original, double[] p) {
    double want = value(original, p);
    double got = value(Parser.parse(printed.text()), p);
    if (Double.isNaN(want)) return;
    assertThat(Math.abs(got - want)).as("%s", printed.text()).isLessThanOrEqualTo(1e-9 * (1 + Math.abs(want)));
  }

  @Test
  void parsesTheSpecForms() {
    assertThat(Parser.parse("2^3^2")).isSameAs(Sym.pow(Sym.num(2), Sym.pow(Sym.num(3), Sym.num(2))));
    assertThat(value(Parser.parse("-x^2"), new double[] {3, 0, 0})).isEqualTo(-9);
    assertThat(value(Parser.parse("sum(i in 1..3 - 1, i)"), new double[3])).isEqualTo(3);
  }

  @Property(tries = 300)
  void printedExpressionsReadBackWithTheSameValue(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int depth) {
    DerivativePropertiesTest.Gen g = new DerivativePropertiesTest.Gen(seed);
    Expr raw = g.gen(depth, false);
    double[] p = DerivativePropertiesTest.point(new Random(seed + 3), 3);
    Assume.that(Double.isFinite(value(raw, p)));
    sameValue(raw, raw, p);
    Expr s = Simplifier.simplify(raw, XYZ);
    sameValue(s, s, p);
    ScalarFunction f = Sym.declare("f", XYZ, raw);
    for (Expr entry : Derivatives.grad(f).entries()) sameValue(entry, entry, p);
    assertThat(Parser.parse(f.text())).isNotNull();
  }
}
