//! The dashboard's figures as ECharts options (built here with serde_json,
//! drawn in the browser by `static/dashboard.js`) and as the data tables
//! that stand for the charts without JavaScript and for screen readers.

use gongkai_domain::casework::ApplicantType;
use gongkai_domain::casework::stats::{
    ANSWER_TIME_BUCKETS, AgencyFigures, CHANNELS, Dashboard, MonthFigures, percent,
};
use gongkai_domain::deadline::Outcome;
use gongkai_domain::report::OutcomeGroup;
use serde_json::{Value, json};

/// The palette: the back office's navy and red first, then calm colours
/// that stay apart for colour-blind readers.
const PALETTE: [&str; 8] = [
    "#1d5fa8", "#d4882b", "#2e8b57", "#b5121b", "#6a4c93", "#00838f", "#8d6e63", "#5c6470",
];

/// What the monthly chart stacks by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stack {
    /// The six applicant types of table 三.
    ApplicantType,
    /// The receipt channels.
    Channel,
}

impl Stack {
    /// The query value.
    pub(crate) fn key(self) -> &'static str {
        match self {
            Stack::ApplicantType => "type",
            Stack::Channel => "channel",
        }
    }

    /// The name for people.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Stack::ApplicantType => "按申请人类型",
            Stack::Channel => "按申请渠道",
        }
    }

    /// The stacked series: names and the count of each month.
    fn series(self, months: &[MonthFigures; 12]) -> Vec<(&'static str, [u64; 12])> {
        let names: Vec<&'static str> = match self {
            Stack::ApplicantType => ApplicantType::ALL.iter().map(|t| t.label()).collect(),
            Stack::Channel => CHANNELS.iter().map(|c| c.label()).collect(),
        };
        names
            .into_iter()
            .enumerate()
            .map(|(i, name)| {
                let counts = months.each_ref().map(|m| match self {
                    Stack::ApplicantType => m.by_applicant[i],
                    Stack::Channel => m.by_channel[i],
                });
                (name, counts)
            })
            .collect()
    }
}

/// A data table standing for a chart.
#[derive(Debug, Clone)]
pub(crate) struct DataTable {
    pub caption: String,
    pub head: Vec<String>,
    pub rows: Vec<DataRow>,
}

/// A row of a data table: its header cell and its values.
#[derive(Debug, Clone)]
pub(crate) struct DataRow {
    pub label: String,
    pub cells: Vec<String>,
    /// A detail row under a group row (indented).
    pub sub: bool,
}

fn row(label: impl Into<String>, cells: Vec<String>) -> DataRow {
    DataRow {
        label: label.into(),
        cells,
        sub: false,
    }
}

/// `12.5%`, or `—` without a base.
pub(crate) fn percent_text(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |p| format!("{p:.1}%"))
}

/// `N个工作日`, or `—`.
pub(crate) fn workdays_text(value: Option<i64>) -> String {
    value.map_or_else(|| "—".to_owned(), |d| format!("{d}个工作日"))
}

const MONTHS: [&str; 12] = [
    "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月",
];

/// The group label without its parenthesised note: "（二）部分公开".
pub(crate) fn group_label(group: OutcomeGroup) -> &'static str {
    let label = group.label();
    // The group number is "（…）" at the start; a note may follow in a second "（".
    match label.char_indices().filter(|(_, c)| *c == '（').nth(1) {
        Some((at, _)) => &label[..at],
        None => label,
    }
}

fn base(title_text: &str) -> Value {
    json!({
        // ECharts' generated description reads series internals aloud; the
        // data table below each chart is the accessible version.
        "aria": { "enabled": true, "label": {
            "description": format!("{title_text}图表。各项数字见图下的“数据表”。"),
        } },
        "color": PALETTE,
        "textStyle": { "fontFamily": "\"Noto Sans CJK SC\", \"Microsoft YaHei\", sans-serif" },
        "title": { "show": false, "text": title_text },
        "animation": false,
    })
}

fn merge(mut target: Value, extra: Value) -> Value {
    if let (Some(t), Value::Object(e)) = (target.as_object_mut(), extra) {
        t.extend(e);
    }
    target
}

/// Applications per month, stacked.
pub(crate) fn monthly(dash: &Dashboard, stack: Stack) -> (Value, DataTable) {
    let series: Vec<_> = stack
        .series(&dash.months)
        .into_iter()
        .filter(|(_, counts)| counts.iter().any(|n| *n > 0))
        .collect();
    let option = merge(
        base("每月申请量"),
        json!({
            "tooltip": { "trigger": "axis", "axisPointer": { "type": "shadow" } },
            "legend": { "top": 0 },
            "grid": { "left": 8, "right": 16, "top": 76, "bottom": 8, "containLabel": true },
            "xAxis": { "type": "category", "data": MONTHS },
            "yAxis": { "type": "value", "minInterval": 1, "name": "件" },
            "series": series.iter().map(|(name, counts)| json!({
                "name": name, "type": "bar", "stack": "received", "barMaxWidth": 36,
                "emphasis": { "focus": "series" }, "data": counts,
            })).collect::<Vec<_>>(),
        }),
    );
    let mut head = vec!["月份".to_owned()];
    head.extend(series.iter().map(|(name, _)| (*name).to_owned()));
    head.push("合计".into());
    let mut rows: Vec<DataRow> = (0..12)
        .map(|m| {
            let mut cells: Vec<String> = series.iter().map(|(_, c)| c[m].to_string()).collect();
            cells.push(dash.months[m].received.to_string());
            row(MONTHS[m], cells)
        })
        .collect();
    let mut totals: Vec<String> = series
        .iter()
        .map(|(_, c)| c.iter().sum::<u64>().to_string())
        .collect();
    totals.push(dash.total.received.to_string());
    rows.push(row("全年", totals));
    let table = DataTable {
        caption: format!("{}年每月收到的申请（{}）", dash.year, stack.label()),
        head,
        rows,
    };
    (option, table)
}

/// Closed applications by outcome group of table 三.
pub(crate) fn outcomes(dash: &Dashboard) -> (Value, DataTable) {
    let groups = dash.outcome_groups();
    let closed: u64 = groups.iter().map(|(_, n)| n).sum();
    let option = merge(
        base("办理结果构成"),
        json!({
            "tooltip": { "trigger": "item", "formatter": "{b}：{c}件（{d}%）" },
            "legend": { "orient": "vertical", "right": 8, "top": "middle" },
            "series": [{
                "name": "办理结果", "type": "pie", "radius": ["42%", "70%"], "center": ["38%", "50%"],
                "avoidLabelOverlap": true, "label": { "formatter": "{c}件" },
                // Empty groups stay in the table; on the ring they would only be
                // "0件" labels. Each group keeps its colour whichever are shown.
                "data": groups.iter().enumerate().filter(|(_, (_, n))| *n > 0)
                    .map(|(i, (g, n))| json!({
                        "name": group_label(*g), "value": n, "itemStyle": { "color": PALETTE[i] },
                    })).collect::<Vec<_>>(),
            }],
        }),
    );
    let mut rows = Vec::new();
    for (group, n) in groups {
        rows.push(row(
            group_label(group),
            vec![n.to_string(), percent_text(percent(n, closed))],
        ));
        let details: Vec<(Outcome, u64)> = Outcome::ALL
            .iter()
            .zip(dash.outcomes)
            .filter(|(o, n)| o.group() == group && *n > 0)
            .map(|(o, n)| (*o, n))
            .collect();
        // A group of one row needs no detail line.
        if Outcome::ALL.iter().filter(|o| o.group() == group).count() > 1 {
            for (outcome, n) in details {
                rows.push(DataRow {
                    label: outcome.label().to_owned(),
                    cells: vec![n.to_string(), percent_text(percent(n, closed))],
                    sub: true,
                });
            }
        }
    }
    rows.push(row(
        "合计（已办结）",
        vec![closed.to_string(), "100%".into()],
    ));
    let table = DataTable {
        caption: format!("{}年收到的申请中已办结的办理结果", dash.year),
        head: vec!["办理结果".into(), "件数".into(), "占比".into()],
        rows,
    };
    (option, table)
}

/// Working days to answer: histogram.
pub(crate) fn answer_time(dash: &Dashboard) -> (Value, DataTable) {
    let times = &dash.total.answer_times;
    let histogram = times.histogram();
    let answered = times.answered();
    let option = merge(
        base("答复用时分布"),
        json!({
            "tooltip": { "trigger": "axis", "axisPointer": { "type": "shadow" } },
            "grid": { "left": 8, "right": 16, "top": 24, "bottom": 28, "containLabel": true },
            "xAxis": { "type": "category", "name": "工作日", "nameLocation": "middle", "nameGap": 28,
                       "data": ANSWER_TIME_BUCKETS.iter().map(|b| b.short).collect::<Vec<_>>(),
                       "axisLabel": { "interval": 0 } },
            "yAxis": { "type": "value", "minInterval": 1, "name": "件" },
            "series": [{
                "name": "答复件数", "type": "bar", "barMaxWidth": 56,
                "data": histogram.iter().enumerate().map(|(i, n)| json!({
                    "value": n,
                    // Beyond the statutory 20 working days in the warning colour.
                    "itemStyle": { "color": if i >= 4 { PALETTE[1] } else { PALETTE[0] } },
                })).collect::<Vec<_>>(),
                "label": { "show": true, "position": "top" },
            }],
        }),
    );
    let mut rows: Vec<DataRow> = ANSWER_TIME_BUCKETS
        .iter()
        .zip(histogram)
        .map(|(b, n)| {
            row(
                b.label,
                vec![n.to_string(), percent_text(percent(n, answered))],
            )
        })
        .collect();
    rows.push(row(
        "合计（已答复）",
        vec![answered.to_string(), "100%".into()],
    ));
    let table = DataTable {
        caption: format!(
            "{}年收到的申请的答复用时（中位数{}，90%分位数{}）",
            dash.year,
            workdays_text(times.median()),
            workdays_text(times.p90())
        ),
        head: vec!["答复用时".into(), "件数".into(), "占比".into()],
        rows,
    };
    (option, table)
}

/// Overdue applications and rate per month of receipt.
pub(crate) fn overdue(dash: &Dashboard) -> (Value, DataTable) {
    let late: Vec<u64> = dash.months.iter().map(|m| m.answered_late).collect();
    let open: Vec<u64> = dash.months.iter().map(|m| m.open_overdue).collect();
    let rate: Vec<Value> = dash
        .months
        .iter()
        .map(|m| m.overdue_percent().map_or(Value::Null, |p| json!(p)))
        .collect();
    let option = merge(
        base("超期率"),
        json!({
            "tooltip": { "trigger": "axis" },
            "legend": { "top": 0 },
            "grid": { "left": 8, "right": 8, "top": 40, "bottom": 8, "containLabel": true },
            "xAxis": { "type": "category", "data": MONTHS },
            "yAxis": [
                { "type": "value", "minInterval": 1, "name": "件" },
                { "type": "value", "name": "超期率", "min": 0, "max": 100,
                  "axisLabel": { "formatter": "{value}%" }, "splitLine": { "show": false } },
            ],
            "series": [
                { "name": "逾期答复", "type": "bar", "stack": "overdue", "barMaxWidth": 36,
                  "itemStyle": { "color": PALETTE[3] }, "data": late },
                { "name": "超期未办结", "type": "bar", "stack": "overdue", "barMaxWidth": 36,
                  "itemStyle": { "color": PALETTE[1] }, "data": open },
                { "name": "超期率", "type": "line", "yAxisIndex": 1, "connectNulls": false,
                  "itemStyle": { "color": PALETTE[0] }, "data": rate },
            ],
        }),
    );
    let mut rows: Vec<DataRow> = dash
        .months
        .iter()
        .enumerate()
        .map(|(i, m)| {
            row(
                MONTHS[i],
                vec![
                    m.received.to_string(),
                    m.answered_late.to_string(),
                    m.open_overdue.to_string(),
                    percent_text(m.overdue_percent()),
                ],
            )
        })
        .collect();
    let late_total: u64 = late.iter().sum();
    let open_total: u64 = open.iter().sum();
    rows.push(row(
        "全年",
        vec![
            dash.total.received.to_string(),
            late_total.to_string(),
            open_total.to_string(),
            percent_text(dash.total.overdue_percent()),
        ],
    ));
    let table = DataTable {
        caption: format!("{}年按收到月份的超期情况", dash.year),
        head: vec![
            "月份".into(),
            "收到申请".into(),
            "逾期答复".into(),
            "超期未办结".into(),
            "超期率".into(),
        ],
        rows,
    };
    (option, table)
}

/// Per-agency comparison; `names` gives each agency code's name, in the
/// order of the table (most applications first).
pub(crate) fn agencies(dash: &Dashboard, names: &[(String, String)]) -> (Value, DataTable) {
    let figures: Vec<(&str, &AgencyFigures)> = names
        .iter()
        .filter_map(|(code, name)| dash.agencies.get(code).map(|f| (name.as_str(), f)))
        .collect();
    // The chart lists the largest at the top: category axes draw bottom-up.
    let reversed: Vec<&(&str, &AgencyFigures)> = figures.iter().rev().collect();
    let option = merge(
        base("各机关对比"),
        json!({
            "tooltip": { "trigger": "axis", "axisPointer": { "type": "shadow" } },
            "legend": { "top": 0 },
            "grid": { "left": 8, "right": 24, "top": 36, "bottom": 8, "containLabel": true },
            "xAxis": { "type": "value", "minInterval": 1, "name": "件" },
            "yAxis": { "type": "category", "data": reversed.iter().map(|(n, _)| n).collect::<Vec<_>>(),
                       "axisLabel": { "width": 170, "overflow": "truncate" } },
            "series": [
                { "name": "收到申请", "type": "bar", "barMaxWidth": 14, "itemStyle": { "color": PALETTE[0] },
                  "data": reversed.iter().map(|(_, f)| f.received).collect::<Vec<_>>() },
                { "name": "超期", "type": "bar", "barMaxWidth": 14, "itemStyle": { "color": PALETTE[3] },
                  "data": reversed.iter().map(|(_, f)| f.overdue).collect::<Vec<_>>() },
            ],
        }),
    );
    let rows = figures
        .iter()
        .map(|(name, f)| {
            row(
                *name,
                vec![
                    f.received.to_string(),
                    f.closed.to_string(),
                    f.open.to_string(),
                    f.overdue.to_string(),
                    percent_text(f.overdue_percent()),
                    workdays_text(f.answer_times.median()),
                ],
            )
        })
        .collect();
    let table = DataTable {
        caption: format!("{}年各机关办理情况", dash.year),
        head: vec![
            "机关".into(),
            "收到申请".into(),
            "已办结".into(),
            "未办结".into(),
            "超期".into(),
            "超期率".into(),
            "答复用时中位数".into(),
        ],
        rows,
    };
    (option, table)
}

/// JSON for a `<script type="application/json">` block: `<`, `>` and `&`
/// escaped so that no text can end the element (they only occur in strings).
pub(crate) fn script_json(value: &Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_labels_are_short() {
        assert_eq!(
            group_label(OutcomeGroup::PartiallyGranted),
            "（二）部分公开"
        );
        assert_eq!(group_label(OutcomeGroup::Denied), "（三）不予公开");
    }

    #[test]
    fn script_json_cannot_close_the_element() {
        let text = script_json(&json!({ "name": "</script><b>&" }));
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'));
        let back: Value = serde_json::from_str(&text).expect("still JSON");
        assert_eq!(back["name"], "</script><b>&");
    }
}
