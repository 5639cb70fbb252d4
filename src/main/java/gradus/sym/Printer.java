package gradus.sym;

import gradus.sym.Expr.Add;
import gradus.sym.Expr.Array;
import gradus.sym.Expr.At;
import gradus.sym.Expr.Call;
import gradus.sym.Expr.Cmp;
import gradus.sym.Expr.Const;
import gradus.sym.Expr.Elem;
import gradus.sym.Expr.Index;
import gradus.sym.Expr.Logic;
import gradus.sym.Expr.Loop;
import gradus.sym.Expr.MinMax;
import gradus.sym.Expr.Mul;
import gradus.sym.Expr.Pow;
import gradus.sym.Expr.Var;
import gradus.sym.Expr.Where;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Text (SPEC §4 syntax, re-parseable) and LaTeX forms of an expression, with minimal parentheses.
 *
 * <p>Choices: a negative term is printed as subtraction ({@code 2*x + y - 5}); a product with
 * factors of negative constant exponent prints them as a denominator ({@code x*y^-1} is {@code
 * x/y}, {@code 2*x^-2} is {@code 2/x^2}, {@code x*(y*z)^-1} is {@code x/(y*z)}); a lone negative
 * power prints as {@code 1/x^2}. Numbers print through {@link Numbers#format}. In LaTeX a
 * denominator gives {@code \frac}, sums {@code \sum_{i=1}^{n}}, elements {@code x_{i+1}}.
 */
final class Printer {
  private static final int OR = 1, AND = 2, NOT = 3, CMP = 4, ADD = 5, MUL = 6, UNARY = 7, POW = 8, ATOM = 10;

  private record P(String s, int prec) {
    boolean negative() {
      return s.startsWith("-");
    }
  }

  private final boolean tex;
  private final Map<Expr, P> memo = new HashMap<>();
  /** The printed name of each local array (unique: a second {@code h} is {@code h2}). */
  private final Map<Expr, String> names = new HashMap<>();

  private Printer(boolean tex) {
    this.tex = tex;
  }

  /** The text form; an expression with local arrays prints as a block that defines them first. */
  static String text(Expr e) {
    return new Printer(false).top(e);
  }

  static String latex(Expr e) {
    return new Printer(true).top(e);
  }

  /** One line, local arrays by name only ({@code h[j]}): for tie-breaks and messages. */
  static String compact(Expr e) {
    return new Printer(false).p(e).s;
  }

  private String top(Expr e) {
    List<Array> arrays = Blocks.arrays(e);
    if (arrays.isEmpty()) return p(e).s;
    java.util.Set<String> used = new java.util.HashSet<>();
    for (Array a : arrays) {
      String n = Exprs.fresh(a.name(), used);
      used.add(n);
      names.put(a, n);
    }
    List<String> lines = new ArrayList<>();
    for (Array a : arrays) lines.add(definition(a));
    lines.add(p(e).s);
    if (tex) return "\\begin{aligned} " + String.join(" \\\\ ", lines) + " \\end{aligned}";
    return "{\n  " + String.join("\n  ", lines) + "\n}";
  }

  /** {@code h[j in 1..16] = body}, or {@code z = [a, b, c]} for a list. */
  private String definition(Array a) {
    String name = names.get(a);
    List<Expr> items = Blocks.listItems(a);
    if (items != null) {
      List<String> xs = new ArrayList<>();
      for (Expr x : items) xs.add(p(x).s);
      if (tex) return name(name) + " &= " + vector(xs, true);
      return name + " = [" + String.join(", ", xs) + "]";
    }
    List<String> ranges = new ArrayList<>();
    for (int d = 0; d < a.indices().size(); d++) {
      String i = a.indices().get(d);
      String lo = p(a.lo().get(d)).s;
      String hi = p(a.hi().get(d)).s;
      ranges.add(tex ? name(i) + " = " + lo + ", \\dots, " + hi : i + " in " + lo + ".." + hi);
    }
    if (tex) {
      List<String> ix = new ArrayList<>();
      for (String i : a.indices()) ix.add(name(i));
      return name(name) + "_{" + String.join(",", ix) + "} &= " + p(a.body()).s + ", \\quad " + String.join(", \\; ", ranges);
    }
    return name + "[" + String.join(", ", ranges) + "] = " + p(a.body()).s;
  }

  private P p(Expr e) {
    P done = memo.get(e);
    if (done != null) return done;
    P r = print(e);
    memo.put(e, r);
    return r;
  }

  private P print(Expr e) {
    if (e instanceof Const c) {
      String s = Numbers.format(c.value());
      if (tex && s.equals("inf")) s = "\\infty";
      if (tex && s.equals("-inf")) s = "-\\infty";
      if (tex && s.equals("nan")) s = "\\mathrm{nan}";
      if (tex && s.contains("e")) s = texSci(s);
      return new P(s, s.startsWith("-") ? UNARY : ATOM);
    }
    if (e instanceof Var v) return new P(name(v.name()), ATOM);
    if (e instanceof Index i) return new P(name(i.name()), ATOM);
    if (e instanceof Elem el) return element(name(el.vector()), el.vector(), el.indices());
    if (e instanceof At at) {
      String n = names.get(at.array());
      if (n == null) n = at.array() instanceof Array a ? a.name() : "?";
      return element(name(n), n, at.indices());
    }
    if (e instanceof Array a) return new P(a.name(), ATOM);
    if (e instanceof Add a) return add(a);
    if (e instanceof Mul m) return mul(m.factors());
    if (e instanceof Pow pw) return pow(pw);
    if (e instanceof Call c) return call(c);
    if (e instanceof MinMax m) {
      String name = m.isMax() ? "max" : "min";
      if (tex) return new P("\\" + name + "\\left(" + p(m.a()).s + ", " + p(m.b()).s + "\\right)", ATOM);
      return new P(name + "(" + p(m.a()).s + ", " + p(m.b()).s + ")", ATOM);
    }
    if (e instanceof Where w) {
      if (tex) {
        return new P("\\begin{cases} " + p(w.a()).s + " & \\text{if } " + p(w.cond()).s + " \\\\ "
            + p(w.b()).s + " & \\text{otherwise} \\end{cases}", ATOM);
      }
      return new P("where(" + p(w.cond()).s + ", " + p(w.a()).s + ", " + p(w.b()).s + ")", ATOM);
    }
    if (e instanceof Cmp c) {
      String op = c.op();
      if (tex) op = switch (op) {
        case "<=" -> "\\le";
        case ">=" -> "\\ge";
        case "==" -> "=";
        case "!=" -> "\\ne";
        default -> op;
      };
      return new P(wrap(p(c.a()), CMP + 1) + " " + op + " " + wrap(p(c.b()), CMP + 1), CMP);
    }
    if (e instanceof Logic l) return logic(l);
    if (e instanceof Loop l) return loop(l);
    throw new IllegalStateException();
  }

  private P element(String texName, String name, List<Expr> indices) {
    List<String> ix = new ArrayList<>();
    for (Expr i : indices) ix.add(p(i).s);
    return new P(tex ? texName + "_{" + String.join(",", ix) + "}" : name + "[" + String.join(", ", ix) + "]", ATOM);
  }

  /** A name as printed: in LaTeX each Greek letter becomes its command ({@code θ} is {@code \theta}). */
  private String name(String n) {
    return tex ? Greek.latex(n) : n;
  }

  private static String texSci(String s) {
    int i = s.indexOf('e');
    String m = s.substring(0, i);
    int exp = Integer.parseInt(s.substring(i + 1).replace("+", ""));
    return m + " \\cdot 10^{" + exp + "}";
  }

  private String wrap(P x, int need) {
    return x.prec < need ? paren(x.s) : x.s;
  }

  private String paren(String s) {
    return tex ? "\\left(" + s + "\\right)" : "(" + s + ")";
  }

  private P add(Add a) {
    StringBuilder sb = new StringBuilder();
    boolean first = true;
    for (Expr t : a.terms()) {
      Expr neg = negated(t);
      if (first) {
        P x = p(t);
        sb.append(x.prec < ADD ? paren(x.s) : x.s);
      } else if (neg != null) {
        P x = p(neg);
        sb.append(" - ").append(x.prec <= ADD || x.negative() ? paren(x.s) : x.s);
      } else {
        P x = p(t);
        sb.append(" + ").append(x.prec < ADD || x.negative() ? paren(x.s) : x.s);
      }
      first = false;
    }
    return new P(sb.toString(), ADD);
  }

  /** {@code -t} when t reads as a negative term (negative constant or coefficient), else null. */
  private static Expr negated(Expr t) {
    if (t instanceof Const c && c.value() < 0) return Sym.num(-c.value());
    if (t instanceof Mul m && m.factors().get(0) instanceof Const c && c.value() < 0) {
      List<Expr> fs = new ArrayList<>(m.factors());
      if (c.value() == -1) fs.remove(0);
      else fs.set(0, Sym.num(-c.value()));
      return Sym.mul(fs);
    }
    return null;
  }

  private P mul(List<Expr> factors) {
    double coef = 1;
    boolean hasCoef = false;
    List<Expr> num = new ArrayList<>();
    List<Expr> den = new ArrayList<>();
    for (int i = 0; i < factors.size(); i++) {
      Expr f = factors.get(i);
      if (i == 0 && f instanceof Const c) {
        coef = c.value();
        hasCoef = true;
      } else if (f instanceof Pow pw && pw.exponent() instanceof Const c && c.value() < 0) {
        den.add(c.value() == -1 ? pw.base() : Sym.pow(pw.base(), Sym.num(-c.value())));
      } else num.add(f);
    }
    String sign = "";
    StringBuilder sb = new StringBuilder();
    if (hasCoef && coef == -1 && !num.isEmpty()) sign = "-";
    else if (hasCoef && (coef != 1 || num.isEmpty())) num.add(0, Sym.num(coef));
    if (num.isEmpty()) num.add(Sym.ONE);
    String sep = tex ? " " : "*";
    for (int i = 0; i < num.size(); i++) {
      P x = p(num.get(i));
      boolean wrapIt = x.prec < MUL || (i > 0 && x.negative()) || (x.prec == MUL && i > 0 && !tex);
      if (tex && x.s.startsWith("\\frac")) wrapIt = false;
      String s = wrapIt ? paren(x.s) : x.s;
      if (i > 0) sb.append(tex && (Character.isDigit(s.charAt(0)) || s.startsWith("-")) ? " \\cdot " : sep);
      sb.append(s);
    }
    if (den.isEmpty()) return new P(sign + sb, sign.isEmpty() && num.size() == 1 ? p(num.get(0)).prec : MUL);
    if (tex) {
      P d = mul(den);
      return new P(sign + "\\frac{" + sb + "}{" + d.s + "}", MUL);
    }
    String d;
    if (den.size() == 1) {
      P x = p(den.get(0));
      d = x.prec <= MUL || x.negative() ? paren(x.s) : x.s;
    } else d = paren(mul(den).s);
    return new P(sign + sb + "/" + d, MUL);
  }

  private P pow(Pow pw) {
    if (pw.exponent() instanceof Const c && c.value() < 0) return mul(List.of(pw));
    P b = p(pw.base());
    String base = b.prec < ATOM || b.negative() || pw.base() instanceof Pow ? paren(b.s) : b.s;
    if (tex && pw.base() instanceof Call c && c.fn() != Expr.Fn.SQRT && c.fn() != Expr.Fn.ABS) base = paren(b.s);
    P x = p(pw.exponent());
    if (tex) return new P(base + "^{" + x.s + "}", POW);
    String exp = x.prec >= POW && !x.negative() ? x.s : paren(x.s);
    return new P(base + "^" + exp, POW);
  }

  private P call(Call c) {
    String arg = p(c.arg()).s;
    if (!tex) return new P(c.fn().text() + "(" + arg + ")", ATOM);
    return switch (c.fn()) {
      case SQRT -> new P("\\sqrt{" + arg + "}", ATOM);
      case ABS -> new P("\\left|" + arg + "\\right|", ATOM);
      case EXP, LOG, SIN, COS, TAN, SINH, COSH, TANH -> new P("\\" + c.fn().text() + paren(arg), ATOM);
      case ASIN, ACOS, ATAN -> new P("\\arc" + c.fn().text().substring(1) + paren(arg), ATOM);
      default -> new P("\\mathrm{" + c.fn().text() + "}" + paren(arg), ATOM);
    };
  }

  private P logic(Logic l) {
    if (l.op().equals("not")) {
      return new P((tex ? "\\lnot " : "not ") + wrap(p(l.args().get(0)), NOT), NOT);
    }
    int prec = l.op().equals("and") ? AND : OR;
    String op = tex ? (prec == AND ? " \\land " : " \\lor ") : " " + l.op() + " ";
    List<String> parts = new ArrayList<>();
    for (Expr a : l.args()) parts.add(wrap(p(a), prec + 1));
    return new P(String.join(op, parts), prec);
  }

  private P loop(Loop l) {
    String lo = p(l.lo()).s;
    String hi = p(l.hi()).s;
    P body = p(l.body());
    if (tex) {
      String op = switch (l.kind()) {
        case SUM -> "\\sum";
        case PROD -> "\\prod";
        case MAX -> "\\max";
        case LOGSUMEXP -> "\\operatorname{logsumexp}";
      };
      String b = body.prec <= ADD ? paren(body.s) : body.s;
      return new P(op + "_{" + name(l.index()) + "=" + lo + "}^{" + hi + "} " + b, MUL);
    }
    return new P(l.kind().text() + "(" + l.index() + " in " + lo + ".." + hi + ", " + body.s + ")", ATOM);
  }

  /** A list of expressions: {@code [a, b]}, or a LaTeX column vector. */
  static String vector(List<String> items, boolean tex) {
    if (tex) return "\\begin{bmatrix} " + String.join(" \\\\ ", items) + " \\end{bmatrix}";
    return "[" + String.join(", ", items) + "]";
  }

  /** A matrix by rows: {@code [[a, b], [c, d]]}, or a LaTeX bmatrix. */
  static String matrix(List<List<String>> rows, boolean tex) {
    List<String> rs = new ArrayList<>();
    for (List<String> r : rows) rs.add(tex ? String.join(" & ", r) : "[" + String.join(", ", r) + "]");
    if (tex) return "\\begin{bmatrix} " + String.join(" \\\\ ", rs) + " \\end{bmatrix}";
    return "[" + String.join(", ", rs) + "]";
  }
}
