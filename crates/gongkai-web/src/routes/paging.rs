//! Pagination links shared by the catalog and the search results.

use crate::views::PageLink;

/// First, previous, a window of up to five pages, next, last; `href` gives
/// the link to a page.
pub(crate) fn pagination(
    page: u32,
    page_count: u32,
    href: impl Fn(u32) -> String,
) -> Vec<PageLink> {
    let link = |label: &str, target: u32, enabled: bool, aria: String| PageLink {
        label: label.to_owned(),
        href: enabled.then(|| href(target)),
        current: false,
        aria,
        far: false,
    };
    let mut links = vec![
        link("首页", 1, page > 1, "第一页".into()),
        link("上一页", page.saturating_sub(1), page > 1, "上一页".into()),
    ];
    let start = page.saturating_sub(2).max(1);
    let end = start.saturating_add(4).min(page_count);
    for n in start.max(end.saturating_sub(4)).max(1)..=end {
        links.push(PageLink {
            label: n.to_string(),
            href: (n != page).then(|| href(n)),
            current: n == page,
            aria: format!("第 {n} 页"),
            far: n.abs_diff(page) > 1,
        });
    }
    links.push(link(
        "下一页",
        page.saturating_add(1),
        page < page_count,
        "下一页".into(),
    ));
    links.push(link(
        "尾页",
        page_count,
        page < page_count,
        format!("最后一页（第 {page_count} 页）"),
    ));
    links
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_around_the_current_page() {
        let links = pagination(5, 9, |n| format!("?page={n}"));
        let labels: Vec<&str> = links.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(
            labels,
            ["首页", "上一页", "3", "4", "5", "6", "7", "下一页", "尾页"]
        );
        assert!(links[4].current && links[4].href.is_none());
        let far: Vec<&str> = links
            .iter()
            .filter(|l| l.far)
            .map(|l| l.label.as_str())
            .collect();
        assert_eq!(far, ["3", "7"], "left out on phones");
        assert_eq!(links[7].href.as_deref(), Some("?page=6"));
        let first = pagination(1, 1, |n| n.to_string());
        assert!(first[0].href.is_none() && first.last().is_some_and(|l| l.href.is_none()));
    }
}
