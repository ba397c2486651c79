package org.magentokafka.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

/** One read-only service operation; failures are thrown as {@link MagentoError}. */
@FunctionalInterface
interface Endpoint {

    JsonNode handle(RestCall call);
}
