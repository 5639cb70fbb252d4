package gradus.plot;

import gradus.io.AtomicFile;
import gradus.io.IoErrors;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.swing.ImageIcon;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;

/**
 * A figure that can be rendered to an image, saved (format chosen by the file extension:
 * .png, .svg, .pdf; .gif for animations) or shown in a window.
 */
public abstract class Plot {
    private String title;
    private int width;
    private int height;

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

    /** Sets the size in pixels and returns this plot. */
    public Plot size(int width, int height) {
        if (width < 50 || height < 50 || width > 10000 || height > 10000) {
            throw new PlotException("plot size must be between 50 and 10000 pixels, got "
                    + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        return this;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The plot as a picture of {@link #width()} × {@link #height()} pixels. */
    public abstract BufferedImage render();

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
