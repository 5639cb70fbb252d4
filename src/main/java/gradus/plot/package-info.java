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
 *   <li>Contour: XChart has no contour plot. {@code ContourChart} paints the colour field (bilinear
 *       interpolation of a 200×200 sample, banded by level) under a transparent XChart plot, and
 *       iso-lines come from marching squares, one hidden-from-legend series per level. Linear levels
 *       are round numbers (about {@code levels} bands); log levels are exactly {@code levels} bands
 *       spaced evenly in log(f − min + δ).</li>
 *   <li>Surface: XChart has no 3-D; {@code SurfacePlot} is plain Java2D (orthographic view at
 *       elevation 30°, azimuth −60°, painter's algorithm, Lambert shading). Rare extreme heights
 *       are clamped so they do not flatten the rest.</li>
 *   <li>SVG and PDF: contour, convergence and 1-D plots are vector drawings (lines and text as
 *       paths; the contour's colour field is an embedded image). Surfaces, figures and animations
 *       embed their rendered picture.</li>
 *   <li>Convergence on a log axis drops values ≤ 0 and non-finite values (noted in the axis
 *       title); {@code gap} is f minus the smallest f over all runs, so its zero is dropped.</li>
 * </ul>
 */
package gradus.plot;
