//! The [`Store`]: a connection pool to SQLite or PostgreSQL.

use std::str::FromStr;
use std::time::Duration;

use chrono::NaiveDate;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor};

use crate::error::redact_url;
use crate::{IndexRule, StoreError};

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

    /// Evaluates deadlines as if today were `today` instead of the local date
    /// (for tests, replays and demonstrations).
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

    /// The day deadlines are evaluated on: the fixed day, or the local date.
    pub fn today(&self) -> NaiveDate {
        self.today
            .unwrap_or_else(|| chrono::Local::now().date_naive())
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
