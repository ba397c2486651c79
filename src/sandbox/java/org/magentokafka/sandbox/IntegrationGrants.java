package org.magentokafka.sandbox;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The ACL resources the integration holds right now. A merchant edits the integration's Resource Access while the
 * store runs, and Magento checks the saved grants on every call, so the bearer-token and OAuth authenticators read
 * this at each request instead of keeping their own copy. Thread-safe: each change swaps in a new immutable set, so
 * a request sees the grants either before or after a change, never half of one.
 */
final class IntegrationGrants {

    private final AtomicReference<Set<String>> granted;

    IntegrationGrants(Set<String> initial) {
        this.granted = new AtomicReference<>(Set.copyOf(initial));
    }

    /** An immutable snapshot. */
    Set<String> current() {
        return granted.get();
    }

    void grant(String resource) {
        change(resource, set -> set.add(resource));
    }

    void revoke(String resource) {
        change(resource, set -> set.remove(resource));
    }

    private void change(String resource, Consumer<Set<String>> edit) {
        Objects.requireNonNull(resource, "resource");
        granted.updateAndGet(old -> {
            Set<String> next = new HashSet<>(old);
            edit.accept(next);
            return Set.copyOf(next);
        });
    }
}
