//! The app's one state and its reducer. Pure: no browser APIs, tested natively.

use std::rc::Rc;

use yew::Reducible;

use crate::net::Outgoing;
use crate::observe::{CspViolation, Failure, Observed, ProbeResult, ServerRecord};
use crate::permalink::{Shared, Snapshot};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeaderRow {
    pub id: u32,
    pub name: String,
    pub value: String,
    pub enabled: bool,
}

pub use crate::permalink::SharedOptions as FetchOptions;

/// Bounds of the timeout option.
pub const MIN_TIMEOUT_MS: u32 = 100;
pub const MAX_TIMEOUT_MS: u32 = 300_000;

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Phase {
    Idle,
    /// A request is in flight; `seq` identifies it so a late answer to a cancelled one is dropped.
    Sending { seq: u32 },
    Done(Rc<Observed>),
    Failed(Rc<Failure>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub method: String,
    pub url: String,
    pub headers: Vec<HeaderRow>,
    pub body: String,
    pub options: FetchOptions,
    pub phase: Phase,
    /// What the simulator recorded for the last send, when the target was the simulator.
    pub record: Option<Rc<ServerRecord>>,
    /// What the differential probes found after a failed cross-origin fetch.
    pub probe: Option<Rc<ProbeResult>>,
    /// The page's Content-Security-Policy blocked the last send (a `securitypolicyviolation` event).
    pub csp: Option<Rc<CspViolation>>,
    /// The request behind the response on screen, frozen when a send starts, a link with a
    /// snapshot opens, or a message is pasted: the response is explained against it, not
    /// against whatever the composer holds since. Its URL is as typed (without the simulator's
    /// `rid` that the send adds).
    pub sent: Option<Rc<Outgoing>>,
    /// The response snapshot a link carried (compared with a live re-send).
    pub link_snapshot: Option<Rc<Observed>>,
    /// Why the link in the address bar could not be opened.
    pub link_error: Option<String>,
    /// Opt-in: secrets go into the copied link.
    pub include_secrets: bool,
    /// Opt-in: the last response goes into the copied link.
    pub include_snapshot: bool,
    next_id: u32,
    seq: u32,
}

impl State {
    pub fn new(default_url: String) -> Self {
        State {
            method: "GET".into(),
            url: default_url,
            headers: vec![HeaderRow { id: 1, name: "Accept".into(), value: "application/json".into(), enabled: true }],
            body: String::new(),
            options: FetchOptions::default(),
            phase: Phase::Idle,
            record: None,
            probe: None,
            csp: None,
            sent: None,
            link_snapshot: None,
            link_error: None,
            include_secrets: false,
            include_snapshot: false,
            next_id: 2,
            seq: 0,
        }
    }
    pub fn is_sending(&self) -> bool {
        matches!(self.phase, Phase::Sending { .. })
    }
    pub fn current_seq(&self) -> u32 {
        self.seq
    }
    /// The composer as a shareable state (no snapshot, no redaction: see `permalink`).
    pub fn to_shared(&self) -> Shared {
        Shared {
            v: 1,
            method: self.method.clone(),
            url: self.url.clone(),
            headers: self.headers.iter().map(|h| (h.name.clone(), h.value.clone(), h.enabled)).collect(),
            body: self.body.clone(),
            options: self.options.clone(),
            view: String::new(),
            snapshot: None,
        }
    }
    /// The last live response as a link snapshot (body capped at 16 KiB).
    pub fn snapshot(&self) -> Option<Snapshot> {
        let Phase::Done(o) = &self.phase else { return None };
        let mut body = String::from_utf8_lossy(&o.body).into_owned();
        if body.len() > 16 * 1024 {
            let mut end = 16 * 1024;
            while !body.is_char_boundary(end) {
                end -= 1;
            }
            body.truncate(end);
        }
        Some(Snapshot {
            status: o.status,
            status_text: o.status_text.clone(),
            headers: o.headers.clone(),
            body,
            response_type: o.response_type.clone(),
        })
    }
    /// The enabled header rows with a name, as (name, value).
    /// The composer's request, frozen.
    pub fn snapshot_request(&self) -> Rc<Outgoing> {
        Rc::new(Outgoing {
            method: self.method.trim().to_string(),
            url: self.url.trim().to_string(),
            headers: self.active_headers(),
            body: self.body.clone(),
            options: self.options.clone(),
        })
    }

    /// The request the response on screen answers: the one sent, else the composer's.
    pub fn request_for_response(&self) -> Rc<Outgoing> {
        self.sent.clone().unwrap_or_else(|| self.snapshot_request())
    }

    pub fn active_headers(&self) -> Vec<(String, String)> {
        self.headers
            .iter()
            .filter(|h| h.enabled && !h.name.trim().is_empty())
            .map(|h| (h.name.trim().to_string(), h.value.clone()))
            .collect()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetMethod(String),
    SetUrl(String),
    SetBody(String),
    AddHeader,
    RemoveHeader(u32),
    SetHeaderName(u32, String),
    SetHeaderValue(u32, String),
    ToggleHeader(u32),
    SetRedirect(String),
    SetCredentials(String),
    SetMode(String),
    SetCache(String),
    SetTimeout(u32),
    SetReferrerPolicy(String),
    SetPriority(String),
    SetKeepalive(bool),
    /// A send started: the reducer assigns the sequence number.
    Started,
    /// The answer to send `seq` arrived.
    Finished { seq: u32, outcome: Result<Observed, Failure> },
    /// The simulator's record for send `seq`.
    Recorded { seq: u32, record: ServerRecord },
    /// The probes' verdict for send `seq`.
    Probed { seq: u32, result: ProbeResult },
    /// The page's CSP blocked send `seq`.
    CspBlocked { seq: u32, violation: CspViolation },
    Cancel,
    /// Open a shared state (a permalink, a history entry).
    LoadShared(Box<Shared>),
    /// The link could not be opened.
    LinkError(String),
    SetIncludeSecrets(bool),
    SetIncludeSnapshot(bool),
    /// A pasted request fills the composer.
    LoadRequest(statuslab_rules::Request),
    /// A pasted response, linted offline (nothing was sent).
    Pasted(Observed),
    /// Load a whole request (a "Try it live" link, a permalink).
    Load { method: String, url: String },
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::SetMethod(m) => s.method = m.trim().to_string(),
            Action::SetUrl(u) => s.url = u,
            Action::SetBody(b) => s.body = b,
            Action::AddHeader => {
                s.headers.push(HeaderRow { id: s.next_id, name: String::new(), value: String::new(), enabled: true });
                s.next_id += 1;
            }
            Action::RemoveHeader(id) => s.headers.retain(|h| h.id != id),
            Action::SetHeaderName(id, v) => {
                if let Some(h) = s.headers.iter_mut().find(|h| h.id == id) {
                    h.name = v;
                }
            }
            Action::SetHeaderValue(id, v) => {
                if let Some(h) = s.headers.iter_mut().find(|h| h.id == id) {
                    h.value = v;
                }
            }
            Action::ToggleHeader(id) => {
                if let Some(h) = s.headers.iter_mut().find(|h| h.id == id) {
                    h.enabled = !h.enabled;
                }
            }
            Action::SetRedirect(v) => s.options.redirect = v,
            Action::SetCredentials(v) => s.options.credentials = v,
            Action::SetMode(v) => s.options.mode = v,
            Action::SetCache(v) => s.options.cache = v,
            Action::SetTimeout(ms) => s.options.timeout_ms = ms.clamp(MIN_TIMEOUT_MS, MAX_TIMEOUT_MS),
            Action::SetReferrerPolicy(v) => s.options.referrer_policy = v,
            Action::SetPriority(v) => s.options.priority = v,
            Action::SetKeepalive(v) => s.options.keepalive = v,
            Action::Started => {
                s.seq += 1;
                s.sent = Some(s.snapshot_request());
                s.phase = Phase::Sending { seq: s.seq };
                s.record = None;
                s.probe = None;
                s.csp = None;
            }
            Action::Finished { seq, outcome } => {
                if s.phase != (Phase::Sending { seq }) {
                    return self; // cancelled or superseded
                }
                s.phase = match outcome {
                    Ok(o) => Phase::Done(Rc::new(o)),
                    Err(f) => Phase::Failed(Rc::new(f)),
                };
            }
            Action::Recorded { seq, record } => {
                if seq != s.seq {
                    return self;
                }
                s.record = Some(Rc::new(record));
            }
            Action::Probed { seq, result } => {
                if seq != s.seq {
                    return self;
                }
                s.probe = Some(Rc::new(result));
            }
            Action::CspBlocked { seq, violation } => {
                if seq != s.seq {
                    return self;
                }
                s.csp = Some(Rc::new(violation));
            }
            Action::Cancel => {
                if s.is_sending() {
                    s.phase = Phase::Failed(Rc::new(Failure::cancelled()));
                }
            }
            Action::LoadShared(sh) => {
                s.method = sh.method.clone();
                s.url = sh.url.clone();
                s.body = sh.body.clone();
                s.headers = sh
                    .headers
                    .iter()
                    .enumerate()
                    .map(|(i, (n, v, e))| HeaderRow { id: s.next_id + i as u32, name: n.clone(), value: v.clone(), enabled: *e })
                    .collect();
                s.next_id += sh.headers.len() as u32;
                s.options = FetchOptions { timeout_ms: sh.options.timeout_ms.clamp(MIN_TIMEOUT_MS, MAX_TIMEOUT_MS), ..sh.options.clone() };
                s.link_error = None;
                s.link_snapshot = sh.snapshot.as_ref().map(|snap| {
                    Rc::new(Observed {
                        sent_url: sh.url.clone(),
                        method: sh.method.clone(),
                        status: snap.status,
                        status_text: snap.status_text.clone(),
                        headers: snap.headers.clone(),
                        body: snap.body.as_bytes().to_vec(),
                        final_url: sh.url.clone(),
                        redirected: false,
                        response_type: snap.response_type.clone(),
                        elapsed_ms: 0.0,
                        timing: None,
                        source_note: Some("Snapshot carried by the link: this is what the sender saw. Send to compare with a live response.".into()),
                    })
                });
                s.phase = match &s.link_snapshot {
                    Some(o) => Phase::Done(o.clone()),
                    None => Phase::Idle,
                };
                s.sent = Some(s.snapshot_request());
                s.record = None;
                s.probe = None;
                s.csp = None;
            }
            Action::LinkError(msg) => s.link_error = Some(msg),
            Action::SetIncludeSecrets(b) => s.include_secrets = b,
            Action::SetIncludeSnapshot(b) => s.include_snapshot = b,
            Action::LoadRequest(r) => {
                s.method = r.method.clone();
                s.url = r.url.clone();
                s.body = String::from_utf8_lossy(&r.body).into_owned();
                s.headers = r
                    .headers
                    .iter()
                    .enumerate()
                    .map(|(i, (n, v))| HeaderRow { id: s.next_id + i as u32, name: n.to_string(), value: v.to_string(), enabled: true })
                    .collect();
                s.next_id += r.headers.len() as u32;
                s.phase = Phase::Idle;
            }
            Action::Pasted(o) => {
                s.seq += 1;
                s.sent = Some(s.snapshot_request());
                s.phase = Phase::Done(Rc::new(o));
                s.record = None;
                s.probe = None;
                s.csp = None;
            }
            Action::Load { method, url } => {
                s.method = method;
                s.url = url;
                s.body.clear();
            }
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::observe::FailureKind;

    fn st() -> Rc<State> {
        Rc::new(State::new("http://127.0.0.1:8080/api/status/401".into()))
    }

    #[test]
    fn header_rows_add_edit_toggle_remove() {
        let s = st().reduce(Action::AddHeader);
        assert_eq!(s.headers.len(), 2);
        let id = s.headers[1].id;
        let s = s.reduce(Action::SetHeaderName(id, " X-Test ".into())).reduce(Action::SetHeaderValue(id, "1".into()));
        assert_eq!(s.active_headers(), vec![("Accept".into(), "application/json".into()), ("X-Test".into(), "1".into())]);
        let s = s.reduce(Action::ToggleHeader(id));
        assert_eq!(s.active_headers().len(), 1);
        let s = s.reduce(Action::RemoveHeader(id));
        assert_eq!(s.headers.len(), 1);
        // ids are never reused
        let s = s.reduce(Action::AddHeader);
        assert_ne!(s.headers[1].id, id);
    }

    #[test]
    fn a_cancelled_send_ignores_its_late_answer() {
        let s = st().reduce(Action::Started);
        let seq = s.current_seq();
        let s = s.reduce(Action::Cancel);
        assert!(matches!(&s.phase, Phase::Failed(f) if f.kind == FailureKind::Cancelled));
        let s = s.reduce(Action::Finished { seq, outcome: Err(Failure::network("late".into())) });
        assert!(matches!(&s.phase, Phase::Failed(f) if f.kind == FailureKind::Cancelled));
    }

    #[test]
    fn the_response_is_explained_against_the_request_that_was_sent() {
        let s = st().reduce(Action::SetMethod("POST".into())).reduce(Action::SetBody("{}".into()));
        assert_eq!(s.request_for_response().method, "POST", "before any send: the composer");
        let s = s.reduce(Action::Started);
        let s = s.reduce(Action::SetMethod("DELETE".into())).reduce(Action::SetBody("changed".into())).reduce(Action::AddHeader);
        let sent = s.request_for_response();
        assert_eq!((sent.method.as_str(), sent.body.as_str()), ("POST", "{}"));
        assert_eq!(sent.headers, vec![("Accept".to_string(), "application/json".to_string())]);
        assert_eq!(s.method, "DELETE", "the composer itself keeps the edits");
        let s = s.reduce(Action::Started);
        assert_eq!(s.request_for_response().method, "DELETE", "the next send takes the edits");
    }

    #[test]
    fn only_the_latest_send_lands() {
        let s = st().reduce(Action::Started);
        let first = s.current_seq();
        let s = s.reduce(Action::Started);
        let s = s.reduce(Action::Finished { seq: first, outcome: Err(Failure::network("old".into())) });
        assert!(s.is_sending());
    }

    #[test]
    fn timeout_is_bounded() {
        let s = st().reduce(Action::SetTimeout(0));
        assert_eq!(s.options.timeout_ms, MIN_TIMEOUT_MS);
        let s = s.reduce(Action::SetTimeout(u32::MAX));
        assert_eq!(s.options.timeout_ms, MAX_TIMEOUT_MS);
    }

    #[test]
    fn shared_state_round_trips_through_the_reducer() {
        let s = st().reduce(Action::AddHeader);
        let id = s.headers[1].id;
        let s = s
            .reduce(Action::SetHeaderName(id, "X-A".into()))
            .reduce(Action::SetHeaderValue(id, "1".into()))
            .reduce(Action::ToggleHeader(id))
            .reduce(Action::SetMethod("POST".into()))
            .reduce(Action::SetBody("{}".into()))
            .reduce(Action::SetMode("no-cors".into()));
        let shared = s.to_shared();
        let fresh = st().reduce(Action::LoadShared(Box::new(shared.clone())));
        assert_eq!(fresh.to_shared(), shared);
        assert!(fresh.link_snapshot.is_none());
    }

    #[test]
    fn a_link_snapshot_is_shown_as_the_response() {
        let mut shared = st().to_shared();
        shared.snapshot = Some(Snapshot { status: 418, status_text: "x".into(), headers: vec![], body: "b".into(), response_type: "basic".into() });
        let s = st().reduce(Action::LoadShared(Box::new(shared)));
        assert!(matches!(&s.phase, Phase::Done(o) if o.status == 418 && o.source_note.is_some()));
    }

    #[test]
    fn method_is_trimmed_and_kept_as_typed() {
        let s = st().reduce(Action::SetMethod(" PROPFIND ".into()));
        assert_eq!(s.method, "PROPFIND");
    }
}
