use crate::codes::RegistryStatus;
use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A reason phrase that is the name of a *different* status code, as in
    /// `HTTP/1.1 200 Not Found`. Former names (`302 Moved Temporarily`,
    /// `413 Request Entity Too Large`, `416 Requested Range Not Satisfiable`,
    /// `422 Unprocessable Entity` …), other spellings, `OK` on any 2xx and free-form phrases
    /// are accepted.
    ///
    /// ## Why it matters
    /// Clients act on the code and ignore the phrase: "A client SHOULD ignore the
    /// reason-phrase content because it is not a reliable channel for information" (RFC 9112
    /// §4). A phrase naming another code shows that the status was set wrong — typically an
    /// error page sent with `200`, which browsers, caches and crawlers then treat as a
    /// success — and it misleads whoever reads the logs.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 Not Found
    /// Content-Type: text/html
    ///
    /// <h1>Page not found</h1>
    /// ```
    ///
    /// ## Fix
    /// Send the code that matches the situation (`404 Not Found` here), or correct the
    /// phrase. HTTP/2 and HTTP/3 have no reason phrase at all.
    pub static REASON_PHRASE_MISMATCH = {
        code: "STA043",
        name: "reason-phrase-mismatch",
        category: Status,
        severity: Info,
        summary: "The reason phrase names a different status code",
        specs: [rfc(9112, "4"), rfc(9110, "15")],
        check: check,
    }
}

/// Former or alternative names, and names shared by codes of the same meaning.
const ALIASES: &[(u16, &str)] = &[
    (301, "Permanent Redirect"),
    (302, "Moved Temporarily"),
    (302, "Temporary Redirect"),
    (307, "Moved Temporarily"),
    (307, "Found"),
    (308, "Moved Permanently"),
    (413, "Request Entity Too Large"),
    (413, "Payload Too Large"),
    (414, "Request-URI Too Long"),
    (414, "Request-URI Too Large"),
    (416, "Requested Range Not Satisfiable"),
    (422, "Unprocessable Entity"),
];

/// Lower-case letters and digits only: `Request Time-out` and `request timeout` compare equal.
fn norm(s: &str) -> String {
    s.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_lowercase()).collect()
}

fn check(c: &mut Checker<'_>) {
    let status = c.status();
    let Some(phrase) = c.response().reason.as_deref() else { return };
    let Some(entry) = crate::codes::get(status) else { return };
    // The registered phrase as is (almost every status line) needs no normalising.
    if entry.registry_status == RegistryStatus::Unofficial || phrase == entry.reason {
        return;
    }
    let p = norm(phrase);
    // `201 OK`, `204 OK`: a generic success phrase on a success code misleads no one.
    if (200..=299).contains(&status) && p == "ok" {
        return;
    }
    if p.is_empty() || p == norm(&entry.reason) || ALIASES.iter().any(|(code, a)| *code == status && norm(a) == p) {
        return;
    }
    let other = crate::codes::all()
        .iter()
        .filter(|e| e.code != status && e.registry_status != RegistryStatus::Unofficial && !e.reason.starts_with('('))
        .map(|e| (e.code, e.reason.as_str()))
        .chain(ALIASES.iter().copied())
        .find(|(code, name)| *code != status && norm(name) == p);
    if let Some((code, _)) = other {
        let reason = crate::codes::reason(status);
        c.report(
            Target::StatusLine,
            format!("The status line says `{status} {phrase}`: the phrase names `{code}`, but clients act on `{status} {reason}`."),
            format!("Send the status code that matches the phrase, or use the phrase `{reason}`."),
        );
    }
}
