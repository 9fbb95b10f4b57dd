// Meetings on both backends: attendance checked against the members of the
// day (probationary members without a vote), bad input changes nothing,
// minutes lose their script, attachments refused when too large or of a
// forbidden type and served only to those who may see the meeting, a member
// of another branch reads nothing, heart talks by committee members, the
// online meeting's discussion, check-ins once a day, and the member's page.
#include <gtest/gtest.h>

#include <set>

#include "core/time.hpp"
#include "life_support.hpp"

namespace lx::test {
namespace {

class LifeApi : public CensusSuite {};

std::string meeting_path(std::int64_t id, const std::string& tail = "") {
  return "/api/v1/meetings/" + std::to_string(id) + tail;
}

TEST_F(LifeApi, AttendanceIsEveryMemberOfTheDayAndBadInputChangesNothing) {
  auto& s = server();
  Client admin = s.admin();
  const Branch b = make_branch(s, admin, "出勤测试党支部", 3);
  const auto probationary = add_member(admin, member_body("出勤预备党员", make_id("19990101", 2 * next_serial() + 1), b.id,
                                                           {{"status", "probationary"}, {"admitted_on", day(-100)},
                                                            {"confirmed_on", nullptr}, {"valid_from", day(-100)}}));
  const std::string on = day(-1);
  auto body = [&](json::array att) {
    return json::object{{"kind", "theme_day"}, {"party_org_id", b.id}, {"topic", "出勤测试"},
                        {"starts_at", on + " 09:00"}, {"attendance", std::move(att)}};
  };
  json::array full;
  for (auto p : b.members) full.push_back(json::object{{"person_id", p}, {"status", "present"}});
  const auto meetings = s.count("meetings");
  // Someone missing, an outsider, an absence without a reason, a bad status: 400 and nothing written.
  auto missing = admin.post("/api/v1/meetings", body(full));
  EXPECT_EQ(missing.status, 400) << missing.body;
  EXPECT_EQ(missing.error_field(), "attendance");
  EXPECT_NE(missing.body.find("出勤预备党员"), std::string::npos) << missing.body;
  json::array outsider = full;
  outsider.push_back(json::object{{"person_id", probationary}, {"status", "present"}});
  outsider.push_back(json::object{{"person_id", 999999}, {"status", "present"}});
  EXPECT_EQ(admin.post("/api/v1/meetings", body(outsider)).status, 400);
  json::array no_reason = full;
  no_reason.push_back(json::object{{"person_id", probationary}, {"status", "absent"}});
  EXPECT_EQ(admin.post("/api/v1/meetings", body(no_reason)).status, 400);
  json::array bad_status = full;
  bad_status.push_back(json::object{{"person_id", probationary}, {"status", "睡着了"}});
  EXPECT_EQ(admin.post("/api/v1/meetings", body(bad_status)).status, 400);
  for (const auto& bad : {json::object{{"kind", "茶话会"}, {"party_org_id", b.id}, {"topic", "x"}, {"starts_at", on + " 09:00"}},
                          json::object{{"kind", "theme_day"}, {"party_org_id", b.id}, {"topic", ""}, {"starts_at", on + " 09:00"}},
                          json::object{{"kind", "theme_day"}, {"party_org_id", b.id}, {"topic", "x"}, {"starts_at", "2026-02-30 09:00"}},
                          json::object{{"kind", "theme_day"}, {"party_org_id", b.id}, {"topic", "x"}, {"starts_at", day(3) + " 09:00"}},
                          json::object{{"kind", "theme_day"}, {"party_org_id", b.id}, {"topic", "x"}, {"starts_at", "2019-06-01 09:00"}},
                          json::object{{"kind", "group_meeting"}, {"party_org_id", b.id}, {"topic", "x"}, {"starts_at", on + " 09:00"}},
                          json::object{{"kind", "theme_day"}, {"party_org_id", b.group}, {"topic", "x"}, {"starts_at", on + " 09:00"}},
                          json::object{{"kind", "theme_day"}, {"party_org_id", b.id}, {"topic", "x"}, {"starts_at", on + " 09:00"},
                                       {"ratings", json::array{json::object{{"person_id", b.members[0]}, {"rating", "优秀"}}}}}}) {
    auto r = admin.post("/api/v1/meetings", bad);
    EXPECT_EQ(r.status, 400) << json::serialize(bad) << " → " << r.body;
  }
  EXPECT_EQ(s.count("meetings"), meetings);

  // The form's list of who is expected: the four members of the day, the probationary one without a vote.
  auto expected = admin.get("/api/v1/life/expected?party_org_id=" + std::to_string(b.id) + "&date=" + on);
  ASSERT_EQ(expected.status, 200) << expected.body;
  const json::value ev = expected.json();
  EXPECT_EQ(ev.at("total").as_int64(), 4);
  for (const auto& e : ev.at("items").as_array())
    EXPECT_EQ(e.at("voting").as_bool(), e.at("person_id").as_int64() != probationary);
  auto before_join = admin.get("/api/v1/life/expected?party_org_id=" + std::to_string(b.id) + "&date=" + day(-200));
  EXPECT_EQ(before_join.json().at("total").as_int64(), 3);   // the probationary member joined 100 days ago
  EXPECT_EQ(admin.get("/api/v1/life/expected?party_org_id=" + std::to_string(b.id) + "&date=2026-02-30").status, 400);
  EXPECT_EQ(admin.get("/api/v1/life/expected").status, 400);
  // Complete: one late, one away on business; the probationary member attends without a vote.
  json::array ok = full;
  ok[1].as_object()["status"] = "迟到";
  ok[2] = json::object{{"person_id", b.members[2]}, {"status", "absent"}, {"absence_reason", "公出"}, {"absence_note", "出差"}};
  ok.push_back(json::object{{"person_id", probationary}, {"status", "present"}});
  auto r = admin.post("/api/v1/meetings", body(ok));
  ASSERT_EQ(r.status, 201) << r.body;
  const json::value d = r.json();
  EXPECT_EQ(d.at("expected").as_int64(), 4);
  EXPECT_EQ(d.at("present").as_int64(), 2);
  EXPECT_EQ(d.at("late").as_int64(), 1);
  EXPECT_EQ(d.at("absent").as_int64(), 1);
  for (const auto& a : d.at("attendance").as_array()) {
    EXPECT_EQ(a.at("voting").as_bool(), a.at("person_id").as_int64() != probationary);
    if (a.at("person_id").as_int64() == b.members[2]) {
      EXPECT_EQ(a.at("absence_reason").as_string(), "business");
      EXPECT_EQ(a.at("absence_reason_name").as_string(), "公出");
    }
  }
  EXPECT_EQ(last_audit(s).at("action").as_string(), "meeting.create");
  // Per-member attendance over the period.
  auto list = admin.get("/api/v1/meetings?party_org_id=" + std::to_string(b.id));
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.json().at("total").as_int64(), 1);   // the committee meeting below is the second
  EXPECT_EQ(admin.get("/api/v1/meetings?kind=nonsense").status, 400);
  // A committee meeting expects its committee: the members listed, each a member of the day.
  auto committee = admin.post("/api/v1/meetings",
                              json::object{{"kind", "committee_meeting"}, {"party_org_id", b.id}, {"topic", "支委会"},
                                           {"starts_at", on + " 15:00"},
                                           {"attendance", json::array{json::object{{"person_id", b.members[0]}, {"status", "present"}},
                                                                      json::object{{"person_id", b.members[1]}, {"status", "present"}}}}});
  ASSERT_EQ(committee.status, 201) << committee.body;
  EXPECT_EQ(committee.json().at("expected").as_int64(), 2);
  auto stranger = admin.post("/api/v1/meetings",
                             json::object{{"kind", "committee_meeting"}, {"party_org_id", b.id}, {"topic", "支委会"},
                                          {"starts_at", on + " 16:00"},
                                          {"attendance", json::array{json::object{{"person_id", 999999}, {"status", "present"}}}}});
  EXPECT_EQ(stranger.status, 400) << stranger.body;
  // ?scope= lists the meetings of a stats scope: this branch's two; a secretary may not look beyond his own.
  auto scoped = admin.get("/api/v1/meetings?scope=party_org:" + std::to_string(b.id));
  ASSERT_EQ(scoped.status, 200) << scoped.body;
  EXPECT_EQ(scoped.json().at("total").as_int64(), 2);
  Client shuji = demo_login(s, "shuji");
  EXPECT_EQ(shuji.get("/api/v1/meetings?scope=party_org:" + std::to_string(b.id)).status, 403);
  EXPECT_EQ(admin.get("/api/v1/meetings?from=2026-13-01").status, 400);
}

TEST_F(LifeApi, MinutesLoseTheirScriptAndAnotherBranchSeesNothing) {
  auto& s = server();
  Client admin = s.admin();
  const Branch mine = make_branch(s, admin, "记录测试党支部", 2);
  const Branch other = make_branch(s, admin, "记录他方党支部", 1);
  const auto id = add_meeting(admin, mine.id, "committee_meeting", day(-2),
                              json::object{{"minutes", "<p onclick=\"x()\">议题一<script>alert(1)</script></p>"
                                                       "<img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">链接</a>"}});
  ASSERT_NE(id, 0);
  auto d = admin.get(meeting_path(id));
  ASSERT_EQ(d.status, 200) << d.body;
  EXPECT_EQ(d.json().at("minutes").as_string(), "<p>议题一</p><a>链接</a>");

  // The member of his own branch reads it; the member and the secretary of another branch get 404, like a missing id.
  Client own = member_account(s, admin, mine.members[0], mine.id, "life_own");
  EXPECT_EQ(own.get(meeting_path(id)).status, 200);
  Client stranger = member_account(s, admin, other.members[0], other.id, "life_stranger");
  auto hidden = stranger.get(meeting_path(id));
  EXPECT_EQ(hidden.status, 404) << hidden.body;
  EXPECT_EQ(hidden.body, stranger.get(meeting_path(99999999)).body);
  auto listed = stranger.get("/api/v1/meetings");
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(listed.body.find("记录测试党支部"), std::string::npos);
  EXPECT_EQ(stranger.get("/api/v1/meetings?party_org_id=" + std::to_string(mine.id)).json().at("total").as_int64(), 0);
  Client other_secretary = secretary_of(s, admin, "记录他方党支部", "life_other_sec");
  EXPECT_EQ(other_secretary.get(meeting_path(id)).status, 404);
  EXPECT_EQ(other_secretary.patch(meeting_path(id), json::object{{"topic", "改"}}).status, 404);
  EXPECT_EQ(other_secretary.del(meeting_path(id)).status, 404);
  EXPECT_EQ(other_secretary.get("/api/v1/life/compliance?party_org_id=" + std::to_string(mine.id)).status, 404);
  // Members do not record meetings.
  EXPECT_EQ(own.post("/api/v1/meetings", json::object{{"kind", "theme_day"}}).status, 403);
  // Editing keeps minutes clean too.
  auto e = admin.patch(meeting_path(id), json::object{{"minutes", "<b>改</b><iframe src=//x></iframe>"}});
  ASSERT_EQ(e.status, 200) << e.body;
  EXPECT_EQ(e.json().at("minutes").as_string(), "<b>改</b>");
}

TEST_F(LifeApi, AttachmentsAreCheckedAndServedOnlyToThoseWhoMaySeeTheMeeting) {
  auto& s = server();
  Client admin = s.admin();
  const Branch mine = make_branch(s, admin, "附件测试党支部", 1);
  const Branch other = make_branch(s, admin, "附件他方党支部", 1);
  const auto id = add_meeting(admin, mine.id, "theme_day", day(-1));
  auto upload = [&](Client& c, const std::string& name, const std::string& bytes) {
    return c.request("POST", meeting_path(id, "/attachments?filename=" + enc(name)), bytes,
                     {{"Content-Type", "application/octet-stream"}});
  };
  const std::string pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
  const auto files = s.count("meeting_attachments");
  EXPECT_EQ(upload(admin, "病毒.exe", "MZ\x90").status, 415);
  EXPECT_EQ(upload(admin, "假装.pdf", "<html>not a pdf</html>").status, 415);
  EXPECT_EQ(upload(admin, "空.pdf", "").status, 400);
  EXPECT_EQ(upload(admin, "大.pdf", "%PDF-" + std::string(10 * 1024 * 1024, 'x')).status, 413);
  EXPECT_EQ(upload(admin, "", pdf).status, 400);
  EXPECT_EQ(s.count("meeting_attachments"), files);

  auto ok = upload(admin, "../会议材料.pdf", pdf);
  ASSERT_EQ(ok.status, 201) << ok.body;
  const auto att = ok.json().at("id").as_int64();
  EXPECT_EQ(ok.json().at("filename").as_string(), "会议材料.pdf");
  const std::string url = "/api/v1/attachments/" + std::to_string(att);
  auto got = admin.get(url);
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.body, pdf);
  EXPECT_EQ(got.header("Content-Type"), "application/pdf");
  EXPECT_NE(got.header("Content-Disposition").find("attachment"), std::string::npos);
  auto detail = admin.get(meeting_path(id));
  EXPECT_EQ(detail.json().at("attachments").as_array().size(), 1u);

  Client own = member_account(s, admin, mine.members[0], mine.id, "att_own");
  EXPECT_EQ(own.get(url).status, 200);
  Client stranger = member_account(s, admin, other.members[0], other.id, "att_stranger");
  EXPECT_EQ(stranger.get(url).status, 404);
  EXPECT_EQ(upload(own, "x.pdf", pdf).status, 403);   // members do not upload
  Client other_secretary = secretary_of(s, admin, "附件他方党支部", "att_other_sec");
  EXPECT_EQ(other_secretary.get(url).status, 404);
  EXPECT_EQ(upload(other_secretary, "x.pdf", pdf).status, 404);
  EXPECT_EQ(other_secretary.del(url).status, 404);
  ASSERT_EQ(admin.del(url).status, 200);
  EXPECT_EQ(admin.get(url).status, 404);
}

TEST_F(LifeApi, R_LIFE_8_HeartTalksAreByCommitteeMembersWithMembers) {
  auto& s = server();
  Client admin = s.admin();
  const Branch b = make_branch(s, admin, "谈话测试党支部", 2);
  const Branch other = make_branch(s, admin, "谈话他方党支部", 1);
  auto talk = [&](std::int64_t post, std::int64_t person, const std::string& on) {
    return admin.post("/api/v1/heart-talks", json::object{{"party_org_id", b.id}, {"post_id", post},
                                                           {"person_id", person}, {"on_date", on}, {"summary", "谈心"}});
  };
  const auto talks = s.count("heart_talks");
  EXPECT_EQ(talk(other.posts[0], b.members[0], day(-1)).status, 400);    // another branch's committee
  EXPECT_EQ(talk(b.posts[0], other.members[0], day(-1)).status, 400);    // not a member here
  EXPECT_EQ(talk(b.posts[0], b.members[0], day(2)).status, 400);         // in the future
  EXPECT_EQ(talk(b.posts[0], b.members[0], "2019-12-31").status, 400);   // before the post (and the branch)
  EXPECT_EQ(s.count("heart_talks"), talks);
  auto ok = talk(b.posts[0], b.members[0], day(-1));
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(ok.json().at("talker").as_string(), "secretary委员");
  auto list = admin.get("/api/v1/heart-talks?party_org_id=" + std::to_string(b.id));
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json().at("total").as_int64(), 1);
  auto year = admin.get("/api/v1/life/compliance?period=year&party_org_id=" + std::to_string(b.id));
  ASSERT_EQ(year.status, 200);
  EXPECT_EQ(admin.get("/api/v1/heart-talks").status, 400);
}

TEST_F(LifeApi, OnlineMeetingDiscussionAttendanceAndMinutes) {
  auto& s = server();
  Client admin = s.admin();
  const Branch b = make_branch(s, admin, "网上测试党支部", 2);
  const Branch other = make_branch(s, admin, "网上他方党支部", 1);
  const auto now = core::now_unix();
  auto r = admin.post("/api/v1/meetings",
                      json::object{{"kind", "theme_day"}, {"party_org_id", b.id}, {"topic", "网上主题党日"},
                                   {"online", true}, {"starts_at", core::shanghai_time_text(now - 600)},
                                   {"ends_at", core::shanghai_time_text(now + 3600)}});
  ASSERT_EQ(r.status, 201) << r.body;
  const auto id = r.json().at("id").as_int64();
  EXPECT_EQ(r.json().at("state").as_string(), "open");
  EXPECT_EQ(r.json().at("absent").as_int64(), 2);   // nobody has taken part yet
  EXPECT_EQ(admin.post("/api/v1/meetings", json::object{{"kind", "theme_day"}, {"party_org_id", b.id}, {"topic", "x"},
                                                         {"online", true}, {"starts_at", day(1) + " 10:00"}})
                .status,
            400);   // an online meeting needs its closing time

  Client m1 = member_account(s, admin, b.members[0], b.id, "online_m1");
  auto post = m1.post(meeting_path(id, "/messages"), json::object{{"body", "<script>alert(1)</script>学习体会"}});
  ASSERT_EQ(post.status, 201) << post.body;
  EXPECT_EQ(post.json().at("body").as_string(), "<script>alert(1)</script>学习体会");   // kept as text; shown escaped
  EXPECT_EQ(m1.post(meeting_path(id, "/messages"), json::object{{"body", "  "}}).status, 400);
  Client stranger = member_account(s, admin, other.members[0], other.id, "online_stranger");
  EXPECT_EQ(stranger.post(meeting_path(id, "/messages"), json::object{{"body", "路过"}}).status, 404);
  EXPECT_EQ(admin.post(meeting_path(id, "/messages"), json::object{{"body", "管理员"}}).status, 403);   // no member behind the account
  auto d = m1.get(meeting_path(id));
  ASSERT_EQ(d.status, 200);
  const json::value open = d.json();
  EXPECT_EQ(open.at("discussion").as_array().size(), 1u);
  EXPECT_EQ(open.at("present").as_int64(), 1);
  EXPECT_EQ(open.at("minutes").as_string().find("网上讨论记录"), std::string::npos);   // not yet: still open
  auto my = m1.get("/api/v1/me/life");
  ASSERT_EQ(my.status, 200) << my.body;
  EXPECT_EQ(my.json().at("open_online_meetings").as_array().size(), 1u);

  // Closed: the discussion is part of the minutes (escaped), and no one posts any more;
  // only now does its attendance count in the figures.
  auto attendance = [&] {
    auto f = admin.get("/api/v1/stats/life?period=year&scope=party_org:" + std::to_string(b.id));
    EXPECT_EQ(f.status, 200) << f.body;
    return f.json().at("attendance").at("expected").as_int64();
  };
  const auto open_expected = attendance();
  auto close = admin.patch(meeting_path(id), json::object{{"ends_at", core::shanghai_time_text(now - 60)}});
  ASSERT_EQ(close.status, 200) << close.body;
  EXPECT_EQ(close.json().at("state").as_string(), "closed");
  const std::string minutes(close.json().at("minutes").as_string());
  EXPECT_EQ(close.json().at("stored_minutes").as_string(), "");   // as recorded: the discussion is not stored into it
  EXPECT_NE(minutes.find("网上讨论记录"), std::string::npos) << minutes;
  EXPECT_NE(minutes.find("&lt;script&gt;alert(1)&lt;/script&gt;学习体会"), std::string::npos) << minutes;
  EXPECT_EQ(minutes.find("<script>"), std::string::npos);
  EXPECT_EQ(m1.post(meeting_path(id, "/messages"), json::object{{"body", "晚了"}}).status, 409);
  EXPECT_EQ(attendance(), open_expected + 2);
  // The member who missed it reads it afterwards.
  Client m2 = member_account(s, admin, b.members[1], b.id, "online_m2");
  EXPECT_EQ(m2.get(meeting_path(id)).json().at("discussion").as_array().size(), 1u);
}

TEST_F(LifeApi, CheckInOnceADayAndTheShortfallList) {
  auto& s = server();
  Client admin = s.admin();
  const Branch b = make_branch(s, admin, "报到测试党支部", 2);
  Client m1 = member_account(s, admin, b.members[0], b.id, "checkin_m1");
  auto first = m1.post("/api/v1/check-ins", json::object{});
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_TRUE(first.json().at("recorded_now").as_bool());
  EXPECT_EQ(first.json().at("month_count").as_int64(), 1);
  auto again = m1.post("/api/v1/check-ins", json::object{});
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_FALSE(again.json().at("recorded_now").as_bool());
  EXPECT_EQ(again.json().at("month_count").as_int64(), 1);   // once a day counts once
  EXPECT_EQ(s.scalar("SELECT COUNT(*) FROM check_ins WHERE person_id = ?", {b.members[0]}), 1);
  auto mine = m1.get("/api/v1/check-ins/me");
  ASSERT_EQ(mine.status, 200);
  EXPECT_TRUE(mine.json().at("checked_in_today").as_bool());
  // The shortfall this month: the member who did not check in.
  auto short_list = admin.get("/api/v1/life/check-in-shortfall?party_org_id=" + std::to_string(b.id));
  ASSERT_EQ(short_list.status, 200) << short_list.body;
  const json::value sl = short_list.json();
  ASSERT_EQ(sl.at("total").as_int64(), 1) << short_list.body;
  EXPECT_EQ(sl.at("items").as_array()[0].at("person_id").as_int64(), b.members[1]);
  // An account without a member behind it cannot check in.
  auto none = admin.post("/api/v1/check-ins", json::object{});
  EXPECT_EQ(none.status, 403);
  EXPECT_EQ(none.error_code(), "not_member_account");
  EXPECT_EQ(admin.get("/api/v1/life/check-in-shortfall").status, 400);
  // Linking: only accounts of role member, and not to a member already linked.
  auto bad = admin.post(member_path(b.members[1], "/account"), json::object{{"user_id", 1}});
  EXPECT_EQ(bad.status, 400) << bad.body;
  Client shuji = demo_login(s, "shuji");
  EXPECT_EQ(shuji.post(member_path(b.members[1], "/account"), json::object{{"user_id", 1}}).status, 403);
}

TEST_F(LifeApi, RemindersNameWhatIsStillOwed) {
  auto& s = server();
  Client admin = s.admin();
  const Branch b = make_branch(s, admin, "提醒测试党支部", 1, false);
  auto r = admin.get("/api/v1/life/reminders?party_org_id=" + std::to_string(b.id));
  ASSERT_EQ(r.status, 200) << r.body;
  const json::value body = r.json();
  std::set<std::string> month;
  for (const auto& d : body.at("month").at("duties").as_array()) month.insert(std::string(d.at("kind").as_string()));
  EXPECT_TRUE(month.count("theme_day"));
  EXPECT_TRUE(month.count("group_meeting"));
  EXPECT_FALSE(month.count("committee_meeting"));   // no committee (R-ORG-4)
  for (const auto& d : body.at("month").at("duties").as_array()) EXPECT_FALSE(d.at("met").as_bool());
  // A theme day held a minute ago takes it off this month's list.
  auto held = admin.post("/api/v1/meetings", json::object{{"kind", "theme_day"}, {"party_org_id", b.id}, {"topic", "主题党日"},
                                                           {"starts_at", core::shanghai_time_text(core::now_unix() - 60)}});
  ASSERT_EQ(held.status, 201) << held.body;
  auto after = admin.get("/api/v1/life/reminders?party_org_id=" + std::to_string(b.id));
  ASSERT_EQ(after.status, 200);
  if (std::string(held.json().at("on_date").as_string()).substr(0, 7) == day().substr(0, 7)) {
    const json::value a = after.json();
    for (const auto& d : a.at("month").at("duties").as_array()) EXPECT_NE(d.at("kind").as_string(), "theme_day");
  }
  EXPECT_EQ(admin.get("/api/v1/life/reminders").status, 400);
}

}  // namespace
}  // namespace lx::test
