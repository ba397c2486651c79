package org.magentokafka.sandbox;

import java.util.concurrent.atomic.AtomicLong;

/** Report ids shaped like Magento's ("webapi-" + PHP uniqid(): 13 hex digits). */
final class ReportIds {

    private static final AtomicLong LAST = new AtomicLong();

    private ReportIds() {
    }

    static String next() {
        long micros = System.currentTimeMillis() * 1000;
        long id = LAST.updateAndGet(previous -> Math.max(previous + 1, micros));
        // uniqid() is seconds (8 hex) followed by microseconds (5 hex).
        return String.format("webapi-%08x%05x", id / 1_000_000, id % 1_000_000);
    }
}
