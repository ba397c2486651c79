/**
 * A Magento 2 store simulator ("sandbox store") for integration tests and demos.
 *
 * <p>{@link org.magentokafka.sandbox.SandboxStore} is a real HTTP server on 127.0.0.1 that speaks
 * Magento's admin REST dialect for the read-only catalog endpoints a connector uses: store code in
 * the path, route matching before the ACL check, 401 for every authorization failure,
 * searchCriteria with Magento's paging quirks (last page repeated past the end, whole collection
 * without pageSize, 400 above the page-size limit), Magento's error bodies with unsubstituted
 * %placeholders, and HTML answers from maintenance pages, WAFs and web servers.
 *
 * <p>{@link org.magentokafka.sandbox.Faults} injects a bad day on top: latency, 429 with Retry-After, HTML 503,
 * masked 500, truncated JSON, a concurrency limit, and malformed product data on chosen SKUs, all seeded and
 * reproducible; the store reports the peak number of requests in flight and how often each fault fired.
 *
 * <p>The package talks to the rest of the project only over HTTP: it depends on the JDK and Jackson.
 */
package org.magentokafka.sandbox;
