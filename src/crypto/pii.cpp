#include "crypto/pii.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <vector>

namespace lx::crypto {
namespace {

constexpr std::string_view kHeader = "liangxin-pii-key-v1";

std::string to_hex(const unsigned char* p, std::size_t n) {
  std::string hex(2 * n + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), p, n);
  hex.pop_back();
  return hex;
}

bool from_hex(const std::string& hex, unsigned char* out, std::size_t n) {
  std::size_t len = 0;
  return sodium_hex2bin(out, n, hex.data(), hex.size(), nullptr, &len, nullptr) == 0 && len == n;
}

}  // namespace

Pii Pii::load_or_create(const std::string& key_file) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  Pii pii;
  if (!std::filesystem::exists(key_file)) {
    auto parent = std::filesystem::path(key_file).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
    randombytes_buf(pii.enc_key_.data(), pii.enc_key_.size());
    randombytes_buf(pii.hash_key_.data(), pii.hash_key_.size());
    std::string text = std::string(kHeader) + "\n" + to_hex(pii.enc_key_.data(), 32) + "\n" +
                       to_hex(pii.hash_key_.data(), 32) + "\n";
    // O_EXCL: two processes starting at once cannot both write a key.
    int fd = ::open(key_file.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd >= 0) {
      bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
      ::close(fd);
      if (!ok) throw std::runtime_error("无法写入密钥文件：" + key_file);
      return pii;
    }
    if (errno != EEXIST) throw std::runtime_error("无法创建密钥文件：" + key_file);
  }
  std::ifstream in(key_file);
  std::string header, enc, hash;
  if (!in || !std::getline(in, header) || header != kHeader || !std::getline(in, enc) || !std::getline(in, hash) ||
      !from_hex(enc, pii.enc_key_.data(), 32) || !from_hex(hash, pii.hash_key_.data(), 32))
    throw std::runtime_error("密钥文件无法读取或格式错误：" + key_file);
  return pii;
}

std::string Pii::encrypt(std::string_view plain) const {
  std::vector<unsigned char> buf(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size());
  randombytes_buf(buf.data(), crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(buf.data() + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char*>(plain.data()),
                        plain.size(), buf.data(), enc_key_.data());
  std::string out(sodium_base64_ENCODED_LEN(buf.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), buf.data(), buf.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

std::optional<std::string> Pii::decrypt(std::string_view sealed) const {
  std::vector<unsigned char> buf(sealed.size());
  std::size_t len = 0;
  if (sodium_base642bin(buf.data(), buf.size(), sealed.data(), sealed.size(), nullptr, &len, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0 ||
      len < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
    return std::nullopt;
  std::string plain(len - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()), buf.data() + crypto_secretbox_NONCEBYTES,
                                 len - crypto_secretbox_NONCEBYTES, buf.data(), enc_key_.data()) != 0)
    return std::nullopt;
  return plain;
}

std::string Pii::lookup_hash(std::string_view plain) const {
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(plain.data()), plain.size(),
                     hash_key_.data(), hash_key_.size());
  return to_hex(out, sizeof out);
}

}  // namespace lx::crypto
