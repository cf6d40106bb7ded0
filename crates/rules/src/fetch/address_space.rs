//! Which network a URL's host is on, before DNS: the IP address spaces of Local Network Access
//! (WICG, <https://wicg.github.io/local-network-access/#ip-address-space>), which Chromium enforces
//! since version 142 with a permission prompt.
//!
//! The older Private Network Access draft (<https://wicg.github.io/private-network-access/>) named
//! the same three spaces `local` (loopback), `private` and `public`, and asked the *target* to opt in
//! through a preflight carrying `Access-Control-Request-Private-Network` (answered with
//! `Access-Control-Allow-Private-Network: true`). Chromium never shipped those preflights by default
//! and replaced them with Local Network Access: no preflight, the *user* grants a permission.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use serde::{Deserialize, Serialize};

use super::cors::origin_of;

/// LNA §ip-address-space. Ordered from the most private to the most public: a request whose target
/// is in a *smaller* space than its initiator's is a local network request (LNA §local-network-request).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AddressSpace {
    /// The machine itself: 127.0.0.0/8, ::1, `localhost`.
    Loopback,
    /// Addresses that mean something only on the current network: RFC 1918, link-local, unique
    /// local IPv6, mDNS `.local` names.
    Local,
    /// Everything else.
    Public,
}

impl AddressSpace {
    pub fn name(self) -> &'static str {
        match self {
            AddressSpace::Loopback => "loopback",
            AddressSpace::Local => "local",
            AddressSpace::Public => "public",
        }
    }
}

/// A URL's host, classified the way the URL standard parses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Host {
    Ip(IpAddr),
    /// A domain, lower-cased (no IDNA processing).
    Domain(String),
}

/// The host of an http(s) URL (or of an origin). `None` when the URL is not http(s) or its host is
/// invalid (a host that ends in a number but is not an IPv4 address is a URL failure, URL §host-parsing).
pub fn host_of(url: &str) -> Option<Host> {
    let origin = origin_of(url)?;
    let (_, host_port) = origin.split_once("://")?;
    if let Some(rest) = host_port.strip_prefix('[') {
        let (v6, _) = rest.split_once(']')?;
        return v6.parse::<Ipv6Addr>().ok().map(|a| Host::Ip(IpAddr::V6(a)));
    }
    let host = match host_port.rsplit_once(':') {
        Some((h, port)) if port.bytes().all(|b| b.is_ascii_digit()) => h,
        _ => host_port,
    };
    if host.is_empty() {
        return None;
    }
    if ends_in_a_number(host) {
        return ipv4_parse(host).map(|a| Host::Ip(IpAddr::V4(a)));
    }
    Some(Host::Domain(host.to_string()))
}

/// URL §ends-in-a-number-checker.
fn ends_in_a_number(host: &str) -> bool {
    let mut parts: Vec<&str> = host.split('.').collect();
    if parts.last() == Some(&"") {
        if parts.len() == 1 {
            return false;
        }
        parts.pop();
    }
    let last = parts.last().copied().unwrap_or("");
    if !last.is_empty() && last.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    let hex = last.strip_prefix("0x").or_else(|| last.strip_prefix("0X"));
    matches!(hex, Some(h) if h.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// URL §concept-ipv4-parser: decimal, octal (`0` prefix) and hex (`0x`) parts, 1 to 4 of them, so
/// `127.1` and `0x7f.0.0.1` are 127.0.0.1 as browsers see them.
fn ipv4_parse(host: &str) -> Option<Ipv4Addr> {
    let mut parts: Vec<&str> = host.split('.').collect();
    if parts.last() == Some(&"") && parts.len() > 1 {
        parts.pop();
    }
    if parts.is_empty() || parts.len() > 4 {
        return None;
    }
    let mut numbers = Vec::with_capacity(parts.len());
    for part in &parts {
        let (digits, radix) = if let Some(h) = part.strip_prefix("0x").or_else(|| part.strip_prefix("0X")) {
            (h, 16)
        } else if part.len() > 1 && part.starts_with('0') {
            (&part[1..], 8)
        } else {
            (*part, 10)
        };
        if digits.is_empty() {
            if radix == 10 {
                return None;
            }
            numbers.push(0u64);
            continue;
        }
        if !digits.chars().all(|c| c.is_digit(radix)) {
            return None;
        }
        numbers.push(u64::from_str_radix(digits, radix).ok()?);
    }
    let (last, init) = numbers.split_last()?;
    if init.iter().any(|&n| n > 255) || *last >= 256u64.pow(5 - numbers.len() as u32) {
        return None;
    }
    let mut ipv4 = *last;
    for (i, n) in init.iter().enumerate() {
        ipv4 += n * 256u64.pow(3 - i as u32);
    }
    Some(Ipv4Addr::from(u32::try_from(ipv4).ok()?))
}

/// The address space of an IP address, as Chromium classifies it for Local Network Access
/// (LNA §ip-address-space; Chromium's `IPAddressSpace`): loopback 127.0.0.0/8 and ::1; local the
/// RFC 1918 private ranges (§3), link-local 169.254.0.0/16, shared address space 100.64.0.0/10
/// (RFC 6598) and "this network" 0.0.0.0/8 (both measured in Chromium 156: a public page's request
/// to them asks for the permission), IPv4-mapped IPv6 of those, and any IPv6 address outside
/// ::1/128, 2000::/3 (global unicast) and ff00::/8 (multicast) — which covers unique local
/// fc00::/7 and link-local fe80::/10; public everything else (198.18.0.0/15, 192.0.0.0/24 and
/// multicast included: Chromium blocks them as mixed content, as public addresses).
pub fn ip_address_space(ip: IpAddr) -> AddressSpace {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            if a == 127 {
                AddressSpace::Loopback
            } else if a == 10
                || a == 0
                || (a == 172 && (16..32).contains(&b))
                || (a == 192 && b == 168)
                || (a == 169 && b == 254)
                || (a == 100 && (64..128).contains(&b))
            {
                AddressSpace::Local
            } else {
                AddressSpace::Public
            }
        }
        IpAddr::V6(v6) => {
            if let Some(mapped) = v6.to_ipv4_mapped() {
                return ip_address_space(IpAddr::V4(mapped));
            }
            if v6 == Ipv6Addr::LOCALHOST {
                return AddressSpace::Loopback;
            }
            let first = v6.segments()[0];
            let global_unicast = first & 0xe000 == 0x2000;
            let multicast = first & 0xff00 == 0xff00;
            if global_unicast || multicast {
                AddressSpace::Public
            } else {
                AddressSpace::Local
            }
        }
    }
}

/// Whether a domain is `localhost` or under `.localhost` (Secure Contexts §3.1 (is-origin-trustworthy)
/// step 4, the "let localhost be localhost" rule browsers follow), trailing dot allowed.
pub fn is_localhost_name(domain: &str) -> bool {
    let d = domain.strip_suffix('.').unwrap_or(domain);
    d == "localhost" || d.ends_with(".localhost")
}

/// The address space of a URL's host *before DNS*: known for IP literals, `localhost` names
/// (loopback) and mDNS `.local` names (local, as Chromium treats them); `None` for any other
/// hostname — only the address it resolves to decides.
pub fn host_address_space(host: &Host) -> Option<AddressSpace> {
    match host {
        Host::Ip(ip) => Some(ip_address_space(*ip)),
        Host::Domain(d) if is_localhost_name(d) => Some(AddressSpace::Loopback),
        Host::Domain(d) if d.strip_suffix('.').unwrap_or(d).ends_with(".local") => Some(AddressSpace::Local),
        Host::Domain(_) => None,
    }
}

/// Whether a request from `initiator` to `target` is a local network request (LNA
/// §local-network-request): the target is in a more private space than the initiator.
pub fn is_local_network_request(initiator: AddressSpace, target: AddressSpace) -> bool {
    target < initiator
}

/// The permission Chromium asks the user for (LNA §permissions; Chromium 145+ splits the single
/// `local-network-access` permission of 142–144 into these two).
pub fn permission_for(target: AddressSpace) -> Option<&'static str> {
    match target {
        AddressSpace::Loopback => Some("loopback-network"),
        AddressSpace::Local => Some("local-network"),
        AddressSpace::Public => None,
    }
}

/// What Local Network Access means for a request, as far as it can be told before DNS.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LocalNetwork {
    /// The page's address space: `null` when its host is a name (unknown before DNS).
    pub page_address_space: Option<AddressSpace>,
    /// The target's address space: `null` when its host is a name (unknown before DNS).
    pub target_address_space: Option<AddressSpace>,
    /// `true`/`false` when both spaces are known (or the answer does not depend on the unknown
    /// one); `null` otherwise.
    pub local_network_request: Option<bool>,
    /// The permission the user must grant when this is (or may be) a local network request.
    pub permission: Option<String>,
    /// One or two sentences for people, with the spec reference.
    pub explanation: String,
}

/// Classifies a request from a page at `page_origin` to `url` under Local Network Access.
/// `page_space` overrides the page's address space when the caller knows it (the address the page
/// was served from), since an origin with a host name does not say.
pub fn local_network(page_origin: &str, url: &str, page_space: Option<AddressSpace>) -> LocalNetwork {
    let page = page_space.or_else(|| host_of(page_origin).as_ref().and_then(host_address_space));
    let target = host_of(url).as_ref().and_then(host_address_space);
    let request = match (page, target) {
        (Some(p), Some(t)) => Some(is_local_network_request(p, t)),
        // Nothing is more private than loopback, nothing less private than public.
        (Some(AddressSpace::Loopback), None) | (_, Some(AddressSpace::Public)) => Some(false),
        _ => None,
    };
    let permission = target.filter(|_| request != Some(false)).and_then(permission_for).map(String::from);
    let spec = "(WICG Local Network Access §local-network-request; Chromium 142+ asks the user instead of sending the older Private Network Access preflight)";
    let explanation = match (request, page, target) {
        (Some(true), Some(p), Some(t)) => format!(
            "A request from a {} page to a {} address is a local network request: Chromium asks the user for the `{}` permission first, and without it fetch() fails (CorsError LocalNetworkAccessPermissionDenied) {spec}.",
            p.name(), t.name(), permission.as_deref().unwrap_or_default()
        ),
        (Some(false), _, _) => "Not a local network request: the target is not in a more private address space than the page (WICG Local Network Access §local-network-request).".into(),
        (None, None, Some(t)) => format!(
            "The target is a {} address. If the page is served from a public address (most sites are), this is a local network request: Chromium asks the user for the `{}` permission first, and without it fetch() fails {spec}.",
            t.name(), permission.as_deref().unwrap_or_default()
        ),
        _ => "The target's address space is unknown before DNS: if its name resolves to a private or loopback address while the page is public, Chromium treats it as a local network request and asks the user for permission (WICG Local Network Access §local-network-request).".into(),
    };
    LocalNetwork { page_address_space: page, target_address_space: target, local_network_request: request, permission, explanation }
}

#[cfg(test)]
mod tests {
    use super::*;
    use AddressSpace::*;

    fn space(url: &str) -> Option<AddressSpace> {
        host_of(url).as_ref().and_then(host_address_space)
    }

    #[test]
    fn hosts_parse_like_the_url_standard() {
        assert_eq!(host_of("http://127.1:8080/x"), Some(Host::Ip("127.0.0.1".parse().unwrap())));
        assert_eq!(host_of("http://0x7f.0.0.1/"), Some(Host::Ip("127.0.0.1".parse().unwrap())));
        assert_eq!(host_of("http://0300.0250.1.1/"), Some(Host::Ip("192.168.1.1".parse().unwrap())));
        assert_eq!(host_of("http://3232235777/"), Some(Host::Ip("192.168.1.1".parse().unwrap())));
        assert_eq!(host_of("http://192.168.1.1./"), Some(Host::Ip("192.168.1.1".parse().unwrap())));
        assert_eq!(host_of("http://[::1]:3000/"), Some(Host::Ip("::1".parse().unwrap())));
        assert_eq!(host_of("https://Api.Example/"), Some(Host::Domain("api.example".into())));
        // Ends in a number but is no IPv4 address: the URL is invalid.
        assert_eq!(host_of("http://1.2.3.256/"), None);
        assert_eq!(host_of("http://1.2.3.4.5/"), None);
        assert_eq!(host_of("http://+1.2.3.4/"), None);
        assert_eq!(host_of("http://09.1.1.1/"), None);
        assert_eq!(host_of("http://[zz]/"), None);
        assert_eq!(host_of("ftp://127.0.0.1/"), None);
    }

    #[test]
    fn hostile_hosts_never_panic() {
        let parts = ["", ".", "..", "0x", "0X", "00", "09", "0xg", "4294967295", "4294967296", "99999999999999999999999", "[", "]", "[::", "::1]", ":", "@", "%", "é", "-1", "+1", "1.", ".1"];
        for a in parts {
            for b in parts {
                for c in ["", ".", ":80", "]:1"] {
                    let url = format!("http://{a}{b}{c}/");
                    let _ = host_of(&url);
                    let _ = local_network("https://x", &url, None);
                    let _ = local_network(&url, "http://10.0.0.1/", None);
                    let _ = super::super::mixed_content::mixed_content("https://x", &url, None);
                }
            }
        }
        assert_eq!(host_of("http://4294967295/"), Some(Host::Ip("255.255.255.255".parse().unwrap())));
        assert_eq!(host_of("http://4294967296/"), None);
    }

    #[test]
    fn address_spaces() {
        assert_eq!(space("http://127.0.0.1:8080/"), Some(Loopback));
        assert_eq!(space("http://127.9.9.9/"), Some(Loopback));
        assert_eq!(space("http://[::1]/"), Some(Loopback));
        assert_eq!(space("http://localhost:3000/"), Some(Loopback));
        assert_eq!(space("http://app.localhost/"), Some(Loopback));
        assert_eq!(space("http://10.0.0.1/"), Some(Local));
        assert_eq!(space("http://172.16.0.1/"), Some(Local));
        assert_eq!(space("http://172.31.255.255/"), Some(Local));
        assert_eq!(space("http://172.32.0.1/"), Some(Public));
        assert_eq!(space("http://192.168.1.1/"), Some(Local));
        assert_eq!(space("http://169.254.169.254/"), Some(Local));
        assert_eq!(space("http://[fd00::1]/"), Some(Local));
        assert_eq!(space("http://[fe80::1]/"), Some(Local));
        assert_eq!(space("http://[::ffff:192.168.0.1]/"), Some(Local));
        assert_eq!(space("http://[::ffff:127.0.0.1]/"), Some(Loopback));
        assert_eq!(space("http://[2001:db8::1]/"), Some(Public));
        assert_eq!(space("http://93.184.215.14/"), Some(Public));
        // Edges measured in Chromium 156 (public https page: mixed content = public, a permission
        // request = not public).
        assert_eq!(space("http://100.64.0.1/"), Some(Local));
        assert_eq!(space("http://100.128.0.1/"), Some(Public));
        assert_eq!(space("http://0.1.2.3/"), Some(Local));
        assert_eq!(space("http://198.18.0.1/"), Some(Public));
        assert_eq!(space("http://192.0.0.1/"), Some(Public));
        assert_eq!(space("http://224.0.0.1/"), Some(Public));
        assert_eq!(space("http://[::ffff:8.8.8.8]/"), Some(Public));
        assert_eq!(space("http://printer.local/"), Some(Local));
        assert_eq!(space("https://api.example/"), None);
    }

    #[test]
    fn local_network_requests() {
        assert!(is_local_network_request(Public, Local) && is_local_network_request(Public, Loopback));
        assert!(is_local_network_request(Local, Loopback));
        assert!(!is_local_network_request(Local, Local) && !is_local_network_request(Loopback, Public));

        // The app on loopback talking to its simulator: nothing to ask.
        let l = local_network("http://127.0.0.1:8080", "http://localhost:8080/api/status/200", None);
        assert_eq!((l.local_network_request, l.permission), (Some(false), None));
        // A public page to a router: certain, with the permission named.
        let l = local_network("https://93.184.215.14", "http://192.168.1.1/", None);
        assert_eq!(l.local_network_request, Some(true));
        assert_eq!(l.permission.as_deref(), Some("local-network"));
        assert!(l.explanation.contains("LocalNetworkAccessPermissionDenied"));
        // A page on a host name: its address space is unknown, so the answer is conditional…
        let l = local_network("https://app.example", "http://localhost:3000/", None);
        assert_eq!((l.page_address_space, l.local_network_request), (None, None));
        assert_eq!(l.permission.as_deref(), Some("loopback-network"));
        assert!(l.explanation.contains("If the page is served from a public address"));
        // …unless the caller knows where the page was served from.
        let l = local_network("https://app.example", "http://localhost:3000/", Some(Public));
        assert_eq!(l.local_network_request, Some(true));
        // A target name is unknown before DNS.
        let l = local_network("https://93.184.215.14", "https://nas.example/", None);
        assert_eq!((l.target_address_space, l.local_network_request, l.permission), (None, None, None));
        assert!(l.explanation.contains("unknown before DNS"));
        // Public targets never are local network requests, whatever the page.
        assert_eq!(local_network("https://app.example", "https://93.184.215.14/", None).local_network_request, Some(false));
    }
}
