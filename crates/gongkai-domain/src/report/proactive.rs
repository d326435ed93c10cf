//! Table 二: 主动公开政府信息情况 — blocks, rows and fields of both formats.

use super::format::Format;

/// What a cell holds, which decides the values it accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValueKind {
    /// A non-negative whole number (件, 项).
    Count,
    /// A signed whole number (本年增/减: `+8`, `-7`).
    SignedCount,
    /// An amount of money in the unit the field names (元 or 万元); may have decimals.
    Money,
}

/// A row of table 二.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProactiveRow {
    /// 规章
    Rules,
    /// 规范性文件 (2019) / 行政规范性文件 (2021)
    NormativeDocuments,
    /// 行政许可
    Licensing,
    /// 其他对外管理服务事项 (2019 only)
    OtherManagement,
    /// 行政处罚
    Penalty,
    /// 行政强制
    Coercion,
    /// 行政事业性收费
    Fees,
    /// 政府集中采购 (2019 only)
    Procurement,
}

impl ProactiveRow {
    /// Every row of either format, in printed order.
    pub const ALL: [ProactiveRow; 8] = [
        ProactiveRow::Rules,
        ProactiveRow::NormativeDocuments,
        ProactiveRow::Licensing,
        ProactiveRow::OtherManagement,
        ProactiveRow::Penalty,
        ProactiveRow::Coercion,
        ProactiveRow::Fees,
        ProactiveRow::Procurement,
    ];

    /// The canonical JSON key.
    pub fn key(self) -> &'static str {
        match self {
            ProactiveRow::Rules => "rules",
            ProactiveRow::NormativeDocuments => "normative_documents",
            ProactiveRow::Licensing => "licensing",
            ProactiveRow::OtherManagement => "other_management",
            ProactiveRow::Penalty => "penalty",
            ProactiveRow::Coercion => "coercion",
            ProactiveRow::Fees => "fees",
            ProactiveRow::Procurement => "procurement",
        }
    }

    /// The key's inverse.
    pub fn from_key(key: &str) -> Option<ProactiveRow> {
        ProactiveRow::ALL.into_iter().find(|r| r.key() == key)
    }

    /// The row label as `format` prints it.
    pub fn label(self, format: Format) -> &'static str {
        match (self, format) {
            (ProactiveRow::Rules, _) => "规章",
            (ProactiveRow::NormativeDocuments, Format::Gb2019) => "规范性文件",
            (ProactiveRow::NormativeDocuments, Format::Gb2021) => "行政规范性文件",
            (ProactiveRow::Licensing, _) => "行政许可",
            (ProactiveRow::OtherManagement, _) => "其他对外管理服务事项",
            (ProactiveRow::Penalty, _) => "行政处罚",
            (ProactiveRow::Coercion, _) => "行政强制",
            (ProactiveRow::Fees, _) => "行政事业性收费",
            (ProactiveRow::Procurement, _) => "政府集中采购",
        }
    }

    /// The fields `format` prints for this row, in column order; empty when the
    /// format does not print the row at all.
    pub fn fields(self, format: Format) -> &'static [ProactiveField] {
        use ProactiveField::*;
        match (self, format) {
            (ProactiveRow::Rules | ProactiveRow::NormativeDocuments, Format::Gb2019) => {
                &[NewMade, NewPublished, TotalPublished]
            }
            (ProactiveRow::Rules | ProactiveRow::NormativeDocuments, Format::Gb2021) => {
                &[Issued, Repealed, InForce]
            }
            (
                ProactiveRow::Licensing
                | ProactiveRow::OtherManagement
                | ProactiveRow::Penalty
                | ProactiveRow::Coercion,
                Format::Gb2019,
            ) => &[PreviousItems, Change, Decisions],
            (
                ProactiveRow::Licensing | ProactiveRow::Penalty | ProactiveRow::Coercion,
                Format::Gb2021,
            ) => &[Decisions],
            (ProactiveRow::Fees, Format::Gb2019) => &[PreviousItems, Change],
            (ProactiveRow::Fees, Format::Gb2021) => &[AmountWanYuan],
            (ProactiveRow::Procurement, Format::Gb2019) => &[Items, AmountYuan],
            (ProactiveRow::OtherManagement | ProactiveRow::Procurement, Format::Gb2021) => &[],
        }
    }

    /// Whether `format`'s official layout prints `field` in this row.
    pub fn has_field(self, format: Format, field: ProactiveField) -> bool {
        self.fields(format).contains(&field)
    }

    /// Whether either format prints `field` in this row; a report may carry such a
    /// cell even when its own format does not (a layout deviation).
    pub fn accepts_field(self, field: ProactiveField) -> bool {
        Format::ALL.into_iter().any(|f| self.has_field(f, field))
    }
}

/// A column of table 二.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProactiveField {
    /// 本年新制作数量 (2019)
    NewMade,
    /// 本年新公开数量 (2019)
    NewPublished,
    /// 对外公开总数量 (2019)
    TotalPublished,
    /// 上一年项目数量 (2019)
    PreviousItems,
    /// 本年增/减 (2019)
    Change,
    /// 处理决定数量 (2019) / 本年处理决定数量 (2021)
    Decisions,
    /// 采购项目数量 (2019)
    Items,
    /// 采购总金额, in 元 (2019)
    AmountYuan,
    /// 本年制发件数 (2021)
    Issued,
    /// 本年废止件数 (2021)
    Repealed,
    /// 现行有效件数 (2021)
    InForce,
    /// 本年收费金额（单位：万元） (2021)
    AmountWanYuan,
}

impl ProactiveField {
    /// Every field of either format.
    pub const ALL: [ProactiveField; 12] = [
        ProactiveField::NewMade,
        ProactiveField::NewPublished,
        ProactiveField::TotalPublished,
        ProactiveField::PreviousItems,
        ProactiveField::Change,
        ProactiveField::Decisions,
        ProactiveField::Items,
        ProactiveField::AmountYuan,
        ProactiveField::Issued,
        ProactiveField::Repealed,
        ProactiveField::InForce,
        ProactiveField::AmountWanYuan,
    ];

    /// The canonical JSON key.
    pub fn key(self) -> &'static str {
        match self {
            ProactiveField::NewMade => "new_made",
            ProactiveField::NewPublished => "new_published",
            ProactiveField::TotalPublished => "total_published",
            ProactiveField::PreviousItems => "previous_items",
            ProactiveField::Change => "change",
            ProactiveField::Decisions => "decisions",
            ProactiveField::Items => "items",
            ProactiveField::AmountYuan => "amount_yuan",
            ProactiveField::Issued => "issued",
            ProactiveField::Repealed => "repealed",
            ProactiveField::InForce => "in_force",
            ProactiveField::AmountWanYuan => "amount_wan_yuan",
        }
    }

    /// The key's inverse.
    pub fn from_key(key: &str) -> Option<ProactiveField> {
        ProactiveField::ALL.into_iter().find(|f| f.key() == key)
    }

    /// The column label as `format` prints it.
    pub fn label(self, format: Format) -> &'static str {
        match self {
            ProactiveField::NewMade => "本年新制作数量",
            ProactiveField::NewPublished => "本年新公开数量",
            ProactiveField::TotalPublished => "对外公开总数量",
            ProactiveField::PreviousItems => "上一年项目数量",
            ProactiveField::Change => "本年增/减",
            ProactiveField::Decisions if format == Format::Gb2019 => "处理决定数量",
            ProactiveField::Decisions => "本年处理决定数量",
            ProactiveField::Items => "采购项目数量",
            ProactiveField::AmountYuan => "采购总金额",
            ProactiveField::Issued => "本年制发件数",
            ProactiveField::Repealed => "本年废止件数",
            ProactiveField::InForce => "现行有效件数",
            ProactiveField::AmountWanYuan => "本年收费金额（单位：万元）",
        }
    }

    /// The values the field accepts.
    pub fn kind(self) -> ValueKind {
        match self {
            ProactiveField::Change => ValueKind::SignedCount,
            ProactiveField::AmountYuan | ProactiveField::AmountWanYuan => ValueKind::Money,
            _ => ValueKind::Count,
        }
    }
}

/// A block of table 二: one item of Art. 20 with its column header and rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProactiveBlock {
    /// The caption row, e.g. “第二十条第（一）项”.
    pub caption: &'static str,
    /// The rows of the block, in printed order.
    pub rows: &'static [ProactiveRow],
}

impl ProactiveBlock {
    /// The block's columns (after 信息内容) as `format` prints them.
    pub fn fields(&self, format: Format) -> &'static [ProactiveField] {
        self.rows.first().map(|r| r.fields(format)).unwrap_or(&[])
    }
}

/// The label of the first column of every block header.
pub const CONTENT_LABEL: &str = "信息内容";

const BLOCKS_2019: [ProactiveBlock; 5] = [
    ProactiveBlock {
        caption: "第二十条第（一）项",
        rows: &[ProactiveRow::Rules, ProactiveRow::NormativeDocuments],
    },
    ProactiveBlock {
        caption: "第二十条第（五）项",
        rows: &[ProactiveRow::Licensing, ProactiveRow::OtherManagement],
    },
    ProactiveBlock {
        caption: "第二十条第（六）项",
        rows: &[ProactiveRow::Penalty, ProactiveRow::Coercion],
    },
    ProactiveBlock {
        caption: "第二十条第（八）项",
        rows: &[ProactiveRow::Fees],
    },
    ProactiveBlock {
        caption: "第二十条第（九）项",
        rows: &[ProactiveRow::Procurement],
    },
];

const BLOCKS_2021: [ProactiveBlock; 4] = [
    ProactiveBlock {
        caption: "第二十条第（一）项",
        rows: &[ProactiveRow::Rules, ProactiveRow::NormativeDocuments],
    },
    ProactiveBlock {
        caption: "第二十条第（五）项",
        rows: &[ProactiveRow::Licensing],
    },
    ProactiveBlock {
        caption: "第二十条第（六）项",
        rows: &[ProactiveRow::Penalty, ProactiveRow::Coercion],
    },
    ProactiveBlock {
        caption: "第二十条第（八）项",
        rows: &[ProactiveRow::Fees],
    },
];

/// The blocks of table 二 in `format`'s official layout.
pub fn proactive_blocks(format: Format) -> &'static [ProactiveBlock] {
    match format {
        Format::Gb2019 => &BLOCKS_2019,
        Format::Gb2021 => &BLOCKS_2021,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell_count(format: Format) -> usize {
        proactive_blocks(format)
            .iter()
            .flat_map(|b| b.rows)
            .map(|r| r.fields(format).len())
            .sum()
    }

    #[test]
    fn formats_have_the_official_cell_counts() {
        // domain.md §2: format A has 22 numeric cells, format B 10.
        assert_eq!(cell_count(Format::Gb2019), 22);
        assert_eq!(cell_count(Format::Gb2021), 10);
    }

    #[test]
    fn keys_round_trip() {
        for row in ProactiveRow::ALL {
            assert_eq!(ProactiveRow::from_key(row.key()), Some(row));
        }
        for field in ProactiveField::ALL {
            assert_eq!(ProactiveField::from_key(field.key()), Some(field));
        }
    }
}
