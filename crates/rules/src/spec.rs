//! Typed references to the specifications a rule or a reference entry relies on.

use serde::{Deserialize, Serialize};

/// A reference to a specification: an RFC (optionally a section), a WHATWG Fetch anchor,
/// or any other document given by label and URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum SpecRef {
    Rfc {
        rfc: u16,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        section: Option<String>,
    },
    Fetch {
        fetch: String,
    },
    Other {
        label: String,
        url: String,
    },
}

impl SpecRef {
    /// `RFC 9110 §15.5.2`, `Fetch §cors-check`, or the document's own label.
    pub fn label(&self) -> String {
        match self {
            SpecRef::Rfc { rfc, section: Some(s) } => format!("RFC {rfc} §{s}"),
            SpecRef::Rfc { rfc, section: None } => format!("RFC {rfc}"),
            SpecRef::Fetch { fetch } => format!("Fetch standard §{fetch}"),
            SpecRef::Other { label, .. } => label.clone(),
        }
    }

    /// A stable link to the referenced text.
    pub fn url(&self) -> String {
        match self {
            SpecRef::Rfc { rfc, section: Some(s) } if s.starts_with(|c: char| c.is_ascii_digit()) => {
                format!("https://www.rfc-editor.org/rfc/rfc{rfc}.html#section-{s}")
            }
            SpecRef::Rfc { rfc, section: Some(s) } => {
                // Appendix letters ("A", "B.1") use rfc-editor's appendix anchors.
                format!("https://www.rfc-editor.org/rfc/rfc{rfc}.html#appendix-{s}")
            }
            SpecRef::Rfc { rfc, section: None } => format!("https://www.rfc-editor.org/rfc/rfc{rfc}.html"),
            SpecRef::Fetch { fetch } => format!("https://fetch.spec.whatwg.org/#{fetch}"),
            SpecRef::Other { url, .. } => url.clone(),
        }
    }
}

/// Shorthand used by rule declarations: `rfc(9110, "15.5.2")`.
pub const fn rfc(rfc: u16, section: &'static str) -> StaticSpec {
    StaticSpec::Rfc(rfc, section)
}

/// Shorthand for a Fetch-standard anchor: `fetch("cors-check")`.
pub const fn fetch(anchor: &'static str) -> StaticSpec {
    StaticSpec::Fetch(anchor)
}

/// The `'static` form used inside rule declarations (const-constructible).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaticSpec {
    Rfc(u16, &'static str),
    Fetch(&'static str),
    Other(&'static str, &'static str),
}

impl StaticSpec {
    pub fn to_ref(self) -> SpecRef {
        match self {
            StaticSpec::Rfc(n, "") => SpecRef::Rfc { rfc: n, section: None },
            StaticSpec::Rfc(n, s) => SpecRef::Rfc { rfc: n, section: Some(s.to_string()) },
            StaticSpec::Fetch(a) => SpecRef::Fetch { fetch: a.to_string() },
            StaticSpec::Other(l, u) => SpecRef::Other { label: l.to_string(), url: u.to_string() },
        }
    }
    pub fn label(self) -> String {
        self.to_ref().label()
    }
    pub fn url(self) -> String {
        self.to_ref().url()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_section_links() {
        assert_eq!(rfc(9110, "15.5.2").url(), "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.2");
        assert_eq!(rfc(9110, "15.5.2").label(), "RFC 9110 §15.5.2");
        assert_eq!(rfc(6585, "").url(), "https://www.rfc-editor.org/rfc/rfc6585.html");
        assert_eq!(fetch("cors-check").url(), "https://fetch.spec.whatwg.org/#cors-check");
    }

    #[test]
    fn json_forms_round_trip() {
        let r: SpecRef = serde_json::from_str(r#"{"rfc":9110,"section":"15.5.2"}"#).unwrap();
        assert_eq!(r.label(), "RFC 9110 §15.5.2");
        let o: SpecRef = serde_json::from_str(r#"{"label":"nginx docs","url":"https://nginx.org/"}"#).unwrap();
        assert_eq!(o.url(), "https://nginx.org/");
    }
}
