package org.magentokafka.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Logger;

/**
 * The lines the connector's classes and Camel log in this JVM while it is attached, formatted as
 * {@code LEVEL [logger] message} (plus {@code \tat <exception>} when a stack trace would follow), so an
 * in-process test can assert what an operator would read.
 */
public final class LogLines extends Handler implements AutoCloseable {

    // JBoss LogManager's own root logger (what SLF4J logs to here), whichever JUL LogManager the JVM installed.
    private static final Logger ROOT = Logger.getLogger("");

    private final List<String> lines = new CopyOnWriteArrayList<>();

    private LogLines() {
    }

    public static LogLines attach() {
        LogLines lines = new LogLines();
        ROOT.addHandler(lines);
        return lines;
    }

    @Override
    public void publish(LogRecord record) {
        String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
        if (!logger.startsWith("org.magentokafka") && !logger.startsWith("org.apache.camel")) {
            return;  // the broker and the store run in this JVM too
        }
        // The connector logs through SLF4J onto JBoss LogManager, whose records know their own format style.
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        String level = switch (record.getLevel().getName()) {
            case "SEVERE", "ERROR" -> "ERROR";
            case "WARNING", "WARN" -> "WARN";
            default -> record.getLevel().getName();
        };
        lines.add(level + " [" + logger + "] " + message + (record.getThrown() != null ? "\n\tat " + record.getThrown() : ""));
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public long count(Pattern pattern) {
        return lines.stream().filter(l -> pattern.matcher(l).find()).count();
    }

    /** Waits until a line matches; fails with every line seen when none did in time. */
    public String await(Pattern pattern, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : lines) {
                if (pattern.matcher(line).find()) {
                    return line;
                }
            }
            sleep(50);
        }
        throw new AssertionError("no line matching " + pattern + " within " + timeout + " in:\n" + String.join("\n", lines));
    }

    /** Lines that would print a stack trace. */
    public List<String> stackTraces() {
        return lines.stream().filter(l -> l.contains("\n\tat ")).toList();
    }

    public String text() {
        return String.join("\n", lines);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        ROOT.removeHandler(this);
    }
}
