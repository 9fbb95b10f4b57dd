#include "http/server.hpp"

#include <spdlog/spdlog.h>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url.hpp>
#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "http/json.hpp"

namespace lx::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;
using asio::awaitable;
using asio::use_awaitable;

std::string Request::header(std::string_view name) const {
  auto it = raw.find(name);
  return it == raw.end() ? std::string() : std::string(it->value());
}

std::string Request::cookie(std::string_view name) const {
  for (auto it = raw.find(bhttp::field::cookie); it != raw.end() && it->name() == bhttp::field::cookie; ++it) {
    std::string_view v = it->value();
    while (!v.empty()) {
      auto semi = v.find(';');
      std::string_view part = v.substr(0, semi);
      while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
      auto eq = part.find('=');
      if (eq != std::string_view::npos && part.substr(0, eq) == name) return std::string(part.substr(eq + 1));
      if (semi == std::string_view::npos) break;
      v.remove_prefix(semi + 1);
    }
  }
  return {};
}

namespace {

// The client's address: the peer's, or — when the peer is a trusted proxy —
// the right-most X-Forwarded-For entry that is not itself a trusted proxy
// (entries to its left were written by the client and prove nothing).
std::string client_ip(const std::string& peer, const std::string& forwarded, const std::string& trusted) {
  auto trusted_ip = [&](const std::string& ip) {
    std::size_t k = 0;
    while (k <= trusted.size()) {
      auto comma = trusted.find(',', k);
      if (comma == std::string::npos) comma = trusted.size();
      std::string t = trusted.substr(k, comma - k);
      t.erase(0, t.find_first_not_of(' '));
      t.erase(t.find_last_not_of(' ') + 1);
      if (!t.empty() && t == ip) return true;
      k = comma + 1;
    }
    return false;
  };
  if (trusted.empty() || forwarded.empty() || !trusted_ip(peer)) return peer;
  std::string rest = forwarded;
  while (!rest.empty()) {
    const auto comma = rest.rfind(',');
    std::string entry = comma == std::string::npos ? rest : rest.substr(comma + 1);
    rest = comma == std::string::npos ? std::string() : rest.substr(0, comma);
    entry.erase(0, entry.find_first_not_of(' '));
    entry.erase(entry.find_last_not_of(' ') + 1);
    boost::system::error_code ec;
    const auto addr = boost::asio::ip::make_address(entry, ec);
    if (ec) return peer;   // not an address: believe nothing
    const std::string ip = addr.to_string();
    if (!trusted_ip(ip)) return ip;
  }
  return peer;
}

// Fills path and query from the request target; false when it is malformed.
bool parse_target(Request& req) {
  auto r = boost::urls::parse_origin_form(req.raw.target());
  if (!r) return false;
  auto path = r->path();  // percent-decoded
  req.path = std::string(path.begin(), path.end());
  if (req.path.empty()) req.path = "/";
  for (auto p : r->params()) req.query[std::string(p.key)] = std::string(p.value);
  return true;
}

bool is_upload(const bhttp::request_parser<bhttp::string_body>& parser) {
  auto& h = parser.get();
  std::string_view ct = h[bhttp::field::content_type];
  return ct.rfind("multipart/form-data", 0) == 0 || ct.rfind("application/octet-stream", 0) == 0 ||
         ct.rfind("application/vnd.openxmlformats", 0) == 0 || ct.rfind("text/csv", 0) == 0;
}

}  // namespace

struct Server::Impl {
  const core::Config& cfg;
  App& app;
  asio::io_context ioc;
  tcp::acceptor acceptor{ioc};
  asio::signal_set signals{ioc, SIGINT, SIGTERM};
  std::atomic<bool> stopping{false};

  struct Conn {
    beast::tcp_stream stream;
    std::atomic<bool> idle{true};
    explicit Conn(tcp::socket s) : stream(std::move(s)) {}
  };
  std::mutex conns_mu;
  std::set<std::shared_ptr<Conn>> conns;

  Impl(const core::Config& c, App& a) : cfg(c), app(a) {}

  awaitable<void> write(Conn& conn, Response& r, bool keep_alive, bool head, unsigned version) {
    bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(r.status), version};
    res.set(bhttp::field::content_type, r.content_type);
    for (auto& [k, v] : r.headers) res.insert(k, v);
    res.keep_alive(keep_alive);
    if (head) {
      res.content_length(r.body.size());
    } else {
      res.body() = std::move(r.body);
      res.prepare_payload();
    }
    conn.stream.expires_after(std::chrono::seconds(cfg.request_timeout_s));
    if (head) {
      bhttp::response_serializer<bhttp::string_body> sr{res};
      co_await bhttp::async_write_header(conn.stream, sr, use_awaitable);
    } else {
      co_await bhttp::async_write(conn.stream, res, use_awaitable);
    }
  }

  awaitable<void> reject(Conn& conn, int status, const char* code, const char* message) {
    Response r = error_response(make_error(code, message, "", status));
    add_security_headers(r);
    co_await write(conn, r, false, false, 11);
  }

  awaitable<void> session(std::shared_ptr<Conn> conn) {
    beast::flat_buffer buffer;
    boost::system::error_code ec;
    std::string ip;
    {
      auto ep = conn->stream.socket().remote_endpoint(ec);
      if (!ec) ip = ep.address().to_string();
    }
    try {
      for (;;) {
        conn->idle = true;
        if (stopping) break;
        // Wait for the first byte of the next request under the idle timeout,
        // then give the whole header only the (shorter) header timeout.
        if (buffer.size() == 0) {
          conn->stream.expires_after(std::chrono::seconds(cfg.idle_timeout_s));
          auto n = co_await conn->stream.async_read_some(buffer.prepare(4096), use_awaitable);
          buffer.commit(n);
        }
        conn->idle = false;
        bhttp::request_parser<bhttp::string_body> parser;
        parser.header_limit(static_cast<std::uint32_t>(cfg.max_header_bytes));
        parser.body_limit(static_cast<std::uint64_t>(cfg.max_upload_body));
        conn->stream.expires_after(std::chrono::seconds(cfg.header_timeout_s));
        co_await bhttp::async_read_header(conn->stream, buffer, parser,
                                          asio::redirect_error(use_awaitable, ec));
        if (ec == bhttp::error::header_limit) {
          co_await reject(*conn, 431, "header_too_large", "请求头过大");
          break;
        }
        if (ec) {
          if (ec != asio::error::eof && ec != beast::error::timeout && ec != asio::error::operation_aborted &&
              ec != asio::error::connection_reset)
            co_await reject(*conn, 400, "bad_request", "请求格式错误");
          break;
        }
        const std::uint64_t limit = static_cast<std::uint64_t>(is_upload(parser) ? cfg.max_upload_body : cfg.max_json_body);
        if (parser.content_length() && *parser.content_length() > limit) {
          co_await reject(*conn, 413, "too_large", "请求内容过大");
          break;
        }
        parser.body_limit(limit);
        conn->stream.expires_after(std::chrono::seconds(cfg.request_timeout_s));
        co_await bhttp::async_read(conn->stream, buffer, parser, asio::redirect_error(use_awaitable, ec));
        if (ec == bhttp::error::body_limit) {
          co_await reject(*conn, 413, "too_large", "请求内容过大");
          break;
        }
        if (ec) break;

        Request req;
        req.raw = parser.release();
        req.remote_ip = client_ip(ip, std::string(req.raw["X-Forwarded-For"]), cfg.trusted_proxies);
        const bool keep_alive = req.raw.keep_alive() && !stopping;
        const unsigned version = req.raw.version();
        const bool head = req.raw.method() == Verb::head;
        Response resp;
        if (!parse_target(req)) resp = error_response(make_error("bad_request", "请求地址格式错误", "", 400));
        else resp = app.handle(req);
        co_await write(*conn, resp, keep_alive && !stopping, head, version);
        if (!keep_alive || stopping) break;
      }
    } catch (const boost::system::system_error&) {
      // Timeouts and resets end the connection quietly.
    }
    conn->stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    conn->stream.close();
    std::lock_guard lock(conns_mu);
    conns.erase(conn);
  }

  awaitable<void> listen() {
    for (;;) {
      boost::system::error_code ec;
      tcp::socket socket{asio::make_strand(ioc)};
      co_await acceptor.async_accept(socket, asio::redirect_error(use_awaitable, ec));
      if (ec) {
        if (stopping || ec == asio::error::operation_aborted) co_return;
        continue;  // e.g. too many open files: keep serving the others
      }
      socket.set_option(tcp::no_delay(true), ec);
      auto conn = std::make_shared<Conn>(std::move(socket));
      {
        std::lock_guard lock(conns_mu);
        conns.insert(conn);
      }
      asio::co_spawn(conn->stream.get_executor(), session(conn), asio::detached);
    }
  }

  void begin_stop() {
    if (stopping.exchange(true)) return;
    spdlog::info("stopping: finishing requests in flight");
    boost::system::error_code ec;
    acceptor.close(ec);
    signals.cancel(ec);
    std::lock_guard lock(conns_mu);
    for (auto& c : conns) {
      asio::post(c->stream.get_executor(), [c] {
        if (c->idle) c->stream.socket().cancel();
      });
    }
  }
};

Server::Server(const core::Config& cfg, App& app) : impl_(std::make_unique<Impl>(cfg, app)) {}
Server::~Server() = default;

int Server::bind() {
  auto hp = core::split_listen(impl_->cfg.listen);
  if (!hp) throw std::runtime_error(hp.error().message);
  tcp::endpoint ep(asio::ip::make_address(hp->first), static_cast<unsigned short>(hp->second));
  impl_->acceptor.open(ep.protocol());
  impl_->acceptor.set_option(asio::socket_base::reuse_address(true));
  impl_->acceptor.bind(ep);
  impl_->acceptor.listen(asio::socket_base::max_listen_connections);
  return impl_->acceptor.local_endpoint().port();
}

void Server::run() {
  Impl& s = *impl_;
  s.signals.async_wait([&s](const boost::system::error_code& ec, int) {
    if (!ec) s.begin_stop();
  });
  asio::co_spawn(s.ioc, s.listen(), asio::detached);
  int n = s.cfg.threads > 0 ? s.cfg.threads : std::max(4u, 2 * std::thread::hardware_concurrency());
  std::vector<std::thread> threads;
  for (int k = 1; k < n; ++k) threads.emplace_back([&s] { s.ioc.run(); });
  s.ioc.run();
  for (auto& t : threads) t.join();
}

void Server::stop() {
  asio::post(impl_->ioc, [this] { impl_->begin_stop(); });
}

}  // namespace lx::http
