use std::collections::HashMap;
use std::convert::Infallible;

use sfv::visitor::{DictionaryVisitor, EntryVisitor, InnerListVisitor, ItemVisitor, ParameterVisitor};
use sfv::{BareItemFromInput, KeyRef, Parser};

use crate::declare_rule;
use crate::registry::{Checker, Severity, Target};
use crate::rules::structured::Value;
use crate::rules::headers::syntax::quote;
use crate::spec::{rfc, StaticSpec};

declare_rule! {
    /// ## What it checks
    /// A `Permissions-Policy` feature whose allowlist holds an item browsers drop:
    ///
    /// - a keyword in double quotes, `camera=("self")`: a String is read as an origin, and only
    ///   the Token `self` is the keyword;
    /// - an origin without its double quotes, `geolocation=(self maps.example)` or
    ///   `camera=(https://video.example)`: both are valid Structured Field Tokens, so the field
    ///   parses, but an origin must be a String;
    /// - a String origin without a scheme (`"maps.example"`), or several origins in one String;
    /// - `src`, which only means something in an iframe's `allow` attribute, and any other
    ///   Token than `*` and `self`;
    /// - a feature written without a value (`camera`, which is the Boolean `?1`), a number, a
    ///   Byte Sequence or another Boolean.
    ///
    /// `none` (or `?0`) is reported at *info*: it is dropped too, and the feature ends up
    /// disabled as meant, but only because nothing else is left. `"'self'"` is info too:
    /// Chromium, the only engine that implements the header, reads it as `self` (checked), the
    /// standard would drop it; `"*"` is not reported (Chromium reads it as `*`, and the current
    /// draft's grammar has it as a host matching every host). Allowlists of more than 64 items
    /// are not examined. One finding per
    /// feature (the first item that changes the policy; an item whose correct form is listed
    /// as well changes nothing, nor does anything next to `*`). A value that is not a
    /// dictionary at all is `invalid-permissions-policy`'s.
    ///
    /// ## Why it matters
    /// In the header, a policy directive is a Structured Field Dictionary whose member values
    /// are the Token `*`, the Token `self`, Strings holding origins, or an Inner List of those;
    /// "any other items inside of an Inner List will be ignored" (Permissions Policy,
    /// *Structured header serialization*). Dropping an item is not harmless: the allowlist is
    /// what is left, and a feature listed with an empty allowlist is disabled for every
    /// origin, the page's own included (*Construct policy from dictionary and origin*;
    /// *Is feature enabled in document for origin?*). So `camera=("self")`, meant to keep the
    /// camera for the page and deny it to frames, turns it off for the page too, and
    /// `geolocation=(self maps.example)` silently leaves the map provider out.
    ///
    /// Chromium builds the allowlist the same way: it keeps the Tokens `*` and `self` and the
    /// Strings, drops anything else with the console warning "Invalid allowlist item … Allowlist
    /// item must be *, self or quoted url", reads the Strings `"*"` and `"'self'"` as the
    /// keywords, drops the other Strings that do not parse as an origin
    /// ("Unrecognized origin") — it requires a scheme, although the current draft's
    /// `permissions-source-expression` (a CSP `host-source`) would allow `maps.example` — and
    /// disables a feature whose allowlist ends up empty. The draft's prose says a member
    /// whose whole value has another form is ignored, while its algorithm gives it an empty
    /// allowlist (w3c/webappsec-permissions-policy issue 527); Chromium disables the feature.
    /// Chromium ignores a path in an origin String, so `"https://maps.example/embed"` is not
    /// reported.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Permissions-Policy: camera=("self"), geolocation=(self maps.example), microphone=(none)
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>Video call</title>
    /// ```
    ///
    /// ## Fix
    /// Write keywords as bare Tokens, origins as double-quoted Strings with their scheme, and
    /// `()` to disable a feature: `Permissions-Policy: camera=(self),
    /// geolocation=(self "https://maps.example"), microphone=()`.
    pub static INEFFECTIVE_PERMISSIONS_POLICY_ALLOWLIST = {
        code: "SEC037",
        name: "ineffective-permissions-policy-allowlist",
        category: Security,
        severity: Warning,
        summary: "Permissions-Policy allowlist items other than *, self and quoted origins are dropped, which can disable a feature",
        specs: [
            StaticSpec::Other("Permissions Policy: Structured header serialization", "https://w3c.github.io/webappsec-permissions-policy/#structured-header-serialization"),
            StaticSpec::Other("Permissions Policy: Construct policy from dictionary and origin", "https://w3c.github.io/webappsec-permissions-policy/#algo-construct-policy"),
            StaticSpec::Other("Permissions Policy: Is feature enabled in document for origin?", "https://w3c.github.io/webappsec-permissions-policy/#algo-is-feature-enabled"),
            rfc(9651, "3.3.4"),
        ],
        requires: &["Permissions-Policy"],
        check: check,
    }
}

/// At most this many findings per response (one per feature).
const MAX_FINDINGS: usize = 10;

fn check(c: &mut Checker<'_>) {
    let Some((first, _)) = super::present(c, "Permissions-Policy") else { return };
    let Some(value) = c.header_combined("Permissions-Policy") else { return };
    let parsed;
    let features = match one_line_policy(c) {
        Some(memo) => memo,
        None => {
            parsed = parse_features(&value);
            &parsed
        }
    };
    // A value that is not a dictionary is ignored whole: `invalid-permissions-policy`'s.
    let Ok(features) = features else { return };
    let repeated = c.header_repeated("Permissions-Policy");
    let mut found = Vec::new();
    for f in features {
        if found.len() == MAX_FINDINGS {
            break;
        }
        if let Some(p) = problem(f) {
            let index = if repeated { line_of(c, f.name).unwrap_or(first) } else { first };
            found.push((index, p));
        }
    }
    for (index, p) in found {
        c.report_with(p.severity, Target::Header { name: "Permissions-Policy".into(), index: Some(index) }, p.message, p.fix);
    }
}

/// The last `Permissions-Policy` line that sets `feature` (a later value replaces an earlier one).
fn line_of(c: &Checker<'_>, feature: &str) -> Option<usize> {
    c.header_lines("Permissions-Policy")
        .filter(|(_, v)| parse_features(v).is_ok_and(|fs| fs.iter().any(|f| f.name == feature)))
        .last()
        .map(|(i, _)| i)
}

// ---- Parsing ---------------------------------------------------------------------------------

/// One member of the field: the feature, its allowlist items in order (a bare item counts as a
/// list of one, as Chromium reads it) and whether the member or an item carried parameters.
#[derive(Debug)]
pub(crate) struct Feature<'de> {
    name: &'de str,
    items: Vec<Value<'de>>,
    params: bool,
}

/// The parse of a `Permissions-Policy` sent on one line, as nearly always: once per lint, for
/// this rule and `invalid-permissions-policy`. `None` when the field is absent or on several
/// lines (the rules then parse the combined value themselves).
pub(crate) fn one_line_policy<'a>(c: &Checker<'a>) -> Option<&'a Result<Vec<Feature<'a>>, sfv::Error>> {
    c.memo()
        .permissions_policy
        .get_or_init(|| {
            let mut lines = c.header_lines("Permissions-Policy");
            let (_, value) = lines.next()?;
            lines.next().is_none().then(|| parse_features(value))
        })
        .as_ref()
}

/// The members in order of first appearance; a repeated feature's last value replaces the
/// earlier one in place (RFC 9651 §4.2.2). Names are looked up by a scan of the few a policy
/// has, and through a map once there are many (hostile input stays linear).
#[derive(Default)]
struct Features<'de> {
    list: Vec<Feature<'de>>,
    index: Option<HashMap<&'de str, usize>>,
}

/// Past this many members, [`Features`] indexes the names.
const SCAN_LIMIT: usize = 16;

/// The field's members, or `sfv`'s error when the value is not a Dictionary (the same parse as
/// `invalid-permissions-policy`'s, so exactly one of the two rules speaks).
fn parse_features(value: &str) -> Result<Vec<Feature<'_>>, sfv::Error> {
    Parser::new(value).parse_dictionary_with_visitor(Features::default())
}

impl<'de> DictionaryVisitor<'de> for Features<'de> {
    type Out = Vec<Feature<'de>>;
    type Error = Infallible;
    fn entry(&mut self, key: &'de KeyRef) -> Result<impl EntryVisitor<'de>, Infallible> {
        let name = key.as_str();
        let fresh = Feature { name, items: Vec::new(), params: false };
        let known = match &self.index {
            Some(index) => index.get(name).copied(),
            None => self.list.iter().position(|f| f.name == name),
        };
        let at = match known {
            Some(at) => {
                self.list[at] = fresh;
                at
            }
            None => {
                self.list.push(fresh);
                let at = self.list.len() - 1;
                match &mut self.index {
                    Some(index) => {
                        index.insert(name, at);
                    }
                    None if self.list.len() > SCAN_LIMIT => {
                        self.index = Some(self.list.iter().enumerate().map(|(i, f)| (f.name, i)).collect());
                    }
                    None => {}
                }
                at
            }
        };
        Ok(&mut self.list[at])
    }
    fn finish(self) -> Result<Vec<Feature<'de>>, Infallible> {
        Ok(self.list)
    }
}

impl<'de> EntryVisitor<'de> for &mut Feature<'de> {
    type Error = Infallible;
    fn item(self) -> Result<impl ItemVisitor<'de>, Infallible> {
        Ok(self)
    }
    fn inner_list(self) -> Result<impl InnerListVisitor<'de>, Infallible> {
        Ok(self)
    }
}

impl<'de> ItemVisitor<'de> for &mut Feature<'de> {
    type Out = ();
    type Error = Infallible;
    fn bare_item(self, bare: BareItemFromInput<'de>) -> Result<impl ParameterVisitor<'de, Out = ()>, Infallible> {
        self.items.push(bare.into());
        Ok(Params(&mut self.params))
    }
}

impl<'de> InnerListVisitor<'de> for &mut Feature<'de> {
    type Error = Infallible;
    fn item(&mut self) -> Result<impl ItemVisitor<'de>, Infallible> {
        Ok(&mut **self)
    }
    fn finish(self) -> Result<impl ParameterVisitor<'de>, Infallible> {
        Ok(Params(&mut self.params))
    }
}

/// Notes that parameters were given: browsers ignore them (but `report-to`), and a member
/// rewritten in a fix would lose them.
struct Params<'a>(&'a mut bool);

impl<'de> ParameterVisitor<'de> for Params<'_> {
    type Out = ();
    type Error = Infallible;
    fn parameter(&mut self, _key: &'de KeyRef, _value: BareItemFromInput<'de>) -> Result<(), Infallible> {
        *self.0 = true;
        Ok(())
    }
    fn finish(self) -> Result<(), Infallible> {
        Ok(())
    }
}

// ---- What browsers make of an item -----------------------------------------------------------

/// What the standard and Chromium make of one allowlist item.
#[derive(Debug, Clone, PartialEq)]
enum Verdict {
    /// The Token `*` or `self`, or a String holding an origin: kept.
    Fine,
    /// Dropped, so the allowlist is not what was written. `why` continues "… lists X, ".
    Dropped { why: &'static str, fix: Fix },
    /// The String `"'self'"`: Chromium reads it as the keyword, the standard reads a String as
    /// an origin and drops this one.
    ChromiumOnly { keyword: &'static str },
    /// A spelling of "none" (`none`, `"'none'"`, `?0`): dropped, which leaves the feature
    /// disabled as meant when nothing else is listed.
    NoneKeyword,
}

/// What to write instead of a dropped item.
#[derive(Debug, Clone, PartialEq)]
enum Fix {
    /// This Structured Field text (one item, or several separated by spaces).
    Replace(String),
    /// Nothing.
    Remove,
    /// No way to tell what was meant.
    Unknown,
}

fn classify(item: &Value<'_>) -> Verdict {
    match item {
        Value::Token(t) => token(t),
        Value::String(s) => string(s),
        Value::Boolean(false) => Verdict::NoneKeyword,
        Value::Boolean(true) => Verdict::Dropped {
            why: "a Boolean (a feature written without `=` is `?1`), not an allowlist: browsers drop it",
            fix: Fix::Unknown,
        },
        _ => Verdict::Dropped { why: "not an origin: browsers drop it", fix: Fix::Unknown },
    }
}

fn token(t: &str) -> Verdict {
    if t == "*" || t == "self" {
        Verdict::Fine
    } else if t.eq_ignore_ascii_case("none") {
        Verdict::NoneKeyword
    } else if t.eq_ignore_ascii_case("self") {
        Verdict::Dropped {
            why: "but Tokens are case-sensitive and only `self` in lower case is the keyword: browsers drop it",
            fix: Fix::Replace("self".into()),
        }
    } else if t.eq_ignore_ascii_case("src") {
        Verdict::Dropped {
            why: "which only means something in an iframe's `allow` attribute: in the header browsers drop it",
            fix: Fix::Unknown,
        }
    } else if t.contains("://") || t.contains('.') {
        Verdict::Dropped {
            why: "a Token, not a String: an origin must be double-quoted, and browsers drop this one",
            fix: Fix::Replace(quote(&with_scheme(t))),
        }
    } else {
        Verdict::Dropped { why: "a Token other than `*` and `self`: browsers drop it", fix: Fix::Unknown }
    }
}

fn string(s: &str) -> Verdict {
    // Chromium compares these two before parsing an origin, quotes and case as written. `"*"`
    // is `*` there, and a CSP `host-source` matching every host in the current draft's grammar.
    if s == "*" {
        return Verdict::Fine;
    }
    if s.eq_ignore_ascii_case("'self'") {
        return Verdict::ChromiumOnly { keyword: "self" };
    }
    let t = s.trim_matches(|c: char| c.is_ascii_whitespace());
    let bare = t.strip_prefix('\'').and_then(|x| x.strip_suffix('\'')).unwrap_or(t);
    if bare.eq_ignore_ascii_case("none") {
        Verdict::NoneKeyword
    } else if bare.eq_ignore_ascii_case("self") {
        Verdict::Dropped {
            why: "a String, not the keyword `self` (a Token): browsers read it as an origin, which it is not",
            fix: Fix::Replace("self".into()),
        }
    } else if bare == "*" {
        Verdict::Dropped {
            why: "a String, not the keyword `*` (a Token): browsers read it as an origin, which it is not",
            fix: Fix::Replace("*".into()),
        }
    } else if bare.eq_ignore_ascii_case("src") {
        Verdict::Dropped {
            why: "a String, and `src` only means something in an iframe's `allow` attribute: browsers drop it",
            fix: Fix::Unknown,
        }
    } else if t.is_empty() {
        Verdict::Dropped { why: "an empty String: browsers drop it", fix: Fix::Remove }
    } else if t.contains(|c: char| c.is_ascii_whitespace()) {
        Verdict::Dropped {
            why: "several origins in one String: each origin must be a String of its own, and browsers drop this one",
            fix: split(t),
        }
    } else if !has_scheme(t) {
        Verdict::Dropped {
            why: "an origin without a scheme, which Chromium drops",
            fix: Fix::Replace(quote(&format!("https://{t}"))),
        }
    } else {
        Verdict::Fine
    }
}

/// The items a String holding several origins should have been.
fn split(t: &str) -> Fix {
    let mut parts = Vec::new();
    for piece in t.split_ascii_whitespace() {
        match string(piece) {
            Verdict::Fine if piece == "*" => parts.push(piece.to_string()),
            Verdict::Fine => parts.push(quote(piece)),
            Verdict::Dropped { fix: Fix::Replace(r), .. } => parts.push(r),
            Verdict::ChromiumOnly { keyword } => parts.push(keyword.to_string()),
            Verdict::NoneKeyword | Verdict::Dropped { fix: Fix::Remove, .. } => {}
            Verdict::Dropped { fix: Fix::Unknown, .. } => return Fix::Unknown,
        }
    }
    if parts.is_empty() {
        Fix::Remove
    } else {
        Fix::Replace(parts.join(" "))
    }
}

/// `scheme "://"` or a lone `scheme ":"` (a CSP `scheme-source`) at the start: what Chromium
/// needs before it accepts an origin (`a.example:8080` has none).
fn has_scheme(s: &str) -> bool {
    crate::rules::redirects::url::scheme_str(s).is_some_and(|scheme| {
        let rest = &s[scheme.len()..];
        rest.starts_with("://") || rest == ":"
    })
}

fn with_scheme(t: &str) -> String {
    if has_scheme(t) {
        t.to_string()
    } else {
        format!("https://{t}")
    }
}


/// The item as written in the field (equivalently), when it has a short form.
fn render(item: &Value<'_>) -> Option<String> {
    match item {
        Value::Token(t) => Some(t.to_string()),
        Value::String(s) => Some(quote(s)),
        Value::Integer(n) => Some(n.to_string()),
        Value::Boolean(b) => Some(if *b { "?1" } else { "?0" }.to_string()),
        _ => None,
    }
}

/// The item a dropped one should have been, when it is a single known one.
fn correction(v: &Verdict) -> Option<&str> {
    match v {
        Verdict::Dropped { fix: Fix::Replace(r), .. } => Some(r.as_str()),
        Verdict::ChromiumOnly { keyword } => Some(*keyword),
        _ => None,
    }
}

// ---- Findings --------------------------------------------------------------------------------

#[derive(Debug)]
struct Problem {
    severity: Severity,
    message: String,
    fix: String,
}

/// Allowlists longer than this are not examined: real ones name a few origins, and the
/// comparisons below are quadratic in the items.
const MAX_ITEMS: usize = 64;

fn problem(f: &Feature<'_>) -> Option<Problem> {
    if f.items.len() > MAX_ITEMS {
        return None;
    }
    // `*` anywhere makes the allowlist `*`, whatever else is listed (Chromium also reads the
    // String `"*"` so).
    if f.items.iter().any(|v| matches!(v, Value::Token(t) if *t == "*") || matches!(v, Value::String(s) if &**s == "*")) {
        return None;
    }
    let verdicts: Vec<Verdict> = f.items.iter().map(classify).collect();
    // What the standard keeps, and what Chromium keeps (`"'self'"` too).
    let kept: Vec<String> =
        f.items.iter().zip(&verdicts).filter(|(_, v)| **v == Verdict::Fine).filter_map(|(i, _)| render(i)).collect();
    let mut kept_by_chromium = kept.clone();
    for v in &verdicts {
        if let Verdict::ChromiumOnly { keyword } = v {
            if !kept_by_chromium.iter().any(|k| k.as_str() == *keyword) {
                kept_by_chromium.push(keyword.to_string());
            }
        }
    }
    // A dropped item whose correct form is listed as well changes nothing.
    let matters = |v: &Verdict| *v != Verdict::Fine && !correction(v).is_some_and(|r| kept.iter().any(|k| k == r));
    let at = verdicts
        .iter()
        .position(|v| matters(v) && *v != Verdict::NoneKeyword)
        .or_else(|| verdicts.iter().position(matters))?;
    let (item, verdict) = (&f.items[at], &verdicts[at]);
    let name = f.name;
    let shown = render(item);
    let holds = match &shown {
        Some(t) => format!("`{t}`"),
        None => item.kind().to_string(),
    };
    let allowlist = |list: &[String], would: &str| {
        if list.is_empty() {
            format!("`{name}` {would} disabled for every origin, this page included")
        } else {
            format!("`{name}` {would} allowed only for `{}`", list.join(" "))
        }
    };
    let allowed = allowlist(kept_by_chromium.as_slice(), "is");
    let (severity, message) = match verdict {
        Verdict::Dropped { why, .. } => {
            (Severity::Warning, format!("`{name}` in `Permissions-Policy` lists {holds}, {why}, so {allowed}."))
        }
        // Chromium — the only engine that implements the header — reads it as meant.
        Verdict::ChromiumOnly { keyword } => (
            Severity::Info,
            format!(
                "`{name}` in `Permissions-Policy` lists {holds}, a String, not the keyword `{keyword}` (a Token): Chromium reads it as `{keyword}`, but the standard reads a String as an origin and drops this one, so in a browser that followed it {}.",
                allowlist(kept.as_slice(), "would be")
            ),
        ),
        Verdict::NoneKeyword if kept_by_chromium.is_empty() => (
            Severity::Info,
            format!(
                "`{name}` in `Permissions-Policy` lists {holds}, which means nothing in this header: browsers drop it, and `{name}` ends up disabled only because nothing else is left."
            ),
        ),
        Verdict::NoneKeyword => (
            Severity::Info,
            format!("`{name}` in `Permissions-Policy` lists {holds}, which means nothing in this header: browsers drop it, so {allowed}."),
        ),
        Verdict::Fine => return None,
    };
    Some(Problem { severity, message, fix: fix(f, &verdicts, shown.as_deref(), verdict) })
}

/// The member rewritten when every item's intent is known (and no parameter would be lost);
/// otherwise what to do with the reported item.
fn fix(f: &Feature<'_>, verdicts: &[Verdict], shown: Option<&str>, reported: &Verdict) -> String {
    let name = f.name;
    if !f.params {
        let mut parts: Vec<String> = Vec::new();
        let mut known = true;
        for (item, v) in f.items.iter().zip(verdicts) {
            let part = match v {
                Verdict::Fine => render(item),
                Verdict::Dropped { fix: Fix::Replace(r), .. } => Some(r.clone()),
                Verdict::ChromiumOnly { keyword } => Some(keyword.to_string()),
                Verdict::NoneKeyword | Verdict::Dropped { fix: Fix::Remove, .. } => None,
                Verdict::Dropped { fix: Fix::Unknown, .. } => {
                    known = false;
                    break;
                }
            };
            if let Some(p) = part {
                if !parts.contains(&p) {
                    parts.push(p);
                }
            }
        }
        if known {
            return if parts.is_empty() {
                format!("Send `{name}=()`: the empty list is how the header disables a feature.")
            } else if parts.iter().any(|p| p == "*") {
                format!("Send `{name}=*`.")
            } else {
                format!("Send `{name}=({})`.", parts.join(" "))
            };
        }
    }
    let item = match shown {
        Some(t) => format!("`{t}`"),
        None => "the item".to_string(),
    };
    match reported {
        Verdict::Dropped { fix: Fix::Replace(r), .. } => format!("Write `{r}` instead of {item} in `{name}`'s allowlist."),
        Verdict::ChromiumOnly { keyword } => format!("Write `{keyword}` instead of {item} in `{name}`'s allowlist."),
        Verdict::Dropped { fix: Fix::Remove, .. } => format!("Remove {item} from `{name}`'s allowlist."),
        Verdict::NoneKeyword => format!("Write `{name}=()` to disable `{name}`: the empty list is how the header says none."),
        _ => format!(
            "List only `self`, `*` and double-quoted origins with their scheme, e.g. `{name}=(self \"https://a.example\")`; `{name}=()` disables the feature."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    fn first_problem(value: &str) -> Option<Problem> {
        let fs = parse_features(value).unwrap();
        fs.iter().find_map(problem)
    }

    #[test]
    fn parses_inner_lists_bare_items_and_duplicates() {
        let fs = parse_features("camera=(\"self\" self), microphone=(), fullscreen=*, usb, camera=(none);report-to=x").unwrap();
        assert_eq!(fs.iter().map(|f| f.name).collect::<Vec<_>>(), ["camera", "microphone", "fullscreen", "usb"]);
        assert_eq!(fs[0].items, vec![Value::Token("none")], "the last value wins, in the first place");
        assert!(fs[0].params);
        assert!(fs[1].items.is_empty());
        assert_eq!(fs[2].items, vec![Value::Token("*")]);
        assert_eq!(fs[3].items, vec![Value::Boolean(true)]);
        assert!(!fs[3].params);
        let fs = parse_features("geolocation=(self \"https://maps.example\";x=1)").unwrap();
        assert_eq!(fs[0].items, vec![Value::Token("self"), Value::String(Cow::Borrowed("https://maps.example"))]);
        assert!(fs[0].params);
        // Not a dictionary: `invalid-permissions-policy`'s.
        for v in ["geolocation=('self')", "camera 'none'", "Camera=()", "camera=(),"] {
            assert!(parse_features(v).is_err(), "{v}");
        }
        // An unquoted origin is a valid Token.
        let fs = parse_features("camera=(https://video.example:8443 *.cdn.example)").unwrap();
        assert_eq!(fs[0].items, vec![Value::Token("https://video.example:8443"), Value::Token("*.cdn.example")]);
    }

    #[test]
    fn classifies_items() {
        let s = |x: &'static str| classify(&Value::String(Cow::Borrowed(x)));
        let t = |x: &'static str| classify(&Value::Token(x));
        assert_eq!(t("self"), Verdict::Fine);
        assert_eq!(t("*"), Verdict::Fine);
        assert_eq!(t("none"), Verdict::NoneKeyword);
        assert!(matches!(t("Self"), Verdict::Dropped { fix: Fix::Replace(r), .. } if r == "self"));
        assert!(matches!(t("src"), Verdict::Dropped { fix: Fix::Unknown, .. }));
        assert!(matches!(t("maps.example"), Verdict::Dropped { fix: Fix::Replace(r), .. } if r == "\"https://maps.example\""));
        assert!(matches!(t("http://a.example"), Verdict::Dropped { fix: Fix::Replace(r), .. } if r == "\"http://a.example\""));
        assert!(matches!(t("example"), Verdict::Dropped { fix: Fix::Unknown, .. }));
        for fine in ["https://a.example", "https://a.example/path", "https://*.a.example", "https://a.example:*", "https:", "http://localhost:8080"] {
            assert_eq!(s(fine), Verdict::Fine, "{fine}");
        }
        assert!(matches!(s("self"), Verdict::Dropped { fix: Fix::Replace(r), .. } if r == "self"));
        assert!(matches!(s("SELF"), Verdict::Dropped { .. }));
        assert_eq!(s("*"), Verdict::Fine);
        assert!(matches!(s(" * "), Verdict::Dropped { fix: Fix::Replace(r), .. } if r == "*"));
        assert_eq!(s("'self'"), Verdict::ChromiumOnly { keyword: "self" });
        assert_eq!(s("none"), Verdict::NoneKeyword);
        assert_eq!(s("'none'"), Verdict::NoneKeyword);
        assert!(matches!(s("a.example"), Verdict::Dropped { fix: Fix::Replace(r), .. } if r == "\"https://a.example\""));
        assert!(matches!(s("a.example:8080"), Verdict::Dropped { .. }));
        assert!(matches!(s(""), Verdict::Dropped { fix: Fix::Remove, .. }));
        assert!(matches!(
            s("https://a.example b.example self"),
            Verdict::Dropped { fix: Fix::Replace(r), .. } if r == "\"https://a.example\" \"https://b.example\" self"
        ));
        assert_eq!(classify(&Value::Boolean(false)), Verdict::NoneKeyword);
        assert!(matches!(classify(&Value::Boolean(true)), Verdict::Dropped { .. }));
        assert!(matches!(classify(&Value::Integer(0)), Verdict::Dropped { .. }));
        assert!(matches!(classify(&Value::Bytes(vec![1])), Verdict::Dropped { .. }));
    }

    #[test]
    fn has_scheme_needs_a_scheme_then_slashes_or_nothing() {
        for (s, want) in [
            ("https://a.example", true),
            ("https:", true),
            ("wss://a.example", true),
            ("a.example", false),
            ("a.example:8080", false),
            ("//a.example", false),
            ("1https://a", false),
            (":", false),
            ("", false),
        ] {
            assert_eq!(has_scheme(s), want, "{s}");
        }
    }

    #[test]
    fn quoted_self_disables_the_feature_for_the_page() {
        let p = first_problem("camera=(\"self\"), microphone=()").unwrap();
        assert_eq!(p.severity, Severity::Warning);
        assert!(p.message.starts_with("`camera` in `Permissions-Policy` lists `\"self\"`"), "{}", p.message);
        assert!(p.message.ends_with("so `camera` is disabled for every origin, this page included."), "{}", p.message);
        assert_eq!(p.fix, "Send `camera=(self)`.");
    }

    #[test]
    fn unquoted_origin_leaves_the_rest() {
        let p = first_problem("geolocation=(self maps.example)").unwrap();
        assert_eq!(p.severity, Severity::Warning);
        assert!(p.message.ends_with("so `geolocation` is allowed only for `self`."), "{}", p.message);
        assert_eq!(p.fix, "Send `geolocation=(self \"https://maps.example\")`.");
    }

    #[test]
    fn none_is_info_unless_something_worse_is_listed() {
        let p = first_problem("camera=(none)").unwrap();
        assert_eq!(p.severity, Severity::Info);
        assert_eq!(p.fix, "Send `camera=()`: the empty list is how the header disables a feature.");
        let p = first_problem("camera=none").unwrap();
        assert_eq!(p.severity, Severity::Info);
        let p = first_problem("camera=(none \"self\")").unwrap();
        assert_eq!(p.severity, Severity::Warning, "the quoted self is reported first");
        assert!(p.message.contains("`\"self\"`"));
    }

    #[test]
    fn feature_without_value_is_the_boolean_true() {
        let p = first_problem("geolocation, camera=()").unwrap();
        assert_eq!(p.severity, Severity::Warning);
        assert!(p.message.starts_with("`geolocation` in `Permissions-Policy` lists `?1`"), "{}", p.message);
        assert!(p.fix.starts_with("List only `self`"), "{}", p.fix);
    }

    #[test]
    fn parameters_keep_the_fix_to_the_item() {
        let p = first_problem("camera=(\"self\");report-to=main").unwrap();
        assert_eq!(p.fix, "Write `self` instead of `\"self\"` in `camera`'s allowlist.");
    }

    #[test]
    fn quoted_quoted_self_is_chromium_only() {
        let p = first_problem("camera=(\"'self'\")").unwrap();
        assert_eq!(p.severity, Severity::Info);
        assert!(p.message.contains("Chromium reads it as `self`"), "{}", p.message);
        assert!(p.message.ends_with("so in a browser that followed it `camera` would be disabled for every origin, this page included."), "{}", p.message);
        assert_eq!(p.fix, "Send `camera=(self)`.");
        // Chromium's reading counts for what is left after another item is dropped.
        let p = first_problem("camera=(maps.example \"'self'\")").unwrap();
        assert!(p.message.contains("`maps.example`"), "{}", p.message);
        assert!(p.message.ends_with("so `camera` is allowed only for `self`."), "{}", p.message);
    }

    #[test]
    fn silent_on_valid_redundant_and_star_lists() {
        for v in [
            "geolocation=(self \"https://maps.example\"), camera=(), fullscreen=*",
            "camera=self, payment=\"https://pay.example\"",
            "fullscreen=(self *), camera=(* \"self\" none)",
            "camera=(self \"self\")",
            "fullscreen=(\"*\"), autoplay=(\"https://a.example\" \"*\")",
            "ch-ua-model=(self \"https://*.cdn.example\" \"https://video.example/embed\")",
            "",
        ] {
            assert!(first_problem(v).is_none(), "{v}");
        }
    }
}
