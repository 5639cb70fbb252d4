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

    /** Run colours chosen to stand out on viridis and on white. */
    static final Color[] RUNS = {
        new Color(0xE4, 0x1A, 0x1C), new Color(0xFF, 0x8C, 0x00), new Color(0x00, 0xE5, 0xFF),
        new Color(0xF0, 0x3C, 0xE6), new Color(0xFF, 0xFF, 0xFF), new Color(0x1F, 0x77, 0xB4),
        new Color(0x2C, 0xA0, 0x2C), new Color(0x8C, 0x56, 0x4B),
    };

    /** Line colours on a white background (convergence, 1-D plots). */
    /**
     * The run colours of {@link #RUNS}, index by index, darkened where needed to read on white, so
     * that run k has the same hue on a contour and on its convergence plot.
     */
    static final Color[] RUNS_ON_WHITE = {
        new Color(0xE4, 0x1A, 0x1C), new Color(0xFF, 0x8C, 0x00), new Color(0x00, 0xA5, 0xBC),
        new Color(0xC0, 0x20, 0xB8), new Color(0x7F, 0x7F, 0x7F), new Color(0x1F, 0x77, 0xB4),
        new Color(0x2C, 0xA0, 0x2C), new Color(0x8C, 0x56, 0x4B),
    };

    static final Color[] LINES = {
        new Color(0x1F, 0x77, 0xB4), new Color(0xD6, 0x27, 0x28), new Color(0x2C, 0xA0, 0x2C),
        new Color(0xFF, 0x7F, 0x0E), new Color(0x94, 0x67, 0xBD), new Color(0x8C, 0x56, 0x4B),
        new Color(0xE3, 0x77, 0xC2), new Color(0x7F, 0x7F, 0x7F),
    };

    /** Class colours for scatter points. */
    static final Color[] CLASSES = {
        new Color(0x1F, 0x77, 0xB4), new Color(0xD6, 0x27, 0x28), new Color(0xFF, 0xFF, 0xFF),
        new Color(0x2C, 0xA0, 0x2C), new Color(0xFF, 0x7F, 0x0E), new Color(0x94, 0x67, 0xBD),
    };

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
