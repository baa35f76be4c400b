//! The public home page's data (cycle, timeline, latest news) per tenant, kept for a few
//! seconds. The home page is the most visited page and its data changes a few times a month;
//! without this, every visit costs three queries. This instance drops an entry as soon as it
//! changes the data itself; other instances see the change when their copy expires.

use std::{
    collections::HashMap,
    sync::{Arc, RwLock},
    time::{Duration, Instant},
};

use domain::TenantId;
use store::{CycleRow, NewsItem, Store, StoreError, TimelinePhase};

const TTL: Duration = Duration::from_secs(5);
pub const HOME_NEWS: i64 = 4;

pub struct HomeData {
    pub cycle: Option<CycleRow>,
    pub phases: Vec<TimelinePhase>,
    pub news: Vec<NewsItem>,
}

type Entry = (Instant, Arc<HomeData>);

#[derive(Clone, Default)]
pub struct HomeCache {
    entries: Arc<RwLock<HashMap<TenantId, Entry>>>,
}

impl HomeCache {
    pub async fn get(&self, store: &Store, tenant: TenantId) -> Result<Arc<HomeData>, StoreError> {
        if let Ok(entries) = self.entries.read()
            && let Some((at, data)) = entries.get(&tenant)
            && at.elapsed() < TTL
        {
            return Ok(data.clone());
        }
        let (cycle, news) = tokio::try_join!(store.current_cycle(tenant), store.list_news(tenant, HOME_NEWS, 0))?;
        let phases = match &cycle {
            Some(c) => store.timeline(tenant, c.id).await?,
            None => Vec::new(),
        };
        let data = Arc::new(HomeData { cycle, phases, news });
        if let Ok(mut entries) = self.entries.write() {
            entries.insert(tenant, (Instant::now(), data.clone()));
        }
        Ok(data)
    }

    pub fn invalidate(&self, tenant: TenantId) {
        if let Ok(mut entries) = self.entries.write() {
            entries.remove(&tenant);
        }
    }
}
