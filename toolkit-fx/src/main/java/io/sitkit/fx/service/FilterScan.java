package io.sitkit.fx.service;

import io.sitkit.core.BrowseRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A bounded filter scan: reads pages from a start position, keeps the rows the filter matches and
 * hands them over page by page, and stops at the end of the destination, after {@code maxScanned}
 * messages, after {@code maxMatches} matches, or when cancelled — never "polling never stops".
 *
 * <pre>{@code
 * FilterScan.Result r = new FilterScan(browser, 500, 100_000, 1_000).run(firstRequest, filter, DecoderChoice.AUTO,
 *         rows -> table.addAll(rows), progress -> bar.set(progress.scanned()), () -> cancelled);
 * }</pre>
 *
 * <p>Thread-safety: stateless apart from its settings; {@link #run} blocks on the broker and calls
 * its callbacks on the calling thread.
 *
 * @param browser    reads and decodes pages
 * @param pageSize   rows per browse
 * @param maxScanned messages read at most
 * @param maxMatches matches kept at most
 */
public record FilterScan(MessageBrowser browser, int pageSize, long maxScanned, int maxMatches) {
    public FilterScan {
        Objects.requireNonNull(browser, "browser");
        if (pageSize <= 0 || maxScanned <= 0 || maxMatches <= 0) {
            throw new IllegalArgumentException("a filter scan needs positive bounds: page " + pageSize + ", scanned "
                    + maxScanned + ", matches " + maxMatches);
        }
    }

    /** How far a scan has got. */
    public record Progress(long scanned, int matched) {
    }

    /**
     * How a scan ended.
     *
     * @param scanned   messages read
     * @param matched   rows that passed the filter
     * @param stop      why it stopped
     */
    public record Result(long scanned, int matched, Stop stop) {
        /** A sentence for the status line. */
        public String describe() {
            String counts = String.format("%,d of %,d scanned messages match", matched, scanned);
            return switch (stop) {
                case END -> counts + " (end of destination reached)";
                case SCAN_LIMIT -> counts + " — stopped at the scan limit; narrow the start position or the time range";
                case MATCH_LIMIT -> counts + " — stopped at the match limit";
                case CANCELLED -> counts + " — cancelled";
            };
        }
    }

    /** Why a scan stopped. */
    public enum Stop { END, SCAN_LIMIT, MATCH_LIMIT, CANCELLED }

    /** Scans from {@code start}; {@code cancelled} is checked between pages. */
    public Result run(BrowseRequest start, MessageFilter filter, DecoderChoice choice, Consumer<List<MessageRow>> onMatches,
                      Consumer<Progress> onProgress, BooleanSupplier cancelled) {
        Predicate<MessageRow> test = filter.matcher();
        long scanned = 0;
        int matched = 0;
        Optional<BrowseRequest> next = Optional.of(start.withLimit(pageSize));
        while (next.isPresent()) {
            if (cancelled.getAsBoolean()) {
                return new Result(scanned, matched, Stop.CANCELLED);
            }
            long room = maxScanned - scanned;
            BrowseRequest request = next.get();
            if (room < request.limit()) {
                request = request.withLimit((int) room);
            }
            MessagePage page = browser.read(request, choice);
            List<MessageRow> hits = new ArrayList<>();
            for (MessageRow row : page.rows()) {
                if (matched + hits.size() < maxMatches && test.test(row)) {
                    hits.add(row);
                }
            }
            scanned += page.rows().size();
            matched += hits.size();
            if (!hits.isEmpty()) {
                onMatches.accept(hits);
            }
            onProgress.accept(new Progress(scanned, matched));
            next = page.next();
            if (matched >= maxMatches) {
                return new Result(scanned, matched, Stop.MATCH_LIMIT);
            }
            if (next.isPresent() && scanned >= maxScanned) {
                return new Result(scanned, matched, Stop.SCAN_LIMIT);
            }
            if (page.rows().isEmpty()) {
                break;
            }
        }
        return new Result(scanned, matched, Stop.END);
    }
}
