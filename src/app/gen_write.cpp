// `liangxin gen`: the command, the census and party org tables, and the
// load's bookkeeping; see gen.hpp.
#include <iostream>

#include "app/gen.hpp"
#include "app/gen_bulk.hpp"
#include "app/gen_names.hpp"
#include "app/gen_write_detail.hpp"
#include "core/ids.hpp"
#include "core/time.hpp"
#include "db/migrations.hpp"
#include "modules/account/crypto.hpp"
#include "modules/census/collation.hpp"

namespace lx::app {
namespace gen {

const std::string& WriteContext::sort_key(const std::string& name) {
  auto it = sort_keys.find(name);
  if (it == sort_keys.end()) it = sort_keys.emplace(name, census::pinyin_sort_key(name)).first;
  return it->second;
}

namespace {

// The tables the load fills, whose secondary indexes are dropped around it.
const std::vector<std::string> kLoadedTables = {
    "orgs", "party_orgs", "coverage", "committee_posts", "assignments", "mass_orgs", "persons", "memberships",
    "member_history", "transfers", "meetings", "meeting_attendance", "member_ratings", "heart_talks"};

// Tables given explicit ids, whose PostgreSQL identity sequences move past them afterwards.
const std::vector<std::string> kExplicitIds = {"areas", "orgs", "party_orgs", "persons", "committee_posts", "meetings"};

void stage(const char* what, std::int64_t rows, std::chrono::steady_clock::time_point t0) {
  const double s = seconds_since(t0);
  std::cerr << "gen: " << what << " " << rows << " rows in " << s << " s ("
            << static_cast<std::int64_t>(s > 0 ? static_cast<double>(rows) / s : 0) << " rows/s)\n";
}

void write_areas(db::Connection& c, WriteContext& w) {
  Bulk b(c, "areas", {"id", "parent_id", "code", "name", "level", "path", "created_at", "updated_at"});
  for (const auto& a : w.plan.areas) b.row(num(a.id), id_or_null(a.parent_id), a.code, a.name, a.level, a.path, w.now, w.now);
  b.flush();
  w.sum.areas = b.rows();
}

void write_orgs(db::Connection& c, WriteContext& w) {
  Bulk b(c, "orgs",
         {"id", "name", "uscc", "kind", "sub_kind", "industry", "area_id", "area_path", "address", "registered_on",
          "closed_on", "operating_status", "workforce", "declared_members", "above_scale", "principal",
          "principal_is_member", "no_party_org_reason", "contact_name", "contact_phone_enc", "contact_phone_hash",
          "contact_phone_mask", "verified_on", "name_sort", "created_at", "updated_at"});
  for (const auto& o : w.plan.orgs) {
    // As census::create_org stores it: the normalised phone sealed, hashed and masked (R-ID-3, R-ID-4).
    db::Value enc = nullptr, hash = nullptr, mask = nullptr;
    if (!o.phone.empty()) {
      auto p = core::check_contact_phone(o.phone);
      if (!p) throw std::logic_error("gen: bad phone " + o.phone);
      enc = w.pii.encrypt(*p);
      hash = w.pii.lookup_hash(*p);
      mask = core::mask_phone(*p);
    }
    b.row(num(o.id), o.name, o.uscc, o.kind, text_or_null(o.sub_kind), text_or_null(o.industry), num(o.area_id),
          o.area_path, text_or_null(o.address), text_or_null(o.registered_on), text_or_null(o.closed_on), o.status,
          num(o.workforce), o.declared < 0 ? db::Value(nullptr) : num(o.declared), num(o.above_scale ? 1 : 0),
          text_or_null(o.principal), o.principal_member < 0 ? db::Value(nullptr) : num(o.principal_member),
          text_or_null(o.reason), text_or_null(o.contact_name), std::move(enc), std::move(hash), std::move(mask),
          text_or_null(o.verified_on), w.sort_key(o.name), w.now, w.now);
  }
  b.flush();
  w.sum.orgs = b.rows();
}

void write_party_orgs(db::Connection& c, WriteContext& w) {
  Bulk b(c, "party_orgs",
         {"id", "parent_id", "name", "type", "role", "formation", "temporary", "area_id", "founded_on", "term_start",
          "term_years", "weak", "path", "created_at", "updated_at"});
  for (const auto& p : w.plan.party_orgs)
    b.row(num(p.id), id_or_null(p.parent_id), p.name, p.type, text_or_null(p.role), text_or_null(p.formation), num(0),
          id_or_null(p.area_id), p.founded_on, text_or_null(p.term_start),
          p.term_years ? num(p.term_years) : db::Value(nullptr), num(0), p.path, w.now, w.now);
  b.flush();
  w.sum.party_orgs = b.rows();
}

void write_links(db::Connection& c, WriteContext& w) {
  Bulk cov(c, "coverage", {"org_id", "party_org_id", "valid_from", "created_at", "updated_at"});
  for (const auto& k : w.plan.coverage) cov.row(num(k.org_id), num(k.party_org_id), k.valid_from, w.now, w.now);
  cov.flush();
  w.sum.coverage = cov.rows();
  Bulk as(c, "assignments", {"person_name", "phone_enc", "phone_hash", "phone_mask", "role", "org_id", "valid_from",
                             "created_at", "updated_at"});
  for (const auto& a : w.plan.assignments)
    as.row(a.person_name, w.pii.encrypt(a.phone), w.pii.lookup_hash(a.phone), core::mask_phone(a.phone), a.role,
           num(a.org_id), a.valid_from, w.now, w.now);
  as.flush();
  w.sum.assignments = as.rows();
  Bulk mo(c, "mass_orgs", {"org_id", "type", "founded_on", "created_at", "updated_at"});
  for (const auto& m : w.plan.mass_orgs) mo.row(num(m.org_id), m.type, m.founded_on, w.now, w.now);
  mo.flush();
  w.sum.mass_orgs = mo.rows();
  // Party orgs without members of their own (the work committee, the tops of
  // committees and general branches) have their committee by name only, as
  // the party org ledger enters it (R-ORG-4).
  Bulk posts(c, "committee_posts",
             {"id", "party_org_id", "post", "person_name", "valid_from", "created_at", "updated_at"});
  static const char* const kPosts[] = {"secretary", "deputy_secretary", "organisation", "publicity", "discipline"};
  for (const auto& p : w.plan.party_orgs) {
    if (p.members > 0 || p.type == "group") continue;
    Rng r(w.plan.options.seed, "posts", static_cast<std::uint64_t>(p.id));
    const int n = p.type == "committee" ? 5 : 3;
    static const int kThree[] = {0, 2, 3};  // secretary, organisation, publicity
    for (int k = 0; k < n; ++k)
      posts.row(num(w.next_post_id++), num(p.id), kPosts[n == 3 ? kThree[k] : k], person_name(r, r.chance(0.6)),
                p.term_start, w.now, w.now);
  }
  posts.flush();
  w.sum.posts += posts.rows();
}

void prepare_connection(db::Database& db, bool start) {
  auto c = db.acquire();
  if (c->backend() == db::Backend::sqlite) {
    // The load's own settings on its one connection: no fsync and a rollback
    // journal (appended pages need none) instead of a WAL as big as the
    // data, a 1 GB page cache. A crash during gen leaves a database to throw
    // away; the server sets WAL and synchronous=FULL again when it opens it.
    c->exec_script(start ? "PRAGMA journal_mode=DELETE; PRAGMA synchronous=OFF; PRAGMA cache_size=-1000000;"
                         : "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA cache_size=-16000;");
  } else {
    c->exec_script(start ? "SET synchronous_commit = off" : "SET synchronous_commit = on; RESET session_replication_role");
    // Foreign keys are triggers on PostgreSQL, a query per row and key; a
    // superuser may switch them off for the load (the same rows load with
    // every key checked on SQLite). Others load with the checks.
    if (start) {
      try {
        c->exec_script("SET session_replication_role = replica");
      } catch (const db::DbError&) {
      }
    }
  }
}

}  // namespace
}  // namespace gen

GenSummary write_plan(db::Database& db, const crypto::Pii& pii, const gen::Plan& plan, const GenRequest& req) {
  using namespace gen;
  GenSummary sum;
  const auto t_all = std::chrono::steady_clock::now();
  WriteContext w{db, pii, plan, sum, core::now_iso()};
  {
    auto c = db.acquire();
    if (c->scalar_int("SELECT COUNT(*) FROM areas").value_or(0) > 0)
      throw std::runtime_error("gen 只写入空数据库（已有属地数据）：请指定一个新的数据库");
  }
  prepare_connection(db, true);
  std::vector<SavedIndex> indexes;
  if (!req.keep_indexes && !req.areas_only) {
    const auto t0 = std::chrono::steady_clock::now();
    db.transaction([&](db::Connection& c) { indexes = drop_secondary_indexes(c, kLoadedTables); });
    stage("dropped secondary indexes:", static_cast<std::int64_t>(indexes.size()), t0);
  }
  db.transaction([&](db::Connection& c) {
    auto t0 = std::chrono::steady_clock::now();
    write_areas(c, w);
    stage("areas", sum.areas, t0);
    if (req.areas_only) return;
    t0 = std::chrono::steady_clock::now();
    write_orgs(c, w);
    stage("orgs", sum.orgs, t0);
    t0 = std::chrono::steady_clock::now();
    write_party_orgs(c, w);
    write_links(c, w);
    stage("party orgs, coverage, assignments, mass orgs, posts",
          sum.party_orgs + sum.coverage + sum.assignments + sum.mass_orgs + sum.posts, t0);
  });
  if (!req.areas_only) {
    auto t0 = std::chrono::steady_clock::now();
    write_members(w);
    stage("persons, memberships, history, transfers, posts",
          sum.persons + sum.memberships + sum.history + sum.transfers, t0);
    t0 = std::chrono::steady_clock::now();
    write_life(w, req.life_years >= 0 ? req.life_years : plan.options.scale.life_years);
    stage("meetings, attendance, ratings, heart talks", sum.meetings + sum.attendance + sum.ratings + sum.talks, t0);
    t0 = std::chrono::steady_clock::now();
    db.transaction([&](db::Connection& c) { recreate_indexes(c, indexes); });
    stage("recreated secondary indexes:", static_cast<std::int64_t>(indexes.size()), t0);
  }
  if (db.backend() == db::Backend::postgresql) {
    const auto t0 = std::chrono::steady_clock::now();
    db.transaction([&](db::Connection& c) {
      for (const auto& t : kExplicitIds)
        c.query("SELECT setval(pg_get_serial_sequence('" + t + "', 'id')::regclass, COALESCE((SELECT MAX(id) FROM " + t +
                "), 0) + 1, false)");
    });
    // What autovacuum would have gathered on a database that grew over years.
    db.acquire()->exec_script("ANALYZE");
    stage("sequences and ANALYZE", 0, t0);
  }
  prepare_connection(db, false);
  sum.seconds = seconds_since(t_all);
  return sum;
}

int cli_gen(const core::Config& cfg, const GenRequest& req) {
  auto spec = gen::scale_spec(req.scale);
  if (!spec) {
    std::cerr << spec.error().message << "\n";
    return 2;
  }
  gen::Options o;
  o.scale = *spec;
  o.seed = req.seed;
  o.today = core::today_shanghai();
  if (!req.date.empty()) {
    auto d = core::parse_date(req.date);
    if (!d) {
      std::cerr << "--date：" << d.error().message << "\n";
      return 2;
    }
    o.today = *d;
  }
  if (cfg.db.empty() && req.xlsx.empty() && req.csv.empty()) {
    std::cerr << "请用 --db 指定数据库，或用 --xlsx/--csv 指定台账文件\n";
    return 2;
  }
  auto t0 = std::chrono::steady_clock::now();
  const gen::Plan plan = req.areas_only ? gen::make_area_plan(o) : gen::make_plan(o);
  gen::stage("planned orgs", static_cast<std::int64_t>(plan.orgs.size()), t0);
  const auto f = gen::figures(plan);
  if (!req.areas_only)
    std::cerr << "gen: plan: " << f.orgs << " orgs (" << f.live_orgs << " live, " << f.covered_live << " covered = "
              << (f.live_orgs ? 100.0 * static_cast<double>(f.covered_live) / static_cast<double>(f.live_orgs) : 0)
              << " %), " << f.party_orgs << " party orgs, " << f.joint_branches << " joint branches of " << f.joint_min
              << "–" << f.joint_max << " orgs, " << f.members << " members, " << f.uncovered_with_instructor << " of "
              << f.uncovered_live << " uncovered orgs with an instructor, " << f.should_build << " should-build\n";
  if (!req.xlsx.empty() || !req.csv.empty()) {
    t0 = std::chrono::steady_clock::now();
    if (auto st = write_orgs_ledger(plan, req.rows ? req.rows : static_cast<std::int64_t>(plan.orgs.size()), req.xlsx,
                                    req.csv);
        !st) {
      std::cerr << st.error().message << "\n";
      return 2;
    }
    gen::stage("ledger rows", req.rows ? req.rows : static_cast<std::int64_t>(plan.orgs.size()), t0);
  }
  if (cfg.db.empty()) return 0;
  auto db = db::Database::open(cfg.db, db::Options{.pool_size = 1});
  db::migrate(*db);
  const auto pii = crypto::Pii::load_or_create(core::key_file_path(cfg));
  const GenSummary s = write_plan(*db, pii, plan, req);
  std::cout << "已生成（" << req.scale << "，seed " << req.seed << "，截至 " << core::to_iso(o.today) << "）：属地 " << s.areas
            << "，两新组织 " << s.orgs << "，党组织 " << s.party_orgs << "，覆盖 " << s.coverage << "，指导员/联络员 "
            << s.assignments << "，群团组织 " << s.mass_orgs << "，人员 " << s.persons << "，组织关系 " << s.memberships
            << "，会议 " << s.meetings << "，出勤记录 " << s.attendance << "，谈心谈话 " << s.talks << "（" << s.seconds
            << " 秒）\n";
  return 0;
}

}  // namespace lx::app
