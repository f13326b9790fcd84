// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
//
// One loaded workload: a compiled component, a live instance, and the inputs it cycles through.
// Two kinds: `processor` (Function Stream's world, driven through fs-process) and `greeter` (a
// StarlingMonkey component exporting `greet: func(name: string) -> string`, which some machines
// have instead of a StarlingMonkey processor).
use crate::host::{HostState, Processor};
use std::time::{Duration, Instant};
use wasmtime::component::types::ComponentItem;
use wasmtime::component::{Component, Linker, ResourceType, TypedFunc};
use wasmtime::{Engine, Store};

/// The interfaces the base linker implements: WASI p2 (`wasmtime_wasi::p2::add_to_linker_sync`) and the
/// processor world. Every other import of a component is stubbed by [`stub_unknown_imports`].
const IMPLEMENTED: [&str; 7] = [
    "wasi:cli/", "wasi:io/", "wasi:clocks/", "wasi:filesystem/", "wasi:random/", "wasi:sockets/",
    "functionstream:core/",
];

/// The host type wasmtime-wasi gives `resource` when it is one of wasi:io's (an unknown interface such as
/// wasi:http/types re-exports `input-stream`, `output-stream`, `pollable` and `error` from wasi:io, and the
/// linker checks that they are the very types WASI defines), or None for a resource of the interface's own.
fn wasi_io_resource(engine: &Engine, ty: &wasmtime::component::types::Component, resource: &ResourceType)
                    -> Option<ResourceType> {
    for (name, item) in ty.imports(engine) {
        let ComponentItem::ComponentInstance(instance) = item else { continue };
        for (export, export_ty) in instance.exports(engine) {
            let ComponentItem::Resource(r) = export_ty else { continue };
            if r != *resource {
                continue;
            }
            let interface = name.split('@').next().unwrap_or(name);
            return match (interface, export) {
                ("wasi:io/streams", "input-stream") => Some(ResourceType::host::<wasmtime_wasi::p2::DynInputStream>()),
                ("wasi:io/streams", "output-stream") => Some(ResourceType::host::<wasmtime_wasi::p2::DynOutputStream>()),
                ("wasi:io/poll", "pollable") => Some(ResourceType::host::<wasmtime_wasi::p2::DynPollable>()),
                ("wasi:io/error", "error") => Some(ResourceType::host::<wasmtime_wasi::p2::IoError>()),
                _ => continue,
            };
        }
    }
    None
}

/// Defines each interface `component` imports that the base linker does not implement (the wasi:http
/// types in componentize-js output) with functions that trap when called and host resources, as
/// fssdk-java's opt-in stubs do. wasmtime 41's `define_unknown_imports_as_traps` cannot be used on a
/// linker that already holds some of the imported instances: it redefines every imported instance, which
/// fails with "defined twice" for the processor interfaces.
fn stub_unknown_imports(engine: &Engine, linker: &mut Linker<HostState>, component: &Component) -> wasmtime::Result<()> {
    let ty = component.component_type();
    for (name, item) in ty.imports(engine) {
        if IMPLEMENTED.iter().any(|prefix| name.starts_with(prefix)) {
            continue;
        }
        let ComponentItem::ComponentInstance(instance) = item else {
            return Err(wasmtime::Error::msg(format!("cannot stub the non-instance import `{name}`")));
        };
        let mut stubs = linker.instance(name)?;
        for (export, export_ty) in instance.exports(engine) {
            match export_ty {
                ComponentItem::ComponentFunc(_) => {
                    let what = format!("{name}#{export}");
                    stubs.func_new(export, move |_, _, _, _| {
                        Err(wasmtime::Error::msg(format!("`{what}` is not implemented by this host")))
                    })?;
                }
                ComponentItem::Resource(r) => {
                    let host = wasi_io_resource(engine, &ty, &r).unwrap_or_else(ResourceType::host::<()>);
                    stubs.resource(export, host, |_, _| Ok(()))?
                }
                _ => {}
            }
        }
    }
    Ok(())
}

enum Live {
    Processor(Processor),
    Greeter(TypedFunc<(&'static str,), (String,)>),
}

/// A compiled component with one instance.
pub struct Workload {
    component: Component,
    greeter: bool,
    inputs: Vec<Vec<u8>>,
    /// The same inputs as strings, for greeters (leaked once per load; loads are few).
    names: Vec<&'static str>,
    next: usize,
    store: Store<HostState>,
    live: Live,
    /// Timings of the load, in milliseconds: compile, instantiate + fs-init, first record.
    pub compile_ms: f64,
    pub init_ms: f64,
    pub first_ms: f64,
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn instantiate(engine: &Engine, linker: &Linker<HostState>, component: &Component, greeter: bool)
               -> wasmtime::Result<(Store<HostState>, Live)> {
    let mut store = Store::new(engine, HostState::new());
    if greeter {
        let instance = linker.instantiate(&mut store, component)?;
        let f = instance.get_typed_func::<(&'static str,), (String,)>(&mut store, "greet")?;
        Ok((store, Live::Greeter(f)))
    } else {
        let p = Processor::instantiate(&mut store, component, linker)?;
        p.call_fs_init(&mut store, &[])?;
        Ok((store, Live::Processor(p)))
    }
}

impl Workload {
    /// Compiles `path`, instantiates it, runs fs-init and one first record, timing each step.
    pub fn load(engine: &Engine, base: &Linker<HostState>, kind: &str, path: &str, inputs: Vec<Vec<u8>>)
                -> wasmtime::Result<Workload> {
        let greeter = match kind {
            "processor" => false,
            "greeter" => true,
            other => return Err(wasmtime::Error::msg(format!("unknown kind {other}"))),
        };
        if inputs.is_empty() {
            return Err(wasmtime::Error::msg("no inputs"));
        }
        let t0 = Instant::now();
        let component = Component::from_file(engine, path)?;
        let compile_ms = ms(t0.elapsed());
        let mut linker = base.clone();
        stub_unknown_imports(engine, &mut linker, &component)?;
        let t1 = Instant::now();
        let (store, live) = instantiate(engine, &linker, &component, greeter)?;
        let init_ms = ms(t1.elapsed());
        let names = inputs
            .iter()
            .map(|i| &*Box::leak(String::from_utf8_lossy(i).into_owned().into_boxed_str()))
            .collect();
        let mut w = Workload { component, greeter, inputs, names, next: 0, store, live, compile_ms, init_ms, first_ms: 0.0 };
        let t2 = Instant::now();
        w.one()?;
        w.first_ms = ms(t2.elapsed());
        Ok(w)
    }

    /// Processes the next input.
    #[inline]
    fn one(&mut self) -> wasmtime::Result<()> {
        let i = self.next;
        self.next = if i + 1 == self.inputs.len() { 0 } else { i + 1 };
        match &self.live {
            Live::Processor(p) => p.call_fs_process(&mut self.store, 0, &self.inputs[i]),
            Live::Greeter(f) => {
                let (out,) = f.call(&mut self.store, (self.names[i],))?;
                f.post_return(&mut self.store)?;
                let data = self.store.data_mut();
                data.emitted_bytes += out.len() as u64;
                data.last = out.into_bytes();
                Ok(())
            }
        }
    }

    /// Runs records for `millis`; returns (records per second, records). The clock is read after
    /// batches that start at one record and double up to 64 while a batch takes under 100 µs, as in
    /// the other hosts, so a slow guest overruns its window by one record, not 64.
    pub fn run(&mut self, millis: u64) -> wasmtime::Result<(f64, u64)> {
        let start = Instant::now();
        let budget = Duration::from_millis(millis);
        let mut count = 0u64;
        let mut batch = 1u64;
        let mut before = start;
        loop {
            for _ in 0..batch {
                self.one()?;
            }
            count += batch;
            let now = Instant::now();
            if now - start >= budget {
                return Ok((count as f64 / (now - start).as_secs_f64(), count));
            }
            if batch < 64 && now - before < Duration::from_micros(100) {
                batch *= 2;
            }
            before = now;
        }
    }

    /// On a fresh instance with empty stores, processes `n` records from the first input on and
    /// returns the last record emitted: the output check that every host must agree on.
    pub fn check(&mut self, engine: &Engine, base: &Linker<HostState>, n: usize) -> wasmtime::Result<Vec<u8>> {
        let mut linker = base.clone();
        stub_unknown_imports(engine, &mut linker, &self.component)?;
        let (store, live) = instantiate(engine, &linker, &self.component, self.greeter)?;
        self.store = store;
        self.live = live;
        self.next = 0;
        for _ in 0..n {
            self.one()?;
        }
        Ok(std::mem::take(&mut self.store.data_mut().last))
    }
}
