package io.fssdk.api.spi;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;

/**
 * The one place store names are normalised and turned into backend store identities.
 *
 * <p><b>Names.</b> An operator asks for a store by name; {@link #normalize} strips it, so a name reaches the
 * same store whichever of the runner's cache or a backend sees it first.
 *
 * <p><b>Identities.</b> The runner never opens an operator's store under the bare name: it opens
 * {@link #namespaced}{@code (namespace, name)}, so two operators with different namespaces can never reach
 * each other's stores, whatever names their code (or a hostile WebAssembly guest) chooses. Stores an
 * embedder shares between operators on purpose live under {@link #shared}{@code (name)}. The format is
 * readable in a backend's own tools (RocksDB column-family names, for one):
 * <pre>
 *   namespaced("counter", "counter-store")  =  "@counter/counter-store"
 *   shared("totals")                        =  "@/totals"
 * </pre>
 * that is {@code "@" + escape(namespace) + "/" + escape(name)}, where the shared namespace is the empty one
 * (a runner's namespace is never blank). {@code escape} writes {@code %} as {@code %25}, control characters
 * (U+0000 to U+001F and U+007F) as {@code %XX}, a surrogate without its pair as {@code %uXXXX}, and, in the
 * namespace only, {@code /} as {@code %2F}. So the namespace holds no {@code /}, the first {@code /} ends it,
 * and no store name, however it is spelt (slashes, {@code %2F}, NUL, unpaired surrogates), can reach into
 * another namespace: the mapping is injective, which {@code StoreNamesTest} checks by decoding. The escapes
 * also keep identities valid Unicode without NUL, so a backend that stores names as UTF-8 (RocksDB does)
 * keeps them apart too.
 *
 * <p><b>Reserved.</b> Names beginning with {@code @} are identities. Before namespaces, stores were kept under
 * their bare names (the "legacy" layout); {@link StateBackend#openMigrating} copies such a store into its
 * namespaced identity the first time that is opened. Code that opens stores on a backend directly should
 * not create bare names beginning with {@code @}.
 */
public final class StoreNames {
    /** The first character of every store identity. */
    public static final char IDENTITY_MARK = '@';
    /** Ends the (escaped) namespace of an identity. */
    public static final char SEPARATOR = '/';

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private StoreNames() {
    }

    /**
     * The name a store is kept under: the given name with leading and trailing white space removed
     * ({@link String#strip()}, which knows Unicode white space, unlike {@code trim()}).
     *
     * @throws SdkException {@code STORE_INVALID_NAME} for a null, empty or blank name
     */
    public static String normalize(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw new SdkException(ErrorCode.STORE_INVALID_NAME,
                    "store name must not be null, empty or blank, got " + (name == null ? "null" : "`" + name + "`"));
        }
        return stripped;
    }

    /**
     * The backend identity of store {@code name} of the operator namespace {@code namespace} (see the class
     * docs). Both are stripped first.
     *
     * @throws SdkException {@code STORE_INVALID_NAME} for a null or blank name; {@code CONFIG_INVALID} for a
     *     null or blank namespace
     */
    public static String namespaced(String namespace, String name) {
        return identity(namespace(namespace), normalize(name));
    }

    /**
     * The backend identity of store {@code name} in the shared namespace, which any runner that declares the
     * store shared reaches (see the class docs). The name is stripped first.
     *
     * @throws SdkException {@code STORE_INVALID_NAME} for a null or blank name
     */
    public static String shared(String name) {
        return identity("", normalize(name));
    }

    /**
     * A runner's store namespace, stripped.
     *
     * @throws SdkException {@code CONFIG_INVALID} for a null or blank namespace
     */
    public static String namespace(String namespace) {
        String stripped = namespace == null ? "" : namespace.strip();
        if (stripped.isEmpty()) {
            throw new SdkException(ErrorCode.CONFIG_INVALID, "store namespace must not be null, empty or blank, got "
                    + (namespace == null ? "null" : "`" + namespace + "`"));
        }
        return stripped;
    }

    /** Whether {@code name} is a store identity rather than a bare (legacy) store name. */
    public static boolean isIdentity(String name) {
        return !name.isEmpty() && name.charAt(0) == IDENTITY_MARK;
    }

    private static String identity(String namespace, String name) {
        StringBuilder out = new StringBuilder(namespace.length() + name.length() + 2);
        out.append(IDENTITY_MARK);
        escape(namespace, true, out);
        out.append(SEPARATOR);
        escape(name, false, out);
        return out.toString();
    }

    private static void escape(String s, boolean namespace, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' || c < 0x20 || c == 0x7F || (namespace && c == SEPARATOR)) {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append("%u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF])
                        .append(HEX[c & 0xF]);
            } else {
                out.append(c);
            }
        }
    }

    /**
     * The (namespace, name) an identity was made from, for tests: the inverse of {@link #namespaced} and
     * {@link #shared} (an empty namespace for a shared store).
     *
     * @throws IllegalArgumentException when {@code identity} is not one
     */
    static String[] decode(String identity) {
        if (!isIdentity(identity)) {
            throw new IllegalArgumentException("not a store identity: " + identity);
        }
        int slash = identity.indexOf(SEPARATOR);
        if (slash < 0) {
            throw new IllegalArgumentException("no separator in " + identity);
        }
        return new String[] {unescape(identity.substring(1, slash)), unescape(identity.substring(slash + 1))};
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '%') {
                out.append(c);
            } else if (s.charAt(i + 1) == 'u') {
                out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            }
        }
        return out.toString();
    }
}
