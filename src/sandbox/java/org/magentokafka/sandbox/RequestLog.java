package org.magentokafka.sandbox;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Every request the store received, failed ones included, in arrival order. Thread-safe. */
public final class RequestLog {

    private final List<LoggedRequest> requests = new CopyOnWriteArrayList<>();
    private volatile Consumer<LoggedRequest> beforeAnswer = r -> {
    };

    void add(LoggedRequest request) {
        requests.add(request);
        beforeAnswer.accept(request);
    }

    /**
     * Runs {@code action} for every request once its answer is ready and before it is sent: a test can act at that
     * very moment (freeze the client that asked, change the catalog behind the answer).
     */
    public void beforeAnswer(Consumer<LoggedRequest> action) {
        this.beforeAnswer = action == null ? r -> {
        } : action;
    }

    public List<LoggedRequest> all() {
        return List.copyOf(requests);
    }

    /** Requests whose raw path ends with the given suffix, e.g. "/V1/products". */
    public List<LoggedRequest> matching(String pathSuffix) {
        return requests.stream().filter(r -> r.path().endsWith(pathSuffix)).toList();
    }

    /**
     * The requests whose answer, as sent, carried a shopper's personal data ({@link LoggedRequest#personalData()}):
     * empty when no client ever received a customer field.
     */
    public List<LoggedRequest> personalDataServed() {
        return requests.stream().filter(LoggedRequest::personalData).toList();
    }

    public void clear() {
        requests.clear();
    }

    public int size() {
        return requests.size();
    }
}
