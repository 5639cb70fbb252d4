package gradus.plot;

/**
 * Data points drawn as a scatter on a contour plot, coloured by class.
 *
 * @param xy    one row per point, {@code [x, y]}
 * @param color the class (or any number) of each point; null draws all points alike
 * @param xName the data column of the first coordinate (an axis title), or null
 * @param yName the data column of the second coordinate, or null
 */
public record Points(double[][] xy, double[] color, String xName, String yName) {
    public Points {
        if (xy == null) {
            throw new PlotException("points need coordinates");
        }
        if (color != null && color.length != xy.length) {
            throw new PlotException("points have " + xy.length + " coordinates but "
                    + color.length + " colours");
        }
    }

    public Points(double[][] xy, double[] color) {
        this(xy, color, null, null);
    }
}
