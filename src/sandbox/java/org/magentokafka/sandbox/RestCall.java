package org.magentokafka.sandbox;

import java.util.List;

/**
 * Everything an endpoint needs to answer one routed, authorized request.
 *
 * @param store    the store view the path selected (the default one when it named none)
 * @param params   values of the route's placeholders, decoded, in order
 * @param catalog  the data to answer from (an empty catalog in the EMPTY_CATALOG scenario)
 * @param baseUrl  the store URL, for the base URLs in store configs
 * @param body     the request body as text (UTF-8), empty for GET
 * @param faults   the request's faults (bad-data modes change what product endpoints send)
 */
record RestCall(StoreView store, List<String> params, QueryString query, SandboxCatalog catalog,
                SearchQueryParser criteriaParser, String baseUrl, String body, FaultPlan faults) {

    SearchQuery searchCriteria() {
        return criteriaParser.parse(query);
    }

    String param(int index) {
        return params.get(index);
    }
}
