package gradus.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Panels in a grid, {@code cols} per row. Each panel is rendered to a picture at its own size and
 * centred in an equal cell; SVG and PDF embed the composed picture.
 */
final class FigurePlot extends Plot {
    private static final int TITLE_HEIGHT = 34;

    private final List<Plot> panels;
    private final int cols;

    FigurePlot(List<Plot> panels, int cols) {
        super(1, 1);
        if (panels == null || panels.isEmpty()) {
            throw new PlotException("figure needs at least one plot");
        }
        if (cols < 1) {
            throw new PlotException("cols must be at least 1, got " + cols);
        }
        this.panels = List.copyOf(panels);
        this.cols = Math.min(cols, panels.size());
    }

    private int cellWidth() {
        return panels.stream().mapToInt(Plot::width).max().orElse(1);
    }

    private int cellHeight() {
        return panels.stream().mapToInt(Plot::height).max().orElse(1);
    }

    private int rows() {
        return (panels.size() + cols - 1) / cols;
    }

    @Override
    public int width() {
        return cellWidth() * cols;
    }

    @Override
    public int height() {
        return cellHeight() * rows() + (title() == null ? 0 : TITLE_HEIGHT);
    }

    @Override
    public Plot size(int width, int height) {
        throw new PlotException("a figure's size follows its panels; size the panels instead");
    }

    @Override
    public BufferedImage render() {
        List<BufferedImage> pictures = new ArrayList<>();
        for (Plot p : panels) {
            pictures.add(p.render());
        }
        int cw = cellWidth();
        int ch = cellHeight();
        int top = title() == null ? 0 : TITLE_HEIGHT;
        BufferedImage out = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            if (title() != null) {
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setColor(Color.BLACK);
                g.setFont(Style.BASE.deriveFont(Font.BOLD, 17f));
                FontMetrics fm = g.getFontMetrics();
                g.drawString(title(), (out.getWidth() - fm.stringWidth(title())) / 2, top - 10);
            }
            for (int k = 0; k < pictures.size(); k++) {
                BufferedImage p = pictures.get(k);
                int x = (k % cols) * cw + (cw - p.getWidth()) / 2;
                int y = top + (k / cols) * ch + (ch - p.getHeight()) / 2;
                g.drawImage(p, x, y, null);
            }
        } finally {
            g.dispose();
        }
        return out;
    }
}
