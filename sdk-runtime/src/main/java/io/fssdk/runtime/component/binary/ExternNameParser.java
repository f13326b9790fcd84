package io.fssdk.runtime.component.binary;

import java.util.Optional;

/**
 * Parses {@code externname}s (Explainer.md, Import and Export Definitions) and spots the gated name
 * forms, so that the name reader can report those as unsupported rather than merely invalid.
 */
final class ExternNameParser {
    private static final String CONSTRUCTOR = "[constructor]";
    private static final String METHOD = "[method]";
    private static final String STATIC = "[static]";

    /** A gated name form: what it is and which proposal it belongs to. */
    record Gate(String feature, String proposal) {
    }

    private ExternNameParser() {
    }

    /** The gated feature {@code text} uses, if any. */
    static Optional<Gate> gate(String text) {
        if (text.startsWith("[async")) {
            // [async]f, [async method]r.m and [async static]r.m, dropped from the spec in favour of
            // the async function type but still accepted by older wasm-tools.
            return Optional.of(new Gate("`[async]` function name", "component-model async"));
        }
        for (String prefix : new String[] {"locked-dep=", "unlocked-dep=", "url=", "integrity="}) {
            if (text.startsWith(prefix)) {
                return Optional.of(new Gate("`" + prefix + "` name", "component-model dependency names"));
            }
        }
        int at = text.indexOf('@');
        String head = at < 0 ? text : text.substring(0, at);
        int colon = head.indexOf(':');
        if (colon >= 0 && !text.startsWith("[")
                && (head.indexOf(':', colon + 1) >= 0 || head.indexOf('/') != head.lastIndexOf('/'))) {
            return Optional.of(new Gate("nested namespace or package name", "component-model nested namespaces"));
        }
        return Optional.empty();
    }

    /** Parses {@code text}, or throws {@link IllegalArgumentException} saying why it is not a name. */
    static ExternName parse(String text) {
        if (text.startsWith(CONSTRUCTOR)) {
            String resource = text.substring(CONSTRUCTOR.length());
            requireLabel(resource, "resource name");
            return new ExternName.Constructor(resource);
        }
        if (text.startsWith(METHOD)) {
            String[] parts = dotted(text.substring(METHOD.length()));
            return new ExternName.Method(parts[0], parts[1]);
        }
        if (text.startsWith(STATIC)) {
            String[] parts = dotted(text.substring(STATIC.length()));
            return new ExternName.Static(parts[0], parts[1]);
        }
        if (text.indexOf(':') >= 0) {
            return parseInterface(text);
        }
        requireLabel(text, "name");
        return new ExternName.Plain(text);
    }

    private static String[] dotted(String s) {
        int dot = s.indexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("expected `resource.function` after the annotation");
        }
        String resource = s.substring(0, dot);
        String function = s.substring(dot + 1);
        requireLabel(resource, "resource name");
        requireLabel(function, "function name");
        return new String[] {resource, function};
    }

    private static ExternName.Interface parseInterface(String text) {
        int at = text.indexOf('@');
        String head = at < 0 ? text : text.substring(0, at);
        Optional<String> version = at < 0 ? Optional.empty() : Optional.of(text.substring(at + 1));
        int colon = head.indexOf(':');
        int slash = colon < 0 ? -1 : head.indexOf('/', colon);
        if (slash < 0) {
            throw new IllegalArgumentException("an interface name needs `namespace:package/interface`");
        }
        String namespace = head.substring(0, colon);
        String pkg = head.substring(colon + 1, slash);
        String iface = head.substring(slash + 1);
        if (!Labels.isWords(namespace)) {
            throw new IllegalArgumentException("`" + namespace + "` is not a valid namespace");
        }
        if (!Labels.isWords(pkg)) {
            throw new IllegalArgumentException("`" + pkg + "` is not a valid package name");
        }
        requireLabel(iface, "interface name");
        if (version.isPresent() && !isSemver(version.get()) && !isCanonVersion(version.get())) {
            throw new IllegalArgumentException("`" + version.get() + "` is not a valid semver version");
        }
        return new ExternName.Interface(namespace, pkg, iface, version);
    }

    private static void requireLabel(String s, String what) {
        if (!Labels.isLabel(s)) {
            throw new IllegalArgumentException("`" + s + "` is not a valid kebab-case " + what);
        }
    }

    /** Whether {@code v} is a valid semver 2.0 version, e.g. {@code 1.0.0-rc.1+build.5}. */
    static boolean isSemver(String v) {
        int plus = v.indexOf('+');
        String rest = plus < 0 ? v : v.substring(0, plus);
        if (plus >= 0 && !identifiers(v.substring(plus + 1), false)) {
            return false;
        }
        int dash = rest.indexOf('-');
        String core = dash < 0 ? rest : rest.substring(0, dash);
        if (dash >= 0 && !identifiers(rest.substring(dash + 1), true)) {
            return false;
        }
        String[] parts = core.split("\\.", -1);
        if (parts.length != 3) {
            return false;
        }
        for (String part : parts) {
            if (!isNumber(part)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code v} is a 🔗 {@code canonversion}: {@code 1}, {@code 0.2}, {@code 0.0.3} or {@code 0.0.0}. */
    static boolean isCanonVersion(String v) {
        if (v.equals("0.0.0")) {
            return true;
        }
        String last = v.startsWith("0.0.") ? v.substring(4) : v.startsWith("0.") ? v.substring(2) : v;
        return isNumber(last) && !last.equals("0");
    }

    /** Whether {@code s} is a semver suffix, {@code [0-9A-Za-z.+-]*}. */
    static boolean isSemverSuffix(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(isAlnum(c) || c == '.' || c == '+' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean identifiers(String s, boolean noLeadingZeros) {
        for (String id : s.split("\\.", -1)) {
            if (id.isEmpty()) {
                return false;
            }
            boolean numeric = true;
            for (int i = 0; i < id.length(); i++) {
                char c = id.charAt(i);
                if (!(isAlnum(c) || c == '-')) {
                    return false;
                }
                numeric &= c >= '0' && c <= '9';
            }
            if (noLeadingZeros && numeric && id.length() > 1 && id.charAt(0) == '0') {
                return false;
            }
        }
        return true;
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty() || (s.length() > 1 && s.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlnum(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
