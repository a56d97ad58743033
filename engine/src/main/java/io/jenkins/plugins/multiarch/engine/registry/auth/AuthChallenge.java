package io.jenkins.plugins.multiarch.engine.registry.auth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One challenge of a {@code WWW-Authenticate} header (RFC 7235): a scheme and its parameters, e.g.
 * {@code Bearer realm="https://auth.example.com/token",service="registry",scope="repository:app:pull"}.
 * The parser is lenient where registries are sloppy (unquoted values, spaces around '=', mixed case).
 */
record AuthChallenge(String scheme, Map<String, String> parameters) {

    public AuthChallenge {
        scheme = scheme.toLowerCase(Locale.ROOT);
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public boolean isBearer() {
        return scheme.equals("bearer");
    }

    public boolean isBasic() {
        return scheme.equals("basic");
    }

    /** A parameter by its case-insensitive name. */
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Every challenge in a header value; a header may offer several (e.g. Basic and Bearer). */
    public static List<AuthChallenge> parseAll(String header) {
        List<AuthChallenge> challenges = new ArrayList<>();
        if (header == null) {
            return challenges;
        }
        Tokenizer t = new Tokenizer(header);
        String scheme = null;
        Map<String, String> params = new LinkedHashMap<>();
        while (true) {
            t.skipSeparators();
            if (t.atEnd()) {
                break;
            }
            String token = t.token();
            if (token.isEmpty()) {
                t.skipOne(); // junk character: skip it rather than fail on a header we only half need
                continue;
            }
            t.skipSpaces();
            if (scheme != null && t.peek() == '=') {
                t.skipOne();
                t.skipSpaces();
                params.put(token.toLowerCase(Locale.ROOT), t.peek() == '"' ? t.quoted() : t.token());
            } else {
                if (scheme != null) {
                    challenges.add(new AuthChallenge(scheme, params));
                    params = new LinkedHashMap<>();
                }
                scheme = token;
            }
        }
        if (scheme != null) {
            challenges.add(new AuthChallenge(scheme, params));
        }
        return challenges;
    }

    /** The first challenge of the header, if any. */
    public static Optional<AuthChallenge> parse(String header) {
        List<AuthChallenge> all = parseAll(header);
        return all.stream().filter(AuthChallenge::isBearer).findFirst().or(() -> all.stream().findFirst());
    }

    private static final class Tokenizer {
        private final String s;
        private int i;

        Tokenizer(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return i >= s.length();
        }

        char peek() {
            return atEnd() ? '\0' : s.charAt(i);
        }

        void skipOne() {
            i++;
        }

        void skipSpaces() {
            while (!atEnd() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        void skipSeparators() {
            while (!atEnd() && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == ',')) {
                i++;
            }
        }

        String token() {
            int start = i;
            while (!atEnd()) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c) || c == ',' || c == '=' || c == '"') {
                    break;
                }
                i++;
            }
            return s.substring(start, i);
        }

        String quoted() {
            i++; // opening quote
            StringBuilder sb = new StringBuilder();
            while (!atEnd()) {
                char c = s.charAt(i++);
                if (c == '\\' && !atEnd()) {
                    sb.append(s.charAt(i++));
                } else if (c == '"') {
                    break;
                } else {
                    sb.append(c);
                }
            }
            return sb.toString();
        }
    }
}
