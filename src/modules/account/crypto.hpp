// Password hashing (Argon2id), random tokens and SHA-256, through libsodium.
#pragma once
#include <string>
#include <string_view>

namespace lx::account {

// Initialises libsodium; call once before any other function here.
void crypto_init();

// An Argon2id hash string of password at the named cost ("interactive", "moderate", "min").
std::string hash_password(std::string_view password, std::string_view cost);

// True when password matches the stored Argon2id hash string.
bool verify_password(const std::string& hash, std::string_view password);

// n random bytes as lower-case hex (2n characters).
std::string random_hex(std::size_t n);

// SHA-256 of data as lower-case hex.
std::string sha256_hex(std::string_view data);

// A random password of the given length that meets the default policy
// (upper, lower, digit and symbol; no look-alike characters).
std::string random_password(std::size_t length = 12);

}  // namespace lx::account
