//! The categories of 法定主动公开内容: the fifteen items of Art. 20 of the
//! Regulation and the local items of Art. 21 (domain.md §6.1).

keyed_enum! {
    /// The statutory category of a proactively published item.
    pub enum Category {
        /// (一) 行政法规、规章和规范性文件
        Regulations => "art20_01", "行政法规、规章和规范性文件";
        /// (二) 机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名
        Organisation => "art20_02", "机关职能与机构设置";
        /// (三) 国民经济和社会发展规划、专项规划、区域规划及相关政策
        Planning => "art20_03", "规划信息";
        /// (四) 国民经济和社会发展统计信息
        Statistics => "art20_04", "统计信息";
        /// (五) 办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果
        Licensing => "art20_05", "行政许可和对外管理服务";
        /// (六) 实施行政处罚、行政强制的依据、条件、程序以及…行政处罚决定
        Enforcement => "art20_06", "行政处罚和行政强制";
        /// (七) 财政预算、决算信息
        Budget => "art20_07", "财政预算决算";
        /// (八) 行政事业性收费项目及其依据、标准
        Fees => "art20_08", "行政事业性收费";
        /// (九) 政府集中采购项目的目录、标准及实施情况
        Procurement => "art20_09", "政府集中采购";
        /// (十) 重大建设项目的批准和实施情况
        MajorProjects => "art20_10", "重大建设项目";
        /// (十一) 扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况
        PublicWelfare => "art20_11", "扶贫、教育、医疗、社保、就业";
        /// (十二) 突发公共事件的应急预案、预警信息及应对情况
        Emergencies => "art20_12", "突发公共事件应对";
        /// (十三) 环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况
        Inspections => "art20_13", "监督检查情况";
        /// (十四) 公务员招考的职位、名额、报考条件等事项以及录用结果
        CivilService => "art20_14", "公务员招考录用";
        /// (十五) 法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息
        Other => "art20_15", "其他应当主动公开的信息";
        /// Art. 21 for county-level governments and departments: 市政建设、公共服务、公益事业、
        /// 土地征收、房屋征收、治安管理、社会救助等
        LocalAffairs => "art21_local", "市政建设、征收与社会救助";
        /// Art. 21 for townships: 农业农村政策、农田水利、土地承包经营权流转、宅基地、筹资筹劳等
        RuralAffairs => "art21_rural", "农业农村与乡镇事务";
    }
}

impl Category {
    /// The article and item, e.g. “第二十条第（七）项”.
    pub fn article(self) -> &'static str {
        match self {
            Category::Regulations => "第二十条第（一）项",
            Category::Organisation => "第二十条第（二）项",
            Category::Planning => "第二十条第（三）项",
            Category::Statistics => "第二十条第（四）项",
            Category::Licensing => "第二十条第（五）项",
            Category::Enforcement => "第二十条第（六）项",
            Category::Budget => "第二十条第（七）项",
            Category::Fees => "第二十条第（八）项",
            Category::Procurement => "第二十条第（九）项",
            Category::MajorProjects => "第二十条第（十）项",
            Category::PublicWelfare => "第二十条第（十一）项",
            Category::Emergencies => "第二十条第（十二）项",
            Category::Inspections => "第二十条第（十三）项",
            Category::CivilService => "第二十条第（十四）项",
            Category::Other => "第二十条第（十五）项",
            Category::LocalAffairs => "第二十一条（县级）",
            Category::RuralAffairs => "第二十一条（乡镇）",
        }
    }

    /// The text of the Regulation for this category.
    pub fn legal_text(self) -> &'static str {
        match self {
            Category::Regulations => "行政法规、规章和规范性文件",
            Category::Organisation => {
                "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名"
            }
            Category::Planning => "国民经济和社会发展规划、专项规划、区域规划及相关政策",
            Category::Statistics => "国民经济和社会发展统计信息",
            Category::Licensing => {
                "办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果"
            }
            Category::Enforcement => {
                "实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定"
            }
            Category::Budget => "财政预算、决算信息",
            Category::Fees => "行政事业性收费项目及其依据、标准",
            Category::Procurement => "政府集中采购项目的目录、标准及实施情况",
            Category::MajorProjects => "重大建设项目的批准和实施情况",
            Category::PublicWelfare => {
                "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况"
            }
            Category::Emergencies => "突发公共事件的应急预案、预警信息及应对情况",
            Category::Inspections => {
                "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况"
            }
            Category::CivilService => "公务员招考的职位、名额、报考条件等事项以及录用结果",
            Category::Other => "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息",
            Category::LocalAffairs => {
                "市政建设、公共服务、公益事业、土地征收、房屋征收、治安管理、社会救助等方面的政府信息"
            }
            Category::RuralAffairs => {
                "贯彻落实农业农村政策、农田水利工程建设运营、农村土地承包经营权流转、宅基地使用情况审核、土地征收、房屋征收、筹资筹劳、社会救助等方面的政府信息"
            }
        }
    }

    /// Whether the category is one of the fifteen items of Art. 20.
    pub fn is_article_20(self) -> bool {
        !matches!(self, Category::LocalAffairs | Category::RuralAffairs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fifteen_article_20_categories_and_keys_round_trip() {
        assert_eq!(
            Category::ALL.iter().filter(|c| c.is_article_20()).count(),
            15
        );
        for &c in Category::ALL {
            assert_eq!(Category::from_key(c.key()), Some(c));
        }
    }
}
