package io.sitkit.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs the messages of a baseline and a new recording: by group (destination and pairing key),
 * identical messages first, the rest in file order; what is left over is missing or added.
 *
 * <p>Thread-safety: stateless.
 */
final class GoldenPairing {
    /** Groups larger than this pair in file order only (the search for identical pairs is quadratic). */
    private static final int EXACT_SEARCH_LIMIT = 500;

    private GoldenPairing() {
    }

    static GoldenFlowResult pair(GoldenMessages.Recording baseline, GoldenMessages.Recording actual, GoldenFlow spec) {
        Map<String, List<GoldenMessages.Item>> expectedGroups = group(baseline.items());
        Map<String, List<GoldenMessages.Item>> actualGroups = group(actual.items());
        List<GoldenFlowResult.Changed> changed = new ArrayList<>();
        List<GoldenMessages.Item> missing = new ArrayList<>();
        List<GoldenMessages.Item> added = new ArrayList<>();
        int matched = 0;
        for (Map.Entry<String, List<GoldenMessages.Item>> g : expectedGroups.entrySet()) {
            List<GoldenMessages.Item> expected = new ArrayList<>(g.getValue());
            List<GoldenMessages.Item> seen = new ArrayList<>(actualGroups.getOrDefault(g.getKey(), List.of()));
            if (expected.size() <= EXACT_SEARCH_LIMIT && seen.size() <= EXACT_SEARCH_LIMIT) {
                for (int i = 0; i < expected.size(); i++) {
                    for (int j = 0; j < seen.size(); j++) {
                        if (GoldenMessages.differences(expected.get(i), seen.get(j), spec).isEmpty()) {
                            expected.remove(i--);
                            seen.remove(j);
                            matched++;
                            break;
                        }
                    }
                }
            }
            int pairs = Math.min(expected.size(), seen.size());
            for (int i = 0; i < pairs; i++) {
                List<String> differences = GoldenMessages.differences(expected.get(i), seen.get(i), spec);
                if (differences.isEmpty()) {
                    matched++;
                } else {
                    changed.add(new GoldenFlowResult.Changed(expected.get(i).entry(), seen.get(i).entry(), seen.get(i).view(), differences));
                }
            }
            missing.addAll(expected.subList(pairs, expected.size()));
            added.addAll(seen.subList(pairs, seen.size()));
        }
        for (Map.Entry<String, List<GoldenMessages.Item>> g : actualGroups.entrySet()) {
            if (!expectedGroups.containsKey(g.getKey())) {
                added.addAll(g.getValue());
            }
        }
        return new GoldenFlowResult(baseline.name(), actual.name(), GoldenMessages.counts(baseline.items()),
                GoldenMessages.counts(actual.items()), matched, changed,
                missing.stream().map(GoldenMessages.Item::entry).toList(),
                added.stream().map(GoldenMessages.Item::entry).toList(), spec.describeIgnored(), spec.redactor);
    }

    private static Map<String, List<GoldenMessages.Item>> group(List<GoldenMessages.Item> items) {
        Map<String, List<GoldenMessages.Item>> groups = new LinkedHashMap<>();
        for (GoldenMessages.Item i : items) {
            groups.computeIfAbsent(i.group(), k -> new ArrayList<>()).add(i);
        }
        return groups;
    }
}
