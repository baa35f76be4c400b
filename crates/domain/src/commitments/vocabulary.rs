//! OGP's policy-area vocabulary: the 86 tag columns of OGP's commitments CSV, in the CSV's
//! order, each with a stable key, OGP's label (the column's header, byte for byte), an Albanian
//! label and its family. The nine family headers are columns (and areas) themselves; the areas
//! after `Public Service Delivery`'s family stand alone. Seed data: code compares keys only.

/// One policy area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PolicyArea {
    pub key: &'static str,
    /// OGP's label: the CSV column's header.
    pub label_en: &'static str,
    pub label_sq: &'static str,
    /// The key of the family it belongs to (a family belongs to itself); `None` stands alone.
    pub family: Option<&'static str>,
}

impl PolicyArea {
    pub fn is_family(&self) -> bool {
        self.family == Some(self.key)
    }

    pub fn label(&self, lang: crate::Lang) -> &'static str {
        match lang {
            crate::Lang::En => self.label_en,
            _ => self.label_sq,
        }
    }
}

/// The area with this key.
pub fn policy_area(key: &str) -> Option<&'static PolicyArea> {
    POLICY_AREAS.iter().find(|a| a.key == key)
}

/// The area whose OGP label (CSV header) is exactly `header`.
pub fn policy_area_by_header(header: &str) -> Option<&'static PolicyArea> {
    POLICY_AREAS.iter().find(|a| a.label_en == header)
}

/// Every area, in the order of OGP's CSV columns.
pub const POLICY_AREAS: [PolicyArea; 86] = [
    PolicyArea {
        key: "anti_corruption_and_integrity",
        label_en: "Anti-Corruption and Integrity",
        label_sq: "Antikorrupsioni dhe integriteti",
        family: Some("anti_corruption_and_integrity"),
    },
    PolicyArea {
        key: "anti_corruption_institutions",
        label_en: "Anti-corruption Institutions",
        label_sq: "Institucionet antikorrupsion",
        family: Some("anti_corruption_and_integrity"),
    },
    PolicyArea {
        key: "anti_corruption_strategies",
        label_en: "Anti-Corruption Strategies",
        label_sq: "Strategjitë antikorrupsion",
        family: Some("anti_corruption_and_integrity"),
    },
    PolicyArea {
        key: "asset_disclosure",
        label_en: "Asset Disclosure",
        label_sq: "Deklarimi i pasurisë",
        family: Some("anti_corruption_and_integrity"),
    },
    PolicyArea {
        key: "audits",
        label_en: "Audits",
        label_sq: "Auditimet",
        family: Some("anti_corruption_and_integrity"),
    },
    PolicyArea {
        key: "beneficial_ownership",
        label_en: "Beneficial Ownership",
        label_sq: "Pronësia përfituese",
        family: Some("anti_corruption_and_integrity"),
    },
    PolicyArea {
        key: "conflicts_of_interest",
        label_en: "Conflicts Of Interest",
        label_sq: "Konflikti i interesit",
        family: Some("anti_corruption_and_integrity"),
    },
    PolicyArea {
        key: "elections",
        label_en: "Elections",
        label_sq: "Zgjedhjet",
        family: Some("anti_corruption_and_integrity"),
    },
    PolicyArea {
        key: "political_finance",
        label_en: "Political Finance",
        label_sq: "Financimi politik",
        family: Some("anti_corruption_and_integrity"),
    },
    PolicyArea {
        key: "lobbying",
        label_en: "Lobbying",
        label_sq: "Lobimi",
        family: Some("anti_corruption_and_integrity"),
    },
    PolicyArea {
        key: "open_contracting",
        label_en: "Open Contracting",
        label_sq: "Kontraktimi i hapur",
        family: Some("anti_corruption_and_integrity"),
    },
    PolicyArea {
        key: "public_procurement",
        label_en: "Public Procurement",
        label_sq: "Prokurimi publik",
        family: Some("anti_corruption_and_integrity"),
    },
    PolicyArea {
        key: "right_to_information",
        label_en: "Right To Information",
        label_sq: "E drejta për informim",
        family: Some("anti_corruption_and_integrity"),
    },
    PolicyArea {
        key: "whistleblower_protections",
        label_en: "Whistleblower Protections",
        label_sq: "Mbrojtja e sinjalizuesve",
        family: Some("anti_corruption_and_integrity"),
    },
    PolicyArea {
        key: "civic_space_and_enabling_environment",
        label_en: "Civic Space and Enabling Environment",
        label_sq: "Hapësira qytetare dhe mjedisi mundësues",
        family: Some("civic_space_and_enabling_environment"),
    },
    PolicyArea {
        key: "freedom_of_assembly",
        label_en: "Freedom of Assembly",
        label_sq: "Liria e tubimit",
        family: Some("civic_space_and_enabling_environment"),
    },
    PolicyArea {
        key: "freedom_of_association",
        label_en: "Freedom of Association",
        label_sq: "Liria e organizimit",
        family: Some("civic_space_and_enabling_environment"),
    },
    PolicyArea {
        key: "freedom_of_expression",
        label_en: "Freedom of Expression",
        label_sq: "Liria e shprehjes",
        family: Some("civic_space_and_enabling_environment"),
    },
    PolicyArea {
        key: "democratizing_decision_making",
        label_en: "Democratizing Decision-Making",
        label_sq: "Demokratizimi i vendimmarrjes",
        family: Some("civic_space_and_enabling_environment"),
    },
    PolicyArea {
        key: "digital_participation",
        label_en: "Digital Participation",
        label_sq: "Pjesëmarrja dixhitale",
        family: Some("civic_space_and_enabling_environment"),
    },
    PolicyArea {
        key: "mainstreaming_participation",
        label_en: "Mainstreaming Participation",
        label_sq: "Pjesëmarrja si praktikë e përhershme",
        family: Some("civic_space_and_enabling_environment"),
    },
    PolicyArea {
        key: "regulatory_governance",
        label_en: "Regulatory Governance",
        label_sq: "Qeverisja rregullatore",
        family: Some("civic_space_and_enabling_environment"),
    },
    PolicyArea {
        key: "social_accountability",
        label_en: "Social Accountability",
        label_sq: "Llogaridhënia sociale",
        family: Some("civic_space_and_enabling_environment"),
    },
    PolicyArea {
        key: "digital_governance",
        label_en: "Digital Governance",
        label_sq: "Qeverisja dixhitale",
        family: Some("digital_governance"),
    },
    PolicyArea {
        key: "automated_decision_making",
        label_en: "Automated Decision-making",
        label_sq: "Vendimmarrja e automatizuar",
        family: Some("digital_governance"),
    },
    PolicyArea {
        key: "data_stewardship_and_privacy",
        label_en: "Data Stewardship and Privacy",
        label_sq: "Kujdesi për të dhënat dhe privatësia",
        family: Some("digital_governance"),
    },
    PolicyArea {
        key: "digital_inclusion",
        label_en: "Digital Inclusion",
        label_sq: "Përfshirja dixhitale",
        family: Some("digital_governance"),
    },
    PolicyArea {
        key: "disinformation_misinformation",
        label_en: "Disinformation/Misinformation",
        label_sq: "Dezinformimi dhe keqinformimi",
        family: Some("digital_governance"),
    },
    PolicyArea {
        key: "online_civic_space",
        label_en: "Online Civic Space",
        label_sq: "Hapësira qytetare në internet",
        family: Some("digital_governance"),
    },
    PolicyArea {
        key: "environment_climate",
        label_en: "Environment & Climate",
        label_sq: "Mjedisi dhe klima",
        family: Some("environment_climate"),
    },
    PolicyArea {
        key: "climate_finance",
        label_en: "Climate Finance",
        label_sq: "Financimi klimatik",
        family: Some("environment_climate"),
    },
    PolicyArea {
        key: "climate_mitigation_and_adaptation",
        label_en: "Climate Mitigation and Adaptation",
        label_sq: "Zbutja e ndryshimeve klimatike dhe përshtatja",
        family: Some("environment_climate"),
    },
    PolicyArea {
        key: "environmental_regulation",
        label_en: "Environmental Regulation",
        label_sq: "Rregullimi mjedisor",
        family: Some("environment_climate"),
    },
    PolicyArea {
        key: "international_environmental_agreements",
        label_en: "International Environmental Agreements",
        label_sq: "Marrëveshjet ndërkombëtare mjedisore",
        family: Some("environment_climate"),
    },
    PolicyArea {
        key: "fiscal_openness",
        label_en: "Fiscal Openness",
        label_sq: "Hapja fiskale",
        family: Some("fiscal_openness"),
    },
    PolicyArea {
        key: "publication_of_budget_fiscal_information",
        label_en: "Publication Of Budget/Fiscal Information",
        label_sq: "Publikimi i informacionit buxhetor dhe fiskal",
        family: Some("fiscal_openness"),
    },
    PolicyArea {
        key: "public_participation_in_budget_fiscal_policy",
        label_en: "Public Participation In Budget/Fiscal Policy",
        label_sq: "Pjesëmarrja publike në politikën buxhetore dhe fiskale",
        family: Some("fiscal_openness"),
    },
    PolicyArea {
        key: "oversight_of_budget_fiscal_policies",
        label_en: "Oversight Of Budget/Fiscal Policies",
        label_sq: "Mbikëqyrja e politikave buxhetore dhe fiskale",
        family: Some("fiscal_openness"),
    },
    PolicyArea {
        key: "stimulus_and_economic_recovery",
        label_en: "Stimulus and Economic Recovery",
        label_sq: "Stimuli dhe rimëkëmbja ekonomike",
        family: Some("fiscal_openness"),
    },
    PolicyArea {
        key: "tax",
        label_en: "Tax",
        label_sq: "Tatimet",
        family: Some("fiscal_openness"),
    },
    PolicyArea {
        key: "debt",
        label_en: "Debt",
        label_sq: "Borxhi",
        family: Some("fiscal_openness"),
    },
    PolicyArea {
        key: "inclusion",
        label_en: "Inclusion",
        label_sq: "Përfshirja",
        family: Some("inclusion"),
    },
    PolicyArea {
        key: "gender",
        label_en: "Gender",
        label_sq: "Gjinia",
        family: Some("inclusion"),
    },
    PolicyArea {
        key: "gender_based_violence",
        label_en: "Gender-Based Violence",
        label_sq: "Dhuna me bazë gjinore",
        family: Some("inclusion"),
    },
    PolicyArea {
        key: "economic_inclusion",
        label_en: "Economic Inclusion",
        label_sq: "Përfshirja ekonomike",
        family: Some("inclusion"),
    },
    PolicyArea {
        key: "lgbtqia",
        label_en: "LGBTQIA+",
        label_sq: "LGBTQIA+",
        family: Some("inclusion"),
    },
    PolicyArea {
        key: "people_with_disabilities",
        label_en: "People with Disabilities",
        label_sq: "Personat me aftësi të kufizuara",
        family: Some("inclusion"),
    },
    PolicyArea {
        key: "youth",
        label_en: "Youth",
        label_sq: "Të rinjtë",
        family: Some("inclusion"),
    },
    PolicyArea {
        key: "justice",
        label_en: "Justice",
        label_sq: "Drejtësia",
        family: Some("justice"),
    },
    PolicyArea {
        key: "access_to_justice",
        label_en: "Access to Justice",
        label_sq: "Aksesi në drejtësi",
        family: Some("justice"),
    },
    PolicyArea {
        key: "open_justice",
        label_en: "Open Justice",
        label_sq: "Drejtësia e hapur",
        family: Some("justice"),
    },
    PolicyArea {
        key: "policing_corrections",
        label_en: "Policing & Corrections",
        label_sq: "Policimi dhe sistemi penitenciar",
        family: Some("justice"),
    },
    PolicyArea {
        key: "judiciary",
        label_en: "Judiciary",
        label_sq: "Gjyqësori",
        family: Some("justice"),
    },
    PolicyArea {
        key: "open_parliaments",
        label_en: "Open Parliaments",
        label_sq: "Parlamentet e hapura",
        family: Some("open_parliaments"),
    },
    PolicyArea {
        key: "public_service_delivery",
        label_en: "Public Service Delivery",
        label_sq: "Ofrimi i shërbimeve publike",
        family: Some("public_service_delivery"),
    },
    PolicyArea {
        key: "citizenship_immigration",
        label_en: "Citizenship & Immigration",
        label_sq: "Shtetësia dhe imigracioni",
        family: Some("public_service_delivery"),
    },
    PolicyArea {
        key: "education",
        label_en: "Education",
        label_sq: "Arsimi",
        family: Some("public_service_delivery"),
    },
    PolicyArea {
        key: "health_nutrition",
        label_en: "Health & Nutrition",
        label_sq: "Shëndetësia dhe ushqyerja",
        family: Some("public_service_delivery"),
    },
    PolicyArea {
        key: "infrastructure_transport",
        label_en: "Infrastructure & Transport",
        label_sq: "Infrastruktura dhe transporti",
        family: Some("public_service_delivery"),
    },
    PolicyArea {
        key: "water_sanitation",
        label_en: "Water & Sanitation",
        label_sq: "Uji dhe kanalizimet",
        family: Some("public_service_delivery"),
    },
    PolicyArea {
        key: "capacity_building",
        label_en: "Capacity Building",
        label_sq: "Ngritja e kapaciteteve",
        family: None,
    },
    PolicyArea {
        key: "digital_transformation",
        label_en: "Digital Transformation",
        label_sq: "Transformimi dixhital",
        family: None,
    },
    PolicyArea {
        key: "legislation",
        label_en: "Legislation",
        label_sq: "Legjislacioni",
        family: None,
    },
    PolicyArea {
        key: "regulation",
        label_en: "Regulation",
        label_sq: "Rregullimi",
        family: None,
    },
    PolicyArea {
        key: "legislative_oversight",
        label_en: "Legislative Oversight",
        label_sq: "Mbikëqyrja legjislative",
        family: None,
    },
    PolicyArea {
        key: "open_data",
        label_en: "Open Data",
        label_sq: "Të dhënat e hapura",
        family: None,
    },
    PolicyArea {
        key: "public_participation",
        label_en: "Public Participation",
        label_sq: "Pjesëmarrja publike",
        family: None,
    },
    PolicyArea {
        key: "aid",
        label_en: "Aid",
        label_sq: "Ndihma",
        family: None,
    },
    PolicyArea {
        key: "energy",
        label_en: "Energy",
        label_sq: "Energjia",
        family: None,
    },
    PolicyArea {
        key: "extractive_industries",
        label_en: "Extractive Industries",
        label_sq: "Industritë nxjerrëse",
        family: None,
    },
    PolicyArea {
        key: "land_and_spatial_planning",
        label_en: "Land and Spatial Planning",
        label_sq: "Toka dhe planifikimi i territorit",
        family: None,
    },
    PolicyArea {
        key: "media_telecommunications",
        label_en: "Media & Telecommunications",
        label_sq: "Media dhe telekomunikacioni",
        family: None,
    },
    PolicyArea {
        key: "science_technology",
        label_en: "Science & Technology",
        label_sq: "Shkenca dhe teknologjia",
        family: None,
    },
    PolicyArea {
        key: "security_public_safety",
        label_en: "Security & Public Safety",
        label_sq: "Siguria dhe rendi publik",
        family: None,
    },
    PolicyArea {
        key: "labor",
        label_en: "Labor",
        label_sq: "Puna",
        family: None,
    },
    PolicyArea {
        key: "private_sector",
        label_en: "Private Sector",
        label_sq: "Sektori privat",
        family: None,
    },
    PolicyArea {
        key: "subnational",
        label_en: "Subnational",
        label_sq: "Nivel vendor",
        family: None,
    },
    PolicyArea {
        key: "human_rights",
        label_en: "Human Rights",
        label_sq: "Të drejtat e njeriut",
        family: None,
    },
    PolicyArea {
        key: "open_parliament_plan",
        label_en: "Open Parliament Plan",
        label_sq: "Plan i parlamentit të hapur",
        family: None,
    },
    PolicyArea {
        key: "sustainable_development_goals",
        label_en: "Sustainable Development Goals",
        label_sq: "Objektivat e zhvillimit të qëndrueshëm",
        family: None,
    },
    PolicyArea {
        key: "open_data_water_sanitation",
        label_en: "Open Data (Water/Sanitation)",
        label_sq: "Të dhëna të hapura (ujë dhe kanalizime)",
        family: None,
    },
    PolicyArea {
        key: "open_data_health",
        label_en: "Open Data (Health)",
        label_sq: "Të dhëna të hapura (shëndetësi)",
        family: None,
    },
    PolicyArea {
        key: "open_data_education",
        label_en: "Open Data (Education)",
        label_sq: "Të dhëna të hapura (arsim)",
        family: None,
    },
    PolicyArea {
        key: "participation_in_lawmaking",
        label_en: "Participation in Lawmaking",
        label_sq: "Pjesëmarrja në hartimin e ligjeve",
        family: None,
    },
    PolicyArea {
        key: "access_to_information",
        label_en: "Access to information",
        label_sq: "Aksesi në informacion",
        family: None,
    },
    PolicyArea {
        key: "money_in_politics",
        label_en: "Money in Politics",
        label_sq: "Paraja në politikë",
        family: None,
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_families_exist() {
        for (i, a) in POLICY_AREAS.iter().enumerate() {
            assert!(POLICY_AREAS[i + 1..].iter().all(|b| b.key != a.key), "{}", a.key);
            if let Some(family) = a.family {
                assert!(policy_area(family).is_some_and(PolicyArea::is_family), "{}", a.key);
            }
        }
        assert_eq!(POLICY_AREAS.iter().filter(|a| a.is_family()).count(), 9);
    }
}
