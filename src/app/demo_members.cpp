// The member side of the demo: thirty members with valid generated ID
// numbers (R-ID-1) in the demo branches, full and probationary, of several
// ethnic groups and education levels, most with a workplace among the demo
// orgs as many as the census declares there (so should-build and the
// unregistered-members list count records and agree with the census), a
// member transferred in from outside, and one transfer still waiting for the
// receiving branch — long enough to be overdue. Everything goes through the
// member service.
#include "app/demo_members.hpp"

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <vector>

#include "app/demo_ids.hpp"
#include "core/dates.hpp"
#include "core/ids.hpp"
#include "crypto/pii.hpp"
#include "modules/census/service.hpp"
#include "modules/member/service.hpp"
#include "modules/partyorg/repo.hpp"

namespace lx::app {
namespace {

std::string credit(const std::string& first17) { return first17 + core::credit_code_check_char(first17); }

}  // namespace

void seed_demo_members(db::Connection& c, const core::Config& cfg) {
  const auto pii = crypto::Pii::load_or_create(core::key_file_path(cfg));
  const member::Actor admin{core::Role::admin, http::Scope{}, "demo"};
  const core::Date today = core::today_shanghai();
  const auto must = [](const auto& r, const std::string& what) {
    if (!r) throw std::runtime_error("demo member " + what + ": " + r.error().message);
  };
  const auto party_org = [&](const std::string& name) -> std::int64_t {
    auto id = c.scalar_int("SELECT id FROM party_orgs WHERE name = ?", {name});
    if (!id) throw std::runtime_error("demo party org " + name + " missing");
    return *id;
  };
  const auto org = [&](const char* code17) -> std::optional<std::int64_t> {
    if (!code17) return std::nullopt;
    auto found = census::find_org_by_uscc(c, credit(code17));
    if (!found) throw std::runtime_error(std::string("demo org ") + code17 + " missing");
    return found->first;
  };

  // Workplaces follow the orgs' declared member counts, so the records agree
  // with the census (西城建筑, declared 4 and not covered, stays should-build;
  // orgs with declared members but none recorded show as unregistered).
  const char* tech = "91310199MA1FL0001";
  const char* food = "91310199MA1FL0002";
  const char* courier = "92310199MA1FL0006";
  const char* care = "52310199MJ1FL0008";
  const char* fund = "53310199MJ1FL0009";
  const char* logistics = "91310199MA1FL0007";
  const char* building = "91310199MA1FL0010";
  struct Branch {
    const char* name;
    int probationary;
    std::vector<const char*> workplaces;   // one per member; nullptr: none recorded
  };
  const Branch branches[] = {
      {"东湖科技有限公司党支部", 2, {tech, tech, tech, tech, tech, tech, tech, tech, nullptr, nullptr}},
      {"东湖商圈联合党支部", 1, {food, food, courier, nullptr, nullptr, nullptr}},
      {"西城社会组织联合党支部", 0, {care, care, fund, nullptr}},
      {"西城物流有限公司党支部", 1, {logistics, logistics, logistics, logistics, logistics, logistics, building, building}},
      {"西城街道综合党委", 0, {building, building}},
  };
  const char* surnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡"};
  const char* his[] = {"建华", "志强", "海峰", "国庆", "伟", "磊", "军", "涛", "鹏", "浩然", "子轩"};
  const char* hers[] = {"秀英", "丽娟", "晓燕", "婷", "敏", "静", "洁", "芳", "霞", "雨欣", "思琪"};
  const char* ethnic[] = {"汉族", "汉族", "汉族", "汉族", "汉族", "回族", "汉族", "满族", "汉族", "蒙古族", "汉族"};
  const char* education[] = {"大学本科", "研究生", "大专", "大学本科", "中专/高中", "大学本科", "初中及以下", "大专"};

  int seq = 0;
  std::optional<std::int64_t> moving;   // the member whose transfer waits
  for (const Branch& b : branches) {
    const std::int64_t po = party_org(b.name);
    const int members = static_cast<int>(b.workplaces.size());
    for (int k = 0; k < members; ++k, ++seq) {
      const bool male = seq % 3 != 1;
      const core::Date birth{1962 + (seq * 7) % 39, 1 + (seq * 5) % 12, 1 + (seq * 11) % 28};
      member::MemberInput in;
      in.person.name = std::string(surnames[seq % 15]) + (male ? his : hers)[(seq * 7 + 3) % 11];
      in.person.id_number = demo_id_number(birth, seq + 11, male);
      in.person.ethnicity = std::optional<std::string>(ethnic[seq % 11]);
      in.person.education = std::optional<std::string>(education[seq % 8]);
      in.person.phone = std::optional<std::string>("139" + std::to_string(10000000 + seq * 7919 % 89999999));
      in.person.workplace_org_id = org(b.workplaces[static_cast<std::size_t>(k)]);
      in.person.mobile = seq % 9 == 4;
      in.party_org_id = po;
      const bool probationary = k < b.probationary;
      in.status = probationary ? "probationary" : "full";
      if (probationary) {
        in.admitted_on = core::to_iso(core::add_days(today, -(120 + 40 * k)));
      } else {
        const core::Date admitted = core::add_years(core::Date{birth.year, 7, 1}, 24 + seq % 9);
        in.admitted_on = core::to_iso(std::min(admitted, core::add_years(today, -2)));
        in.confirmed_on = core::to_iso(core::add_years(*core::parse_date(in.admitted_on), 1));
      }
      auto made = member::create_member(c, admin, pii, in);
      must(made, *in.person.name);
      if (std::string(b.name) == "西城物流有限公司党支部" && k == members - 1) moving = made->person.id;
    }
  }

  // One member came from outside the system with a letter.
  member::MemberInput in;
  in.person.name = "欧阳明";
  in.person.id_number = demo_id_number(core::Date{1990, 4, 18}, 901, true);
  in.person.ethnicity = std::optional<std::string>("汉族");
  in.person.education = std::optional<std::string>("研究生");
  in.person.workplace_org_id = org("91310199MA1FL0001");
  in.party_org_id = party_org("东湖科技有限公司党支部");
  in.status = "full";
  in.admitted_on = "2014-06-20";
  in.confirmed_on = "2015-06-20";
  in.valid_from = core::to_iso(core::add_days(today, -75));
  must(member::record_transfer_in(c, admin, pii, in, "外省某市某某公司党支部", std::string("沪组转字第2025-0135号")),
       "transfer in");

  // One transfer waits for the receiving branch, longer than transfer.overdue_days.
  if (moving)
    must(member::start_transfer(c, admin, *moving, party_org("东湖科技有限公司党支部"),
                                core::to_iso(core::add_days(today, -35)), std::string("工作调动至东湖科技有限公司")),
         "transfer");
}

}  // namespace lx::app
