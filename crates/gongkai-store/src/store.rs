//! The [`Store`]: a connection pool to SQLite or PostgreSQL.

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor};

use crate::error::redact_url;
use crate::{Agency, CategoryCount, IndexRule, StoreError};

/// The database behind a [`Store`]. Queries are shared; only DDL differs a little.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// SQLite, the embedded default.
    Sqlite,
    /// PostgreSQL.
    Postgres,
}

impl Dialect {
    /// The dialect a database URL selects.
    pub fn of_url(url: &str) -> Result<Dialect, StoreError> {
        if url.starts_with("sqlite:") {
            Ok(Dialect::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Dialect::Postgres)
        } else {
            Err(StoreError::UnsupportedUrl(redact_url(url)))
        }
    }
}

/// Access to gongkai's database. Cheap to clone (the pool is shared).
#[derive(Debug, Clone)]
pub struct Store {
    pub(crate) pool: AnyPool,
    dialect: Dialect,
    index_rule: IndexRule,
    today: Option<NaiveDate>,
    calendar: Option<std::sync::Arc<gongkai_domain::calendar::WorkCalendar>>,
    pub(crate) agency_cache: std::sync::Arc<AgencyCache>,
    pub(crate) published_counts: std::sync::Arc<CategoryCountCache>,
}

/// How long per-category counts of published items are kept in memory.
/// Every write transaction of this store clears them; the limit bounds how
/// long a change made by another process, or committed while a count was
/// being read, stays unseen.
const COUNT_CACHE_TTL: Duration = Duration::from_secs(10);

/// Per agency, how many published items each category has: the public
/// catalog shows them on every page, and counting an agency's tens of
/// thousands of items costs milliseconds.
#[derive(Debug, Default)]
pub(crate) struct CategoryCountCache {
    slot: std::sync::RwLock<HashMap<String, (Instant, Vec<CategoryCount>)>>,
    /// Bumped by every [`CategoryCountCache::clear`] (see [`AgencyCache`]).
    generation: AtomicU64,
}

impl CategoryCountCache {
    /// The counts of `agency_code`, if read less than [`COUNT_CACHE_TTL`] ago.
    pub(crate) fn get(&self, agency_code: &str) -> Option<Vec<CategoryCount>> {
        let slot = self.slot.read().ok()?;
        slot.get(agency_code)
            .filter(|(read_at, _)| read_at.elapsed() < COUNT_CACHE_TTL)
            .map(|(_, counts)| counts.clone())
    }

    /// The generation to pass to [`CategoryCountCache::put`]; take it before reading.
    pub(crate) fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// Keeps the counts of `agency_code`, read at `generation`, unless the
    /// cache has been cleared since.
    pub(crate) fn put(&self, generation: u64, agency_code: &str, counts: Vec<CategoryCount>) {
        if let Ok(mut slot) = self.slot.write()
            && self.generation.load(Ordering::Acquire) == generation
        {
            slot.insert(agency_code.to_owned(), (Instant::now(), counts));
        }
    }

    /// Forgets every count (something may be written).
    pub(crate) fn clear(&self) {
        if let Ok(mut slot) = self.slot.write() {
            self.generation.fetch_add(1, Ordering::AcqRel);
            slot.clear();
        }
    }
}

/// How long the agency directory is kept in memory. Saving an agency
/// through this store clears it at once; the limit bounds how long a change
/// made by another process (e.g. the CLI) stays unseen.
const AGENCY_CACHE_TTL: Duration = Duration::from_secs(5);

/// The agency directory in memory: every public page reads it (the page's
/// agency, the site's government), and it changes rarely.
#[derive(Debug, Default)]
pub(crate) struct AgencyCache {
    slot: std::sync::RwLock<Option<(Instant, std::sync::Arc<Vec<Agency>>)>>,
    /// Bumped by every [`AgencyCache::clear`], so that a directory read from
    /// the database before a change is not stored after it.
    generation: AtomicU64,
}

impl AgencyCache {
    /// The directory, if read less than [`AGENCY_CACHE_TTL`] ago.
    pub(crate) fn get(&self) -> Option<std::sync::Arc<Vec<Agency>>> {
        let slot = self.slot.read().ok()?;
        slot.as_ref()
            .filter(|(read_at, _)| read_at.elapsed() < AGENCY_CACHE_TTL)
            .map(|(_, agencies)| agencies.clone())
    }

    /// The generation to pass to [`AgencyCache::put`]; take it before reading.
    pub(crate) fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// Keeps `agencies`, read from the database when the cache was at
    /// `generation`, unless it has been cleared since.
    pub(crate) fn put(&self, generation: u64, agencies: std::sync::Arc<Vec<Agency>>) {
        if let Ok(mut slot) = self.slot.write()
            && self.generation.load(Ordering::Acquire) == generation
        {
            *slot = Some((Instant::now(), agencies));
        }
    }

    /// Forgets the directory (an agency was saved).
    pub(crate) fn clear(&self) {
        if let Ok(mut slot) = self.slot.write() {
            self.generation.fetch_add(1, Ordering::AcqRel);
            *slot = None;
        }
    }
}

impl Store {
    /// Connects to the database at `url` (`sqlite://file.db?mode=rwc` creates the
    /// file; `postgres://user@host/db`). Does not migrate: call [`Store::migrate`].
    ///
    /// SQLite files are switched to WAL mode with `synchronous=NORMAL`, foreign
    /// keys on and a 5-second busy timeout.
    pub async fn connect(url: &str) -> Result<Store, StoreError> {
        let dialect = Dialect::of_url(url)?;
        sqlx::any::install_default_drivers();
        let connect_err = |source| StoreError::Connect {
            url: redact_url(url),
            source,
        };
        let options = AnyConnectOptions::from_str(url).map_err(connect_err)?;
        let pool_options = AnyPoolOptions::new().acquire_timeout(Duration::from_secs(15));
        let pool_options = match dialect {
            Dialect::Sqlite => pool_options.max_connections(8).after_connect(|conn, _meta| {
                Box::pin(async move {
                    conn.execute("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;")
                        .await?;
                    Ok(())
                })
            }),
            Dialect::Postgres => pool_options.max_connections(16),
        };
        let pool = pool_options
            .connect_with(options)
            .await
            .map_err(connect_err)?;
        if dialect == Dialect::Sqlite {
            sqlx::raw_sql("PRAGMA journal_mode = WAL")
                .execute(&pool)
                .await
                .map_err(connect_err)?;
        }
        Ok(Store {
            pool,
            dialect,
            index_rule: IndexRule::default(),
            today: None,
            calendar: None,
            agency_cache: std::sync::Arc::default(),
            published_counts: std::sync::Arc::default(),
        })
    }

    /// Connects and applies every pending migration.
    pub async fn open(url: &str) -> Result<Store, StoreError> {
        let store = Store::connect(url).await?;
        store.migrate().await?;
        Ok(store)
    }

    /// Uses `rule` to generate the 索引号 of new catalog items.
    pub fn with_index_rule(mut self, rule: IndexRule) -> Store {
        self.index_rule = rule;
        self
    }

    /// Evaluates deadlines as if today were `today` instead of the date in
    /// Beijing (for tests, replays and demonstrations).
    pub fn with_today(mut self, today: NaiveDate) -> Store {
        self.today = Some(today);
        self
    }

    /// Uses `calendar` for every deadline instead of the operational national
    /// calendar, e.g. one with a deployment's local deviations layered on
    /// ([`crate::calendar_with_files`]).
    #[must_use]
    pub fn with_calendar(mut self, calendar: gongkai_domain::calendar::WorkCalendar) -> Store {
        self.calendar = Some(std::sync::Arc::new(calendar));
        self
    }

    /// The working-day calendar deadlines are computed with: the configured one,
    /// or [`WorkCalendar::operational`](gongkai_domain::calendar::WorkCalendar::operational).
    pub fn calendar(&self) -> Result<&gongkai_domain::calendar::WorkCalendar, StoreError> {
        match &self.calendar {
            Some(calendar) => Ok(calendar),
            None => crate::repo::operational_calendar(),
        }
    }

    /// The day deadlines are evaluated on and online receipts are dated: the
    /// fixed day, or today in Beijing — never the host's time zone, since
    /// every legal date is Beijing time (a UTC server would otherwise date a
    /// Monday-morning application Sunday until 08:00).
    pub fn today(&self) -> NaiveDate {
        self.today
            .unwrap_or_else(|| gongkai_domain::calendar::beijing_date(chrono::Utc::now()))
    }

    /// The rule that generates 索引号.
    pub fn index_rule(&self) -> &IndexRule {
        &self.index_rule
    }

    /// The database behind this store.
    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    /// Starts a transaction that will write. On SQLite it takes the write lock
    /// at once (`BEGIN IMMEDIATE`): a deferred transaction that reads first and
    /// writes later cannot wait for a concurrent writer and fails with
    /// “database is locked”, whereas an immediate one waits (busy timeout).
    pub(crate) async fn begin_write(
        &self,
    ) -> Result<sqlx::Transaction<'static, sqlx::Any>, sqlx::Error> {
        // Any write may change what is published; the counts are read again.
        self.published_counts.clear();
        match self.dialect {
            Dialect::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Dialect::Postgres => self.pool.begin().await,
        }
    }

    /// Applies every pending migration, each in its own transaction.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        crate::migrate::run(&self.pool, self.dialect).await
    }

    /// Closes every connection (waits for queries in flight).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}
