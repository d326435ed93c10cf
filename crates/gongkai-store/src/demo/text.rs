//! Title and body templates of the demo catalog, in the style of a county
//! government's 政府信息公开 catalog. Placeholders in braces are filled by
//! [`fill`].

use crate::Category;

/// Title templates per category.
pub(crate) fn titles(category: Category) -> &'static [&'static str] {
    match category {
        Category::Regulations => &[
            "关于印发《{county}{field}管理办法》的通知",
            "{agency}关于印发《{field}工作实施细则》的通知",
            "{agency}关于进一步加强{field}工作的实施意见",
            "关于印发《{county}{field}三年行动计划（{year}—{next2}年）》的通知",
            "《{county}{field}管理办法》政策解读",
            "{agency}关于废止和修改部分规范性文件的决定",
        ],
        Category::Organisation => &[
            "{agency}领导分工调整情况",
            "{agency}内设机构及职责",
            "{agency}办公地址、办公时间和联系方式",
        ],
        Category::Planning => &[
            "{agency}{year}年工作要点",
            "{agency}{year}年工作总结和{next}年工作思路",
            "{county}{field}发展“十四五”规划",
            "{county}{field}专项规划（{year}—2035年）",
            "{agency}关于{year}年{field}重点工作任务分解的通知",
        ],
        Category::Statistics => &[
            "{year}年{month}月{field}主要指标",
            "{year}年第{quarter}季度{field}运行情况分析",
            "{county}{year}年国民经济和社会发展统计公报",
            "{agency}{year}年{field}统计数据",
        ],
        Category::Licensing => &[
            "{agency}{year}年{month}月行政许可办理结果公示",
            "{field}行政许可事项办事指南（{year}年版）",
            "关于{field}审批结果的公示（{year}年第{n}批）",
            "{agency}“最多跑一次”事项清单（{year}年）",
        ],
        Category::Enforcement => &[
            "{agency}行政处罚决定书（{prefix}罚决〔{year}〕{n}号）",
            "{agency}{year}年{month}月行政处罚案件信息公开",
            "{agency}行政执法事项清单（{year}年版）",
            "{agency}{year}年度行政执法数据公开",
            "{agency}行政强制措施实施情况（{year}年第{quarter}季度）",
        ],
        Category::Budget => &[
            "{agency}{year}年部门预算公开",
            "{agency}{year}年部门决算公开",
            "{agency}{year}年“三公”经费预算情况说明",
            "{agency}关于{year}年度部门整体支出绩效自评情况的报告",
        ],
        Category::Fees => &[
            "{agency}行政事业性收费项目目录清单（{year}年）",
            "关于{field}相关收费标准的公示",
            "{agency}{year}年涉企收费清单",
        ],
        Category::Procurement => &[
            "{agency}{year}年政府采购意向公开（{month}月）",
            "{agency}{field}项目采购结果公告",
            "{agency}{field}服务项目中标（成交）结果公告",
            "{county}{year}年政府集中采购目录及标准",
        ],
        Category::MajorProjects => &[
            "{county}{year}年重大建设项目计划",
            "{project}项目批准信息",
            "{project}施工许可信息公开",
            "{project}项目建设进展情况（{year}年{month}月）",
        ],
        Category::PublicWelfare => &[
            "{year}年{county}义务教育阶段学校招生工作实施意见",
            "{agency}{year}年{month}月城乡低保对象名单公示",
            "关于做好{year}年高校毕业生等青年就业创业工作的通知",
            "{county}{year}年城乡居民基本医疗保险参保缴费工作的通知",
            "{agency}{year}年困难群众临时救助情况公示",
        ],
        Category::Emergencies => &[
            "{agency}{field}突发事件应急预案",
            "关于做好{year}年防汛防台工作的通知",
            "{agency}关于台风“{typhoon}”防御工作情况的通报",
            "{year}年{month}月高温天气预警信息",
            "{agency}{year}年应急演练工作方案",
        ],
        Category::Inspections => &[
            "{year}年第{n}期食品安全监督抽检信息公告",
            "{agency}{year}年安全生产大检查情况通报",
            "{year}年{month}月{county}环境空气质量状况",
            "{agency}{year}年“双随机、一公开”抽查结果公示",
            "{agency}{year}年产品质量监督抽查结果",
        ],
        Category::CivilService => &[
            "{county}{year}年度考试录用公务员拟录用人员公示",
            "{agency}{year}年公开招聘编外用工公告",
            "{agency}{year}年公开招聘编外用工拟录用人员名单公示",
            "{county}{year}年度考试录用公务员职位计划",
        ],
        Category::Other => &[
            "{agency}{year}年法治政府建设情况报告",
            "{agency}{year}年度人大代表建议和政协提案办理情况",
            "{agency}关于{year}年度{field}工作情况的报告",
            "{agency}{year}年“八五”普法工作要点",
        ],
        Category::LocalAffairs => &[
            "{place}{road}改造工程房屋征收公告",
            "{county}{year}年城乡居民最低生活保障标准调整的通知",
            "{county}{year}年民生实事项目完成情况",
            "关于{place}地块房屋征收补偿方案的公告",
        ],
        Category::RuralAffairs => &[
            "{agency}{year}年第{n}批农村宅基地审批情况公示",
            "{agency}{year}年农村土地承包经营权流转情况",
            "{agency}{year}年农田水利设施建设项目公示",
            "{agency}{year}年一事一议筹资筹劳项目公示",
            "{agency}{year}年惠农补贴发放情况公示",
        ],
    }
}

/// The opening paragraph of a body, per category.
pub(crate) fn opening(category: Category) -> &'static str {
    match category {
        Category::Regulations => {
            "为深入贯彻落实党中央、国务院和省委、省政府关于{field}工作的决策部署，进一步规范{field}管理，根据有关法律法规和政策规定，结合我县实际，制定本办法（方案）。现印发给你们，请认真贯彻执行。"
        }
        Category::Organisation => {
            "根据《中华人民共和国政府信息公开条例》第二十条第（二）项的规定，现将{agency}机关职能、机构设置、办公地址、办公时间、联系方式及负责人姓名等信息予以公开。"
        }
        Category::Planning => {
            "{year}年是推进“十四五”规划落地见效的关键之年。{agency}坚持以习近平新时代中国特色社会主义思想为指导，围绕县委、县政府中心工作，聚焦{field}重点任务，谋划本年度工作如下。"
        }
        Category::Statistics => {
            "现将{county}{field}有关统计数据公布如下。本数据为初步统计数，最终数据以统计年鉴为准。"
        }
        Category::Licensing => {
            "根据《中华人民共和国行政许可法》和《中华人民共和国政府信息公开条例》的有关规定，现将{agency}{field}等行政许可事项的办理依据、条件、程序及办理结果予以公开，接受社会监督。"
        }
        Category::Enforcement => {
            "根据《中华人民共和国行政处罚法》《中华人民共和国行政强制法》的有关规定，现将{agency}实施行政处罚、行政强制的有关情况予以公开。当事人对处罚决定不服的，可以依法申请行政复议或者提起行政诉讼。"
        }
        Category::Budget => {
            "根据《中华人民共和国预算法》和财政部关于地方预决算公开的有关规定，现将{agency}{year}年部门预算（决算）情况公开如下，内容包括部门职责及机构设置情况、收支总体情况、一般公共预算支出情况和“三公”经费情况等。"
        }
        Category::Fees => {
            "根据国家和省有关行政事业性收费管理规定，现将{agency}行政事业性收费项目、收费依据和收费标准予以公布。目录清单之外的收费项目，一律不得执行。"
        }
        Category::Procurement => {
            "根据《中华人民共和国政府采购法》及其实施条例的规定，现将{agency}政府采购有关信息公告如下。"
        }
        Category::MajorProjects => {
            "根据国务院办公厅关于推进重大建设项目批准和实施领域政府信息公开的有关要求，现将{county}重大建设项目的批准和实施情况予以公开。"
        }
        Category::PublicWelfare => {
            "为切实保障和改善民生，扎实推进共同富裕示范区县域实践，现将{county}{field}相关政策措施及实施情况公开如下。"
        }
        Category::Emergencies => {
            "为有效预防和妥善处置各类突发事件，最大程度减少人员伤亡和财产损失，根据《中华人民共和国突发事件应对法》等有关规定，结合{agency}工作实际，现将有关事项公布如下。"
        }
        Category::Inspections => {
            "根据年度监督检查计划，{agency}组织开展了{field}监督检查工作，现将检查情况公布如下。"
        }
        Category::CivilService => {
            "根据公务员录用和编外用工招聘有关规定，经笔试、面试、体检和考察等程序，现将有关情况予以公示。公示期间如有异议，可向{agency}反映。"
        }
        Category::Other => {
            "{year}年，{agency}在县委、县政府的坚强领导下，认真贯彻落实各项决策部署，扎实推进{field}等各项工作，现将有关情况报告如下。"
        }
        Category::LocalAffairs => {
            "为推进城市有机更新，改善群众居住条件，根据《国有土地上房屋征收与补偿条例》等有关规定，现将有关事项公告如下。"
        }
        Category::RuralAffairs => {
            "为贯彻落实农业农村政策，保障农民合法权益，根据有关规定，现将{agency}{field}有关情况予以公示，接受群众监督。"
        }
    }
}

/// Numbered sections of a body: heading and paragraph.
pub(crate) const SECTIONS: &[(&str, &str)] = &[
    (
        "总体要求",
        "坚持以人民为中心的发展思想，坚持问题导向和目标导向，以{field}为重点，着力补短板、强弱项、提质效，推动{field}工作走在全市前列。",
    ),
    (
        "主要任务",
        "围绕{field}，重点抓好制度完善、流程优化和数字化改革三方面工作：健全工作机制，明确责任分工；优化办事流程，压缩办理时限；依托“浙里办”“浙政钉”等平台，推动数据共享和业务协同。",
    ),
    (
        "工作目标",
        "到{next}年底，{field}各项指标稳步提升，群众满意度达到95%以上，形成一批可复制、可推广的经验做法。",
    ),
    (
        "实施步骤",
        "（一）动员部署阶段（{year}年1月—3月）：制定工作方案，明确任务清单。（二）组织实施阶段（{year}年4月—10月）：各责任单位按照职责分工抓好落实。（三）总结评估阶段（{year}年11月—12月）：全面总结工作成效，查找问题不足。",
    ),
    (
        "保障措施",
        "加强组织领导，建立定期会商机制；强化要素保障，统筹安排专项资金；严格督查考核，将工作情况纳入年度综合考核，确保各项任务落到实处。",
    ),
    (
        "有关说明",
        "本信息由{agency}负责解释。如有疑问，请在工作日内与{agency}联系，联系电话：{phone}。",
    ),
];

/// Demo names of major projects in the county.
pub(crate) const PROJECTS: &[&str] = &[
    "海盐县城北片区有机更新工程",
    "南北湖景区提升改造工程",
    "海盐经济开发区污水处理厂扩建工程",
    "县人民医院门急诊综合楼建设工程",
    "百步镇中心学校迁建工程",
    "沈荡镇农村生活污水治理提标改造工程",
    "海盐县全民健身中心建设工程",
    "武原街道老旧小区改造工程",
    "澉浦镇海塘安澜工程",
    "通元镇高标准农田建设项目",
];

/// Places in the county, for titles.
pub(crate) const PLACES: &[&str] = &[
    "武原街道",
    "西塘桥街道",
    "秦山街道",
    "望海街道",
    "沈荡镇",
    "百步镇",
    "于城镇",
    "澉浦镇",
    "通元镇",
];

/// Roads, for titles.
pub(crate) const ROADS: &[&str] = &["盐北路", "枣园路", "海滨路", "长安路", "城北路", "华丰路"];

/// Typhoons that reached Zhejiang, for titles.
pub(crate) const TYPHOONS: &[&str] = &["烟花", "梅花", "轩岚诺", "杜苏芮", "贝碧嘉", "普拉桑"];

/// The values of the placeholders of one item.
#[derive(Debug, Clone)]
pub(crate) struct Fill<'a> {
    /// {agency}
    pub agency: &'a str,
    /// {field}
    pub field: &'a str,
    /// {year}
    pub year: i32,
    /// {month}
    pub month: u32,
    /// {quarter}
    pub quarter: u32,
    /// {n}
    pub n: u32,
    /// {prefix}
    pub prefix: &'a str,
    /// {project}
    pub project: &'a str,
    /// {place}
    pub place: &'a str,
    /// {road}
    pub road: &'a str,
    /// {typhoon}
    pub typhoon: &'a str,
    /// {phone}
    pub phone: &'a str,
}

/// Replaces the placeholders of `template`.
pub(crate) fn fill(template: &str, f: &Fill<'_>) -> String {
    template
        .replace("{agency}", f.agency)
        .replace("{county}", "海盐县")
        .replace("{field}", f.field)
        .replace("{year}", &f.year.to_string())
        .replace("{next2}", &(f.year + 2).to_string())
        .replace("{next}", &(f.year + 1).to_string())
        .replace("{month}", &f.month.to_string())
        .replace(
            "{quarter}",
            ["一", "二", "三", "四"]
                .get(f.quarter as usize % 4)
                .copied()
                .unwrap_or("一"),
        )
        .replace("{n}", &f.n.to_string())
        .replace("{prefix}", f.prefix)
        .replace("{project}", f.project)
        .replace("{place}", f.place)
        .replace("{road}", f.road)
        .replace("{typhoon}", f.typhoon)
        .replace("{phone}", f.phone)
}
