/**
 * Internal: rewriting of core module binaries before Chicory parses them. Not exported from the module.
 *
 * <p>The one entry point is {@link io.fssdk.runtime.component.core.TypeUnifier#unify(java.util.List)},
 * which gives the core modules of a component one shared type section so that Chicory's nominal
 * {@code call_indirect} check accepts calls across modules through a shared table.
 *
 * <p>It works in two passes over each module. {@code CoreTypeSection} walks the section headers and reads
 * the type section into canonical encodings, from which {@code CoreTypeUnion} builds the union and each
 * module's renumbering. {@code CoreSections} then walks the sections again and, through
 * {@code CoreExpressions}, {@code CorePrefixedOps} and {@code CoreElements}, decodes every place a type
 * index can occur. {@code CoreCursor} copies unchanged bytes lazily, in long runs, and rewrites a size
 * field only when its section or function body changed, so a module costs one decode and about one copy.
 */
package io.fssdk.runtime.component.core;
