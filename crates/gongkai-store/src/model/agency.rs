//! Agencies (行政机关) in a hierarchy: a government with its departments and towns.

use super::keyed_enum;

keyed_enum! {
    /// What kind of agency an agency is.
    pub enum AgencyKind {
        /// A people's government (人民政府), the root of a hierarchy.
        Government => "government", "人民政府";
        /// A department of a government (政府部门).
        Department => "department", "政府部门";
        /// A town or sub-district (乡镇、街道).
        Town => "town", "乡镇（街道）";
    }
}

/// An agency as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agency {
    /// Stable code (e.g. an organisation code); used in URLs and in 索引号.
    pub code: String,
    /// Full name, e.g. 海盐县财政局.
    pub name: String,
    /// Government, department or town.
    pub kind: AgencyKind,
    /// The code of the superior agency; `None` for a top-level government.
    pub parent_code: Option<String>,
    /// 办公地址.
    pub address: String,
    /// 联系电话.
    pub phone: String,
    /// 办公时间.
    pub office_hours: String,
    /// Position among its siblings.
    pub sort_order: i64,
}

/// An agency to create or update (keyed by its code).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAgency {
    /// Stable code.
    pub code: String,
    /// Full name.
    pub name: String,
    /// Government, department or town.
    pub kind: AgencyKind,
    /// The superior agency's code.
    pub parent_code: Option<String>,
    /// 办公地址.
    pub address: String,
    /// 联系电话.
    pub phone: String,
    /// 办公时间.
    pub office_hours: String,
    /// Position among its siblings.
    pub sort_order: i64,
}

/// An agency with its subordinate agencies, ordered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgencyTree {
    /// The agency.
    pub agency: Agency,
    /// Its subordinates.
    pub children: Vec<AgencyTree>,
}

impl AgencyTree {
    /// Builds the forest of `agencies` (roots are agencies without a known parent),
    /// keeping the input order among siblings.
    pub fn build(agencies: Vec<Agency>) -> Vec<AgencyTree> {
        let codes: std::collections::HashSet<String> =
            agencies.iter().map(|a| a.code.clone()).collect();
        let (roots, rest): (Vec<Agency>, Vec<Agency>) = agencies
            .into_iter()
            .partition(|a| a.parent_code.as_ref().is_none_or(|p| !codes.contains(p)));
        roots
            .into_iter()
            .map(|root| Self::attach(root, &rest, 0))
            .collect()
    }

    fn attach(agency: Agency, rest: &[Agency], depth: usize) -> AgencyTree {
        // The depth bound stops a corrupt cycle from recursing forever.
        let children = if depth > 16 {
            Vec::new()
        } else {
            rest.iter()
                .filter(|a| a.parent_code.as_deref() == Some(agency.code.as_str()))
                .map(|child| Self::attach(child.clone(), rest, depth + 1))
                .collect()
        };
        AgencyTree { agency, children }
    }

    /// The direct subordinates of `kind`.
    pub fn children_of_kind(&self, kind: AgencyKind) -> impl Iterator<Item = &AgencyTree> {
        self.children.iter().filter(move |c| c.agency.kind == kind)
    }
}
