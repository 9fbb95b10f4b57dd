// Slow clients (issue 6): connections that send one header byte a second are
// cut by the header timeout, and while they hang on, they tie up no worker —
// a normal request still answers at once.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "harness.hpp"

namespace lx::test {
namespace {

int connect_to(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// True when the peer has closed fd (read returns 0 or an error), waiting up to ms.
bool closed_by_peer(int fd, int ms) {
  pollfd p{fd, POLLIN, 0};
  if (::poll(&p, 1, ms) <= 0) return false;
  char buf[512];
  for (;;) {
    const auto n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
    if (n == 0) return true;
    if (n < 0) return errno != EAGAIN && errno != EWOULDBLOCK;
    // An answer (408) before the close is fine; keep reading to the close.
    if (::poll(&p, 1, ms) <= 0) return false;
  }
}

TEST(SlowClients, OneByteASecondIsCutByTheHeaderTimeoutWithoutTyingUpWorkers) {
  LX_SKIP_IF_NO_BACKEND();
  Server s(ServerOptions{.demo = false, .sets = {"header_timeout_s=3", "threads=2"}});
  constexpr int kSlow = 64;   // far more than the server's threads
  std::vector<int> slow;
  for (int k = 0; k < kSlow; ++k) {
    int fd = connect_to(s.port());
    ASSERT_GE(fd, 0);
    slow.push_back(fd);
  }
  const std::string request = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n";
  const auto t0 = std::chrono::steady_clock::now();
  std::size_t sent = 0;
  bool served_meanwhile = false;
  // One byte a second on every slow connection; a normal client in between.
  while (std::chrono::steady_clock::now() - t0 < std::chrono::seconds(2)) {
    for (int fd : slow) (void)::send(fd, request.data() + sent, 1, MSG_NOSIGNAL);
    ++sent;
    const auto q0 = std::chrono::steady_clock::now();
    Client normal(s.port());
    auto r = normal.get("/api/v1/health");
    const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - q0).count();
    EXPECT_EQ(r.status, 200);
    EXPECT_LT(ms, 1000) << "a normal request waited behind slow clients";
    served_meanwhile = served_meanwhile || r.status == 200;
    std::this_thread::sleep_for(std::chrono::seconds(1));
  }
  EXPECT_TRUE(served_meanwhile);
  // Past the header timeout (3 s) every slow connection is closed by the server.
  int cut = 0;
  for (int fd : slow) {
    (void)::send(fd, request.data() + sent, 1, MSG_NOSIGNAL);
    cut += closed_by_peer(fd, 5000) ? 1 : 0;
    ::close(fd);
  }
  EXPECT_EQ(cut, kSlow);
  const auto total = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_LT(total, 12) << "the header timeout is 3 s";
  EXPECT_EQ(Client(s.port()).get("/api/v1/health").status, 200);
}

}  // namespace
}  // namespace lx::test
