// Attachments of meetings: checked by name and content, stored on disk under
// the files folder by a random name (written to a temporary file, flushed and
// renamed, so a crash leaves no half file under a real name), served only to
// those who may see the meeting. A file whose database row rolls back stays
// on disk unnamed by any row; deleting keeps the file (the audit row names it).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "core/text.hpp"
#include "modules/account/crypto.hpp"
#include "modules/life/repo.hpp"
#include "modules/life/service.hpp"
#include "modules/life/service_util.hpp"

namespace lx::life {
namespace {

namespace fs = std::filesystem;
using detail::not_found;

constexpr int kMaxFilesPerMeeting = 20;

struct FileType {
  std::string_view ext, content_type, magic;
};

// Allowed types: the extension decides the type, the first bytes must agree.
constexpr FileType kTypes[] = {
    {"pdf", "application/pdf", "%PDF-"},
    {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK\x03\x04"},
    {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK\x03\x04"},
    {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "PK\x03\x04"},
    {"doc", "application/msword", "\xD0\xCF\x11\xE0"},
    {"xls", "application/vnd.ms-excel", "\xD0\xCF\x11\xE0"},
    {"ppt", "application/vnd.ms-powerpoint", "\xD0\xCF\x11\xE0"},
    {"jpg", "image/jpeg", "\xFF\xD8\xFF"},
    {"jpeg", "image/jpeg", "\xFF\xD8\xFF"},
    {"png", "image/png", "\x89PNG"},
    {"txt", "text/plain; charset=utf-8", ""},
};

std::string lower_ext(const std::string& name) {
  const auto dot = name.rfind('.');
  if (dot == std::string::npos) return "";
  std::string e = name.substr(dot + 1);
  std::transform(e.begin(), e.end(), e.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return e;
}

// A file name safe to show and to send back: no path, no control characters.
Result<std::string> clean_name(const std::string& raw) {
  std::string name = core::normalize_cell(raw);
  const auto slash = name.find_last_of("/\\");
  if (slash != std::string::npos) name = name.substr(slash + 1);
  name.erase(std::remove_if(name.begin(), name.end(), [](unsigned char ch) { return ch < 0x20 || ch == 0x7F; }),
             name.end());
  if (name.empty() || name == "." || name == "..") return make_error("required", "请提供文件名", "filename");
  if (!core::is_valid_utf8(name)) return make_error("invalid_value", "文件名不是有效的文字", "filename");
  if (core::utf8_length(name) > 120) return make_error("too_long", "文件名不能超过120个字", "filename");
  return name;
}

Status write_file(const fs::path& path, const std::string& bytes) {
  const fs::path tmp = path.string() + ".tmp";
  {
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) return make_error("storage_unavailable", "附件无法保存：存储目录不可写", {}, 503);
    const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size() && std::fflush(f) == 0 &&
                    ::fsync(fileno(f)) == 0;
    std::fclose(f);
    if (!ok) {
      std::error_code ec;
      fs::remove(tmp, ec);
      return make_error("storage_unavailable", "附件无法保存：磁盘空间不足或不可写", {}, 503);
    }
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) return make_error("storage_unavailable", "附件无法保存：" + ec.message(), {}, 503);
  return {};
}

}  // namespace

Result<Attachment> add_attachment(db::Connection& c, const Actor& a, const std::string& dir, std::int64_t meeting_id,
                                  const Upload& up, std::int64_t max_bytes) {
  auto m = repo::find_meeting(c, meeting_id);
  if (!m || !detail::visible_party_org(c, a, m->party_org_id)) return not_found();
  auto name = clean_name(up.filename);
  if (!name) return name.error();
  const std::string ext = lower_ext(*name);
  const FileType* type = nullptr;
  for (const auto& t : kTypes)
    if (t.ext == ext) type = &t;
  if (!type)
    return make_error("invalid_type", "不支持的附件类型：只能上传 PDF、Word、Excel、PowerPoint、JPG、PNG 或 TXT 文件",
                      "filename", 415);
  if (up.bytes.empty()) return make_error("empty_file", "文件是空的", "file");
  if (static_cast<std::int64_t>(up.bytes.size()) > max_bytes)
    return make_error("too_large", "附件不能超过 " + std::to_string(max_bytes / (1024 * 1024)) + " MB", "file", 413);
  const bool magic_ok = type->magic.empty() ? (core::is_valid_utf8(up.bytes) && up.bytes.find('\0') == std::string::npos)
                                            : up.bytes.compare(0, type->magic.size(), type->magic) == 0;
  if (!magic_ok) return make_error("invalid_type", "文件内容与扩展名 ." + ext + " 不符", "file", 415);
  if (static_cast<int>(repo::attachments_of(c, meeting_id).size()) >= kMaxFilesPerMeeting)
    return make_error("too_many", "每次会议最多上传 " + std::to_string(kMaxFilesPerMeeting) + " 个附件", "file", 409);

  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return make_error("storage_unavailable", "附件目录无法创建：" + ec.message(), {}, 503);
  Attachment at;
  at.meeting_id = meeting_id;
  at.filename = *name;
  at.content_type = std::string(type->content_type);
  at.size = static_cast<std::int64_t>(up.bytes.size());
  at.sha256 = account::sha256_hex(up.bytes);
  at.stored_name = account::random_hex(16) + "." + ext;
  at.created_by = a.login;
  if (auto s = write_file(fs::path(dir) / at.stored_name, up.bytes); !s) return s.error();
  at.id = repo::insert_attachment(c, at);
  return *repo::find_attachment(c, at.id);
}

Result<std::pair<Attachment, std::string>> read_attachment(db::Connection& c, const Actor& a, const std::string& dir,
                                                           std::int64_t id) {
  auto at = repo::find_attachment(c, id);
  if (!at) return not_found();
  auto m = repo::find_meeting(c, at->meeting_id);
  if (!m || !detail::visible_party_org(c, a, m->party_org_id)) return not_found();
  std::ifstream in(fs::path(dir) / at->stored_name, std::ios::binary);
  if (!in) return make_error("storage_unavailable", "附件文件缺失，请联系管理员从备份恢复", {}, 503);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (account::sha256_hex(bytes) != at->sha256)
    return make_error("storage_unavailable", "附件文件已损坏，请联系管理员从备份恢复", {}, 503);
  return std::pair<Attachment, std::string>{*at, std::move(bytes)};
}

Result<Attachment> delete_attachment(db::Connection& c, const Actor& a, std::int64_t id) {
  auto at = repo::find_attachment(c, id);
  if (!at) return not_found();
  auto m = repo::find_meeting(c, at->meeting_id);
  if (!m || !detail::visible_party_org(c, a, m->party_org_id)) return not_found();
  repo::delete_attachment(c, id);
  return *at;
}

}  // namespace lx::life
