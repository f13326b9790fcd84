package io.fssdk.runtime.component.binary;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.runtime.component.MalformedException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Cuts the sample component at every length. Only a cut at a section boundary leaves a well-formed
 * (shorter) component; every other cut must fail with a {@link MalformedException}, nothing else.
 */
class TruncationTest {

    @Test
    void everyTruncationIsMalformedUnlessAtASectionBoundary() {
        Set<Integer> boundaries = new HashSet<>();
        int end = Bin.PREAMBLE.length;
        boundaries.add(end);
        for (Bin section : SampleComponent.sections()) {
            end += section.bytes().length;
            boundaries.add(end);
        }
        byte[] full = SampleComponent.bytes();
        for (int length = 0; length < full.length; length++) {
            byte[] cut = Arrays.copyOf(full, length);
            if (boundaries.contains(length)) {
                ComponentParser.parse(cut);
            } else {
                MalformedException e = assertThrows(MalformedException.class, () -> ComponentParser.parse(cut),
                        "truncated to " + length + " bytes");
                assertTrue(e.offset() <= length, "offset " + e.offset() + " past the cut at " + length);
            }
        }
    }
}
