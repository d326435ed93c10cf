//! The six applicant types of table 三 (申请人情况).

use serde::{Deserialize, Serialize};

use crate::report::ApplicantColumn;

/// Who applied, as counted in the columns of table 三. Serialised with the
/// column keys of the canonical report JSON (`natural_person`, `commercial`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApplicantType {
    /// 自然人
    NaturalPerson,
    /// 商业企业
    Commercial,
    /// 科研机构
    Research,
    /// 社会公益组织
    SocialWelfare,
    /// 法律服务机构
    LegalServices,
    /// 其他（法人或其他组织）
    OtherOrg,
}

impl ApplicantType {
    /// The six types in printed column order.
    pub const ALL: [ApplicantType; 6] = [
        ApplicantType::NaturalPerson,
        ApplicantType::Commercial,
        ApplicantType::Research,
        ApplicantType::SocialWelfare,
        ApplicantType::LegalServices,
        ApplicantType::OtherOrg,
    ];

    /// The column of table 三 that counts this type.
    pub fn column(self) -> ApplicantColumn {
        match self {
            ApplicantType::NaturalPerson => ApplicantColumn::NaturalPerson,
            ApplicantType::Commercial => ApplicantColumn::Commercial,
            ApplicantType::Research => ApplicantColumn::Research,
            ApplicantType::SocialWelfare => ApplicantColumn::SocialWelfare,
            ApplicantType::LegalServices => ApplicantColumn::LegalServices,
            ApplicantType::OtherOrg => ApplicantColumn::OtherOrg,
        }
    }

    /// The stable key (the column key of the report JSON).
    pub fn key(self) -> &'static str {
        self.column().key()
    }

    /// The key's inverse.
    pub fn from_key(key: &str) -> Option<ApplicantType> {
        ApplicantType::ALL.into_iter().find(|t| t.key() == key)
    }

    /// The official column label (自然人, 商业企业, …).
    pub fn label(self) -> &'static str {
        self.column().label()
    }

    /// Whether the applicant is a legal person or other organisation
    /// (法人或其他组织), which registers an organisation name and credit code.
    pub fn is_organisation(self) -> bool {
        self != ApplicantType::NaturalPerson
    }
}

impl std::fmt::Display for ApplicantType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}
