//! The demo county: 海盐县人民政府 (Zhejiang) with departments and towns, modelled
//! on the agencies of real annual reports. Codes are demo codes: the county's
//! division code 330424 followed by a serial (000 the government, 1xx
//! departments, 2xx towns and sub-districts).

use crate::model::Category::{self, *};
use crate::{AgencyKind, NewAgency};

/// One demo agency and what it publishes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DemoAgency {
    /// Code.
    pub code: &'static str,
    /// Full name.
    pub name: &'static str,
    /// Kind.
    pub kind: AgencyKind,
    /// The short form in its 文号, e.g. 盐财.
    pub doc_prefix: &'static str,
    /// 办公地址 (a street of the county seat, demo data).
    pub address: &'static str,
    /// 联系电话 (demo numbers in the county's 0573 area code).
    pub phone: &'static str,
    /// Its fields of work, used in titles.
    pub fields: &'static [&'static str],
    /// Its default 主题分类.
    pub topic: &'static str,
    /// The categories it publishes in.
    pub categories: &'static [Category],
    /// How many catalog items the demo publishes for it.
    pub items: u32,
}

/// The code of the demo county government.
pub const GOVERNMENT_CODE: &str = "330424000";
/// The code of 海盐县烟草专卖局.
pub const TOBACCO_CODE: &str = "330424113";

const TOWN_CATEGORIES: &[Category] = &[
    Regulations,
    Organisation,
    Planning,
    Budget,
    Procurement,
    MajorProjects,
    PublicWelfare,
    Emergencies,
    Other,
    LocalAffairs,
    RuralAffairs,
];

pub(crate) const OFFICE_HOURS: &str = "工作日 上午8:30—12:00，下午13:30—17:30（法定节假日除外）";

macro_rules! agency {
    ($code:literal, $name:literal, $kind:ident, $prefix:literal, $addr:literal, $phone:literal, $topic:literal,
     [$($field:literal),*], $cats:expr, $items:literal) => {
        DemoAgency {
            code: $code, name: $name, kind: AgencyKind::$kind, doc_prefix: $prefix, address: $addr,
            phone: $phone, fields: &[$($field),*], topic: $topic, categories: $cats, items: $items,
        }
    };
}

/// Every demo agency; the government first.
pub(crate) const AGENCIES: &[DemoAgency] = &[
    agency!(
        "330424000",
        "海盐县人民政府",
        Government,
        "盐政发",
        "海盐县武原街道枣园中路8号",
        "0573-86012345",
        "综合政务",
        [
            "营商环境",
            "数字政府",
            "乡村振兴",
            "共同富裕",
            "城乡融合",
            "安全生产",
            "生态文明",
            "民生实事",
            "招商引资",
            "科技创新"
        ],
        &[
            Regulations,
            Organisation,
            Planning,
            Statistics,
            Licensing,
            Budget,
            Procurement,
            MajorProjects,
            PublicWelfare,
            Emergencies,
            Inspections,
            CivilService,
            Other,
            LocalAffairs
        ],
        330
    ),
    agency!(
        "330424101",
        "海盐县发展和改革局",
        Department,
        "盐发改",
        "海盐县武原街道枣园中路8号",
        "0573-86012101",
        "国民经济管理、国有资产监管",
        [
            "重大项目",
            "价格监测",
            "节能审查",
            "粮食储备",
            "社会信用体系",
            "固定资产投资"
        ],
        &[
            Regulations,
            Organisation,
            Planning,
            Statistics,
            Licensing,
            Enforcement,
            Budget,
            Fees,
            Procurement,
            MajorProjects,
            Other
        ],
        110
    ),
    agency!(
        "330424102",
        "海盐县教育局",
        Department,
        "盐教",
        "海盐县武原街道文昌路312号",
        "0573-86012102",
        "科技、教育",
        [
            "义务教育招生",
            "学前教育",
            "校园安全",
            "教师队伍建设",
            "民办学校管理",
            "学生资助"
        ],
        &[
            Regulations,
            Organisation,
            Planning,
            Licensing,
            Budget,
            Fees,
            Procurement,
            PublicWelfare,
            CivilService,
            Other
        ],
        110
    ),
    agency!(
        "330424103",
        "海盐县财政局",
        Department,
        "盐财",
        "海盐县武原街道枣园中路8号",
        "0573-86012103",
        "财政、金融、审计",
        [
            "预算管理",
            "政府采购",
            "国有资产管理",
            "财政专项资金",
            "非税收入",
            "政府债务管理"
        ],
        &[
            Regulations,
            Organisation,
            Planning,
            Statistics,
            Budget,
            Fees,
            Procurement,
            Other
        ],
        120
    ),
    agency!(
        "330424104",
        "海盐县卫生健康局",
        Department,
        "盐卫健",
        "海盐县武原街道向阳路58号",
        "0573-86012104",
        "卫生、体育",
        [
            "基层医疗卫生",
            "公共卫生",
            "医疗机构管理",
            "老龄健康",
            "职业健康",
            "母婴安全"
        ],
        &[
            Regulations,
            Organisation,
            Planning,
            Licensing,
            Enforcement,
            Budget,
            Procurement,
            PublicWelfare,
            Emergencies,
            Inspections,
            CivilService,
            Other
        ],
        110
    ),
    agency!(
        "330424105",
        "海盐县市场监督管理局",
        Department,
        "盐市监",
        "海盐县武原街道盐北路223号",
        "0573-86012105",
        "市场监管、安全生产监管",
        [
            "食品安全",
            "特种设备安全",
            "药品医疗器械",
            "知识产权",
            "价格监督检查",
            "计量和标准化"
        ],
        &[
            Regulations,
            Organisation,
            Licensing,
            Enforcement,
            Budget,
            Fees,
            Procurement,
            Inspections,
            Other
        ],
        120
    ),
    agency!(
        "330424106",
        "海盐县自然资源和规划局",
        Department,
        "盐自然资规",
        "海盐县武原街道海滨东路98号",
        "0573-86012106",
        "国土资源、能源",
        [
            "国土空间规划",
            "建设用地审批",
            "不动产登记",
            "耕地保护",
            "地质灾害防治",
            "矿产资源"
        ],
        &[
            Regulations,
            Organisation,
            Planning,
            Licensing,
            Enforcement,
            Budget,
            Fees,
            Procurement,
            MajorProjects,
            LocalAffairs,
            Other
        ],
        110
    ),
    agency!(
        "330424107",
        "海盐县住房和城乡建设局",
        Department,
        "盐建",
        "海盐县武原街道长安北路55号",
        "0573-86012107",
        "城乡建设、环境保护",
        [
            "建筑市场监管",
            "物业管理",
            "城镇老旧小区改造",
            "保障性住房",
            "城市燃气",
            "建设工程质量安全"
        ],
        &[
            Regulations,
            Organisation,
            Planning,
            Licensing,
            Enforcement,
            Budget,
            Fees,
            Procurement,
            MajorProjects,
            Inspections,
            LocalAffairs,
            Other
        ],
        110
    ),
    agency!(
        "330424108",
        "海盐县人力资源和社会保障局",
        Department,
        "盐人社",
        "海盐县武原街道城北西路199号",
        "0573-86012108",
        "劳动、人事、监察",
        [
            "就业创业",
            "社会保险",
            "劳动关系",
            "技能人才培养",
            "事业单位公开招聘",
            "人才引进"
        ],
        &[
            Regulations,
            Organisation,
            Statistics,
            Licensing,
            Enforcement,
            Budget,
            Procurement,
            PublicWelfare,
            CivilService,
            Other
        ],
        110
    ),
    agency!(
        "330424109",
        "海盐县民政局",
        Department,
        "盐民",
        "海盐县武原街道城北西路199号",
        "0573-86012109",
        "民政、扶贫、救灾",
        [
            "社会救助",
            "养老服务",
            "社会组织管理",
            "婚姻登记",
            "殡葬管理",
            "儿童福利"
        ],
        &[
            Regulations,
            Organisation,
            Licensing,
            Enforcement,
            Budget,
            Procurement,
            PublicWelfare,
            LocalAffairs,
            Other
        ],
        100
    ),
    agency!(
        "330424110",
        "海盐县农业农村局",
        Department,
        "盐农",
        "海盐县武原街道海兴西路126号",
        "0573-86012110",
        "农业、林业、水利",
        [
            "粮食生产",
            "农村宅基地管理",
            "高标准农田建设",
            "动物防疫",
            "农产品质量安全",
            "农村集体经济"
        ],
        &[
            Regulations,
            Organisation,
            Planning,
            Licensing,
            Enforcement,
            Budget,
            Procurement,
            PublicWelfare,
            Inspections,
            Other
        ],
        100
    ),
    agency!(
        "330424111",
        "嘉兴市生态环境局海盐分局",
        Department,
        "盐环",
        "海盐县武原街道百尺北路16号",
        "0573-86012111",
        "城乡建设、环境保护",
        [
            "环境影响评价",
            "排污许可",
            "大气污染防治",
            "水污染防治",
            "固体废物管理",
            "生态环境执法"
        ],
        &[
            Regulations,
            Organisation,
            Statistics,
            Licensing,
            Enforcement,
            Budget,
            Procurement,
            Emergencies,
            Inspections,
            Other
        ],
        100
    ),
    agency!(
        "330424112",
        "海盐县应急管理局",
        Department,
        "盐应急",
        "海盐县武原街道长安北路55号",
        "0573-86012112",
        "市场监管、安全生产监管",
        [
            "安全生产",
            "防汛防台",
            "危险化学品管理",
            "森林消防",
            "自然灾害救助",
            "应急救援"
        ],
        &[
            Regulations,
            Organisation,
            Planning,
            Licensing,
            Enforcement,
            Budget,
            Procurement,
            Emergencies,
            Inspections,
            Other
        ],
        100
    ),
    agency!(
        "330424113",
        "海盐县烟草专卖局",
        Department,
        "盐烟专",
        "海盐县武原街道朝阳东路32号",
        "0573-86012113",
        "工业、交通",
        [
            "烟草专卖许可",
            "卷烟市场监管",
            "专卖执法",
            "涉烟案件查处",
            "零售点布局"
        ],
        &[
            Regulations,
            Organisation,
            Licensing,
            Enforcement,
            Budget,
            Procurement,
            Other
        ],
        80
    ),
    agency!(
        "330424114",
        "海盐县供销合作总社",
        Department,
        "盐供销",
        "海盐县武原街道海滨中路41号",
        "0573-86012114",
        "商贸、海关、旅游",
        [
            "为农服务",
            "农资供应",
            "再生资源回收",
            "社有资产管理",
            "农产品流通"
        ],
        &[
            Regulations,
            Organisation,
            Planning,
            Budget,
            Procurement,
            PublicWelfare,
            Other
        ],
        60
    ),
    agency!(
        "330424201",
        "武原街道",
        Town,
        "武街",
        "海盐县武原街道海滨中路2号",
        "0573-86022201",
        "综合政务",
        ["社区治理", "老旧小区改造", "垃圾分类", "网格化管理"],
        TOWN_CATEGORIES,
        60
    ),
    agency!(
        "330424202",
        "西塘桥街道",
        Town,
        "西街",
        "海盐县西塘桥街道海塘路8号",
        "0573-86022202",
        "综合政务",
        ["美丽乡村建设", "工业园区管理", "农村人居环境", "社会救助"],
        TOWN_CATEGORIES,
        50
    ),
    agency!(
        "330424203",
        "秦山街道",
        Town,
        "秦街",
        "海盐县秦山街道核电大道6号",
        "0573-86022203",
        "综合政务",
        ["核电社区服务", "村庄规划", "农村人居环境", "平安建设"],
        TOWN_CATEGORIES,
        45
    ),
    agency!(
        "330424204",
        "望海街道",
        Town,
        "望街",
        "海盐县望海街道望海大道9号",
        "0573-86022204",
        "综合政务",
        ["城市更新", "社区治理", "征迁安置", "养老服务"],
        TOWN_CATEGORIES,
        45
    ),
    agency!(
        "330424205",
        "沈荡镇",
        Town,
        "沈政",
        "海盐县沈荡镇健康路18号",
        "0573-86022205",
        "农业、林业、水利",
        ["粮食生产", "农村宅基地", "农田水利", "强村富民"],
        TOWN_CATEGORIES,
        50
    ),
    agency!(
        "330424206",
        "百步镇",
        Town,
        "百政",
        "海盐县百步镇百步大道66号",
        "0573-86022206",
        "农业、林业、水利",
        ["农业产业园", "农村宅基地", "土地流转", "美丽乡村"],
        TOWN_CATEGORIES,
        50
    ),
    agency!(
        "330424207",
        "于城镇",
        Town,
        "于政",
        "海盐县于城镇和平路10号",
        "0573-86022207",
        "农业、林业、水利",
        ["农田水利", "农村集体经济", "小城镇环境整治", "土地流转"],
        TOWN_CATEGORIES,
        45
    ),
    agency!(
        "330424208",
        "澉浦镇",
        Town,
        "澉政",
        "海盐县澉浦镇南北湖大道1号",
        "0573-86022208",
        "商贸、海关、旅游",
        ["南北湖景区", "海塘安澜", "古镇保护", "乡村旅游"],
        TOWN_CATEGORIES,
        50
    ),
    agency!(
        "330424209",
        "通元镇",
        Town,
        "通政",
        "海盐县通元镇通元路88号",
        "0573-86022209",
        "农业、林业、水利",
        [
            "高标准农田",
            "农村宅基地",
            "村级集体经济",
            "农村生活污水治理"
        ],
        TOWN_CATEGORIES,
        45
    ),
];

impl DemoAgency {
    /// The agency as stored.
    pub(crate) fn to_new_agency(self, sort_order: i64) -> NewAgency {
        NewAgency {
            code: self.code.to_owned(),
            name: self.name.to_owned(),
            kind: self.kind,
            parent_code: (self.kind != AgencyKind::Government).then(|| GOVERNMENT_CODE.to_owned()),
            address: self.address.to_owned(),
            phone: self.phone.to_owned(),
            office_hours: OFFICE_HOURS.to_owned(),
            sort_order,
        }
    }

    /// The name with the county prefix, for titles: towns read “海盐县沈荡镇”.
    pub(crate) fn display_name(self) -> String {
        match self.kind {
            AgencyKind::Town => format!("海盐县{}", self.name),
            _ => self.name.to_owned(),
        }
    }
}
