package gradus.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ColormapTest {
    @Test
    void viridisRunsFromDarkPurpleToYellow() {
        Colormap v = Colormap.viridis();
        assertThat(v.rgb(0)).isEqualTo(0x440154);
        assertThat(v.rgb(1)).isEqualTo(0xFDE725);
    }

    @Test
    void positionsOutsideTheUnitIntervalAreClamped() {
        Colormap v = Colormap.named("viridis");
        assertThat(v.rgb(-3)).isEqualTo(v.rgb(0));
        assertThat(v.rgb(7)).isEqualTo(v.rgb(1));
        assertThat(v.rgb(Double.NaN)).isEqualTo(v.rgb(0));
    }

    @Test
    void interpolatesBetweenControlColours() {
        Colormap gray = Colormap.named("Gray");
        assertThat(gray.rgb(0.5)).isIn(0x7F7F7F, 0x808080);
    }

    @Test
    void everyNamedMapExists() {
        for (String name : Colormap.names()) {
            assertThat(Colormap.named(name).name()).isEqualTo(name);
        }
    }

    @Test
    void unknownNameListsTheChoices() {
        assertThatThrownBy(() -> Colormap.named("rainbow"))
                .isInstanceOf(PlotException.class)
                .hasMessageContaining("unknown colormap 'rainbow'")
                .hasMessageContaining("viridis");
    }
}
