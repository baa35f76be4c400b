//! Short-lived caches of public page data. The home page and the page of an open call are the
//! most visited pages and their data changes a few times a month; without these, every visit
//! costs several queries. This instance drops an entry as soon as it changes the data itself;
//! other instances see the change when their copy expires (a few seconds).

use std::{
    collections::HashMap,
    hash::Hash,
    sync::{Arc, RwLock},
    time::{Duration, Instant},
};

use domain::{CallId, TenantId};
use store::{CallRow, CriterionRow, CycleRow, NewsItem, Store, StoreError, TimelinePhase};

const TTL: Duration = Duration::from_secs(5);
pub const HOME_NEWS: i64 = 4;

/// A map whose entries expire after [`TTL`].
pub struct TtlCache<K, V> {
    entries: RwLock<HashMap<K, (Instant, Arc<V>)>>,
}

impl<K: Eq + Hash, V> Default for TtlCache<K, V> {
    fn default() -> Self {
        TtlCache {
            entries: RwLock::new(HashMap::new()),
        }
    }
}

impl<K: Eq + Hash, V> TtlCache<K, V> {
    pub fn get(&self, key: &K) -> Option<Arc<V>> {
        let entries = self.entries.read().ok()?;
        entries
            .get(key)
            .filter(|(at, _)| at.elapsed() < TTL)
            .map(|(_, v)| v.clone())
    }

    pub fn put(&self, key: K, value: V) -> Arc<V> {
        let value = Arc::new(value);
        if let Ok(mut entries) = self.entries.write() {
            // Keys come from URLs: bound the map so that crawling every id cannot grow it forever.
            if entries.len() > 10_000 {
                entries.clear();
            }
            entries.insert(key, (Instant::now(), value.clone()));
        }
        value
    }

    pub fn invalidate(&self, key: &K) {
        if let Ok(mut entries) = self.entries.write() {
            entries.remove(key);
        }
    }
}

pub struct HomeData {
    pub cycle: Option<CycleRow>,
    pub phases: Vec<TimelinePhase>,
    pub news: Vec<NewsItem>,
}

/// A Markdown text rendered in both languages; empty English falls back to Albanian.
pub struct Rendered {
    pub sq: String,
    pub en: String,
}

impl Rendered {
    fn new(sq: &str, en: &str) -> Self {
        Rendered {
            sq: views::markdown::render(sq),
            en: if en.trim().is_empty() {
                String::new()
            } else {
                views::markdown::render(en)
            },
        }
    }

    pub fn get(&self, lang: domain::Lang) -> &str {
        match lang {
            domain::Lang::En if !self.en.is_empty() => &self.en,
            _ => &self.sq,
        }
    }
}

/// A published call, its criteria, and its texts rendered once (Markdown rendering and
/// sanitising cost more than the rest of the page).
pub struct CallData {
    pub call: CallRow,
    pub criteria: Vec<CriterionRow>,
    pub documents: Vec<store::FileMeta>,
    pub body: Rendered,
    pub eligibility: Rendered,
    pub requirements: Rendered,
}

#[derive(Clone, Default)]
pub struct PublicCache {
    home: Arc<TtlCache<TenantId, HomeData>>,
    calls: Arc<TtlCache<(TenantId, CallId), CallData>>,
}

impl PublicCache {
    pub async fn home(&self, store: &Store, tenant: TenantId) -> Result<Arc<HomeData>, StoreError> {
        if let Some(data) = self.home.get(&tenant) {
            return Ok(data);
        }
        let (cycle, news) = tokio::try_join!(store.current_cycle(tenant), store.list_news(tenant, HOME_NEWS, 0))?;
        let phases = match &cycle {
            Some(c) => store.timeline(tenant, c.id).await?,
            None => Vec::new(),
        };
        Ok(self.home.put(tenant, HomeData { cycle, phases, news }))
    }

    pub fn invalidate_home(&self, tenant: TenantId) {
        self.home.invalidate(&tenant);
    }

    /// A call with its criteria; only published calls are kept (drafts are for staff only).
    pub async fn call(
        &self,
        store: &Store,
        tenant: TenantId,
        call: CallId,
    ) -> Result<Option<Arc<CallData>>, StoreError> {
        if let Some(data) = self.calls.get(&(tenant, call)) {
            return Ok(Some(data));
        }
        let Some(row) = store.call(tenant, call).await? else {
            return Ok(None);
        };
        let criteria = store.criteria(tenant, call).await?;
        let documents = store.call_documents(tenant, call).await?;
        let data = CallData {
            documents,
            body: Rendered::new(&row.body_sq, &row.body_en),
            eligibility: Rendered::new(&row.eligibility_sq, &row.eligibility_en),
            requirements: Rendered::new(&row.requirements_sq, &row.requirements_en),
            call: row,
            criteria,
        };
        if data.call.is_published() {
            Ok(Some(self.calls.put((tenant, call), data)))
        } else {
            Ok(Some(Arc::new(data)))
        }
    }

    pub fn invalidate_call(&self, tenant: TenantId, call: CallId) {
        self.calls.invalidate(&(tenant, call));
    }
}
