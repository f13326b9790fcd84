// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
//
// The `processor` world's imports, as Function Stream's host binds them: `bindgen!` over the same
// WIT file fssdk-java uses, and WASI p2 through `wasmtime_wasi::p2::add_to_linker_sync` for guests
// (QuickJS, StarlingMonkey) that import it. The collector counts the emitted bytes and keeps the last
// record (moving the Vec the bindings already allocated, so keeping it costs nothing); the kv store
// is kv::KvData per store name.
use crate::kv::{self, KvData};
use std::collections::HashMap;
use wasmtime::component::{Resource, ResourceTable};
use wasmtime_wasi::{WasiCtx, WasiCtxView, WasiView};

wasmtime::component::bindgen!({
    path: "../../../wit/processor.wit",
    world: "processor",
    with: {
        "functionstream:core/kv.store": StoreHandle,
        "functionstream:core/kv.iterator": IteratorHandle,
    },
    // Resource lookups in the table can fail; such a failure is a trap, as in Function Stream.
    imports: { default: trappable },
});

use functionstream::core::kv::{ComplexKey, Error};

/// A guest's handle on a named store: the index of its data in `HostState::stores`.
pub struct StoreHandle {
    index: usize,
}

/// A guest's iterator: the snapshot taken by scan-complex, walked front to back.
pub struct IteratorHandle {
    entries: std::vec::IntoIter<(Vec<u8>, Vec<u8>)>,
}

/// Everything one wasmtime `Store` carries.
pub struct HostState {
    wasi: WasiCtx,
    table: ResourceTable,
    stores: Vec<KvData>,
    names: HashMap<String, usize>,
    /// Total bytes emitted, so the work cannot be optimised away and can be checked.
    pub emitted_bytes: u64,
    /// The last record emitted on any target.
    pub last: Vec<u8>,
}

impl HostState {
    /// A fresh host: empty stores, WASI granting nothing but inherited stdout/stderr (for guest logs).
    pub fn new() -> Self {
        HostState {
            wasi: WasiCtx::builder().inherit_stderr().build(),
            table: ResourceTable::new(),
            stores: Vec::new(),
            names: HashMap::new(),
            emitted_bytes: 0,
            last: Vec::new(),
        }
    }

    fn data(&mut self, h: &Resource<StoreHandle>) -> wasmtime::Result<&mut KvData> {
        let index = self.table.get(h)?.index;
        Ok(&mut self.stores[index])
    }
}

impl WasiView for HostState {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView { ctx: &mut self.wasi, table: &mut self.table }
    }
}

impl functionstream::core::collector::Host for HostState {
    fn emit(&mut self, _target_id: u32, data: Vec<u8>) -> wasmtime::Result<()> {
        self.emitted_bytes += data.len() as u64;
        self.last = data;
        Ok(())
    }

    fn emit_watermark(&mut self, _target_id: u32, _watermark: u64) -> wasmtime::Result<()> {
        Ok(())
    }
}

fn prefix_of(k: &ComplexKey) -> Vec<u8> {
    kv::prefix(&k.key_group, &k.key, &k.namespace)
}

fn full_key(k: &ComplexKey) -> Vec<u8> {
    let mut p = prefix_of(k);
    p.extend_from_slice(&k.user_key);
    p
}

impl functionstream::core::kv::Host for HostState {}

impl functionstream::core::kv::HostStore for HostState {
    fn new(&mut self, name: String) -> wasmtime::Result<Resource<StoreHandle>> {
        // Names are trimmed; a blank name traps, since the WIT constructor has no error case.
        let name = name.trim().to_string();
        if name.is_empty() {
            return Err(wasmtime::Error::msg("store name must not be blank"));
        }
        let next = self.stores.len();
        let index = *self.names.entry(name).or_insert(next);
        if index == next {
            self.stores.push(KvData::default());
        }
        Ok(self.table.push(StoreHandle { index })?)
    }

    fn put_state(&mut self, s: Resource<StoreHandle>, key: Vec<u8>, value: Vec<u8>) -> wasmtime::Result<Result<(), Error>> {
        self.data(&s)?.bytes.insert(key, value);
        Ok(Ok(()))
    }

    fn get_state(&mut self, s: Resource<StoreHandle>, key: Vec<u8>) -> wasmtime::Result<Result<Option<Vec<u8>>, Error>> {
        Ok(Ok(self.data(&s)?.bytes.get(&key).cloned()))
    }

    fn delete_state(&mut self, s: Resource<StoreHandle>, key: Vec<u8>) -> wasmtime::Result<Result<(), Error>> {
        self.data(&s)?.bytes.remove(&key);
        Ok(Ok(()))
    }

    fn list_states(&mut self, s: Resource<StoreHandle>, start: Vec<u8>, end: Vec<u8>) -> wasmtime::Result<Result<Vec<Vec<u8>>, Error>> {
        Ok(Ok(self.data(&s)?.list_states(&start, &end)))
    }

    fn put(&mut self, s: Resource<StoreHandle>, key: ComplexKey, value: Vec<u8>) -> wasmtime::Result<Result<(), Error>> {
        self.data(&s)?.complex.insert(full_key(&key), value);
        Ok(Ok(()))
    }

    fn get(&mut self, s: Resource<StoreHandle>, key: ComplexKey) -> wasmtime::Result<Result<Option<Vec<u8>>, Error>> {
        Ok(Ok(self.data(&s)?.complex.get(&full_key(&key)).cloned()))
    }

    fn delete(&mut self, s: Resource<StoreHandle>, key: ComplexKey) -> wasmtime::Result<Result<(), Error>> {
        self.data(&s)?.complex.remove(&full_key(&key));
        Ok(Ok(()))
    }

    fn merge(&mut self, s: Resource<StoreHandle>, key: ComplexKey, value: Vec<u8>) -> wasmtime::Result<Result<(), Error>> {
        // Merge appends to the existing value; absent counts as empty.
        self.data(&s)?.complex.entry(full_key(&key)).or_default().extend_from_slice(&value);
        Ok(Ok(()))
    }

    fn delete_prefix(&mut self, s: Resource<StoreHandle>, key: ComplexKey) -> wasmtime::Result<Result<(), Error>> {
        self.data(&s)?.delete_prefix(&full_key(&key));
        Ok(Ok(()))
    }

    fn list_complex(&mut self, s: Resource<StoreHandle>, key_group: Vec<u8>, key: Vec<u8>, namespace: Vec<u8>,
                    start: Vec<u8>, end: Vec<u8>) -> wasmtime::Result<Result<Vec<Vec<u8>>, Error>> {
        let p = kv::prefix(&key_group, &key, &namespace);
        Ok(Ok(self.data(&s)?.list_complex(&p, &start, &end)))
    }

    fn scan_complex(&mut self, s: Resource<StoreHandle>, key_group: Vec<u8>, key: Vec<u8>, namespace: Vec<u8>)
                    -> wasmtime::Result<Result<Resource<IteratorHandle>, Error>> {
        let p = kv::prefix(&key_group, &key, &namespace);
        let entries = self.data(&s)?.scan(&p).into_iter();
        Ok(Ok(self.table.push(IteratorHandle { entries })?))
    }

    fn drop(&mut self, s: Resource<StoreHandle>) -> wasmtime::Result<()> {
        // Dropping a handle leaves the store's data in place: the same name gives the same store.
        self.table.delete(s)?;
        Ok(())
    }
}

impl functionstream::core::kv::HostIterator for HostState {
    fn has_next(&mut self, it: Resource<IteratorHandle>) -> wasmtime::Result<Result<bool, Error>> {
        Ok(Ok(self.table.get(&it)?.entries.len() > 0))
    }

    fn next(&mut self, it: Resource<IteratorHandle>) -> wasmtime::Result<Result<Option<(Vec<u8>, Vec<u8>)>, Error>> {
        Ok(Ok(self.table.get_mut(&it)?.entries.next()))
    }

    fn drop(&mut self, it: Resource<IteratorHandle>) -> wasmtime::Result<()> {
        self.table.delete(it)?;
        Ok(())
    }
}
