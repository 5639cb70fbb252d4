package gradus.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tick positions and labels for one axis, the way matplotlib chooses them.
 *
 * <p>Linear axes ({@link #linear}): steps of 1, 2, 2.5 or 5 times a power of ten (MaxNLocator),
 * every label with the same number of decimals (ScalarFormatter: {@code 0.0 0.5 1.0}); when the
 * largest tick is 10⁶ or more or below 10⁻⁴, the labels are mantissas and the axis title carries
 * the common factor ({@code ×10⁶}).
 *
 * <p>Log axes ({@link #log}): labels at powers of ten written {@code 10⁻⁴} (LogFormatterSciNotation),
 * every {@code stride}-th decade so that at most {@code maxLabels} remain, minor ticks at 2…9 × 10ⁿ
 * only when the decades are far enough apart to keep them distinct. A range with fewer than three
 * labelled decades also labels 2× and 5× (and, below a factor of about 5, every minor tick).
 */
final class Ticks {
    private Ticks() {
    }

    /** Unicode minus, as matplotlib writes negative tick labels. */
    static final String MINUS = "\u2212";

    /**
     * The ticks of one axis. For a log axis the values are data values (positive) and the axis is
     * drawn in log10 of them.
     *
     * @param major  labelled positions, ascending
     * @param labels one label per major tick
     * @param minor  unlabelled positions
     * @param factor common factor the labels are multiplied by ("" or e.g. "×10⁶"), for the axis title
     * @param log    whether positions are on a log scale
     */
    record TickSet(double[] major, String[] labels, double[] minor, String factor, boolean log) {
        /** The widest label by character count, for reserving room. */
        String widest() {
            String w = "0";
            for (String l : labels) {
                if (l.length() > w.length()) {
                    w = l;
                }
            }
            return w;
        }

        /** The title with the common factor appended when there is one. */
        String title(String name) {
            return factor.isEmpty() ? name : name + " (" + factor + ")";
        }
    }

    /** How many ticks an axis of {@code pixels} takes, one per {@code spacing} pixels: 4 to 8. */
    static int count(int pixels, int spacing) {
        return Math.max(4, Math.min(8, pixels / spacing));
    }

    /** Round tick positions in [lo, hi]: at most {@code maxTicks} of them, steps 1, 2, 2.5, 5 × 10ᵏ. */
    static double[] nice(double lo, double hi, int maxTicks) {
        if (!(hi > lo)) {
            return new double[] {lo};
        }
        double step = step(lo, hi, maxTicks);
        double first = Math.ceil(lo / step - 1e-9) * step;
        int n = (int) Math.floor((hi - first) / step + 1e-9) + 1;
        double[] out = new double[Math.max(0, n)];
        for (int k = 0; k < out.length; k++) {
            // multiply, never accumulate: 0.1 + 0.1 + 0.1 is not 0.3
            double v = (Math.ceil(lo / step - 1e-9) + k) * step;
            out[k] = Math.abs(v) < step * 1e-9 ? 0 : v;
        }
        return out;
    }

    /** The nice step for at most {@code maxTicks} ticks over [lo, hi]. */
    static double step(double lo, double hi, int maxTicks) {
        double raw = (hi - lo) / Math.max(1, maxTicks - 1);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * mag >= raw * (1 - 1e-12)) {
                return m * mag;
            }
        }
        return 10 * mag;
    }

    /** Linear ticks over [lo, hi] with one label format for the whole axis. */
    static TickSet linear(double lo, double hi, int maxTicks) {
        double[] values = nice(lo, hi, Math.max(2, maxTicks));
        double step = values.length > 1 ? values[1] - values[0] : Math.max(Math.abs(lo), 1e-300);
        return new TickSet(values, format(values, step), new double[0], factor(values), false);
    }

    /** One format for all {@code values}, a grid of spacing {@code step}. */
    static String[] format(double[] values, double step) {
        int exp = exponent(values);
        double scale = Math.pow(10, exp);
        int decimals = decimals(step / scale);
        String[] out = new String[values.length];
        for (int k = 0; k < values.length; k++) {
            out[k] = fixed(values[k] / scale, decimals);
        }
        return out;
    }

    private static String factor(double[] values) {
        int exp = exponent(values);
        return exp == 0 ? "" : "\u00D710" + superscript(exp);
    }

    /** The common power of ten written beside the axis: 0 unless the ticks are huge or tiny. */
    private static int exponent(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, Math.abs(v));
        }
        if (max == 0 || !Double.isFinite(max)) {
            return 0;
        }
        int oom = (int) Math.floor(Math.log10(max) + 1e-9);
        return oom >= 6 || oom <= -5 ? oom : 0;
    }

    /** Fewest decimals that write {@code step} exactly (0.25 → 2, 5 → 0). */
    private static int decimals(double step) {
        for (int d = 0; d < 15; d++) {
            double scaled = step * Math.pow(10, d);
            if (Math.abs(scaled - Math.rint(scaled)) < 1e-6 * Math.max(1, scaled)) {
                return d;
            }
        }
        return 15;
    }

    /** {@code v} with {@code decimals} decimals, a Unicode minus, and no "-0". */
    static String fixed(double v, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (s.startsWith("-")) {
            boolean zero = s.chars().allMatch(c -> c == '-' || c == '0' || c == '.');
            s = zero ? s.substring(1) : MINUS + s.substring(1);
        }
        return s;
    }

    /**
     * Log ticks over [lo, hi] (both positive). {@code decadePixels} is the length of one decade on
     * screen, which decides whether minor ticks fit (0 when unknown: no minor ticks).
     */
    static TickSet log(double lo, double hi, int maxLabels, double decadePixels) {
        if (!(lo > 0) || !(hi > lo)) {
            double v = lo > 0 ? lo : 1;
            return new TickSet(new double[] {v}, new String[] {power(v)}, new double[0], "", true);
        }
        double a = Math.log10(lo) - 1e-9;
        double b = Math.log10(hi) + 1e-9;
        int first = (int) Math.ceil(a);
        int last = (int) Math.floor(b);
        int decades = last - first + 1;
        int stride = Math.max(1, (int) Math.ceil(decades / (double) Math.max(1, maxLabels)));
        List<Double> major = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Double> minor = new ArrayList<>();
        for (int e = first; e <= last; e++) {
            if (Math.floorMod(e, stride) == 0) {
                major.add(Math.pow(10, e));
                labels.add(power(e));
            } else if (stride <= 5) {
                minor.add(Math.pow(10, e));
            }
        }
        if (stride == 1) {
            int[] labelled = major.size() >= 3 ? new int[0] : major.size() + candidates(lo, hi, 2, 5) >= 3
                    ? new int[] {2, 5} : new int[] {2, 3, 4, 5, 6, 7, 8, 9};
            for (int e = first - 1; e <= last; e++) {
                for (int j = 2; j <= 9; j++) {
                    double v = j * Math.pow(10, e);
                    if (v < lo * (1 - 1e-9) || v > hi * (1 + 1e-9)) {
                        continue;
                    }
                    if (contains(labelled, j)) {
                        major.add(v);
                        labels.add(j + "\u00D7" + power(e));
                    } else if (decadePixels >= 30 || labelled.length > 0) {
                        minor.add(v);
                    }
                }
            }
        }
        if (major.size() < 2) {
            // narrower than a factor of 2: round linear values, drawn on the log scale
            TickSet lin = linear(lo, hi, 5);
            return new TickSet(lin.major(), lin.labels(), new double[0], lin.factor(), true);
        }
        return sorted(major, labels, minor);
    }

    private static int candidates(double lo, double hi, int... js) {
        int n = 0;
        for (int e = (int) Math.floor(Math.log10(lo)) - 1; e <= (int) Math.ceil(Math.log10(hi)); e++) {
            for (int j : js) {
                double v = j * Math.pow(10, e);
                if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    private static TickSet sorted(List<Double> major, List<String> labels, List<Double> minor) {
        Integer[] order = new Integer[major.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, (p, q) -> Double.compare(major.get(p), major.get(q)));
        double[] m = new double[order.length];
        String[] l = new String[order.length];
        for (int k = 0; k < order.length; k++) {
            m[k] = major.get(order[k]);
            l[k] = labels.get(order[k]);
        }
        double[] mi = minor.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new TickSet(m, l, mi, "", true);
    }

    /** 10 to the power {@code e}, written 10⁻⁴. */
    static String power(int e) {
        return "10" + superscript(e);
    }

    private static String power(double v) {
        return power((int) Math.round(Math.log10(v)));
    }

    static String superscript(int e) {
        String digits = "\u2070\u00B9\u00B2\u00B3\u2074\u2075\u2076\u2077\u2078\u2079";
        StringBuilder sb = new StringBuilder(e < 0 ? "\u207B" : "");
        for (char c : Integer.toString(Math.abs(e)).toCharArray()) {
            sb.append(digits.charAt(c - '0'));
        }
        return sb.toString();
    }

    /** A short label for a lone number (class names, ranges): up to 4 significant digits. */
    static String label(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return fixed(v, 0);
        }
        double a = Math.abs(v);
        int oom = (int) Math.floor(Math.log10(a));
        if (oom >= 6 || oom <= -5) {
            double m = v / Math.pow(10, oom);
            return fixed(m, 2).replaceFirst("\\.?0+$", "") + "\u00D710" + superscript(oom);
        }
        return fixed(v, Math.max(0, 3 - oom)).replaceFirst("(\\.\\d*?)0+$", "$1").replaceFirst("\\.$", "");
    }
}
