// Package industry holds the national industry classification (GB/T 4754-2017
// 《国民经济行业分类》) at its two top levels, the 20 sections (门类 A–T) and the
// 97 divisions (大类 01–97), with lookups by code.
package industry

// Section is a 门类 of GB/T 4754-2017, e.g. "C" 制造业.
type Section struct {
	Code      string // "C"
	Name      string // "制造业"
	NameEn    string // "Manufacturing"
	Divisions []Division
}

// Division is a 大类, coded by its section letter and two-digit number, e.g. "C34".
type Division struct {
	Code   string // "C34"
	Name   string // "通用设备制造业"
	NameEn string // "Manufacture of General Purpose Machinery"
}

// sections is the whole classification, in code order.
var sections = []Section{
	{Code: "A", Name: "农、林、牧、渔业", NameEn: "Agriculture, Forestry, Animal Husbandry and Fishery", Divisions: []Division{
		{Code: "A01", Name: "农业", NameEn: "Agriculture"},
		{Code: "A02", Name: "林业", NameEn: "Forestry"},
		{Code: "A03", Name: "畜牧业", NameEn: "Animal Husbandry"},
		{Code: "A04", Name: "渔业", NameEn: "Fishery"},
		{Code: "A05", Name: "农、林、牧、渔专业及辅助性活动", NameEn: "Professional and Support Activities for Agriculture, Forestry, Animal Husbandry and Fishery"},
	}},
	{Code: "B", Name: "采矿业", NameEn: "Mining", Divisions: []Division{
		{Code: "B06", Name: "煤炭开采和洗选业", NameEn: "Mining and Washing of Coal"},
		{Code: "B07", Name: "石油和天然气开采业", NameEn: "Extraction of Petroleum and Natural Gas"},
		{Code: "B08", Name: "黑色金属矿采选业", NameEn: "Mining and Processing of Ferrous Metal Ores"},
		{Code: "B09", Name: "有色金属矿采选业", NameEn: "Mining and Processing of Non-ferrous Metal Ores"},
		{Code: "B10", Name: "非金属矿采选业", NameEn: "Mining and Processing of Non-metallic Minerals"},
		{Code: "B11", Name: "开采专业及辅助性活动", NameEn: "Professional and Support Activities for Mining"},
		{Code: "B12", Name: "其他采矿业", NameEn: "Other Mining"},
	}},
	{Code: "C", Name: "制造业", NameEn: "Manufacturing", Divisions: []Division{
		{Code: "C13", Name: "农副食品加工业", NameEn: "Processing of Food from Agricultural Products"},
		{Code: "C14", Name: "食品制造业", NameEn: "Manufacture of Foods"},
		{Code: "C15", Name: "酒、饮料和精制茶制造业", NameEn: "Manufacture of Liquor, Beverages and Refined Tea"},
		{Code: "C16", Name: "烟草制品业", NameEn: "Manufacture of Tobacco Products"},
		{Code: "C17", Name: "纺织业", NameEn: "Manufacture of Textiles"},
		{Code: "C18", Name: "纺织服装、服饰业", NameEn: "Manufacture of Textile Wearing Apparel and Accessories"},
		{Code: "C19", Name: "皮革、毛皮、羽毛及其制品和制鞋业", NameEn: "Manufacture of Leather, Fur, Feather and Related Products and Footwear"},
		{Code: "C20", Name: "木材加工和木、竹、藤、棕、草制品业", NameEn: "Processing of Timber and Manufacture of Wood, Bamboo, Rattan, Palm and Straw Products"},
		{Code: "C21", Name: "家具制造业", NameEn: "Manufacture of Furniture"},
		{Code: "C22", Name: "造纸和纸制品业", NameEn: "Manufacture of Paper and Paper Products"},
		{Code: "C23", Name: "印刷和记录媒介复制业", NameEn: "Printing and Reproduction of Recording Media"},
		{Code: "C24", Name: "文教、工美、体育和娱乐用品制造业", NameEn: "Manufacture of Articles for Culture, Education, Arts and Crafts, Sports and Entertainment"},
		{Code: "C25", Name: "石油、煤炭及其他燃料加工业", NameEn: "Processing of Petroleum, Coal and Other Fuels"},
		{Code: "C26", Name: "化学原料和化学制品制造业", NameEn: "Manufacture of Raw Chemical Materials and Chemical Products"},
		{Code: "C27", Name: "医药制造业", NameEn: "Manufacture of Medicines"},
		{Code: "C28", Name: "化学纤维制造业", NameEn: "Manufacture of Chemical Fibers"},
		{Code: "C29", Name: "橡胶和塑料制品业", NameEn: "Manufacture of Rubber and Plastics Products"},
		{Code: "C30", Name: "非金属矿物制品业", NameEn: "Manufacture of Non-metallic Mineral Products"},
		{Code: "C31", Name: "黑色金属冶炼和压延加工业", NameEn: "Smelting and Pressing of Ferrous Metals"},
		{Code: "C32", Name: "有色金属冶炼和压延加工业", NameEn: "Smelting and Pressing of Non-ferrous Metals"},
		{Code: "C33", Name: "金属制品业", NameEn: "Manufacture of Metal Products"},
		{Code: "C34", Name: "通用设备制造业", NameEn: "Manufacture of General Purpose Machinery"},
		{Code: "C35", Name: "专用设备制造业", NameEn: "Manufacture of Special Purpose Machinery"},
		{Code: "C36", Name: "汽车制造业", NameEn: "Manufacture of Automobiles"},
		{Code: "C37", Name: "铁路、船舶、航空航天和其他运输设备制造业", NameEn: "Manufacture of Railway, Ship, Aerospace and Other Transport Equipment"},
		{Code: "C38", Name: "电气机械和器材制造业", NameEn: "Manufacture of Electrical Machinery and Apparatus"},
		{Code: "C39", Name: "计算机、通信和其他电子设备制造业", NameEn: "Manufacture of Computers, Communication and Other Electronic Equipment"},
		{Code: "C40", Name: "仪器仪表制造业", NameEn: "Manufacture of Measuring Instruments"},
		{Code: "C41", Name: "其他制造业", NameEn: "Other Manufacturing"},
		{Code: "C42", Name: "废弃资源综合利用业", NameEn: "Comprehensive Utilization of Waste Resources"},
		{Code: "C43", Name: "金属制品、机械和设备修理业", NameEn: "Repair of Metal Products, Machinery and Equipment"},
	}},
	{Code: "D", Name: "电力、热力、燃气及水生产和供应业", NameEn: "Production and Supply of Electricity, Heat, Gas and Water", Divisions: []Division{
		{Code: "D44", Name: "电力、热力生产和供应业", NameEn: "Production and Supply of Electric Power and Heat Power"},
		{Code: "D45", Name: "燃气生产和供应业", NameEn: "Production and Supply of Gas"},
		{Code: "D46", Name: "水的生产和供应业", NameEn: "Production and Supply of Water"},
	}},
	{Code: "E", Name: "建筑业", NameEn: "Construction", Divisions: []Division{
		{Code: "E47", Name: "房屋建筑业", NameEn: "Construction of Buildings"},
		{Code: "E48", Name: "土木工程建筑业", NameEn: "Civil Engineering"},
		{Code: "E49", Name: "建筑安装业", NameEn: "Construction Installation Activities"},
		{Code: "E50", Name: "建筑装饰、装修和其他建筑业", NameEn: "Building Decoration, Renovation and Other Construction"},
	}},
	{Code: "F", Name: "批发和零售业", NameEn: "Wholesale and Retail Trade", Divisions: []Division{
		{Code: "F51", Name: "批发业", NameEn: "Wholesale Trade"},
		{Code: "F52", Name: "零售业", NameEn: "Retail Trade"},
	}},
	{Code: "G", Name: "交通运输、仓储和邮政业", NameEn: "Transport, Storage and Post", Divisions: []Division{
		{Code: "G53", Name: "铁路运输业", NameEn: "Rail Transport"},
		{Code: "G54", Name: "道路运输业", NameEn: "Road Transport"},
		{Code: "G55", Name: "水上运输业", NameEn: "Water Transport"},
		{Code: "G56", Name: "航空运输业", NameEn: "Air Transport"},
		{Code: "G57", Name: "管道运输业", NameEn: "Pipeline Transport"},
		{Code: "G58", Name: "多式联运和运输代理业", NameEn: "Multimodal Transport and Transport Agency"},
		{Code: "G59", Name: "装卸搬运和仓储业", NameEn: "Loading, Unloading, Handling and Warehousing"},
		{Code: "G60", Name: "邮政业", NameEn: "Postal Services"},
	}},
	{Code: "H", Name: "住宿和餐饮业", NameEn: "Accommodation and Catering", Divisions: []Division{
		{Code: "H61", Name: "住宿业", NameEn: "Accommodation"},
		{Code: "H62", Name: "餐饮业", NameEn: "Catering Services"},
	}},
	{Code: "I", Name: "信息传输、软件和信息技术服务业", NameEn: "Information Transmission, Software and Information Technology Services", Divisions: []Division{
		{Code: "I63", Name: "电信、广播电视和卫星传输服务", NameEn: "Telecommunications, Radio and Television Broadcasting and Satellite Transmission Services"},
		{Code: "I64", Name: "互联网和相关服务", NameEn: "Internet and Related Services"},
		{Code: "I65", Name: "软件和信息技术服务业", NameEn: "Software and Information Technology Services"},
	}},
	{Code: "J", Name: "金融业", NameEn: "Finance", Divisions: []Division{
		{Code: "J66", Name: "货币金融服务", NameEn: "Monetary and Financial Services"},
		{Code: "J67", Name: "资本市场服务", NameEn: "Capital Market Services"},
		{Code: "J68", Name: "保险业", NameEn: "Insurance"},
		{Code: "J69", Name: "其他金融业", NameEn: "Other Financial Activities"},
	}},
	{Code: "K", Name: "房地产业", NameEn: "Real Estate", Divisions: []Division{
		{Code: "K70", Name: "房地产业", NameEn: "Real Estate"},
	}},
	{Code: "L", Name: "租赁和商务服务业", NameEn: "Leasing and Business Services", Divisions: []Division{
		{Code: "L71", Name: "租赁业", NameEn: "Leasing"},
		{Code: "L72", Name: "商务服务业", NameEn: "Business Services"},
	}},
	{Code: "M", Name: "科学研究和技术服务业", NameEn: "Scientific Research and Technical Services", Divisions: []Division{
		{Code: "M73", Name: "研究和试验发展", NameEn: "Research and Experimental Development"},
		{Code: "M74", Name: "专业技术服务业", NameEn: "Professional Technical Services"},
		{Code: "M75", Name: "科技推广和应用服务业", NameEn: "Technology Promotion and Application Services"},
	}},
	{Code: "N", Name: "水利、环境和公共设施管理业", NameEn: "Management of Water Conservancy, Environment and Public Facilities", Divisions: []Division{
		{Code: "N76", Name: "水利管理业", NameEn: "Management of Water Conservancy"},
		{Code: "N77", Name: "生态保护和环境治理业", NameEn: "Ecological Protection and Environmental Management"},
		{Code: "N78", Name: "公共设施管理业", NameEn: "Management of Public Facilities"},
		{Code: "N79", Name: "土地管理业", NameEn: "Land Management"},
	}},
	{Code: "O", Name: "居民服务、修理和其他服务业", NameEn: "Resident Services, Repair and Other Services", Divisions: []Division{
		{Code: "O80", Name: "居民服务业", NameEn: "Resident Services"},
		{Code: "O81", Name: "机动车、电子产品和日用产品修理业", NameEn: "Repair of Motor Vehicles, Electronic Products and Household Goods"},
		{Code: "O82", Name: "其他服务业", NameEn: "Other Services"},
	}},
	{Code: "P", Name: "教育", NameEn: "Education", Divisions: []Division{
		{Code: "P83", Name: "教育", NameEn: "Education"},
	}},
	{Code: "Q", Name: "卫生和社会工作", NameEn: "Health and Social Work", Divisions: []Division{
		{Code: "Q84", Name: "卫生", NameEn: "Health"},
		{Code: "Q85", Name: "社会工作", NameEn: "Social Work"},
	}},
	{Code: "R", Name: "文化、体育和娱乐业", NameEn: "Culture, Sports and Entertainment", Divisions: []Division{
		{Code: "R86", Name: "新闻和出版业", NameEn: "News and Publishing"},
		{Code: "R87", Name: "广播、电视、电影和录音制作业", NameEn: "Radio, Television, Film and Sound Recording Production"},
		{Code: "R88", Name: "文化艺术业", NameEn: "Culture and Arts"},
		{Code: "R89", Name: "体育", NameEn: "Sports"},
		{Code: "R90", Name: "娱乐业", NameEn: "Entertainment"},
	}},
	{Code: "S", Name: "公共管理、社会保障和社会组织", NameEn: "Public Management, Social Security and Social Organizations", Divisions: []Division{
		{Code: "S91", Name: "中国共产党机关", NameEn: "Organs of the Communist Party of China"},
		{Code: "S92", Name: "国家机构", NameEn: "State Organs"},
		{Code: "S93", Name: "人民政协、民主党派", NameEn: "CPPCC and Democratic Parties"},
		{Code: "S94", Name: "社会保障", NameEn: "Social Security"},
		{Code: "S95", Name: "群众团体、社会团体和其他成员组织", NameEn: "Mass Organizations, Social Organizations and Other Membership Organizations"},
		{Code: "S96", Name: "基层群众自治组织及其他组织", NameEn: "Grassroots Mass Self-governing Organizations and Other Organizations"},
	}},
	{Code: "T", Name: "国际组织", NameEn: "International Organizations", Divisions: []Division{
		{Code: "T97", Name: "国际组织", NameEn: "International Organizations"},
	}},
}

// Sections returns the whole classification, in code order. The result is a
// deep copy: changing it does not change the table.
func Sections() []Section {
	out := make([]Section, len(sections))
	for i, s := range sections {
		out[i] = s
		out[i].Divisions = append([]Division(nil), s.Divisions...)
	}
	return out
}

// Lookup finds a code of the classification. For a division code such as "C34"
// it returns the division and its section; for a section code such as "C" it
// returns the section and a zero Division. ok is false for any other string,
// including lowercase codes. The returned Section's Divisions are a copy.
func Lookup(code string) (section Section, division Division, ok bool) {
	if code == "" {
		return Section{}, Division{}, false
	}
	for _, s := range sections {
		if s.Code != code[:1] {
			continue
		}
		if len(code) == 1 {
			return copySection(s), Division{}, true
		}
		for _, d := range s.Divisions {
			if d.Code == code {
				return copySection(s), d, true
			}
		}
		return Section{}, Division{}, false
	}
	return Section{}, Division{}, false
}

// SectionOf returns the section letter of a section or division code ("C34"
// and "C" both give "C"), or "" when the code is not in the classification.
func SectionOf(code string) string {
	s, _, ok := Lookup(code)
	if !ok {
		return ""
	}
	return s.Code
}

// copySection returns s with its own copy of the divisions.
func copySection(s Section) Section {
	s.Divisions = append([]Division(nil), s.Divisions...)
	return s
}
