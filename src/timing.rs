//! A fetch's Resource Timing entry as plain data, and its phases for the waterfall. Pure.
//! <https://w3c.github.io/resource-timing/#sec-performanceresourcetiming>

/// The fields of a `PerformanceResourceTiming`, in milliseconds since the page's time origin
/// (sizes in bytes).
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Timing {
    pub start: f64,
    pub redirect_start: f64,
    pub redirect_end: f64,
    pub fetch_start: f64,
    pub dns_start: f64,
    pub dns_end: f64,
    pub connect_start: f64,
    pub connect_end: f64,
    /// `secureConnectionStart`: 0 on plain HTTP.
    pub tls_start: f64,
    pub request_start: f64,
    pub response_start: f64,
    pub response_end: f64,
    pub transfer_size: f64,
    pub encoded_body_size: f64,
    pub decoded_body_size: f64,
    /// `nextHopProtocol` (`http/1.1`, `h2`, …), empty when hidden.
    pub protocol: String,
}

/// One bar of the waterfall.
#[derive(Clone, Debug, PartialEq)]
pub struct Phase {
    pub name: &'static str,
    pub from: f64,
    pub to: f64,
}

impl Timing {
    /// Whether the browser exposed the detailed phases: same-origin, or cross-origin with a
    /// `Timing-Allow-Origin` that names this page (Resource Timing §TAO check). Without it the
    /// phase attributes are zero and only the total is known.
    pub fn detailed(&self) -> bool {
        self.request_start > 0.0 || self.response_start > 0.0
    }

    pub fn total(&self) -> f64 {
        (self.response_end - self.start).max(0.0)
    }

    /// The phases in order, relative to the entry's start; phases that took no time are kept
    /// (a reused connection has a zero-length connect), missing ones are left out.
    pub fn phases(&self) -> Vec<Phase> {
        let s = self.start;
        let mut v = Vec::new();
        let mut add = |name, from: f64, to: f64| {
            if from > 0.0 && to >= from {
                v.push(Phase { name, from: from - s, to: to - s });
            }
        };
        if !self.detailed() {
            add("total (phases hidden)", self.start.max(f64::MIN_POSITIVE), self.response_end);
            return v;
        }
        add("redirects", self.redirect_start, self.redirect_end);
        add("DNS", self.dns_start, self.dns_end);
        let tcp_end = if self.tls_start > 0.0 { self.tls_start } else { self.connect_end };
        add("connect", self.connect_start, tcp_end);
        if self.tls_start > 0.0 {
            add("TLS", self.tls_start, self.connect_end);
        }
        add("request (waiting)", self.request_start, self.response_start);
        add("response", self.response_start, self.response_end);
        v
    }

    /// Whether the browser's HTTP cache answered: a detailed entry with no bytes transferred but
    /// a body (Resource Timing §dom-performanceresourcetiming-transfersize). `None` when hidden.
    pub fn from_cache(&self) -> Option<bool> {
        if !self.detailed() {
            return None;
        }
        Some(self.transfer_size == 0.0 && (self.decoded_body_size > 0.0 || self.encoded_body_size > 0.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full() -> Timing {
        Timing {
            start: 100.0,
            fetch_start: 100.0,
            dns_start: 101.0,
            dns_end: 102.0,
            connect_start: 102.0,
            connect_end: 110.0,
            tls_start: 105.0,
            request_start: 110.0,
            response_start: 150.0,
            response_end: 160.0,
            transfer_size: 900.0,
            encoded_body_size: 600.0,
            decoded_body_size: 600.0,
            ..Default::default()
        }
    }

    #[test]
    fn phases_in_order() {
        let p = full().phases();
        let names: Vec<_> = p.iter().map(|x| x.name).collect();
        assert_eq!(names, ["DNS", "connect", "TLS", "request (waiting)", "response"]);
        assert_eq!((p[1].from, p[1].to), (2.0, 5.0));
        assert_eq!(full().total(), 60.0);
        assert_eq!(full().from_cache(), Some(false));
    }

    #[test]
    fn hidden_and_cached() {
        let hidden = Timing { start: 10.0, fetch_start: 10.0, response_end: 30.0, ..Default::default() };
        assert!(!hidden.detailed());
        assert_eq!(hidden.phases().len(), 1);
        assert_eq!(hidden.from_cache(), None);
        let cached = Timing { transfer_size: 0.0, ..full() };
        assert_eq!(cached.from_cache(), Some(true));
    }
}
