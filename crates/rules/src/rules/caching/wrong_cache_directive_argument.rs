use crate::model::TrimExt;
use crate::declare_rule;
use crate::registry::{Checker, Severity};
use crate::spec::rfc;

use super::{cache_control, DELTA_DIRECTIVES};

/// Response directives that take no argument (RFC 9111 §5.2: "no argument is defined (nor
/// allowed) unless stated otherwise"; RFC 8246 §2 for `immutable`).
const NO_ARGUMENT: &[&str] =
    &["no-store", "no-transform", "must-revalidate", "must-understand", "proxy-revalidate", "public", "immutable"];

declare_rule! {
    /// ## What it checks
    /// Cache directives written with the wrong argument form:
    /// - a quoted number where the token form is required (`max-age="60"`, `s-maxage="60"`);
    /// - an argument on a directive that takes none (`public=true`, `no-store=1`);
    /// - an unquoted field list on `no-cache` or `private` (`private=Set-Cookie`, reported as
    ///   info: recipients accept it).
    ///
    /// ## Why it matters
    /// RFC 9111 §5.2.2.1 and §5.2.2.10: "A sender MUST NOT generate the quoted-string form" of
    /// `max-age` and `s-maxage`. Recipients ought to accept it (§5.2), but not every cache does,
    /// and those that do not ignore the lifetime. Directives defined without an argument do not
    /// allow one (§5.2); a cache may not recognise `public=true` as `public`. The field-name
    /// lists of `no-cache` and `private` use the quoted-string form, and senders should not use
    /// the token form (§5.2.2.4, §5.2.2.7).
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Cache-Control: public=true, max-age="600"
    /// Content-Type: image/png
    /// ```
    ///
    /// ## Fix
    /// `Cache-Control: public, max-age=600`; field lists quoted: `private="Set-Cookie"`.
    pub static WRONG_CACHE_DIRECTIVE_ARGUMENT = {
        code: "CAC008",
        name: "wrong-cache-directive-argument",
        category: Caching,
        severity: Warning,
        summary: "A cache directive's argument is written in a form the directive does not allow",
        specs: [rfc(9111, "5.2"), rfc(9111, "5.2.2.1"), rfc(9111, "5.2.2.4"), rfc(9111, "5.2.2.10")],
        requires: &["Cache-Control"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(cc) = cache_control(c) else { return };
    for d in &cc.directives {
        let name = d.name.as_ref();
        let target = || d.target("Cache-Control");
        if DELTA_DIRECTIVES.contains(&name) && d.quoted && d.seconds().is_some() {
            let n = d.arg.as_deref().unwrap_or("").trim_fast().to_string();
            c.report(
                target(),
                format!("`{}` uses the quoted-string form, which senders must not generate; caches that do not accept it ignore the lifetime.", d.raw),
                format!("Write `{name}={n}` without quotes."),
            );
        } else if NO_ARGUMENT.contains(&name) && d.arg.is_some() {
            c.report(
                target(),
                format!("`{}` takes no argument; a cache may not recognise it as `{name}`.", d.raw),
                format!("Write `{name}` alone."),
            );
        } else if matches!(name, "no-cache" | "private") && !d.unqualified() && !d.quoted {
            let list = d.arg.as_deref().unwrap_or("").trim_fast().to_string();
            c.report_with(
                Severity::Info,
                target(),
                format!("`{}` lists field names in the token form; senders should quote the list (`{name}=\"{list}\"`).", d.raw),
                format!("Write `{name}=\"{list}\"`."),
            );
        }
    }
}
