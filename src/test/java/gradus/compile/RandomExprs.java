package gradus.compile;

import static gradus.sym.Sym.*;

import gradus.sym.Expr;
import gradus.sym.Expr.Fn;
import gradus.sym.Signature;
import gradus.sym.VarSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random expressions over every node type, with arguments wrapped so that every function stays
 * in its domain (log of a^2+1, asin of 0.9 tanh a, ...). Variables: x[4], y; fields: c, w[3].
 */
final class RandomExprs {
  static final int N = 4;
  static final Signature SIG = new Signature(List.of(new VarSpec("x", N), new VarSpec("y", 0)),
      List.of(new VarSpec("c", 0), new VarSpec("w", 3)));

  private final Random rnd;
  private final boolean smooth;

  /** {@code smooth}: leave out kinks (abs, sign, relu, min, max, where) for second-derivative tests. */
  RandomExprs(long seed, boolean smooth) {
    this.rnd = new Random(seed);
    this.smooth = smooth;
  }

  Expr gen(int depth) {
    return gen(depth, new ArrayList<>());
  }

  private Expr gen(int depth, List<String> idx) {
    if (depth == 0 || rnd.nextDouble() < 0.2) return leaf(idx);
    int kinds = smooth ? 9 : 16;
    switch (rnd.nextInt(kinds)) {
      case 0: {
        int k = 2 + rnd.nextInt(3);
        List<Expr> ts = new ArrayList<>();
        for (int i = 0; i < k; i++) ts.add(gen(depth - 1, idx));
        return add(ts);
      }
      case 1:
        return sub(gen(depth - 1, idx), gen(depth - 1, idx));
      case 2:
        return mul(gen(depth - 1, idx), gen(depth - 1, idx), rnd.nextBoolean() ? num(0.5) : gen(0, idx));
      case 3:
        return div(gen(depth - 1, idx), add(pow(gen(depth - 1, idx), 2), num(1)));
      case 4: {
        Expr b = gen(depth - 1, idx);
        return switch (rnd.nextInt(4)) {
          case 0 -> pow(b, 2);
          case 1 -> pow(b, 3);
          case 2 -> pow(add(pow(b, 2), num(0.5)), rnd.nextBoolean() ? 0.5 : -1.5);
          default -> pow(add(pow(b, 2), num(0.5)), call(Fn.SIN, gen(depth - 1, idx)));
        };
      }
      case 5:
        return fn(depth, idx);
      case 6:
      case 7: {
        String i = "i" + idx.size();
        Expr lo = num(1);
        if (!idx.isEmpty() && rnd.nextBoolean()) lo = index(idx.get(idx.size() - 1));
        List<String> inner = new ArrayList<>(idx);
        inner.add(i);
        Expr body = gen(depth - 1, inner);
        if (rnd.nextInt(3) == 0) return prod(i, lo, num(3), mul(num(0.5), call(Fn.TANH, body)));
        return sum(i, lo, num(N), body);
      }
      case 8:
        return fn(depth, idx);
      case 9:
        return min(gen(depth - 1, idx), gen(depth - 1, idx));
      case 10:
        return max(gen(depth - 1, idx), gen(depth - 1, idx));
      case 11:
        return where(cond(depth, idx), gen(depth - 1, idx), gen(depth - 1, idx));
      case 12:
        return mul(cond(depth, idx), gen(depth - 1, idx));
      case 13:
        return call(Fn.ABS, gen(depth - 1, idx));
      case 14:
        return call(Fn.RELU, gen(depth - 1, idx));
      default:
        return add(call(Fn.SIGN, gen(depth - 1, idx)), gen(depth - 1, idx));
    }
  }

  private static final String[] OPS = {"<", "<=", ">", ">=", "==", "!="};

  private Expr cond(int depth, List<String> idx) {
    Expr c = cmp(OPS[rnd.nextInt(OPS.length)], gen(depth - 1, idx), gen(depth - 1, idx));
    return switch (rnd.nextInt(4)) {
      case 0 -> and(c, cmp("<", gen(depth - 1, idx), num(0.3)));
      case 1 -> or(c, cmp(">", gen(depth - 1, idx), num(0.3)));
      case 2 -> not(c);
      default -> c;
    };
  }

  private Expr fn(int depth, List<String> idx) {
    Expr a = gen(depth - 1, idx);
    Fn[] smoothFns = {Fn.EXP, Fn.LOG, Fn.LOG1P, Fn.SQRT, Fn.SIN, Fn.COS, Fn.TAN, Fn.ASIN, Fn.ACOS, Fn.ATAN,
        Fn.SINH, Fn.COSH, Fn.TANH, Fn.SIGMOID, Fn.SOFTPLUS};
    Fn f = smoothFns[rnd.nextInt(smoothFns.length)];
    Expr arg = switch (f) {
      case EXP, SINH, COSH -> call(Fn.TANH, a);
      case LOG, SQRT -> add(pow(a, 2), num(1));
      case LOG1P -> pow(a, 2);
      case TAN -> call(Fn.TANH, a);
      case ASIN, ACOS -> mul(num(0.9), call(Fn.TANH, a));
      default -> a;
    };
    return call(f, arg);
  }

  private Expr leaf(List<String> idx) {
    int k = rnd.nextInt(idx.isEmpty() ? 5 : 8);
    return switch (k) {
      case 0 -> num(Math.round((rnd.nextDouble() * 4 - 2) * 4) / 4.0);
      case 1 -> var("y");
      case 2, 3 -> elem("x", 1 + rnd.nextInt(N));
      case 4 -> rnd.nextBoolean() ? var("c") : elem("w", 1 + rnd.nextInt(3));
      case 5 -> mul(num(0.25), index(idx.get(rnd.nextInt(idx.size()))));
      default -> elem("x", index(idx.get(rnd.nextInt(idx.size()))));
    };
  }
}
