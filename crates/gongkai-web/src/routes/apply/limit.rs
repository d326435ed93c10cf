//! Rate limiting of wrong 查询码 per client address: a token bucket of
//! [`CAPACITY`] failures refilled over [`WINDOW`], so that at most about ten
//! wrong codes per ten minutes can be tried from one address (IPv6 by /64).
//! While a bucket is empty every look-up from that address is refused, found
//! or not, so that the answer tells nothing.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::sync::{LazyLock, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;

/// Wrong codes allowed in a burst.
pub const CAPACITY: f64 = 10.0;
/// The time in which a full bucket refills.
pub const WINDOW: Duration = Duration::from_secs(10 * 60);
/// Buckets kept at most; full buckets are dropped first when exceeded.
const MAX_CLIENTS: usize = 100_000;

/// The client's address as the limiter keys it. Without connection info
/// (a server started without `into_make_service_with_connect_info`) every
/// client shares one bucket: stricter, never looser.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Client(Option<IpAddr>);

impl<S: Send + Sync> FromRequestParts<S> for Client {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let ip = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| match addr.ip() {
                IpAddr::V6(v6) if v6.to_ipv4_mapped().is_some() => IpAddr::V4(
                    v6.to_ipv4_mapped()
                        .unwrap_or(std::net::Ipv4Addr::UNSPECIFIED),
                ),
                IpAddr::V6(v6) => {
                    let s = v6.segments();
                    IpAddr::V6(Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
                }
                v4 => v4,
            });
        Ok(Client(ip))
    }
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    updated: Instant,
}

impl Bucket {
    fn refilled(mut self, now: Instant) -> Bucket {
        let elapsed = now.saturating_duration_since(self.updated).as_secs_f64();
        self.tokens = (self.tokens + elapsed * CAPACITY / WINDOW.as_secs_f64()).min(CAPACITY);
        self.updated = now;
        self
    }
}

static BUCKETS: LazyLock<Mutex<HashMap<Client, Bucket>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

fn with_bucket<T>(client: Client, f: impl FnOnce(&mut Bucket) -> T) -> T {
    let now = Instant::now();
    let mut buckets = BUCKETS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if buckets.len() >= MAX_CLIENTS {
        buckets.retain(|_, b| b.refilled(now).tokens < CAPACITY);
    }
    let bucket = buckets.entry(client).or_insert(Bucket {
        tokens: CAPACITY,
        updated: now,
    });
    *bucket = bucket.refilled(now);
    f(bucket)
}

/// Whether `client` has used up its wrong codes.
pub fn blocked(client: Client) -> bool {
    with_bucket(client, |b| b.tokens < 1.0)
}

/// Records a wrong code from `client`.
pub fn record_failure(client: Client) {
    with_bucket(client, |b| b.tokens = (b.tokens - 1.0).max(0.0));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_failures_then_blocked() {
        let client = Client(Some(IpAddr::from([192, 0, 2, 77])));
        for _ in 0..10 {
            assert!(!blocked(client));
            record_failure(client);
        }
        assert!(blocked(client));
        assert!(!blocked(Client(Some(IpAddr::from([192, 0, 2, 78])))));
        let bucket = Bucket {
            tokens: 0.0,
            updated: Instant::now(),
        };
        let later = bucket.refilled(bucket.updated + WINDOW / 10);
        assert!((later.tokens - 1.0).abs() < 1e-9);
    }
}
