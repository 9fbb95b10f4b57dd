// Result<T>: a value or an Error, the way core/ and services report failure
// (errors are values inside the core; exceptions only at the edges).
// Error carries a machine code, a Chinese message for the user and, when the
// failure is about one input field, that field's name.
#pragma once
#include <string>
#include <utility>
#include <variant>

namespace lx {

struct Error {
  std::string code;     // machine-readable, e.g. "invalid_uscc"
  std::string message;  // Chinese, shown to the user as is
  std::string field;    // the input field at fault, or empty
  int status = 400;     // HTTP status when the error reaches the edge
};

inline Error make_error(std::string code, std::string message, std::string field = {}, int status = 400) {
  return Error{std::move(code), std::move(message), std::move(field), status};
}

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}          // NOLINT: implicit on purpose
  Result(Error error) : v_(std::move(error)) {}      // NOLINT
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// Result<void>: success or an Error.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : err_(std::move(error)), ok_(false) {}  // NOLINT
  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { return err_; }

 private:
  Error err_;
  bool ok_ = true;
};

using Status = Result<void>;

}  // namespace lx
