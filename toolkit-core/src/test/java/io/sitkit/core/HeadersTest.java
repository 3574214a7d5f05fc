package io.sitkit.core;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeadersTest {

    @Test
    void all_returns_every_header_of_a_name_in_order_and_nothing_for_an_absent_one() {
        Header a1 = Header.of("a", "1");
        Header b = Header.of("b", "2");
        Header a3 = Header.of("a", "3");
        Headers many = Headers.of(a1, b, a3);

        assertThat(many.all("a")).containsExactly(a1, a3);
        assertThat(many.all("b")).containsExactly(b);
        assertThat(many.all("c")).isEmpty();
        assertThat(Headers.of(b).all("b")).containsExactly(b);
        assertThat(Headers.of(b).all("a")).isEmpty();
        assertThat(Headers.empty().all("a")).isEmpty();
    }

    @Test
    void the_list_all_returns_cannot_change_the_headers() {
        List<Header> found = Headers.of(Header.of("a", "1"), Header.of("a", "2")).all("a");

        assertThatThrownBy(() -> found.add(Header.of("a", "3"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void joined_per_name_keeps_one_header_per_name_with_repeated_values_joined_at_the_first_place() {
        Header b = Header.typed("b", 7);
        Headers joined = Headers.of(Header.of("a", "1"), b, Header.of("a", "2"), Header.of("c", "x"), Header.of("a", "3"))
                .joinedPerName();

        assertThat(joined.asList()).extracting(Header::name).containsExactly("a", "b", "c");
        assertThat(joined.lastAsString("a")).contains("1,2,3");
        assertThat(joined.last("b")).contains(b);   // a lone header stays as it was, its type too
        Headers unique = Headers.of(Header.of("a", "1"), Header.of("b", "2"));
        assertThat(unique.joinedPerName()).isSameAs(unique);
    }
}
