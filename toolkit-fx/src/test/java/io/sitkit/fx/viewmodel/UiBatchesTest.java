package io.sitkit.fx.viewmodel;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Batches for the UI thread: one hand-off at a time, later batches joined to it, the oldest dropped past the cap. */
class UiBatchesTest {
    private final List<Runnable> handOffs = new ArrayList<>();
    private final List<List<Integer>> applied = new ArrayList<>();

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    @Test
    void batches_offered_while_the_ui_is_behind_join_the_waiting_one() {
        UiBatches<Integer> b = new UiBatches<>(handOffs::add, 5, applied::add);

        b.offer(range(0, 2));
        b.offer(List.of());
        b.offer(range(2, 4));
        b.offer(range(4, 7));

        assertThat(handOffs).hasSize(1);
        handOffs.get(0).run();
        assertThat(applied).containsExactly(range(2, 7));

        b.offer(range(7, 8));
        assertThat(handOffs).hasSize(2);
        handOffs.get(1).run();
        assertThat(applied).containsExactly(range(2, 7), range(7, 8));
    }

    @Test
    void one_batch_larger_than_the_cap_keeps_its_newest() {
        UiBatches<Integer> b = new UiBatches<>(Runnable::run, 3, applied::add);

        b.offer(range(0, 10));

        assertThat(applied).containsExactly(range(7, 10));
    }
}
