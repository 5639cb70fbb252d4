package gradus.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

/** Shared look: white background, black frame, solid lines, distinct run colours. */
final class Style {
    private Style() {
    }

    /**
     * Matplotlib's default colour cycle (tab10): run k has colour k on every plot kind — contour,
     * surface, convergence, animation — and data classes follow the same cycle.
     */
    static final Color[] TAB10 = {
        new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0xD62728),
        new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2), new Color(0x7F7F7F),
        new Color(0xBCBD22), new Color(0x17BECF),
    };

    /** The colour of run (or class, or line) number k, counted from 0. */
    static Color run(int k) {
        return TAB10[Math.floorMod(k, TAB10.length)];
    }

    /** Drawn under a run's line on colour fields, so that every colour reads on every colour map. */
    static final Color HALO = new Color(255, 255, 255, 150);

    static final Font BASE = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    static void apply(XYChart chart, String title) {
        XYStyler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(Color.BLACK);
        s.setPlotBorderVisible(true);
        s.setPlotGridLinesColor(new Color(0xDD, 0xDD, 0xDD));
        s.setPlotGridLinesStroke(new BasicStroke(0.8f));
        s.setChartFontColor(Color.BLACK);
        s.setAxisTickLabelsColor(Color.BLACK);
        s.setAxisTickMarksColor(Color.BLACK);
        s.setAxisTickLabelsFont(BASE.deriveFont(12f));
        s.setAxisTitleFont(BASE.deriveFont(14f));
        s.setChartTitleFont(BASE.deriveFont(Font.BOLD, 15f));
        s.setChartTitleBoxVisible(false);
        s.setChartTitleVisible(title != null);
        s.setLegendFont(BASE.deriveFont(12f));
        s.setLegendBorderColor(new Color(0xBB, 0xBB, 0xBB));
        s.setLegendBackgroundColor(new Color(255, 255, 255, 215));
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        s.setAntiAlias(true);
        s.setChartPadding(10);
        s.setToolTipsEnabled(false);
        s.setSeriesLines(new BasicStroke[] {new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)});
        if (title != null) {
            chart.setTitle(title);
        }
    }
}
