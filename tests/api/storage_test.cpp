// Storage faults on SQLite (issue #6): while the database cannot be written
// — the disk is "full" or the files are read-only — writes answer 503
// storage_unavailable with a Chinese message and change nothing, reads keep
// working, and the server recovers by itself once the condition goes away.
// Real kernel mechanisms, no injection: RLIMIT_FSIZE on the server process
// (every write past the limit fails with EFBIG, as on a full disk), and the
// immutable attribute (chattr +i; root only) on the database files, which
// refuses writes even through descriptors opened before.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>

#include "harness.hpp"

namespace lx::test {
namespace {

namespace fs = std::filesystem;

bool set_immutable(const std::string& path, bool on) {
  const int fd = open(path.c_str(), O_RDONLY | O_NONBLOCK);
  if (fd < 0) return false;
  int flags = 0;
  bool ok = ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0;
  if (ok) {
    flags = on ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
    ok = ioctl(fd, FS_IOC_SETFLAGS, &flags) == 0;
  }
  close(fd);
  return ok;
}

// Makes files immutable for its lifetime (so a failing test never leaves
// undeletable files behind).
class Immutable {
 public:
  explicit Immutable(std::vector<std::string> files) : files_(std::move(files)) {
    for (const auto& f : files_) ok_ = ok_ && set_immutable(f, true);
  }
  ~Immutable() { clear(); }
  bool ok() const { return ok_; }
  void clear() {
    for (const auto& f : files_) set_immutable(f, false);
  }

 private:
  std::vector<std::string> files_;
  bool ok_ = true;
};

class StorageFaults : public ::testing::Test {
 protected:
  void SetUp() override {
    LX_SKIP_IF_NO_BACKEND();
    if (backend() != "sqlite") GTEST_SKIP() << "SQLite file faults (PostgreSQL reports 53100 disk full the same way)";
  }

  HttpResponse create(Client& c, std::int64_t parent, const std::string& code) {
    return c.post("/api/v1/areas", json::object{{"name", "存储测试" + code}, {"code", code}, {"parent_id", parent}});
  }

  // The fault is on: writes answer 503 storage_unavailable and reads work.
  void expect_refused(Client& admin, std::int64_t parent, const std::string& code) {
    for (int k = 0; k < 3; ++k) {
      auto r = create(admin, parent, code + std::to_string(k));
      EXPECT_EQ(r.status, 503) << r.body;
      EXPECT_EQ(r.error_code(), "storage_unavailable") << r.body;
      EXPECT_NE(r.body.find("未保存"), std::string::npos) << r.body;
    }
    auto list = admin.get("/api/v1/areas");
    EXPECT_EQ(list.status, 200) << list.body;
    EXPECT_EQ(list.body.find(code + "0"), std::string::npos);
  }

  // Once the fault is gone: writes succeed, nothing of the refused ones is
  // stored, the file is sound and the audit chain verifies.
  void expect_recovered(Server& s, Client& admin, std::int64_t parent, const std::string& refused) {
    auto r = create(admin, parent, refused + "OK");
    EXPECT_EQ(r.status, 201) << r.body << "\n" << s.process().stderr_text().substr(0, 6000);
    EXPECT_EQ(s.scalar("SELECT COUNT(*) FROM areas WHERE code LIKE ?", {refused + "%"}), 1);
    auto c = s.db().acquire();
    EXPECT_EQ(c->scalar_text("PRAGMA integrity_check").value_or(""), "ok");
    auto v = run_liangxin({"audit", "verify", "--db", s.db_url()});
    EXPECT_EQ(v.code, 0) << v.out << v.err;
  }
};

TEST_F(StorageFaults, DiskFullAnswers503ChangesNothingAndRecovers) {
  Server s;
  Client admin = s.admin();
  const auto district = s.scalar("SELECT id FROM areas WHERE level = 'district'");
  ASSERT_EQ(create(admin, district, "BEFOREFULL").status, 201);
  const auto before = s.scalar("SELECT COUNT(*) FROM areas");
  // Any write past the first byte of any file now fails (EFBIG), as when
  // the disk has no free block left.
  rlimit full{1, RLIM_INFINITY};
  ASSERT_EQ(prlimit(s.process().pid(), RLIMIT_FSIZE, &full, nullptr), 0) << "prlimit: " << std::strerror(errno);
  expect_refused(admin, district, "FULL");
  rlimit space{RLIM_INFINITY, RLIM_INFINITY};
  ASSERT_EQ(prlimit(s.process().pid(), RLIMIT_FSIZE, &space, nullptr), 0);
  EXPECT_EQ(s.scalar("SELECT COUNT(*) FROM areas"), before);
  expect_recovered(s, admin, district, "FULL");
}

TEST_F(StorageFaults, ReadOnlyDatabaseFilesAnswer503ChangeNothingAndRecover) {
  Server s;
  Client admin = s.admin();
  const auto district = s.scalar("SELECT id FROM areas WHERE level = 'district'");
  ASSERT_EQ(create(admin, district, "BEFORERO").status, 201);
  const std::string path = s.db_url().substr(7);
  ASSERT_TRUE(fs::exists(path + "-wal"));
  {
    Immutable ro({path, path + "-wal"});
    if (!ro.ok())
      GTEST_SKIP() << "setting the immutable attribute needs root and a filesystem that has it (ext4, xfs); "
                      "the disk-full test covers the same path";
    expect_refused(admin, district, "RO");
  }
  expect_recovered(s, admin, district, "RO");
}

}  // namespace
}  // namespace lx::test
