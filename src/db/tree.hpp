// Materialised paths ("/1/5/12/") for the party org and area trees, and the
// index-friendly range that selects a subtree: path >= lo AND path < hi.
#pragma once
#include <cstdint>
#include <string>
#include <utility>

namespace lx::db {

// [lo, hi) such that a path lies in the subtree rooted at `path` exactly when
// lo <= it < hi (bytewise). "/1/5/" → ["/1/5/", "/1/50").
inline std::pair<std::string, std::string> subtree_range(const std::string& path) {
  std::string hi = path;
  if (!hi.empty()) hi.back() = static_cast<char>(hi.back() + 1);
  return {path, hi};
}

// The path of a child with id under a parent path ("" for a root).
inline std::string child_path(const std::string& parent_path, std::int64_t id) {
  return (parent_path.empty() ? std::string("/") : parent_path) + std::to_string(id) + "/";
}

}  // namespace lx::db
