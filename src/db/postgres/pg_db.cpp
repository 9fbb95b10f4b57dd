#include "db/postgres/pg_db.hpp"

#include <libpq-fe.h>

#include <charconv>
#include <cstring>
#include <unordered_map>

namespace lx::db {

std::string rewrite_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  char quote = 0;
  for (char ch : sql) {
    if (quote) {
      if (ch == quote) quote = 0;
      out += ch;
    } else if (ch == '\'' || ch == '"') {
      quote = ch;
      out += ch;
    } else if (ch == '?') {
      out += '$';
      out += std::to_string(++n);
    } else {
      out += ch;
    }
  }
  return out;
}

namespace {

// PostgreSQL type oids we turn into numbers.
constexpr Oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701, kNumeric = 1700;

ErrorKind kind_of_state(const char* state) {
  if (!state) return ErrorKind::other;
  std::string_view s(state);
  if (s == "23505") return ErrorKind::unique_violation;
  if (s == "23503") return ErrorKind::foreign_key;
  if (s == "40001" || s == "40P01" || s == "55P03") return ErrorKind::busy;
  if (s == "25006") return ErrorKind::read_only;
  if (s == "53100") return ErrorKind::disk_full;
  if (s.substr(0, 2) == "08") return ErrorKind::connection;
  return ErrorKind::other;
}

class PgConnection final : public Connection {
 public:
  explicit PgConnection(PGconn* c) : conn_(c) {}
  ~PgConnection() override { PQfinish(conn_); }
  Backend backend() const override { return Backend::postgresql; }
  bool ok() const { return PQstatus(conn_) == CONNECTION_OK; }
  bool reusable(bool) const override { return ok(); }

  Rows query(std::string_view sql, const Params& params) override {
    PGresult* r = run(sql, params);
    Rows out;
    const int ncol = PQnfields(r), nrow = PQntuples(r);
    out.columns.reserve(ncol);
    for (int c = 0; c < ncol; ++c) out.columns.emplace_back(PQfname(r, c));
    out.cells.reserve(static_cast<std::size_t>(ncol) * nrow);
    for (int row = 0; row < nrow; ++row) {
      for (int c = 0; c < ncol; ++c) {
        if (PQgetisnull(r, row, c)) {
          out.cells.emplace_back(nullptr);
          continue;
        }
        const char* v = PQgetvalue(r, row, c);
        const int len = PQgetlength(r, row, c);
        switch (PQftype(r, c)) {
          case kInt8:
          case kInt4:
          case kInt2: {
            std::int64_t x = 0;
            std::from_chars(v, v + len, x);
            out.cells.emplace_back(x);
            break;
          }
          case kBool: out.cells.emplace_back(std::int64_t{v[0] == 't' ? 1 : 0}); break;
          case kFloat4:
          case kFloat8: out.cells.emplace_back(std::strtod(v, nullptr)); break;
          case kNumeric:
            if (std::memchr(v, '.', len)) {
              out.cells.emplace_back(std::strtod(v, nullptr));
            } else {
              std::int64_t x = 0;
              std::from_chars(v, v + len, x);
              out.cells.emplace_back(x);
            }
            break;
          default: out.cells.emplace_back(std::string(v, len));
        }
      }
    }
    PQclear(r);
    return out;
  }

  std::int64_t exec(std::string_view sql, const Params& params) override {
    PGresult* r = run(sql, params);
    const char* n = PQcmdTuples(r);
    std::int64_t changed = (n && *n) ? std::strtoll(n, nullptr, 10) : 0;
    PQclear(r);
    return changed;
  }

  void exec_script(std::string_view sql) override {
    std::string text(sql);
    PGresult* r = PQexec(conn_, text.c_str());
    check(r);
    PQclear(r);
  }

  void lock_chain(std::int64_t key) override {
    exec("SELECT pg_advisory_xact_lock(?::bigint)", {key});
  }

 private:
  PGresult* run(std::string_view sql, const Params& params) {
    std::string key(sql);
    auto it = prepared_.find(key);
    if (it == prepared_.end()) {
      std::string name = "s" + std::to_string(prepared_.size());
      std::string text = rewrite_placeholders(sql);
      PGresult* r = PQprepare(conn_, name.c_str(), text.c_str(), 0, nullptr);
      check(r, sql);
      PQclear(r);
      it = prepared_.emplace(std::move(key), std::move(name)).first;
    }
    std::vector<std::string> text(params.size());
    std::vector<const char*> values(params.size());
    for (std::size_t k = 0; k < params.size(); ++k) {
      const Value& v = params[k];
      if (std::holds_alternative<std::nullptr_t>(v)) {
        values[k] = nullptr;
        continue;
      }
      if (auto p = std::get_if<std::int64_t>(&v)) text[k] = std::to_string(*p);
      else if (auto p = std::get_if<double>(&v)) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.17g", *p);
        text[k] = buf;
      } else text[k] = std::get<std::string>(v);
      values[k] = text[k].c_str();
    }
    PGresult* r = PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(params.size()), values.data(), nullptr,
                                 nullptr, 0);
    check(r, sql);
    return r;
  }

  void check(PGresult* r, std::string_view sql = {}) {
    auto st = PQresultStatus(r);
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY) return;
    std::string msg = PQresultErrorMessage(r);
    ErrorKind kind = kind_of_state(PQresultErrorField(r, PG_DIAG_SQLSTATE));
    if (PQstatus(conn_) != CONNECTION_OK) kind = ErrorKind::connection;
    PQclear(r);
    if (!sql.empty() && kind == ErrorKind::other) msg += " in: " + std::string(sql);
    throw DbError(kind, msg);
  }

  PGconn* conn_;
  std::unordered_map<std::string, std::string> prepared_;
};

class PgDatabase final : public Database {
 public:
  PgDatabase(std::string url, const Options& options) : url_(std::move(url)) {
    options_ = options;
    give_back(connect());
  }
  Backend backend() const override { return Backend::postgresql; }

 protected:
  std::unique_ptr<Connection> connect() override {
    PGconn* c = PQconnectdb(url_.c_str());
    if (PQstatus(c) != CONNECTION_OK) {
      std::string msg = PQerrorMessage(c);
      PQfinish(c);
      throw DbError(ErrorKind::connection, "无法连接 PostgreSQL：" + msg);
    }
    PQsetClientEncoding(c, "UTF8");
    auto conn = std::make_unique<PgConnection>(c);
    conn->exec_script("SET client_min_messages = warning; SET TIME ZONE 'UTC';");
    return conn;
  }
  void begin(Connection& c) override { c.exec("BEGIN"); }

 private:
  std::string url_;
};

}  // namespace

std::unique_ptr<Database> open_postgres(const std::string& url, const Options& options) {
  return std::make_unique<PgDatabase>(url, options);
}

}  // namespace lx::db
