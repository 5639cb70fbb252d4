package gradus.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;

/**
 * A contour chart: the filled colour field painted under XChart's series inside the data
 * rectangle, and a colour bar in a strip on the right with its ticks and its label written
 * upwards beside it (matplotlib's {@code colorbar(label=...)}), so no title is needed above it.
 */
final class ContourChart extends AxesChart {
    private static final int BAR_GAP = 8;
    private static final int BAR_WIDTH = 18;
    private static final Font LABEL_FONT = Style.BASE.deriveFont(12f);
    private static final Font CAPTION_FONT = Style.BASE.deriveFont(13f);

    private final ContourPlot source;
    private final Ticks.TickSet barTicks;
    private final String caption;
    private final int strip;

    ContourChart(int width, int height, ContourPlot source, Ticks.TickSet barTicks, String caption) {
        super(width, height);
        this.source = source;
        this.barTicks = barTicks;
        this.caption = caption;
        FontRenderContext frc = new FontRenderContext(null, true, true);
        double labels = 0;
        for (String l : barTicks.labels()) {
            labels = Math.max(labels, LABEL_FONT.getStringBounds(l, frc).getWidth());
        }
        double captionHeight = CAPTION_FONT.getLineMetrics(caption, frc).getHeight();
        this.strip = (int) Math.ceil(BAR_GAP + BAR_WIDTH + 7 + labels + 8 + captionHeight + 6);
    }

    @Override
    int rightStrip() {
        return strip;
    }

    Ticks.TickSet barTicks() {
        return barTicks;
    }

    String caption() {
        return caption;
    }

    @Override
    void paintUnder(Graphics2D g, Rectangle2D r) {
        int pw = (int) Math.round(r.getWidth());
        int ph = (int) Math.round(r.getHeight());
        if (pw > 0 && ph > 0) {
            g.drawImage(source.field(pw, ph), (int) Math.round(r.getX()), (int) Math.round(r.getY()), pw, ph, null);
        }
    }

    @Override
    void paintOver(Graphics2D g, int chartWidth, int height) {
        Rectangle2D r = dataRect();
        double top = r.getY();
        double bottom = r.getMaxY();
        double h = bottom - top;
        int bands = source.bounds.length - 1;
        if (h <= 0 || bands < 1) {
            return;
        }
        double barX = chartWidth + BAR_GAP;
        for (int k = 0; k < bands; k++) {
            double y1 = bottom - (double) (k + 1) * h / bands;
            double y2 = bottom - (double) k * h / bands;
            g.setColor(new Color(source.bandColour(k)));
            g.fill(new Rectangle2D.Double(barX, Math.floor(y1), BAR_WIDTH, Math.ceil(y2) - Math.floor(y1)));
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.draw(new Rectangle2D.Double(barX, top, BAR_WIDTH, h));
        g.setFont(LABEL_FONT);
        FontMetrics fm = g.getFontMetrics();
        double right = barX + BAR_WIDTH;
        double widest = 0;
        for (int k = 0; k < barTicks.major().length; k++) {
            double y = bottom - source.barPosition(barTicks.major()[k]) * h;
            if (y < top - 0.5 || y > bottom + 0.5) {
                continue;
            }
            g.draw(new Line2D.Double(right, y, right + 4, y));
            String label = barTicks.labels()[k];
            widest = Math.max(widest, fm.stringWidth(label));
            g.drawString(label, (float) (right + 7), (float) (y + fm.getAscent() / 2.0 - 2));
        }
        for (double v : barTicks.minor()) {
            double y = bottom - source.barPosition(v) * h;
            if (y >= top && y <= bottom) {
                g.draw(new Line2D.Double(right, y, right + 2.5, y));
            }
        }
        g.setFont(CAPTION_FONT);
        FontMetrics cm = g.getFontMetrics();
        AffineTransform keep = g.getTransform();
        double cx = right + 7 + widest + 8 + cm.getAscent();
        g.translate(cx, top + h / 2 + cm.stringWidth(caption) / 2.0);
        g.rotate(-Math.PI / 2);
        g.drawString(caption, 0, 0);
        g.setTransform(keep);
    }
}
