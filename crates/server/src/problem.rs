//! `application/problem+json` error responses (RFC 9457).

use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// One thing wrong with the request, e.g. a query parameter out of range.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct InvalidParam {
    pub name: String,
    pub reason: String,
}

/// An RFC 9457 problem detail. `type` is `about:blank` (RFC 9457 §4.2.1): the status code
/// says what kind of problem it is, `detail` and `invalid_params` say exactly what was wrong.
#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub title: String,
    pub status: u16,
    pub detail: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub invalid_params: Vec<InvalidParam>,
}

impl Problem {
    pub fn new(status: StatusCode, detail: impl Into<String>) -> Self {
        Problem {
            kind: "about:blank",
            title: status.canonical_reason().unwrap_or("Error").to_string(),
            status: status.as_u16(),
            detail: detail.into(),
            instance: None,
            invalid_params: Vec::new(),
        }
    }
    pub fn bad_request(params: Vec<InvalidParam>) -> Self {
        let detail = params.iter().map(|p| format!("{}: {}", p.name, p.reason)).collect::<Vec<_>>().join("; ");
        Problem { invalid_params: params, ..Problem::new(StatusCode::BAD_REQUEST, detail) }
    }
    pub fn with_instance(mut self, path: &str) -> Self {
        self.instance = Some(path.to_string());
        self
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_vec_pretty(&self).unwrap_or_default();
        let mut res = (status, body).into_response();
        let h = res.headers_mut();
        h.insert("content-type", HeaderValue::from_static("application/problem+json"));
        h.insert("cache-control", HeaderValue::from_static("no-store"));
        h.insert("x-content-type-options", HeaderValue::from_static("nosniff"));
        res
    }
}
