//! Form bodies as an ordered list of pairs, so that repeated fields (checkboxes, timeline rows)
//! survive, plus a map view where repeated values are joined with commas.

use std::collections::HashMap;

use axum::{
    body::Bytes,
    extract::{FromRequest, Request},
};

use crate::AppError;

pub struct FormData(pub Vec<(String, String)>);

impl<S: Send + Sync> FromRequest<S> for FormData {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = Bytes::from_request(req, state).await.map_err(|e| {
            if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                AppError::PayloadTooLarge
            } else {
                AppError::BadRequest
            }
        })?;
        let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(&bytes).map_err(|_| AppError::BadRequest)?;
        Ok(FormData(pairs))
    }
}

impl FormData {
    /// First value of `key`, or "".
    pub fn get(&self, key: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    /// All values of `key`, in order.
    pub fn all(&self, key: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// One entry per field; repeated fields joined by commas (the checkbox convention).
    pub fn to_map(&self) -> HashMap<String, String> {
        let mut map: HashMap<String, String> = HashMap::new();
        for (k, v) in &self.0 {
            map.entry(k.clone())
                .and_modify(|existing| {
                    existing.push(',');
                    existing.push_str(v);
                })
                .or_insert_with(|| v.clone());
        }
        map
    }

    /// The map without secrets, to show a form again after an error (passwords are never
    /// echoed back into a page).
    pub fn to_map_without_secrets(&self) -> HashMap<String, String> {
        let mut map = self.to_map();
        map.retain(|k, _| !k.contains("password"));
        map
    }
}
