// What a handler sees of an HTTP exchange: the Request (method, path, query,
// headers, body, peer), the Response it builds, ApiError for refusing a
// request, and the signed-in Principal with the data Scope it may touch.
#pragma once
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <exception>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "core/roles.hpp"

namespace lx::http {

namespace bhttp = boost::beast::http;
using Verb = bhttp::verb;

struct Request {
  bhttp::request<bhttp::string_body> raw;
  std::string path;                              // decoded path, no query
  std::map<std::string, std::string> query;      // decoded query parameters (last wins)
  std::string remote_ip;
  Verb method() const { return raw.method(); }
  std::string header(std::string_view name) const;
  std::string cookie(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string file_path;  // when set, the body is this file (static assets)
};

// Thrown by handlers (and helpers) to answer with an error; the pipeline
// turns it into the one error format and rolls back the request's writes.
struct ApiError : std::exception {
  Error error;
  explicit ApiError(Error e) : error(std::move(e)) {}
  ApiError(int status, std::string code, std::string message, std::string field = {})
      : error{std::move(code), std::move(message), std::move(field), status} {}
  const char* what() const noexcept override { return error.code.c_str(); }
};

// Throws ApiError when st failed.
inline void ensure(const Status& st) {
  if (!st) throw ApiError(st.error());
}
template <typename T>
T ensure(Result<T> r) {
  if (!r) throw ApiError(r.error());
  return std::move(r).value();
}

// The signed-in user of a request.
struct Principal {
  std::int64_t user_id = 0;
  std::string login;
  std::string name;
  core::Role role = core::Role::member;
  std::string scope_type;            // "", "party_org" or "area"
  std::optional<std::int64_t> scope_id;
  bool must_change_password = false;
  std::int64_t session_id = 0;
  std::string csrf_token;
};

// The data a request may touch: everything, or a subtree of one tree.
struct Scope {
  enum class Kind { all, party_org, area } kind = Kind::all;
  std::int64_t id = 0;
  std::string name;
  std::string path;   // materialised path of the root, e.g. "/1/4/"
};

// What the audit row of a state-changing request says, filled by handlers.
struct AuditNote {
  std::string action;                 // defaults to the route's action
  std::string target;                 // e.g. "user:12"
  boost::json::value before;          // null when not applicable
  boost::json::value after;
};

}  // namespace lx::http
