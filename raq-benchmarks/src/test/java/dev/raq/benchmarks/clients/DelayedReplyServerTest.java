package dev.raq.benchmarks.clients;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DelayedReplyServerTest {

    private static final long DELAY_MS = 30;
    private static final String BODY = "{\"ok\":true}";

    @Test
    void jdkClient_getsTheReplyNoEarlierThanTheDelay() throws Exception {
        try (DelayedReplyServer server = new DelayedReplyServer(DELAY_MS, "application/json", BODY)) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"q\":" + i + "}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).isEqualTo(BODY);
                assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
                assertThat((System.nanoTime() - start) / 1e6).isGreaterThanOrEqualTo(DELAY_MS);
            }
            assertThat(server.meanDelayMillis()).isGreaterThanOrEqualTo(DELAY_MS);
        }
    }

    @Test
    void aRequestInTwoPiecesAndTwoPipelinedRequests_areEachAnsweredOnTheSameConnection() throws Exception {
        try (DelayedReplyServer server = new DelayedReplyServer(DELAY_MS, "text/plain", BODY);
             Socket socket = connect(server)) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            String body = "{\"question\":\"capital?\"}";
            String request = post(body);
            int split = request.length() - 5;
            out.write(request.substring(0, split).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // no reply may come for an incomplete request, not even after the delay
            socket.setSoTimeout((int) DELAY_MS * 3);
            assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);
            socket.setSoTimeout(5_000);
            long lastByte = System.nanoTime();
            out.write(request.substring(split).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponse(in)).isEqualTo(BODY);
            assertThat((System.nanoTime() - lastByte) / 1e6).isGreaterThanOrEqualTo(DELAY_MS);

            out.write((post("1") + post("22")).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponse(in)).isEqualTo(BODY);
            assertThat(readResponse(in)).isEqualTo(BODY);
        }
    }

    @Test
    void chunkedRequestBody_isRefusedByClosingTheConnection() throws Exception {
        try (DelayedReplyServer server = new DelayedReplyServer(DELAY_MS, "text/plain", BODY);
             Socket socket = connect(server)) {
            socket.getOutputStream().write(("POST /v1 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "2\r\n{}\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    private static Socket connect(DelayedReplyServer server) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), URI.create(server.baseUrl()).getPort());
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static String post(String body) {
        return String.format(Locale.ROOT, "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "content-length: %d\r\n\r\n%s", body.length(), body);
    }

    /** Reads one response with a Content-Length and returns its body. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("the server closed the connection").isNotEqualTo(-1);
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.US_ASCII);
        assertThat(headers).startsWith("HTTP/1.1 200 OK\r\n");
        int length = Integer.parseInt(headers.replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
