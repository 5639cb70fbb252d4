package gradus.plot;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A colour map: evenly spaced control colours, linearly interpolated in RGB. */
public final class Colormap {
    // Control colours sampled at 10 evenly spaced positions of the published maps.
    private static final Map<String, int[]> TABLES = Map.of(
            "viridis", new int[] {0x440154, 0x482878, 0x3E4A89, 0x31688E, 0x26828E,
                0x1F9E89, 0x35B779, 0x6DCD59, 0xB4DE2C, 0xFDE725},
            "plasma", new int[] {0x0D0887, 0x47039F, 0x7301A8, 0x9C179E, 0xBD3786,
                0xD8576B, 0xED7953, 0xFA9E3B, 0xFDC926, 0xF0F921},
            "magma", new int[] {0x000004, 0x180F3E, 0x451077, 0x721F81, 0x9F2F7F,
                0xCD4071, 0xF1605D, 0xFD9567, 0xFEC98D, 0xFCFDBF},
            "inferno", new int[] {0x000004, 0x1B0C42, 0x4B0C6B, 0x781C6D, 0xA52C60,
                0xCF4446, 0xED6925, 0xFB9A06, 0xF7D03C, 0xFCFFA4},
            "coolwarm", new int[] {0x3B4CC0, 0x6F92F3, 0xAAC7FD, 0xDDDDDD, 0xF7B89C,
                0xE7745B, 0xB40426},
            "gray", new int[] {0x000000, 0xFFFFFF});

    private static final List<String> NAMES =
            List.of("viridis", "plasma", "magma", "inferno", "coolwarm", "gray");

    private final String name;
    private final int[] table;

    private Colormap(String name, int[] table) {
        this.name = name;
        this.table = table;
    }

    /** The map called {@code name} (case-insensitive); a PlotException names the choices otherwise. */
    public static Colormap named(String name) {
        String key = name == null ? "viridis" : name.toLowerCase(Locale.ROOT);
        if (key.equals("grey")) {
            key = "gray";
        }
        int[] table = TABLES.get(key);
        if (table == null) {
            throw new PlotException("colormap", "unknown colormap '" + name + "'; choose one of "
                    + String.join(", ", NAMES));
        }
        return new Colormap(key, table);
    }

    public static Colormap viridis() {
        return named("viridis");
    }

    public static List<String> names() {
        return NAMES;
    }

    public String name() {
        return name;
    }

    /** Packed RGB at position t in [0, 1] (clamped; NaN gives the lowest colour). */
    public int rgb(double t) {
        if (!(t > 0)) {
            return table[0];
        }
        if (t >= 1) {
            return table[table.length - 1];
        }
        double pos = t * (table.length - 1);
        int i = (int) pos;
        double frac = pos - i;
        int a = table[i];
        int b = table[i + 1];
        return (mix(a >> 16, b >> 16, frac) << 16) | (mix(a >> 8, b >> 8, frac) << 8) | mix(a, b, frac);
    }

    public Color color(double t) {
        return new Color(rgb(t));
    }

    private static int mix(int a, int b, double frac) {
        int ca = a & 0xFF;
        int cb = b & 0xFF;
        return (int) Math.round(ca + (cb - ca) * frac);
    }
}
