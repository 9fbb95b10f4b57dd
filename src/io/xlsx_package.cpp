// The .xlsx container; see xlsx_package.hpp. Relationships, workbook and
// styles are small parts, parsed with pugixml (DTDs are never processed, so no
// entity expansion).
#include "io/xlsx_package.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cstring>
#include <sstream>

#include "io/detail.hpp"
#include "io/xlsx_reader.hpp"
#include "io/xml_scan.hpp"

namespace lx::io::xlsx {
namespace {

using detail::excerpt;

std::string dir_of(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash));
}

bool local_is(const pugi::xml_node& n, std::string_view local) { return xml_local_name(n.name()) == local; }

std::string attr_local(const pugi::xml_node& n, std::string_view local) {
  for (const pugi::xml_attribute& a : n.attributes()) {
    if (xml_local_name(a.name()) == local) return a.value();
  }
  return {};
}

pugi::xml_node child_local(const pugi::xml_node& n, std::string_view local) {
  for (const pugi::xml_node& c : n.children()) {
    if (local_is(c, local)) return c;
  }
  return {};
}

Status load_xml(pugi::xml_document& doc, const std::string& xml, const std::string& part) {
  const pugi::xml_parse_result r = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!r) {
    return invalid("xlsx文件已损坏：“" + excerpt(part) + "”不是有效的XML（第" + std::to_string(r.offset) + "字节附近）");
  }
  if (!doc.document_element()) return invalid("xlsx文件已损坏：“" + excerpt(part) + "”为空");
  return {};
}

// Returns the relationships in `rels_part` (by Id), targets resolved against `base_dir`.
Result<std::map<std::string, Relationship>> read_rels(Package& pkg, const std::string& rels_part,
                                                       const std::string& base_dir) {
  std::map<std::string, Relationship> rels;
  auto xml = pkg.read(rels_part);
  if (!xml) return xml.error();
  if (!*xml) return rels;
  pugi::xml_document doc;
  if (auto st = load_xml(doc, **xml, rels_part); !st) return st.error();
  for (const pugi::xml_node& r : doc.document_element().children()) {
    if (!local_is(r, "Relationship")) continue;
    if (std::string_view(r.attribute("TargetMode").value()) == "External") continue;
    const std::string target = r.attribute("Target").value();
    rels.emplace(r.attribute("Id").value(), Relationship{r.attribute("Type").value(), resolve(base_dir, target), target});
  }
  return rels;
}

bool type_is(const std::string& type, std::string_view suffix) { return type.ends_with(suffix); }

}  // namespace

Error invalid(std::string message) { return make_error("invalid_xlsx", std::move(message)); }

Error too_large(const ReadLimits& limits) {
  return make_error("file_too_large", "xlsx文件过大：解压后超过" + std::to_string(limits.max_bytes >> 20) +
                                          " MB，请删除无关的工作表和空白行列，或分成几个文件导入");
}

Result<std::unique_ptr<Package>> Package::open(std::string_view bytes, const ReadLimits& limits) {
  static constexpr char kOle[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
  if (bytes.size() >= 8 && std::memcmp(bytes.data(), kOle, 8) == 0) {
    return invalid(
        "这是旧版Excel（.xls）文件，或设置了打开密码的文件：请在Excel或WPS中另存为.xlsx格式（不设密码）后再导入");
  }
  if (bytes.size() < 4 || bytes.substr(0, 2) != "PK") {
    return invalid("文件不是有效的xlsx文件，请确认上传的是Excel或WPS保存的.xlsx文件");
  }
  if (bytes.size() > limits.max_bytes) return too_large(limits);
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (src == nullptr) {
    zip_error_fini(&err);
    return invalid("无法读取xlsx文件");
  }
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &err);
  zip_error_fini(&err);
  if (z == nullptr) {
    zip_source_free(src);
    return invalid("xlsx文件已损坏，无法解压，请在Excel或WPS中打开后重新保存");
  }
  auto p = std::unique_ptr<Package>(new Package(limits));
  p->zip_.reset(z);
  return p;
}

Result<std::optional<std::string>> Package::read(const std::string& name) {
  zip_int64_t idx = zip_name_locate(zip_.get(), name.c_str(), 0);
  if (idx < 0) idx = zip_name_locate(zip_.get(), name.c_str(), ZIP_FL_NOCASE);
  if (idx < 0) return std::optional<std::string>();
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(zip_.get(), static_cast<zip_uint64_t>(idx), 0, &st) != 0) {
    return invalid("xlsx文件已损坏：无法读取“" + excerpt(name) + "”");
  }
  const std::size_t budget = limits_.max_bytes - used_;
  if ((st.valid & ZIP_STAT_SIZE) && st.size > budget) return too_large(limits_);
  const zip_uint64_t comp = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
  zip_file_t* f = zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(idx), 0);
  if (f == nullptr) return invalid("xlsx文件中的“" + excerpt(name) + "”无法解压（文件已加密或已损坏）");
  std::string out;
  if (st.valid & ZIP_STAT_SIZE) out.reserve(static_cast<std::size_t>(st.size));
  char buf[1 << 16];
  zip_int64_t n = 0;
  while ((n = zip_fread(f, buf, sizeof buf)) > 0) {
    out.append(buf, static_cast<std::size_t>(n));
    if (out.size() > budget) {
      zip_fclose(f);
      return too_large(limits_);
    }
    if (out.size() > (1u << 20) && out.size() / std::max<zip_uint64_t>(comp, 1) > limits_.max_ratio) {
      zip_fclose(f);
      return make_error("file_too_large", "xlsx文件异常：“" + excerpt(name) + "”的压缩比过高，疑似恶意构造的文件");
    }
  }
  zip_fclose(f);
  if (n < 0) return invalid("xlsx文件已损坏：“" + excerpt(name) + "”解压失败");
  used_ += out.size();
  return std::optional<std::string>(std::move(out));
}

std::string resolve(std::string_view base_dir, std::string_view target) {
  std::string t(target);
  for (char& c : t) {
    if (c == '\\') c = '/';
  }
  std::string full = !t.empty() && t[0] == '/' ? t.substr(1) : (base_dir.empty() ? t : std::string(base_dir) + "/" + t);
  std::vector<std::string> parts;
  std::stringstream ss(full);
  for (std::string seg; std::getline(ss, seg, '/');) {
    if (seg.empty() || seg == ".") continue;
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
      continue;
    }
    parts.push_back(seg);
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

Result<Workbook> read_workbook(Package& pkg) {
  Workbook wb;
  auto root_rels = read_rels(pkg, "_rels/.rels", "");
  if (!root_rels) return root_rels.error();
  for (const auto& [id, rel] : *root_rels) {
    if (type_is(rel.type, "/officeDocument")) wb.part = rel.target;
  }
  if (wb.part.empty()) wb.part = "xl/workbook.xml";
  auto xml = pkg.read(wb.part);
  if (!xml) return xml.error();
  if (!*xml) return invalid("文件不是有效的xlsx文件：缺少工作簿（" + excerpt(wb.part) + "）");
  pugi::xml_document doc;
  if (auto st = load_xml(doc, **xml, wb.part); !st) return st.error();
  const pugi::xml_node root = doc.document_element();
  const std::string d1904 = attr_local(child_local(root, "workbookPr"), "date1904");
  wb.date1904 = d1904 == "1" || d1904 == "true";
  for (const pugi::xml_node& s : child_local(root, "sheets").children()) {
    if (local_is(s, "sheet")) {
      const std::string state = attr_local(s, "state");
      wb.sheets.push_back({attr_local(s, "name"), attr_local(s, "id"), state == "hidden" || state == "veryHidden"});
    }
  }
  if (wb.sheets.empty()) return invalid("xlsx文件中没有工作表");
  const std::string dir = dir_of(wb.part);
  const std::string base = wb.part.substr(dir.empty() ? 0 : dir.size() + 1);
  auto rels = read_rels(pkg, (dir.empty() ? "" : dir + "/") + "_rels/" + base + ".rels", dir);
  if (!rels) return rels.error();
  wb.rels = std::move(*rels);
  return wb;
}

std::string find_part(const Workbook& wb, std::string_view suffix) {
  for (const auto& [id, rel] : wb.rels) {
    if (type_is(rel.type, suffix)) return rel.target;
  }
  return {};
}

Result<std::vector<bool>> read_date_styles(Package& pkg, const std::string& part) {
  std::vector<bool> date_styles;
  if (part.empty()) return date_styles;
  auto xml = pkg.read(part);
  if (!xml) return xml.error();
  if (!*xml) return date_styles;
  pugi::xml_document doc;
  if (auto st = load_xml(doc, **xml, part); !st) return st.error();
  const pugi::xml_node root = doc.document_element();
  std::map<int, std::string> custom;
  for (const pugi::xml_node& f : child_local(root, "numFmts").children()) {
    if (local_is(f, "numFmt")) custom[f.attribute("numFmtId").as_int(-1)] = f.attribute("formatCode").value();
  }
  for (const pugi::xml_node& xf : child_local(root, "cellXfs").children()) {
    if (!local_is(xf, "xf")) continue;
    const int id = xf.attribute("numFmtId").as_int(0);
    const auto it = custom.find(id);
    date_styles.push_back(it != custom.end() ? is_date_format_code(it->second) : is_builtin_date_format(id));
  }
  return date_styles;
}

}  // namespace lx::io::xlsx

namespace lx::io {

bool is_builtin_date_format(int id) {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

bool is_date_format_code(std::string_view code) {
  bool has_ymd = false;
  bool has_m = false;
  bool has_time = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == ';') break;  // only the first (positive) section
    if (c == '"') {
      const std::size_t close = code.find('"', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // escaped, padding or fill character
    } else if (c == '[') {
      const std::size_t close = code.find(']', i + 1);
      if (close == std::string_view::npos) break;
      const std::string_view inside = code.substr(i + 1, close - i - 1);
      // [h], [mm], [ss]: elapsed time.
      if (!inside.empty() && (inside[0] == 'h' || inside[0] == 'H' || inside[0] == 's' || inside[0] == 'S')) {
        has_time = true;
      }
      i = close;
    } else {
      const char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (l == 'y' || l == 'd') has_ymd = true;
      if (l == 'm') has_m = true;
      if (l == 'h' || l == 's') has_time = true;
    }
  }
  return has_ymd || (has_m && !has_time);
}

}  // namespace lx::io
