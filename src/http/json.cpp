#include "http/json.hpp"

#include "http/context.hpp"

namespace lx::http {
namespace {

std::string f(std::string_view s) { return std::string(s); }

[[noreturn]] void missing(std::string_view field) {
  throw ApiError(400, "missing_field", "缺少必填字段：" + f(field), f(field));
}
[[noreturn]] void wrong_type(std::string_view field, const char* want) {
  throw ApiError(400, "invalid_type", "字段 " + f(field) + " 的类型应为" + want, f(field));
}

}  // namespace

Response json_response(int status, const json::value& v) {
  Response r;
  r.status = status;
  r.body = json::serialize(v);
  return r;
}

Response error_response(const Error& e) {
  json::object err{{"code", e.code}, {"message", e.message}};
  if (!e.field.empty()) err["field"] = e.field;
  return json_response(e.status, json::object{{"error", std::move(err)}});
}

std::optional<std::string> opt_string(const json::object& o, std::string_view field, std::size_t max_len) {
  auto it = o.find(field);
  if (it == o.end() || it->value().is_null()) return std::nullopt;
  if (!it->value().is_string()) wrong_type(field, "字符串");
  const auto& s = it->value().get_string();
  if (s.size() > max_len)
    throw ApiError(400, "too_long", "字段 " + f(field) + " 过长（最多 " + std::to_string(max_len) + " 字节）", f(field));
  if (s.find('\0') != json::string::npos) throw ApiError(400, "invalid_value", "字段 " + f(field) + " 含有非法字符", f(field));
  return std::string(s);
}

std::string req_string(const json::object& o, std::string_view field, std::size_t max_len) {
  auto v = opt_string(o, field, max_len);
  if (!v) missing(field);
  return *v;
}

std::optional<std::int64_t> opt_int(const json::object& o, std::string_view field) {
  auto it = o.find(field);
  if (it == o.end() || it->value().is_null()) return std::nullopt;
  if (it->value().is_int64()) return it->value().get_int64();
  if (it->value().is_uint64() && it->value().get_uint64() <= static_cast<std::uint64_t>(INT64_MAX))
    return static_cast<std::int64_t>(it->value().get_uint64());
  wrong_type(field, "整数");
}

std::int64_t req_int(const json::object& o, std::string_view field) {
  auto v = opt_int(o, field);
  if (!v) missing(field);
  return *v;
}

std::optional<bool> opt_bool(const json::object& o, std::string_view field) {
  auto it = o.find(field);
  if (it == o.end() || it->value().is_null()) return std::nullopt;
  if (!it->value().is_bool()) wrong_type(field, "布尔值");
  return it->value().get_bool();
}

bool req_bool(const json::object& o, std::string_view field) {
  auto v = opt_bool(o, field);
  if (!v) missing(field);
  return *v;
}

bool has(const json::object& o, std::string_view field) { return o.find(field) != o.end(); }

json::value nullable(const std::optional<std::string>& s) { return s ? json::value(*s) : json::value(nullptr); }
json::value nullable(const std::optional<std::int64_t>& i) { return i ? json::value(*i) : json::value(nullptr); }

// ---- request parts ----

json::value parse_body(const std::string& text) {
  if (text.empty()) throw ApiError(400, "invalid_json", "请求体为空，应为 JSON 对象");
  boost::system::error_code ec;
  json::parse_options opts;
  opts.max_depth = 32;  // Boost.JSON also rejects invalid UTF-8 by default
  json::value v = json::parse(text, ec, {}, opts);
  if (ec) throw ApiError(400, "invalid_json", "请求体不是有效的 JSON：" + ec.message());
  if (!v.is_object()) throw ApiError(400, "invalid_json", "请求体应为 JSON 对象");
  return v;
}

std::int64_t parse_id(const std::string& text) {
  if (text.empty() || text.size() > 18) throw ApiError(404, "not_found", "记录不存在");
  std::int64_t v = 0;
  for (char ch : text) {
    if (ch < '0' || ch > '9') throw ApiError(404, "not_found", "记录不存在");
    v = v * 10 + (ch - '0');
  }
  if (v <= 0) throw ApiError(404, "not_found", "记录不存在");
  return v;
}

std::pair<std::int64_t, std::int64_t> parse_paging(const std::map<std::string, std::string>& query) {
  auto num = [&](const char* name, std::int64_t def, std::int64_t lo, std::int64_t hi) {
    auto it = query.find(name);
    if (it == query.end() || it->second.empty()) return def;
    const std::string& v = it->second;
    std::int64_t x = 0;
    if (v.size() > 9) throw ApiError(400, "invalid_value", std::string("参数 ") + name + " 超出范围", name);
    for (char ch : v) {
      if (ch < '0' || ch > '9') throw ApiError(400, "invalid_value", std::string("参数 ") + name + " 应为正整数", name);
      x = x * 10 + (ch - '0');
    }
    if (x < lo || x > hi)
      throw ApiError(400, "invalid_value",
                     std::string("参数 ") + name + " 应在 " + std::to_string(lo) + " 到 " + std::to_string(hi) + " 之间",
                     name);
    return x;
  };
  return {num("page", 1, 1, 1000000000), num("size", 20, 1, 200)};
}

// ---- Ctx ----

const json::object& Ctx::body() {
  if (!body_) body_ = parse_body(req.raw.body());
  return body_->get_object();
}

std::int64_t Ctx::id_param(const std::string& name) const {
  auto it = params.find(name);
  if (it == params.end()) throw ApiError(404, "not_found", "记录不存在");
  return parse_id(it->second);
}

std::optional<std::string> Ctx::query(const std::string& name) const {
  auto it = req.query.find(name);
  if (it == req.query.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

std::pair<std::int64_t, std::int64_t> Ctx::paging() const { return parse_paging(req.query); }

}  // namespace lx::http
