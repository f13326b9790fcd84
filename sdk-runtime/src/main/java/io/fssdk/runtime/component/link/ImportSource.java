package io.fssdk.runtime.component.link;

import io.fssdk.runtime.component.binary.Import;

/** Supplies the item for each import of a component being instantiated. */
interface ImportSource {
    /**
     * The item satisfying {@code imp}, whose type is resolved against {@code scope}.
     *
     * @throws io.fssdk.runtime.component.LinkException when it cannot be satisfied
     */
    Item resolve(Import imp, Scope scope);
}
