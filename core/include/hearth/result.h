#pragma once
// Result<T>: a value or an Error, the core's way of reporting failure (no exception crosses the
// public API). Shaped like std::expected, which g++ 12 does not ship.

#include <cassert>
#include <string>
#include <utility>
#include <variant>

#include <hearth/source_location.h>

namespace hearth {

/// A fatal problem: where it is (may be empty) and what is wrong, in the house error style.
struct Error {
    SourceLocation where;
    std::string message;

    /// "file:line:col: message", or just the message when there is no location.
    std::string toString() const { return where.prefix() + message; }
};

/// Builds an Error with no location.
inline Error makeError(std::string message) { return Error{{}, std::move(message)}; }
/// Builds an Error at a location.
inline Error makeError(SourceLocation where, std::string message) {
    return Error{std::move(where), std::move(message)};
}

template <typename T>
class [[nodiscard]] Result {
  public:
    Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_state(std::in_place_index<1>, std::move(error)) {}

    bool has_value() const { return m_state.index() == 0; }
    explicit operator bool() const { return has_value(); }

    T& value() & { assert(has_value()); return std::get<0>(m_state); }
    const T& value() const& { assert(has_value()); return std::get<0>(m_state); }
    T&& value() && { assert(has_value()); return std::get<0>(std::move(m_state)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const { assert(!has_value()); return std::get<1>(m_state); }

  private:
    std::variant<T, Error> m_state;
};

/// Result of an operation that yields nothing but may fail.
template <>
class [[nodiscard]] Result<void> {
  public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) {}

    bool has_value() const { return !m_failed; }
    explicit operator bool() const { return has_value(); }
    const Error& error() const { assert(m_failed); return m_error; }

  private:
    Error m_error;
    bool m_failed = false;
};

/// The success value of Result<void>.
inline Result<void> ok() { return Result<void>(); }

}  // namespace hearth
