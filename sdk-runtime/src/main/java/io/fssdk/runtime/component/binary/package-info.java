/**
 * Internal: the decoding pass of the component engine, a binary parser for the synchronous MVP of
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md">Binary.md</a>
 * and the immutable model it produces. Not exported from the module.
 *
 * <h2>Entry point</h2>
 * {@link io.fssdk.runtime.component.binary.ComponentParser#parse(byte[])} returns a
 * {@link io.fssdk.runtime.component.binary.ParsedComponent}: every definition in binary order (the
 * sections flattened, as the spec does), each with its absolute byte offset. Index spaces are built
 * incrementally in that order by the validation and instantiation code, not here: the model keeps every
 * reference as an index ({@code typeIndex}, {@link io.fssdk.runtime.component.binary.ValType.TypeRef},
 * {@link io.fssdk.runtime.component.binary.SortIndex}) and never resolves one.
 *
 * <h2>Model</h2>
 * <ul>
 *   <li>{@link io.fssdk.runtime.component.binary.Definition} (sealed): {@code CustomSection},
 *       {@code CoreModule} (raw bytes as a {@link io.fssdk.runtime.component.binary.ByteSlice}, for
 *       Chicory), {@code CoreInstance} ({@code Instantiate} | {@code FromExports}),
 *       {@code CoreTypeDefinition}, {@code NestedComponent} (a full {@code ParsedComponent}),
 *       {@code Instance} ({@code Instantiate} | {@code FromExports}), {@code Alias} ({@code InstanceExport}
 *       | {@code CoreInstanceExport} | {@code Outer}), {@code TypeDefinition}, {@code Canon} ({@code Lift} |
 *       {@code Lower} | {@code ResourceNew} | {@code ResourceDrop} | {@code ResourceRep}), {@code Import},
 *       {@code Export}. {@code Alias.sort()}, {@code Canon.sort()} and {@code ExternType.sort()} name the
 *       index space a definition appends to.
 *   <li>Types: {@link io.fssdk.runtime.component.binary.DefType} = {@code DefValType} (the
 *       {@code PrimValType} enum, {@code RecordType}, {@code VariantType}, {@code ListType},
 *       {@code TupleType}, {@code FlagsType}, {@code EnumType}, {@code OptionType}, {@code ResultType},
 *       {@code OwnType}, {@code BorrowType}) | {@code FuncType} | {@code ComponentType} |
 *       {@code InstanceType} | {@code ResourceType}. Component and instance types hold declarators:
 *       {@code ComponentDecl} = {@code Import} | {@code InstanceDecl} = {@code CoreTypeDefinition} |
 *       {@code TypeDefinition} | {@code Alias} | {@code ExportDecl}.
 *   <li>Core types: {@code CoreType} = {@code CoreFuncType} | {@code CoreModuleType} with
 *       {@code ModuleDecl}s and {@code CoreExternType}s.
 *   <li>Names: {@link io.fssdk.runtime.component.binary.ExternName} ({@code Plain} | {@code Constructor} |
 *       {@code Method} | {@code Static} | {@code Interface}) plus
 *       {@link io.fssdk.runtime.component.binary.NameAttributes} for the 🏷️/🔗 attributes.
 * </ul>
 *
 * <h2>What decoding checks, and what it leaves to validation</h2>
 * Decoding enforces the binary grammar, including the side conditions Binary.md writes into its
 * productions (non-empty records, 1 to 32 flags, kebab-case labels, well-formed extern names, the
 * {@code outeraliassort}s), the caps in {@link io.fssdk.runtime.component.binary.Limits}, and, because
 * options and attributes are folded into single values, no duplicate canonical option or name attribute.
 * Index ranges, type matching, name uniqueness and resource rules are validation's job. Everything
 * outside the synchronous MVP is rejected with
 * {@link io.fssdk.runtime.component.UnsupportedFeatureException}, naming the feature.
 */
package io.fssdk.runtime.component.binary;
