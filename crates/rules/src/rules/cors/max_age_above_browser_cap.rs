use crate::model::TrimExt;
use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::{fetch, StaticSpec};

declare_rule! {
    /// ## What it checks
    /// An `Access-Control-Max-Age` above 7200 seconds (two hours).
    ///
    /// ## Why it matters
    /// The Fetch standard lets browsers impose a limit on how long a preflight result is cached
    /// (§cors-preflight-fetch). Chromium caps it at 7200 seconds and Firefox at 86400; Safari's
    /// limit is lower still. A larger value is not an error — it is silently shortened — but
    /// it does not buy the longer caching it promises, which matters when estimating the
    /// preflight load on a server.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 204 No Content
    /// Access-Control-Allow-Origin: https://app.example
    /// Access-Control-Allow-Methods: GET, PUT
    /// Access-Control-Max-Age: 31536000
    /// Vary: Origin
    /// ```
    ///
    /// ## Fix
    /// Use a value browsers honour, e.g. `Access-Control-Max-Age: 7200`.
    pub static MAX_AGE_ABOVE_BROWSER_CAP = {
        code: "COR013",
        name: "max-age-above-browser-cap",
        category: Cors,
        severity: Info,
        summary: "Browsers cap Access-Control-Max-Age; Chromium honours at most 7200 seconds",
        specs: [
            fetch("http-access-control-max-age"),
            fetch("cors-preflight-fetch"),
            StaticSpec::Other("MDN: Access-Control-Max-Age", "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Max-Age"),
        ],
        requires: &["Access-Control-Max-Age"],
        check: check,
    }
}

const CHROMIUM_CAP: u64 = 7200;
const FIREFOX_CAP: u64 = 86_400;

fn check(c: &mut Checker<'_>) {
    let Presence::Present(i, v) = c.header("Access-Control-Max-Age") else { return };
    if c.header_lines("Access-Control-Max-Age").count() > 1 {
        return; // invalid-max-age
    }
    let v = v.trim_fast();
    if v.is_empty() || !v.bytes().all(|b| b.is_ascii_digit()) {
        return;
    }
    let secs = crate::model::saturating_decimal(v);
    if secs <= CHROMIUM_CAP {
        return;
    }
    let which = if secs > FIREFOX_CAP { "Chromium caps it at 7200 s and Firefox at 86400 s" } else { "Chromium caps it at 7200 s" };
    c.report(
        Target::Header { name: "Access-Control-Max-Age".into(), index: Some(i) },
        format!("`Access-Control-Max-Age: {v}` is longer than browsers cache preflights ({which}); they re-send the preflight sooner."),
        "Use `Access-Control-Max-Age: 7200` or less.",
    );
}
