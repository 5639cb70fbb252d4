package gradus.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYSeries;

/** What issue 13 asked of the figures, measured: tick labels, legend placement, colours, sizes. */
class PlotLooksTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static final Pattern POWER = Pattern.compile("10\u207B?[\u2070\u00B9\u00B2\u00B3\u2074-\u2079]+");
    private static final Pattern SUB = Pattern.compile("[2-9]\u00D710\u207B?[\u2070\u00B9\u00B2\u00B3\u2074-\u2079]+");

    static final DoubleBinaryOperator BEALE = (x, y) -> Math.pow(1.5 - x + x * y, 2)
            + Math.pow(2.25 - x + x * y * y, 2) + Math.pow(2.625 - x + x * y * y * y, 2);

    // ------------------------------------------------------------------ ticks

    @Test
    void logTicksAreRoundPowersOfTenAtMostEightAndMinorTicksNeverMerge() {
        // the axis: 23 decades from 1e-21 to 10 on about 340 pixels
        Ticks.TickSet t = Ticks.log(1e-21, 10, 8, 340 / 22.0);
        assertThat(t.labels()).hasSizeLessThanOrEqualTo(8).allMatch(l -> POWER.matcher(l).matches());
        assertThat(t.labels()).contains("10\u2070", "10\u207B\u2076");
        for (double v : t.major()) {
            assertThat(Math.log10(v)).isCloseTo(Math.rint(Math.log10(v)), org.assertj.core.data.Offset.offset(1e-9));
        }
        assertMinorTicksApart(t, 340 / 22.0, 2.0);
        // a few decades on a tall axis: every decade labelled, minor ticks at 2..9 and at least 1.8 px apart
        Ticks.TickSet few = Ticks.log(1e-3, 1e2, 8, 70);
        assertThat(few.labels()).containsExactly("10\u207B\u00B3", "10\u207B\u00B2", "10\u207B\u00B9", "10\u2070",
                "10\u00B9", "10\u00B2");
        assertThat(few.minor()).hasSize(5 * 8);
        assertMinorTicksApart(few, 70, 1.8);
        // the same decades squeezed: no minor ticks at all
        assertThat(Ticks.log(1e-3, 1e2, 8, 20).minor()).isEmpty();
        // under two decades (a training loss from 0.7 to 0.01): 2x and 5x are labelled too
        Ticks.TickSet narrow = Ticks.log(0.009, 0.8, 8, 180);
        assertThat(narrow.labels()).contains("10\u207B\u00B2", "10\u207B\u00B9", "2\u00D710\u207B\u00B9", "5\u00D710\u207B\u00B2")
                .allMatch(l -> POWER.matcher(l).matches() || SUB.matcher(l).matches()).hasSizeLessThanOrEqualTo(8);
    }

    private static void assertMinorTicksApart(Ticks.TickSet t, double decadePixels, double pixels) {
        List<Double> all = new ArrayList<>();
        for (double v : t.major()) {
            all.add(Math.log10(v));
        }
        for (double v : t.minor()) {
            all.add(Math.log10(v));
        }
        all.sort(Double::compare);
        for (int k = 1; k < all.size(); k++) {
            assertThat((all.get(k) - all.get(k - 1)) * decadePixels).as("ticks %d and %d", k - 1, k).isGreaterThan(pixels);
        }
    }

    @Test
    void linearTicksUseOneFormatPerAxis() {
        assertThat(Ticks.linear(0, 2500, 8).labels()).containsExactly("0", "500", "1000", "1500", "2000", "2500");
        assertThat(Ticks.linear(-1, 1, 9).labels()).containsExactly("\u22121.00", "\u22120.75", "\u22120.50", "\u22120.25",
                "0.00", "0.25", "0.50", "0.75", "1.00");
        assertThat(Ticks.linear(0, 1, 6).labels()).containsExactly("0.0", "0.2", "0.4", "0.6", "0.8", "1.0");
        Ticks.TickSet big = Ticks.linear(0, 3.2e6, 5);
        assertThat(big.labels()).containsExactly("0", "1", "2", "3");
        assertThat(big.title("f")).isEqualTo("f (\u00D710\u2076)");
        Ticks.TickSet tiny = Ticks.linear(0, 4e-6, 5);
        assertThat(tiny.labels()).containsExactly("0", "1", "2", "3", "4");
        assertThat(tiny.factor()).isEqualTo("\u00D710\u207B\u2076");
    }

    @Test
    void colourBarsHaveOneFormatAndLogBarsPowersOfTen() {
        ContourPlot lin = Plots.contour((x, y) -> 100 * (x * x + y * y), new double[] {-5, 5}, new double[] {-5, 5},
                List.of(), 20, false, null);
        ContourChart chart = lin.chart(List.of());
        String[] labels = chart.barTicks().labels();
        assertThat(labels).hasSizeBetween(3, 8).allMatch(l -> l.matches("\\d+")).contains("0", "5000");
        ContourPlot log = Plots.contour(ChapterFigures.ROSENBROCK, new double[] {-2, 2}, new double[] {-1, 3}, List.of(),
                20, true, null);
        ContourChart logChart = log.chart(List.of());
        assertThat(logChart.barTicks().labels()).hasSizeBetween(3, 8).allMatch(l -> POWER.matcher(l).matches());
        assertThat(logChart.caption()).isEqualTo("f, log scale");
        // f takes negative values: the scale is f - min f, and the caption says so
        ContourPlot shifted = Plots.contour(ChapterFigures.VALLEY, ChapterFigures.VX, ChapterFigures.VY, List.of(), 20, true, null);
        assertThat(shifted.chart(List.of()).caption()).startsWith("f \u2212 min f, log scale; min f = \u22126.2");
    }

    // ------------------------------------------------------------------ Beale

    @Test
    void bealesValleyHasManyBandsOnALogScale() {
        double[] r = {-4.5, 4.5};
        ContourPlot log = Plots.contour(BEALE, r, r, List.of(), 20, true, null);
        ContourPlot lin = Plots.contour(BEALE, r, r, List.of(), 20, false, null);
        Set<Integer> logBands = new HashSet<>();
        Set<Integer> linBands = new HashSet<>();
        Grid g = Grid.sample(BEALE, r, r, 120, 120);
        for (int j = 0; j < g.ys.length; j++) {
            for (int i = 0; i < g.xs.length; i++) {
                if (g.z[j][i] < 10) {
                    logBands.add(log.band(g.z[j][i]));
                    linBands.add(lin.band(g.z[j][i]));
                }
            }
        }
        // f < 10 is the valley floor against 1.8e5 at the corners: one linear band, many log bands
        assertThat(linBands).hasSize(1);
        assertThat(logBands).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void logCaptionSitsBesideTheBarNotAboveIt() {
        ContourPlot p = Plots.contour(ChapterFigures.ROSENBROCK, new double[] {-2, 2}, new double[] {-1, 3}, List.of(),
                20, true, null);
        BufferedImage img = p.render();
        ContourChart chart = p.chart(List.of());
        chart.paint(img.createGraphics(), p.width(), p.height());
        Rectangle2D r = chart.dataRect();
        // nothing is drawn in the top rows without a title, and the caption's column has ink
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                assertThat(img.getRGB(x, y) & 0xFFFFFF).as("pixel %d,%d", x, y).isEqualTo(0xFFFFFF);
            }
        }
        int dark = 0;
        for (int x = img.getWidth() - 24; x < img.getWidth(); x++) {
            for (int y = (int) r.getY(); y < r.getMaxY(); y++) {
                if ((img.getRGB(x, y) & 0xFF) < 100) {
                    dark++;
                }
            }
        }
        assertThat(dark).as("caption ink in the rightmost column").isGreaterThan(30);
    }

    // ------------------------------------------------------------------ legend

    @Test
    void legendCoversNoPathOfTheSeedContour() {
        ContourPlot p = Plots.contour(ChapterFigures.VALLEY, ChapterFigures.VX, ChapterFigures.VY, ChapterFigures.threeRuns(),
                25, false, null);
        ContourChart chart = p.chart(p.paths());
        chart.paint(new BufferedImage(p.width(), p.height(), BufferedImage.TYPE_INT_RGB).createGraphics(), p.width(), p.height());
        Rectangle2D legend = chart.legendRect();
        assertThat(legend).isNotNull();
        assertThat(chart.dataRect().contains(legend)).as("inside the axes").isTrue();
        for (Trace t : p.paths()) {
            double[][] path = t.path();
            for (int k = 0; k < path.length; k++) {
                double sx = chart.screenX(path[k][0]);
                double sy = chart.screenY(path[k][1]);
                assertThat(legend.contains(sx, sy)).as("%s point %d", t.label(), k).isFalse();
                if (k > 0) {
                    assertThat(legend.intersectsLine(chart.screenX(path[k - 1][0]), chart.screenY(path[k - 1][1]), sx, sy))
                            .as("%s segment %d", t.label(), k).isFalse();
                }
            }
        }
    }

    @Test
    void legendGoesOutsideWhenEveryPlaceInsideIsTaken() {
        List<double[]> grid = new ArrayList<>();
        for (double x = -4.8; x <= 4.8; x += 0.4) {
            for (double y = -4.8; y <= 4.8; y += 0.4) {
                grid.add(new double[] {x, y});
            }
        }
        double[][] xy = grid.toArray(double[][]::new);
        double[] cls = new double[xy.length];
        for (int k = 0; k < cls.length; k++) {
            cls[k] = xy[k][0] > 0 ? 1 : 0;
        }
        ContourPlot p = Plots.contour((x, y) -> x, new double[] {-5, 5}, new double[] {-5, 5}, List.of(), 10, false,
                new Points(xy, cls));
        ContourChart chart = p.chart(List.of());
        chart.paint(new BufferedImage(p.width(), p.height(), BufferedImage.TYPE_INT_RGB).createGraphics(), p.width(), p.height());
        assertThat(chart.legendRect().getX()).isGreaterThan(chart.dataRect().getMaxX());
    }

    @Test
    void convergenceLegendAvoidsTheLines() {
        ConvergencePlot p = (ConvergencePlot) Plots.convergence(ChapterFigures.threeRuns(), "gap", true);
        AxesChart chart = (AxesChart) p.chart();
        chart.paint(new BufferedImage(p.width(), p.height(), BufferedImage.TYPE_INT_RGB).createGraphics(), p.width(), p.height());
        assertThat(chart.legendRect()).isNotNull();
        assertThat(chart.covered(chart.legendRect())).isZero();
    }

    // ------------------------------------------------------------------ colours

    static List<Trace> runs(int n) {
        List<Trace> out = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            out.add(ChapterFigures.trace("run " + (r + 1), ChapterFigures.gradientDescent(30, 0.02 + 0.015 * r).path()));
        }
        return out;
    }

    @Test
    void runColoursAreTab10OnContourAndConvergence() {
        List<Trace> six = runs(6);
        int[] tab10 = {0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD, 0x8C564B};
        ContourPlot c = Plots.contour(ChapterFigures.VALLEY, ChapterFigures.VX, ChapterFigures.VY, six);
        ContourChart contour = c.chart(six);
        AxesChart conv = (AxesChart) ((ConvergencePlot) Plots.convergence(six, "f", true)).chart();
        for (int r = 0; r < 6; r++) {
            XYSeries a = contour.getSeriesMap().get("run " + (r + 1));
            XYSeries b = conv.getSeriesMap().get("run " + (r + 1));
            assertThat(a.getLineColor().getRGB() & 0xFFFFFF).as("contour run %d", r + 1).isEqualTo(tab10[r]);
            assertThat(b.getLineColor().getRGB() & 0xFFFFFF).as("convergence run %d", r + 1).isEqualTo(tab10[r]);
        }
        // the fifth is purple: neither white nor grey
        Color fifth = Style.run(4);
        assertThat(Math.max(fifth.getRed(), Math.max(fifth.getGreen(), fifth.getBlue()))
                - Math.min(fifth.getRed(), Math.min(fifth.getGreen(), fifth.getBlue()))).isGreaterThan(60);
    }

    @Test
    void surfaceAndGifDrawEachRunInItsColourRedIncluded() throws Exception {
        List<Trace> five = runs(5);
        BufferedImage surface = Plots.surface(ChapterFigures.VALLEY, ChapterFigures.VX, ChapterFigures.VY, five).render();
        Path gif = dir.resolve("a.gif");
        Plots.animate(ChapterFigures.VALLEY, ChapterFigures.VX, ChapterFigures.VY, five, 10, false, 4, 50).save(gif);
        BufferedImage last;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(Files.readAllBytes(gif)))) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            last = reader.read(reader.getNumImages(true) - 1);
        }
        for (int r = 0; r < 5; r++) {
            int rgb = Style.run(r).getRGB() & 0xFFFFFF;
            assertThat(count(surface, rgb)).as("surface pixels of run %d", r + 1).isGreaterThan(20);
            assertThat(count(last, rgb)).as("GIF pixels of run %d", r + 1).isGreaterThan(20);
        }
        assertThat(count(last, 0xD62728)).as("tab10 red in the GIF").isGreaterThan(20);
    }

    private static int count(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    // ------------------------------------------------------------------ convergence

    @Test
    void gapKeepsTheBestPointAtTheBottomEdgeAndTakesFstar() {
        Trace a = new Trace("a", new double[0][], new double[] {5, 2, 1, 1.5}, null);
        Trace b = new Trace("b", new double[0][], new double[] {4, 1.2, 1.01, 1.001}, null);
        ConvergencePlot p = (ConvergencePlot) Plots.convergence(List.of(a, b), "gap", true);
        AxesChart chart = (AxesChart) p.chart();
        XYSeries line = chart.getSeriesMap().get("a");
        // every value is on the line, the 0 of a's best point at the bottom edge (a decade below 1e-3)
        assertThat(line.getXData()).containsExactly(0, 1, 2, 3);
        assertThat(line.getYData()[2]).isEqualTo(Math.log10(1e-4));
        assertThat(chart.getSeriesMap().get("zero").getXData()).containsExactly(2);
        assertThat(chart.getYAxisTitle()).contains("0, drawn at the bottom");
        // with f* below every value, nothing is 0
        ConvergencePlot given = (ConvergencePlot) Plots.convergence(List.of(a, b), "gap", true, "iterations", 0.5);
        AxesChart g = (AxesChart) given.chart();
        assertThat(g.getSeriesMap()).doesNotContainKey("zero");
        assertThat(g.getSeriesMap().get("a").getYData()[2]).isCloseTo(Math.log10(0.5), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(g.getYAxisTitle()).isEqualTo("f \u2212 f*");
        assertThatThrownBy(() -> Plots.convergence(List.of(a), "f", true, "iterations", 0.5))
                .isInstanceOf(PlotException.class).hasMessageContaining("fstar");
    }

    @Test
    void epochsAndIterationsHaveTheirOwnAxis() {
        // a minibatch run: values per epoch, 10 updates each; a full-batch run: values per iteration
        Trace mini = new Trace("sgd", new double[0][], new double[] {4, 2, 1}, null, new double[] {0, 10, 20},
                new double[] {0, 1, 2});
        Trace full = new Trace("gd", new double[0][], new double[] {4, 3, 2, 1.5}, null, new double[] {0, 1, 2, 3}, null);
        AxesChart its = (AxesChart) ((ConvergencePlot) Plots.convergence(List.of(mini, full), "f", true, "iterations", null)).chart();
        assertThat(its.getSeriesMap().get("sgd").getXData()).containsExactly(0, 10, 20);
        assertThat(its.getXAxisTitle()).isEqualTo("iteration");
        AxesChart eps = (AxesChart) ((ConvergencePlot) Plots.convergence(List.of(mini, full), "f", true, "epochs", null)).chart();
        assertThat(eps.getSeriesMap().get("sgd").getXData()).containsExactly(0, 1, 2);
        assertThat(eps.getSeriesMap().get("gd").getXData()).containsExactly(0, 1, 2, 3);
        assertThat(eps.getXAxisTitle()).isEqualTo("epoch");
        // evaluations: a line-search run spends several per iteration
        Trace search = new Trace("lbfgs", new double[0][], new double[] {4, 2, 1}, null, new double[] {0, 1, 2}, null,
                new double[] {1, 4, 6});
        AxesChart evs = (AxesChart) ((ConvergencePlot) Plots.convergence(List.of(search), "f", true, "evaluations", null)).chart();
        assertThat(evs.getSeriesMap().get("lbfgs").getXData()).containsExactly(1, 4, 6);
        assertThat(evs.getXAxisTitle()).isEqualTo("evaluation");
        assertThatThrownBy(() -> Plots.convergence(List.of(mini), "f", true, "seconds", null))
                .isInstanceOf(PlotException.class).hasMessageContaining("\"iterations\", \"epochs\" or \"evaluations\"");
    }

    // ------------------------------------------------------------------ sizes

    /** A panel that records the size it is drawn at. */
    static final class Probe extends Plot {
        int[] seen;

        Probe() {
            super(300, 200);
        }

        @Override
        void draw(java.awt.Graphics2D g) {
            seen = new int[] {width(), height()};
        }
    }

    @Test
    void figurePanelsOfDifferentKindsGetTheSameSize() {
        Plot contour = Plots.contour(ChapterFigures.VALLEY, ChapterFigures.VX, ChapterFigures.VY, List.of());
        Plot conv = Plots.convergence(ChapterFigures.threeRuns());
        Probe small = new Probe();
        Plot fig = Plots.figure(List.of(contour, conv, small), 3);
        BufferedImage img = fig.render();
        assertThat(small.seen).containsExactly(contour.width(), contour.height());
        assertThat(img.getWidth()).isEqualTo(3 * contour.width());
        assertThat(small.width()).as("the panel keeps its own size").isEqualTo(300);
        fig.size(1200, 400);
        fig.render();
        assertThat(small.seen).containsExactly(400, 400);
    }

    @Test
    void dpiScalesThePictureNotTheLayout() {
        Plot p = Plots.plot1d(Math::sin, new double[] {0, 6}, "sin(x)").size(400, 300).dpi(50);
        BufferedImage img = p.render();
        assertThat(img.getWidth()).isEqualTo(200);
        assertThat(img.getHeight()).isEqualTo(150);
        assertThatThrownBy(() -> p.dpi(5)).isInstanceOf(PlotException.class).hasMessageContaining("dpi");
    }

    // ------------------------------------------------------------------ surfaces

    @Test
    void surfaceCellsAreCutAlongTheirCrestOrTrough() {
        // a crest from corner (0, 0) to (1, 1): the centre is as high as those corners
        assertThat(SurfacePlot.splitsOnMainDiagonal(0, -1, 0, -1, 0)).isTrue();
        // a trough along the same diagonal: the centre is as low as those corners
        assertThat(SurfacePlot.splitsOnMainDiagonal(-1, 0, -1, 0, -1)).isTrue();
        // a crest from (1, 0) to (0, 1)
        assertThat(SurfacePlot.splitsOnMainDiagonal(-1, 0, -1, 0, 0)).isFalse();
        // Eggholder's knife edge x = y + 47 crosses these cells along their main diagonal
        DoubleBinaryOperator egg = ChapterFigures.EGGHOLDER;
        double h = 1024.0 / SurfacePlot.QUADS;
        int along = 0;
        int cells = 0;
        for (double x0 = -400; x0 < 400; x0 += 37) {
            double y0 = x0 - 47 - h / 2;
            double zc = egg.applyAsDouble(x0 + h / 2, y0 + h / 2);
            cells++;
            if (SurfacePlot.splitsOnMainDiagonal(egg.applyAsDouble(x0, y0), egg.applyAsDouble(x0 + h, y0),
                    egg.applyAsDouble(x0 + h, y0 + h), egg.applyAsDouble(x0, y0 + h), zc)) {
                along++;
            }
        }
        assertThat(along).isEqualTo(cells);
    }
}
