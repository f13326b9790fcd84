/**
 * Runtime additions to typed state ({@link io.fssdk.api.state}) that need a dependency the API may not
 * have: {@link io.fssdk.runtime.state.JacksonCodec}, for POJOs and records.
 */
package io.fssdk.runtime.state;
