// The routing table: each route is a method, a path pattern with {name}
// segments, the permission it requires (core/roles.hpp) and its handler.
// Unknown paths answer 404; a known path with another method answers 405.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "http/message.hpp"

namespace lx::http {

class Ctx;
using Handler = std::function<Response(Ctx&)>;

struct RouteOptions {
  std::string action;                  // audit action name, e.g. "user.create"
  bool allow_when_must_change = false; // reachable before the forced password change
  bool own_transaction = false;        // the handler runs its own transactions and audit (login)
  bool upload = false;                 // the larger body limit applies
  bool no_csrf = false;                // state-changing but needs no CSRF token (login: no session yet)
};

struct Route {
  Verb method;
  std::string pattern;
  std::vector<std::string> segments;
  std::string permission;
  Handler handler;
  RouteOptions options;
};

class Router {
 public:
  // Adds a route; throws std::logic_error when the permission is unknown.
  void add(Verb method, std::string pattern, std::string permission, Handler handler, RouteOptions options = {});

  struct Match {
    const Route* route = nullptr;
    std::map<std::string, std::string> params;
    bool path_known = false;          // some route has this path (→ 405 when route is null)
    std::vector<Verb> allowed;
  };
  // The route for method and path, with its path parameters.
  Match match(Verb method, const std::string& path) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

// True for methods that change state (everything but GET, HEAD, OPTIONS).
bool is_write(Verb v);

}  // namespace lx::http
