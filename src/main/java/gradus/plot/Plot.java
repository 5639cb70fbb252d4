package gradus.plot;

import gradus.io.AtomicFile;
import gradus.io.IoErrors;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.swing.ImageIcon;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;

/**
 * A figure that can be rendered to an image, saved (format chosen by the file extension:
 * .png, .svg, .pdf; .gif for animations) or shown in a window.
 *
 * <p>Sizes follow matplotlib's figsize and dpi: a plot is laid out at {@link #width()} ×
 * {@link #height()} units of 1/100 inch, and a picture has {@code dpi / 100} pixels per unit, so a
 * higher dpi gives a sharper picture of the same figure (fonts and lines grow with it).
 */
public abstract class Plot {
    /** matplotlib's default figure.dpi. */
    public static final int DEFAULT_DPI = 100;

    private String title;
    private int width;
    private int height;
    private int dpi = DEFAULT_DPI;

    protected Plot(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** Sets the title drawn above the plot (null or empty: none) and returns this plot. */
    public Plot title(String title) {
        this.title = title == null || title.isBlank() ? null : title;
        return this;
    }

    public String title() {
        return title;
    }

    /**
     * Names the axes: {@code x}, {@code y}, and {@code z} for the value (a surface's height, a
     * contour's colour bar); null keeps a title. Plots without axes refuse.
     */
    public Plot labels(String x, String y, String z) {
        throw new PlotException("xlabel", "this plot has no axes to label; label its panels");
    }

    /** The axis titles as drawn: x, y, and the value axis (null where the plot has none). */
    public List<String> axisTitles() {
        return List.of();
    }

    /** Sets the layout size in 1/100 inch (pixels at 100 dpi) and returns this plot. */
    public Plot size(int width, int height) {
        if (width < 50 || height < 50 || width > 10000 || height > 10000) {
            throw new PlotException("size", "plot size must be between 0.5 and 100 inches a side, got "
                    + width / 100.0 + " x " + height / 100.0);
        }
        this.width = width;
        this.height = height;
        return this;
    }

    /** Sets the resolution of pictures (PNG, GIF, the window) in dots per inch. */
    public Plot dpi(int dpi) {
        if (dpi < 10 || dpi > 1000) {
            throw new PlotException("dpi", "dpi must be between 10 and 1000, got " + dpi);
        }
        if ((long) width * dpi / DEFAULT_DPI > 20000 || (long) height * dpi / DEFAULT_DPI > 20000) {
            throw new PlotException("dpi", "a picture of " + width * dpi / DEFAULT_DPI + " x "
                    + height * dpi / DEFAULT_DPI + " pixels is too large; use a smaller size or dpi");
        }
        this.dpi = dpi;
        return this;
    }

    public int dpi() {
        return dpi;
    }

    /** Width of a picture in pixels at the plot's dpi. */
    public int pixelWidth() {
        return (int) Math.round(width() * (double) dpi / DEFAULT_DPI);
    }

    public int pixelHeight() {
        return (int) Math.round(height() * (double) dpi / DEFAULT_DPI);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The plot as a picture of {@link #pixelWidth()} × {@link #pixelHeight()} pixels. */
    public BufferedImage render() {
        return raster(this::draw);
    }

    /** Paints the plot at its layout size, {@link #width()} × {@link #height()}. */
    abstract void draw(Graphics2D g);

    /** A white picture at the plot's dpi with {@code painter} drawing in layout units. */
    BufferedImage raster(java.util.function.Consumer<Graphics2D> painter) {
        BufferedImage img = new BufferedImage(pixelWidth(), pixelHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(dpi / (double) DEFAULT_DPI, dpi / (double) DEFAULT_DPI);
            painter.accept(g);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Writes SVG or PDF; plots drawn by XChart override this to keep lines and text as vectors. */
    void writeVector(OutputStream out, String format) throws IOException {
        RasterChart.write(render(), out, format);
    }

    /** Writes an animated GIF; only animations can. */
    void writeGif(Path file) {
        throw new PlotException("only animate() makes GIF files; save this plot as .png, .svg or .pdf");
    }

    /**
     * Writes the plot to {@code file}, choosing the format from its extension. The picture goes to a
     * temporary file next to the target first, so a failure never leaves a truncated file behind.
     */
    public void save(Path file) {
        String format = extension(file);
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        // like matplotlib's savefig: a missing folder is the user's typo, not something to create
        if (!Files.isDirectory(dir)) {
            throw new PlotException("cannot write " + file + ": no such folder " + dir);
        }
        try {
            AtomicFile.write(target, "." + format, tmp -> {
                if (format.equals("gif")) {
                    writeGif(tmp);
                } else {
                    try (OutputStream out = Files.newOutputStream(tmp)) {
                        if (format.equals("png")) {
                            if (!ImageIO.write(render(), "png", out)) {
                                throw new IOException("no PNG writer");
                            }
                        } else {
                            writeVector(out, format);
                        }
                    }
                }
                if (Files.size(tmp) == 0) {
                    throw new IOException("nothing was written");
                }
            });
        } catch (IOException | RuntimeException e) {
            if (e instanceof PlotException pe) {
                throw pe;
            }
            throw new PlotException("cannot write " + file + ": " + describe(e), e);
        }
    }

    public void save(String file) {
        save(Path.of(file));
    }

    /** Opens the plot in a window; needs a display (see {@link Plots#displayAvailable()}). */
    public void show() {
        if (!Plots.displayAvailable()) {
            throw new PlotException("no display is available to show the plot; save it to a file instead");
        }
        BufferedImage image = render();
        SwingUtilities.invokeLater(() -> {
            JFrame frame = new JFrame(title == null ? "Gradus plot" : title);
            frame.setDefaultCloseOperation(JFrame.DISPOSE_ON_CLOSE);
            frame.add(new JLabel(new ImageIcon(image)));
            frame.pack();
            frame.setLocationByPlatform(true);
            frame.setVisible(true);
        });
    }

    private static String extension(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return switch (ext) {
            case "png", "svg", "pdf", "gif" -> ext;
            default -> throw new PlotException("cannot tell the image format of '" + name
                    + "': use a name ending in .png, .svg or .pdf (.gif for animations)");
        };
    }

    private static String describe(Exception e) {
        if (e instanceof IOException io) {
            return IoErrors.reason(io);
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    static boolean headless() {
        return GraphicsEnvironment.isHeadless();
    }
}
