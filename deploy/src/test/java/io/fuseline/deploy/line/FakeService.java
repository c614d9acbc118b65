package io.fuseline.deploy.line;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * A stand-in for a Quarkus service, run as a child JVM by the tests: answers 200 on /q/health/ready on the port
 * given by {@code quarkus.http.port}, or exits with code 3 at once when {@code fake.fail} is set.
 */
public final class FakeService {
    public static void main(String[] args) throws Exception {
        if (Boolean.getBoolean("fake.fail")) {
            System.out.println("fake service: configuration is broken on purpose");
            System.exit(3);
        }
        int port = Integer.getInteger("quarkus.http.port");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/q/health/ready", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        System.out.println("fake service ready on " + port);
        Thread.currentThread().join();
    }
}
