// Name tables and identifiers of the data generator; see gen_names.hpp.
#include "app/gen_names.hpp"

#include <array>
#include <cstdio>
#include <vector>

#include "core/ids.hpp"
#include "core/text.hpp"

namespace lx::app::gen {
namespace {

// Surnames with their share of the population in units of 0.01 % (the 2020
// census ranking, rounded); the long tail below 0.13 % is left out.
struct Weighted {
  const char* text;
  double weight;
};
constexpr Weighted kSurnames[] = {
    {"王", 712}, {"李", 700}, {"张", 674}, {"刘", 538}, {"陈", 453}, {"杨", 308}, {"赵", 229}, {"黄", 223},
    {"周", 212}, {"吴", 205}, {"徐", 167}, {"孙", 154}, {"胡", 131}, {"朱", 126}, {"高", 121}, {"林", 118},
    {"何", 117}, {"郭", 115}, {"马", 105}, {"罗", 86},  {"梁", 81},  {"宋", 77},  {"郑", 76},  {"谢", 70},
    {"韩", 68},  {"唐", 65},  {"冯", 64},  {"于", 62},  {"董", 61},  {"肖", 58},  {"程", 57},  {"曹", 57},
    {"袁", 54},  {"邓", 54},  {"许", 53},  {"傅", 51},  {"沈", 50},  {"曾", 50},  {"彭", 49},  {"吕", 47},
    {"苏", 46},  {"卢", 46},  {"蒋", 46},  {"蔡", 45},  {"贾", 42},  {"丁", 41},  {"魏", 41},  {"薛", 40},
    {"叶", 39},  {"闫", 38},  {"余", 37},  {"潘", 36},  {"杜", 35},  {"戴", 34},  {"夏", 33},  {"钟", 33},
    {"汪", 32},  {"田", 31},  {"任", 31},  {"姜", 30},  {"范", 29},  {"方", 29},  {"石", 28},  {"姚", 27},
    {"谭", 27},  {"廖", 26},  {"邹", 26},  {"熊", 25},  {"金", 25},  {"陆", 24},  {"郝", 24},  {"孔", 23},
    {"白", 23},  {"崔", 22},  {"康", 22},  {"毛", 21},  {"邱", 21},  {"秦", 21},  {"江", 20},  {"史", 20},
    {"顾", 20},  {"侯", 19},  {"邵", 19},  {"孟", 18},  {"龙", 18},  {"万", 18},  {"段", 17},  {"雷", 17},
    {"钱", 16},  {"汤", 16},  {"尹", 16},  {"黎", 15},  {"易", 15},  {"常", 15},  {"武", 15},  {"乔", 14},
    {"贺", 14},  {"赖", 14},  {"龚", 14},  {"文", 13},  {"欧阳", 3}, {"司马", 1}, {"上官", 1}, {"诸葛", 1},
};

constexpr const char* kMaleChars[] = {
    "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞", "鑫", "波",
    "宇", "浩", "凯", "健", "俊", "帆", "帅", "旭", "宁", "龙", "林", "阳", "建", "国", "志", "文", "海", "东",
    "峰", "亮", "成", "新", "春", "荣", "庆", "永", "利", "兵", "毅", "博", "昊", "天", "子", "晨", "轩", "睿",
    "泽", "宏", "振", "德", "清", "良"};
constexpr const char* kFemaleChars[] = {
    "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "婷", "雪", "琳", "洁", "慧", "颖", "倩", "佳",
    "欣", "悦", "萍", "红", "梅", "兰", "英", "秀", "翠", "凤", "丹", "莉", "晶", "璐", "露", "雯", "瑶", "怡",
    "思", "雨", "梦", "菲", "彤", "晓", "月", "春", "琴", "云", "蓉", "珍", "桂", "淑", "宁", "嘉", "诗", "涵",
    "可", "馨", "妍", "昕", "文", "华"};

constexpr const char* kPlaceA[] = {"东", "西", "南", "北", "新", "江", "湖", "山", "河", "桥", "城", "港", "园",
                                   "林", "花", "金", "银", "长", "安", "平", "和", "兴", "华", "阳", "明", "光",
                                   "春", "枫", "松", "竹", "梅", "桂", "柳", "青", "白", "龙", "凤", "云", "石",
                                   "泉", "海", "湾", "庆", "永", "丰", "宁", "康", "福", "瑞", "嘉"};
constexpr const char* kPlaceB[] = {"湖", "城", "桥", "港", "园", "山", "塘", "浦", "湾", "溪", "川", "岭", "坊",
                                   "庄", "苑", "亭", "门", "坝", "洲", "田", "河", "源", "泉", "林", "阳", "江",
                                   "宁", "安", "兴", "华", "新", "丰", "盛", "庆", "平", "康", "乐", "和", "祥",
                                   "昌", "隆", "泰", "景", "汇", "塔", "口", "里", "岗", "堰", "墩"};

// 字号 (trade names) from two halves.
constexpr const char* kBrandA[] = {"华", "恒", "信", "达", "鼎", "盛", "泰", "和", "润", "嘉", "丰", "宏", "博",
                                   "瑞", "金", "辉", "通", "远", "创", "星", "诚", "正", "天", "中", "宇", "联",
                                   "众", "新", "永", "海", "东", "汇", "卓", "荣", "佳", "安", "明", "德", "思",
                                   "睿", "领", "蓝", "绿", "凯", "乐", "优", "智", "云", "久", "万"};
constexpr const char* kBrandB[] = {"创", "通", "源", "达", "兴", "隆", "科", "安", "远", "航", "晟", "联", "诚",
                                   "信", "泰", "盛", "辰", "宇", "博", "达", "瑞", "邦", "拓", "锐", "驰", "峰",
                                   "维", "迅", "捷", "美", "家", "康", "亿", "圣", "达", "启", "途", "朗", "威",
                                   "腾", "翔", "凯", "恒", "耀", "佳", "鑫", "合", "鸿", "程", "业"};

// Trade words by industry letter (A–T); the first few are the commonest.
const std::vector<std::vector<const char*>>& trades() {
  static const std::vector<std::vector<const char*>> t = {
      {"农业发展", "生态农业", "种植", "水产养殖"},                       // A
      {"矿业", "石材"},                                                   // B
      {"精密机械", "电子科技", "新材料", "汽车零部件", "食品", "服饰", "包装材料", "智能装备", "医疗器械"},  // C
      {"能源", "燃气", "新能源科技"},                                     // D
      {"建筑工程", "装饰工程", "建设", "园林工程"},                       // E
      {"商贸", "贸易", "百货", "医药连锁", "电器"},                       // F
      {"物流", "运输", "供应链管理", "仓储"},                             // G
      {"餐饮管理", "酒店管理", "餐饮"},                                   // H
      {"信息技术", "软件", "网络科技", "数据科技", "智能科技"},           // I
      {"投资管理", "融资担保", "保险代理"},                               // J
      {"房地产开发", "物业管理", "置业"},                                 // K
      {"企业管理咨询", "人力资源", "广告", "会展服务", "商务咨询"},       // L
      {"检测技术", "生物科技", "工程设计", "环保科技"},                   // M
      {"环境工程", "水务"},                                               // N
      {"家政服务", "汽车维修", "美容美发", "保洁服务"},                   // O
      {"教育科技", "培训"},                                               // P
      {"健康管理", "门诊部", "养老服务"},                                 // Q
      {"文化传媒", "影视", "体育发展", "文化创意"},                       // R
      {"社会服务"},                                                       // S
      {"国际交流"},                                                       // T
  };
  return t;
}

constexpr const char* kSocialTopics[] = {"志愿者", "慈善", "青年创业", "老年人", "社区发展", "文化艺术", "科技",
                                         "环保", "体育", "书法", "摄影", "心理咨询", "法律服务", "助残", "妇女儿童"};
constexpr const char* kRoads[] = {"路", "大道", "街", "巷", "中路", "东路", "西路", "南路", "北路"};

template <typename T, std::size_t N>
const T& pick(Rng& r, const T (&a)[N]) {
  return a[r.below(N)];
}

std::string brand(Rng& r) { return std::string(pick(r, kBrandA)) + pick(r, kBrandB); }

}  // namespace

std::string person_name(Rng& r, bool male) {
  static const WeightedTable table = [] {
    std::vector<double> w;
    for (const auto& s : kSurnames) w.push_back(s.weight);
    return WeightedTable(w);
  }();
  std::string name = kSurnames[table.draw(r)].text;
  const auto& chars = male ? kMaleChars : kFemaleChars;
  constexpr std::size_t n = sizeof(kMaleChars) / sizeof(kMaleChars[0]);
  name += chars[r.below(n)];
  if (r.chance(0.78)) name += chars[r.below(n)];
  return name;
}

std::string place_stem(Rng& r) { return std::string(pick(r, kPlaceA)) + pick(r, kPlaceB); }

std::string org_name(Rng& r, std::string_view kind, std::string_view sub_kind, std::string_view industry,
                     std::string_view city) {
  const int letter = industry.empty() ? 11 : industry[0] - 'A';
  const auto& words = trades()[static_cast<std::size_t>(letter >= 0 && letter < 20 ? letter : 11)];
  const std::string trade = words[r.below(std::min<std::size_t>(words.size(), r.chance(0.7) ? 3 : words.size()))];
  const std::string b = brand(r);
  if (kind == "gig_site") {
    static const char* const express[] = {"顺丰速运", "中通快递", "圆通速递", "韵达快递", "申通快递", "京东物流", "极兔速递", "邮政快递"};
    static const char* const food[] = {"美团外卖", "饿了么"};
    static const char* const ride[] = {"滴滴出行", "曹操出行", "T3出行"};
    static const char* const freight[] = {"货拉拉", "满帮", "快狗打车"};
    const std::string place = place_stem(r);
    if (sub_kind == "快递网点") return std::string(pick(r, express)) + place + "营业部";
    if (sub_kind == "外卖配送站点") return std::string(pick(r, food)) + place + "配送站";
    if (sub_kind == "网约车服务站点") return std::string(pick(r, ride)) + place + "司机之家";
    if (sub_kind == "货运物流站点") return std::string(pick(r, freight)) + place + "服务站";
    return place + "新就业群体服务站";
  }
  if (kind == "social") {
    const std::string topic = pick(r, kSocialTopics);
    if (sub_kind == "行业协会商会") return std::string(city) + trade + (r.chance(0.5) ? "行业协会" : "商会");
    if (sub_kind == "基金会") return std::string(city) + topic + "基金会";
    if (sub_kind == "社会团体") return std::string(city) + topic + (r.chance(0.5) ? "协会" : "联合会");
    static const char* const forms[] = {"服务中心", "培训学校", "养老院", "发展中心", "幼儿园", "服务社"};
    return std::string(city) + b + topic + pick(r, forms);
  }
  if (sub_kind == "个体工商户") {
    static const char* const shops[] = {"店", "商行", "经营部", "门市部", "工作室", "便利店", "小吃店"};
    return std::string(city) + place_stem(r) + b + pick(r, shops);
  }
  if (sub_kind == "农民专业合作社") return std::string(city) + place_stem(r) + trade + "专业合作社";
  if (sub_kind == "外商投资企业") return b + trade + "（" + std::string(city) + "）有限公司";
  const char* form = r.chance(0.85) ? "有限公司" : r.chance(0.6) ? "有限责任公司" : "股份有限公司";
  return std::string(city) + b + trade + form;
}

std::string address(Rng& r, std::string_view street) {
  std::string s = std::string(street) + place_stem(r) + pick(r, kRoads) + std::to_string(r.between(1, 2999)) + "号";
  if (r.chance(0.35)) s += std::to_string(r.between(1, 28)) + "楼";
  return s;
}

std::string mobile(Rng& r) {
  static const char* const prefixes[] = {"130", "131", "132", "133", "135", "136", "137", "138", "139", "150",
                                         "151", "152", "153", "155", "156", "157", "158", "159", "166", "170",
                                         "173", "176", "177", "180", "181", "182", "183", "185", "186", "187",
                                         "188", "189", "191", "198", "199"};
  char digits[9];
  std::snprintf(digits, sizeof digits, "%08llu", static_cast<unsigned long long>(r.below(100000000)));
  return std::string(pick(r, prefixes)) + digits;
}

std::string landline(Rng& r, std::string_view area_code) {
  const bool eight = area_code.size() == 3 || r.chance(0.5);
  const std::uint64_t local = eight ? r.between(20000000, 89999999) : r.between(2000000, 8999999);
  return std::string(area_code) + "-" + std::to_string(local);
}

std::string credit_code(char authority, char type, std::string_view division, std::uint64_t serial) {
  // The organisation code: "MA" + 6 characters of the code alphabet for
  // codes given since 2015, else 8 digits; a bijective scramble of the
  // serial keeps neighbours from looking alike. Check character by GB 11714.
  static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  std::string body;
  if (serial % 10 < 7) {
    std::uint64_t v = (serial * 1000003ULL + 12345) % 887503681ULL;  // 31^6
    body = "MA";
    std::string tail(6, '0');
    for (int k = 5; k >= 0; --k) {
      tail[static_cast<std::size_t>(k)] = alphabet[v % 31];
      v /= 31;
    }
    body += tail;
  } else {
    char buf[9];
    std::snprintf(buf, sizeof buf, "%08llu", static_cast<unsigned long long>((serial * 48271ULL + 777) % 100000000ULL));
    body = buf;
  }
  static const int weights[] = {3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int k = 0; k < 8; ++k) {
    const char ch = body[static_cast<std::size_t>(k)];
    sum += (ch >= '0' && ch <= '9' ? ch - '0' : ch - 'A' + 10) * weights[k];
  }
  const int c9 = 11 - sum % 11;
  const char check9 = c9 == 10 ? 'X' : c9 == 11 ? '0' : static_cast<char>('0' + c9);
  std::string first17 = std::string(1, authority) + type + std::string(division) + body + check9;
  return first17 + core::credit_code_check_char(first17);
}

std::string id_number(std::string_view birthplace, core::Date birth, int seq, bool male) {
  char buf[32];
  const int s = (seq * 2 + (male ? 1 : 0)) % 1000;
  std::snprintf(buf, sizeof buf, "%04d%02d%02d%03d", birth.year, birth.month, birth.day, s);
  const std::string first17 = std::string(birthplace) + buf;
  return first17 + core::id_number_check_char(first17);
}

std::string birthplace(Rng& r) {
  // Province-level codes weighted roughly by population, then a city and a county.
  static const std::vector<std::pair<int, double>> provinces = {
      {11, 2}, {12, 1.5}, {13, 5}, {14, 2.5}, {15, 1.7}, {21, 3}, {22, 1.7}, {23, 2.3}, {31, 2.5}, {32, 6},
      {33, 5}, {34, 4.3}, {35, 3}, {36, 3.2}, {37, 7}, {41, 7}, {42, 4}, {43, 4.7}, {44, 9}, {45, 3.5},
      {46, 0.7}, {50, 2.3}, {51, 6}, {52, 2.7}, {53, 3.3}, {54, 0.3}, {61, 2.8}, {62, 1.8}, {63, 0.4}, {64, 0.5},
      {65, 1.8}};
  static const WeightedTable table = [] {
    std::vector<double> w;
    for (const auto& p : provinces) w.push_back(p.second);
    return WeightedTable(w);
  }();
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d%02d%02d", provinces[table.draw(r)].first, static_cast<int>(r.between(1, 12)),
                static_cast<int>(r.between(1, 30)));
  return buf;
}

std::string ethnicity(Rng& r) {
  // Han 91 %; the rest among the larger groups roughly by size.
  static const Weighted groups[] = {{"汉族", 9100}, {"壮族", 140}, {"回族", 80}, {"满族", 75}, {"维吾尔族", 80},
                                    {"苗族", 80},   {"彝族", 70},  {"土家族", 68}, {"藏族", 50}, {"蒙古族", 45},
                                    {"侗族", 25},   {"布依族", 25}, {"瑶族", 23}, {"白族", 15}, {"朝鲜族", 13},
                                    {"哈尼族", 12}, {"黎族", 12},  {"哈萨克族", 11}, {"傣族", 9}, {"畲族", 6}};
  static const WeightedTable table = [] {
    std::vector<double> w;
    for (const auto& g : groups) w.push_back(g.weight);
    return WeightedTable(w);
  }();
  return groups[table.draw(r)].text;
}

}  // namespace lx::app::gen
