package gradus.cli.kernel;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;

/**
 * The kernel's logo, drawn at install time: the chapter's picture in miniature, contour
 * ellipses of a narrow valley and a descent path zig-zagging down to its minimum.
 */
final class Logo {
  private Logo() {}

  private static final Color BACKGROUND = new Color(0x1f, 0x3a, 0x5f);
  private static final Color CONTOUR = new Color(0x9f, 0xc9, 0xeb);
  private static final Color PATH = new Color(0xff, 0x8c, 0x1a);

  /** A {@code size} × {@code size} picture; the design is laid out on a 64-unit square. */
  static BufferedImage draw(int size) {
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.scale(size / 64.0, size / 64.0);
    g.setColor(BACKGROUND);
    g.fill(new RoundRectangle2D.Double(0, 0, 64, 64, 14, 14));

    // drawn in the valley's own frame: its long axis runs along x
    AffineTransform upright = g.getTransform();
    g.rotate(Math.toRadians(-25), 32, 32);
    g.setColor(CONTOUR);
    g.setStroke(new BasicStroke(2.2f));
    for (double r : new double[] {27, 18, 9}) {
      g.draw(new Ellipse2D.Double(32 - r, 32 - 0.55 * r, 2 * r, 1.1 * r));
    }
    Path2D descent = new Path2D.Double();
    double[][] steps = {{10, 25}, {16, 40}, {22, 26}, {27, 37}, {30, 29}, {32, 32}};
    descent.moveTo(steps[0][0], steps[0][1]);
    for (int i = 1; i < steps.length; i++) descent.lineTo(steps[i][0], steps[i][1]);
    g.setColor(PATH);
    g.setStroke(new BasicStroke(3.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(descent);
    g.fill(new Ellipse2D.Double(28, 28, 8, 8));
    g.setTransform(upright);
    g.dispose();
    return image;
  }
}
