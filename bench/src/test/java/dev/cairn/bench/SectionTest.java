package dev.cairn.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SectionTest {

    @Test
    void tableEscapesPipesAndNewlines() {
        Section.Table table = new Section.Table("a", "b").row("x|y", "1\n2");
        assertThat(table.markdown()).isEqualTo("| a | b |\n|---|---|\n| x\\|y | 1 2 |");
        assertThat(table.rows()).isEqualTo(1);
    }

    @Test
    void rowsMustMatchTheHeader() {
        assertThatThrownBy(() -> new Section.Table("a", "b").row("only one"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sectionWithoutCommandHasNoCodeBlock() {
        assertThat(new Section("Failed").text("It failed.").markdown()).isEqualTo("### Failed\n\nIt failed.\n\n");
    }
}
