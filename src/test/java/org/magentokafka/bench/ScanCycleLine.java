package org.magentokafka.bench;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.magentokafka.scan.ScanCycleEstimate;

/**
 * The line a budgeted scan logs after the first page of each paced cycle: {@code magento:<stream> scan of
 * store view <code>: <rows> rows, <pages> pages of <size>; at magento.scan-budget=<b> req/s shared by <n> scans one
 * cycle takes about <d>}. The expected cycle is recomputed from its figures with the connector's own formula
 * ({@link ScanCycleEstimate}), so the wording of {@code <d>} does not matter.
 */
record ScanCycleLine(String stream, String storeView, long rows, long pages, int pageSize, double budget, int scans,
                     String about, String line) {

    // Lenient about separators (a comma after "scans", thousands separators in the counts): the figures are what count.
    private static final Pattern LINE = Pattern.compile("magento:(\\S+) scan of store view ([^:\\s]+): ([\\d,]+) rows, ([\\d,]+) pages of ([\\d,]+)[;,]?"
            + " at magento\\.scan-budget=([0-9.]+) req/s,? shared by (\\d+) scans?[,;:]? one cycle takes about (.+)$");

    /** The last such line of the stream in the connector's output, or null (older versions log none). */
    static ScanCycleLine last(List<String> lines, String stream) {
        ScanCycleLine found = null;
        for (String l : lines) {
            Matcher m = LINE.matcher(l);
            if (m.find() && m.group(1).equals(stream)) {
                found = new ScanCycleLine(m.group(1), m.group(2), count(m.group(3)), count(m.group(4)),
                        (int) count(m.group(5)), Double.parseDouble(m.group(6)), Integer.parseInt(m.group(7)),
                        m.group(8).strip(), l.substring(m.start()));
            }
        }
        return found;
    }

    private static long count(String digits) {
        return Long.parseLong(digits.replace(",", ""));
    }

    Duration expectedCycle() {
        Duration d = ScanCycleEstimate.expected(rows, pageSize, budget, scans);
        return d == null ? Duration.ZERO : d;
    }
}
