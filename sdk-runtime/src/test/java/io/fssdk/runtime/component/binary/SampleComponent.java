package io.fssdk.runtime.component.binary;

import java.util.ArrayList;
import java.util.List;

/**
 * A small hand-assembled component that uses every section the decoder supports and most entity
 * forms, in the shape {@code jco new} emits: an imported interface instance with a resource, a core
 * module, core instances, aliases, lowered and lifted functions, a nested component and exports.
 */
final class SampleComponent {
    private SampleComponent() {
    }

    /** The sections, in order; the component is the preamble followed by all of them. */
    static List<Bin> sections() {
        List<Bin> s = new ArrayList<>();
        s.add(Bin.section(0, Bin.of().name("producers").u8(1, 2, 3)));
        s.add(Bin.vecSection(7, Bin.of(0x42, 5)
                .u8(0x04).externName("store").u8(0x03, 0x01)
                .u8(0x01, 0x69, 0x00)
                .u8(0x01, 0x40, 1).name("name").u8(0x73, 0x00, 0x01)
                .u8(0x04).externName("[constructor]store").u8(0x01, 0x02)
                .u8(0x02, 0x03, 0x02, 0x01, 0x00)));
        s.add(Bin.vecSection(10, Bin.of().externName("test:kv/store@0.1.0").u8(0x05, 0x00)));
        s.add(Bin.vecSection(3, Bin.of(0x50, 2)
                .u8(0x01, 0x60, 1, 0x7f, 0)
                .u8(0x00).name("env").name("f").u8(0x00, 0x00)));
        s.add(Bin.section(1, Bin.of().raw(Bin.CORE_MODULE)));
        s.add(Bin.vecSection(6,
                Bin.of(0x03, 0x00, 0x00).name("store"),
                Bin.of(0x01, 0x00, 0x00).name("[constructor]store")));
        s.add(Bin.vecSection(8,
                Bin.of(0x03, 0x01),
                Bin.of(0x01, 0x00, 0x00, 2, 0x00, 0x03, 0x00)));
        s.add(Bin.vecSection(2,
                Bin.of(0x01, 1).name("f").u8(0x00, 0x01),
                Bin.of(0x00, 0x00, 1).name("env").u8(0x12, 0x00)));
        s.add(Bin.vecSection(6, Bin.of(0x00, 0x00, 0x01, 0x01).name("run")));
        s.add(Bin.vecSection(7,
                Bin.of(0x72, 2).name("a").u8(0x79).name("b").u8(0x7d),
                Bin.of(0x71, 2).name("x").u8(0x00, 0x00).name("y").u8(0x01, 0x73, 0x00),
                Bin.of(0x6a, 0x01, 0x79, 0x00),
                Bin.of(0x6e, 2).name("r").name("w"),
                Bin.of(0x40, 0, 0x00, 0x03)));
        s.add(Bin.vecSection(8, Bin.of(0x00, 0x00, 0x02, 3, 0x01, 0x03, 0x00, 0x05, 0x02, 0x07)));
        s.add(Bin.section(4, Bin.of().raw(Bin.PREAMBLE)
                .raw(Bin.vecSection(10, Bin.of().externName("run").u8(0x01, 0x00)))
                .raw(Bin.vecSection(11, Bin.of().externName("run").u8(0x01, 0x00, 0x00)))));
        s.add(Bin.vecSection(5, Bin.of(0x00, 0x00, 1).name("run").u8(0x01, 0x01)));
        s.add(Bin.vecSection(11,
                Bin.of().externName("run").u8(0x01, 0x01, 0x01, 0x01, 0x07),
                Bin.of(0x02).name("kv").u8(1, 0x02).name("id").u8(0x05, 0x00, 0x00)));
        return s;
    }

    /** The whole component. */
    static byte[] bytes() {
        return Bin.component(sections().toArray(new Bin[0]));
    }
}
