// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
//
// The kv store of the peer host: one pair of BTreeMaps per store name, in memory. Byte keys and
// complex keys live in separate maps, so the two key spaces never meet, as in fssdk-java's stores.
// Complex keys are stored under the same unambiguous, order-preserving encoding fssdk-java uses
// (io.fssdk.api.spi.KeyCodec): key-group, key and namespace each escaped (0x00 -> 0x00 0xFF) and
// terminated (0x00 0x01), then the raw user key. A scan of key "u1" therefore never sees "u10".
use std::collections::BTreeMap;
use std::ops::Bound;

/// One named store.
#[derive(Default)]
pub struct KvData {
    pub bytes: BTreeMap<Vec<u8>, Vec<u8>>,
    pub complex: BTreeMap<Vec<u8>, Vec<u8>>,
}

/// Appends one escaped, terminated key part.
fn push_part(out: &mut Vec<u8>, part: &[u8]) {
    for &b in part {
        out.push(b);
        if b == 0 {
            out.push(0xFF);
        }
    }
    out.extend_from_slice(&[0x00, 0x01]);
}

/// The storage prefix of (key-group, key, namespace).
pub fn prefix(key_group: &[u8], key: &[u8], namespace: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(key_group.len() + key.len() + namespace.len() + 6);
    push_part(&mut out, key_group);
    push_part(&mut out, key);
    push_part(&mut out, namespace);
    out
}

/// The smallest byte string greater than every string starting with `p`, or None if there is none.
fn prefix_end(p: &[u8]) -> Option<Vec<u8>> {
    let mut end = p.to_vec();
    while let Some(last) = end.pop() {
        if last != 0xFF {
            end.push(last + 1);
            return Some(end);
        }
    }
    None
}

fn upper(end: Option<Vec<u8>>) -> Bound<Vec<u8>> {
    end.map_or(Bound::Unbounded, Bound::Excluded)
}

impl KvData {
    /// Keys of `map` in [start, end) under `prefix`, with the prefix removed; an empty end is unbounded.
    fn list(map: &BTreeMap<Vec<u8>, Vec<u8>>, prefix: &[u8], start: &[u8], end: &[u8]) -> Vec<Vec<u8>> {
        let mut lo = prefix.to_vec();
        lo.extend_from_slice(start);
        let hi = if end.is_empty() {
            prefix_end(prefix)
        } else {
            let mut h = prefix.to_vec();
            h.extend_from_slice(end);
            Some(h)
        };
        map.range((Bound::Included(lo), upper(hi)))
            .filter(|(k, _)| k.starts_with(prefix))
            .map(|(k, _)| k[prefix.len()..].to_vec())
            .collect()
    }

    pub fn list_states(&self, start: &[u8], end: &[u8]) -> Vec<Vec<u8>> {
        Self::list(&self.bytes, &[], start, end)
    }

    pub fn list_complex(&self, prefix: &[u8], start: &[u8], end: &[u8]) -> Vec<Vec<u8>> {
        Self::list(&self.complex, prefix, start, end)
    }

    /// Every (user key, value) under `prefix`, in order: the snapshot an iterator walks.
    pub fn scan(&self, prefix: &[u8]) -> Vec<(Vec<u8>, Vec<u8>)> {
        self.complex
            .range((Bound::Included(prefix.to_vec()), upper(prefix_end(prefix))))
            .map(|(k, v)| (k[prefix.len()..].to_vec(), v.clone()))
            .collect()
    }

    /// Removes every complex entry whose storage key starts with `full` (prefix + user-key prefix).
    pub fn delete_prefix(&mut self, full: &[u8]) {
        let doomed: Vec<Vec<u8>> = self
            .complex
            .range((Bound::Included(full.to_vec()), upper(prefix_end(full))))
            .map(|(k, _)| k.clone())
            .collect();
        for k in doomed {
            self.complex.remove(&k);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_never_run_into_each_other() {
        assert_ne!(prefix(b"a", b"bc", b""), prefix(b"ab", b"c", b""));
    }

    #[test]
    fn scan_of_u1_does_not_see_u10() {
        let mut kv = KvData::default();
        let p1 = prefix(b"g", b"u1", b"n");
        let p10 = prefix(b"g", b"u10", b"n");
        kv.complex.insert([p1.clone(), b"x".to_vec()].concat(), b"1".to_vec());
        kv.complex.insert([p10.clone(), b"y".to_vec()].concat(), b"2".to_vec());
        assert_eq!(kv.scan(&p1), vec![(b"x".to_vec(), b"1".to_vec())]);
        assert_eq!(kv.list_complex(&p10, b"", b""), vec![b"y".to_vec()]);
    }

    #[test]
    fn list_is_half_open_and_empty_end_is_unbounded() {
        let mut kv = KvData::default();
        for k in [b"a", b"b", b"c"] {
            kv.bytes.insert(k.to_vec(), vec![]);
        }
        assert_eq!(kv.list_states(b"a", b"c"), vec![b"a".to_vec(), b"b".to_vec()]);
        assert_eq!(kv.list_states(b"b", b"").len(), 2);
    }
}
