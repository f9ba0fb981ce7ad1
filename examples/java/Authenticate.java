// Sign in to a DocSpace portal and print the token (Java 17+, no libraries: `java Authenticate.java`).
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Authenticate {
    static final String PORTAL = "https://yourportal.onlyoffice.com";

    public static void main(String[] args) throws Exception {
        String credentials = "{\"userName\": " + quote("yourusername") + ", \"password\": " + quote("yourpassword") + "}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(PORTAL + "/api/2.0/authentication"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(credentials))
                .timeout(Duration.ofSeconds(30))
                .build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            fail("the portal did not answer within 30 s");
            return;
        } catch (IOException e) {
            fail("cannot reach the portal: " + e);
            return;
        }
        String answer = response.body();

        if (response.statusCode() < 200 || response.statusCode() > 299) {
            String message = stringField(answer, "message"); // from {"error": {"message": ...}}
            fail("HTTP " + response.statusCode() + ": " + (message == null ? "(no error message)" : message));
        }
        String token = stringField(answer, "token");
        if (token == null || token.isEmpty()) {
            fail(trueField(answer, "tfa") || trueField(answer, "sms")
                    ? "second factor required: POST the code from your authenticator app or SMS to /api/2.0/authentication/{code}"
                    : "the answer contains no token");
        }
        System.out.println("token: " + token);
        System.out.println("expires: " + stringField(answer, "expires"));
    }

    static void fail(String message) {
        System.err.println("error: " + message);
        System.exit(1);
    }

    /** The value as a JSON string literal. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        return out.append('"').toString();
    }

    // Without a JSON library: find "name": "..." (or "name": true) in the answer. The field
    // names used here occur once in the portal's answers, so the first match is the right one.
    static String stringField(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        return m.find() ? unescape(m.group(1)) : null;
    }

    static boolean trueField(String json, String name) {
        return Pattern.compile("\"" + name + "\"\\s*:\\s*true").matcher(json).find();
    }

    static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = s.charAt(++i);
            switch (escaped) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(escaped); // \" \\ \/
            }
        }
        return out.toString();
    }
}
