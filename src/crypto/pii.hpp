// Personal information at rest (ID numbers, phone numbers): encrypted with
// XSalsa20-Poly1305 (libsodium secretbox) under a key kept in a file outside
// the database, plus a keyed BLAKE2b hash beside it for lookup and
// uniqueness. The key file is created at first start with mode 0600.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace lx::crypto {

class Pii {
 public:
  // Loads the key file, creating it (0600) when it does not exist. Throws
  // std::runtime_error when the file is unreadable or malformed.
  static Pii load_or_create(const std::string& key_file);

  // Base64 of nonce + ciphertext of plain.
  std::string encrypt(std::string_view plain) const;
  // The plain text of encrypt()'s output; nullopt when it was altered or made under another key.
  std::optional<std::string> decrypt(std::string_view sealed) const;
  // Hex keyed hash of plain: equal inputs give equal hashes under one key.
  std::string lookup_hash(std::string_view plain) const;

 private:
  std::array<unsigned char, 32> enc_key_{};
  std::array<unsigned char, 32> hash_key_{};
};

}  // namespace lx::crypto
