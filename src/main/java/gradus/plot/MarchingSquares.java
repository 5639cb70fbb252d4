package gradus.plot;

import java.util.ArrayList;
import java.util.List;

/** Iso-lines of a sampled function by marching squares. */
final class MarchingSquares {
    private MarchingSquares() {
    }

    // Cell edges: 0 bottom, 1 right, 2 top, 3 left. For each corner case, the edge pairs to join.
    private static final int[][] CASES = {
        {}, {3, 0}, {0, 1}, {3, 1}, {1, 2}, null, {0, 2}, {3, 2},
        {3, 2}, {0, 2}, null, {1, 2}, {3, 1}, {0, 1}, {3, 0}, {},
    };

    /** Segments {x1, y1, x2, y2} where the sampled function crosses {@code level}; cells with a NaN corner are skipped. */
    static List<double[]> segments(double[] xs, double[] ys, double[][] z, double level) {
        List<double[]> out = new ArrayList<>();
        for (int j = 0; j + 1 < ys.length; j++) {
            for (int i = 0; i + 1 < xs.length; i++) {
                double bl = z[j][i];
                double br = z[j][i + 1];
                double tr = z[j + 1][i + 1];
                double tl = z[j + 1][i];
                if (Double.isNaN(bl) || Double.isNaN(br) || Double.isNaN(tr) || Double.isNaN(tl)) {
                    continue;
                }
                int index = (bl > level ? 1 : 0) | (br > level ? 2 : 0) | (tr > level ? 4 : 0) | (tl > level ? 8 : 0);
                int[] pairs = CASES[index];
                if (pairs == null) {
                    pairs = saddle(index, (bl + br + tr + tl) / 4 > level);
                }
                for (int k = 0; k < pairs.length; k += 2) {
                    double[] p = crossing(pairs[k], xs, ys, i, j, bl, br, tr, tl, level);
                    double[] q = crossing(pairs[k + 1], xs, ys, i, j, bl, br, tr, tl, level);
                    out.add(new double[] {p[0], p[1], q[0], q[1]});
                }
            }
        }
        return out;
    }

    /** The two ambiguous cases, resolved by the cell's mean value. */
    private static int[] saddle(int index, boolean centreAbove) {
        boolean isolateBottomLeftAndTopRight = (index == 5) != centreAbove;
        return isolateBottomLeftAndTopRight ? new int[] {3, 0, 1, 2} : new int[] {0, 1, 3, 2};
    }

    private static double[] crossing(int edge, double[] xs, double[] ys, int i, int j,
            double bl, double br, double tr, double tl, double level) {
        double x0 = xs[i];
        double x1 = xs[i + 1];
        double y0 = ys[j];
        double y1 = ys[j + 1];
        return switch (edge) {
            case 0 -> new double[] {lerp(x0, x1, bl, br, level), y0};
            case 1 -> new double[] {x1, lerp(y0, y1, br, tr, level)};
            case 2 -> new double[] {lerp(x0, x1, tl, tr, level), y1};
            default -> new double[] {x0, lerp(y0, y1, bl, tl, level)};
        };
    }

    private static double lerp(double a, double b, double va, double vb, double level) {
        double t = (level - va) / (vb - va);
        return a + (b - a) * t;
    }

    /** Segments as one polyline per coordinate with NaN between segments (XChart breaks lines at NaN). */
    static double[][] asSeries(List<double[]> segments) {
        int n = segments.size();
        double[] x = new double[Math.max(0, 3 * n - 1)];
        double[] y = new double[x.length];
        int k = 0;
        for (int s = 0; s < n; s++) {
            double[] seg = segments.get(s);
            if (s > 0) {
                x[k] = Double.NaN;
                y[k++] = Double.NaN;
            }
            x[k] = seg[0];
            y[k++] = seg[1];
            x[k] = seg[2];
            y[k++] = seg[3];
        }
        return new double[][] {x, y};
    }
}
