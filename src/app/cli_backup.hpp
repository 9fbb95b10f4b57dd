// The database commands of `liangxin`: backup, restore and copy (the core is
// in db/backup.hpp). Each returns the exit code: 0 done, 1 failure.
#pragma once
#include <string>

#include "core/config.hpp"

namespace lx::app {

// Backs up cfg.db to file while the server may be running.
int cli_backup(const core::Config& cfg, const std::string& file);

// Restores file into cfg.db (which must be empty) and verifies its audit chain.
int cli_restore(const core::Config& cfg, const std::string& file);

// Copies every table of from into to (empty) and verifies the target's audit chain.
int cli_copy(const std::string& from, const std::string& to);

}  // namespace lx::app
