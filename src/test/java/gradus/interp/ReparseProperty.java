package gradus.interp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Printing a function and reading the printed text back with the real language gives the same
 * function (SPEC §5): f(x, y) = SRC; g(x, y) = str(f) must agree with f, and each printed entry of
 * grad(f), re-declared, must agree with grad(f) evaluated. SRC is random, over every §4 body
 * function, each on a domain where it is finite.
 */
class ReparseProperty {

  /** Random expression sources over x and y. */
  static final class Gen {
    final Random rnd;

    Gen(long seed) {
      rnd = new Random(seed);
    }

    String num() {
      return switch (rnd.nextInt(6)) {
        case 0 -> "0.5";
        case 1 -> "2";
        case 2 -> "3";
        case 3 -> "1.25";
        case 4 -> ".75";
        default -> Integer.toString(1 + rnd.nextInt(9));
      };
    }

    String leaf() {
      int k = rnd.nextInt(5);
      return k < 2 ? "x" : k < 4 ? "y" : num();
    }

    String expr(int depth) {
      if (depth <= 0) return leaf();
      String a = expr(depth - 1);
      int k = rnd.nextInt(40);
      return switch (k) {
        case 0, 1 -> "(" + a + " + " + expr(depth - 1) + ")";
        case 2, 3 -> "(" + a + " - " + expr(depth - 1) + ")";
        case 4, 5 -> a + "*" + expr(depth - 1);
        case 6 -> "(" + a + ")/(1 + (" + expr(depth - 1) + ")^2)";
        case 7 -> "(" + a + ")^2";
        case 8 -> "(" + a + ")**3";
        case 9 -> "(2 + sin(" + a + "))^-2";
        case 10 -> "-" + leaf() + "^2 + " + a;
        case 11 -> "abs(" + a + ")";
        case 12 -> "sign(" + a + ")*" + leaf();
        case 13 -> "min(" + a + ", " + expr(depth - 1) + ")";
        case 14 -> "max(" + a + ", " + expr(depth - 1) + ")";
        case 15 -> "exp(tanh(" + a + "))";
        case 16 -> "log(1 + (" + a + ")^2)";
        case 17 -> "log1p((" + a + ")^2)";
        case 18 -> "sqrt((" + a + ")^2 + 1)";
        case 19 -> "sin(" + a + ")";
        case 20 -> "cos(" + a + ")";
        case 21 -> "tan(tanh(" + a + "))";
        case 22 -> "asin(0.5*tanh(" + a + "))";
        case 23 -> "acos(0.5*tanh(" + a + "))";
        case 24 -> "atan(" + a + ")";
        case 25 -> "sinh(tanh(" + a + "))";
        case 26 -> "cosh(tanh(" + a + "))";
        case 27 -> "tanh(" + a + ")";
        case 28 -> "sigmoid(" + a + ")";
        case 29 -> "softplus(tanh(" + a + "))";
        case 30 -> "relu(" + a + ")";
        case 31 -> "where(" + a + " > " + expr(depth - 1) + ", " + expr(depth - 1) + ", " + leaf() + ")";
        case 32 -> "where(x < y and " + a + " >= 0, " + a + ", -" + leaf() + ")";
        case 33 -> "where(not (x <= 0.3) or y != 1, " + a + ", 1)";
        case 34 -> "sum(i in 1..3, i*x^i) + " + a;
        case 35 -> "sum(i in 1..2, sin(i*" + leaf() + ")*" + "(" + a + "))";
        case 36 -> "prod(i in 1..3, 1 + y/i) - " + a;
        case 37 -> "sum(i in 1..2, sum(j in 1..i, i*j*x*y)) + " + a;
        case 38 -> "pi*" + a;
        default -> "(" + a + " + e*" + leaf() + ")";
      };
    }
  }

  record Out(boolean ok, List<String> lines, String err) {}

  static Out run(Session s, ByteArrayOutputStream out, ByteArrayOutputStream err, String src) {
    out.reset();
    err.reset();
    boolean ok = s.run(src, "p.opt");
    String o = out.toString(StandardCharsets.UTF_8);
    List<String> lines = o.isEmpty() ? List.of() : List.of(o.split("\n"));
    return new Out(ok, lines, err.toString(StandardCharsets.UTF_8));
  }

  /** Splits "[a, b]" into its top-level entries. */
  static List<String> entries(String list) {
    String body = list.trim();
    assertThat(body).startsWith("[").endsWith("]");
    body = body.substring(1, body.length() - 1);
    List<String> parts = new ArrayList<>();
    int depth = 0, start = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '(' || c == '[') depth++;
      else if (c == ')' || c == ']') depth--;
      else if (c == ',' && depth == 0) {
        parts.add(body.substring(start, i).trim());
        start = i + 1;
      }
    }
    parts.add(body.substring(start).trim());
    return parts;
  }

  static void close(double got, double want, String what) {
    if (Double.isNaN(want)) {
      assertThat(got).as(what).isNaN();
      return;
    }
    if (Double.isInfinite(want)) {
      assertThat(got).as(what).isEqualTo(want);
      return;
    }
    assertThat(Math.abs(got - want)).as("%s: got %s, want %s", what, got, want)
        .isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(want)));
  }

  @Property(tries = 150)
  void printedFunctionReparsesToTheSameFunction(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int depth) {
    String src = new Gen(seed).expr(depth);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Session s = new Session(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    Out first = run(s, out, err, "f(x, y) = " + src + "\nprint(f)\nprint(grad(f))\n");
    assertThat(first.ok()).as("declaring f(x, y) = %s: %s", src, first.err()).isTrue();
    assertThat(first.lines()).hasSize(2);
    String printed = first.lines().get(0);
    List<String> grad = entries(first.lines().get(1));
    assertThat(grad).as("grad of %s", src).hasSize(2);

    StringBuilder prog = new StringBuilder();
    prog.append("g(x, y) = ").append(printed).append('\n');
    prog.append("g1(x, y) = ").append(grad.get(0)).append('\n');
    prog.append("g2(x, y) = ").append(grad.get(1)).append('\n');
    Random r = new Random(seed ^ 0x5DEECE66DL);
    int points = 6;
    for (int k = 0; k < points; k++) {
      String a = String.format(Locale.ROOT, "%.3f", -2 + 4 * r.nextDouble());
      String b = String.format(Locale.ROOT, "%.3f", -2 + 4 * r.nextDouble());
      String at = a + ", " + b;
      prog.append("print(f(").append(at).append("), g(").append(at).append("), grad(f)(").append(at).append(")[1], g1(")
          .append(at).append("), grad(f)(").append(at).append(")[2], g2(").append(at).append("))\n");
    }
    Out second = run(s, out, err, prog.toString());
    String ctx = "f(x, y) = " + src + "\n printed: " + printed + "\n grad: " + grad;
    assertThat(second.ok()).as("re-declaring the printed forms of %s: %s", ctx, second.err()).isTrue();
    assertThat(second.lines()).hasSize(points);
    for (String line : second.lines()) {
      String[] v = line.trim().split(" ");
      assertThat(v).hasSize(6);
      double[] d = new double[6];
      for (int i = 0; i < 6; i++) d[i] = Double.parseDouble(v[i].replace("inf", "Infinity").replace("nan", "NaN"));
      close(d[1], d[0], "g vs f for " + ctx);
      close(d[3], d[2], "printed df/dx vs grad(f)[1] for " + ctx);
      close(d[5], d[4], "printed df/dy vs grad(f)[2] for " + ctx);
    }
  }
}
