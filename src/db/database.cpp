#include "db/database.hpp"

#include <charconv>
#include <cstdio>

#include "db/postgres/pg_db.hpp"
#include "db/sqlite/sqlite_db.hpp"

namespace lx::db {

bool Rows::is_null(std::size_t row, std::size_t c) const {
  return std::holds_alternative<std::nullptr_t>(at(row, c));
}

std::int64_t Rows::i(std::size_t row, std::size_t c) const {
  const Value& v = at(row, c);
  if (auto p = std::get_if<std::int64_t>(&v)) return *p;
  if (auto p = std::get_if<double>(&v)) return static_cast<std::int64_t>(*p);
  if (auto p = std::get_if<std::string>(&v)) {
    std::int64_t out = 0;
    std::from_chars(p->data(), p->data() + p->size(), out);
    return out;
  }
  return 0;
}

double Rows::d(std::size_t row, std::size_t c) const {
  const Value& v = at(row, c);
  if (auto p = std::get_if<double>(&v)) return *p;
  if (auto p = std::get_if<std::int64_t>(&v)) return static_cast<double>(*p);
  if (auto p = std::get_if<std::string>(&v)) return std::strtod(p->c_str(), nullptr);
  return 0;
}

std::string Rows::s(std::size_t row, std::size_t c) const {
  const Value& v = at(row, c);
  if (auto p = std::get_if<std::string>(&v)) return *p;
  if (auto p = std::get_if<std::int64_t>(&v)) return std::to_string(*p);
  if (auto p = std::get_if<double>(&v)) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", *p);
    return buf;
  }
  return {};
}

std::optional<std::string> Rows::opt_s(std::size_t row, std::size_t c) const {
  if (is_null(row, c)) return std::nullopt;
  return s(row, c);
}

std::optional<std::int64_t> Rows::opt_i(std::size_t row, std::size_t c) const {
  if (is_null(row, c)) return std::nullopt;
  return i(row, c);
}

std::size_t Rows::col(std::string_view name) const {
  for (std::size_t k = 0; k < columns.size(); ++k)
    if (columns[k] == name) return k;
  throw DbError(ErrorKind::other, "no column " + std::string(name));
}

std::optional<std::int64_t> Connection::scalar_int(std::string_view sql, const Params& params) {
  Rows r = query(sql, params);
  if (r.empty() || r.is_null(0, 0)) return std::nullopt;
  return r.i(0, 0);
}

std::optional<std::string> Connection::scalar_text(std::string_view sql, const Params& params) {
  Rows r = query(sql, params);
  if (r.empty() || r.is_null(0, 0)) return std::nullopt;
  return r.s(0, 0);
}

Lease::~Lease() {
  if (conn_ && db_) db_->give_back(std::move(conn_));
}

Lease Database::acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!pool_.empty()) {
      auto c = std::move(pool_.back());
      pool_.pop_back();
      return Lease(this, std::move(c));
    }
  }
  return Lease(this, connect());
}

void Database::give_back(std::unique_ptr<Connection> c) {
  // Not kept: a broken PostgreSQL link, and a SQLite connection that opened
  // read-only because the file was not writable then — once the storage
  // fault is gone, the next connection opened can write again.
  if (!c->reusable(options_.read_only)) return;
  std::lock_guard lock(mutex_);
  if (static_cast<int>(pool_.size()) < options_.pool_size) pool_.push_back(std::move(c));
}

std::unique_ptr<Database> Database::open(const std::string& url, const Options& options) {
  if (url.rfind("sqlite:", 0) == 0) return open_sqlite(url.substr(7), options);
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) return open_postgres(url, options);
  throw DbError(ErrorKind::connection, "数据库地址须为 sqlite:路径 或 postgresql://…：" + url);
}

}  // namespace lx::db
