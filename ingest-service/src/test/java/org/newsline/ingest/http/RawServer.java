package org.newsline.ingest.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** A misbehaving server on 127.0.0.1: each connection is handed to a test's script over a raw socket. */
public final class RawServer implements AutoCloseable {

    /** What the server does with one accepted connection. */
    @FunctionalInterface
    public interface Script {
        void run(Socket socket) throws Exception;
    }

    private final ServerSocket serverSocket;
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    public RawServer(Script script) throws IOException {
        serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!serverSocket.isClosed()) {
                try {
                    Socket s = serverSocket.accept();
                    connections.incrementAndGet();
                    Thread t = new Thread(() -> {
                        try (s) {
                            readRequestHead(s.getInputStream());
                            script.run(s);
                        } catch (Exception ignored) {
                            // the client hung up on us, which is what most of these tests want
                        }
                    }, "raw-server-conn");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "raw-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public String hostPort() {
        return "127.0.0.1:" + port();
    }

    public int connections() {
        return connections.get();
    }

    public static void write(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
    }

    private static void readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int c;
        while (matched < 4 && (c = in.read()) != -1) {
            matched = c == end[matched] ? matched + 1 : (c == '\r' ? 1 : 0);
        }
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
    }
}
