// `liangxin gen`: persons and their memberships, as the member service
// writes them (member/service_records.cpp create_member: the person with
// sealed ID number and phone, a membership from the admission day or the
// party org's founding, a "registered" history row), members who came by a
// transfer inside the system (the closed and the new membership, the
// transfer, its history rows), members whose membership has ended, and the
// committee posts that name a member (R-ORG-4).
#include <unordered_map>

#include "app/gen_bulk.hpp"
#include "app/gen_names.hpp"
#include "app/gen_write_detail.hpp"
#include "core/ids.hpp"

namespace lx::app::gen {
namespace {

using core::Date;

int days(Date d) { return static_cast<int>(core::to_days(d)); }
Date date_of(int d) { return core::from_days(d); }
std::string iso_days(int d) { return core::to_iso(core::from_days(d)); }

struct Tables {
  Bulk persons, memberships, history, transfers, posts;
  explicit Tables(db::Connection& c)
      : persons(c, "persons",
                {"id", "name", "gender", "ethnicity", "birth_date", "id_number_enc", "id_number_hash", "id_number_mask",
                 "education", "phone_enc", "phone_hash", "phone_mask", "workplace_org_id", "mobile", "name_sort",
                 "created_at", "updated_at"}),
        memberships(c, "memberships",
                    {"person_id", "party_org_id", "status", "admitted_on", "confirmed_on", "valid_from", "valid_to",
                     "start_reason", "end_reason", "created_at", "updated_at"}),
        history(c, "member_history", {"person_id", "what", "old_value", "new_value", "on_date", "by_login", "at"}),
        transfers(c, "transfers",
                  {"person_id", "kind", "from_party_org_id", "to_party_org_id", "status", "started_on", "answered_on",
                   "started_by", "answered_by", "created_at", "updated_at"}),
        posts(c, "committee_posts",
              {"id", "party_org_id", "post", "person_name", "valid_from", "person_id", "created_at", "updated_at"}) {
    memberships.after(persons);
    history.after(persons);
    transfers.after(persons);
    posts.after(persons);
  }
  void flush() {
    persons.flush();
    memberships.flush();
    history.flush();
    transfers.flush();
    posts.flush();
  }
};

class Members {
 public:
  explicit Members(WriteContext& w) : w_(w), today_(days(w.plan.options.today)) {
    w_.members_of.assign(w.plan.party_orgs.size(), {});
    w_.secretary_post.assign(w.plan.party_orgs.size(), 0);
    w_.secretary_name.assign(w.plan.party_orgs.size(), "");
    seq_.reserve(w.plan.slots.size());
  }

  void run() {
    const auto& slots = w_.plan.slots;
    std::size_t at = 0;
    while (at < slots.size()) {
      // About 50,000 members per transaction, whole party orgs at a time.
      std::size_t end = std::min(slots.size(), at + 50000);
      while (end < slots.size() && slots[end].party_org_id == slots[end - 1].party_org_id) ++end;
      w_.db.transaction([&](db::Connection& c) {
        Tables t(c);
        drawn_.clear();
        first_drawn_ = at;
        std::size_t block = at;
        for (std::size_t k = at; k < end; ++k) {
          person(t, k);
          if (k + 1 == end || slots[k + 1].party_org_id != slots[k].party_org_id) {
            posts(t, slots[k].party_org_id, block, k + 1);
            block = k + 1;
          }
        }
        t.flush();
        w_.sum.persons += t.persons.rows();
        w_.sum.memberships += t.memberships.rows();
        w_.sum.history += t.history.rows();
        w_.sum.transfers += t.transfers.rows();
        w_.sum.posts += t.posts.rows();
      });
      at = end;
    }
  }

 private:
  struct Drawn {
    std::string name;
    bool full = false;
    int valid_from = 0;
  };

  const PartyOrg& po(std::int64_t id) const { return w_.plan.party_orgs[static_cast<std::size_t>(id - 1)]; }

  // The sequence digits of an ID number: distinct per birthplace and birthday.
  int next_seq(const std::string& place, Date birth) {
    const std::uint64_t key = std::stoull(place) * 100000ULL + static_cast<std::uint64_t>(days(birth) + 40000);
    return seq_[key]++;
  }

  void person(Tables& t, std::size_t k) {
    const Slot& s = w_.plan.slots[k];
    const std::int64_t id = static_cast<std::int64_t>(k) + 1;
    Rng r(w_.plan.options.seed, "person", k);
    const Date today = date_of(today_);
    const bool male = r.chance(0.62);
    const int age = static_cast<int>(std::clamp(std::llround(38 + 11 * r.normal()), 19LL, 88LL));
    const Date birth = core::add_days(core::add_years(today, -age), -r.between(1, 364));
    const std::string place = birthplace(r);
    int seq = next_seq(place, birth);
    if (seq >= 500) seq = seq % 500;  // never reached at these sizes: 500 people of one birthday and county
    const std::string idn = id_number(place, birth, seq, male);
    const std::string name = person_name(r, male);
    static const char* const kEducation[] = {"postgraduate", "bachelor", "college", "secondary", "junior"};
    static const double kEducationShare[] = {0.10, 0.42, 0.28, 0.15, 0.05};
    double e = r.unit();
    int edu = 0;
    while (edu < 4 && (e -= kEducationShare[edu]) >= 0) ++edu;
    db::Value phone_enc = nullptr, phone_hash = nullptr, phone_mask = nullptr;
    if (r.chance(0.85)) {
      const std::string m = mobile(r);
      phone_enc = w_.pii.encrypt(m);
      phone_hash = w_.pii.lookup_hash(m);
      phone_mask = core::mask_phone(m);
    }
    t.persons.row(num(id), name, male ? "male" : "female", ethnicity(r), core::to_iso(birth), w_.pii.encrypt(idn),
                  w_.pii.lookup_hash(idn), core::mask_id_number(idn), kEducation[edu], std::move(phone_enc),
                  std::move(phone_hash), std::move(phone_mask), id_or_null(s.workplace_org_id),
                  num(r.chance(0.04) ? 1 : 0), w_.sort_key(name), w_.now, w_.now);

    // Admission: probationary within the last year for a few, else years ago and confirmed a year later.
    const PartyOrg& p = po(s.party_org_id);
    const int founded = days(*core::parse_date(p.founded_on));
    const bool probationary = !s.ended && r.chance(0.04);
    int admitted, confirmed = INT_MAX;
    if (probationary) {
      admitted = today_ - static_cast<int>(r.between(30, 330));
    } else {
      const int latest = std::max(18, std::min(age - 2, 45));
      admitted = days(core::add_days(core::add_years(birth, static_cast<int>(r.between(18, latest))), r.between(0, 300)));
      admitted = std::min(admitted, today_ - 400 - static_cast<int>(r.below(200)));
      confirmed = days(core::add_years(date_of(admitted), 1));
    }
    int from = std::min(std::max(admitted, founded), today_);
    const std::string admitted_on = iso_days(admitted);
    const db::Value confirmed_on = confirmed == INT_MAX ? db::Value(nullptr) : db::Value(iso_days(confirmed));

    // A transfer inside the system: the earlier membership ends the day the new one starts.
    bool transferred = false;
    if (s.previous_party_org_id) {
      const PartyOrg& q = po(s.previous_party_org_id);
      const int prev_from = std::min(std::max(admitted, days(*core::parse_date(q.founded_on))), today_);
      const int lo = std::max(prev_from + 60, founded), hi = today_ - 7;
      if (lo <= hi) {
        const int on = static_cast<int>(r.between(lo, hi));
        const int started = std::max(prev_from + 1, on - static_cast<int>(r.between(1, 20)));
        t.memberships.row(num(id), num(q.id), confirmed <= on ? "full" : "probationary", admitted_on, confirmed_on,
                          iso_days(prev_from), iso_days(on), "registered", "transfer", w_.now, w_.now);
        t.history.row(num(id), "registered", nullptr, q.name, iso_days(prev_from), "gen", w_.now);
        t.history.row(num(id), "transfer_started", q.name, p.name, iso_days(started), "gen", w_.now);
        t.history.row(num(id), "party_org", q.name, p.name, iso_days(on), "gen", w_.now);
        t.transfers.row(num(id), "internal", num(q.id), num(p.id), "accepted", iso_days(started), iso_days(on), "gen",
                        "gen", w_.now, w_.now);
        w_.members_of[static_cast<std::size_t>(q.id - 1)].push_back({id, prev_from, on, confirmed});
        from = on;
        transferred = true;
      }
    }
    int to = INT_MAX;
    const char* end_reason = nullptr;
    if (s.ended && from + 30 < today_ - 1) {
      to = static_cast<int>(r.between(from + 30, today_ - 1));
      end_reason = age >= 70 && r.chance(0.7) ? "deceased" : "left";
    }
    t.memberships.row(num(id), num(p.id), confirmed <= std::min(to, today_) ? "full" : "probationary", admitted_on,
                      confirmed_on, iso_days(from), to == INT_MAX ? db::Value(nullptr) : db::Value(iso_days(to)),
                      transferred ? "transfer" : "registered", end_reason ? db::Value(end_reason) : db::Value(nullptr),
                      w_.now, w_.now);
    if (!transferred) t.history.row(num(id), "registered", nullptr, p.name, iso_days(from), "gen", w_.now);
    if (end_reason)
      t.history.row(num(id), "ended", p.name, end_reason == std::string("deceased") ? "去世" : "退党、出党",
                    iso_days(to), "gen", w_.now);
    w_.members_of[static_cast<std::size_t>(p.id - 1)].push_back({id, from, to, confirmed});
    if (!end_reason) drawn_.push_back({name, confirmed <= today_, from});
    else drawn_.push_back({"", false, from});
  }

  // The committee of a party org from its own full members (R-ORG-4): 3 or 5
  // posts from 7 full members, else a secretary (and sometimes a deputy).
  void posts(Tables& t, std::int64_t party_org_id, std::size_t begin, std::size_t end) {
    const PartyOrg& p = po(party_org_id);
    std::vector<std::size_t> full;
    for (std::size_t k = begin; k < end; ++k)
      if (drawn_[k - first_drawn_].full) full.push_back(k);
    const std::size_t n = full.size() >= 15 ? 5 : full.size() >= 7 ? 3 : std::min<std::size_t>(full.size(), full.size() >= 4 ? 2 : 1);
    static const char* const kFive[] = {"secretary", "deputy_secretary", "organisation", "publicity", "discipline"};
    static const char* const kThree[] = {"secretary", "organisation", "publicity"};
    static const char* const kTwo[] = {"secretary", "deputy_secretary"};
    for (std::size_t j = 0; j < n; ++j) {
      const std::size_t k = full[j];
      const Drawn& d = drawn_[k - first_drawn_];
      const std::string from = std::max(p.term_start, iso_days(d.valid_from));
      const std::int64_t post_id = w_.next_post_id++;
      t.posts.row(num(post_id), num(p.id), n == 5 ? kFive[j] : n == 3 ? kThree[j] : kTwo[j], d.name, from,
                  num(static_cast<std::int64_t>(k) + 1), w_.now, w_.now);
      if (j == 0) {
        w_.secretary_post[static_cast<std::size_t>(p.id - 1)] = post_id;
        w_.secretary_name[static_cast<std::size_t>(p.id - 1)] = d.name;
      }
    }
    drawn_.clear();
    first_drawn_ = end;
  }

  WriteContext& w_;
  int today_;
  std::unordered_map<std::uint64_t, int> seq_;
  std::vector<Drawn> drawn_;  // the current party org's members, from first_drawn_
  std::size_t first_drawn_ = 0;
};

}  // namespace

void write_members(WriteContext& w) { Members(w).run(); }

}  // namespace lx::app::gen
