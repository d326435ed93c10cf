//! 信息处理费: the information processing fee of 国办函〔2020〕109号.
//!
//! The Regulation (Art. 42) makes disclosure free unless an applicant's
//! requests clearly exceed a reasonable quantity or frequency; 109号 then
//! allows a fee computed either per application (按件计收) or per page
//! (按量计收), never both, each **progressive on the excess** (超额累进): every
//! unit is priced by the band it falls in. The fee notice must show how the
//! amount was reached, so every quote carries its breakdown by band.
//!
//! Amounts are whole yuan: every unit price of 109号 is a whole number.

use std::fmt;

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Largest monthly count of applications accepted by [`per_item`]; far above
/// any real month, it turns a typo into an error instead of a huge notice.
pub const MAX_ITEMS_PER_MONTH: u64 = 10_000;

/// Largest page count accepted by [`per_volume`], for the same reason.
pub const MAX_PAGES: u64 = 10_000_000;

/// The two charging methods of 109号; one is chosen per application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeeMethod {
    /// 按件计收: by the applicant's cumulative number of applications in one
    /// natural month.
    PerItem,
    /// 按量计收: by the number of pages (paper copies, e-mail, copied data).
    PerVolume,
}

impl FeeMethod {
    /// The official name of the method, as printed on the fee notice.
    pub fn label(&self) -> &'static str {
        match self {
            FeeMethod::PerItem => "按件计收",
            FeeMethod::PerVolume => "按量计收",
        }
    }

    /// The unit counted ("件" or "页").
    pub fn unit(&self) -> &'static str {
        match self {
            FeeMethod::PerItem => "件",
            FeeMethod::PerVolume => "页",
        }
    }

    /// The band containing the `n`-th unit (1-based): its first and last unit
    /// and its unit price in yuan.
    fn band(self, n: u64) -> (u64, u64, u64) {
        match self {
            FeeMethod::PerItem => match n {
                0..=10 => (1, 10, 0),
                11..=30 => (11, 30, 100),
                // "以10件为一档，每增加一档，收费标准提高100元/件": 31–40 → 200,
                // 41–50 → 300, …
                _ => {
                    let k = (n - 31) / 10;
                    (31 + 10 * k, 40 + 10 * k, 200 + 100 * k)
                }
            },
            FeeMethod::PerVolume => match n {
                0..=30 => (1, 30, 0),
                31..=100 => (31, 100, 10),
                101..=200 => (101, 200, 20),
                _ => (201, u64::MAX, 40),
            },
        }
    }
}

/// One line of the breakdown: the units of one price band in this quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeBand {
    /// First unit of the band charged here (1-based: the 11th 件, 31st 页).
    pub from: u64,
    /// Last unit charged here, inclusive.
    pub to: u64,
    /// Number of units, `to - from + 1`.
    pub units: u64,
    /// Price per unit in this band; 0 for the free allowance.
    pub unit_price_yuan: u64,
    /// `units × unit_price_yuan`.
    pub subtotal_yuan: u64,
}

/// The amount of a fee and how it was reached, for the 收费通知.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeQuote {
    /// The method the amount follows.
    pub method: FeeMethod,
    /// Units charged by this quote (applications or pages).
    pub quantity: u64,
    /// Total in yuan.
    pub amount_yuan: u64,
    /// The bands in ascending order, free allowance included.
    pub bands: Vec<FeeBand>,
}

/// Why a fee could not be computed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FeeError {
    /// The quantity is beyond the plausibility limit (likely a typo).
    #[error("数量{quantity}超过可计费上限{max}，请核对")]
    QuantityTooLarge {
        /// The quantity given (cumulative count or pages).
        quantity: u64,
        /// The limit that applies.
        max: u64,
    },
}

/// Fee for `count` applications by one applicant when `prior_in_month` of
/// their applications in the same natural month came before: the units
/// charged are numbers `prior_in_month + 1 ..= prior_in_month + count`, since
/// 109号 accumulates per applicant per natural month.
pub fn per_item(prior_in_month: u64, count: u64) -> Result<FeeQuote, FeeError> {
    let total = prior_in_month.saturating_add(count);
    if total > MAX_ITEMS_PER_MONTH {
        return Err(FeeError::QuantityTooLarge {
            quantity: total,
            max: MAX_ITEMS_PER_MONTH,
        });
    }
    Ok(quote(FeeMethod::PerItem, prior_in_month + 1, total))
}

/// Fee for one application answered with `pages` pages (按量计收).
pub fn per_volume(pages: u64) -> Result<FeeQuote, FeeError> {
    if pages > MAX_PAGES {
        return Err(FeeError::QuantityTooLarge {
            quantity: pages,
            max: MAX_PAGES,
        });
    }
    Ok(quote(FeeMethod::PerVolume, 1, pages))
}

/// The unit price of the `n`-th unit (1-based) under `method`.
pub fn unit_price_yuan(method: FeeMethod, n: u64) -> u64 {
    method.band(n).2
}

/// Prices units `first..=last` band by band. Quantities are bounded by the
/// limits above, so the products cannot overflow (≤ 10⁷ × 1.1·10⁵ yuan).
fn quote(method: FeeMethod, first: u64, last: u64) -> FeeQuote {
    let mut bands = Vec::new();
    let mut n = first;
    while n <= last {
        let (_, band_end, price) = method.band(n);
        let to = band_end.min(last);
        let units = to - n + 1;
        bands.push(FeeBand {
            from: n,
            to,
            units,
            unit_price_yuan: price,
            subtotal_yuan: units * price,
        });
        n = to + 1;
    }
    FeeQuote {
        method,
        quantity: last + 1 - first,
        amount_yuan: bands.iter().map(|b| b.subtotal_yuan).sum(),
        bands,
    }
}

impl FeeQuote {
    /// The breakdown as lines for the fee notice, one per band.
    pub fn lines(&self) -> Vec<String> {
        let unit = self.method.unit();
        self.bands
            .iter()
            .map(|b| {
                if b.unit_price_yuan == 0 {
                    format!("第{}–{}{unit}：{}{unit}，免费", b.from, b.to, b.units)
                } else {
                    format!(
                        "第{}–{}{unit}：{}{unit} × {}元/{unit} = {}元",
                        b.from, b.to, b.units, b.unit_price_yuan, b.subtotal_yuan
                    )
                }
            })
            .collect()
    }
}

impl fmt::Display for FeeQuote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}（超额累进）：共{}{}，合计{}元",
            self.method.label(),
            self.quantity,
            self.method.unit(),
            self.amount_yuan
        )?;
        for line in self.lines() {
            write!(f, "；{line}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(total: u64) -> u64 {
        per_item(0, total).expect("in range").amount_yuan
    }

    fn pages(n: u64) -> u64 {
        per_volume(n).expect("in range").amount_yuan
    }

    #[test]
    fn worked_example_45_applications() {
        // 10×0 + 20×100 + 10×200 + 5×300 = 5,500元 (domain.md §6.3).
        let q = per_item(0, 45).expect("in range");
        assert_eq!(q.amount_yuan, 5_500);
        assert_eq!(q.quantity, 45);
        let rows: Vec<_> = q
            .bands
            .iter()
            .map(|b| (b.from, b.to, b.unit_price_yuan, b.subtotal_yuan))
            .collect();
        assert_eq!(
            rows,
            [
                (1, 10, 0, 0),
                (11, 30, 100, 2_000),
                (31, 40, 200, 2_000),
                (41, 45, 300, 1_500)
            ]
        );
        assert_eq!(q.lines()[1], "第11–30件：20件 × 100元/件 = 2000元");
        assert_eq!(q.lines()[0], "第1–10件：10件，免费");
        assert!(
            q.to_string()
                .starts_with("按件计收（超额累进）：共45件，合计5500元；")
        );
    }

    #[test]
    fn per_item_band_edges() {
        assert_eq!(items(0), 0);
        assert_eq!(items(10), 0);
        assert_eq!(items(11), 100); // 1 × 100
        assert_eq!(items(30), 2_000); // 20 × 100
        assert_eq!(items(31), 2_200); // 2000 + 1 × 200
        assert_eq!(items(40), 4_000); // 2000 + 10 × 200
        assert_eq!(items(41), 4_300); // 4000 + 1 × 300
        assert_eq!(items(50), 7_000); // 4000 + 10 × 300
        assert_eq!(items(51), 7_400); // 7000 + 1 × 400
    }

    #[test]
    fn per_item_counts_cumulatively_within_the_month() {
        // The 41st–45th applications of the month cost 5 × 300.
        let later = per_item(40, 5).expect("in range");
        assert_eq!(later.amount_yuan, 1_500);
        assert_eq!(later.bands.len(), 1);
        assert_eq!((later.bands[0].from, later.bands[0].to), (41, 45));
        // Splitting the month never changes the total.
        assert_eq!(items(40) + later.amount_yuan, items(45));
        // A single 12th application straddles no band: 100元.
        assert_eq!(per_item(11, 1).map(|q| q.amount_yuan), Ok(100));
    }

    #[test]
    fn unit_prices() {
        let p = |n| unit_price_yuan(FeeMethod::PerItem, n);
        assert_eq!(
            (p(10), p(11), p(30), p(31), p(40), p(41), p(51)),
            (0, 100, 100, 200, 200, 300, 400)
        );
        let v = |n| unit_price_yuan(FeeMethod::PerVolume, n);
        assert_eq!(
            (v(30), v(31), v(100), v(101), v(200), v(201)),
            (0, 10, 10, 20, 20, 40)
        );
    }

    #[test]
    fn per_volume_band_edges() {
        assert_eq!(pages(30), 0);
        assert_eq!(pages(31), 10); // 1 × 10
        assert_eq!(pages(100), 700); // 70 × 10
        assert_eq!(pages(101), 720); // 700 + 1 × 20
        assert_eq!(pages(200), 2_700); // 700 + 100 × 20
        assert_eq!(pages(201), 2_740); // 2700 + 1 × 40
        assert_eq!(pages(250), 4_700); // 2700 + 50 × 40
        let q = per_volume(201).expect("in range");
        assert_eq!(
            q.lines().last().map(String::as_str),
            Some("第201–201页：1页 × 40元/页 = 40元")
        );
        assert_eq!(q.method.label(), "按量计收");
    }

    #[test]
    fn implausible_quantities_are_refused() {
        assert_eq!(
            per_item(MAX_ITEMS_PER_MONTH, 1),
            Err(FeeError::QuantityTooLarge {
                quantity: MAX_ITEMS_PER_MONTH + 1,
                max: MAX_ITEMS_PER_MONTH
            })
        );
        assert!(per_item(u64::MAX, u64::MAX).is_err());
        assert!(per_volume(MAX_PAGES + 1).is_err());
        assert!(per_volume(MAX_PAGES).is_ok());
        assert!(per_item(0, MAX_ITEMS_PER_MONTH).is_ok());
    }

    #[test]
    fn quotes_serialise_in_snake_case() {
        let json = serde_json::to_value(per_volume(31).expect("in range")).expect("serialises");
        assert_eq!(json["method"], "per_volume");
        assert_eq!(json["bands"][1]["unit_price_yuan"], 10);
    }
}
