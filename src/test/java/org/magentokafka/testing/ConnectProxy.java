package org.magentokafka.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A corporate HTTP proxy for HTTPS: answers {@code CONNECT host:port} with a tunnel and records every target
 * asked for. Host names can be known to the proxy only ({@code hostAliases}), as an internal store's name resolves
 * only inside the company network: a client that bypasses the proxy cannot reach such a host at all. Anything
 * but CONNECT is answered 501.
 */
public final class ConnectProxy implements AutoCloseable {

    private final ServerSocket server;
    private final Map<String, String> hostAliases;
    private final List<String> connects = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private ConnectProxy(Map<String, String> hostAliases) throws IOException {
        this.hostAliases = Map.copyOf(hostAliases);
        this.server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "connect-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @param hostAliases host name → address the proxy connects to instead (e.g. magento.test → 127.0.0.1) */
    public static ConnectProxy start(Map<String, String> hostAliases) {
        try {
            return new ConnectProxy(hostAliases);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Every CONNECT target ({@code host:port}) in arrival order: one per tunnel the client opened. */
    public List<String> connects() {
        return List.copyOf(connects);
    }

    public void clear() {
        connects.clear();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                daemon("connect-proxy-tunnel", () -> tunnel(client));
            } catch (IOException e) {
                return;  // closed
            }
        }
    }

    private void tunnel(Socket client) {
        try (client) {
            String head = readHead(client.getInputStream());
            String[] requestLine = head.split("\r\n", 2)[0].split(" ");
            OutputStream toClient = client.getOutputStream();
            if (requestLine.length < 3 || !"CONNECT".equals(requestLine[0])) {
                toClient.write("HTTP/1.1 501 Not Implemented\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            String target = requestLine[1];
            connects.add(target);
            int colon = target.lastIndexOf(':');
            String host = target.substring(0, colon);
            int port = Integer.parseInt(target.substring(colon + 1));
            try (Socket upstream = new Socket()) {
                open.add(upstream);
                upstream.connect(new InetSocketAddress(hostAliases.getOrDefault(host, host), port), 5000);
                toClient.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                toClient.flush();
                Thread up = daemon("connect-proxy-up", () -> pipe(client, upstream));
                pipe(upstream, client);
                up.join();
            } catch (IOException e) {
                toClient.write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        } catch (IOException | RuntimeException e) {
            // the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(client);
        }
    }

    /** Copies until end of stream, then half-closes the other side so the peer sees the end too. */
    private static void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            try {
                to.close();
                from.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed before the request head ended");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static Thread daemon(String name, Runnable task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
