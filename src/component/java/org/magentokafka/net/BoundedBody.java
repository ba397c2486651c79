package org.magentokafka.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A body handler that reads at most {@code maxBytes} from the wire: past it the exchange is cancelled and the
 * answer fails with {@link TooLargeException}, so a 2 GB page (a broken proxy, a store answering without a page
 * size) ends in one line instead of an {@code OutOfMemoryError}. {@link ResponseBody} applies the same bound to
 * what a gzip body inflates to.
 */
public final class BoundedBody {

    private BoundedBody() {
    }

    public static HttpResponse.BodyHandler<byte[]> handler(long maxBytes) {
        return info -> new Subscriber(maxBytes);
    }

    /** An answer larger than the bound: the store or what stands in front of it sent what no page needs. */
    public static final class TooLargeException extends IOException {

        TooLargeException(String message) {
            super(message);
        }
    }

    private static final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {

        private final long maxBytes;
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private Flow.Subscription subscription;
        private long received;

        Subscriber(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                received += buffer.remaining();
                if (received > maxBytes) {
                    subscription.cancel();
                    body.completeExceptionally(new TooLargeException("more than " + maxBytes + " bytes"));
                    return;
                }
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                out.writeBytes(bytes);
            }
        }

        @Override
        public void onError(Throwable failure) {
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            body.complete(out.toByteArray());
        }
    }
}
