package gradus.plot;

import java.util.function.DoubleBinaryOperator;

/** A function sampled on a regular grid; non-finite samples are stored as NaN. */
final class Grid {
    final double[] xs;
    final double[] ys;
    /** z[j][i] = f(xs[i], ys[j]). */
    final double[][] z;
    /** Smallest and largest finite sample; NaN when there is none. */
    final double min;
    final double max;

    private Grid(double[] xs, double[] ys, double[][] z) {
        this.xs = xs;
        this.ys = ys;
        this.z = z;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : z) {
            for (double v : row) {
                if (v < lo) {
                    lo = v;
                }
                if (v > hi) {
                    hi = v;
                }
            }
        }
        this.min = lo <= hi ? lo : Double.NaN;
        this.max = lo <= hi ? hi : Double.NaN;
    }

    static Grid sample(DoubleBinaryOperator f, double[] xr, double[] yr, int nx, int ny) {
        double[] xs = linspace(xr[0], xr[1], nx);
        double[] ys = linspace(yr[0], yr[1], ny);
        double[][] z = new double[ny][nx];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                double v = f.applyAsDouble(xs[i], ys[j]);
                z[j][i] = Double.isFinite(v) ? v : Double.NaN;
            }
        }
        return new Grid(xs, ys, z);
    }

    boolean hasFiniteValue() {
        return !Double.isNaN(min);
    }

    static double[] linspace(double a, double b, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = n == 1 ? a : a + (b - a) * i / (n - 1);
        }
        out[n - 1] = b;
        return out;
    }

    /**
     * Bilinear interpolation at fractional grid indices; a cell with a NaN corner
     * takes its nearest corner's value (NaN when that one is missing too).
     */
    double interpolate(double gi, double gj) {
        int nx = xs.length;
        int ny = ys.length;
        int i = Math.max(0, Math.min(nx - 2, (int) Math.floor(gi)));
        int j = Math.max(0, Math.min(ny - 2, (int) Math.floor(gj)));
        double fx = Math.max(0, Math.min(1, gi - i));
        double fy = Math.max(0, Math.min(1, gj - j));
        double a = z[j][i];
        double b = z[j][i + 1];
        double c = z[j + 1][i];
        double d = z[j + 1][i + 1];
        double v = (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy;
        if (!Double.isNaN(v)) {
            return v;
        }
        return z[j + (fy < 0.5 ? 0 : 1)][i + (fx < 0.5 ? 0 : 1)];
    }
}
