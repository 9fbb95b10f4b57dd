// libFuzzer target: a request as the API meets it — the product's route
// table (every path and method of docs/openapi.json, with its permission),
// path matching with {id} parameters, the id and paging checks, and the JSON
// body read with the server's limits (http::parse_body) and field readers.
// Input: "METHOD /path?query\n" then the body. Nothing may crash, hang or
// leak; a known path without the method lists its methods (405); every
// refusal is a 4xx ApiError with a message. Built and run by scripts/fuzz.sh.
#include <boost/json.hpp>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

#include "http/json.hpp"
#include "http/router.hpp"

namespace {

namespace json = boost::json;
using namespace lx::http;

const Router& router() {
  static const Router r = [] {
    Router out;
    std::ifstream in("docs/openapi.json");
    std::stringstream ss;
    ss << in.rdbuf();
    const json::value spec = json::parse(ss.str());
    for (const auto& [path, item] : spec.at("paths").as_object())
      for (const auto& [method, op] : item.as_object()) {
        std::string m(method);
        for (auto& ch : m) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        out.add(boost::beast::http::string_to_verb(m), std::string(path), std::string(op.at("x-permission").as_string()),
                [](Ctx&) { return Response{}; });
      }
    return out;
  }();
  return r;
}

// Reads the fields handlers read, the way they read them.
void read_fields(const json::object& b) {
  for (const char* f : {"name", "kind", "topic", "starts_at", "status", "reason", "post", "login", "password"})
    (void)opt_string(b, f, 1000);
  for (const char* f : {"party_org_id", "person_id", "org_id", "user_id", "group_id"}) (void)opt_int(b, f);
  for (const char* f : {"online", "mobile", "disabled"}) (void)opt_bool(b, f);
  if (has(b, "attendance") && b.at("attendance").is_array())
    for (const auto& x : b.at("attendance").as_array())
      if (x.is_object()) (void)req_string(x.as_object(), "status", 20);
  (void)req_int(b, "id");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const auto nl = input.find('\n');
  const std::string line = input.substr(0, nl);
  const std::string body = nl == std::string::npos ? "" : input.substr(nl + 1);
  const auto sp = line.find(' ');
  if (sp == std::string::npos) return 0;
  const auto verb = boost::beast::http::string_to_verb(line.substr(0, sp));
  const std::string target = line.substr(sp + 1);
  const auto qm = target.find('?');
  const std::string path = target.substr(0, qm);
  std::map<std::string, std::string> query;
  if (qm != std::string::npos) {
    const std::string q = target.substr(qm + 1);
    for (std::size_t k = 0; k <= q.size();) {
      auto amp = q.find('&', k);
      if (amp == std::string::npos) amp = q.size();
      const std::string kv = q.substr(k, amp - k);
      const auto eq = kv.find('=');
      query[kv.substr(0, eq)] = eq == std::string::npos ? "" : kv.substr(eq + 1);
      k = amp + 1;
    }
  }
  try {
    auto m = router().match(verb, path);
    if (!m.route) {
      if (m.path_known && m.allowed.empty()) __builtin_trap();
      return 0;
    }
    if (auto it = m.params.find("id"); it != m.params.end()) (void)parse_id(it->second);
    (void)parse_paging(query);
    if (is_write(verb)) read_fields(parse_body(body).as_object());
  } catch (const ApiError& e) {
    if (e.error.status < 400 || e.error.status > 499 || e.error.message.empty()) __builtin_trap();
  }
  return 0;
}
