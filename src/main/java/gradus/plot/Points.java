package gradus.plot;

/**
 * Data points drawn as a scatter on a contour plot, coloured by class.
 *
 * @param xy    one row per point, {@code [x, y]}
 * @param color the class (or any number) of each point; null draws all points alike
 */
public record Points(double[][] xy, double[] color) {
    public Points {
        if (xy == null) {
            throw new PlotException("points need coordinates");
        }
        if (color != null && color.length != xy.length) {
            throw new PlotException("points have " + xy.length + " coordinates but "
                    + color.length + " colours");
        }
    }
}
