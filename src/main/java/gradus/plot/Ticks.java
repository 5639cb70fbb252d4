package gradus.plot;

import java.util.Locale;

/** "Nice" tick positions (steps of 1, 2 or 5 times a power of ten) and short labels. */
final class Ticks {
    private Ticks() {
    }

    static double[] nice(double lo, double hi, int maxTicks) {
        if (!(hi > lo)) {
            return new double[] {lo};
        }
        double raw = (hi - lo) / Math.max(1, maxTicks - 1);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            step = m * mag;
            if (step >= raw) {
                break;
            }
        }
        double first = Math.ceil(lo / step - 1e-9) * step;
        int n = (int) Math.floor((hi - first) / step + 1e-9) + 1;
        double[] out = new double[Math.max(0, n)];
        for (int k = 0; k < out.length; k++) {
            double v = first + k * step;
            out[k] = Math.abs(v) < step * 1e-9 ? 0 : v;
        }
        return out;
    }

    /** A short label: up to 4 significant digits, scientific notation for very large or small numbers. */
    static String label(double v) {
        return label(v, 4);
    }

    static String label(double v, int digits) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e5 || a < 1e-3) {
            String s = String.format(Locale.ROOT, "%.2e", v);
            return s.replaceFirst("\\.?0+e", "e").replace("e+0", "e").replace("e-0", "e-").replace("e+", "e");
        }
        String s = String.format(Locale.ROOT, "%." + digits + "g", v);
        if (s.contains(".")) {
            s = s.replaceFirst("0+$", "").replaceFirst("\\.$", "");
        }
        return s;
    }
}
