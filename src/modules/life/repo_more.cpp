// Attachments, heart talks, online discussion and check-ins.
#include "core/time.hpp"
#include "modules/life/repo.hpp"

namespace lx::life::repo {
namespace {

db::Value v(const std::optional<std::string>& s) { return s ? db::Value(*s) : db::Value(nullptr); }
db::Value v(const std::optional<std::int64_t>& i) { return i ? db::Value(*i) : db::Value(nullptr); }

constexpr const char* kAttachmentCols =
    "id, meeting_id, filename, content_type, size, sha256, stored_name, created_by, created_at FROM meeting_attachments";

Attachment attachment_from(const db::Rows& r, std::size_t k) {
  return Attachment{r.i(k, 0), r.i(k, 1), r.s(k, 2), r.s(k, 3), r.i(k, 4), r.s(k, 5), r.s(k, 6), r.s(k, 7), r.s(k, 8)};
}

constexpr const char* kTalkCols =
    "t.id, t.party_org_id, t.post_id, t.talker, t.person_id, pe.name, t.on_date, t.summary, t.created_by, t.created_at "
    "FROM heart_talks t JOIN persons pe ON pe.id = t.person_id";

HeartTalk talk_from(const db::Rows& r, std::size_t k) {
  return HeartTalk{r.i(k, 0), r.i(k, 1), r.opt_i(k, 2), r.s(k, 3), r.i(k, 4),
                   r.s(k, 5), r.s(k, 6), r.opt_s(k, 7), r.s(k, 8), r.s(k, 9)};
}

}  // namespace

std::int64_t insert_attachment(db::Connection& c, const Attachment& a) {
  return c
      .query("INSERT INTO meeting_attachments (meeting_id, filename, content_type, size, sha256, stored_name, "
             "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
             {a.meeting_id, a.filename, a.content_type, a.size, a.sha256, a.stored_name, a.created_by,
              core::now_iso()})
      .i(0, 0);
}

std::optional<Attachment> find_attachment(db::Connection& c, std::int64_t id) {
  auto r = c.query(std::string("SELECT ") + kAttachmentCols + " WHERE id = ? AND deleted_at IS NULL", {id});
  if (r.empty()) return std::nullopt;
  return attachment_from(r, 0);
}

std::vector<Attachment> attachments_of(db::Connection& c, std::int64_t meeting_id) {
  auto r = c.query(std::string("SELECT ") + kAttachmentCols + " WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY id",
                   {meeting_id});
  std::vector<Attachment> out;
  for (std::size_t k = 0; k < r.size(); ++k) out.push_back(attachment_from(r, k));
  return out;
}

void delete_attachment(db::Connection& c, std::int64_t id) {
  c.exec("UPDATE meeting_attachments SET deleted_at = ? WHERE id = ?", {core::now_iso(), id});
}

std::int64_t attachment_bytes_of(db::Connection& c, std::int64_t meeting_id) {
  return c.scalar_int("SELECT COALESCE(SUM(size), 0) FROM meeting_attachments WHERE meeting_id = ? AND "
                      "deleted_at IS NULL",
                      {meeting_id})
      .value_or(0);
}

std::int64_t insert_talk(db::Connection& c, const HeartTalk& t) {
  return c
      .query("INSERT INTO heart_talks (party_org_id, post_id, talker, person_id, on_date, summary, created_by, "
             "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
             {t.party_org_id, v(t.post_id), t.talker, t.person_id, t.on_date, v(t.summary), t.created_by,
              core::now_iso()})
      .i(0, 0);
}

std::optional<HeartTalk> find_talk(db::Connection& c, std::int64_t id) {
  auto r = c.query(std::string("SELECT ") + kTalkCols + " WHERE t.id = ? AND t.deleted_at IS NULL", {id});
  if (r.empty()) return std::nullopt;
  return talk_from(r, 0);
}

void delete_talk(db::Connection& c, std::int64_t id) {
  c.exec("UPDATE heart_talks SET deleted_at = ? WHERE id = ?", {core::now_iso(), id});
}

std::pair<std::vector<HeartTalk>, std::int64_t> list_talks(db::Connection& c, std::int64_t party_org_id,
                                                           const std::string& from, const std::string& to,
                                                           std::int64_t page, std::int64_t size) {
  const std::string where = " WHERE t.party_org_id = ? AND t.deleted_at IS NULL AND t.on_date >= ? AND t.on_date <= ?";
  db::Params p{party_org_id, from, to};
  const auto total = c.scalar_int("SELECT COUNT(*) FROM heart_talks t" + where, p).value_or(0);
  std::string sql = std::string("SELECT ") + kTalkCols + where + " ORDER BY t.on_date DESC, t.id DESC";
  if (size > 0) {
    sql += " LIMIT ? OFFSET ?";
    p.push_back(size);
    p.push_back((page - 1) * size);
  }
  auto r = c.query(sql, p);
  std::vector<HeartTalk> out;
  for (std::size_t k = 0; k < r.size(); ++k) out.push_back(talk_from(r, k));
  return {out, total};
}

std::vector<PersonDay> talk_days(db::Connection& c, std::int64_t party_org_id, const std::string& from,
                                 const std::string& to) {
  auto r = c.query("SELECT person_id, on_date FROM heart_talks WHERE party_org_id = ? AND deleted_at IS NULL AND "
                   "on_date >= ? AND on_date <= ?",
                   {party_org_id, from, to});
  std::vector<PersonDay> out;
  for (std::size_t k = 0; k < r.size(); ++k)
    if (auto d = core::parse_date(r.s(k, 1))) out.push_back(PersonDay{r.i(k, 0), *d});
  return out;
}

std::int64_t insert_message(db::Connection& c, std::int64_t meeting_id, std::int64_t person_id,
                            const std::string& body) {
  return c
      .query("INSERT INTO meeting_messages (meeting_id, person_id, body, at) VALUES (?, ?, ?, ?) RETURNING id",
             {meeting_id, person_id, body, core::now_iso()})
      .i(0, 0);
}

namespace {

constexpr const char* kMessageCols =
    "x.id, x.meeting_id, x.person_id, pe.name, x.body, x.at FROM meeting_messages x JOIN persons pe ON pe.id = "
    "x.person_id";

Message message_from(const db::Rows& r, std::size_t k) {
  return Message{r.i(k, 0), r.i(k, 1), r.i(k, 2), r.s(k, 3), r.s(k, 4), r.s(k, 5)};
}

}  // namespace

std::vector<Message> messages_of(db::Connection& c, std::int64_t meeting_id) {
  auto r = c.query(std::string("SELECT ") + kMessageCols + " WHERE x.meeting_id = ? ORDER BY x.id", {meeting_id});
  std::vector<Message> out;
  for (std::size_t k = 0; k < r.size(); ++k) out.push_back(message_from(r, k));
  return out;
}

std::optional<Message> find_message(db::Connection& c, std::int64_t id) {
  auto r = c.query(std::string("SELECT ") + kMessageCols + " WHERE x.id = ?", {id});
  if (r.empty()) return std::nullopt;
  return message_from(r, 0);
}

void mark_present(db::Connection& c, std::int64_t meeting_id, std::int64_t person_id) {
  c.exec("UPDATE meeting_attendance SET status = 'present', absence_reason = NULL, absence_note = NULL "
         "WHERE meeting_id = ? AND person_id = ?",
         {meeting_id, person_id});
}

bool insert_check_in(db::Connection& c, std::int64_t person_id, const std::string& on_date) {
  auto r = c.query("INSERT INTO check_ins (person_id, on_date, at) VALUES (?, ?, ?) "
                   "ON CONFLICT (person_id, on_date) DO NOTHING RETURNING id",
                   {person_id, on_date, core::now_iso()});
  return !r.empty();
}

std::vector<std::string> check_in_days(db::Connection& c, std::int64_t person_id, const std::string& from,
                                       const std::string& to) {
  auto r = c.query("SELECT on_date FROM check_ins WHERE person_id = ? AND on_date >= ? AND on_date <= ? ORDER BY on_date",
                   {person_id, from, to});
  std::vector<std::string> out;
  for (std::size_t k = 0; k < r.size(); ++k) out.push_back(r.s(k, 0));
  return out;
}

std::vector<std::pair<std::int64_t, std::int64_t>> check_in_counts(db::Connection& c,
                                                                   const std::vector<std::int64_t>& persons,
                                                                   const std::string& from, const std::string& to) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  if (persons.empty()) return out;
  std::string in;
  db::Params p{from, to};
  for (std::size_t k = 0; k < persons.size(); ++k) {
    in += k ? ", ?" : "?";
    p.push_back(persons[k]);
  }
  auto r = c.query("SELECT person_id, COUNT(*) FROM check_ins WHERE on_date >= ? AND on_date <= ? AND person_id IN (" +
                       in + ") GROUP BY person_id",
                   p);
  for (std::size_t k = 0; k < r.size(); ++k) out.emplace_back(r.i(k, 0), r.i(k, 1));
  return out;
}

}  // namespace lx::life::repo
