/**
 * Figures for Gradus (SPEC §7): contour, surface, convergence, 1-D, figure and animation.
 *
 * <p>Inputs are plain numbers: functions as {@link java.util.function.DoubleBinaryOperator} /
 * {@link java.util.function.DoubleUnaryOperator} (NaN and infinite values leave blank cells or
 * gaps) and runs as {@link gradus.plot.Trace}; this package does not depend on the optimizers.
 * {@link gradus.plot.Plots} makes every plot; {@link gradus.plot.Plot#save(java.nio.file.Path)}
 * picks the format from the extension and writes through a temporary file in the same folder, so
 * a failed write never leaves a partial file. Every error is a {@link gradus.plot.PlotException}
 * with a message for the user.
 *
 * <p>Choices worth knowing:
 * <ul>
 *   <li>Axes: XChart lays out and draws frames, series, legends and titles; {@code AxesChart}
 *       draws the ticks ({@code Ticks}: matplotlib's round steps, one label format per axis,
 *       10⁻⁴ log labels, minor ticks only where they stay apart) because XChart 3.8.8 cannot be
 *       told where ticks go. The legend goes to the first of matplotlib's "best" places that
 *       covers no path vertex, segment or data point, else outside the axes.</li>
 *   <li>Colours: run k is matplotlib's tab10 colour k on every plot kind and in GIFs
 *       ({@code GifWriter} keeps one palette with the run colours exact).</li>
 *   <li>Sizes are in 1/100 inch; {@link gradus.plot.Plot#dpi(int)} scales pictures, as
 *       matplotlib's figsize and dpi do. Figure panels are all drawn at one cell size.</li>
 *   <li>Contour: XChart has no contour plot. {@code ContourChart} paints the colour field (bilinear
 *       interpolation of a 200×200 sample, banded by level) under a transparent XChart plot, and
 *       iso-lines come from marching squares, one hidden-from-legend series per level. Linear levels
 *       are round numbers (about {@code levels} bands); log levels are exactly {@code levels} bands
 *       spaced evenly in log10 of f, or of f − min f when f is not positive everywhere.</li>
 *   <li>Surface: XChart has no 3-D; {@code SurfacePlot} is plain Java2D (orthographic view at
 *       elevation 30°, azimuth −60°, painter's algorithm over triangles cut along each cell's
 *       fold, Lambert shading). Rare extreme heights are clamped so they do not flatten the rest.</li>
 *   <li>SVG and PDF: contour, convergence and 1-D plots are vector drawings (lines and text as
 *       paths; the contour's colour field is an embedded image). Surfaces, figures and animations
 *       embed their rendered picture.</li>
 *   <li>Convergence: per iteration or per epoch; on a log axis a gap or norm of exactly 0 is drawn
 *       at the bottom edge and marked, negative values are dropped (noted in the axis title).</li>
 * </ul>
 */
package gradus.plot;
