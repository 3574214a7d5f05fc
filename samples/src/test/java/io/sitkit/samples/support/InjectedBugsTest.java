package io.sitkit.samples.support;

import io.sitkit.samples.shop.Bug;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InjectedBugsTest {

    @Test
    void only_the_named_systems_bugs_are_taken() {
        assertThat(InjectedBugs.named(" shop.TAX_ROUNDED_PER_LINE, bank.DUPLICATE_ON_RETRY,shop.LOST_CORRELATION_ID", Bug.class, "shop"))
                .containsExactly(Bug.TAX_ROUNDED_PER_LINE, Bug.LOST_CORRELATION_ID);
        assertThat(InjectedBugs.named("", Bug.class, "shop")).isEmpty();
        assertThat(InjectedBugs.named("bank.DUPLICATE_ON_RETRY", Bug.class, "shop")).isEmpty();
    }

    @Test
    void an_unknown_bug_names_the_ones_the_system_has() {
        assertThatThrownBy(() -> InjectedBugs.named("shop.TAX", Bug.class, "shop"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("sitkit.samples.bugs names shop.TAX, which shop does not have; its bugs: [")
                .hasMessageContaining("TAX_ROUNDED_PER_LINE");
    }

    @Test
    void a_system_gets_what_its_test_asked_for_and_what_the_run_injects() {
        assertThat(InjectedBugs.plus(java.util.Set.of(Bug.WRONG_REPLY_TO), Bug.class, "shop")).contains(Bug.WRONG_REPLY_TO)
                .containsAll(InjectedBugs.named(System.getProperty(InjectedBugs.PROPERTY, ""), Bug.class, "shop"));
    }
}
