package gradus.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.List;

/**
 * Panels in a grid, {@code cols} per row, every panel drawn at the same cell size (like
 * matplotlib's subplots): the largest panel's size, or the figure's own size divided among the
 * cells when one is given. Panels are drawn at the figure's dpi; SVG and PDF embed the picture.
 */
final class FigurePlot extends Plot {
    private static final int TITLE_HEIGHT = 34;

    private final List<Plot> panels;
    private final int cols;
    private boolean sized;

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

    private int top() {
        return title() == null ? 0 : TITLE_HEIGHT;
    }

    int cellWidth() {
        return sized ? super.width() / cols : panels.stream().mapToInt(Plot::width).max().orElse(1);
    }

    int cellHeight() {
        return sized ? (super.height() - top()) / rows() : panels.stream().mapToInt(Plot::height).max().orElse(1);
    }

    private int rows() {
        return (panels.size() + cols - 1) / cols;
    }

    @Override
    public int width() {
        return sized ? super.width() : cellWidth() * cols;
    }

    @Override
    public int height() {
        return sized ? super.height() : cellHeight() * rows() + top();
    }

    @Override
    public Plot size(int width, int height) {
        super.size(width, height);
        sized = true;
        if (cellWidth() < 50 || cellHeight() < 50) {
            throw new PlotException("size", "a figure of " + width / 100.0 + " x " + height / 100.0
                    + " inches leaves its " + panels.size() + " panels less than half an inch each");
        }
        return this;
    }

    @Override
    void draw(Graphics2D g) {
        int cw = cellWidth();
        int ch = cellHeight();
        int top = top();
        if (title() != null) {
            g.setColor(Color.BLACK);
            g.setFont(Style.BASE.deriveFont(Font.BOLD, 17f));
            FontMetrics fm = g.getFontMetrics();
            g.drawString(title(), (width() - fm.stringWidth(title())) / 2, top - 10);
        }
        for (int k = 0; k < panels.size(); k++) {
            Plot p = panels.get(k);
            int w = p.width();
            int h = p.height();
            Graphics2D cell = (Graphics2D) g.create((k % cols) * cw, top + (k / cols) * ch, cw, ch);
            try {
                // same-size panels: each is laid out again at the cell's size, then put back
                p.size(cw, ch);
                p.draw(cell);
            } finally {
                p.size(w, h);
                cell.dispose();
            }
        }
    }
}
