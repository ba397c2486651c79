package org.magentokafka.producer;

import java.time.Duration;

/** The endpoint options the look-ups read (implemented by the endpoint's configuration), read when used. */
public interface LookupSettings {

    /** How long cached metadata (attributes, categories, store scopes) is used before it is asked for again. */
    Duration getMetadataRefresh();

    /** Rows per page of listings that read a list whole (the configurables for the child &rarr; parents index). */
    int getScanPageSize();
}
