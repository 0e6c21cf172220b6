package io.corsboot.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * An HTTP/1.1 client over a plain socket, for what the JDK's client refuses to send: header lines with control
 * characters, illegal names, raw UTF-8, or the same header twice. Loopback only.
 */
final class RawHttp {

    private RawHttp() {
    }

    /**
     * Sends one request and reads the answer until the server closes the connection.
     * @param port the server's port on the loopback interface
     * @param method the request method
     * @param target the request target, such as {@code /api/orders}
     * @param headerLines header lines sent as given, in UTF-8, after {@code Host} and before
     * {@code Connection: close}
     * @return the answer
     * @throws IOException when the server closed the connection without answering
     */
    static Response exchange(int port, String method, String target, List<String> headerLines)
            throws IOException {
        StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
            .append("Host: localhost:").append(port).append("\r\n");
        headerLines.forEach((line) -> request.append(line).append("\r\n"));
        request.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            try {
                socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
            }
            catch (IOException ex) {
                // A server may close the connection while a too-large request is still being written: its answer,
                // if it sent one, is read below.
            }
            return Response.parse(readAll(socket.getInputStream()));
        }
    }

    private static byte[] readAll(InputStream input) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int read;
            while ((read = input.read(buffer)) != -1) {
                received.write(buffer, 0, read);
            }
        }
        catch (IOException ex) {
            if (received.size() == 0) {
                throw ex;
            }
        }
        return received.toByteArray();
    }

    /**
     * An answer as received.
     * @param status the status code
     * @param headers the header lines, each as name and value
     * @param body the body as sent, chunk sizes included when chunked
     */
    record Response(int status, List<Header> headers, String body) {

        static Response parse(byte[] bytes) throws IOException {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (!text.startsWith("HTTP/1.1 ") || end < 0) {
                throw new IOException("Not an HTTP/1.1 answer: " + text);
            }
            String[] lines = text.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].substring(9, 12));
            List<Header> headers = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.add(new Header(lines[i].substring(0, colon), lines[i].substring(colon + 1).strip()));
            }
            return new Response(status, List.copyOf(headers), text.substring(end + 4));
        }

        /** The values of a header, in order, name compared case-insensitively. */
        List<String> values(String name) {
            return this.headers.stream().filter((header) -> header.name().equalsIgnoreCase(name))
                .map(Header::value).toList();
        }

        /** The first value of a header, or null. */
        @Nullable String value(String name) {
            List<String> values = values(name);
            return values.isEmpty() ? null : values.get(0);
        }

        /** The names of the headers, in lower case. */
        List<String> names() {
            return this.headers.stream().map((header) -> header.name().toLowerCase(Locale.ROOT)).toList();
        }
    }

    /**
     * One header line.
     * @param name the name
     * @param value the value, without surrounding whitespace
     */
    record Header(String name, String value) {
    }
}
