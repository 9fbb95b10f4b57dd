// The server's configuration: read once at start from an optional file of
// `key = value` lines and from command-line flags, then never changed. The
// defaults are the ones the product ships with (DESIGN.md, Platform issue).
#pragma once
#include <cstdint>
#include <string>

#include "core/result.hpp"

namespace lx::core {

struct Config {
  std::string db = "sqlite:data/liangxin.db";
  std::string listen = "127.0.0.1:8080";
  int threads = 0;                              // 0: twice the number of cores, at least 4
  std::string web_dir = "web/dist";
  // Key for personal data at rest, outside the database. Empty: beside a
  // SQLite file as FILE.key, else data/liangxin.key.
  std::string key_file;
  // Meeting attachments on disk. Empty: FILE.files/ beside a SQLite file,
  // else data/files/.
  std::string files_dir;
  std::int64_t max_attachment_bytes = 10 * 1024 * 1024;

  // HTTP limits.
  std::int64_t max_header_bytes = 16 * 1024;
  std::int64_t max_json_body = 1024 * 1024;
  std::int64_t max_upload_body = 64 * 1024 * 1024;
  int header_timeout_s = 10;
  int idle_timeout_s = 60;
  int request_timeout_s = 120;

  // Sessions.
  int session_idle_minutes = 30;
  int session_absolute_hours = 12;
  bool secure_cookies = false;                  // set when served over TLS
  // Reverse proxies whose X-Forwarded-For is believed (comma-separated IPs,
  // e.g. "127.0.0.1" behind a local nginx); empty: the header is ignored and
  // the peer's address is the client's (audit rows, access log).
  std::string trusted_proxies;

  // Identity controls (等保 2.0 level 3).
  int password_min_length = 8;
  int password_min_classes = 3;
  int lockout_threshold = 5;
  int lockout_minutes = 15;
  bool force_password_change = true;

  // Argon2id cost: "interactive" (default), "moderate", or "min" (tests only).
  std::string argon2_cost = "interactive";
};

// Applies `key = value` lines (blank lines and `#` comments ignored) to cfg.
// Fails on an unknown key or a malformed value, naming the line.
Status apply_config_text(Config& cfg, const std::string& text);

// Sets one key; the same keys as the file. Fails on unknown key or bad value.
Status set_config_value(Config& cfg, const std::string& key, const std::string& value);

// The key file path cfg names, or the default derived from cfg.db.
std::string key_file_path(const Config& cfg);

// The attachments folder cfg names, or the default derived from cfg.db.
std::string files_dir_path(const Config& cfg);

// Host and port of cfg.listen ("127.0.0.1:8080", "[::1]:8080", ":8080").
Result<std::pair<std::string, int>> split_listen(const std::string& listen);

}  // namespace lx::core
