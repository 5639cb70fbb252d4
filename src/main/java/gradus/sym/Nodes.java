package gradus.sym;

import java.util.List;

/** Identity-based list comparison and hashing for interned children. */
final class Nodes {
  private Nodes() {}

  static boolean sameList(List<Expr> a, List<Expr> b) {
    if (a.size() != b.size()) return false;
    for (int i = 0; i < a.size(); i++) if (a.get(i) != b.get(i)) return false;
    return true;
  }

  static int listHash(List<Expr> list) {
    int h = 1;
    for (Expr e : list) h = h * 31 + System.identityHashCode(e);
    return h;
  }
}
