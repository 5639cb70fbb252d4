package gradus.optim;

import java.util.Map;

/** One step of a method's driver from a given point, for tests that look inside a step. */
final class OneStep {
  final Evaluator ev;
  final Driver driver;
  final Iterate cur;
  final Iterate next;

  OneStep(Objective objective, String method, double... x) {
    ev = new Evaluator(objective);
    driver = Methods.create(method, Map.of()).newDriver(ev, x.length);
    cur = new Iterate(x.length);
    System.arraycopy(x, 0, cur.x, 0, x.length);
    cur.f = ev.eval(cur.x, cur.g);
    next = new Iterate(x.length);
  }

  Driver.Outcome step() {
    return driver.step(cur, next, 1);
  }
}
