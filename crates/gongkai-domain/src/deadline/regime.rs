//! Which Regulation governs a handling, and the periods it sets.
//!
//! The 2019 revision (国务院令第711号) took effect on 2019-05-15; an
//! application received before that day is handled under the 2008 text
//! (国务院令第492号). A handling that starts later (a reopening, a transfer)
//! follows the Regulation in force on the day it starts.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ConsultationKind;

/// The Regulation a handling falls under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Regime {
    /// 《政府信息公开条例》 2007 (in force 2008-05-01 to 2019-05-14).
    Regulation2008,
    /// The 2019 revision (in force from 2019-05-15).
    Regulation2019,
}

/// The first day of the 2008 Regulation.
pub fn regulation_2008_start() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2008, 5, 1)
}

/// The first day of the 2019 revision.
pub fn regulation_2019_start() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2019, 5, 15)
}

/// The first day of 国办函〔2020〕109号 (信息处理费).
pub fn fee_rules_start() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2021, 1, 1)
}

impl Regime {
    /// The Regulation in force on `date`; `None` before 2008-05-01.
    pub fn on(date: NaiveDate) -> Option<Regime> {
        if regulation_2019_start().is_some_and(|start| date >= start) {
            Some(Regime::Regulation2019)
        } else if regulation_2008_start().is_some_and(|start| date >= start) {
            Some(Regime::Regulation2008)
        } else {
            None
        }
    }

    /// Its name, for explanations.
    pub fn label(&self) -> &'static str {
        match self {
            Regime::Regulation2008 => "2008年施行的《政府信息公开条例》",
            Regime::Regulation2019 => "《政府信息公开条例》",
        }
    }

    /// How explanations name it before an article (“条例第三十三条”).
    pub fn law_name(&self) -> &'static str {
        match self {
            Regime::Regulation2008 => "2008年施行的条例",
            Regime::Regulation2019 => "条例",
        }
    }

    /// Working days to answer (2008 Art. 24: 15; 2019 Art. 33: 20).
    pub fn answer_workdays(&self) -> u32 {
        match self {
            Regime::Regulation2008 => 15,
            Regime::Regulation2019 => 20,
        }
    }

    /// The article that sets the answer period.
    pub fn answer_article(&self) -> &'static str {
        match self {
            Regime::Regulation2008 => "第二十四条第二款",
            Regime::Regulation2019 => "第三十三条第二款",
        }
    }

    /// The longest extension (2008: 15; 2019: 20 working days).
    pub fn max_extension_workdays(&self) -> u32 {
        self.answer_workdays()
    }

    /// Working days the agency has to send the 补正 notice: 7 since 2019
    /// (Art. 30); the 2008 text set none.
    pub fn correction_notice_workdays(&self) -> Option<u32> {
        match self {
            Regime::Regulation2008 => None,
            Regime::Regulation2019 => Some(7),
        }
    }

    /// Whether time spent consulting `kind` is left out of the answer
    /// period: both kinds since 2019 (Art. 33 ¶3); in 2008 only third
    /// parties (Art. 24 ¶3).
    pub fn excludes_consultation(&self, kind: ConsultationKind) -> bool {
        match (self, kind) {
            (Regime::Regulation2019, _) => true,
            (Regime::Regulation2008, ConsultationKind::ThirdParty) => true,
            (Regime::Regulation2008, ConsultationKind::OtherAgency) => false,
        }
    }

    /// The consulted party's working days to reply, counted from its receipt
    /// of the letter: 15 since 2019 (Art. 32, 34); the 2008 text set none,
    /// so the time until the reply is left out however long it takes.
    pub fn consultation_workdays(&self) -> Option<u32> {
        match self {
            Regime::Regulation2008 => None,
            Regime::Regulation2019 => Some(15),
        }
    }

    /// The article that leaves consultation time out of the answer period.
    pub fn consultation_basis(&self, kind: ConsultationKind) -> &'static str {
        match (self, kind) {
            (Regime::Regulation2008, _) => "2008年条例第二十三条、第二十四条第三款",
            (Regime::Regulation2019, ConsultationKind::ThirdParty) => {
                "条例第三十二条、第三十三条第三款"
            }
            (Regime::Regulation2019, ConsultationKind::OtherAgency) => {
                "条例第三十三条第三款、第三十四条"
            }
        }
    }

    /// Whether Art. 35 (a reasonable later deadline) exists.
    pub fn allows_reasonable_deadline(&self) -> bool {
        matches!(self, Regime::Regulation2019)
    }
}
