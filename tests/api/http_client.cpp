// The harness's HTTP side: a tiny HTTP/1.1 client (Boost.Beast, synchronous,
// one connection per request) with a cookie jar, and raw sends.
#include <sys/socket.h>
#include <sys/time.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <cstdlib>

#include "harness.hpp"

namespace lx::test {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

void set_timeouts(int fd) {
  timeval tv{60, 0};  // a safety net against a hung server, not a timing assertion
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k)
    if (std::tolower(static_cast<unsigned char>(a[k])) != std::tolower(static_cast<unsigned char>(b[k]))) return false;
  return true;
}

}  // namespace

json::value HttpResponse::json() const {
  boost::system::error_code ec;
  auto v = json::parse(body, ec);
  return ec ? json::value(nullptr) : v;
}

std::string HttpResponse::error_code() const {
  auto v = json();
  if (!v.is_object()) return "";
  auto* e = v.as_object().if_contains("error");
  if (!e || !e->is_object()) return "";
  auto* c = e->as_object().if_contains("code");
  return c && c->is_string() ? std::string(c->as_string()) : "";
}

std::string HttpResponse::error_field() const {
  auto v = json();
  if (!v.is_object()) return "";
  auto* e = v.as_object().if_contains("error");
  if (!e || !e->is_object()) return "";
  auto* f = e->as_object().if_contains("field");
  return f && f->is_string() ? std::string(f->as_string()) : "";
}

std::string HttpResponse::header(const std::string& name) const {
  for (const auto& [k, v] : headers)
    if (iequals(k, name)) return v;
  return "";
}

bool HttpResponse::has_header(const std::string& name) const {
  for (const auto& [k, v] : headers)
    if (iequals(k, name)) return true;
  return false;
}

HttpResponse Client::request(const std::string& method, const std::string& target, const std::string& body,
                             const std::vector<std::pair<std::string, std::string>>& extra) {
  asio::io_context ioc;
  tcp::socket sock(ioc);
  sock.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port_)));
  set_timeouts(sock.native_handle());

  bhttp::request<bhttp::string_body> req;
  const auto verb = bhttp::string_to_verb(method);
  if (verb == bhttp::verb::unknown) req.method_string(method);
  else req.method(verb);
  req.target(target);
  req.version(11);
  req.set(bhttp::field::host, "127.0.0.1:" + std::to_string(port_));
  req.set(bhttp::field::user_agent, "lx-api-tests");
  req.keep_alive(false);
  std::string cookie;
  for (const auto& [k, v] : cookies) cookie += (cookie.empty() ? "" : "; ") + k + "=" + v;
  if (!cookie.empty()) req.set(bhttp::field::cookie, cookie);
  const bool write = method != "GET" && method != "HEAD" && method != "OPTIONS";
  if (write && !csrf.empty()) req.set("X-CSRF-Token", csrf);
  if (!body.empty()) {
    req.set(bhttp::field::content_type, "application/json");
    req.body() = body;
  }
  req.prepare_payload();
  for (const auto& [k, v] : extra) {
    if (v.empty()) req.erase(k);
    else req.set(k, v);
  }
  bhttp::write(sock, req);

  beast::flat_buffer buf;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  if (method == "HEAD") parser.skip(true);
  bhttp::read(sock, buf, parser);
  auto& res = parser.get();
  HttpResponse out;
  out.status = static_cast<int>(res.result_int());
  out.body = res.body();
  for (const auto& f : res) {
    out.headers.emplace_back(std::string(f.name_string()), std::string(f.value()));
    if (iequals(f.name_string(), "Set-Cookie")) {
      std::string_view v = f.value();
      std::string_view pair = v.substr(0, v.find(';'));
      auto eq = pair.find('=');
      if (eq == std::string_view::npos) continue;
      std::string name(pair.substr(0, eq)), value(pair.substr(eq + 1));
      if (value.empty() || v.find("Max-Age=0") != std::string_view::npos) cookies.erase(name);
      else cookies[name] = value;
    }
  }
  boost::system::error_code ec;
  sock.shutdown(tcp::socket::shutdown_both, ec);
  return out;
}

HttpResponse Client::login(const std::string& login, const std::string& password) {
  auto r = post("/api/v1/session", json::object{{"login", login}, {"password", password}});
  if (r.status == 200) csrf = std::string(r.json().at("csrf_token").as_string());
  return r;
}

HttpResponse Client::change_password(const std::string& old_pw, const std::string& new_pw) {
  return post("/api/v1/session/password", json::object{{"old_password", old_pw}, {"new_password", new_pw}});
}

std::string Client::session_cookie() const {
  auto it = cookies.find("lx_session");
  return it == cookies.end() ? "" : it->second;
}

std::string raw_send(int port, const std::string& bytes) {
  asio::io_context ioc;
  tcp::socket sock(ioc);
  sock.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port)));
  set_timeouts(sock.native_handle());
  boost::system::error_code ec;
  asio::write(sock, asio::buffer(bytes), ec);  // the server may answer and close before reading it all
  std::string out;
  char chunk[8192];
  for (;;) {
    std::size_t n = sock.read_some(asio::buffer(chunk), ec);
    out.append(chunk, n);
    if (ec) break;
  }
  return out;
}

int raw_status(const std::string& answer) {
  if (answer.rfind("HTTP/1.", 0) != 0 || answer.size() < 12) return 0;
  return std::atoi(answer.substr(9, 3).c_str());
}

}  // namespace lx::test
