// Sign in to a DocSpace portal, use the token, sign out; make an API key and use it (Java 17+, no libraries).
//   java DocSpace.java sign-in                        prints a token, or what the second factor needs
//   java DocSpace.java confirm <code>                 finishes a sign-in with the code from the app or the SMS
//   java DocSpace.java self                           prints who DOCSPACE_TOKEN belongs to
//   java DocSpace.java sign-out                       ends the session of DOCSPACE_TOKEN
//   java DocSpace.java create-key <name> <scope>...   makes an API key with DOCSPACE_TOKEN and prints it, once
//   java DocSpace.java self-with-key                  prints who DOCSPACE_API_KEY belongs to
// Reads DOCSPACE_PORTAL, DOCSPACE_USER and DOCSPACE_PASSWORD, DOCSPACE_TOKEN for self, sign-out and
// create-key, and DOCSPACE_API_KEY for self-with-key.
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

public class DocSpace {
    public static void main(String[] args) throws InterruptedException {
        String step = args.length > 0 ? args[0] : "";
        switch (step) {
            case "sign-in" -> printSignIn(call("POST", "/api/2.0/authentication", credentials(null), null));
            case "confirm" -> {
                String code = args.length > 1 ? args[1] : "";
                if (!code.matches("[0-9]+")) fail("give the code from the app or the SMS, digits only: confirm 123456");
                printSignIn(call("POST", "/api/2.0/authentication/" + code, credentials(code), null));
            }
            case "self" -> printProfile(call("GET", "/api/2.0/people/@self", null, env("DOCSPACE_TOKEN")));
            case "sign-out" -> {
                call("POST", "/api/2.0/authentication/logout", null, env("DOCSPACE_TOKEN"));
                System.out.println("signed out");
            }
            case "create-key" -> {
                if (args.length < 3 || args[1].isEmpty()) fail("give the key a name and its scopes: create-key nightly-export accounts:read");
                String scopes = Arrays.stream(args, 2, args.length).map(Json::quote).collect(Collectors.joining(", "));
                String body = "{\"name\": " + Json.quote(args[1]) + ", \"permissions\": [" + scopes + "]}";
                // Sent once: a create that timed out may still have made a key, so it is never retried.
                Map<String, Object> created = call("POST", "/api/2.0/keys", body, env("DOCSPACE_TOKEN"));
                if (!(created.get("key") instanceof String key && !key.isEmpty())) {
                    fail("the answer contains no key");
                    return;
                }
                System.out.println("key: " + key);
                System.out.println("the portal shows this key only once: keep it in DOCSPACE_API_KEY or a secret store now");
            }
            case "self-with-key" -> printProfile(call("GET", "/api/2.0/people/@self", null, "Bearer " + env("DOCSPACE_API_KEY")));
            default -> fail("say which step to run: sign-in, confirm <code>, self, sign-out, create-key <name> <scope>... or self-with-key");
        }
    }

    static void printProfile(Map<String, Object> profile) {
        System.out.println("displayName: " + profile.get("displayName"));
        System.out.println("email: " + profile.get("email"));
    }

    static String credentials(String code) {
        String json = "{\"userName\": " + Json.quote(env("DOCSPACE_USER")) + ", \"password\": " + Json.quote(env("DOCSPACE_PASSWORD"));
        return json + (code == null ? "" : ", \"code\": " + Json.quote(code)) + "}";
    }

    /** A sign-in's answer: the token, or what the portal wants first. */
    static void printSignIn(Map<String, Object> result) {
        if (result.get("token") instanceof String token && !token.isEmpty()) {
            System.out.println("token: " + token);
            System.out.println("expires: " + result.get("expires"));
        } else if (Boolean.TRUE.equals(result.get("tfa")) && result.get("tfaKey") != null) {
            System.out.println("second factor not set up: add the key " + result.get("tfaKey")
                    + " to your authenticator app (or open " + result.get("confirmUrl") + "), then run confirm <code>");
        } else if (Boolean.TRUE.equals(result.get("tfa"))) {
            System.out.println("second factor required: run confirm <code> with the code your authenticator app shows");
        } else if (Boolean.TRUE.equals(result.get("sms")) && result.get("phoneNoise") != null) {
            System.out.println("second factor required: run confirm <code> with the code sent by SMS to " + result.get("phoneNoise"));
        } else if (Boolean.TRUE.equals(result.get("sms"))) {
            System.out.println("second factor not set up: open " + result.get("confirmUrl")
                    + " in a browser to confirm your phone number, then sign in again");
        } else {
            fail("the answer contains no token");
        }
    }

    /** Sends one call and returns the answer's {@code response}; any failure ends the program with one line. */
    static Map<String, Object> call(String method, String path, String body, String authorization) throws InterruptedException {
        String portal = env("DOCSPACE_PORTAL").replaceAll("/+$", "");
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(portal + path)).timeout(Duration.ofSeconds(30));
        } catch (IllegalArgumentException e) {
            fail("cannot reach the portal: " + e.getMessage());
            return null;
        }
        request.header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) request.header("Content-Type", "application/json");
        if (authorization != null) request.header("Authorization", authorization);
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            fail("the portal did not answer within 30 s");
            return null;
        } catch (IOException e) {
            fail("cannot reach the portal: " + e);
            return null;
        }
        // A 401 may come with an empty body, and error pages may not be JSON: then it is an empty object.
        Map<String, Object> answer = Json.object(Json.parseOrNull(response.body()));
        if (response.statusCode() < 200 || response.statusCode() > 299) {
            Object message = Json.object(answer.get("error")).get("message");
            fail("HTTP " + response.statusCode() + ": " + (message == null ? "(no error message)" : message));
        }
        return Json.object(answer.get("response"));
    }

    static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isEmpty()) fail(name + " is not set");
        return value;
    }

    static void fail(String message) {
        System.err.println("error: " + message);
        System.exit(1);
    }
}

/**
 * The JDK has no JSON parser, so this file carries a small one (objects become maps, arrays lists,
 * numbers doubles) to stay a single file that needs no downloads. In a project with a build tool,
 * use Jackson or Gson instead.
 */
final class Json {
    private final String text;
    private int at;

    private Json(String text) {
        this.text = text;
    }

    /** The JSON value of {@code text}, or null when it is not JSON. */
    static Object parseOrNull(String text) {
        try {
            Json parser = new Json(text);
            Object value = parser.value();
            parser.skipSpace();
            return parser.at == text.length() ? value : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The value as an object, or an empty one when it is not an object. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
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

    private Object value() {
        skipSpace();
        char c = text.charAt(at);
        if (c == '{') return objectValue();
        if (c == '[') return arrayValue();
        if (c == '"') return stringValue();
        if (text.startsWith("true", at)) return literal("true", Boolean.TRUE);
        if (text.startsWith("false", at)) return literal("false", Boolean.FALSE);
        if (text.startsWith("null", at)) return literal("null", null);
        int start = at;
        while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) at++;
        return Double.parseDouble(text.substring(start, at)); // throws on anything else
    }

    private Object literal(String word, Object value) {
        at += word.length();
        return value;
    }

    private Map<String, Object> objectValue() {
        Map<String, Object> map = new LinkedHashMap<>();
        at++; // {
        skipSpace();
        if (text.charAt(at) == '}') {
            at++;
            return map;
        }
        while (true) {
            skipSpace();
            String name = stringValue();
            skipSpace();
            expect(':');
            map.put(name, value());
            skipSpace();
            if (text.charAt(at++) == '}') return map;
            at--;
            expect(',');
        }
    }

    private List<Object> arrayValue() {
        List<Object> list = new ArrayList<>();
        at++; // [
        skipSpace();
        if (text.charAt(at) == ']') {
            at++;
            return list;
        }
        while (true) {
            list.add(value());
            skipSpace();
            if (text.charAt(at++) == ']') return list;
            at--;
            expect(',');
        }
    }

    private String stringValue() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = text.charAt(at++);
            if (c == '"') return out.toString();
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = text.charAt(at++);
            switch (escaped) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> out.append(escaped); // \" \\ \/
            }
        }
    }

    private void expect(char c) {
        if (text.charAt(at++) != c) throw new IllegalArgumentException("expected " + c + " at " + (at - 1));
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) at++;
    }
}
