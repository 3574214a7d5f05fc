package io.sitkit.samples.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Bugs switched on for a whole run from outside the tests: the system property
 * {@value #PROPERTY} lists {@code system.BUG} names, and every system of that kind starts with them
 * on top of the ones its test asks for — so the suites' happy paths fail the way a broken release
 * would, and the run leaves flow-trace files and a report full of failures to look at.
 *
 * <pre>{@code
 * samples/run -Dsitkit.samples.bugs=shop.TAX_ROUNDED_PER_LINE,bank.DUPLICATE_ON_RETRY
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class InjectedBugs {
    /** The system property naming the bugs, comma-separated, each as {@code system.BUG}. */
    public static final String PROPERTY = "sitkit.samples.bugs";

    private InjectedBugs() {
    }

    /**
     * {@code asked} plus the bugs of {@code system} named in {@value #PROPERTY}.
     *
     * @throws IllegalArgumentException naming the valid bugs, when the property names one {@code type} does not have
     */
    public static <E extends Enum<E>> Set<E> plus(Set<E> asked, Class<E> type, String system) {
        EnumSet<E> all = EnumSet.noneOf(type);
        all.addAll(asked);
        all.addAll(named(System.getProperty(PROPERTY, ""), type, system));
        return all;
    }

    static <E extends Enum<E>> List<E> named(String property, Class<E> type, String system) {
        List<E> out = new ArrayList<>();
        for (String entry : property.split(",")) {
            String e = entry.strip();
            String prefix = system + ".";
            if (!e.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                continue;
            }
            String name = e.substring(prefix.length());
            try {
                out.add(Enum.valueOf(type, name));
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException(PROPERTY + " names " + system + "." + name + ", which " + system
                        + " does not have; its bugs: " + Arrays.toString(type.getEnumConstants()), unknown);
            }
        }
        return out;
    }
}
