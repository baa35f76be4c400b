//! Tenant resolution from the request's host name, with a short-lived cache: every request
//! needs its tenant, and tenants change rarely. Several instances may each cache for a few
//! seconds; a renamed tenant shows up everywhere within that time.

use std::{
    collections::HashMap,
    sync::{Arc, RwLock},
    time::{Duration, Instant},
};

use store::{Store, StoreError, TenantRow};

const TTL: Duration = Duration::from_secs(10);

type Entry = (Instant, Option<Arc<TenantRow>>);

#[derive(Clone)]
pub struct TenantCache {
    store: Store,
    entries: Arc<RwLock<HashMap<String, Entry>>>,
}

impl TenantCache {
    pub fn new(store: Store) -> Self {
        TenantCache {
            store,
            entries: Arc::new(RwLock::new(HashMap::new())),
        }
    }

    /// The tenant for `host` (port stripped), or the default tenant, or `None`.
    pub async fn resolve(&self, host: &str) -> Result<Option<Arc<TenantRow>>, StoreError> {
        let host = strip_port(host).to_ascii_lowercase();
        if let Ok(entries) = self.entries.read()
            && let Some((at, tenant)) = entries.get(&host)
            && at.elapsed() < TTL
        {
            return Ok(tenant.clone());
        }
        let tenant = self.store.resolve_tenant(&host).await?.map(Arc::new);
        if let Ok(mut entries) = self.entries.write() {
            // Host names come from clients: bound the map so junk hosts cannot grow it forever.
            if entries.len() > 1000 {
                entries.clear();
            }
            entries.insert(host, (Instant::now(), tenant.clone()));
        }
        Ok(tenant)
    }

    pub fn clear(&self) {
        if let Ok(mut entries) = self.entries.write() {
            entries.clear();
        }
    }
}

fn strip_port(host: &str) -> &str {
    if host.starts_with('[') {
        // IPv6 literal: [::1]:8080
        return host
            .split(']')
            .next()
            .map(|h| h.trim_start_matches('['))
            .unwrap_or(host);
    }
    host.rsplit_once(':').map(|(h, _)| h).unwrap_or(host)
}

#[cfg(test)]
mod tests {
    use super::strip_port;

    #[test]
    fn ports_are_stripped() {
        assert_eq!(strip_port("elbasan.example:8080"), "elbasan.example");
        assert_eq!(strip_port("elbasan.example"), "elbasan.example");
        assert_eq!(strip_port("[::1]:8080"), "::1");
    }
}
