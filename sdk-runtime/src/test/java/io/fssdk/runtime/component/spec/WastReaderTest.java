package io.fssdk.runtime.component.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The wast reader and the component forms it feeds: always run, no spec suite needed. */
class WastReaderTest {
    @Test
    void readsListsAtomsStringsAndSkipsComments() {
        String text = ";; line comment\n(assert_return (; block (; nested ;) ;) (invoke \"f\") (u32.const 0x1_0))\n";
        List<SExpr> top = WastReader.read(text);
        assertEquals(1, top.size());
        SExpr.Seq s = (SExpr.Seq) top.get(0);
        assertEquals("assert_return", s.head());
        assertEquals(3, s.size());
        assertEquals("(invoke \"f\")", s.get(1).toString());
        assertEquals("0x1_0", ((SExpr.Seq) s.get(2)).get(1).toString());
        assertEquals(2, WastReader.lineOf(text, s.start()));
        assertEquals(text.lastIndexOf(')') + 1, s.end());
    }

    @Test
    void unescapesStringsToBytes() {
        SExpr.Str s = (SExpr.Str) WastReader.read("\"\\00asm\\t\\\"\\\\\\u{2603}\\ff\"").get(0);
        assertArrayEquals(new byte[] {0, 'a', 's', 'm', '\t', '"', '\\', (byte) 0xe2, (byte) 0x98, (byte) 0x83,
            (byte) 0xff}, s.bytes());
        assertEquals("☃", ((SExpr.Str) WastReader.read("\"☃\"").get(0)).text());
    }

    @Test
    void rejectsUnbalancedInput() {
        assertThrows(IllegalArgumentException.class, () -> WastReader.read("(component"));
        assertThrows(IllegalArgumentException.class, () -> WastReader.read("(a))"));
        assertThrows(IllegalArgumentException.class, () -> WastReader.read("\"open"));
        assertThrows(IllegalArgumentException.class, () -> WastReader.read("(; open"));
    }

    @Test
    void keepsComponentTextVerbatimWithoutTheDefinitionKeyword() {
        String text = "(component definition $C (core module $M) ;; note\n)";
        ComponentForm f = ComponentForm.of((SExpr.Seq) WastReader.read(text).get(0), text);
        assertEquals(Optional.of("$C"), f.id());
        assertEquals(true, f.definition());
        assertEquals("(component            $C (core module $M) ;; note\n)", f.text());
    }

    @Test
    void concatenatesBinaryAndQuoteForms() {
        String text = "(component $B binary \"\\00asm\" \"\\0d\\00\\01\\00\") (component quote \"(core module)\")";
        List<SExpr> top = WastReader.read(text);
        ComponentForm b = ComponentForm.of((SExpr.Seq) top.get(0), text);
        assertArrayEquals(new byte[] {0, 'a', 's', 'm', 0x0d, 0, 1, 0}, b.binary());
        assertEquals("(component (core module))", ComponentForm.of((SExpr.Seq) top.get(1), text).text());
        assertEquals(false, ComponentForm.isDefinition(WastReader.read("(component instance $i $C)").get(0)));
    }
}
