#include "core/config.hpp"

#include <charconv>
#include <functional>
#include <map>

namespace lx::core {
namespace {

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

template <typename T>
Status parse_int(const std::string& key, const std::string& v, T& out, T min, T max) {
  T x{};
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
  if (ec != std::errc() || p != v.data() + v.size() || x < min || x > max)
    return make_error("bad_config", "配置项 " + key + " 的值须为 " + std::to_string(min) + " 到 " +
                                        std::to_string(max) + " 之间的整数：" + v, key);
  out = x;
  return {};
}

Status parse_bool(const std::string& key, const std::string& v, bool& out) {
  if (v == "true" || v == "yes" || v == "1" || v == "on") out = true;
  else if (v == "false" || v == "no" || v == "0" || v == "off") out = false;
  else return make_error("bad_config", "配置项 " + key + " 的值须为 true 或 false：" + v, key);
  return {};
}

using Setter = std::function<Status(Config&, const std::string&, const std::string&)>;

Setter str(std::string Config::*m) {
  return [m](Config& c, const std::string& key, const std::string& v) -> Status {
    if (v.empty()) return make_error("bad_config", "配置项 " + key + " 不能为空", key);
    c.*m = v;
    return {};
  };
}
Setter i32(int Config::*m, int min, int max) {
  return [=](Config& c, const std::string& k, const std::string& v) { return parse_int(k, v, c.*m, min, max); };
}
Setter i64(std::int64_t Config::*m, std::int64_t min, std::int64_t max) {
  return [=](Config& c, const std::string& k, const std::string& v) { return parse_int(k, v, c.*m, min, max); };
}
Setter boolean(bool Config::*m) {
  return [=](Config& c, const std::string& k, const std::string& v) { return parse_bool(k, v, c.*m); };
}

const std::map<std::string, Setter>& setters() {
  static const std::map<std::string, Setter> all = {
      {"db", str(&Config::db)},
      {"listen", str(&Config::listen)},
      {"threads", i32(&Config::threads, 0, 512)},
      {"web_dir", str(&Config::web_dir)},
      {"key_file", str(&Config::key_file)},
      {"files_dir", str(&Config::files_dir)},
      {"max_attachment_bytes", i64(&Config::max_attachment_bytes, 1024, std::int64_t{1} << 30)},
      {"max_header_bytes", i64(&Config::max_header_bytes, 1024, 1 << 20)},
      {"max_json_body", i64(&Config::max_json_body, 1024, std::int64_t{1} << 30)},
      {"max_upload_body", i64(&Config::max_upload_body, 1024, std::int64_t{4} << 30)},
      {"header_timeout_s", i32(&Config::header_timeout_s, 1, 3600)},
      {"idle_timeout_s", i32(&Config::idle_timeout_s, 1, 86400)},
      {"request_timeout_s", i32(&Config::request_timeout_s, 1, 86400)},
      {"session_idle_minutes", i32(&Config::session_idle_minutes, 1, 7 * 24 * 60)},
      {"session_absolute_hours", i32(&Config::session_absolute_hours, 1, 30 * 24)},
      {"secure_cookies", boolean(&Config::secure_cookies)},
      {"trusted_proxies", str(&Config::trusted_proxies)},
      {"password_min_length", i32(&Config::password_min_length, 6, 128)},
      {"password_min_classes", i32(&Config::password_min_classes, 1, 4)},
      {"lockout_threshold", i32(&Config::lockout_threshold, 1, 100)},
      {"lockout_minutes", i32(&Config::lockout_minutes, 1, 24 * 60)},
      {"force_password_change", boolean(&Config::force_password_change)},
      {"argon2_cost",
       [](Config& c, const std::string& k, const std::string& v) -> Status {
         if (v != "interactive" && v != "moderate" && v != "min")
           return make_error("bad_config", "配置项 " + k + " 须为 interactive、moderate 或 min：" + v, k);
         c.argon2_cost = v;
         return {};
       }},
  };
  return all;
}

}  // namespace

Status set_config_value(Config& cfg, const std::string& key, const std::string& value) {
  auto it = setters().find(key);
  if (it == setters().end()) return make_error("bad_config", "未知的配置项：" + key, key);
  return it->second(cfg, key, value);
}

Status apply_config_text(Config& cfg, const std::string& text) {
  std::size_t start = 0;
  int line_no = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = trim(text.substr(start, end - start));
    start = end + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    auto eq = line.find('=');
    if (eq == std::string::npos)
      return make_error("bad_config", "配置文件第 " + std::to_string(line_no) + " 行缺少“=”：" + line);
    std::string key = trim(line.substr(0, eq)), value = trim(line.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    Status st = set_config_value(cfg, key, value);
    if (!st) {
      Error e = st.error();
      e.message = "配置文件第 " + std::to_string(line_no) + " 行：" + e.message;
      return e;
    }
  }
  return {};
}

std::string key_file_path(const Config& cfg) {
  if (!cfg.key_file.empty()) return cfg.key_file;
  if (cfg.db.rfind("sqlite:", 0) == 0) return cfg.db.substr(7) + ".key";
  return "data/liangxin.key";
}

std::string files_dir_path(const Config& cfg) {
  if (!cfg.files_dir.empty()) return cfg.files_dir;
  if (cfg.db.rfind("sqlite:", 0) == 0) return cfg.db.substr(7) + ".files";
  return "data/files";
}

Result<std::pair<std::string, int>> split_listen(const std::string& listen) {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos) return make_error("bad_config", "监听地址须为 主机:端口：" + listen, "listen");
  std::string host = listen.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  if (host.empty()) host = "0.0.0.0";
  int port = 0;
  Status st = parse_int("listen", listen.substr(colon + 1), port, 0, 65535);
  if (!st) return st.error();
  return std::make_pair(host, port);
}

}  // namespace lx::core
