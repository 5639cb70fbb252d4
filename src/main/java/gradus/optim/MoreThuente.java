package gradus.optim;

/**
 * The Moré–Thuente line search (J. J. Moré and D. J. Thuente, "Line search algorithms with
 * guaranteed sufficient decrease", ACM TOMS 20, 1994), the one L-BFGS-B uses (MINPACK-2
 * {@code dcsrch}): it finds a step {@code stp} in [stpmin, stpmax] meeting
 * {@code phi(stp) <= phi(0) + ftol·stp·phi'(0)} and {@code |phi'(stp)| <= gtol·|phi'(0)|}.
 * The caller evaluates phi and phi' at {@link #stp} whenever {@link #next} returns
 * {@link Task#EVALUATE}. Each trial comes from {@link #step}: a safeguarded cubic or quadratic
 * interpolation; while no interval is bracketed, steps grow by 1.1–4 times; in the first stage
 * the search works on the auxiliary function {@code psi(a) = phi(a) - phi(0) - ftol·a·phi'(0)}.
 */
final class MoreThuente {
  enum Task { EVALUATE, CONVERGED, WARNING, ERROR }

  private static final double XTRAPL = 1.1;
  private static final double XTRAPU = 4.0;

  private final double ftol;
  private final double gtol;
  private final double xtol;

  /** The current trial step. */
  double stp;
  private double stpmin;
  private double stpmax;
  private boolean brackt;
  private int stage;
  private double finit;
  private double ginit;
  private double gtest;
  private double width;
  private double width1;
  private double stx;
  private double fx;
  private double gx;
  private double sty;
  private double fy;
  private double gy;
  private double stmin;
  private double stmax;

  MoreThuente(double ftol, double gtol, double xtol) {
    this.ftol = ftol;
    this.gtol = gtol;
    this.xtol = xtol;
  }

  /** Starts a search from phi(0) = f, phi'(0) = g with first trial step stp0; ERROR on bad input. */
  Task start(double f, double g, double stp0, double stpmin, double stpmax) {
    this.stp = stp0;
    this.stpmin = stpmin;
    this.stpmax = stpmax;
    if (stp0 < stpmin || stp0 > stpmax || !(g < 0)) return Task.ERROR;
    brackt = false;
    stage = 1;
    finit = f;
    ginit = g;
    gtest = ftol * ginit;
    width = stpmax - stpmin;
    width1 = width / 0.5;
    stx = 0;
    fx = finit;
    gx = ginit;
    sty = 0;
    fy = finit;
    gy = ginit;
    stmin = 0;
    stmax = stp + XTRAPU * stp;
    return Task.EVALUATE;
  }

  /** Given phi(stp) = f and phi'(stp) = g: whether stp is accepted, or the next stp to evaluate. */
  Task next(double f, double g) {
    double ftest = finit + stp * gtest;
    if (stage == 1 && f <= ftest && g >= 0) stage = 2;
    // rounding errors, an interval below xtol or a step at an end of [stpmin, stpmax] end the search
    if (brackt && (stp <= stmin || stp >= stmax)) return Task.WARNING;
    if (brackt && stmax - stmin <= xtol * stmax) return Task.WARNING;
    if (stp == stpmax && f <= ftest && g <= gtest) return Task.WARNING;
    if (stp == stpmin && (f > ftest || g >= gtest)) return Task.WARNING;
    if (f <= ftest && Math.abs(g) <= gtol * (-ginit)) return Task.CONVERGED;

    if (stage == 1 && f <= fx && f > ftest) {
      // the auxiliary function psi, whose minimizers meet the sufficient-decrease condition
      fx -= stx * gtest;
      fy -= sty * gtest;
      gx -= gtest;
      gy -= gtest;
      step(f - stp * gtest, g - gtest);
      fx += stx * gtest;
      fy += sty * gtest;
      gx += gtest;
      gy += gtest;
    } else {
      step(f, g);
    }
    if (brackt) {
      // bisect when the interval does not shrink enough
      if (Math.abs(sty - stx) >= 0.66 * width1) stp = stx + 0.5 * (sty - stx);
      width1 = width;
      width = Math.abs(sty - stx);
      stmin = Math.min(stx, sty);
      stmax = Math.max(stx, sty);
    } else {
      stmin = stp + XTRAPL * (stp - stx);
      stmax = stp + XTRAPU * (stp - stx);
    }
    stp = Math.min(Math.max(stp, stpmin), stpmax);
    // with no further progress possible, the best step so far is the last to try
    if ((brackt && (stp <= stmin || stp >= stmax)) || (brackt && stmax - stmin <= xtol * stmax)) {
      stp = stx;
    }
    return Task.EVALUATE;
  }

  /**
   * One safeguarded step ({@code dcstep}): from the best step stx (value fx, slope gx), the other
   * end sty (fy, gy) and the trial stp (fp, dp), updates the interval and sets the next trial.
   * The four cases of Moré–Thuente §4 pick between the cubic (stpc), quadratic (stpq) and secant
   * steps. Its safeguards are the current interval [stmin, stmax], not the caller's limits.
   */
  private void step(double fp, double dp) {
    double fxv = fx;
    double dx = gx;
    double fyv = fy;
    double dy = gy;
    double sgnd = dp * Math.signum(dx);
    double stpf;
    if (fp > fxv) {
      // case 1: a higher value, the minimum is bracketed
      double theta = 3 * (fxv - fp) / (stp - stx) + dx + dp;
      double s = max3(theta, dx, dp);
      double gamma = s * Math.sqrt((theta / s) * (theta / s) - (dx / s) * (dp / s));
      if (stp < stx) gamma = -gamma;
      double p = (gamma - dx) + theta;
      double q = ((gamma - dx) + gamma) + dp;
      double stpc = stx + (p / q) * (stp - stx);
      double stpq = stx + ((dx / ((fxv - fp) / (stp - stx) + dx)) / 2) * (stp - stx);
      stpf = Math.abs(stpc - stx) < Math.abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2;
      brackt = true;
    } else if (sgnd < 0) {
      // case 2: lower value, slopes of opposite sign: bracketed
      double theta = 3 * (fxv - fp) / (stp - stx) + dx + dp;
      double s = max3(theta, dx, dp);
      double gamma = s * Math.sqrt((theta / s) * (theta / s) - (dx / s) * (dp / s));
      if (stp > stx) gamma = -gamma;
      double p = (gamma - dp) + theta;
      double q = ((gamma - dp) + gamma) + dx;
      double stpc = stp + (p / q) * (stx - stp);
      double stpq = stp + (dp / (dp - dx)) * (stx - stp);
      stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
      brackt = true;
    } else if (Math.abs(dp) < Math.abs(dx)) {
      // case 3: lower value, same slope sign, the slope decreases in magnitude
      double theta = 3 * (fxv - fp) / (stp - stx) + dx + dp;
      double s = max3(theta, dx, dp);
      double gamma = s * Math.sqrt(Math.max(0, (theta / s) * (theta / s) - (dx / s) * (dp / s)));
      if (stp > stx) gamma = -gamma;
      double p = (gamma - dp) + theta;
      double q = (gamma + (dx - dp)) + gamma;
      double r = p / q;
      double stpc;
      if (r < 0 && gamma != 0) stpc = stp + r * (stx - stp);
      else if (stp > stx) stpc = stmax;
      else stpc = stmin;
      double stpq = stp + (dp / (dp - dx)) * (stx - stp);
      if (brackt) {
        stpf = Math.abs(stpc - stp) < Math.abs(stpq - stp) ? stpc : stpq;
        stpf = stp > stx ? Math.min(stp + 0.66 * (sty - stp), stpf)
            : Math.max(stp + 0.66 * (sty - stp), stpf);
      } else {
        stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
        stpf = Math.max(stmin, Math.min(stmax, stpf));
      }
    } else {
      // case 4: lower value, same slope sign, the slope does not decrease
      if (brackt) {
        double theta = 3 * (fp - fyv) / (sty - stp) + dy + dp;
        double s = max3(theta, dy, dp);
        double gamma = s * Math.sqrt((theta / s) * (theta / s) - (dy / s) * (dp / s));
        if (stp > sty) gamma = -gamma;
        double p = (gamma - dp) + theta;
        double q = ((gamma - dp) + gamma) + dy;
        stpf = stp + (p / q) * (sty - stp);
      } else {
        stpf = stp > stx ? stmax : stmin;
      }
    }
    if (fp > fxv) {
      sty = stp;
      fyv = fp;
      dy = dp;
    } else {
      if (sgnd < 0) {
        sty = stx;
        fyv = fxv;
        dy = dx;
      }
      stx = stp;
      fxv = fp;
      dx = dp;
    }
    stp = stpf;
    fx = fxv;
    gx = dx;
    fy = fyv;
    gy = dy;
  }

  private static double max3(double a, double b, double c) {
    return Math.max(Math.abs(a), Math.max(Math.abs(b), Math.abs(c)));
  }
}
