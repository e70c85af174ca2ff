package dev.cairn.commons.paging;

import dev.cairn.commons.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageRequestTest {

    @Test
    void defaultsToTwentyAndTheFirstPage() {
        PageRequest page = PageRequest.of(null, null, 2);
        assertThat(page.limit()).isEqualTo(20);
        assertThat(page.first()).isTrue();
    }

    @Test
    void rejectsLimitsOutsideOneToHundredNamingTheField() {
        for (int limit : new int[] {0, -1, 101}) {
            assertThatThrownBy(() -> PageRequest.of(limit, null, 2))
                    .isInstanceOfSatisfying(ProblemException.class, e ->
                            assertThat(e.toProblem().errors().getFirst().field()).isEqualTo("limit"));
        }
        assertThat(PageRequest.of(100, null, 2).limit()).isEqualTo(100);
    }

    @Test
    void pagesCarryACursorToTheNextPageOnlyWhenThereIsOne() {
        PageRequest page = PageRequest.of(2, null, 2);
        Page<String> first = page.page(List.of("a", "b", "c"), row -> List.of(row, "id-" + row), String::toUpperCase);
        assertThat(first.items()).containsExactly("A", "B");
        PageRequest next = PageRequest.of(2, first.nextCursor(), 2);
        String sortValue = next.cursorPart(0, String::valueOf);
        String id = next.cursorPart(1, String::valueOf);
        assertThat(sortValue).isEqualTo("b");
        assertThat(id).isEqualTo("id-b");
        assertThat(page.page(List.of("a", "b"), row -> List.of(row, row), s -> s).nextCursor()).isNull();
    }

    @Test
    void rejectsCursorsItDidNotIssue() {
        assertThatThrownBy(() -> PageRequest.of(5, "!!not base64!!", 2)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> PageRequest.of(5, PageRequest.encode(List.of("only-one")), 2))
                .isInstanceOf(ProblemException.class);
        PageRequest wrongType = PageRequest.of(5, PageRequest.encode(List.of("yesterday", "x")), 2);
        assertThatThrownBy(() -> wrongType.cursorPart(0, java.time.Instant::parse))
                .isInstanceOfSatisfying(ProblemException.class, e ->
                        assertThat(e.toProblem().errors().getFirst().field()).isEqualTo("cursor"));
    }
}
