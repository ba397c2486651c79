package org.magentokafka.sandbox;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every request the store received, failed ones included, in arrival order. Thread-safe. */
public final class RequestLog {

    private final List<LoggedRequest> requests = new CopyOnWriteArrayList<>();

    void add(LoggedRequest request) {
        requests.add(request);
    }

    public List<LoggedRequest> all() {
        return List.copyOf(requests);
    }

    /** Requests whose raw path ends with the given suffix, e.g. "/V1/products". */
    public List<LoggedRequest> matching(String pathSuffix) {
        return requests.stream().filter(r -> r.path().endsWith(pathSuffix)).toList();
    }

    public void clear() {
        requests.clear();
    }

    public int size() {
        return requests.size();
    }
}
