#include "http/static_files.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "http/json.hpp"

namespace lx::http {
namespace fs = std::filesystem;
namespace {

Response not_found() {
  Response r;
  r.status = 404;
  r.content_type = "text/plain; charset=utf-8";
  r.body = "404 页面不存在";
  return r;
}

// True when the request path could name a file inside the folder: no "..",
// no backslash, no NUL, no hidden segment.
bool safe_path(const std::string& p) {
  if (p.empty() || p[0] != '/') return false;
  if (p.find('\0') != std::string::npos || p.find('\\') != std::string::npos) return false;
  std::size_t start = 1;
  while (start <= p.size()) {
    std::size_t end = p.find('/', start);
    if (end == std::string::npos) end = p.size();
    std::string_view seg(p.data() + start, end - start);
    if (seg == ".." || seg == "." || (!seg.empty() && seg[0] == '.')) return false;
    start = end + 1;
  }
  return true;
}

Response file_response(const fs::path& file, std::string cache) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return not_found();
  std::ostringstream ss;
  ss << in.rdbuf();
  Response r;
  r.content_type = content_type_for(file.filename().string());
  r.body = ss.str();
  r.headers.emplace_back("Cache-Control", std::move(cache));
  return r;
}

}  // namespace

std::string content_type_for(const std::string& name) {
  auto dot = name.rfind('.');
  std::string ext = dot == std::string::npos ? "" : name.substr(dot + 1);
  if (ext == "html") return "text/html; charset=utf-8";
  if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "json" || ext == "map") return "application/json; charset=utf-8";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "png") return "image/png";
  if (ext == "jpg" || ext == "jpeg") return "image/jpeg";
  if (ext == "gif") return "image/gif";
  if (ext == "ico") return "image/x-icon";
  if (ext == "woff") return "font/woff";
  if (ext == "woff2") return "font/woff2";
  if (ext == "ttf") return "font/ttf";
  if (ext == "txt") return "text/plain; charset=utf-8";
  if (ext == "xlsx") return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  return "application/octet-stream";
}

Response serve_static(const std::string& web_dir, const Request& req) {
  if (req.method() != Verb::get && req.method() != Verb::head) {
    Response r = error_response(make_error("method_not_allowed", "不支持该请求方法", "", 405));
    r.headers.emplace_back("Allow", "GET, HEAD");
    return r;
  }
  if (!safe_path(req.path)) return not_found();
  std::error_code ec;
  const fs::path root = fs::canonical(web_dir, ec);
  if (ec) return not_found();
  const fs::path index = root / "index.html";

  std::string rel = req.path.substr(1);
  if (!rel.empty() && rel.back() != '/') {
    fs::path candidate = fs::weakly_canonical(root / rel, ec);
    if (!ec) {
      // The resolved file must still lie inside the folder (symlinks included).
      auto [r_end, c_it] = std::mismatch(root.begin(), root.end(), candidate.begin(), candidate.end());
      if (r_end == root.end() && fs::is_regular_file(candidate, ec)) {
        const bool hashed = rel.rfind("assets/", 0) == 0;
        return file_response(candidate, hashed ? "public, max-age=31536000, immutable" : "no-cache");
      }
    }
  }
  // A path with a file extension that is not there is a missing file; any
  // other path is a client route of the single-page app.
  const std::string last = rel.substr(rel.rfind('/') == std::string::npos ? 0 : rel.rfind('/') + 1);
  if (last.find('.') != std::string::npos) return not_found();
  if (!fs::is_regular_file(index, ec)) {
    Response r = not_found();
    r.body = "前端尚未构建：请先运行 make";
    return r;
  }
  return file_response(index, "no-cache");
}

}  // namespace lx::http
