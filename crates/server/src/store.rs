//! The exchange record: what the simulator really received and sent, kept per `rid` so the app
//! can show what the browser hid (preflights, redirect hops, a 407 the page never saw).
//! Bounded: at most [`MAX_IDS`] ids, each kept [`TTL`], each with at most [`MAX_ENTRIES`] entries.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime};

use serde::Serialize;

pub const MAX_IDS: usize = 1000;
pub const TTL: Duration = Duration::from_secs(600);
pub const MAX_ENTRIES: usize = 64;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RequestInfo {
    pub method: String,
    pub path: String,
    pub query: String,
    pub headers: Vec<(String, String)>,
    pub body_size: usize,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ResponseInfo {
    pub status: u16,
    pub reason: String,
    pub headers: Vec<(String, String)>,
    pub body_size: usize,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RecordedExchange {
    /// The entry's number among every entry ever recorded under its rid (1, 2, …): with the
    /// oldest entries dropped beyond [`MAX_ENTRIES`], it still tells "new since" exactly.
    pub seq: u64,
    /// `preflight` for a CORS preflight, `redirect` for a hop of a redirect chain, else `request`.
    pub kind: &'static str,
    /// When the simulator answered, as an HTTP-date.
    pub at: String,
    pub request: RequestInfo,
    pub response: ResponseInfo,
}

struct Record {
    created: Instant,
    /// The newest [`MAX_ENTRIES`] entries.
    entries: VecDeque<RecordedExchange>,
    recorded: u64,
    requests: u64,
}

#[derive(Default)]
pub struct ExchangeStore {
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    map: HashMap<String, Record>,
    order: VecDeque<String>,
}

/// A valid `rid`: 1–64 characters of `A–Z a–z 0–9 - _`.
pub fn valid_rid(rid: &str) -> bool {
    !rid.is_empty() && rid.len() <= 64 && rid.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl ExchangeStore {
    pub fn record(&self, rid: &str, kind: &'static str, request: RequestInfo, response: ResponseInfo) {
        let at = httpdate::fmt_http_date(SystemTime::now());
        let mut g = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        let now = Instant::now();
        g.expire(now);
        if !g.map.contains_key(rid) {
            while g.map.len() >= MAX_IDS {
                match g.order.pop_front() {
                    Some(old) => {
                        g.map.remove(&old);
                    }
                    None => break,
                }
            }
            g.map.insert(rid.to_string(), Record { created: now, entries: VecDeque::new(), recorded: 0, requests: 0 });
            g.order.push_back(rid.to_string());
        }
        let rec = g.map.get_mut(rid).expect("inserted above");
        rec.recorded += 1;
        if kind == "request" {
            rec.requests += 1;
        }
        if rec.entries.len() == MAX_ENTRIES {
            rec.entries.pop_front();
        }
        rec.entries.push_back(RecordedExchange { seq: rec.recorded, kind, at, request, response });
    }

    /// How many final (non-preflight, non-redirect) requests reached the simulator under `rid`.
    pub fn requests(&self, rid: &str) -> u64 {
        let mut g = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        g.expire(Instant::now());
        g.map.get(rid).map(|r| r.requests).unwrap_or(0)
    }

    pub fn get(&self, rid: &str) -> Option<Vec<RecordedExchange>> {
        let mut g = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        g.expire(Instant::now());
        g.map.get(rid).map(|r| r.entries.iter().cloned().collect())
    }

    pub fn len(&self) -> usize {
        self.inner.lock().unwrap_or_else(|p| p.into_inner()).map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Inner {
    fn expire(&mut self, now: Instant) {
        while let Some(front) = self.order.front() {
            let expired = self.map.get(front).map(|r| now.duration_since(r.created) > TTL).unwrap_or(true);
            if !expired {
                break;
            }
            let id = self.order.pop_front().expect("front exists");
            self.map.remove(&id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req() -> RequestInfo {
        RequestInfo { method: "GET".into(), path: "/".into(), query: String::new(), headers: vec![], body_size: 0 }
    }
    fn res() -> ResponseInfo {
        ResponseInfo { status: 200, reason: "OK".into(), headers: vec![], body_size: 0 }
    }

    #[test]
    fn evicts_oldest_beyond_capacity() {
        let s = ExchangeStore::default();
        for i in 0..(MAX_IDS + 5) {
            s.record(&format!("id{i}"), "request", req(), res());
        }
        assert_eq!(s.len(), MAX_IDS);
        assert!(s.get("id0").is_none());
        assert!(s.get(&format!("id{}", MAX_IDS + 4)).is_some());
    }

    #[test]
    fn keeps_the_newest_entries_per_id_and_counts_them_all() {
        let s = ExchangeStore::default();
        for _ in 0..(MAX_ENTRIES + 10) {
            s.record("x", "request", req(), res());
        }
        s.record("x", "preflight", req(), res());
        let e = s.get("x").unwrap();
        assert_eq!(e.len(), MAX_ENTRIES);
        assert_eq!(e.last().unwrap().seq, MAX_ENTRIES as u64 + 11);
        assert_eq!(e[0].seq, 12);
        assert_eq!(s.requests("x"), MAX_ENTRIES as u64 + 10);
    }

    #[test]
    fn rid_syntax() {
        assert!(valid_rid("abc-123_X"));
        assert!(!valid_rid(""));
        assert!(!valid_rid("a b"));
        assert!(!valid_rid(&"a".repeat(65)));
    }
}
