// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
//
// The wasmtime peer host of fssdk-java's benchmarks: Function Stream's engine (wasmtime 41.0.3,
// `bindgen!` over the processor world, WASI p2 sync) running the same components as our engine.
//
// It serves the line protocol every peer host speaks, so that benchmarks/peer/run.sh can rotate one
// short window at a time across all hosts (the interleaved mode; see BENCHMARKS.md). Commands on
// stdin, one reply line each on stdout:
//   LOAD <id> <processor|greeter> <component.wasm> <input>
//        -> LOADED <id> <compile ms> <instantiate+init ms> <first record ms>
//        <input> is words:<file> (its non-blank lines, cycled), payload64 (64 bytes 'x') or text:<s>
//   RUN <id> <millis>   -> RATE <id> <records/s> <records>
//   CHECK <id> <n>      -> LAST <id> <last record emitted by a fresh instance after n records>
//   UNLOAD <id>         -> UNLOADED <id>
//   QUIT
// Any failure answers `ERROR <id> <message>` and the host keeps serving.
//
// Try it: printf 'LOAD c processor ../../../examples/guests/c/counter.wasm text:hello\nRUN c 1000\n' \
//           | target/release/fssdk-wasmtime-peer
mod host;
mod kv;
mod workload;

use host::{HostState, Processor};
use std::collections::HashMap;
use std::io::{BufRead, Write};
use wasmtime::component::{HasSelf, Linker};
use wasmtime::{Config, Engine};
use workload::Workload;

fn inputs(spec: &str) -> wasmtime::Result<Vec<Vec<u8>>> {
    if let Some(file) = spec.strip_prefix("words:") {
        let text = std::fs::read_to_string(file)?;
        Ok(text.lines().filter(|l| !l.trim().is_empty()).map(|l| l.as_bytes().to_vec()).collect())
    } else if spec == "payload64" {
        Ok(vec![vec![b'x'; 64]])
    } else if let Some(t) = spec.strip_prefix("text:") {
        Ok(vec![t.as_bytes().to_vec()])
    } else {
        Err(wasmtime::Error::msg(format!("unknown input {spec}")))
    }
}

fn main() -> wasmtime::Result<()> {
    // wasmtime's defaults (Cranelift, optimised for speed), as Function Stream's host uses them.
    let engine = Engine::new(&Config::new())?;
    let mut linker: Linker<HostState> = Linker::new(&engine);
    wasmtime_wasi::p2::add_to_linker_sync(&mut linker)?;
    Processor::add_to_linker::<_, HasSelf<_>>(&mut linker, |s| s)?;

    let mut loaded: HashMap<String, Workload> = HashMap::new();
    let stdin = std::io::stdin();
    let mut out = std::io::stdout().lock();
    writeln!(out, "READY wasmtime-41.0.3")?;
    out.flush()?;
    for line in stdin.lock().lines() {
        let line = line?;
        let parts: Vec<&str> = line.splitn(5, ' ').collect();
        let id = parts.get(1).copied().unwrap_or("-").to_string();
        let reply: wasmtime::Result<String> = (|| match parts.as_slice() {
            ["LOAD", id, kind, path, input] => {
                let w = Workload::load(&engine, &linker, kind, path, inputs(input)?)?;
                let r = format!("LOADED {id} {:.1} {:.1} {:.1}", w.compile_ms, w.init_ms, w.first_ms);
                loaded.insert(id.to_string(), w);
                Ok(r)
            }
            ["RUN", id, millis] => {
                let w = loaded.get_mut(*id).ok_or_else(|| wasmtime::Error::msg("not loaded"))?;
                let (rate, n) = w.run(millis.parse()?)?;
                Ok(format!("RATE {id} {rate:.1} {n}"))
            }
            ["CHECK", id, n] => {
                let w = loaded.get_mut(*id).ok_or_else(|| wasmtime::Error::msg("not loaded"))?;
                let last = w.check(&engine, &linker, n.parse()?)?;
                Ok(format!("LAST {id} {}", String::from_utf8_lossy(&last)))
            }
            ["UNLOAD", id] => {
                loaded.remove(*id);
                Ok(format!("UNLOADED {id}"))
            }
            ["QUIT"] => Ok(String::new()),
            _ => Err(wasmtime::Error::msg(format!("bad command: {line}"))),
        })();
        match reply {
            Ok(r) if r.is_empty() => break,
            Ok(r) => writeln!(out, "{r}")?,
            // One line: the error chain joined, so the coordinator can show it in the table.
            Err(e) => writeln!(out, "ERROR {id} {}", format!("{e:#}").replace('\n', " "))?,
        }
        out.flush()?;
    }
    Ok(())
}
