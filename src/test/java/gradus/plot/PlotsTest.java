package gradus.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.BitmapEncoder;

class PlotsTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static final double[] X = ChapterFigures.VX;
    private static final double[] Y = ChapterFigures.VY;

    @Test
    void contourWritesAPngOfItsSize() throws IOException {
        Plot p = Plots.contour(ChapterFigures.VALLEY, X, Y, ChapterFigures.threeRuns()).title("valley");
        Path file = dir.resolve("valley.png");
        p.save(file);
        BufferedImage img = ImageIO.read(file.toFile());
        assertThat(img.getWidth()).isEqualTo(p.width());
        assertThat(img.getHeight()).isEqualTo(p.height());
    }

    @Test
    void contourFieldVariesAndPathsSitWhereTheirPointsAre() {
        Trace gd = ChapterFigures.gradientDescent(50, 0.1);
        ContourPlot p = Plots.contour(ChapterFigures.VALLEY, X, Y, List.of(gd));
        ContourChart chart = p.chart(p.paths());
        BufferedImage img = BitmapEncoder.getBufferedImage(chart);
        Rectangle2D r = chart.dataRect();
        assertThat(r.getWidth()).isGreaterThan(300);

        Set<Integer> colours = new HashSet<>();
        for (int k = 0; k < 50; k++) {
            int x = (int) (r.getX() + 5 + k * (r.getWidth() - 10) / 50);
            int y = (int) (r.getY() + 5 + k * (r.getHeight() - 10) / 50);
            colours.add(img.getRGB(x, y) & 0xFFFFFF);
        }
        assertThat(colours).hasSizeGreaterThan(5);

        // the start ring is white inside, the end star has the run's colour (tab10 blue, 1f77b4)
        int[] start = pixel(img, r, gd.path()[0]);
        assertThat(start).satisfies(c -> assertThat(c[0] + c[1] + c[2]).isGreaterThan(700));
        int[] end = pixel(img, r, gd.path()[gd.path().length - 1]);
        assertThat(end).containsExactly(0x1F, 0x77, 0xB4);
        // the valley floor (near the minimum, away from the paths) is dark purple
        int[] floor = pixel(img, r, new double[] {3.5, -0.3});
        assertThat(floor[2]).isGreaterThan(floor[1]);
    }

    private static int[] pixel(BufferedImage img, Rectangle2D r, double[] p) {
        int sx = (int) Math.round(r.getX() + (p[0] - X[0]) / (X[1] - X[0]) * r.getWidth());
        int sy = (int) Math.round(r.getMaxY() - (p[1] - Y[0]) / (Y[1] - Y[0]) * r.getHeight());
        int rgb = img.getRGB(sx, sy);
        return new int[] {(rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF};
    }

    @Test
    void svgAndPdfAreValidAndNotEmpty() throws Exception {
        Plot contour = Plots.contour(ChapterFigures.VALLEY, X, Y, ChapterFigures.threeRuns());
        Plot surface = Plots.surface(ChapterFigures.SADDLE, new double[] {-5, 5}, new double[] {-5, 5}, List.of());
        for (Plot p : List.of(contour, surface)) {
            Path svg = dir.resolve("p.svg");
            Path pdf = dir.resolve("p.pdf");
            p.save(svg);
            p.save(pdf);
            DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
            xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            var doc = xml.newDocumentBuilder().parse(svg.toFile());
            assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("svg");
            byte[] bytes = Files.readAllBytes(pdf);
            assertThat(new String(bytes, 0, 5, "ISO-8859-1")).isEqualTo("%PDF-");
            assertThat(bytes.length).isGreaterThan(2000);
            assertThat(new String(bytes, "ISO-8859-1").trim()).endsWith("%%EOF");
        }
    }

    @Test
    void missingValuesLeaveBlankCellsInsteadOfFailing() throws IOException {
        Plot p = Plots.contour((x, y) -> Math.log(x) + y, new double[] {-1, 1}, new double[] {-1, 1}, List.of());
        p.save(dir.resolve("log.png"));
        assertThat(ImageIO.read(dir.resolve("log.png").toFile())).isNotNull();
        Plot s = Plots.surface((x, y) -> Math.sqrt(x) * y, new double[] {-1, 1}, new double[] {-1, 1}, List.of());
        assertThat(s.render().getWidth()).isEqualTo(s.width());
        assertThatThrownBy(() -> Plots.contour((x, y) -> Double.NaN, X, Y, List.of()))
                .isInstanceOf(PlotException.class).hasMessageContaining("no finite value");
    }

    @Test
    void constantFunctionAndLogLevelsDraw() {
        assertThat(Plots.contour((x, y) -> 3, X, Y, List.of()).render()).isNotNull();
        assertThat(Plots.contour(ChapterFigures.ROSENBROCK, new double[] {-2, 2}, new double[] {-1, 3}, List.of(),
                20, true, null).render()).isNotNull();
        assertThat(Plots.surface((x, y) -> 3, X, Y, List.of()).render()).isNotNull();
    }

    @Test
    void levelsAreRoundNumbersOrLogSpaced() {
        double[] lin = ContourPlot.niceBounds(-6.26, 90.2, 20);
        assertThat(lin[0]).isEqualTo(-10);
        assertThat(lin[1] - lin[0]).isEqualTo(5);
        assertThat(lin[lin.length - 1]).isGreaterThanOrEqualTo(90.2);
        Grid g = Grid.sample((x, y) -> 1000 * x * x, new double[] {0, 1}, new double[] {0, 1}, 11, 11);
        double[] log = ContourPlot.LogScale.of(g).bounds(10);
        assertThat(log).hasSize(11).startsWith(0.0);
        assertThat(log[10]).isCloseTo(1000, org.assertj.core.data.Offset.offset(1e-9));
        // evenly spaced in log(f - min): the smallest positive sample is 1000 * 0.1^2 = 10
        assertThat(log[1]).isCloseTo(10 * Math.pow(100, 0.1), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(log[2] / log[1]).isCloseTo(log[9] / log[8], org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void classifierPointsAreDrawnByClass() {
        double[][] xy = {{-2, -1}, {-1, 1}, {2, 0.5}, {4, -1}};
        Points pts = new Points(xy, new double[] {0, 0, 1, 1});
        Plot p = Plots.contour((x, y) -> x - 1, X, Y, List.of(), 10, false, pts);
        assertThat(p.render().getWidth()).isEqualTo(p.width());
        assertThatThrownBy(() -> new Points(xy, new double[] {1})).isInstanceOf(PlotException.class);
    }

    @Test
    void surfacesRenderWithPaths() {
        Plot s = Plots.surface(ChapterFigures.VALLEY, X, Y, ChapterFigures.threeRuns(), "plasma").title("valley");
        BufferedImage img = s.render();
        assertThat(img.getWidth()).isEqualTo(640);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < img.getWidth(); x += 7) {
                colours.add(img.getRGB(x, y));
            }
        }
        assertThat(colours).hasSizeGreaterThan(200);
    }

    @Test
    void surfaceClampsRareExtremeValues() {
        Grid g = Grid.sample((x, y) -> x == 0 && y == 0 ? 1e9 : x * x + y * y, new double[] {-1, 1},
                new double[] {-1, 1}, 81, 81);
        double[] zr = SurfacePlot.heightRange(g);
        assertThat(zr[1]).isLessThan(10);
    }

    @Test
    void convergenceSurvivesZeroAndNegativeValuesOnALogAxis() throws IOException {
        Trace odd = new Trace("odd", new double[0][], new double[] {5, 1, 0, -2, 1e-3, Double.NaN, 1e-6}, null);
        Trace neg = new Trace("negative", new double[0][], new double[] {-1, -2, -3}, new double[] {0, 0, 0});
        Trace empty = new Trace("empty", new double[0][], new double[0], new double[0]);
        for (String metric : List.of("f", "gap")) {
            Path file = dir.resolve(metric + ".png");
            Plots.convergence(List.of(odd, neg, empty), metric, true).save(file);
            assertThat(ImageIO.read(file.toFile()).getWidth()).isGreaterThan(100);
        }
        Path only = dir.resolve("neg.png");
        Plots.convergence(List.of(neg), "gnorm", true).save(only);
        assertThat(ImageIO.read(only.toFile())).isNotNull();
        Plots.convergence(ChapterFigures.threeRuns(), "gnorm", false).save(dir.resolve("g.svg"));
        assertThat(Files.size(dir.resolve("g.svg"))).isGreaterThan(1000);
    }

    @Test
    void convergenceNamesWhatIsMissing() {
        Trace noGrad = new Trace("sgd", new double[0][], new double[] {1, 2}, null);
        assertThatThrownBy(() -> Plots.convergence(List.of(noGrad), "gnorm", true))
                .isInstanceOf(PlotException.class).hasMessageContaining("sgd").hasMessageContaining("gradient norms");
        assertThatThrownBy(() -> Plots.convergence(List.of(noGrad), "loss", true))
                .isInstanceOf(PlotException.class).hasMessageContaining("unknown metric 'loss'");
        assertThatThrownBy(() -> Plots.convergence(List.of(), "f", true)).isInstanceOf(PlotException.class);
    }

    @Test
    void plot1dAndFigure() throws IOException {
        Plot a = Plots.plot1d(Math::log, new double[] {-1, 5}, "log(x)");
        Plot b = Plots.plot1d(Math::sin, new double[] {0, 6}, "sin(x)").size(400, 300);
        Plot fig = Plots.figure(List.of(a, b, a), 2).title("two by two");
        Path file = dir.resolve("fig.png");
        fig.save(file);
        BufferedImage img = ImageIO.read(file.toFile());
        assertThat(img.getWidth()).isEqualTo(2 * a.width());
        assertThat(img.getHeight()).isEqualTo(2 * a.height() + 34);
        fig.save(dir.resolve("fig.pdf"));
        assertThat(Files.size(dir.resolve("fig.pdf"))).isGreaterThan(2000);
    }

    @Test
    void animationWritesAGifWithManyFrames() throws IOException {
        Plot anim = Plots.animate(ChapterFigures.VALLEY, X, Y, ChapterFigures.threeRuns(), 10, false, 12, 80);
        Path file = dir.resolve("anim.gif");
        anim.save(file);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertThat(reader.getNumImages(true)).isEqualTo(12);
            assertThat(reader.read(0).getWidth()).isEqualTo(anim.width());
        }
        anim.save(dir.resolve("last.png"));
        assertThat(ImageIO.read(dir.resolve("last.png").toFile())).isNotNull();
    }

    @Test
    void badArgumentsAreUserErrors() {
        assertThatThrownBy(() -> Plots.contour(ChapterFigures.VALLEY, new double[] {3, 3}, Y, List.of()))
                .isInstanceOf(PlotException.class).hasMessage("x range [3, 3] is empty: give x=[a, b] with a < b");
        assertThatThrownBy(() -> Plots.contour(ChapterFigures.VALLEY, X, Y, List.of(), 1, false, null))
                .isInstanceOf(PlotException.class).hasMessage("levels must be at least 2, got 1");
        assertThatThrownBy(() -> Plots.surface(ChapterFigures.VALLEY, X, Y, List.of(), "jet"))
                .isInstanceOf(PlotException.class).hasMessageContaining("unknown colormap 'jet'");
        assertThatThrownBy(() -> Plots.surface(ChapterFigures.VALLEY, X, new double[] {1, Double.NaN}, List.of()))
                .isInstanceOf(PlotException.class).hasMessageContaining("y range");
        Trace threeD = new Trace("3d", new double[][] {{1, 2, 3}}, null, null);
        assertThatThrownBy(() -> Plots.contour(ChapterFigures.VALLEY, X, Y, List.of(threeD)))
                .isInstanceOf(PlotException.class).hasMessageContaining("2-D");
        assertThatThrownBy(() -> Plots.figure(List.of(), 2)).isInstanceOf(PlotException.class);
    }

    @Test
    void badFileNamesAreUserErrorsAndLeaveNoFiles() throws IOException {
        Plot p = Plots.plot1d(Math::sin, new double[] {0, 1}, "sin");
        assertThatThrownBy(() -> p.save(dir.resolve("plot.txt")))
                .isInstanceOf(PlotException.class).hasMessageContaining(".png, .svg or .pdf");
        assertThatThrownBy(() -> p.save(dir.resolve("plot.gif")))
                .isInstanceOf(PlotException.class).hasMessageContaining("animate");
        Path aFile = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> p.save(aFile.resolve("inside.png"))).isInstanceOf(PlotException.class)
                .hasMessageStartingWith("cannot write");
        Path aFolder = Files.createDirectory(dir.resolve("taken.png"));
        Files.writeString(aFolder.resolve("keep"), "x");
        assertThatThrownBy(() -> p.save(aFolder)).isInstanceOf(PlotException.class)
                .hasMessageStartingWith("cannot write");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("file", "taken.png");
        }
    }

    @Test
    void showWithoutADisplayIsAUserError() {
        if (!Plots.displayAvailable()) {
            assertThatThrownBy(() -> Plots.plot1d(Math::sin, new double[] {0, 1}, "sin").show())
                    .isInstanceOf(PlotException.class).hasMessageContaining("no display");
        }
    }
}
