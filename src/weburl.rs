//! WHATWG URLs. In the browser this is the browser's own parser (`web_sys::Url`): the page's
//! `fetch` will parse the URL exactly so, and the app does not ship a second parser with its
//! Unicode tables. Natively (tests), the `url` crate implements the same standard.

#[derive(Clone, Debug)]
pub struct WebUrl {
    #[cfg(target_arch = "wasm32")]
    inner: web_sys::Url,
    #[cfg(not(target_arch = "wasm32"))]
    inner: url::Url,
}

impl WebUrl {
    /// Parses an absolute URL; the message says why it is not one.
    pub fn parse(s: &str) -> Result<Self, String> {
        #[cfg(target_arch = "wasm32")]
        {
            web_sys::Url::new(s).map(|inner| WebUrl { inner }).map_err(|_| "not an absolute URL".to_string())
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            url::Url::parse(s).map(|inner| WebUrl { inner }).map_err(|e| e.to_string())
        }
    }

    /// The scheme without its colon (`https`).
    pub fn scheme(&self) -> String {
        #[cfg(target_arch = "wasm32")]
        {
            self.inner.protocol().trim_end_matches(':').to_string()
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            self.inner.scheme().to_string()
        }
    }

    /// `scheme://host[:port]`, or `None` for an opaque origin.
    pub fn origin(&self) -> Option<String> {
        #[cfg(target_arch = "wasm32")]
        {
            Some(self.inner.origin()).filter(|o| o != "null")
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            match self.inner.origin() {
                o @ url::Origin::Tuple(..) => Some(o.ascii_serialization()),
                url::Origin::Opaque(_) => None,
            }
        }
    }

    pub fn hostname(&self) -> String {
        #[cfg(target_arch = "wasm32")]
        {
            self.inner.hostname()
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            self.inner.host_str().unwrap_or("").to_string()
        }
    }

    pub fn set_hostname(&mut self, host: &str) {
        #[cfg(target_arch = "wasm32")]
        {
            self.inner.set_hostname(host)
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            let _ = self.inner.set_host(Some(host));
        }
    }

    pub fn path(&self) -> String {
        #[cfg(target_arch = "wasm32")]
        {
            self.inner.pathname()
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            self.inner.path().to_string()
        }
    }

    /// The query without `?` (empty when there is none).
    pub fn query(&self) -> String {
        #[cfg(target_arch = "wasm32")]
        {
            self.inner.search().trim_start_matches('?').to_string()
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            self.inner.query().unwrap_or("").to_string()
        }
    }

    /// Replaces the query (without `?`), keeping its bytes as given (no re-serialisation).
    pub fn set_query(&mut self, q: &str) {
        #[cfg(target_arch = "wasm32")]
        {
            self.inner.set_search(q)
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            self.inner.set_query(if q.is_empty() { None } else { Some(q) })
        }
    }

    pub fn href(&self) -> String {
        #[cfg(target_arch = "wasm32")]
        {
            self.inner.href()
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            self.inner.to_string()
        }
    }
}

/// The value of `key` in an `application/x-www-form-urlencoded` query.
pub fn query_param(query: &str, key: &str) -> Option<String> {
    form_urlencoded::parse(query.trim_start_matches('?').as_bytes()).find(|(k, _)| k == key).map(|(_, v)| v.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_and_setters() {
        let mut u = WebUrl::parse("http://127.0.0.1:8080/api/status/401?omit=X").unwrap();
        assert_eq!(u.scheme(), "http");
        assert_eq!(u.origin().as_deref(), Some("http://127.0.0.1:8080"));
        assert_eq!(u.path(), "/api/status/401");
        assert_eq!(u.query(), "omit=X");
        u.set_hostname("localhost");
        u.set_query("omit=X&rid=a");
        assert_eq!(u.href(), "http://localhost:8080/api/status/401?omit=X&rid=a");
        assert!(WebUrl::parse("data:text/plain,hi").unwrap().origin().is_none());
        assert!(WebUrl::parse("not a url").is_err());
        assert_eq!(query_param("?try=401&x=1", "try").as_deref(), Some("401"));
    }
}
