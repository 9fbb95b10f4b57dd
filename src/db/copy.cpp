// The catalog walk and `liangxin copy` (see backup.hpp): tables, columns,
// primary keys and foreign keys read from the database itself, so tables
// that later migrations add are copied without a list to maintain.
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>

#include "db/backup.hpp"
#include "db/migrations.hpp"

namespace lx::db {
namespace {

struct Column {
  std::string name;
  bool not_null = false;
};

struct Table {
  std::string name;
  std::vector<Column> columns;
  std::vector<std::string> pk;
  std::vector<std::pair<std::string, std::string>> fks;  // column → referenced table
};

std::string q(const std::string& ident) {
  std::string out = "\"";
  for (char ch : ident) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

std::vector<std::string> table_names(Connection& c) {
  std::vector<std::string> out;
  if (c.backend() == Backend::postgresql) {
    auto r = c.query(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY c.relname");
    for (std::size_t k = 0; k < r.size(); ++k) out.push_back(r.s(k, 0));
  } else {
    auto r = c.query(
        "SELECT name, COALESCE(sql, '') FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
        "ORDER BY name");
    // Virtual tables (the FTS index) and their shadow tables are rebuilt by
    // triggers on the target, never copied.
    std::vector<std::string> virtuals;
    for (std::size_t k = 0; k < r.size(); ++k)
      if (r.s(k, 1).rfind("CREATE VIRTUAL TABLE", 0) == 0) virtuals.push_back(r.s(k, 0) + "_");
    for (std::size_t k = 0; k < r.size(); ++k) {
      const std::string name = r.s(k, 0);
      if (r.s(k, 1).rfind("CREATE VIRTUAL TABLE", 0) == 0) continue;
      if (std::any_of(virtuals.begin(), virtuals.end(), [&](const std::string& v) { return name.rfind(v, 0) == 0; }))
        continue;
      out.push_back(name);
    }
  }
  out.erase(std::remove(out.begin(), out.end(), "schema_migrations"), out.end());
  return out;
}

Table describe(Connection& c, const std::string& name) {
  Table t{name, {}, {}, {}};
  if (c.backend() == Backend::postgresql) {
    auto cols = c.query(
        "SELECT column_name, is_nullable FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND table_name = ? AND is_generated = 'NEVER' ORDER BY ordinal_position",
        {name});
    for (std::size_t k = 0; k < cols.size(); ++k) t.columns.push_back({cols.s(k, 0), cols.s(k, 1) == "NO"});
    auto pk = c.query(
        "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) "
        "WHERE i.indrelid = to_regclass(?::text) AND i.indisprimary ORDER BY a.attnum",
        {q(name)});
    for (std::size_t k = 0; k < pk.size(); ++k) t.pk.push_back(pk.s(k, 0));
    auto fk = c.query(
        "SELECT a.attname, cf.relname FROM pg_constraint con JOIN pg_class cf ON cf.oid = con.confrelid "
        "JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = ANY(con.conkey) "
        "WHERE con.contype = 'f' AND con.conrelid = to_regclass(?::text) ORDER BY a.attname",
        {q(name)});
    for (std::size_t k = 0; k < fk.size(); ++k) t.fks.emplace_back(fk.s(k, 0), fk.s(k, 1));
  } else {
    auto cols = c.query("SELECT name, \"notnull\", pk FROM pragma_table_info(?) ORDER BY cid", {name});
    std::vector<std::pair<std::int64_t, std::string>> pk;
    for (std::size_t k = 0; k < cols.size(); ++k) {
      t.columns.push_back({cols.s(k, 0), cols.i(k, 1) != 0});
      if (cols.i(k, 2) > 0) pk.emplace_back(cols.i(k, 2), cols.s(k, 0));
    }
    std::sort(pk.begin(), pk.end());
    for (auto& [n, col] : pk) t.pk.push_back(col);
    auto fk = c.query("SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?) ORDER BY \"from\"", {name});
    for (std::size_t k = 0; k < fk.size(); ++k) t.fks.emplace_back(fk.s(k, 0), fk.s(k, 1));
  }
  return t;
}

// Parents first; a cycle (never in the shipped schema) is broken by name order.
std::vector<std::string> dependency_order(Connection& c, const std::vector<std::string>& names) {
  std::map<std::string, std::set<std::string>> needs;
  for (const auto& n : names) {
    needs[n];
    for (const auto& [col, ref] : describe(c, n).fks)
      if (ref != n && std::find(names.begin(), names.end(), ref) != names.end()) needs[n].insert(ref);
  }
  std::vector<std::string> out;
  while (!needs.empty()) {
    auto next = std::find_if(needs.begin(), needs.end(), [](const auto& e) { return e.second.empty(); });
    if (next == needs.end()) next = needs.begin();
    const std::string name = next->first;
    needs.erase(next);
    for (auto& [n, deps] : needs) deps.erase(name);
    out.push_back(name);
  }
  return out;
}

std::string sqlite_path(const std::string& url) { return url.rfind("sqlite:", 0) == 0 ? url.substr(7) : ""; }

}  // namespace

std::vector<std::string> data_tables(Connection& c) { return dependency_order(c, table_names(c)); }

std::vector<std::string> table_columns(Connection& c, const std::string& table) {
  std::vector<std::string> out;
  for (const auto& col : describe(c, table).columns) out.push_back(col.name);
  return out;
}

std::int64_t table_count(Connection& c) {
  if (c.backend() == Backend::postgresql)
    return c.scalar_int(
                "SELECT COUNT(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN "
                "('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'")
        .value_or(0);
  return c.scalar_int("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'").value_or(0);
}

std::vector<CopiedTable> copy(const std::string& from, const std::string& to,
                              const std::function<void(const std::string&, std::int64_t)>& progress) {
  if (auto p = sqlite_path(from); !p.empty() && !std::filesystem::exists(p))
    throw std::runtime_error("源数据库文件不存在：" + p);
  if (from == to) throw std::runtime_error("源数据库和目标数据库不能相同");
  auto src = Database::open(from, Options{.pool_size = 1});
  const int version = schema_version(*src);
  if (version == 0) throw std::runtime_error("源数据库不是两新平台的数据库（没有数据库结构版本记录）：" + from);
  if (version != latest_version())
    throw std::runtime_error("源数据库结构版本为 " + std::to_string(version) + "，本程序为 " +
                             std::to_string(latest_version()) + "：请先用同一版本的 liangxin migrate 升级源数据库");
  auto dst = Database::open(to, Options{.pool_size = 1});
  {
    auto c = dst->acquire();
    if (auto n = table_count(*c); n > 0)
      throw std::runtime_error("目标数据库不是空的（已有 " + std::to_string(n) +
                               " 张表）：复制只能写入空数据库，请新建一个空数据库后重试");
  }
  migrate(*dst);

  Lease s = src->acquire();
  s->exec(s->backend() == Backend::postgresql ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN");
  std::vector<CopiedTable> out;
  try {
    std::set<std::string> src_tables;
    for (const auto& n : table_names(*s)) src_tables.insert(n);
    dst->transaction([&](Connection& d) {
      out.clear();
      struct Deferred {
        std::string table, column;
        std::vector<std::string> pk;
        Params pk_values;
        Value value;
      };
      std::vector<Deferred> deferred;
      std::set<std::string> done;
      for (const auto& name : data_tables(d)) {
        if (!src_tables.count(name)) throw std::runtime_error("源数据库缺少数据表 " + name);
        const Table t = describe(d, name);
        const Table st = describe(*s, name);
        for (const auto& sc : st.columns)
          if (std::none_of(t.columns.begin(), t.columns.end(), [&](const Column& c) { return c.name == sc.name; }))
            throw std::runtime_error("目标数据表 " + name + " 没有源数据库的列 " + sc.name);
        std::vector<std::string> cols;
        for (const auto& c : t.columns)
          if (std::any_of(st.columns.begin(), st.columns.end(), [&](const Column& sc) { return sc.name == c.name; }))
            cols.push_back(c.name);
        // Foreign keys to rows not copied yet (a table's own parent rows, or a
        // cycle) are inserted as NULL and set once every row is in.
        std::vector<std::size_t> later;
        for (const auto& [col, ref] : t.fks) {
          if (done.count(ref) && ref != name) continue;
          auto it = std::find(cols.begin(), cols.end(), col);
          if (it == cols.end()) continue;
          auto def = std::find_if(t.columns.begin(), t.columns.end(), [&](const Column& c) { return c.name == col; });
          if (def->not_null || t.pk.empty())
            throw std::runtime_error("数据表 " + name + " 的外键 " + col + " 无法按依赖顺序复制");
          later.push_back(static_cast<std::size_t>(it - cols.begin()));
        }
        std::vector<std::size_t> pk_at;
        for (const auto& p : t.pk) pk_at.push_back(std::find(cols.begin(), cols.end(), p) - cols.begin());

        std::string select = "SELECT ", insert_head = "INSERT INTO " + q(name) + " (", order;
        for (std::size_t k = 0; k < cols.size(); ++k) {
          select += (k ? ", " : "") + q(cols[k]);
          insert_head += (k ? ", " : "") + q(cols[k]);
        }
        for (std::size_t k = 0; k < (t.pk.empty() ? cols.size() : t.pk.size()); ++k)
          order += (k ? ", " : "") + (t.pk.empty() ? std::to_string(k + 1) : q(t.pk[k]));
        select += " FROM " + q(name) + " ORDER BY " + order + " LIMIT ? OFFSET ?";
        insert_head += ") VALUES ";
        const std::size_t batch = std::max<std::size_t>(1, 4000 / cols.size());
        std::int64_t rows = 0;
        constexpr std::int64_t kPage = 5000;
        for (;;) {
          Rows page = s->query(select, {kPage, rows});
          for (std::size_t first = 0; first < page.size(); first += batch) {
            const std::size_t n = std::min(batch, page.size() - first);
            std::string sql = insert_head;
            Params params;
            params.reserve(n * cols.size());
            for (std::size_t r = first; r < first + n; ++r) {
              sql += r == first ? "(" : ", (";
              for (std::size_t k = 0; k < cols.size(); ++k) {
                sql += k ? ", ?" : "?";
                const Value& v = page.at(r, k);
                if (std::find(later.begin(), later.end(), k) != later.end() && !std::holds_alternative<std::nullptr_t>(v)) {
                  Deferred dfr{name, cols[k], t.pk, {}, v};
                  for (auto at : pk_at) dfr.pk_values.push_back(page.at(r, at));
                  deferred.push_back(std::move(dfr));
                  params.emplace_back(nullptr);
                } else {
                  params.push_back(v);
                }
              }
              sql += ")";
            }
            d.exec(sql, params);
          }
          rows += static_cast<std::int64_t>(page.size());
          if (static_cast<std::int64_t>(page.size()) < kPage) break;
        }
        done.insert(name);
        out.push_back({name, rows});
        if (progress) progress(name, rows);
      }
      for (const auto& dfr : deferred) {
        std::string sql = "UPDATE " + q(dfr.table) + " SET " + q(dfr.column) + " = ? WHERE ";
        Params params{dfr.value};
        for (std::size_t k = 0; k < dfr.pk.size(); ++k) {
          sql += (k ? " AND " : "") + q(dfr.pk[k]) + " = ?";
          params.push_back(dfr.pk_values[k]);
        }
        d.exec(sql, params);
      }
      for (const auto& t : out) {
        const auto n = d.scalar_int("SELECT COUNT(*) FROM " + q(t.name)).value_or(-1);
        if (n != t.rows)
          throw std::runtime_error("数据表 " + t.name + " 复制后行数不符：读出 " + std::to_string(t.rows) + "，写入 " +
                                   std::to_string(n));
        if (d.backend() != Backend::postgresql) continue;
        // Identity columns continue after the copied ids.
        auto ids = d.query(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND "
            "table_name = ? AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')",
            {t.name});
        for (std::size_t k = 0; k < ids.size(); ++k)
          d.query("SELECT setval(pg_get_serial_sequence(?, ?)::regclass, COALESCE((SELECT MAX(" + q(ids.s(k, 0)) +
                      ") FROM " + q(t.name) + "), 0) + 1, false)",
                  {q(t.name), ids.s(k, 0)});
      }
    });
  } catch (...) {
    try { s->exec("ROLLBACK"); } catch (...) { s.discard(); }
    throw;
  }
  s->exec("COMMIT");
  return out;
}

}  // namespace lx::db
