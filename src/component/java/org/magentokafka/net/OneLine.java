package org.magentokafka.net;

/**
 * A store's or a library's message folded onto one log line: whitespace runs (HTML bodies, stack-trace text) become
 * one space, other control characters (a posted escape sequence) become {@code ?} and the text is cut at 200
 * characters, so an error stays the one clear line operators grep for and no peer can forge log lines.
 */
public final class OneLine {

    private static final int MAX = 200;

    private OneLine() {
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("\\s+", " ").replaceAll("\\p{Cntrl}", "?").strip();
        return line.length() > MAX ? line.substring(0, MAX) + "..." : line;
    }
}
