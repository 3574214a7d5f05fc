package io.sitkit.core.internal;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a merge key that merges the mapping containing it ({@code x: &d {<<: *d}}), which SnakeYAML
 * (2.5) composes with {@code setMergeOnCompose(true)} in an endless loop: callers check the text
 * first and report the alias as an error instead.
 *
 * <pre>{@code
 * YamlMergeCycles.find(text).ifPresent(mark -> { throw error(mark, YamlMergeCycles.REASON); });
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class YamlMergeCycles {
    /** The error's reason. */
    public static final String REASON = "a merge key (<<) refers to a mapping that contains it";

    private YamlMergeCycles() {
    }

    private static final class Frame {
        final boolean mapping;
        final boolean mergeList;
        int children;
        boolean mergePending;

        Frame(boolean mapping, boolean mergeList) {
            this.mapping = mapping;
            this.mergeList = mergeList;
        }
    }

    /**
     * Where an alias merges a mapping it is inside of, if one does. Text that does not parse
     * answers empty: composing it fails with the parser's own error.
     */
    public static Optional<Mark> find(String text) {
        Deque<Frame> stack = new ArrayDeque<>();
        Map<String, Frame> anchors = new HashMap<>();
        try {
            for (Event e : new Yaml(new LoaderOptions()).parse(new StringReader(text))) {
                Frame parent = stack.peek();
                if (e instanceof AliasEvent alias) {
                    boolean merged = parent != null && (parent.mergeList || parent.mapping && parent.mergePending);
                    Frame target = anchors.get(alias.getAnchor());
                    if (merged && target != null && stack.contains(target)) {
                        return Optional.of(alias.getStartMark());
                    }
                    completed(parent, false);
                } else if (e instanceof ScalarEvent scalar) {
                    anchor(anchors, scalar, null);
                    boolean key = parent != null && parent.mapping && parent.children % 2 == 0;
                    completed(parent, key && "<<".equals(scalar.getValue()) && scalar.getImplicit().canOmitTagInPlainScalar());
                } else if (e instanceof CollectionStartEvent start) {
                    boolean mergeList = parent != null && parent.mapping && parent.mergePending;
                    Frame frame = new Frame(start instanceof MappingStartEvent, mergeList && !(start instanceof MappingStartEvent));
                    anchor(anchors, start, frame);
                    stack.push(frame);
                } else if (e instanceof CollectionEndEvent) {
                    stack.pop();
                    completed(stack.peek(), false);
                }
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static void anchor(Map<String, Frame> anchors, NodeEvent e, Frame frame) {
        if (e.getAnchor() != null) {
            anchors.put(e.getAnchor(), frame);
        }
    }

    private static void completed(Frame parent, boolean mergeKey) {
        if (parent != null) {
            parent.children++;
            parent.mergePending = parent.mapping && mergeKey;
        }
    }
}
