#include "http/router.hpp"

#include <stdexcept>

namespace lx::http {
namespace {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> out;
  std::size_t start = 1;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  if (!out.empty() && out.back().empty()) out.pop_back();
  return out;
}

}  // namespace

bool is_write(Verb v) { return v != Verb::get && v != Verb::head && v != Verb::options; }

void Router::add(Verb method, std::string pattern, std::string permission, Handler handler, RouteOptions options) {
  if (!core::permission_known(permission))
    throw std::logic_error("route " + pattern + " declares unknown permission " + permission);
  Route r{method, pattern, split_path(pattern), std::move(permission), std::move(handler), std::move(options)};
  if (r.options.action.empty()) r.options.action = std::string(bhttp::to_string(method)) + " " + pattern;
  routes_.push_back(std::move(r));
}

Router::Match Router::match(Verb method, const std::string& path) const {
  Match m;
  const auto segs = split_path(path);
  for (const Route& r : routes_) {
    if (r.segments.size() != segs.size()) continue;
    std::map<std::string, std::string> params;
    bool ok = true;
    for (std::size_t k = 0; k < segs.size() && ok; ++k) {
      const std::string& p = r.segments[k];
      if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
        if (segs[k].empty()) ok = false;
        else params[p.substr(1, p.size() - 2)] = segs[k];
      } else if (p != segs[k]) {
        ok = false;
      }
    }
    if (!ok) continue;
    m.path_known = true;
    m.allowed.push_back(r.method);
    bool method_ok = r.method == method || (method == Verb::head && r.method == Verb::get);
    if (method_ok && !m.route) {
      m.route = &r;
      m.params = std::move(params);
    }
  }
  return m;
}

}  // namespace lx::http
