package org.magentokafka.events;

import java.util.Locale;

/** What happened to a key since it was last published. */
public enum ChangeType {
    CREATED,
    UPDATED,
    DELETED,
    /** Same content as last published: no event. */
    UNCHANGED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
