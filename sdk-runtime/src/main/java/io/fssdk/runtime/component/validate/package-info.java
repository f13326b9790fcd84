/**
 * Internal: the validation pass of the component engine, run between decoding
 * ({@link io.fssdk.runtime.component.binary}) and instantiation ({@link io.fssdk.runtime.component.link}).
 * Not exported from the module. The entry point is
 * {@link io.fssdk.runtime.component.validate.ComponentValidator#validate}; the rest of the package models
 * what validation knows statically about each index space's entries and checks one kind of definition per
 * class.
 */
package io.fssdk.runtime.component.validate;
