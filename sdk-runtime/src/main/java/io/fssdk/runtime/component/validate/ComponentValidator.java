package io.fssdk.runtime.component.validate;

import io.fssdk.runtime.component.InvalidException;
import io.fssdk.runtime.component.binary.ParsedComponent;
import java.util.Objects;

/**
 * The validation pass of the component engine: checks a decoded component statically, without
 * instantiating anything, against the validation rules of
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md">Binary.md</a> and
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#canonical-definitions">
 * CanonicalABI.md, Canonical Definitions</a> that keep the host safe. It runs in time linear in the size of
 * the component layer; of a core module it reads only the sections that make up its type (types, imports,
 * definitions' signatures, exports), never code or data.
 *
 * <h2>What is checked</h2>
 * <ul>
 *   <li>Index spaces of every sort, core and component level, built in definition order (aliases and exports
 *       append too); nested components, component types and instance types each with their own spaces, and
 *       outer aliases reaching only enclosing scopes: every index in range and of the right kind.
 *   <li>Instance export aliases name an existing export of the right sort (component-level instance types
 *       are always known; core instances when they are bags of exports or instantiate a module whose type is
 *       known: an imported module, or an embedded one, whose type {@link
 *       io.fssdk.runtime.component.binary.CoreModuleTypeReader} decodes).
 *   <li>Core instantiation ({@link CoreSubtype}): every import of the module supplied by the argument of its
 *       module name with an item of the right sort and type (function and global types equal, table and
 *       memory limits that fit); two-level import names unique per module.
 *   <li>Types: labels distinct ignoring case, handles only on resources, no {@code borrow} in function
 *       results, {@code elem_size} below 2<sup>28</sup>, nesting depth at most
 *       {@link io.fssdk.runtime.component.binary.Limits#MAX_TYPE_NESTING_DEPTH} and effective size at most
 *       {@link TypeChecker#MAX_TYPE_SIZE} (the engine recurses over types, so both bound its stack and time).
 *   <li>Canonical options against the function type (memory, realloc, post-return) and, where a core
 *       function's type is statically known, its signature against the flattened type.
 *   <li>Resources: defined only in components, rep {@code i32}, destructor {@code [i32] -> []};
 *       {@code resource.new}/{@code rep} only on this component's own resources; outer aliases of
 *       resource-mentioning types not across a component boundary.
 *   <li>Subtyping ({@link Subtype}): each instantiation argument against the import's type (value and func
 *       types structurally equal, instances with every expected export, resources by identity with the
 *       component's abstract resources bound in import order, core modules by their imports and exports), and
 *       each export's type ascription against the item's type. Resources are generative ({@link
 *       Substitution}): each instantiation, and each import of an instance type, makes new ones.
 *   <li>External visibility of types ({@link Visibility}): resources, records, variants, enums and flags in
 *       the types of imports and exports have a name introduced by an import (or, for exports, an export).
 *   <li>Names: imports and exports strongly unique per scope, {@code implements} only on instances with
 *       plain names, {@code [constructor]}/{@code [method]}/{@code [static]} on funcs of a preceding resource
 *       of that name with the required signature shape.
 * </ul>
 *
 * <h2>What is not checked here, and why</h2>
 * <ul>
 *   <li>Core module bodies: Chicory validates them when the component is compiled. A module whose type
 *       sections are malformed, or use WebAssembly 3.0 types (GC, typed references), is not decoded at all:
 *       its items are known by sort only, and the core pass or Chicory refuses it after validation.
 *   <li>The resources of a component supplied for a component type: matched structurally only. The engine
 *       checks what it relies on when it links.
 *   <li>External visibility, where it would need value types substituted through instantiation: a value
 *       type a nested component imports counts as named in its enclosing scopes; and an exported resource
 *       names the resource itself, not only the new index (see {@link Visibility}).
 *   <li>No {@code borrow} in exported value types (Binary.md, Type Definitions): wasm-tools does not enforce
 *       it either, so components in the wild may break it, and a borrow type that is only named harms
 *       nothing; what matters, no borrow in a function result, is checked.
 *   <li>The 🔗 {@code versionsuffix} attribute's semver rules: it only feeds diagnostics.
 * </ul>
 */
public final class ComponentValidator {
    private ComponentValidator() {
    }

    /**
     * Validates a decoded component and, recursively, its nested components.
     *
     * @param component the decoded component
     * @throws InvalidException naming the first rule broken and where, for example "definition 12 (offset
     *     345): canon lift: unknown core func 9: core func index out of bounds (7 defined)"; a nested component's definitions
     *     extend the path
     */
    public static void validate(ParsedComponent component) {
        Objects.requireNonNull(component, "component");
        try {
            ComponentChecker.check(component, null);
        } catch (Invalid e) {
            throw new InvalidException(e.getMessage());
        }
    }
}
