package gradus.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarchingSquaresTest {
    private static final Grid CIRCLES = Grid.sample((x, y) -> x * x + y * y, new double[] {-2, 2},
            new double[] {-2, 2}, 101, 101);

    @Test
    void levelsOfTheSquaredRadiusAreCirclesOfRadiusSqrtLevel() {
        for (double level : new double[] {0.5, 1, 2, 3.5}) {
            List<double[]> segs = MarchingSquares.segments(CIRCLES.xs, CIRCLES.ys, CIRCLES.z, level);
            assertThat(segs).hasSizeGreaterThan(20);
            double r = Math.sqrt(level);
            boolean[] quadrant = new boolean[4];
            for (double[] s : segs) {
                for (int k = 0; k < 4; k += 2) {
                    assertThat(Math.hypot(s[k], s[k + 1])).isCloseTo(r, org.assertj.core.data.Offset.offset(0.01));
                    quadrant[(s[k] >= 0 ? 0 : 1) + (s[k + 1] >= 0 ? 0 : 2)] = true;
                }
            }
            assertThat(quadrant).containsOnly(true);
        }
    }

    @Test
    void segmentsJoinIntoAClosedCurve() {
        List<double[]> segs = MarchingSquares.segments(CIRCLES.xs, CIRCLES.ys, CIRCLES.z, 1);
        double length = 0;
        for (double[] s : segs) {
            length += Math.hypot(s[2] - s[0], s[3] - s[1]);
        }
        assertThat(length).isCloseTo(2 * Math.PI, org.assertj.core.data.Offset.offset(0.02));
    }

    @Test
    void levelOutsideTheValuesGivesNothing() {
        assertThat(MarchingSquares.segments(CIRCLES.xs, CIRCLES.ys, CIRCLES.z, 100)).isEmpty();
        assertThat(MarchingSquares.segments(CIRCLES.xs, CIRCLES.ys, CIRCLES.z, -1)).isEmpty();
    }

    @Test
    void cellsWithMissingValuesAreSkipped() {
        Grid half = Grid.sample((x, y) -> x < 0 ? Double.NaN : x * x + y * y, new double[] {-2, 2},
                new double[] {-2, 2}, 101, 101);
        List<double[]> segs = MarchingSquares.segments(half.xs, half.ys, half.z, 1);
        assertThat(segs).isNotEmpty();
        assertThat(segs).allSatisfy(s -> assertThat(Math.min(s[0], s[2])).isGreaterThanOrEqualTo(0));
    }

    @Test
    void seriesSeparatesSegmentsWithNaN() {
        double[][] xy = MarchingSquares.asSeries(List.of(new double[] {0, 0, 1, 1}, new double[] {2, 2, 3, 3}));
        assertThat(xy[0]).hasSize(5);
        assertThat(xy[0][2]).isNaN();
        assertThat(xy[1][4]).isEqualTo(3);
    }
}
