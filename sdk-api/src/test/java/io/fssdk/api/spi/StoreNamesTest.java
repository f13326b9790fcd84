package io.fssdk.api.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Store identities (issue 13): an operator chooses its store names, so a name must never be able to spell
 * another namespace's identity. Checked by decoding (the mapping has an inverse, so it is injective), by a
 * random search over names built from the characters the encoding treats specially, and on the bytes a
 * UTF-8 backend such as RocksDB stores.
 */
class StoreNamesTest {
    // The separator, the escape, a slash-looking escape, the identity mark, NUL and control characters,
    // unpaired and paired surrogates, Unicode white space and letters.
    private static final String[] ALPHABET = {"/", "%", "%2F", "@", "\0", "\n", "\u007F", "\uD800", "\uDC00",
        "\uD83D\uDE00", "\u00E9", "\u2003", "a", "b"};

    @Test
    void identitiesAreReadable() {
        assertEquals("@counter/counter-store", StoreNames.namespaced("counter", "counter-store"));
        assertEquals("@/totals", StoreNames.shared("totals"));
        assertEquals("@counter/a/b", StoreNames.namespaced(" counter ", "\ta/b "),
                "stripped; slashes kept in the name");
        assertEquals("@a%2Fb/c", StoreNames.namespaced("a/b", "c"), "a slash in a namespace is escaped");
        assertEquals("@op/50%25 %00 %0A %uD800 \uD83D\uDE00 é",
                StoreNames.namespaced("op", "50% \0 \n \uD800 \uD83D\uDE00 é"));
    }

    @Test
    void aStoreNameCannotReachIntoAnotherNamespace() {
        // The outsider's attack, by name: operator "evil" asks for names that spell "victim"'s identities.
        String victim = StoreNames.namespaced("victim", "counter-store");
        for (String name : List.of("../victim/counter-store", "@victim/counter-store", "/victim/counter-store",
                "victim/counter-store", "%2Fvictim/counter-store", "\0victim/counter-store")) {
            String evil = StoreNames.namespaced("evil", name);
            assertNotEquals(victim, evil, name);
            assertEquals("evil", StoreNames.decode(evil)[0], name);
            assertEquals(name.strip(), StoreNames.decode(evil)[1], name);
        }
        // Namespaces that look like a prefix of another plus a store name do not collide either.
        assertNotEquals(StoreNames.namespaced("a/b", "c"), StoreNames.namespaced("a", "b/c"));
        assertNotEquals(StoreNames.namespaced("a", "b"), StoreNames.shared("a/b"));
    }

    @Test
    void randomNamesDecodeToWhatTheyWereMadeFromAndNeverCollide() {
        Random random = new Random(13);
        Map<String, List<String>> seenText = new HashMap<>();
        Map<String, List<String>> seenBytes = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            String namespace = random.nextInt(10) == 0 ? "" : "n" + word(random);
            String name = "s" + word(random);
            String identity = namespace.isEmpty() ? StoreNames.shared(name) : StoreNames.namespaced(namespace, name);
            String[] decoded = StoreNames.decode(identity);
            assertEquals(namespace.strip(), decoded[0], identity);
            assertEquals(name.strip(), decoded[1], identity);
            assertTrue(StoreNames.isIdentity(identity));
            List<String> pair = List.of(namespace.strip(), name.strip());
            List<String> before = seenText.putIfAbsent(identity, pair);
            assertTrue(before == null || before.equals(pair), () -> identity + " from " + before + " and " + pair);
            // No NUL, no control character and no unpaired surrogate is left, so UTF-8 keeps them apart too.
            byte[] utf8 = identity.getBytes(StandardCharsets.UTF_8);
            assertEquals(identity, new String(utf8, StandardCharsets.UTF_8), "valid Unicode");
            for (byte b : utf8) {
                assertTrue(b < 0 || b >= 0x20 && b != 0x7F, identity);
            }
            String bytesKey = new String(utf8, StandardCharsets.ISO_8859_1);
            List<String> beforeBytes = seenBytes.putIfAbsent(bytesKey, pair);
            assertTrue(beforeBytes == null || beforeBytes.equals(pair), identity);
        }
    }

    @Test
    void blankNamesAndNamespacesAreRefusedWithTypedErrors() {
        assertEquals(ErrorCode.STORE_INVALID_NAME,
                assertThrows(SdkException.class, () -> StoreNames.namespaced("op", " ")).code());
        assertEquals(ErrorCode.STORE_INVALID_NAME, assertThrows(SdkException.class, () -> StoreNames.shared(null)).code());
        SdkException e = assertThrows(SdkException.class, () -> StoreNames.namespaced("\u2003", "s"));
        assertEquals(ErrorCode.CONFIG_INVALID, e.code());
        assertTrue(e.getMessage().contains("store namespace"), e.getMessage());
    }

    @Test
    void bareNamesAreNotIdentities() {
        assertFalse(StoreNames.isIdentity("counter-store"));
        assertFalse(StoreNames.isIdentity("a@b"));
        assertTrue(StoreNames.isIdentity("@x/y"));
        assertArrayEquals(new String[] {"", "x"}, StoreNames.decode("@/x"));
    }

    private static String word(Random random) {
        StringBuilder out = new StringBuilder();
        for (int n = random.nextInt(5); n > 0; n--) {
            out.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return out.toString();
    }
}
