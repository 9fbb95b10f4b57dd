// API tests of the recruitment pipeline (发展党员) on both backends: every
// step refused one day early (naming the rule and the first allowed day) and
// passing on that day, the assembly's quorum (R-LIFE-9), sponsors who must be
// full members (R-REC-3), the probationary membership opened and confirmed
// through the member module, next steps and the overdue list (R-REC-8), the
// counts per stage on a date, a secretary of another branch (404), and bad
// input that changes nothing.
#include <gtest/gtest.h>

#include <cstdio>

#include "core/ids.hpp"
#include "harness.hpp"
#include "partyorg_support.hpp"

namespace lx::test {
namespace {

class Recruit : public SharedServer<Recruit> {};

// A valid resident ID number born on `birth` (YYYYMMDD), unique in the run.
std::string id_number(const std::string& birth, bool male = true) {
  static int serial = 0;
  char seq[8];
  std::snprintf(seq, sizeof seq, "%03d", ((++serial % 400) * 2 + (male ? 1 : 0)) % 1000);
  const std::string first17 = "110105" + birth + seq;
  return first17 + core::id_number_check_char(first17);
}

struct Branch {
  std::int64_t id = 0;
  std::vector<std::int64_t> full;      // three full members (confirmed 2011)
  std::int64_t probationary = 0;       // admitted 2021-06-01, not confirmed
};

std::int64_t add_member(Client& admin, std::int64_t party_org_id, const std::string& name, bool full) {
  json::object b{{"name", name}, {"id_number", id_number("19800101")}, {"party_org_id", party_org_id}};
  if (full) {
    b["status"] = "full";
    b["admitted_on"] = "2010-01-01";
    b["confirmed_on"] = "2011-01-01";
  } else {
    b["status"] = "probationary";
    b["admitted_on"] = "2021-06-01";
  }
  auto r = admin.post("/api/v1/members", b);
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? r.json().at("id").as_int64() : 0;
}

Branch make_branch(Client& admin, const std::string& name) {
  Branch b;
  b.id = created_id(create_party_org(admin, name, "branch", std::nullopt, {{"founded_on", "2000-01-01"}}));
  for (int k = 1; k <= 3; ++k) b.full.push_back(add_member(admin, b.id, name.substr(0, 6) + "党员" + std::to_string(k), true));
  b.probationary = add_member(admin, b.id, name.substr(0, 6) + "预备", false);
  return b;
}

std::string path(std::int64_t id, const std::string& step) {
  return "/api/v1/recruits/" + std::to_string(id) + "/" + step;
}

std::int64_t apply(Client& c, std::int64_t party_org_id, const std::string& name, const std::string& birth,
                   const std::string& applied_on) {
  auto r = c.post("/api/v1/recruits", json::object{{"name", name},
                                                   {"id_number", id_number(birth)},
                                                   {"party_org_id", party_org_id},
                                                   {"applied_on", applied_on}});
  return created_id(r);
}

// Refused with 422, the message naming the rule and containing `text`.
#define EXPECT_REFUSED(resp, rule, text)                                             \
  do {                                                                               \
    auto r_ = (resp);                                                                \
    EXPECT_EQ(r_.status, 422) << r_.body;                                            \
    const std::string m_ = r_.status >= 400 ? std::string(r_.json().at("error").at("message").as_string()) : ""; \
    EXPECT_NE(m_.find(rule), std::string::npos) << m_;                               \
    EXPECT_NE(m_.find(text), std::string::npos) << m_;                               \
  } while (0)

#define EXPECT_OK(resp)                          \
  do {                                           \
    auto r_ = (resp);                            \
    EXPECT_EQ(r_.status, 200) << r_.body;        \
  } while (0)

json::object vote(std::int64_t entitled, std::int64_t present, std::int64_t in_favour) {
  return json::object{{"entitled", entitled}, {"present", present}, {"in_favour", in_favour}};
}

json::object with(json::object o, const json::object& more) {
  for (const auto& kv : more) o[kv.key()] = kv.value();
  return o;
}

std::string stage_of(Client& c, std::int64_t id) {
  auto r = c.get("/api/v1/recruits/" + std::to_string(id));
  EXPECT_EQ(r.status, 200) << r.body;
  return r.status == 200 ? std::string(r.json().at("stage").as_string()) : "";
}

// Drives a record from application (year y) to probationary: assembly on
// (y+1)-03-01, approved (y+1)-04-01, oath (y+1)-04-02; probation ends (y+2)-03-01.
std::int64_t to_probationary(Client& c, const Branch& b, const std::string& name, int y) {
  const std::string Y = std::to_string(y), Y1 = std::to_string(y + 1);
  const std::int64_t id = apply(c, b.id, name, "19950101", Y + "-01-10");
  EXPECT_OK(c.post(path(id, "talk"), json::object{{"talk_on", Y + "-01-20"}}));
  EXPECT_OK(c.post(path(id, "activist"),
                   json::object{{"decided_on", Y + "-02-01"}, {"sponsor_ids", json::array{b.full[0]}}}));
  EXPECT_OK(c.post(path(id, "reviews"), json::object{{"reviewed_on", Y + "-08-01"}}));
  EXPECT_OK(c.post(path(id, "reviews"), json::object{{"reviewed_on", Y1 + "-01-15"}}));
  EXPECT_OK(c.post(path(id, "candidate"), json::object{{"decided_on", Y1 + "-02-02"}}));
  EXPECT_OK(c.post(path(id, "political-review"), json::object{{"reviewed_on", Y1 + "-02-10"}, {"passed", true}}));
  EXPECT_OK(c.post(path(id, "training"), json::object{{"finished_on", Y1 + "-02-20"}, {"days", 3}}));
  EXPECT_OK(c.post(path(id, "admit"), with(vote(3, 3, 3), {{"assembly_on", Y1 + "-03-01"}})));
  EXPECT_OK(c.post(path(id, "approve"), json::object{{"approved_on", Y1 + "-04-01"}}));
  EXPECT_OK(c.post(path(id, "oath"), json::object{{"oath_on", Y1 + "-04-02"}}));
  return id;
}

std::int64_t person_of(Client& c, std::int64_t id) {
  return c.get("/api/v1/recruits/" + std::to_string(id)).json().at("person_id").as_int64();
}

}  // namespace

// Every step of the pipeline: one day early refused naming the rule and the
// first allowed day; on that day it passes.
TEST_F(Recruit, EveryStepRefusedOneDayEarlyAndPassesOnTheDay) {
  Client admin = server().admin();
  Branch b = make_branch(admin, "发展测试一支部");
  // R-REC-1: born 2004-05-10, 18 on 2022-05-10.
  const std::string idn = id_number("20040510");
  json::object app{{"name", "申请人甲"}, {"id_number", idn}, {"party_org_id", b.id}, {"applied_on", "2022-05-09"}};
  const auto persons = server().count("persons");
  EXPECT_REFUSED(admin.post("/api/v1/recruits", app), "R-REC-1", "最早可于2022年5月10日");
  EXPECT_EQ(server().count("persons"), persons) << "a refused application leaves no person behind";
  app["applied_on"] = "2022-05-10";
  auto created = admin.post("/api/v1/recruits", app);
  const std::int64_t id = created_id(created);
  ASSERT_GT(id, 0);
  EXPECT_EQ(created.json().at("stage").as_string(), "applicant");
  EXPECT_EQ(created.json().at("next_step").at("code").as_string(), "talk");
  EXPECT_EQ(created.json().at("due_on").as_string(), "2022-06-10");

  // R-REC-2: the talk is not before the application.
  EXPECT_REFUSED(admin.post(path(id, "talk"), json::object{{"talk_on", "2022-05-09"}}), "R-REC-2",
                 "最早可于2022年5月10日");
  EXPECT_OK(admin.post(path(id, "talk"), json::object{{"talk_on", "2022-06-10"}, {"talk_by", "王书记"}}));

  // R-REC-3: the activist decision follows the talk.
  const json::array sponsors{b.full[0], b.full[1]};
  EXPECT_REFUSED(admin.post(path(id, "activist"), json::object{{"decided_on", "2022-06-09"}, {"sponsor_ids", sponsors}}),
                 "R-REC-3", "最早可于2022年6月10日");
  EXPECT_OK(admin.post(path(id, "activist"), json::object{{"decided_on", "2022-06-10"}, {"sponsor_ids", sponsors}}));

  // R-REC-9: reviews from the activist day; due every half year.
  EXPECT_REFUSED(admin.post(path(id, "reviews"), json::object{{"reviewed_on", "2022-06-09"}}), "R-REC-9",
                 "最早可于2022年6月10日");
  EXPECT_OK(admin.post(path(id, "reviews"), json::object{{"reviewed_on", "2022-12-10"}}));
  EXPECT_OK(admin.post(path(id, "reviews"), json::object{{"reviewed_on", "2023-06-10"}, {"note", "表现良好"}}));

  // R-REC-4: more than one year after the activist day.
  auto early = admin.post(path(id, "candidate"), json::object{{"decided_on", "2023-06-10"}});
  EXPECT_REFUSED(early, "R-REC-4", "最早可于2023年6月11日");
  EXPECT_EQ(std::string(early.json().at("error").at("message").as_string()),
            "列为发展对象须在确定为入党积极分子满一年后，最早可于2023年6月11日（R-REC-4）");
  EXPECT_OK(admin.post(path(id, "candidate"), json::object{{"decided_on", "2023-06-11"}}));

  // R-REC-5: political review and training from the candidate day.
  EXPECT_REFUSED(admin.post(path(id, "political-review"), json::object{{"reviewed_on", "2023-06-10"}, {"passed", true}}),
                 "R-REC-5", "最早可于2023年6月11日");
  EXPECT_OK(admin.post(path(id, "political-review"), json::object{{"reviewed_on", "2023-06-11"}, {"passed", true}}));
  EXPECT_REFUSED(admin.post(path(id, "training"), json::object{{"finished_on", "2023-06-10"}, {"hours", 24}}),
                 "R-REC-5", "最早可于2023年6月11日");
  EXPECT_OK(admin.post(path(id, "training"), json::object{{"finished_on", "2023-07-10"}, {"hours", 23}}));
  // 23 class hours are not enough …
  EXPECT_REFUSED(admin.post(path(id, "admit"), with(vote(3, 3, 3), {{"assembly_on", "2023-07-10"}})), "R-REC-5",
                 "现登记23学时");
  EXPECT_OK(admin.post(path(id, "training"), json::object{{"finished_on", "2023-07-10"}, {"hours", 24}}));
  // … the assembly follows the training.
  EXPECT_REFUSED(admin.post(path(id, "admit"), with(vote(3, 3, 3), {{"assembly_on", "2023-07-09"}})), "R-REC-5",
                 "最早可于2023年7月10日");
  EXPECT_OK(admin.post(path(id, "admit"), with(vote(3, 2, 2), {{"assembly_on", "2023-07-10"}})));
  EXPECT_EQ(stage_of(admin, id), "candidate");

  // R-REC-6: approval within 3 months of the assembly, not before it.
  EXPECT_REFUSED(admin.post(path(id, "approve"), json::object{{"approved_on", "2023-07-09"}}), "R-REC-6",
                 "最早可于2023年7月10日");
  EXPECT_REFUSED(admin.post(path(id, "approve"), json::object{{"approved_on", "2023-10-11"}}), "R-REC-6",
                 "最迟为2023年10月10日");
  auto approved = admin.post(path(id, "approve"), json::object{{"approved_on", "2023-10-10"}});
  EXPECT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(approved.json().at("stage").as_string(), "probationary");
  EXPECT_EQ(approved.json().at("probation_end").as_string(), "2024-07-10");
  const std::int64_t person = person_of(admin, id);
  EXPECT_EQ(server().scalar("SELECT COUNT(*) FROM memberships WHERE person_id = ? AND status = 'probationary' AND "
                            "admitted_on = '2023-07-10' AND party_org_id = ? AND valid_to IS NULL",
                            {person, b.id}),
            1);

  // The oath between the approval and the probation end.
  EXPECT_REFUSED(admin.post(path(id, "oath"), json::object{{"oath_on", "2023-10-09"}}), "R-REC-7",
                 "最早可于2023年10月10日");
  EXPECT_OK(admin.post(path(id, "oath"), json::object{{"oath_on", "2023-10-10"}}));

  // R-REC-7: the branch decides from the probation end; the vote counts full members only.
  json::object conf = with(vote(3, 3, 3), {{"decided_on", "2024-07-09"}, {"approved_on", "2024-08-01"}});
  EXPECT_REFUSED(admin.post(path(id, "confirm"), conf), "R-REC-7", "最早可于2024年7月10日");
  conf["decided_on"] = "2024-07-10";
  conf["approved_on"] = "2024-10-11";
  EXPECT_REFUSED(admin.post(path(id, "confirm"), conf), "R-REC-7", "最迟为2024年10月10日");
  conf["approved_on"] = "2024-10-10";
  auto confirmed = admin.post(path(id, "confirm"), conf);
  EXPECT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_EQ(confirmed.json().at("stage").as_string(), "full");
  EXPECT_EQ(confirmed.json().at("confirmed_on").as_string(), "2024-07-10");
  EXPECT_TRUE(confirmed.json().at("next_step").is_null());
  EXPECT_EQ(server().scalar("SELECT COUNT(*) FROM memberships WHERE person_id = ? AND confirmed_on = '2024-07-10' "
                            "AND valid_to IS NULL",
                            {person}),
            1);

  // The timeline holds every step in order.
  auto t = admin.get("/api/v1/recruits/" + std::to_string(id));
  ASSERT_EQ(t.status, 200);
  const json::value tj = t.json();
  std::vector<std::string> events;
  for (const auto& e : tj.at("timeline").as_array()) events.push_back(std::string(e.at("event").as_string()));
  const std::vector<std::string> want{"applied",  "talk",     "activist",         "review",   "review",
                                      "candidate", "political_review", "training", "training", "assembly",
                                      "approval", "oath",     "confirmation"};
  EXPECT_EQ(events, want);
  EXPECT_EQ(t.json().at("sponsors").as_array().size(), 2u);
  EXPECT_EQ(t.json().at("reviews").as_array().size(), 2u);
  // Every step wrote an audit row.
  EXPECT_GE(server().scalar("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'recruit.%' AND target = ?",
                            {"recruit:" + std::to_string(id)}),
            13);
}

TEST_F(Recruit, SponsorsMustBeOneOrTwoFullMembersOfTheBranch) {
  Client admin = server().admin();
  Branch b = make_branch(admin, "发展测试二支部");
  Branch other = make_branch(admin, "发展测试三支部");
  const std::int64_t id = apply(admin, b.id, "申请人乙", "19990101", "2024-01-10");
  EXPECT_OK(admin.post(path(id, "talk"), json::object{{"talk_on", "2024-01-11"}}));
  auto activist = [&](json::array s) {
    return admin.post(path(id, "activist"), json::object{{"decided_on", "2024-02-01"}, {"sponsor_ids", s}});
  };
  const auto events = server().count("recruit_events");
  auto r = activist({b.probationary});
  EXPECT_REFUSED(r, "R-REC-3", "不是正式党员");
  EXPECT_EQ(r.error_code(), "sponsor_not_full");
  EXPECT_REFUSED(activist({b.full[0], other.full[0]}), "R-REC-3", "不是正式党员");
  EXPECT_REFUSED(activist({}), "R-REC-3", "一至两名");
  EXPECT_REFUSED(activist({b.full[0], b.full[1], b.full[2]}), "R-REC-3", "现为3名");
  EXPECT_REFUSED(activist({b.full[0], b.full[0]}), "R-REC-3", "同一人");
  // Refusals change nothing.
  EXPECT_EQ(server().count("recruit_events"), events);
  EXPECT_EQ(server().scalar("SELECT COUNT(*) FROM recruit_sponsors WHERE recruit_id = ?", {id}), 0);
  EXPECT_EQ(stage_of(admin, id), "applicant");
  EXPECT_OK(activist({b.full[2]}));
  EXPECT_EQ(stage_of(admin, id), "activist");
}

TEST_F(Recruit, AssemblyVoteNeedsQuorumAndMajorityOfFullMembers) {
  Client admin = server().admin();
  Branch b = make_branch(admin, "发展测试四支部");   // 3 full members, 1 probationary
  const std::int64_t id = apply(admin, b.id, "申请人丙", "19980101", "2022-01-10");
  EXPECT_OK(admin.post(path(id, "talk"), json::object{{"talk_on", "2022-01-20"}}));
  EXPECT_OK(admin.post(path(id, "activist"),
                       json::object{{"decided_on", "2022-02-01"}, {"sponsor_ids", json::array{b.full[0]}}}));
  EXPECT_OK(admin.post(path(id, "reviews"), json::object{{"reviewed_on", "2022-08-01"}}));
  EXPECT_OK(admin.post(path(id, "reviews"), json::object{{"reviewed_on", "2023-01-15"}}));
  EXPECT_OK(admin.post(path(id, "candidate"), json::object{{"decided_on", "2023-02-02"}}));
  EXPECT_OK(admin.post(path(id, "political-review"), json::object{{"reviewed_on", "2023-02-10"}, {"passed", true}}));
  EXPECT_OK(admin.post(path(id, "training"), json::object{{"finished_on", "2023-02-20"}, {"days", 3}}));
  auto admit = [&](json::object v) {
    return admin.post(path(id, "admit"), with(std::move(v), {{"assembly_on", "2023-03-01"}}));
  };
  const auto events = server().count("recruit_events");
  // The probationary member does not vote: 4 entitled is more than the 3 full members.
  EXPECT_REFUSED(admit(vote(4, 4, 4)), "R-LIFE-9", "预备党员没有表决权");
  // Quorum: more than half of the 3 entitled (2) must attend.
  EXPECT_REFUSED(admit(vote(3, 1, 1)), "R-LIFE-9", "会议无效");
  // Majority: more than half of those entitled in favour.
  auto failed = admit(vote(3, 3, 1));
  EXPECT_REFUSED(failed, "R-LIFE-9", "决议未通过");
  EXPECT_EQ(failed.error_code(), "vote_failed");
  // Inconsistent counts are bad input.
  EXPECT_EQ(admit(vote(3, 4, 1)).status, 400);
  EXPECT_EQ(server().count("recruit_events"), events);
  EXPECT_TRUE(admin.get("/api/v1/recruits/" + std::to_string(id)).json().at("assembly_on").is_null());
  EXPECT_OK(admit(vote(3, 2, 2)));
  // The higher committee: 6 months in a special case.
  EXPECT_REFUSED(admin.post(path(id, "approve"), json::object{{"approved_on", "2023-09-02"}, {"special", true}}),
                 "R-REC-6", "最迟为2023年9月1日");
  EXPECT_OK(admin.post(path(id, "approve"), json::object{{"approved_on", "2023-09-01"}, {"special", true}}));
  EXPECT_EQ(stage_of(admin, id), "probationary");
}

TEST_F(Recruit, ExtensionSixToTwelveMonthsOnceThenCancellation) {
  Client admin = server().admin();
  Branch b = make_branch(admin, "发展测试五支部");
  const std::int64_t id = to_probationary(admin, b, "预备人丁", 2022);   // probation ends 2024-03-01
  json::object ext = with(vote(3, 3, 3), {{"decided_on", "2024-02-29"}, {"new_end", "2024-09-01"}});
  EXPECT_REFUSED(admin.post(path(id, "extend"), ext), "R-REC-7", "最早可于2024年3月1日");
  ext["decided_on"] = "2024-03-01";
  ext["new_end"] = "2024-08-31";
  EXPECT_REFUSED(admin.post(path(id, "extend"), ext), "R-REC-7", "2024年9月1日至2025年3月1日");
  ext["new_end"] = "2025-03-02";
  EXPECT_REFUSED(admin.post(path(id, "extend"), ext), "R-REC-7", "最长一年");
  ext["new_end"] = "2024-09-01";
  auto extended = admin.post(path(id, "extend"), ext);
  EXPECT_EQ(extended.status, 200) << extended.body;
  EXPECT_EQ(extended.json().at("probation_end").as_string(), "2024-09-01");
  EXPECT_TRUE(extended.json().at("extended").as_bool());
  // Once only.
  ext["decided_on"] = "2024-09-01";
  ext["new_end"] = "2025-03-01";
  EXPECT_REFUSED(admin.post(path(id, "extend"), ext), "R-REC-7", "只能延长一次");
  // The decision on the new end: one day early refused, then the cancellation on the day.
  json::object cancel = with(vote(3, 2, 2), {{"decided_on", "2024-08-31"}, {"reason", "不具备党员条件"}});
  EXPECT_REFUSED(admin.post(path(id, "cancel"), cancel), "R-REC-7", "最早可于2024年9月1日");
  cancel["decided_on"] = "2024-09-01";
  auto cancelled = admin.post(path(id, "cancel"), cancel);
  EXPECT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(cancelled.json().at("stage").as_string(), "cancelled");
  EXPECT_EQ(server().scalar("SELECT COUNT(*) FROM memberships WHERE person_id = ? AND valid_to = '2024-09-01' AND "
                            "end_reason = 'cancelled'",
                            {person_of(admin, id)}),
            1);
  // Nothing more can be done with it.
  EXPECT_EQ(admin.post(path(id, "oath"), json::object{{"oath_on", "2024-09-01"}}).status, 409);
}

TEST_F(Recruit, ConfirmationNeedsTheOath) {
  Client admin = server().admin();
  Branch b = make_branch(admin, "发展测试六支部");
  const std::int64_t id = apply(admin, b.id, "申请人戊", "19970101", "2022-01-10");
  for (auto [step, body] : std::vector<std::pair<std::string, json::object>>{
           {"talk", {{"talk_on", "2022-01-20"}}},
           {"activist", {{"decided_on", "2022-02-01"}, {"sponsor_ids", json::array{b.full[1]}}}},
           {"reviews", {{"reviewed_on", "2022-08-01"}}},
           {"reviews", {{"reviewed_on", "2023-01-15"}}},
           {"candidate", {{"decided_on", "2023-02-02"}}},
           {"political-review", {{"reviewed_on", "2023-02-10"}, {"passed", true}}},
           {"training", {{"finished_on", "2023-02-20"}, {"days", 3}}},
           {"admit", with(vote(3, 3, 3), {{"assembly_on", "2023-03-01"}})},
           {"approve", {{"approved_on", "2023-04-01"}}}})
    EXPECT_OK(admin.post(path(id, step), body));
  auto r = admin.post(path(id, "confirm"),
                      with(vote(3, 3, 3), {{"decided_on", "2024-03-01"}, {"approved_on", "2024-03-05"}}));
  EXPECT_REFUSED(r, "R-REC-7", "入党宣誓");
  EXPECT_EQ(stage_of(admin, id), "probationary");
}

TEST_F(Recruit, NextStepsAndTheOverdueList) {
  Client admin = server().admin();
  Branch b = make_branch(admin, "发展测试七支部");
  // Applied two months ago, no talk: overdue since the day after one month.
  const std::string applied = day(-61);
  const std::int64_t late = apply(admin, b.id, "逾期人", "19960101", applied);
  // Applied today: talk due in a month, not overdue.
  const std::int64_t fresh = apply(admin, b.id, "新申请人", "19960202", day(0));
  auto list = admin.get("/api/v1/recruits?party_org_id=" + std::to_string(b.id));
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.json().at("total").as_int64(), 2);
  const json::value lj = list.json();
  for (const auto& item : lj.at("items").as_array()) {
    EXPECT_EQ(item.at("next_step").at("code").as_string(), "talk");
    EXPECT_EQ(item.at("next_step").at("rule").as_string(), "R-REC-2");
    EXPECT_EQ(item.at("overdue").as_bool(), item.at("id").as_int64() == late) << json::serialize(item);
  }
  auto overdue = admin.get("/api/v1/recruits/overdue?party_org_id=" + std::to_string(b.id));
  EXPECT_EQ(item_strings(overdue, "id"), std::vector<std::string>{std::to_string(late)});
  // The talk recorded late is kept, marked late; the record leaves the overdue list.
  EXPECT_OK(admin.post(path(late, "talk"), json::object{{"talk_on", day(0)}}));
  overdue = admin.get("/api/v1/recruits/overdue?party_org_id=" + std::to_string(b.id));
  EXPECT_TRUE(item_strings(overdue, "id").empty());
  auto t = admin.get("/api/v1/recruits/" + std::to_string(late)).json();
  EXPECT_TRUE(t.at("timeline").as_array().back().at("detail").at("late").as_bool());
  EXPECT_EQ(t.at("next_step").at("code").as_string(), "activist");
  (void)fresh;
}

TEST_F(Recruit, CountsPerStageOnADateWithRecords) {
  Client admin = server().admin();
  Branch b = make_branch(admin, "发展测试八支部");
  const std::int64_t id = to_probationary(admin, b, "统计人", 2022);   // activist 2022-02-01, candidate 2023-02-02, probationary 2023-03-01
  const std::string scope = "&scope=party_org:" + std::to_string(b.id);
  auto at = [&](const std::string& d) {
    auto r = admin.get("/api/v1/stats/recruitment?date=" + d + scope);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json();
  };
  EXPECT_EQ(at("2022-01-09").at("total").as_int64(), 0);
  EXPECT_EQ(at("2022-01-10").at("applicant").as_int64(), 1);
  EXPECT_EQ(at("2022-02-01").at("applicant").as_int64(), 0);
  EXPECT_EQ(at("2022-02-01").at("activist").as_int64(), 1);
  EXPECT_EQ(at("2023-02-02").at("candidate").as_int64(), 1);
  EXPECT_EQ(at("2023-02-28").at("candidate").as_int64(), 1);
  EXPECT_EQ(at("2023-03-01").at("probationary").as_int64(), 1);
  EXPECT_EQ(at("2023-03-01").at("candidate").as_int64(), 0);
  EXPECT_TRUE(at("2023-03-01").at("overdue").is_null());
  // Today: still probationary (no decision at the end of probation 2024-03-01): overdue.
  auto now = at(day(0));
  EXPECT_EQ(now.at("probationary").as_int64(), 1);
  EXPECT_EQ(now.at("overdue").as_int64(), 1);
  auto rec = admin.get("/api/v1/stats/recruitment/records?stage=candidate&date=2023-02-10" + scope);
  EXPECT_EQ(item_strings(rec, "id"), std::vector<std::string>{std::to_string(id)});
  rec = admin.get("/api/v1/stats/recruitment/records?stage=overdue" + scope);
  EXPECT_EQ(item_strings(rec, "id"), std::vector<std::string>{std::to_string(id)});
  EXPECT_EQ(admin.get("/api/v1/stats/recruitment/records?stage=nonsense" + scope).status, 400);
}

TEST_F(Recruit, SecretaryOfAnotherBranchCannotSeeOrAct) {
  Client admin = server().admin();
  Branch b = make_branch(admin, "发展测试九支部");
  const std::int64_t id = apply(admin, b.id, "保密人", "19940101", "2024-01-10");
  // The demo secretary's scope is another branch.
  SignedIn other = make_user(server(), admin, "secretary", "rec_other_sec");
  const auto events = server().count("recruit_events");
  EXPECT_EQ(other.client.get("/api/v1/recruits/" + std::to_string(id)).status, 404);
  EXPECT_EQ(other.client.post(path(id, "talk"), json::object{{"talk_on", "2024-01-11"}}).status, 404);
  EXPECT_EQ(other.client.get("/api/v1/recruits?party_org_id=" + std::to_string(b.id)).status, 404);
  EXPECT_FALSE(contains(item_strings(other.client.get("/api/v1/recruits?include_closed=true"), "id"),
                        std::to_string(id)));
  auto created = other.client.post("/api/v1/recruits", json::object{{"name", "越权人"},
                                                                     {"id_number", id_number("19940202")},
                                                                     {"party_org_id", b.id},
                                                                     {"applied_on", "2024-01-10"}});
  EXPECT_EQ(created.status, 404) << created.body;
  EXPECT_EQ(server().count("recruit_events"), events);
  // The branch's own secretary sees and acts.
  json::object u{{"login", "rec_own_sec"}, {"name", "本支部书记"}, {"role", "secretary"},
                 {"password", kInitialPassword}, {"scope_type", "party_org"}, {"scope_id", b.id}};
  ASSERT_EQ(admin.post("/api/v1/users", u).status, 201);
  Client own(port());
  ASSERT_EQ(own.login("rec_own_sec", kInitialPassword).status, 200);
  ASSERT_EQ(own.change_password(kInitialPassword, kUserPassword).status, 200);
  EXPECT_EQ(own.get("/api/v1/recruits/" + std::to_string(id)).status, 200);
  EXPECT_OK(own.post(path(id, "talk"), json::object{{"talk_on", "2024-01-11"}}));
  EXPECT_TRUE(contains(item_strings(own.get("/api/v1/recruits"), "id"), std::to_string(id)));
}

TEST_F(Recruit, BadInputChangesNothing) {
  Client admin = server().admin();
  Branch b = make_branch(admin, "发展测试十支部");
  const std::int64_t id = apply(admin, b.id, "输入人", "19930101", "2024-01-10");
  const auto events = server().count("recruit_events");
  const auto recruits = server().count("recruits");
  EXPECT_EQ(admin.post(path(id, "talk"), json::object{}).status, 400);
  EXPECT_EQ(admin.post(path(id, "talk"), json::object{{"talk_on", "2023-02-29"}}).status, 400);
  auto future = admin.post(path(id, "talk"), json::object{{"talk_on", day(1)}});
  EXPECT_EQ(future.status, 422);
  EXPECT_EQ(future.error_code(), "future_date");
  // A step of another stage: 409.
  auto wrong = admin.post(path(id, "candidate"), json::object{{"decided_on", "2025-06-01"}});
  EXPECT_EQ(wrong.status, 409);
  EXPECT_EQ(wrong.error_code(), "wrong_stage");
  // No talk yet: the activist decision is refused (R-REC-2).
  EXPECT_REFUSED(admin.post(path(id, "activist"),
                            json::object{{"decided_on", "2024-02-01"}, {"sponsor_ids", json::array{b.full[0]}}}),
                 "R-REC-2", "谈话");
  EXPECT_EQ(admin.post(path(id, "training"), json::object{{"finished_on", "2024-02-01"}}).status, 409);
  EXPECT_EQ(admin.post("/api/v1/recruits/999999/talk", json::object{{"talk_on", "2024-01-11"}}).status, 404);
  // A bad ID number, and the same person twice.
  EXPECT_EQ(admin.post("/api/v1/recruits", json::object{{"name", "坏号"}, {"id_number", "110105199301010000"},
                                                        {"party_org_id", b.id}, {"applied_on", "2024-01-10"}})
                .status,
            400);
  const std::string idn = id_number("19920101");
  json::object twice{{"name", "重复人"}, {"id_number", idn}, {"party_org_id", b.id}, {"applied_on", "2024-01-10"}};
  EXPECT_EQ(admin.post("/api/v1/recruits", twice).status, 201);
  auto again = admin.post("/api/v1/recruits", twice);
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.error_code(), "already_in_pipeline");
  EXPECT_EQ(server().count("recruit_events"), events + 1);
  EXPECT_EQ(server().count("recruits"), recruits + 1);
  EXPECT_EQ(stage_of(admin, id), "applicant");
  EXPECT_TRUE(admin.get("/api/v1/recruits/" + std::to_string(id)).json().at("talk_on").is_null());
}

TEST_F(Recruit, WithdrawalLeavesThePipeline) {
  Client admin = server().admin();
  Branch b = make_branch(admin, "发展测试十一支部");
  const std::int64_t id = apply(admin, b.id, "退出人", "19910101", "2024-01-10");
  EXPECT_EQ(admin.post(path(id, "withdraw"), json::object{{"on", "2024-01-09"}, {"reason", "调离"}}).status, 400);
  auto r = admin.post(path(id, "withdraw"), json::object{{"on", "2024-03-01"}, {"reason", "调离本单位"}});
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json().at("stage").as_string(), "withdrawn");
  EXPECT_FALSE(contains(item_strings(admin.get("/api/v1/recruits?party_org_id=" + std::to_string(b.id)), "id"),
                        std::to_string(id)));
  // The same person may apply again.
  const std::int64_t person = person_of(admin, id);
  EXPECT_EQ(server().scalar("SELECT COUNT(*) FROM recruits WHERE person_id = ?", {person}), 1);
}

}  // namespace lx::test

namespace lx::test {

// The demo: the secretary's branch shows a person at each stage, one overdue.
TEST_F(Recruit, DemoBranchHasEveryStageAndOneOverdue) {
  Client shuji(port());
  const std::string pw = server().demo_password("shuji");
  ASSERT_EQ(shuji.login("shuji", pw).status, 200);
  ASSERT_EQ(shuji.change_password(pw, kUserPassword).status, 200);
  const std::int64_t po = party_org_id(server(), "东湖科技有限公司党支部");
  auto list = shuji.get("/api/v1/recruits?include_closed=true&party_org_id=" + std::to_string(po));
  auto stages = item_strings(list, "stage");
  for (const char* st : {"applicant", "activist", "candidate", "probationary", "full"})
    EXPECT_TRUE(contains(stages, st)) << st << " missing: " << list.body;
  auto overdue = shuji.get("/api/v1/recruits/overdue");
  EXPECT_EQ(item_strings(overdue, "name"), std::vector<std::string>{"冯子航"});
  auto counts = shuji.get("/api/v1/stats/recruitment");
  ASSERT_EQ(counts.status, 200) << counts.body;
  EXPECT_EQ(counts.json().at("applicant").as_int64(), 2);
  EXPECT_EQ(counts.json().at("overdue").as_int64(), 1);
}

}  // namespace lx::test
