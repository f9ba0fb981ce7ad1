// Call the API with a token: print who it belongs to (Java 17+, no libraries: `java GetSelf.java`).
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class GetSelf {
    static final String PORTAL = "https://yourportal.onlyoffice.com";

    public static void main(String[] args) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(PORTAL + "/api/2.0/people/@self"))
                .header("Authorization", "yourtoken")
                .header("Accept", "application/json")
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
            String message = stringField(answer, "message"); // a 401 may come with an empty body
            fail("HTTP " + response.statusCode() + ": " + (message == null ? "(no error message)" : message));
        }
        System.out.println("displayName: " + stringField(answer, "displayName"));
        System.out.println("email: " + stringField(answer, "email"));
    }

    static void fail(String message) {
        System.err.println("error: " + message);
        System.exit(1);
    }

    // Without a JSON library: find "name": "..." in the answer. The field names used here occur
    // once in the portal's answers, so the first match is the right one.
    static String stringField(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        return m.find() ? unescape(m.group(1)) : null;
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
