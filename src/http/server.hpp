// The HTTP server: Boost.Beast on Asio with C++20 coroutines, keep-alive,
// limits on header and body size, header and idle timeouts, and a graceful
// stop on SIGTERM/SIGINT (stop accepting, finish requests in flight, close
// idle connections, then return so the database closes cleanly).
#pragma once
#include <functional>
#include <memory>

#include "http/pipeline.hpp"

namespace lx::http {

class Server {
 public:
  Server(const core::Config& cfg, App& app);
  ~Server();

  // Binds the listening socket; returns the port (useful with port 0).
  int bind();
  // Serves until stop() or a signal; returns after the graceful shutdown.
  void run();
  // Asks the server to stop; safe from any thread.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lx::http
